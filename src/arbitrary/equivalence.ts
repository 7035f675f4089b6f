/**
 * What "the same value" means after a trip through a wire format: the one place where every
 * difference a format is allowed to make is written down. Anything else a round trip changes
 * is a codec bug.
 *
 * `canonical` first brings any encoder input into the decoded shape (value model,
 * CONTRIBUTING.md): a missing non-nullable value-type member becomes its .NET default, a
 * `null`/`undefined` member becomes absent, members the type does not declare are dropped.
 * Then `expectedAfter(format, …)` applies that format's losses, and only these:
 *
 * JSON (ServiceStack.Text `JsonSerializer`, src/formats/json/index.ts):
 * 1. A `null` dictionary value is omitted by the writer, so the entry is gone.
 * 2. A `null` element of a list of a (non-dictionary) class is written `{}` and reads back as
 *    that class's default instance (every value-type member at its default).
 *    (A `null` string element and a `null` dictionary-class element, e.g. of `List<Struct>`,
 *    are written `null` and stay null; so would a null nested-list element, which these DTOs
 *    do not have.)
 *
 * JSV (ServiceStack.Text `TypeSerializer`, src/formats/jsv/index.ts, jsv-and-json.md §2.6–2.7):
 * 1. A `null` dictionary value is omitted, as in JSON.
 * 2. A `null` element of a list of a class is written `{}`: a default instance, as in JSON.
 * 3. A `null` string element is an empty slot (`[a,,b]`) and a string of white space is
 *    written bare (`[a, ]`); both read back. But when such an element is the list's only one
 *    the list body is blank (`[]`, `[ ]`), and ServiceStack trims a list body with .NET's
 *    `char.IsWhiteSpace` and reads a blank one as the empty list (jsv-and-json.md §3.5):
 *    `[null]`, `[" "]`, `["\u00a0"]`, `["\u2028"]` come back as `[]`. (CR and LF are white
 *    space too, but a string holding one is quoted, so its body is not blank.)
 *    (A `null` dictionary-class element is written `null` and stays null.)
 * 4. The pretty form (`JsvFormatter.Format`) is display-only (ServiceStack cannot read it,
 *    and it re-indents braces inside strings). This codec reads it back exactly except for a
 *    string or key containing a colon, a line break, TABs and `{`/`[`: the formatter's own
 *    layout before a nested value. `jsvPrettyCanCarry` (./pretty.ts) tells those values apart;
 *    properties of the pretty form cover every other value.
 *
 * XML (DataContractSerializer through ServiceStack's `XmlWriter`, src/formats/xml/index.ts):
 * 1. CR never survives the writer: `\r\n` and a lone `\r` in text (string values and
 *    dictionary keys) are written as the line break `\n` (datacontract.md §13.4).
 * 2. Characters XML 1.0 cannot carry make the writer fail; they are outside the value set
 *    (`dtoArbitrary({ format: 'xml' })` never makes them), not an equivalence. So are two
 *    dictionary keys that differ only in their line breaks (`"\n"` and `"\r\n"`): rule 1
 *    writes them as the same key twice, which DCS and this reader refuse as a duplicate.
 *    Null dictionary values, null list elements, empty lists and absent lists all survive.
 *
 * Compact and pretty/indented forms of one format carry the same values (JSV pretty: within
 * `jsvPrettyCanCarry`).
 */
import type { ClassDescriptor, TypeDescriptor } from '../schema/descriptors.js';
import { defaultValue } from '../schema/defaults.js';

/** The three wire formats, by codec name. */
export type WireFormat = 'json' | 'jsv' | 'xml';

function own(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** A class instance as the .NET constructor leaves it: value-type members at their defaults. */
export function defaultInstance(c: ClassDescriptor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.dictionary) return out;
  for (const p of c.properties) {
    const d = defaultValue(p.type);
    if (d !== undefined) out[p.wireName] = d;
  }
  return out;
}

