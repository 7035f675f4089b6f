/**
 * The JSV reader: a single-pass, schema-driven scanner over the text, one reader closure per
 * descriptor, compiled on first use. It accepts what ServiceStack.Text's reader accepts
 * (jsv-and-json.md §3) and raises where ServiceStack would silently drop a value (unless
 * `lenient`). The pretty form is first turned back into compact text (`unformatJsv`), with a
 * table of where each character came from so positions in errors are the input's.
 *
 * The scanner state is module-level (one document at a time, no re-entrancy: readers never
 * call user code), which keeps the hot path free of context objects.
 */
import { describeFound, type DtoErrorCode } from '../../errors.js';
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
import { fail, Failure, lineCol } from '../common/failure.js';
import { formatDouble, INT32_MAX, INT32_MIN, parseDouble, parseServiceStackBoolean, ServerValue } from '../common/numbers.js';
import { compileBuilder, type Builder } from '../common/builder.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { compileEnum } from '../common/enums.js';
import { setOwn } from '../common/objects.js';
import { keyLabel, SCALAR_PARSERS } from '../common/scalar-parse.js';
import { SCALARS, ScalarProblem, type ScalarName } from '../../schema/scalars.js';
import { prettyNewline, unformatJsv } from './pretty.js';

const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const QUOTE = 0x22;

// ---------------------------------------------------------------------------------------------
// Scanner state

let src = '';
let pos = 0;
let depth = 0;
let maxDepth = 512;
let lenient = false;
/** The text as given, minus a BOM, when `src` is derived from it (pretty input, a list body). */
let original = '';
/** For a derived `src`: where in `original` each of its characters came from. */
let origin: Int32Array | undefined;

/**
 * A reader is called with `pos` on the first character of a value that is not empty (the
 * container has checked for `,` and its closer) and leaves `pos` on the character after it.
 * `inList` says which characters end a bare token: `,` `}` in an object or dictionary
 * (ServiceStack's `EatValue`; a `]` there is content), `,` `]` `}` in a list.
 * A reader returns null for the `null` token where it stands for a null object/dictionary.
 */
export type Reader = (inList: boolean) => unknown;

export function startScanner(text: string, limit: number, lenientMode: boolean): void {
  // Positions are reported in the text after the BOM, as editors count columns.
  src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  original = src;
  origin = undefined;
  pos = 0;
  depth = 0;
  maxDepth = limit;
  lenient = lenientMode;
}

/** Switches to the compact text of a pretty document when the input is one. */
export function unformatIfPretty(): void {
  const nl = prettyNewline(src, pos);
  if (nl === undefined) return;
  const u = unformatJsv(src, pos, nl);
  src = u.compact;
  origin = u.origin;
  pos = 0;
}

export function resetScanner(): void {
  src = '';
  original = '';
  origin = undefined;
}

export function position(): number {
  return pos;
}

export function lookingAt(c: string): boolean {
  return src.startsWith(c, pos);
}

export function atEnd(): boolean {
  return pos >= src.length;
}

/** Skips the whitespace tolerated around the root (a file's trailing line break). */
export function skipOuterWhitespace(): void {
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
    else return;
  }
}

/** Line and column in the caller's text of compact offset `at`. */
function where(at: number): { line: number; column: number } {
  if (origin === undefined) return lineCol(src, at);
  return lineCol(original, origin[Math.min(at, origin.length - 1)]!);
}

function foundAt(at: number): string {
  if (at >= src.length) return 'end of input';
  const c = src[at]!;
  return JSON.stringify(c);
}

export function failSyntax(at: number, expected: string, detail?: string): never {
  fail({ code: 'syntax', ...where(at), expected, found: foundAt(at), ...(detail === undefined ? {} : { detail }) });
}

function failValue(at: number, code: DtoErrorCode, expected: string, found: string, detail?: string): never {
  fail({ code, ...where(at), expected, found, ...(detail === undefined ? {} : { detail }) });
}

function enter(at: number): void {
  if (++depth > maxDepth) {
    fail({ code: 'depth', ...where(at), detail: `nesting deeper than maxDepth (${maxDepth})` });
  }
}

