/**
 * The JSON writer: what a ServiceStack.Text host sends (jsv-and-json.md §6.1). One writer
 * closure per descriptor, compiled on first use; a writer takes a non-null value and returns
 * its JSON text, and each container decides itself what a null member/element/value becomes.
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
import { formatDouble } from '../common/numbers.js';
import { getOwn, isPlainObject } from '../common/objects.js';
import type { NonFiniteMode } from './options.js';

/** Returns the JSON text of a value that is neither null nor undefined. */
export type Writer = (value: unknown) => string;

// ---------------------------------------------------------------------------------------------
// Strings

/** Characters ServiceStack escapes: `"`, `\`, C0 controls and the C1 range with DEL. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f]/;

const ESCAPES: readonly string[] = (() => {
  const t: string[] = [];
  for (let c = 0; c <= 0x9f; c++) {
    if (c < 0x20 || c >= 0x7f) t[c] = '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  t[0x22] = '\\"';
  t[0x5c] = '\\\\';
  t[0x0a] = '\\n';
  t[0x0d] = '\\r';
  t[0x09] = '\\t';
  t[0x0c] = '\\f';
  t[0x08] = '\\b';
  return t;
})();

/**
 * A JSON string literal as ServiceStack.Text writes it: the seven short escapes, other control
 * characters (U+0000–U+001F, U+007F–U+009F) as `\uXXXX` in upper-case hex, everything else raw
 * (non-ASCII, `/`, `<>&'`, U+2028/U+2029, lone surrogates).
 */
export function quoteJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x9f) {
      const e = ESCAPES[c];
      if (e !== undefined) {
        out += s.slice(from, i) + e;
        from = i + 1;
      }
    }
  }
  return out + s.slice(from) + '"';
}

// ---------------------------------------------------------------------------------------------
// Compilation

const caches: Record<NonFiniteMode, WeakMap<TypeDescriptor, Writer>> = {
  bare: new WeakMap(),
  string: new WeakMap(),
};

/** The writer for `t`, compiled once per descriptor and non-finite mode. */
export function writerFor(t: TypeDescriptor, nonFinite: NonFiniteMode): Writer {
  const cache = caches[nonFinite];
  let w = cache.get(t);
  if (w === undefined) {
    w = compile(t, nonFinite, cache);
    cache.set(t, w);
  }
  return w;
}

function compile(t: TypeDescriptor, nf: NonFiniteMode, cache: WeakMap<TypeDescriptor, Writer>): Writer {
  switch (t.kind) {
    case 'scalar':
      return scalarWriter(t, nf);
    case 'enum':
      return enumWriter(t);
    case 'nullable':
      // A present Nullable<T> is written exactly like T; absence is the container's business.
      return writerFor(t.of, nf);
    case 'list':
      return listWriter(t, nf);
    case 'dictionary':
      return dictionaryWriter(t, typeLabel(t), nf);
    case 'class':
      if (t.dictionary) return dictionaryWriter(t.dictionary, t.name, nf);
      return classWriter(t, nf, cache);
  }
}

/** `describeFound`, but objects read `an object` (it says `a object`). */
function describe(v: unknown): string {
  return isPlainObject(v) ? 'an object' : describeFound(v);
}

function wrongType(expected: string, v: unknown): never {
  fail({ code: 'type', expected, found: describe(v) });
}

function scalarWriter(t: ScalarDescriptor, nf: NonFiniteMode): Writer {
  switch (t.name) {
    case 'String':
      return (v) => (typeof v === 'string' ? quoteJsonString(v) : wrongType('String', v));
    case 'Boolean':
      return (v) => (v === true ? 'true' : v === false ? 'false' : wrongType('Boolean', v));
    case 'Int32':
      return (v) => {
        // `(v | 0) === v` is exactly "an integer in Int32 range" (and maps -0 to 0 in the text).
        if (typeof v === 'number' && (v | 0) === v) return '' + v;
        if (typeof v === 'number' && Number.isInteger(v)) {
          fail({ code: 'range', expected: 'Int32', found: String(v), detail: 'outside the Int32 range' });
        }
        return wrongType('Int32', v);
      };
    case 'Double':
      if (nf === 'string') {
        return (v) => {
          if (typeof v !== 'number') return wrongType('Double', v);
          const s = formatDouble(v);
          return v - v === 0 ? s : '"' + s + '"';
        };
      }
      return (v) => (typeof v === 'number' ? formatDouble(v) : wrongType('Double', v));
  }
}

function enumWriter(t: EnumDescriptor): Writer {
  const quoted = new Map<string, string>();
  for (const m of t.members) quoted.set(m.name, quoteJsonString(m.name));
  const expected = `a ${t.name} member`;
  return (v) => {
    if (typeof v !== 'string') return wrongType(`${expected} name`, v);
    const q = quoted.get(v);
    if (q === undefined) fail({ code: 'enum', expected, found: describeFound(v) });
    return q;
  };
}