type Leaf = (t: TypeDescriptor, v: unknown) => unknown;

interface Rules {
  /** What becomes of a string (value or dictionary key). */
  readonly text?: (s: string) => string;
  readonly dropNullDictionaryValues: boolean;
  readonly nullClassElementIsDefault: boolean;
  readonly blankOnlyElementIsEmpty: boolean;
}

const CANONICAL: Rules = {
  dropNullDictionaryValues: false,
  nullClassElementIsDefault: false,
  blankOnlyElementIsEmpty: false,
};

const RULES: Readonly<Record<WireFormat, Rules>> = {
  json: { dropNullDictionaryValues: true, nullClassElementIsDefault: true, blankOnlyElementIsEmpty: false },
  jsv: { dropNullDictionaryValues: true, nullClassElementIsDefault: true, blankOnlyElementIsEmpty: true },
  xml: {
    text: (s) => s.replace(/\r\n?/g, '\n'),
    dropNullDictionaryValues: false,
    nullClassElementIsDefault: false,
    blankOnlyElementIsEmpty: false,
  },
};

/**
 * A non-empty string of .NET white space (`char.IsWhiteSpace`) that the JSV writer leaves bare:
 * everything but CR and LF, which make it quote the string.
 */
const BARE_BLANK = /^[\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

function apply(rules: Rules, t: TypeDescriptor, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  switch (t.kind) {
    case 'scalar':
      return t.name === 'String' && rules.text && typeof v === 'string' ? rules.text(v) : v;
    case 'enum':
      return v;
    case 'nullable':
      return apply(rules, t.of, v);
    case 'list': {
      if (!Array.isArray(v)) return v;
      const el = t.of;
      if (rules.blankOnlyElementIsEmpty && v.length === 1 && (el.kind === 'scalar' || el.kind === 'nullable')) {
        const only: unknown = v[0];
        if (only === null || only === undefined || (typeof only === 'string' && BARE_BLANK.test(only))) return [];
      }
      return v.map((e: unknown) => {
        if (e === null || e === undefined) {
          if (rules.nullClassElementIsDefault && el.kind === 'class' && !el.dictionary) return defaultInstance(el);
          return null;
        }
        return apply(rules, el, e);
      });
    }
    case 'dictionary':
      return entries(rules, t.value, v);
    case 'class':
      if (t.dictionary) return entries(rules, t.dictionary.value, v);
      return members(rules, t, v);
  }
}

function entries(rules: Rules, valueType: TypeDescriptor, v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if ((x === null || x === undefined) && rules.dropNullDictionaryValues) continue;
    const key = rules.text ? rules.text(k) : k;
    own(out, key, x === null || x === undefined ? null : apply(rules, valueType, x));
  }
  return out;
}

function members(rules: Rules, c: ClassDescriptor, v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const p of c.properties) {
    const x = has(src, p.wireName) ? src[p.wireName] : undefined;
    if (x === null || x === undefined) {
      const d = defaultValue(p.type);
      if (d !== undefined) out[p.wireName] = d;
      continue;
    }
    out[p.wireName] = apply(rules, p.type, x);
  }
  return out;
}

/** Any encoder input in the decoded shape (see the module comment). Returns a fresh value. */
export function canonical(type: TypeDescriptor, value: unknown): unknown {
  return apply(CANONICAL, type, value);
}

/** The value `decode(encode(value))` must give in `format`: `canonical` plus that format's rules. */
export function expectedAfter(format: WireFormat, type: TypeDescriptor, value: unknown): unknown {
  const rules = RULES[format];
  if (rules === undefined) throw new RangeError(`unknown format ${String(format)}`);
  return apply(rules, type, apply(CANONICAL, type, value));
}

/** The value after a chain of formats: each format's rules in turn. */
export function expectedAfterAll(formats: readonly WireFormat[], type: TypeDescriptor, value: unknown): unknown {
  let v = canonical(type, value);
  for (const f of formats) v = expectedAfter(f, type, v);
  return v;
}