/** Codes of a value ServiceStack would drop (lenient mode keeps reading); the rest are fatal. */
function droppable(code: DtoErrorCode): boolean {
  return code === 'type' || code === 'range' || code === 'enum' || code === 'strict';
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** At `"`: the quoted token's content with `""` collapsed; `pos` after the closing quote. */
function readQuoted(): string {
  const open = pos;
  let from = pos + 1;
  let s = '';
  for (;;) {
    const q = src.indexOf('"', from);
    if (q < 0) failSyntax(src.length, 'a closing \'"\'', `the quoted value at ${describeAt(open)} is not terminated`);
    if (src.charCodeAt(q + 1) === QUOTE) {
      s += src.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    pos = q + 1;
    return s + src.slice(from, q);
  }
}

function describeAt(at: number): string {
  const { line, column } = where(at);
  return `${line}:${column}`;
}

/** At `{` or `[`: skips to the matching closer as ServiceStack's `EatValue` does (only that bracket pair counts, quoted text is skipped), bounded by maxDepth. */
function skipMatched(): void {
  const open = src.charCodeAt(pos);
  const close = open === LBRACE ? RBRACE : RBRACK;
  const start = pos;
  const base = depth;
  let nest = 0;
  const n = src.length;
  while (pos < n) {
    const c = src.charCodeAt(pos);
    if (c === QUOTE) {
      readQuoted();
      continue;
    }
    pos++;
    if (c === open) {
      nest++;
      if (base + nest > maxDepth) {
        fail({ code: 'depth', ...where(pos - 1), detail: `nesting deeper than maxDepth (${maxDepth})` });
      }
    } else if (c === close && --nest === 0) {
      return;
    }
  }
  failSyntax(n, `'${String.fromCharCode(close)}'`, `the ${String.fromCharCode(open)} at ${describeAt(start)} is not closed`);
}

/** Skips a bare token: up to `,` or `}` (and `]` in a list). */
function skipBare(inList: boolean): void {
  const n = src.length;
  while (pos < n) {
    const c = src.charCodeAt(pos);
    if (c === COMMA || c === RBRACE || (inList && c === RBRACK)) return;
    pos++;
  }
}

/** Skips one value of unknown type the way ServiceStack's `EatValue` delimits it. */
function skipValue(inList: boolean): void {
  const c = src.charCodeAt(pos);
  if (c === QUOTE) readQuoted();
  else if (c === LBRACE || c === LBRACK) skipMatched();
  else skipBare(inList);
}

/**
 * The text of a scalar: a quoted token unquoted, a bracketed token raw (ServiceStack takes a
 * `{…}`/`[…]` value whole), else the bare characters up to the terminator, verbatim.
 */
function scalarToken(inList: boolean): string {
  const c = src.charCodeAt(pos);
  if (c === QUOTE) return readQuoted();
  const start = pos;
  if (c === LBRACE || c === LBRACK) skipMatched();
  else skipBare(inList);
  return src.slice(start, pos);
}

/** Whether `key` is at `p`. Comparing a slice is a flat memory compare, about twice as fast as `startsWith` or a character loop here. */
function matchAt(key: string, p: number): boolean {
  return src.slice(p, p + key.length) === key;
}

/** The value at `pos` is empty: the container's separator or closer comes first. */
function emptyHere(inList: boolean): boolean {
  const c = src.charCodeAt(pos);
  return c === COMMA || c === RBRACE || (inList && c === RBRACK) || pos >= src.length;
}

/** .NET's `char.IsWhiteSpace`: ServiceStack takes a list body of these only as the empty list. */
function isDotNetWhiteSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `null` standing alone as a value (only meaningful for objects and dictionaries). */
function takeNull(inList: boolean): boolean {
  if (!src.startsWith('null', pos)) return false;
  const save = pos;
  pos += 4;
  if (emptyHere(inList)) return true;
  pos = save;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Compilation

/** The reader for `t`, compiled once per descriptor. */
export const readerFor: (t: TypeDescriptor) => Reader = compiledPerDescriptor<Reader>({
  scalar: scalarReader,
  enum: enumReader,
  nullable: (t) => readerFor(t.of),
  list: listReader,
  dictionary: dictionaryReader,
  class: classReader,
});

/**
 * What an empty value means for `t` (`{name:}`, `[a,,b]`): null for reference types and
 * `Nullable<T>`, `false` for a Boolean (ServiceStack parses the empty token as false), and
 * for other value types a value ServiceStack cannot parse (undefined here).
 */
function emptyValue(t: TypeDescriptor): null | false | undefined {
  if (!t.isValueType) return null;
  return t.kind === 'scalar' && t.name === 'Boolean' ? false : undefined;
}

function readString(inList: boolean): string {
  const c = src.charCodeAt(pos);
  if (c === QUOTE) return readQuoted();
  const start = pos;
  if (c === LBRACE || c === LBRACK) skipMatched();
  else {
    // The common case, inlined: a bare string up to the terminator.
    const n = src.length;
    let p = pos;
    while (p < n) {
      const d = src.charCodeAt(p);
      if (d === COMMA || d === RBRACE || (inList && d === RBRACK)) break;
      p++;
    }
    pos = p;
  }
  return src.slice(start, pos);
}

/** ServiceStack's bool rule; in JSV the empty token is also false. */
export function parseJsvBoolean(s: string): boolean | undefined {
  return s === '' ? false : parseServiceStackBoolean(s);
}

/** ServiceStack's integer parser: whitespace around, an optional sign, digits; no decimal point or exponent. */
export function parseJsvInt32(s: string, allowPlus: boolean): number | 'type' | 'range' {
  const m = /^\s*([+-]?)(\d+)\s*$/.exec(s);
  if (m === null || (m[1] === '+' && !allowPlus)) return 'type';
  const v = Number(m[1] === '-' ? '-' + m[2]! : m[2]!);
  if (v < INT32_MIN || v > INT32_MAX) return 'range';
  return v === 0 ? 0 : v;
}

/** .NET `double.Parse(Float | AllowThousands)`: `parseDouble` plus group separators in the integral part. */
export function parseJsvDouble(s: string): number | undefined {
  const d = parseDouble(s);
  if (d !== undefined || s.indexOf(',') < 0) return d;
  const m = /^(\s*[+-]?\d[\d,]*)(.*)$/s.exec(s);
  return m === null ? undefined : parseDouble(m[1]!.replace(/,/g, '') + m[2]!);
}

/** Turns a scalar's text into its value (`at` is where the token starts, for errors). */
type Converter = (s: string, at: number, inList: boolean) => unknown;

const converters = new WeakMap<TypeDescriptor, Converter>();

/** The converter of a scalar or enum type, compiled once per descriptor. */
function converterFor(t: ScalarDescriptor | EnumDescriptor): Converter {
  let c = converters.get(t);
  if (c === undefined) {
    c = t.kind === 'enum' ? enumConverter(t) : scalarConverter(t);
    converters.set(t, c);
  }
  return c;
}

function scalarConverter(t: ScalarDescriptor): Converter {
  return SCALAR_READERS[t.name].convert;
}

function convertBoolean(s: string, at: number, _inList?: boolean): unknown {
  const b = parseJsvBoolean(s);
  return b === undefined ? failValue(at, 'type', 'Boolean', describeFound(s)) : b;
}

function convertInt32(s: string, at: number, inList: boolean): unknown {
  // List<int> elements go through int.Parse, which also takes a leading '+'.
  const v = parseJsvInt32(s, inList);
  if (v === 'type') failValue(at, 'type', 'Int32', describeFound(s));
  if (v === 'range') failValue(at, 'range', 'Int32', describeFound(s), 'outside the Int32 range');
  return v;
}

function convertDouble(s: string, at: number, _inList?: boolean): unknown {
  return scalarResult('Double', SCALAR_PARSERS.Double(s), at, s);
}

/**
 * A parser's answer for the token `s` at `at`: the value; in lenient mode, the value the server
 * reads where it differs from the text (`ServerValue`: ±∞ for a finite Double past the range, a
 * rounded Decimal); otherwise the problem, reported.
 */
function scalarResult(name: string, v: unknown, at: number, s: string): unknown {
  if (!(v instanceof ScalarProblem)) return v;
  if (lenient && v instanceof ServerValue) return v.value;
  return failValue(at, v.code, name, describeFound(s), v.detail ?? (v.code === 'range' ? `outside the ${name} range` : undefined));
}

function enumConverter(t: EnumDescriptor): Converter {
  const e = compileEnum(t);
  // Fast path: the text the writer puts out for each member.
  const exact = new Map<string, string>();
  for (const m of t.members) {
    const w = e.wireOf(m.value).text;
    if (!exact.has(w)) exact.set(w, e.textOf(m.value));
  }
  const expected = `a ${t.name} member`;
  return (s, at) => {
    const hit = exact.get(s);
    if (hit !== undefined) return hit;
    // EnumInfo.Parse: [EnumMember] texts and names in any case, then Enum.Parse(ignoreCase):
    // names, numbers, comma lists; a value no member names is kept as its number text.
    const value = e.parse(s);
    if (value === undefined) return failValue(at, 'enum', expected, describeFound(s));
    return e.textOf(value);
  };
}

function scalarReader(t: ScalarDescriptor): Reader {
  return SCALAR_READERS[t.name].read;
}

const booleanConverter = convertBoolean;

/** `True`/`False` as the writer puts them, compared in place; anything else through the full parser. */
function readBoolean(inList: boolean): unknown {
  const at = pos;
  const c = src.charCodeAt(pos);
  const v = c === 0x54 ? true : c === 0x46 ? false : undefined;
  if (v !== undefined) {
    const p = pos + (v ? 4 : 5);
    const d = src.charCodeAt(p);
    if ((d === COMMA || d === RBRACE || (inList && d === RBRACK) || p >= src.length) && src.slice(pos, p) === (v ? 'True' : 'False')) {
      pos = p;
      return v;
    }
  }
  return booleanConverter(scalarToken(inList), at, inList);
}

/**
 * The common case inline: `-`? digits up to the terminator, no slicing. Anything else (spaces,
 * quotes, a `+`, too many digits) goes through the token and the full parser.
 */
function readInt32(inList: boolean): unknown {
  const at = pos;
  const n = src.length;
  let p = pos;
  let neg = false;
  if (src.charCodeAt(p) === 0x2d) {
    neg = true;
    p++;
  }
  const digits = p;
  let v = 0;
  while (p < n) {
    const d = src.charCodeAt(p) - 0x30;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    p++;
  }
  const c = src.charCodeAt(p);
  if (p > digits && p - digits <= 9 && (c === COMMA || c === RBRACE || (inList && c === RBRACK) || p >= n)) {
    pos = p;
    return neg ? (v === 0 ? 0 : -v) : v;
  }
  return int32Converter(scalarToken(inList), at, inList);
}

const int32Converter = convertInt32;
const doubleConverter = convertDouble;

/** Powers of ten a double holds exactly (10^0 … 10^22). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => Number('1e' + i));

/** Characters of a plain decimal number (what the writer puts out for finite doubles). */
function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || c === 0x45 || c === 0x65;
}

function readDouble(inList: boolean): unknown {
  const at = pos;
  const n = src.length;
  // Clinger's fast path: `-`? digits [. digits] with at most 15 significant digits is an
  // integer below 2^53 divided by an exact power of ten, which IEEE division rounds correctly.
  let p = pos;
  const neg = src.charCodeAt(p) === 0x2d;
  if (neg) p++;
  let m = 0;
  let significant = 0;
  let digits = 0;
  let scale = -1;
  for (; p < n; p++) {
    const c = src.charCodeAt(p);
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
      if (m !== 0) significant++;
      if (scale >= 0) scale++;
    } else if (c === 0x2e && scale < 0) {
      scale = 0;
    } else {
      break;
    }
  }
  let c = src.charCodeAt(p);
  if (digits > 0 && significant <= 15 && scale <= 22 && (c === COMMA || c === RBRACE || (inList && c === RBRACK) || p >= n)) {
    pos = p;
    const x = scale > 0 ? m / EXACT_POWERS[scale]! : m;
    return neg ? -x : x;
  }
  // Exponents, long mantissas: the platform's parser, on characters where Number() and .NET
  // agree (no hex, no whitespace, no empty string); a NaN only sends it to the slow path.
  p = pos;
  while (p < n && isNumberChar(src.charCodeAt(p))) p++;
  c = src.charCodeAt(p);
  if (p > pos && (c === COMMA || c === RBRACE || (inList && c === RBRACK) || p >= n)) {
    const x = Number(src.slice(pos, p));
    // Finite only: NaN is not a number text, and ±∞ from a finite text is past the range.
    if (x - x === 0) {
      pos = p;
      return x;
    }
  }
  return doubleConverter(scalarToken(inList), at, inList);
}

function enumReader(t: EnumDescriptor): Reader {
  return tokenReader(converterFor(t));
}

function tokenReader(convert: Converter): Reader {
  return (inList) => {
    const at = pos;
    return convert(scalarToken(inList), at, inList);
  };
}

/**
 * A scalar at the root (a route segment, a query-string value): the whole text is the token,
 * commas and braces included, unless it is one quoted token. Empty text is null.
 */
export function readRootScalar(t: ScalarDescriptor | EnumDescriptor): unknown {
  if (pos >= src.length) return null;
  const at = pos;
  let s: string;
  if (src.charCodeAt(pos) === QUOTE) {
    s = readQuoted();
    if (pos < src.length) failSyntax(pos, 'end of input', 'a quoted value must be the whole text');
  } else {
    s = src.slice(pos);
    pos = src.length;
  }
  return converterFor(t)(s, at, false);
}

/**
 * Reads the rest of the text as a list body without brackets (`a,b,c`), as ServiceStack
 * accepts at the root: the brackets are supplied and positions still point into the input.
 */
export function bracketListBody(): void {
  const body = src.slice(pos);
  const from = pos;
  const map = new Int32Array(body.length + 3);
  const old = origin;
  const at = (i: number): number => (old === undefined ? i : old[Math.min(i, old.length - 1)]!);
  map[0] = at(from);
  for (let i = 0; i < body.length; i++) map[i + 1] = at(from + i);
  map[body.length + 1] = at(src.length);
  map[body.length + 2] = at(src.length);
  src = '[' + body + ']';
  origin = map;
  pos = 0;
}

/**
 * A list (§3.5): `[` elements separated by `,` `]`, an empty slot being a null element. The
 * trailing-slot rules are ServiceStack's, which differ by element type: for strings every
 * slot counts (`[a,]` → a, null; `[,]` → null, null); for other element types the two slots
 * around a trailing comma count once when both are empty (`[,]` → null). A value that does
 * not start with `[` is one element (ServiceStack takes an unbracketed value as the list body).
 */
function listReader(t: ListDescriptor): Reader {
  let read: Reader | undefined;
  const el = t.of;
  const elementLabel = typeLabel(el);
  const empty = emptyValue(el);
  const isString = el.kind === 'scalar' && el.name === 'String';
  const isInt32 = el.kind === 'scalar' && el.name === 'Int32';
  const nullable = (el.kind === 'class' && !el.isValueType) || el.kind === 'dictionary';
  const readElement = (i: number, inList: boolean): unknown => {
    try {
      if (nullable && takeNull(inList)) return null;
      return (read ??= readerFor(el))(inList);
    } catch (e) {
      if (e instanceof Failure) throw e.at(i);
      throw e;
    }
  };
  // An empty slot of a value-type element: ServiceStack inserts the default (or, for
  // List<Int32>, fails the whole list); strict mode reports it.
  const emptySlot = (i: number, at: number): unknown => {
    if (empty !== undefined) return empty;
    if (lenient && !isInt32) return defaultValue(el);
    throw new Failure({ code: 'type', ...where(at), expected: elementLabel, found: 'an empty slot' }).at(i);
  };
  return (inList) => {
    const start = pos;
    if (src.charCodeAt(pos) !== LBRACK) {
      // One unbracketed element, delimited as the value it stands for: `{tagIds:abc}` is ["abc"].
      return [readElement(0, inList)];
    }
    enter(start);
    pos++;
    const out: unknown[] = [];
    // `[]` and a blank body are the empty list.
    let c = src.charCodeAt(pos);
    if (c === RBRACK) {
      pos++;
      depth--;
      return out;
    }
    if (isDotNetWhiteSpace(c)) {
      let p = pos;
      while (isDotNetWhiteSpace(src.charCodeAt(p))) p++;
      if (src.charCodeAt(p) === RBRACK) {
        pos = p + 1;
        depth--;
        return out;
      }
    }
    let lastEmpty = false;
    for (;;) {
      const i = out.length;
      const at = pos;
      if (emptyHere(true)) {
        if (pos >= src.length) notClosed('[', start, "']'");
        out.push(emptySlot(i, at));
        lastEmpty = true;
      } else {
        out.push(readElement(i, true));
        lastEmpty = false;
      }
      c = src.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        if (src.charCodeAt(pos) === RBRACK) {
          // A trailing comma: one more empty slot, except as noted above.
          // (ServiceStack's List<int> parser ignores a trailing comma.)
          if ((isString || !lastEmpty) && !(isInt32 && lenient)) out.push(emptySlot(out.length, pos));
          pos++;
          break;
        }
        continue;
      }
      if (c === RBRACK) {
        pos++;
        break;
      }
      if (pos >= src.length) notClosed('[', start, "',' or ']'");
      failSyntax(pos, "',' or ']'");
    }
    depth--;
    return out;
  };
}