/**
 * What a null element becomes (§6.1): `null` for strings, nullables and dictionaries (Struct
 * included: it is written by the dictionary writer), `{}` for a POCO (ServiceStack writes an
 * empty object), and `null` for a nested list, where ServiceStack writes nothing at all
 * (`[[1],]`), which no JSON reader accepts, its own included. A non-nullable value-type element
 * cannot be null in .NET, so it is an error (undefined here).
 */
function nullElementText(t: TypeDescriptor): string | undefined {
  switch (t.kind) {
    case 'scalar':
      return t.isValueType ? undefined : 'null';
    case 'enum':
      return undefined;
    case 'class':
      return t.dictionary ? 'null' : '{}';
    case 'nullable':
    case 'list':
    case 'dictionary':
      return 'null';
  }
}

function listWriter(t: ListDescriptor, nf: NonFiniteMode): Writer {
  let write: Writer | undefined;
  const nullText = nullElementText(t.of);
  const label = typeLabel(t);
  const elementLabel = typeLabel(t.of);
  return (v) => {
    if (!Array.isArray(v)) return wrongType(label, v);
    const n = v.length;
    if (n === 0) return '[]';
    write ??= writerFor(t.of, nf);
    let s = '[';
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (i > 0) s += ',';
      if (x === null || x === undefined) {
        if (nullText === undefined) {
          throw new Failure({ code: 'type', expected: elementLabel, found: describe(x) }).at(i);
        }
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

function dictionaryWriter(t: DictionaryDescriptor, label: string, nf: NonFiniteMode): Writer {
  let write: Writer | undefined;
  return (v) => {
    if (!isPlainObject(v)) return wrongType(label, v);
    write ??= writerFor(t.value, nf);
    let s = '';
    for (const k of Object.keys(v)) {
      const x = v[k];
      // ServiceStack omits null dictionary values (IncludeNullValuesInDictionaries=false).
      if (x === null || x === undefined) continue;
      let text: string;
      try {
        text = write(x);
      } catch (e) {
        throw e instanceof Failure ? e.at(k) : e;
      }
      s += (s === '' ? '{' : ',') + quoteJsonString(k) + ':' + text;
    }
    return s === '' ? '{}' : s + '}';
  };
}

interface MemberWriter {
  readonly wire: string;
  /** `"wireName":` */
  readonly key: string;
  readonly write: Writer;
  /** The JSON text of the .NET default for a non-nullable value type, written when the member is missing. */
  readonly defaultText: string | undefined;
  /** The wire name is also an `Object.prototype` member (`constructor`), so read it as an own property only. */
  readonly ownOnly: boolean;
}

function classWriter(t: ClassDescriptor, nf: NonFiniteMode, cache: WeakMap<TypeDescriptor, Writer>): Writer {
  // Members are resolved on first call: the class may be reached again while its members
  // compile (Struct → Value → List<Struct>), and by then this closure is in the cache.
  let members: MemberWriter[] | undefined;
  const resolve = (): MemberWriter[] =>
    t.properties.map((p) => {
      const write = writerFor(p.type, nf);
      const d = defaultValue(p.type);
      return {
        wire: p.wireName,
        key: quoteJsonString(p.wireName) + ':',
        write,
        defaultText: d === undefined ? undefined : write(d),
        ownOnly: p.wireName in Object.prototype,
      };
    });
  let body: ((v: Record<string, unknown>) => string) | undefined;
  const w: Writer = (v) => {
    if (!isPlainObject(v)) return wrongType(t.name, v);
    return (body ??= compileClassBody((members ??= resolve())))(v);
  };
  cache.set(t, w);
  return w;
}

type ClassBody = (v: Record<string, unknown>) => string;

/** The member loop, as a closure (the fallback) or generated per class (see below). */
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

// ---------------------------------------------------------------------------------------------
// Pretty form

/**
 * Re-indents compact JSON with two spaces per level and `": "` after names; empty `{}`/`[]`
 * stay on one line. Works on the writer's own output only (it assumes no whitespace between
 * tokens), which is why it can be a single character loop.
 */
export function indentJson(compact: string, newline: string): string {
  let out = '';
  let indent = '';
  let from = 0;
  const n = compact.length;
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i);
    if (c === 0x22) {
      // Skip to the closing quote; an escaped quote is preceded by an odd run of backslashes.
      i++;
      while (i < n) {
        const d = compact.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      continue;
    }
    let piece: string;
    if (c === 0x7b || c === 0x5b) {
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (compact.charCodeAt(i + 1) === close) {
        i++;
        continue;
      }
      indent += '  ';
      piece = compact[i]! + newline + indent;
    } else if (c === 0x7d || c === 0x5d) {
      indent = indent.slice(2);
      piece = newline + indent + compact[i]!;
    } else if (c === 0x2c) {
      piece = ',' + newline + indent;
    } else if (c === 0x3a) {
      piece = ': ';
    } else {
      continue;
    }
    out += compact.slice(from, i) + piece;
    from = i + 1;
  }
  return out + compact.slice(from);
}