/** `Object.is` on scalars, so NaN equals NaN and -0 differs from 0; text shows both. */
function show(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) return 'absent';
  try {
    return JSON.stringify(v).slice(0, 200);
  } catch {
    return String(v);
  }
}

/**
 * Where `actual` first differs from `expected` as values of `type`, as `path: actual ≠ expected`,
 * or undefined when they are the same value. Same means: scalars by `Object.is`; lists element
 * by element; dictionaries with the same keys in the same order (entry order is data in every
 * format); class instances with the same members present (in any order); every object a plain
 * `Object.prototype` object with own properties, every list an `Array`.
 */
export function firstDifference(type: TypeDescriptor, actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (expected === null || expected === undefined || actual === null || actual === undefined) {
    return actual === expected ? undefined : `${path}: ${show(actual)} ≠ ${show(expected)}`;
  }
  switch (type.kind) {
    case 'scalar':
    case 'enum':
      return Object.is(actual, expected) ? undefined : `${path}: ${show(actual)} ≠ ${show(expected)}`;
    case 'nullable':
      return firstDifference(type.of, actual, expected, path);
    case 'list': {
      if (!Array.isArray(actual) || !Array.isArray(expected)) return `${path}: ${show(actual)} ≠ ${show(expected)} (not both lists)`;
      if (actual.length !== expected.length) return `${path}: ${actual.length} elements ≠ ${expected.length}: ${show(actual)} ≠ ${show(expected)}`;
      for (let i = 0; i < actual.length; i++) {
        const d = firstDifference(type.of, actual[i], expected[i], `${path}[${i}]`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    case 'dictionary':
      return dictionaryDifference(type.value, actual, expected, path);
    case 'class':
      if (type.dictionary) return dictionaryDifference(type.dictionary.value, actual, expected, path);
      return classDifference(type, actual, expected, path);
  }
}

function plainProblem(v: unknown, path: string): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: ${show(v)} is not an object`;
  if (Object.getPrototypeOf(v) !== Object.prototype) return `${path}: not a plain Object.prototype object`;
  return undefined;
}

function dictionaryDifference(valueType: TypeDescriptor, actual: unknown, expected: unknown, path: string): string | undefined {
  const p = plainProblem(actual, path) ?? plainProblem(expected, `${path} (expected)`);
  if (p !== undefined) return p;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const ak = Object.keys(a);
  const ek = Object.keys(e);
  if (ak.length !== ek.length || ak.some((k, i) => k !== ek[i])) return `${path}: keys ${show(ak)} ≠ ${show(ek)}`;
  for (const k of ak) {
    const d = firstDifference(valueType, a[k], e[k], `${path}[${JSON.stringify(k)}]`);
    if (d !== undefined) return d;
  }
  return undefined;
}

function classDifference(c: ClassDescriptor, actual: unknown, expected: unknown, path: string): string | undefined {
  const p = plainProblem(actual, path) ?? plainProblem(expected, `${path} (expected)`);
  if (p !== undefined) return p;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const ak = new Set(Object.keys(a));
  const ek = new Set(Object.keys(e));
  for (const k of ak) if (!ek.has(k)) return `${path}.${k}: ${show(a[k])} ≠ absent`;
  for (const k of ek) if (!ak.has(k)) return `${path}.${k}: absent ≠ ${show(e[k])}`;
  for (const prop of c.properties) {
    if (!ak.has(prop.wireName)) continue;
    const d = firstDifference(prop.type, a[prop.wireName], e[prop.wireName], `${path}.${prop.wireName}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** `firstDifference(...) === undefined`. */
export function sameValue(type: TypeDescriptor, actual: unknown, expected: unknown): boolean {
  return firstDifference(type, actual, expected) === undefined;
}
