/**
 * The container writers of the text formats (JSON and JSV). Both write a list as `[a,b]`, a
 * dictionary as `{key:value,…}` without its null values, and a POCO as `{key value,…}` in
 * declaration order, skipping null members and writing the .NET default of a missing
 * non-nullable value type. What differs is passed in: each format's writer per descriptor,
 * the text of a null element, and the key text (`"name":` against `name:`), precomputed per
 * member.
 */
import { describeFound } from '../../errors.js';
import { defaultValue } from '../../schema/defaults.js';
import { defaultTest } from './default-test.js';
import { typeLabel, type ClassDescriptor, type DictionaryDescriptor, type ListDescriptor, type TypeDescriptor } from '../../schema/descriptors.js';
import { fail, Failure } from './failure.js';
import { getOwn, isPlainObject } from './objects.js';
import { SCALARS, ScalarProblem, type ScalarName, type ScalarValues } from '../../schema/scalars.js';

/** Returns the text of a value that is neither null nor undefined. */
export type Writer = (value: unknown) => string;

/** `describeFound`, but objects read `an object` (it says `a object`). */
export function describeValue(v: unknown): string {
  return isPlainObject(v) ? 'an object' : describeFound(v);
}

/** A coerced value's problem as the JSON/JSV writers report it (`type`/`range`, the .NET type expected). */
function scalarProblem(name: string, v: unknown, p: ScalarProblem): never {
  fail({
    code: p.code,
    expected: name,
    found: describeValue(v),
    ...(p.detail !== undefined ? { detail: p.detail } : p.code === 'range' ? { detail: `outside the ${name} range` } : {}),
  });
}

/** A writer that normalises its input with the scalar's `coerce` (range/type errors) and formats it. */
export function coerced<N extends ScalarName>(name: N, format: (v: ScalarValues[N]) => string): Writer {
  const coerce = SCALARS[name].coerce;
  return (v) => {
    const c = coerce(v);
    if (c instanceof ScalarProblem) return scalarProblem(name, v, c);
    return format(c as ScalarValues[N]);
  };
}

export function wrongType(expected: string, v: unknown): never {
  fail({ code: 'type', expected, found: describeValue(v) });
}

/**
 * Past this many characters a list's or dictionary's text so far is flattened and set aside.
 * V8 keeps `a + b` as a tree of pieces until the text is read, and a long document's tree
 * (a piece per key and value, ~150 000 for 1 000 CustomerInfo) outlives the young
 * generation: the collector then copies and promotes all of it, which took three quarters of
 * the time of encoding a list of 1 000 CustomerInfo. Flat chunks of this size are few and go
 * straight to the large-object space; the pieces die young. Small containers never reach it.
 */
const CHUNK = 1 << 16;

/** `s`, flattened: reading a character makes V8 copy the pieces into one string (the test only keeps the read from being dropped; it is never true). */
function flattened(s: string): string {
  return s.charCodeAt(0) < 0 ? '' : s;
}

/**
 * The writer of list `t`. `nullText` is what a null element becomes, undefined where it cannot
 * be null (a non-nullable value type).
 */
export function listWriter(t: ListDescriptor, nullText: string | undefined, writerOf: (t: TypeDescriptor) => Writer): Writer {
  let write: Writer | undefined;
  const label = typeLabel(t);
  const elementLabel = typeLabel(t.of);
  return (v) => {
    if (!Array.isArray(v)) return wrongType(label, v);
    const n = v.length;
    if (n === 0) return '[]';
    write ??= writerOf(t.of);
    // `done`: the flattened chunks (see CHUNK); `s`: the text since the last one.
    let done = '';
    let s = '[';
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (i > 0) s += ',';
      if (x === null || x === undefined) {
        if (nullText === undefined) throw new Failure({ code: 'type', expected: elementLabel, found: describeValue(x) }).at(i);
        s += nullText;
        continue;
      }
      try {
        s += write(x);
      } catch (e) {
        throw e instanceof Failure ? e.at(i) : e;
      }
      if (s.length > CHUNK) {
        done += flattened(s);
        s = '';
      }
    }
    return done + s + ']';
  };
}

/**
 * The writer of dictionary `t` (`label` names it in messages: a class deriving from a
 * dictionary goes by its own name). `keyText` is a key's text before its `:`; a key it refuses
 * is reported at that key.
 */
export function dictionaryWriter(
  t: DictionaryDescriptor,
  label: string,
  writerOf: (t: TypeDescriptor) => Writer,
  keyText: (key: string) => string,
): Writer {
  let write: Writer | undefined;
  return (v) => {
    if (!isPlainObject(v)) return wrongType(label, v);
    write ??= writerOf(t.value);
    // `done`: the flattened chunks (see CHUNK); `s`: the text since the last one.
    let done = '';
    let s = '';
    for (const k of Object.keys(v)) {
      const x = v[k];
      // ServiceStack omits null dictionary values (IncludeNullValuesInDictionaries is off).
      if (x === null || x === undefined) continue;
      let text: string;
      try {
        text = keyText(k) + ':' + write(x);
      } catch (e) {
        throw e instanceof Failure ? e.at(k) : e;
      }
      s += (s === '' && done === '' ? '{' : ',') + text;
      if (s.length > CHUNK) {
        done += flattened(s);
        s = '';
      }
    }
    return s === '' && done === '' ? '{}' : done + s + '}';
  };
}

