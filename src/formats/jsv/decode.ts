/**
 * The JSV reader: a single-pass, schema-driven scanner over the text, one reader closure per
 * descriptor, compiled on first use. It accepts what ServiceStack.Text's reader accepts
 * (jsv-and-json.md §3) and raises where ServiceStack would silently drop a value (unless
 * `lenient`). The pretty form is first turned back into compact text (`unformatJsv`), with a
 * table of where each character came from so positions in errors are the input's.
 *
 * The scanner state is a `JsvScanner` passed to every reader (one class, so the hot path's
 * property accesses stay monomorphic), not module state: documents can be read side by side.
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
import { fail, failLocated, Failure, lineCol, type Locate } from '../common/failure.js';
import { DEFAULT_LIMITS, failLimit, type DecodeLimits, type LimitName } from '../common/limits.js';
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

/**
 * One document being read: the text, the offset, the nesting depth and the options. Every
 * reader takes it as its first argument, so two documents can be read at once and a reader
 * that fails leaves nothing behind for the next call. All fields are set in the constructor
 * so every scanner has one shape and the readers' property accesses stay monomorphic.
 */
export class JsvScanner {
  /** The text being scanned: the input minus a BOM, or the compact text derived from it. */
  src: string;
  pos = 0;
  depth = 0;
  readonly maxDepth: number;
  readonly lenient: boolean;
  /** The text as given, minus a BOM, when `src` is derived from it (pretty input, a list body). */
  readonly original: string;
  /** For a derived `src`: where in `original` each of its characters came from. */
  origin: Int32Array | undefined = undefined;
  readonly limits: Readonly<DecodeLimits>;

  constructor(text: string, maxDepth: number, lenient: boolean, limits: Readonly<DecodeLimits> = DEFAULT_LIMITS) {
    // Positions are reported in the text after the BOM, as editors count columns.
    this.src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.original = this.src;
    this.maxDepth = maxDepth;
    this.lenient = lenient;
    this.limits = limits;
  }
}

/**
 * A reader is called with `r.pos` on the first character of a value that is not empty (the
 * container has checked for `,` and its closer) and leaves `r.pos` on the character after it.
 * `inList` says which characters end a bare token: `,` `}` in an object or dictionary
 * (ServiceStack's `EatValue`; a `]` there is content), `,` `]` `}` in a list.
 * A reader returns null for the `null` token where it stands for a null object/dictionary.
 */
export type Reader = (r: JsvScanner, inList: boolean) => unknown;

export function startScanner(text: string, limit: number, lenientMode: boolean, limits: Readonly<DecodeLimits> = DEFAULT_LIMITS): JsvScanner {
  return new JsvScanner(text, limit, lenientMode, limits);
}

/** Switches to the compact text of a pretty document when the input is one. */
export function unformatIfPretty(r: JsvScanner): void {
  const nl = prettyNewline(r.src, r.pos);
  if (nl === undefined) return;
  const u = unformatJsv(r.src, r.pos, nl);
  r.src = u.compact;
  r.origin = u.origin;
  r.pos = 0;
}

export function position(r: JsvScanner): number {
  return r.pos;
}

export function lookingAt(r: JsvScanner, c: string): boolean {
  return r.src.startsWith(c, r.pos);
}

export function atEnd(r: JsvScanner): boolean {
  return r.pos >= r.src.length;
}

/** Skips the whitespace tolerated around the root (a file's trailing line break). */
export function skipOuterWhitespace(r: JsvScanner): void {
  for (;;) {
    const c = r.src.charCodeAt(r.pos);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) r.pos++;
    else return;
  }
}

/** Line and column in the caller's text of compact offset `at`. */
function where(r: JsvScanner, at: number): { line: number; column: number } {
  return located(r, at)();
}

/** `where`, deferred until the failure is reported (a lenient reader discards most of them). */
function located(r: JsvScanner, at: number): Locate {
  const { src, original, origin } = r;
  return () => (origin === undefined ? lineCol(src, at) : lineCol(original, origin[Math.min(at, origin.length - 1)]!));
}

function foundAt(r: JsvScanner, at: number): string {
  if (at >= r.src.length) return 'end of input';
  const c = r.src[at]!;
  return JSON.stringify(c);
}