/**
 * Dictionary keys are JavaScript strings: a key's text parsed under the key type and
 * normalised to the canonical key text (`ScalarRow.toKey`; Double keys keep their JSV text).
 */
function keyReader(t: ScalarDescriptor): (raw: string, at: number) => string {
  return SCALAR_READERS[t.name].readKey;
}

/** A scalar read from its token by its row in `SCALAR_PARSERS` (Common/DeserializeBuiltin.cs). */
function parsed<N extends ScalarName>(name: N): Converter {
  const parse = SCALAR_PARSERS[name] as (s: string) => unknown;
  return (s, at) => scalarResult(name, parse(s), at, s);
}

function keyOf<N extends ScalarName>(name: N): (raw: string, at: number) => string {
  const parse = SCALAR_PARSERS[name] as (s: string) => unknown;
  const toKey = SCALARS[name].toKey as (v: unknown) => string;
  return (raw, at) => {
    let v = parse(raw);
    if (lenient && v instanceof ServerValue) v = v.value;
    if (v instanceof ScalarProblem) failValue(at, v.code, keyLabel(name), describeFound(raw), v.detail);
    return toKey(v);
  };
}

/** One row per scalar: its reader, the converter of its token text, and its key reader. */
interface JsvScalarReader {
  readonly read: Reader;
  readonly convert: Converter;
  readonly readKey: (raw: string, at: number) => string;
}

