/**
 * The JSV writer: the compact text ServiceStack.Text's `TypeSerializer` writes
 * (jsv-and-json.md §2). One writer closure per descriptor, compiled on first use; a writer
 * takes a non-null value and returns its JSV text, and each container decides itself what a
 * null member/element/value becomes (omitted, an empty slot, `{}` or `null`).
 */
import { describeFound } from '../../errors.js';
import { defaultValue } from '../../schema/defaults.js';
import {
  typeLabel,
  type ClassDescriptor,
  type DictionaryDescriptor,
  type EnumDescriptor,
  type ListDescriptor,
  type ScalarDescriptor,
  type TypeDescriptor,
} from '../../schema/descriptors.js';
import { fail, Failure } from '../common/failure.js';
import { formatDouble, parseDouble } from '../common/numbers.js';
import { getOwn, isPlainObject } from '../common/objects.js';

/** Returns the JSV text of a value that is neither null nor undefined. */
export type Writer = (value: unknown) => string;

// ---------------------------------------------------------------------------------------------
// Strings

/** The nine characters that make ServiceStack quote a string (`JsWriter.EscapeChars`). */
const NEEDS_QUOTES = /[":,{}[\]\r\n]/;

/**
 * A string as JSV writes it (§2.2): `""` for the empty string; wrapped in quotes with every
 * inner `"` doubled if it contains `"` `:` `,` `{` `}` `[` `]` CR or LF; otherwise verbatim,
 * spaces, tabs, backslashes and non-ASCII included. There is no backslash escaping in JSV.
 */
export function quoteJsvString(s: string): string {
  if (s.length === 0) return '""';
  if (!NEEDS_QUOTES.test(s)) return s;
  return '"' + (s.indexOf('"') < 0 ? s : s.replace(/"/g, '""')) + '"';
}

// ---------------------------------------------------------------------------------------------
// Compilation

const cache = new WeakMap<TypeDescriptor, Writer>();

/** The writer for `t`, compiled once per descriptor. */
export function writerFor(t: TypeDescriptor): Writer {
  let w = cache.get(t);
  if (w === undefined) {
    w = compile(t);
    cache.set(t, w);
  }
  return w;
}

function compile(t: TypeDescriptor): Writer {
  switch (t.kind) {
    case 'scalar':
      return scalarWriter(t);
    case 'enum':
      return enumWriter(t);
    case 'nullable':
      // A present Nullable<T> is written exactly like T; absence is the container's business.
      return writerFor(t.of);
    case 'list':
      return listWriter(t);
    case 'dictionary':
      return dictionaryWriter(t, typeLabel(t));
    case 'class':
      if (t.dictionary) return dictionaryWriter(t.dictionary, t.name);
      return classWriter(t);
  }
}

/** `describeFound`, but objects read `an object` (it says `a object`). */
function describe(v: unknown): string {
  return isPlainObject(v) ? 'an object' : describeFound(v);
}

function wrongType(expected: string, v: unknown): never {
  fail({ code: 'type', expected, found: describe(v) });
}

function writeString(v: unknown): string {
  return typeof v === 'string' ? quoteJsvString(v) : wrongType('String', v);
}

function writeBoolean(v: unknown): string {
  return v === true ? 'True' : v === false ? 'False' : wrongType('Boolean', v);
}

function writeInt32(v: unknown): string {
  // `(v | 0) === v` is exactly "an integer in Int32 range" (and prints -0 as 0).
  if (typeof v === 'number' && (v | 0) === v) return '' + v;
  if (typeof v === 'number' && Number.isInteger(v)) {
    fail({ code: 'range', expected: 'Int32', found: String(v), detail: 'outside the Int32 range' });
  }
  return wrongType('Int32', v);
}

function writeDouble(v: unknown): string {
  return typeof v === 'number' ? formatDouble(v) : wrongType('Double', v);
}

function scalarWriter(t: ScalarDescriptor): Writer {
  switch (t.name) {
    case 'String':
      return writeString;
    case 'Boolean':
      return writeBoolean;
    case 'Int32':
      return writeInt32;
    case 'Double':
      return writeDouble;
  }
}

function enumWriter(t: EnumDescriptor): Writer {
  // Written raw, not through the string rule: member names are identifiers.
  const names = new Set(t.members.map((m) => m.name));
  const expected = `a ${t.name} member`;
  return (v) => {
    if (typeof v !== 'string') return wrongType(`${expected} name`, v);
    if (!names.has(v)) fail({ code: 'enum', expected, found: describeFound(v) });
    return v;
  };
}

/**
 * What a null element becomes (§2.6): an empty slot for strings, nullables and nested lists;
 * `null` for dictionaries (Struct included: it is written by the dictionary writer); `{}` for
 * a POCO. A non-nullable value type cannot be null in .NET, so it is an error (undefined here).
 */
export function nullElementText(t: TypeDescriptor): string | undefined {
  switch (t.kind) {
    case 'scalar':
      return t.isValueType ? undefined : '';
    case 'enum':
      return undefined;
    case 'nullable':
    case 'list':
      return '';
    case 'dictionary':
      return 'null';
    case 'class':
      return t.dictionary ? 'null' : '{}';
  }
}

function listWriter(t: ListDescriptor): Writer {
  let write: Writer | undefined;
  const nullText = nullElementText(t.of);
  const label = typeLabel(t);
  const elementLabel = typeLabel(t.of);
  return (v) => {
    if (!Array.isArray(v)) return wrongType(label, v);
    const n = v.length;
    if (n === 0) return '[]';
    write ??= writerFor(t.of);
    let s = '[';
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (i > 0) s += ',';
      if (x === null || x === undefined) {
        if (nullText === undefined) throw new Failure({ code: 'type', expected: elementLabel, found: describe(x) }).at(i);
        s += nullText;
        continue;
      }
      try {
        s += write(x);
      } catch (e) {
        throw e instanceof Failure ? e.at(i) : e;
      }
    }
    return s + ']';
  };
}

/** Dictionary keys are JavaScript strings; this is their JSV text under the key type (§2.7). */
function keyWriter(t: ScalarDescriptor): (k: string) => string {
  switch (t.name) {
    case 'String':
      return quoteJsvString;
    case 'Int32':
      return (k) => {
        const n = /^-?\d+$/.test(k) ? Number(k) : NaN;
        if ((n | 0) !== n) fail({ code: 'type', expected: 'an Int32 key', found: describeFound(k) });
        return '' + n;
      };
    case 'Boolean':
      return (k) => {
        const b = k === 'true' || k === 'True' ? true : k === 'false' || k === 'False' ? false : undefined;
        return b === undefined ? fail({ code: 'type', expected: 'a Boolean key', found: describeFound(k) }) : b ? 'True' : 'False';
      };
    case 'Double':
      return (k) => {
        const d = parseDouble(k);
        return d === undefined ? fail({ code: 'type', expected: 'a Double key', found: describeFound(k) }) : formatDouble(d);
      };
  }
}

function dictionaryWriter(t: DictionaryDescriptor, label: string): Writer {
  let write: Writer | undefined;
  const writeKey = keyWriter(t.key);
  return (v) => {
    if (!isPlainObject(v)) return wrongType(label, v);
    write ??= writerFor(t.value);
    let s = '';
    for (const k of Object.keys(v)) {
      const x = v[k];
      // JSV never writes a null dictionary value (IncludeNullValuesInDictionaries is off).
      if (x === null || x === undefined) continue;
      let text: string;
      try {
        text = writeKey(k) + ':' + write(x);
      } catch (e) {
        throw e instanceof Failure ? e.at(k) : e;
      }
      s += (s === '' ? '{' : ',') + text;
    }
    return s === '' ? '{}' : s + '}';
  };
}

interface MemberWriter {
  readonly wire: string;
  readonly write: Writer;
  /** The JSV text of the .NET default for a non-nullable value type, written when the member is missing. */
  readonly defaultText: string | undefined;
  /** The wire name is also an `Object.prototype` member (`constructor`), so read it as an own property only. */
  readonly ownOnly: boolean;
}

function classWriter(t: ClassDescriptor): Writer {
  // Members are resolved on first call: the class may be reached again while its members
  // compile (Struct → Value → List<Struct>), and by then this closure is in the cache.
  let body: ClassBody | undefined;
  const resolve = (): ClassBody =>
    compileClassBody(
      t.properties.map((p) => {
        const write = writerFor(p.type);
        const d = defaultValue(p.type);
        return {
          wire: p.wireName,
          write,
          defaultText: d === undefined ? undefined : write(d),
          ownOnly: p.wireName in Object.prototype,
        };
      }),
    );
  const w: Writer = (v) => {
    if (!isPlainObject(v)) return wrongType(t.name, v);
    return (body ??= resolve())(v);
  };
  cache.set(t, w);
  return w;
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
      } else {
        try {
          text = m.write(x);
        } catch (e) {
          throw e instanceof Failure ? e.at(m.wire) : e;
        }
      }
      s += (s === '' ? '{' : ',') + m.wire + ':' + text;
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
    const put = (text: string): string =>
      `s += (s === '' ? ${JSON.stringify('{' + m.wire + ':')} : ${JSON.stringify(',' + m.wire + ':')}) + ${text};`;
    code += `i = ${i}; x = ${read};\n`;
    code += `if (x !== null && x !== undefined) ${put(`W[${i}](x)`)}`;
    code += m.defaultText === undefined ? '\n' : ` else ${put(JSON.stringify(m.defaultText))}\n`;
  });
  code += "} catch (e) { throw A(e, i); }\nreturn s === '' ? '{}' : s + '}';";
  const writers = ms.map((m) => m.write);
  const annotate = (e: unknown, i: number): unknown => (e instanceof Failure ? e.at(ms[i]!.wire) : e);
  try {
    const make = new Function('W', 'G', 'A', `return (v) => {\n${code}\n};`) as (
      w: readonly Writer[],
      g: typeof getOwn,
      a: typeof annotate,
    ) => ClassBody;
    return make(writers, getOwn, annotate);
  } catch {
    return genericClassBody(ms);
  }
}