export function failSyntax(r: JsvScanner, at: number, expected: string, detail?: string): never {
  failLocated(located(r, at), { code: 'syntax', expected, found: foundAt(r, at), ...(detail === undefined ? {} : { detail }) });
}

function failValue(r: JsvScanner, at: number, code: DtoErrorCode, expected: string, found: string, detail?: string): never {
  failLocated(located(r, at), { code, expected, found, ...(detail === undefined ? {} : { detail }) });
}

function enter(r: JsvScanner, at: number): void {
  if (++r.depth > r.maxDepth) {
    failLocated(located(r, at), { code: 'depth', detail: `nesting deeper than maxDepth (${r.maxDepth})` });
  }
}

/** Codes of a value ServiceStack would drop (lenient mode keeps reading); the rest are fatal. */
function droppable(code: DtoErrorCode): boolean {
  return code === 'type' || code === 'range' || code === 'enum' || code === 'strict';
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** At `"`: the quoted token's content with `""` collapsed; `pos` after the closing quote. */
function readQuoted(r: JsvScanner): string {
  const open = r.pos;
  let from = r.pos + 1;
  let s = '';
  for (;;) {
    const q = r.src.indexOf('"', from);
    if (q < 0) failSyntax(r, r.src.length, 'a closing \'"\'', `the quoted value at ${describeAt(r, open)} is not terminated`);
    if (r.src.charCodeAt(q + 1) === QUOTE) {
      s += r.src.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    r.pos = q + 1;
    return s + r.src.slice(from, q);
  }
}

/**
 * Limit `max` exceeded by the token at `at` of `length` characters. A token is a slice of the
 * input (quoted ones are copied once, `""` collapsed), so checking after reading it costs no
 * more memory than the input itself already takes.
 */
function tooLong(r: JsvScanner, at: number, max: 'maxStringLength' | 'maxNameLength', length: number): never {
  failLimitAt(r, at, max, `${max === 'maxNameLength' ? 'a name' : 'a string'} of ${length} characters`);
}

/** Limit `name` exceeded at compact offset `at` (positions in the caller's text, as `where` gives). */
function failLimitAt(r: JsvScanner, at: number, name: LimitName, found: string): never {
  const { src, original, origin } = r;
  if (origin === undefined) failLimit(name, r.limits[name], src, at, found);
  failLimit(name, r.limits[name], original, origin[Math.min(at, origin.length - 1)]!, found);
}

/** `s`, the string token at `at`, within `maxStringLength`. */
function withinStringLimit(r: JsvScanner, s: string, at: number): string {
  if (s.length > r.limits.maxStringLength) tooLong(r, at, 'maxStringLength', s.length);
  return s;
}

function describeAt(r: JsvScanner, at: number): string {
  const { line, column } = where(r, at);
  return `${line}:${column}`;
}

/** At `{` or `[`: skips to the matching closer as ServiceStack's `EatValue` does (only that bracket pair counts, quoted text is skipped), bounded by maxDepth. */
function skipMatched(r: JsvScanner): void {
  const open = r.src.charCodeAt(r.pos);
  const close = open === LBRACE ? RBRACE : RBRACK;
  const start = r.pos;
  const base = r.depth;
  let nest = 0;
  const n = r.src.length;
  while (r.pos < n) {
    const c = r.src.charCodeAt(r.pos);
    if (c === QUOTE) {
      readQuoted(r);
      continue;
    }
    r.pos++;
    if (c === open) {
      nest++;
      if (base + nest > r.maxDepth) {
        failLocated(located(r, r.pos - 1), { code: 'depth', detail: `nesting deeper than maxDepth (${r.maxDepth})` });
      }
    } else if (c === close && --nest === 0) {
      return;
    }
  }
  failSyntax(r, n, `'${String.fromCharCode(close)}'`, `the ${String.fromCharCode(open)} at ${describeAt(r, start)} is not closed`);
}

/** Skips a bare token: up to `,` or `}` (and `]` in a list). */
function skipBare(r: JsvScanner, inList: boolean): void {
  const n = r.src.length;
  while (r.pos < n) {
    const c = r.src.charCodeAt(r.pos);
    if (c === COMMA || c === RBRACE || (inList && c === RBRACK)) return;
    r.pos++;
  }
}

/** Skips one value of unknown type the way ServiceStack's `EatValue` delimits it. */
function skipValue(r: JsvScanner, inList: boolean): void {
  const c = r.src.charCodeAt(r.pos);
  if (c === QUOTE) readQuoted(r);
  else if (c === LBRACE || c === LBRACK) skipMatched(r);
  else skipBare(r, inList);
}

/**
 * The text of a scalar: a quoted token unquoted, a bracketed token raw (ServiceStack takes a
 * `{…}`/`[…]` value whole), else the bare characters up to the terminator, verbatim.
 */
function scalarToken(r: JsvScanner, inList: boolean): string {
  const c = r.src.charCodeAt(r.pos);
  const start = r.pos;
  if (c === QUOTE) return withinStringLimit(r, readQuoted(r), start);
  if (c === LBRACE || c === LBRACK) skipMatched(r);
  else skipBare(r, inList);
  return withinStringLimit(r, r.src.slice(start, r.pos), start);
}

/** Whether `key` is at `p`. Comparing a slice is a flat memory compare, about twice as fast as `startsWith` or a character loop here. */
function matchAt(src: string, key: string, p: number): boolean {
  return src.slice(p, p + key.length) === key;
}

/** The value at `pos` is empty: the container's separator or closer comes first. */
function emptyHere(r: JsvScanner, inList: boolean): boolean {
  const src = r.src;
  const p = r.pos;
  const c = src.charCodeAt(p);
  return c === COMMA || c === RBRACE || (inList && c === RBRACK) || p >= src.length;
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
function takeNull(r: JsvScanner, inList: boolean): boolean {
  if (!r.src.startsWith('null', r.pos)) return false;
  const save = r.pos;
  r.pos += 4;
  if (emptyHere(r, inList)) return true;
  r.pos = save;
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

function readString(r: JsvScanner, inList: boolean): string {
  const src = r.src;
  const start = r.pos;
  const c = src.charCodeAt(start);
  if (c === QUOTE) return withinStringLimit(r, readQuoted(r), start);
  if (c === LBRACE || c === LBRACK) {
    skipMatched(r);
    return withinStringLimit(r, src.slice(start, r.pos), start);
  }
  // The common case, inlined: a bare string up to the terminator.
  const n = src.length;
  let p = start;
  while (p < n) {
    const d = src.charCodeAt(p);
    if (d === COMMA || d === RBRACE || (inList && d === RBRACK)) break;
    p++;
  }
  r.pos = p;
  if (p - start > r.limits.maxStringLength) tooLong(r, start, 'maxStringLength', p - start);
  return src.slice(start, p);
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
type Converter = (r: JsvScanner, s: string, at: number, inList: boolean) => unknown;

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

function convertBoolean(r: JsvScanner, s: string, at: number, _inList?: boolean): unknown {
  const b = parseJsvBoolean(s);
  return b === undefined ? failValue(r, at, 'type', 'Boolean', describeFound(s)) : b;
}

function convertInt32(r: JsvScanner, s: string, at: number, inList: boolean): unknown {
  // List<int> elements go through int.Parse, which also takes a leading '+'.
  const v = parseJsvInt32(s, inList);
  if (v === 'type') failValue(r, at, 'type', 'Int32', describeFound(s));
  if (v === 'range') failValue(r, at, 'range', 'Int32', describeFound(s), 'outside the Int32 range');
  return v;
}

function convertDouble(r: JsvScanner, s: string, at: number, _inList?: boolean): unknown {
  return scalarResult(r, 'Double', SCALAR_PARSERS.Double(s), at, s);
}

/**
 * A parser's answer for the token `s` at `at`: the value; in lenient mode, the value the server
 * reads where it differs from the text (`ServerValue`: ±∞ for a finite Double past the range, a
 * rounded Decimal); otherwise the problem, reported.
 */
function scalarResult(r: JsvScanner, name: string, v: unknown, at: number, s: string): unknown {
  if (!(v instanceof ScalarProblem)) return v;
  if (r.lenient && v instanceof ServerValue) return v.value;
  return failValue(r, at, v.code, name, describeFound(s), v.detail ?? (v.code === 'range' ? `outside the ${name} range` : undefined));
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
  return (r, s, at) => {
    const hit = exact.get(s);
    if (hit !== undefined) return hit;
    // EnumInfo.Parse: [EnumMember] texts and names in any case, then Enum.Parse(ignoreCase):
    // names, numbers, comma lists; a value no member names is kept as its number text.
    const value = e.parse(s);
    if (value === undefined) return failValue(r, at, 'enum', expected, describeFound(s));
    return e.textOf(value);
  };
}

function scalarReader(t: ScalarDescriptor): Reader {
  return SCALAR_READERS[t.name].read;
}

const booleanConverter = convertBoolean;

/** `True`/`False` as the writer puts them, compared in place; anything else through the full parser. */
function readBoolean(r: JsvScanner, inList: boolean): unknown {
  const src = r.src;
  const at = r.pos;
  const c = src.charCodeAt(at);
  const v = c === 0x54 ? true : c === 0x46 ? false : undefined;
  if (v !== undefined) {
    const p = at + (v ? 4 : 5);
    const d = src.charCodeAt(p);
    if ((d === COMMA || d === RBRACE || (inList && d === RBRACK) || p >= src.length) && src.slice(at, p) === (v ? 'True' : 'False')) {
      r.pos = p;
      return v;
    }
  }
  return booleanConverter(r, scalarToken(r, inList), at, inList);
}

/**
 * The common case inline: `-`? digits up to the terminator, no slicing. Anything else (spaces,
 * quotes, a `+`, too many digits) goes through the token and the full parser.
 */
function readInt32(r: JsvScanner, inList: boolean): unknown {
  const src = r.src;
  const at = r.pos;
  const n = src.length;
  let p = at;
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
    r.pos = p;
    return neg ? (v === 0 ? 0 : -v) : v;
  }
  return int32Converter(r, scalarToken(r, inList), at, inList);
}

const int32Converter = convertInt32;
const doubleConverter = convertDouble;

/** Powers of ten a double holds exactly (10^0 … 10^22). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => Number('1e' + i));

/** Characters of a plain decimal number (what the writer puts out for finite doubles). */
function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || c === 0x45 || c === 0x65;
}

function readDouble(r: JsvScanner, inList: boolean): unknown {
  const src = r.src;
  const at = r.pos;
  const n = src.length;
  // Clinger's fast path: `-`? digits [. digits] with at most 15 significant digits is an
  // integer below 2^53 divided by an exact power of ten, which IEEE division rounds correctly.
  let p = at;
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
    r.pos = p;
    const x = scale > 0 ? m / EXACT_POWERS[scale]! : m;
    return neg ? -x : x;
  }
  // Exponents, long mantissas: the platform's parser, on characters where Number() and .NET
  // agree (no hex, no whitespace, no empty string); a NaN only sends it to the slow path.
  p = at;
  while (p < n && isNumberChar(src.charCodeAt(p))) p++;
  c = src.charCodeAt(p);
  if (p > at && (c === COMMA || c === RBRACE || (inList && c === RBRACK) || p >= n)) {
    const x = Number(src.slice(at, p));
    // Finite only: NaN is not a number text, and ±∞ from a finite text is past the range.
    if (x - x === 0) {
      r.pos = p;
      return x;
    }
  }
  return doubleConverter(r, scalarToken(r, inList), at, inList);
}

function enumReader(t: EnumDescriptor): Reader {
  return tokenReader(converterFor(t));
}

function tokenReader(convert: Converter): Reader {
  return (r, inList) => {
    const at = r.pos;
    return convert(r, scalarToken(r, inList), at, inList);
  };
}

/**
 * A scalar at the root (a route segment, a query-string value): the whole text is the token,
 * commas and braces included, unless it is one quoted token. Empty text is null.
 */
export function readRootScalar(r: JsvScanner, t: ScalarDescriptor | EnumDescriptor): unknown {
  if (r.pos >= r.src.length) return null;
  const at = r.pos;
  let s: string;
  if (r.src.charCodeAt(r.pos) === QUOTE) {
    s = readQuoted(r);
    if (r.pos < r.src.length) failSyntax(r, r.pos, 'end of input', 'a quoted value must be the whole text');
  } else {
    s = r.src.slice(r.pos);
    r.pos = r.src.length;
  }
  return converterFor(t)(r, s, at, false);
}

/**
 * Reads the rest of the text as a list body without brackets (`a,b,c`), as ServiceStack
 * accepts at the root: the brackets are supplied and positions still point into the input.
 */
export function bracketListBody(r: JsvScanner): void {
  const body = r.src.slice(r.pos);
  const from = r.pos;
  const map = new Int32Array(body.length + 3);
  const old = r.origin;
  const at = (i: number): number => (old === undefined ? i : old[Math.min(i, old.length - 1)]!);
  map[0] = at(from);
  for (let i = 0; i < body.length; i++) map[i + 1] = at(from + i);
  map[body.length + 1] = at(r.src.length);
  map[body.length + 2] = at(r.src.length);
  r.src = '[' + body + ']';
  r.origin = map;
  r.pos = 0;
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
  let kind: InlineKind = OTHER;
  const readElement = (r: JsvScanner, i: number, inList: boolean): unknown => {
    try {
      if (nullable && takeNull(r, inList)) return null;
      if (read === undefined) {
        read = readerFor(el);
        kind = inlineKind(read);
      }
      return readAs(kind, read, r, inList);
    } catch (e) {
      if (e instanceof Failure) throw e.at(i);
      throw e;
    }
  };
  // An empty slot of a value-type element: ServiceStack inserts the default (or, for
  // List<Int32>, fails the whole list); strict mode reports it.
  const emptySlot = (r: JsvScanner, i: number, at: number): unknown => {
    if (empty !== undefined) return empty;
    if (r.lenient && !isInt32) return defaultValue(el);
    throw new Failure({ code: 'type', expected: elementLabel, found: 'an empty slot' }, located(r, at)).at(i);
  };
  return (r, inList) => {
    const start = r.pos;
    if (r.src.charCodeAt(r.pos) !== LBRACK) {
      // One unbracketed element, delimited as the value it stands for: `{tagIds:abc}` is ["abc"].
      return [readElement(r, 0, inList)];
    }
    enter(r, start);
    r.pos++;
    const out: unknown[] = [];
    // `[]` and a blank body are the empty list.
    let c = r.src.charCodeAt(r.pos);
    if (c === RBRACK) {
      r.pos++;
      r.depth--;
      return out;
    }
    if (isDotNetWhiteSpace(c)) {
      let p = r.pos;
      while (isDotNetWhiteSpace(r.src.charCodeAt(p))) p++;
      if (r.src.charCodeAt(p) === RBRACK) {
        r.pos = p + 1;
        r.depth--;
        return out;
      }
    }
    let lastEmpty = false;
    const max = r.limits.maxCollectionLength;
    for (;;) {
      const i = out.length;
      const at = r.pos;
      if (i >= max) tooMany(r, at, i);
      if (emptyHere(r, true)) {
        if (r.pos >= r.src.length) notClosed(r, '[', start, "']'");
        out.push(emptySlot(r, i, at));
        lastEmpty = true;
      } else {
        out.push(readElement(r, i, true));
        lastEmpty = false;
      }
      c = r.src.charCodeAt(r.pos);
      if (c === COMMA) {
        r.pos++;
        if (r.src.charCodeAt(r.pos) === RBRACK) {
          // A trailing comma: one more empty slot, except as noted above.
          // (ServiceStack's List<int> parser ignores a trailing comma.)
          if ((isString || !lastEmpty) && !(isInt32 && r.lenient)) {
            if (out.length >= max) tooMany(r, r.pos, out.length);
            out.push(emptySlot(r, out.length, r.pos));
          }
          r.pos++;
          break;
        }
        continue;
      }
      if (c === RBRACK) {
        r.pos++;
        break;
      }
      if (r.pos >= r.src.length) notClosed(r, '[', start, "',' or ']'");
      failSyntax(r, r.pos, "',' or ']'");
    }
    r.depth--;
    return out;
  };
}

function tooMany(r: JsvScanner, at: number, i: number): never {
  failLimitAt(r, at, 'maxCollectionLength', `element [${i}]`);
}

/**
 * Dictionary keys are JavaScript strings: a key's text parsed under the key type and
 * normalised to the canonical key text (`ScalarRow.toKey`; Double keys keep their JSV text).
 */
function keyReader(t: ScalarDescriptor): KeyReader {
  return SCALAR_READERS[t.name].readKey;
}

/** A scalar read from its token by its row in `SCALAR_PARSERS` (Common/DeserializeBuiltin.cs). */
function parsed<N extends ScalarName>(name: N): Converter {
  const parse = SCALAR_PARSERS[name] as (s: string) => unknown;
  return (r, s, at) => scalarResult(r, name, parse(s), at, s);
}

function keyOf<N extends ScalarName>(name: N): KeyReader {
  const parse = SCALAR_PARSERS[name] as (s: string) => unknown;
  const toKey = SCALARS[name].toKey as (v: unknown) => string;
  return (r, raw, at) => {
    let v = parse(raw);
    if (r.lenient && v instanceof ServerValue) v = v.value;
    if (v instanceof ScalarProblem) failValue(r, at, v.code, keyLabel(name), describeFound(raw), v.detail);
    return toKey(v);
  };
}

/** A dictionary key's text read as its canonical key text (`at`: where the key starts, for errors). */
type KeyReader = (r: JsvScanner, raw: string, at: number) => string;

/** One row per scalar: its reader, the converter of its token text, and its key reader. */
interface JsvScalarReader {
  readonly read: Reader;
  readonly convert: Converter;
  readonly readKey: KeyReader;
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
  String: { read: readString, convert: (_r, s) => s, readKey: (_r, raw) => raw },
  Boolean: {
    read: readBoolean,
    convert: convertBoolean,
    readKey: (r, raw, at) => {
      const b = parseJsvBoolean(raw);
      return b === undefined ? failValue(r, at, 'type', 'a Boolean key', describeFound(raw)) : b ? 'True' : 'False';
    },
  },
  Byte: row('Byte'),
  SByte: row('SByte'),
  Int16: row('Int16'),
  UInt16: row('UInt16'),
  Int32: {
    read: readInt32,
    convert: convertInt32,
    readKey: (r, raw, at) => {
      const v = parseJsvInt32(raw, true);
      if (v === 'type') failValue(r, at, 'type', 'an Int32 key', describeFound(raw));
      if (v === 'range') failValue(r, at, 'range', 'an Int32 key', describeFound(raw), 'outside the Int32 range');
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
    readKey: (r, raw, at) => {
      let d = SCALAR_PARSERS.Double(raw);
      if (r.lenient && d instanceof ServerValue) d = d.value;
      if (d instanceof ScalarProblem) failValue(r, at, d.code, 'a Double key', describeFound(raw), d.detail);
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
function readMapKey(r: JsvScanner): string {
  const c = r.src.charCodeAt(r.pos);
  if (c === QUOTE) return readQuoted(r);
  const start = r.pos;
  if (c === LBRACE) {
    skipMatched(r);
    return r.src.slice(start, r.pos);
  }
  const n = r.src.length;
  let p = r.pos;
  while (p < n) {
    const d = r.src.charCodeAt(p);
    if (d === COLON) break;
    // Compact JSV quotes any key holding these, so meeting one means the ':' is missing.
    if (d === COMMA || d === RBRACE || d === LBRACE || d === LBRACK || d === RBRACK) break;
    p++;
  }
  r.pos = p;
  return r.src.slice(start, p);
}

function expectColon(r: JsvScanner, keyAt: number): void {
  if (r.src.charCodeAt(r.pos) !== COLON) {
    if (r.pos === keyAt && r.src.charCodeAt(r.pos) === RBRACE) failSyntax(r, r.pos, 'a key', 'a trailing comma');
    failSyntax(r, r.pos, "':'");
  }
  r.pos++;
}

function notAnObject(r: JsvScanner, label: string, inList: boolean, at: number): never {
  const s = scalarToken(r, inList);
  r.pos = at;
  failValue(r, at, 'type', `${label} ({…})`, describeFound(s));
}

/** `{` followed by nothing but spaces before `}`: an empty map (`{ }`). */
function blankBody(r: JsvScanner): boolean {
  let p = r.pos;
  while (r.src.charCodeAt(p) === 0x20 || r.src.charCodeAt(p) === 0x09) p++;
  if (r.src.charCodeAt(p) !== RBRACE) return false;
  r.pos = p + 1;
  return true;
}

/**
 * At the `{` of an object or a dictionary (`start`): counts one level and steps inside. False
 * for an empty body (`{}`, `{ }`), which is then left again.
 */
function enterBraces(r: JsvScanner, start: number): boolean {
  enter(r, start);
  r.pos++;
  if (r.src.charCodeAt(r.pos) === RBRACE) {
    r.pos++;
    r.depth--;
    return false;
  }
  if (blankBody(r)) {
    r.depth--;
    return false;
  }
  return true;
}

/** After an entry of the `{` at `start`: true past a `,`; false past the `}`, which leaves it. */
function nextEntry(r: JsvScanner, start: number): boolean {
  const c = r.src.charCodeAt(r.pos);
  if (c === COMMA) {
    r.pos++;
    return true;
  }
  if (c === RBRACE) {
    r.pos++;
    r.depth--;
    return false;
  }
  if (r.pos >= r.src.length) notClosed(r, '{', start, "',' or '}'");
  failSyntax(r, r.pos, "',' or '}'");
}

/** The input ends inside the `{` or `[` at `start`. */
function notClosed(r: JsvScanner, open: '{' | '[', start: number, expected: string): never {
  failSyntax(r, r.pos, expected, `the ${open} at ${describeAt(r, start)} is not closed`);
}

function dictionaryReader(t: DictionaryDescriptor, label: string): Reader {
  let read: Reader | undefined;
  let kind: InlineKind = OTHER;
  const readKey = keyReader(t.key);
  const vt = t.value;
  const empty = emptyValue(vt);
  const nullable = vt.kind === 'class' || vt.kind === 'dictionary';
  const valueLabel = typeLabel(vt);
  return (r, inList) => {
    const start = r.pos;
    if (r.src.charCodeAt(r.pos) !== LBRACE) {
      if (takeNull(r, inList)) return null;
      return notAnObject(r, label, inList, start);
    }
    const out: Record<string, unknown> = {};
    const maxEntries = r.limits.maxDictionaryEntries;
    let entries = 0;
    if (enterBraces(r, start)) {
      do {
        const keyAt = r.pos;
        if (r.pos >= r.src.length) notClosed(r, '{', start, "a key or '}'");
        if (entries++ >= maxEntries) failLimitAt(r, keyAt, 'maxDictionaryEntries', `entry [${entries - 1}]`);
        const raw = withinStringLimit(r, readMapKey(r), keyAt);
        expectColon(r, keyAt);
        const valueAt = r.pos;
        let v: unknown;
        if (emptyHere(r, false)) {
          if (r.pos >= r.src.length) notClosed(r, '{', start, "a value or '}'");
          if (empty === undefined) {
            throw new Failure({ code: 'type', expected: valueLabel, found: 'nothing' }, located(r, valueAt)).at(raw);
          }
          v = empty;
        } else {
          try {
            if (read === undefined) {
              read = readerFor(vt);
              kind = inlineKind(read);
            }
            v = nullable && r.src.charCodeAt(r.pos) === 0x6e && takeNull(r, false) ? null : readAs(kind, read, r, false);
          } catch (e) {
            if (e instanceof Failure) throw e.at(raw);
            throw e;
          }
        }
        // ServiceStack skips an entry whose key token is empty.
        if (raw !== '' || r.src.charCodeAt(keyAt) === QUOTE) {
          // Keys are data: `__proto__` must become an own property (setOwn, inlined on the hot path).
          const k = readKey(r, raw, keyAt);
          if (k === '__proto__') setOwn(out, k, v);
          else out[k] = v;
        }
      } while (nextEntry(r, start));
    }
    return out;
  };
}

/**
 * The commonest scalar readers, called by name where a container reads one: a call through a
 * reader table is one megamorphic site for every member of every class (about a tenth of a
 * decode), a named call is monomorphic and inlined.
 */
const OTHER = 0;
const STRING = 1;
const DOUBLE = 2;
const INT32 = 3;
const BOOLEAN = 4;
type InlineKind = typeof OTHER | typeof STRING | typeof DOUBLE | typeof INT32 | typeof BOOLEAN;

function inlineKind(read: Reader): InlineKind {
  if (read === readString) return STRING;
  if (read === readDouble) return DOUBLE;
  if (read === readInt32) return INT32;
  if (read === readBoolean) return BOOLEAN;
  return OTHER;
}

/** `read(r, inList)`, with the readers `inlineKind` names called by name. */
function readAs(kind: InlineKind, read: Reader, r: JsvScanner, inList: boolean): unknown {
  return kind === STRING
    ? readString(r, inList)
    : kind === DOUBLE
      ? readDouble(r, inList)
      : kind === INT32
        ? readInt32(r, inList)
        : kind === BOOLEAN
          ? readBoolean(r, inList)
          : read(r, inList);
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
  /** Which scalar fast path reads each member (see `inlineKind`). */
  readonly kinds: InlineKind[];
  readonly build: Builder;
}

function classReader(t: ClassDescriptor): Reader {
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
      kinds: [],
      build: compileBuilder(ps),
    };
    for (const read of m.readers) m.kinds.push(inlineKind(read));
    // Property names bind case-insensitively (ordinal-ignore-case over ASCII names).
    ps.forEach((p, i) => {
      const f = p.wireName.toLowerCase();
      if (!m.folded.has(f)) m.folded.set(f, i);
    });
    return m;
  };
  // Resolved on the first `{`, when this closure is already cached (cyclic types).
  let members: Members | undefined;
  return (r, inList) => {
    const start = r.pos;
    if (r.src.charCodeAt(start) !== LBRACE) {
      // A struct is a value type: `null` is not one of its values.
      if (!t.isValueType && takeNull(r, inList)) return null;
      return notAnObject(r, t.name, inList, start);
    }
    const ms = (members ??= resolve());
    const { readers, nullables, kinds } = ms;
    const slots: unknown[] = new Array<unknown>(readers.length);
    let next = 0;
    if (enterBraces(r, start)) {
      do {
        const i = memberAt(r, ms, next, start);
        if (i < 0) continue;
        next = i + 1;
        if (emptyHere(r, false)) {
          emptyMember(r, ms, i, start, slots);
          continue;
        }
        const valueAt = r.pos;
        const depthAt = r.depth;
        let v: unknown;
        try {
          v = nullables[i] && r.src.charCodeAt(r.pos) === 0x6e && takeNull(r, false) ? null : readAs(kinds[i]!, readers[i]!, r, false);
        } catch (e) {
          dropMember(r, ms, i, e, valueAt, depthAt);
          continue;
        }
        slots[i] = v === null ? undefined : v;
      } while (nextEntry(r, start));
    }
    return ms.build(slots);
  };
}

/**
 * At a member's key (the `{` at `start` entered): the member's index with `r.pos` after its
 * `:`, or -1 for a member the class does not have, whose value is then skipped (without
 * recursion; `__type` is one). ServiceStack writes members in declaration order, skipping
 * nulls, so the next key is most likely at or after `next`: it is compared in place first,
 * before slicing and hashing it; names bind case-insensitively.
 */
function memberAt(r: JsvScanner, ms: Members, next: number, start: number): number {
  const src = r.src;
  const keyAt = r.pos;
  const { keys, firsts } = ms;
  const n = keys.length;
  const k0 = src.charCodeAt(keyAt);
  for (let j = next; j < n; j++) {
    if (firsts[j] === k0 && matchAt(src, keys[j]!, keyAt)) {
      r.pos = keyAt + keys[j]!.length;
      return j;
    }
  }
  if (keyAt >= src.length) notClosed(r, '{', start, "a key or '}'");
  const raw = readMapKey(r);
  if (raw.length > r.limits.maxNameLength) tooLong(r, keyAt, 'maxNameLength', raw.length);
  const name = raw.trim();
  expectColon(r, keyAt);
  const f = ms.folded.get(name.toLowerCase());
  if (f !== undefined) return f;
  if (!emptyHere(r, false)) skipValue(r, false);
  return -1;
}

/** Member `i` has an empty value (`{name:}`): its empty meaning, or the error in strict mode. */
function emptyMember(r: JsvScanner, ms: Members, i: number, start: number, slots: unknown[]): void {
  if (r.pos >= r.src.length) notClosed(r, '{', start, "a value or '}'");
  const e = ms.empties[i];
  if (e === undefined) {
    if (!r.lenient) {
      throw new Failure({ code: 'type', expected: ms.labels[i]!, found: 'nothing' }, located(r, r.pos)).at(ms.wires[i]!);
    }
  } else {
    slots[i] = e === null ? undefined : e;
  }
}

/**
 * Member `i`'s value at `valueAt` failed with `e`: in lenient mode a value ServiceStack would
 * drop is skipped and the object read on; anything else is rethrown at the member.
 */
function dropMember(r: JsvScanner, ms: Members, i: number, e: unknown, valueAt: number, depthAt: number): void {
  if (!(e instanceof Failure)) throw e;
  if (!(r.lenient && droppable(e.code))) throw e.at(ms.wires[i]!);
  r.pos = valueAt;
  r.depth = depthAt;
  skipValue(r, false);
}