function row<N extends ScalarName>(name: N): JsvScalarReader {
  const convert = parsed(name);
  return { read: tokenReader(convert), convert, readKey: keyOf(name) };
}

/** `System.Object`: compiling its reader is the error (no schema-free JSV form is kept). */
function unsupportedObject(): never {
  throw new Failure({ code: 'unsupported', detail: 'a System.Object member has no JSV form this codec can read back losslessly' });
}

/**
 * Every scalar's JSV reader (jsv-and-json.md §3.3). String, Boolean, Int32 and Double keep
 * their in-place fast paths; the others take the token (unquoted) and parse it by their row.
 */
const SCALAR_READERS: { readonly [N in ScalarName]: JsvScalarReader } = {
  String: { read: readString, convert: (s) => s, readKey: (raw) => raw },
  Boolean: {
    read: readBoolean,
    convert: convertBoolean,
    readKey: (raw, at) => {
      const b = parseJsvBoolean(raw);
      return b === undefined ? failValue(at, 'type', 'a Boolean key', describeFound(raw)) : b ? 'True' : 'False';
    },
  },
  Byte: row('Byte'),
  SByte: row('SByte'),
  Int16: row('Int16'),
  UInt16: row('UInt16'),
  Int32: {
    read: readInt32,
    convert: convertInt32,
    readKey: (raw, at) => {
      const v = parseJsvInt32(raw, true);
      if (v === 'type') failValue(at, 'type', 'an Int32 key', describeFound(raw));
      if (v === 'range') failValue(at, 'range', 'an Int32 key', describeFound(raw), 'outside the Int32 range');
      return String(v);
    },
  },
  UInt32: row('UInt32'),
  Int64: row('Int64'),
  UInt64: row('UInt64'),
  Single: row('Single'),
  Double: {
    read: readDouble,
    convert: convertDouble,
    readKey: (raw, at) => {
      let d = SCALAR_PARSERS.Double(raw);
      if (lenient && d instanceof ServerValue) d = d.value;
      if (d instanceof ScalarProblem) failValue(at, d.code, 'a Double key', describeFound(raw), d.detail);
      return formatDouble(d);
    },
  },
  Decimal: row('Decimal'),
  Char: row('Char'),
  DateTime: row('DateTime'),
  DateTimeOffset: row('DateTimeOffset'),
  TimeSpan: row('TimeSpan'),
  Guid: row('Guid'),
  'Byte[]': row('Byte[]'),
  Uri: row('Uri'),
  Object: {
    get read(): Reader {
      return unsupportedObject();
    },
    get convert(): Converter {
      return unsupportedObject();
    },
    readKey: () => unsupportedObject(),
  },
};