interface MemberWriter {
  readonly wire: string;
  /** The member's key as the format writes it, separator included (`"name":`, `name:`). */
  readonly key: string;
  readonly write: Writer;
  /**
   * What is written when the member is missing: the text of the .NET default for a non-nullable
   * value type, or `null` for another type under `IncludeNullValues` (JSON only); undefined: omit it.
   */
  readonly defaultText: string | undefined;
  /** The wire name is also an `Object.prototype` member (`constructor`), so read it as an own property only. */
  readonly ownOnly: boolean;
  /**
   * `ExcludeDefaultValues`, or `[DataMember(EmitDefaultValue = false)]` on a `[DataContract]`
   * class: a value equal to the type's default is not written (WriteType.cs
   * `ShouldWriteProperty`; enums are exempt: `IncludeDefaultEnums` is on). Undefined: write it.
   */
  readonly isDefault: ((v: unknown) => boolean) | undefined;
}

/** What differs between the formats' class writers beyond the key text. */
export interface ClassWriterOptions {
  readonly format: 'JSON' | 'JSV';
  /**
   * The text of a null member when the profile's `includeNullValues` is on; undefined where the
   * format never writes null members (JSV: `JsvTypeSerializer.IncludeNullValues` is always false).
   */
  readonly nullText: string | undefined;
}

/**
 * The writer of class `t`. `writerOf` is the format's writer per descriptor and `keyText` the
 * key it writes before a member's value. The profile switches (`excludeDefaultValues`,
 * `includeNullValues`) and `DataMember.EmitDefaultValue` are resolved here, once per class.
 */
export function classWriter(
  t: ClassDescriptor,
  writerOf: (t: TypeDescriptor) => Writer,
  keyText: (wireName: string) => string,
  options: ClassWriterOptions,
): Writer {
  // Members are resolved on first call: the class may be reached again while its members
  // compile (Struct → Value → List<Struct>), and by then this writer is in the format's cache.
  let body: ClassBody | undefined;
  const resolve = (): ClassBody =>
    compileClassBody(
      t.properties.map((p) => {
        let write: Writer;
        try {
          write = writerOf(p.type);
        } catch (e) {
          throw e instanceof Failure ? e.at(p.wireName) : e;
        }
        const d = defaultValue(p.type);
        const omitDefault =
          p.type.kind !== 'enum' && (t.profile.excludeDefaultValues || (t.isDataContract && !p.emitDefaultValue));
        const nullable = d === undefined;
        return {
          wire: p.wireName,
          key: keyText(p.wireName),
          write,
          // ShouldWriteProperty: a default value is dropped under the two switches above; a null
          // one is written only with IncludeNullValues (and neither switch).
          defaultText: omitDefault ? undefined : nullable ? (t.profile.includeNullValues ? options.nullText : undefined) : write(d),
          ownOnly: p.wireName in Object.prototype,
          isDefault: omitDefault && !nullable ? defaultTest(p.type) : undefined,
        };
      }),
    );
  return (v) => {
    if (!isPlainObject(v)) return wrongType(t.name, v);
    return (body ??= resolve())(v);
  };
}

type ClassBody = (v: Record<string, unknown>) => string;

/** The member loop as a closure: the fallback where code generation is disabled. */
function genericClassBody(ms: readonly MemberWriter[]): ClassBody {
  return (v) => {
    let s = '';
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      const x = m.ownOnly ? getOwn(v, m.wire) : v[m.wire];
      let text: string;
      if (x === null || x === undefined) {
        if (m.defaultText === undefined) continue;
        text = m.defaultText;
      } else if (m.isDefault !== undefined && m.isDefault(x)) {
        continue;
      } else {
        try {
          text = m.write(x);
        } catch (e) {
          throw e instanceof Failure ? e.at(m.wire) : e;
        }
      }
      s += (s === '' ? '{' : ',') + m.key + text;
    }
    return s === '' ? '{}' : s + '}';
  };
}

/**
 * Generated once per class so every property read has a constant key: a loop reading
 * computed keys goes megamorphic across classes. Falls back to the closure where code
 * generation is disabled (CSP, --disallow-code-generation-from-strings).
 */
function compileClassBody(ms: readonly MemberWriter[]): ClassBody {
  let code = "let s = '', x, i = 0;\ntry {\n";
  ms.forEach((m, i) => {
    const key = JSON.stringify(m.wire);
    const read = m.ownOnly ? `G(v, ${key})` : `v[${key}]`;
    const put = (text: string): string => `s += (s === '' ? ${JSON.stringify('{' + m.key)} : ${JSON.stringify(',' + m.key)}) + ${text};`;
    code += `i = ${i}; x = ${read};\n`;
    // The profile's default test only appears in classes that need it: the common body is unchanged.
    const test = m.isDefault === undefined ? '' : ` && !D[${i}](x)`;
    code += `if (x !== null && x !== undefined${test}) ${put(`W[${i}](x)`)}`;
    code += m.defaultText === undefined ? '\n' : ` else ${put(JSON.stringify(m.defaultText))}\n`;
  });
  code += "} catch (e) { throw A(e, i); }\nreturn s === '' ? '{}' : s + '}';";
  const writers = ms.map((m) => m.write);
  const annotate = (e: unknown, i: number): unknown => (e instanceof Failure ? e.at(ms[i]!.wire) : e);
  try {
    const make = new Function('W', 'G', 'A', 'D', `return (v) => {\n${code}\n};`) as (
      w: readonly Writer[],
      g: typeof getOwn,
      a: typeof annotate,
      d: readonly (((v: unknown) => boolean) | undefined)[],
    ) => ClassBody;
    return make(
      writers,
      getOwn,
      annotate,
      ms.map((m) => m.isDefault),
    );
  } catch {
    return genericClassBody(ms);
  }
}