/**
 * A map key as ServiceStack's `EatMapKey` delimits it: a quoted key (unquoted with `""`
 * collapsed: the 2022 semantics of §3.7, right for every key), a `{…}` key raw, or the text up
 * to `:`, not trimmed. Leaves `pos` on the `:`.
 */
function readMapKey(): string {
  const c = src.charCodeAt(pos);
  if (c === QUOTE) return readQuoted();
  const start = pos;
  if (c === LBRACE) {
    skipMatched();
    return src.slice(start, pos);
  }
  const n = src.length;
  let p = pos;
  while (p < n) {
    const d = src.charCodeAt(p);
    if (d === COLON) break;
    // Compact JSV quotes any key holding these, so meeting one means the ':' is missing.
    if (d === COMMA || d === RBRACE || d === LBRACE || d === LBRACK || d === RBRACK) break;
    p++;
  }
  pos = p;
  return src.slice(start, p);
}

function expectColon(keyAt: number): void {
  if (src.charCodeAt(pos) !== COLON) {
    if (pos === keyAt && src.charCodeAt(pos) === RBRACE) failSyntax(pos, 'a key', 'a trailing comma');
    failSyntax(pos, "':'");
  }
  pos++;
}

function notAnObject(label: string, inList: boolean, at: number): never {
  const s = scalarToken(inList);
  pos = at;
  failValue(at, 'type', `${label} ({…})`, describeFound(s));
}

/** `{` followed by nothing but spaces before `}`: an empty map (`{ }`). */
function blankBody(): boolean {
  let p = pos;
  while (src.charCodeAt(p) === 0x20 || src.charCodeAt(p) === 0x09) p++;
  if (src.charCodeAt(p) !== RBRACE) return false;
  pos = p + 1;
  return true;
}

/**
 * At the `{` of an object or a dictionary (`start`): counts one level and steps inside. False
 * for an empty body (`{}`, `{ }`), which is then left again.
 */
function enterBraces(start: number): boolean {
  enter(start);
  pos++;
  if (src.charCodeAt(pos) === RBRACE) {
    pos++;
    depth--;
    return false;
  }
  if (blankBody()) {
    depth--;
    return false;
  }
  return true;
}

/** After an entry of the `{` at `start`: true past a `,`; false past the `}`, which leaves it. */
function nextEntry(start: number): boolean {
  const c = src.charCodeAt(pos);
  if (c === COMMA) {
    pos++;
    return true;
  }
  if (c === RBRACE) {
    pos++;
    depth--;
    return false;
  }
  if (pos >= src.length) notClosed('{', start, "',' or '}'");
  failSyntax(pos, "',' or '}'");
}

/** The input ends inside the `{` or `[` at `start`. */
function notClosed(open: '{' | '[', start: number, expected: string): never {
  failSyntax(pos, expected, `the ${open} at ${describeAt(start)} is not closed`);
}

function dictionaryReader(t: DictionaryDescriptor, label: string): Reader {
  let read: Reader | undefined;
  const readKey = keyReader(t.key);
  const vt = t.value;
  const empty = emptyValue(vt);
  const nullable = vt.kind === 'class' || vt.kind === 'dictionary';
  const valueLabel = typeLabel(vt);
  return (inList) => {
    const start = pos;
    if (src.charCodeAt(pos) !== LBRACE) {
      if (takeNull(inList)) return null;
      return notAnObject(label, inList, start);
    }
    const out: Record<string, unknown> = {};
    if (enterBraces(start)) {
      do {
        const keyAt = pos;
        if (pos >= src.length) notClosed('{', start, "a key or '}'");
        const raw = readMapKey();
        expectColon(keyAt);
        const valueAt = pos;
        let v: unknown;
        if (emptyHere(false)) {
          if (pos >= src.length) notClosed('{', start, "a value or '}'");
          if (empty === undefined) {
            throw new Failure({ code: 'type', ...where(valueAt), expected: valueLabel, found: 'nothing' }).at(raw);
          }
          v = empty;
        } else {
          try {
            v = nullable && src.charCodeAt(pos) === 0x6e && takeNull(false) ? null : (read ??= readerFor(vt))(false);
          } catch (e) {
            if (e instanceof Failure) throw e.at(raw);
            throw e;
          }
        }
        // ServiceStack skips an entry whose key token is empty.
        if (raw !== '' || src.charCodeAt(keyAt) === QUOTE) {
          // Keys are data: `__proto__` must become an own property (setOwn, inlined on the hot path).
          const k = readKey(raw, keyAt);
          if (k === '__proto__') setOwn(out, k, v);
          else out[k] = v;
        }
      } while (nextEntry(start));
    }
    return out;
  };
}

interface Members {
  readonly readers: Reader[];
  readonly wires: string[];
  /** `wireName:` as the writer puts it, for the in-place comparison of the fast path. */
  readonly keys: string[];
  /** First character code of each wire name, to try `startsWith` only where it can match. */
  readonly firsts: number[];
  readonly folded: Map<string, number>;
  /** What an empty value means per member (see `emptyValue`). */
  readonly empties: (null | false | undefined)[];
  readonly labels: string[];
  /** Members whose `null` token means null (objects and dictionaries). */
  readonly nullables: boolean[];
  readonly build: Builder;
}

function classReader(t: ClassDescriptor): Reader {
  // Resolved on first call, when this closure is already cached (cyclic types).
  let members: Members | undefined;
  const resolve = (): Members => {
    const ps = t.properties;
    const wires = ps.map((p) => p.wireName);
    const m: Members = {
      readers: ps.map((p) => {
        try {
          return readerFor(p.type);
        } catch (e) {
          throw e instanceof Failure ? e.at(p.wireName) : e;
        }
      }),
      wires,
      keys: wires.map((w) => w + ':'),
      firsts: wires.map((w) => w.charCodeAt(0)),
      folded: new Map(),
      empties: ps.map((p) => emptyValue(p.type)),
      labels: ps.map((p) => typeLabel(p.type)),
      nullables: ps.map((p) => (p.type.kind === 'class' && !p.type.isValueType) || p.type.kind === 'dictionary'),
      build: compileBuilder(ps),
    };
    // Property names bind case-insensitively (ordinal-ignore-case over ASCII names).
    ps.forEach((p, i) => {
      const f = p.wireName.toLowerCase();
      if (!m.folded.has(f)) m.folded.set(f, i);
    });
    return m;
  };
  return (inList) => {
    const start = pos;
    if (src.charCodeAt(pos) !== LBRACE) {
      // A struct is a value type: `null` is not one of its values.
      if (!t.isValueType && takeNull(inList)) return null;
      return notAnObject(t.name, inList, start);
    }
    const ms = (members ??= resolve());
    const { readers, wires, keys, firsts, folded, empties, nullables } = ms;
    const n = readers.length;
    const slots: unknown[] = new Array<unknown>(n);
    // ServiceStack writes members in declaration order, skipping nulls, so the next key is
    // most likely a later member: compare it in place before slicing and hashing it.
    let next = 0;
    if (enterBraces(start)) {
      do {
        const keyAt = pos;
        let i = -1;
        const k0 = src.charCodeAt(pos);
        for (let j = next; j < n; j++) {
          if (firsts[j] === k0 && matchAt(keys[j]!, pos)) {
            i = j;
            pos += keys[j]!.length;
            break;
          }
        }
        if (i < 0) {
          if (pos >= src.length) notClosed('{', start, "a key or '}'");
          const name = readMapKey().trim();
          expectColon(keyAt);
          const f = folded.get(name.toLowerCase());
          if (f !== undefined) i = f;
        }
        if (i < 0) {
          // Unknown members (and `__type`) are skipped, without recursion.
          if (!emptyHere(false)) skipValue(false);
        } else {
          next = i + 1;
          const valueAt = pos;
          if (emptyHere(false)) {
            if (pos >= src.length) notClosed('{', start, "a value or '}'");
            const e = empties[i];
            if (e === undefined) {
              if (!lenient) {
                throw new Failure({ code: 'type', ...where(valueAt), expected: ms.labels[i]!, found: 'nothing' }).at(wires[i]!);
              }
            } else {
              slots[i] = e === null ? undefined : e;
            }
          } else {
            const depthAt = depth;
            try {
              const v = nullables[i] && src.charCodeAt(pos) === 0x6e && takeNull(false) ? null : readers[i]!(false);
              slots[i] = v === null ? undefined : v;
            } catch (e) {
              if (!(e instanceof Failure)) throw e;
              if (!(lenient && droppable(e.detail.code))) throw e.at(wires[i]!);
              // What ServiceStack does: drop this member's value, keep reading the object.
              pos = valueAt;
              depth = depthAt;
              skipValue(false);
            }
          }
        }
      } while (nextEntry(start));
    }
    return ms.build(slots);
  };
}
