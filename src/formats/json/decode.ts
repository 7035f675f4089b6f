/**
 * The JSON reader: a single pass over the text, driven by readers compiled per descriptor.
 * It accepts what ServiceStack.Text's JSON reader accepts (jsv-and-json.md §6.2: whitespace,
 * case-insensitive names, unknown members, quoted scalars, bare NaN/Infinity) and reports what
 * the server would silently drop (see `JsonDecodeOptions.lenient`).
 *
 * Scanner state lives in module variables rather than an object passed around: decoding is
 * synchronous and never calls user code, so one decode cannot interleave with another, and the
 * hot loops read plain variables instead of properties.
 */
import { describeFound } from '../../errors.js';
import {
  typeLabel,
  type ClassDescriptor,
  type DictionaryDescriptor,
  type EnumDescriptor,
  type ListDescriptor,
  type NullableDescriptor,
  type ScalarDescriptor,
} from '../../schema/descriptors.js';
import type { DtoErrorCode } from '../../errors.js';
import { Failure, lineCol } from '../common/failure.js';
import { INT32_MAX, INT32_MIN, parseInt32, parseServiceStackBoolean, readFloating, ServerValue } from '../common/numbers.js';
import { compileBuilder, type Builder } from '../common/builder.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { compileEnum } from '../common/enums.js';
import { setOwn } from '../common/objects.js';
import { keyLabel, SCALAR_PARSERS } from '../common/scalar-parse.js';
import { SCALARS, ScalarProblem, type ScalarName } from '../../schema/scalars.js';

/**
 * Reads the value starting at `pos` (whitespace already skipped) and leaves `pos` just after
 * it. Returns `null` for a JSON `null` where the type admits one; value types throw instead.
 */
export type Reader = () => unknown;

// ---------------------------------------------------------------------------------------------
// Scanner state

let src = '';
let pos = 0;
let depth = 0;
let maxDepth = 512;
let lenient = false;
/**
 * The first backslash at or after some position at or before `pos` (-1: none left), so a
 * string without escapes is one `indexOf` and a slice. Valid only while `pos` moves forward:
 * going back goes through `rewind`.
 */
let nextBackslash = -1;

function rewind(to: number): void {
  pos = to;
  nextBackslash = src.indexOf('\\', to);
}

/** Ends one decode: drops the reference to the input so it can be collected. */
export function resetScanner(): void {
  src = '';
  pos = 0;
  depth = 0;
}

export function startScanner(text: string, limit: number, lenientMode: boolean): void {
  src = text;
  pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  depth = 0;
  maxDepth = limit;
  lenient = lenientMode;
  nextBackslash = text.indexOf('\\');
}

// Character codes used below.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const MINUS = 0x2d;

/** Characters that end a bare token (`123`, `true`, `NaN`): whitespace and JSON punctuation. */
const DELIMITER = new Uint8Array(128);
for (const c of ' \t\n\r,:{}[]"') DELIMITER[c.charCodeAt(0)] = 1;

function isDelimiterOrEnd(c: number): boolean {
  // NaN (end of input) fails both comparisons below, so test it first.
  return c !== c || (c < 128 && DELIMITER[c] === 1);
}

/** Skips JSON whitespace and returns the code of the character at `pos` (NaN at the end). */
export function skipWhitespace(): number {
  let c = src.charCodeAt(pos);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = src.charCodeAt(++pos);
  return c;
}

export function atEnd(): boolean {
  return pos >= src.length;
}

export function position(): number {
  return pos;
}

// ---------------------------------------------------------------------------------------------
// Failures

function failAt(at: number, code: DtoErrorCode, expected: string | undefined, found: string | undefined, detail?: string): never {
  const { line, column } = lineCol(src, at);
  const d: { code: DtoErrorCode; line: number; column: number; expected?: string; found?: string; detail?: string } = {
    code,
    line,
    column,
  };
  if (expected !== undefined) d.expected = expected;
  if (found !== undefined) d.found = found;
  if (detail !== undefined) d.detail = detail;
  throw new Failure(d);
}

/** The character at `at` for a message: `'x'`, or `end of input`. */
function charAt(at: number): string {
  if (at >= src.length) return 'end of input';
  const cp = src.codePointAt(at)!;
  const ch = String.fromCodePoint(cp);
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? JSON.stringify(ch) : `'${ch}'`;
}

export function failSyntax(at: number, expected: string, detail?: string): never {
  failAt(at, 'syntax', expected, charAt(at), detail);
}

function failDepth(at: number): never {
  failAt(at, 'depth', undefined, undefined, `nesting deeper than maxDepth ${maxDepth}`);
}

/** The value at `at` (not consumed) as a message shows it: `"x"`, `1.5`, `an object`. */
function describeValueAt(at: number): string {
  const c = src.charCodeAt(at);
  if (c === LBRACE) return 'an object';
  if (c === LBRACKET) return 'an array';
  const save = pos;
  const saveBackslash = nextBackslash;
  rewind(at);
  try {
    if (c === QUOTE) return describeFound(readString());
    const token = bareToken();
    return token.length > 40 ? token.slice(0, 40) + '…' : token;
  } finally {
    pos = save;
    nextBackslash = saveBackslash;
  }
}

/**
 * The value at `start` is not a `label`. If it is not even a JSON value (`tru`, a stray `,`)
 * the text is malformed and that is what gets reported.
 */
function wrongValue(label: string, start: number): never {
  const c = src.charCodeAt(start);
  if (c !== LBRACE && c !== LBRACKET && c !== QUOTE) {
    const save = pos;
    pos = start;
    const token = bareToken();
    pos = save;
    if (!isLiteral(token)) {
      if (token === '') failSyntax(start, label);
      failAt(start, 'syntax', label, token.length > 40 ? token.slice(0, 40) + '…' : token, 'not a JSON value');
    }
  }
  failAt(start, 'type', label, describeValueAt(start));
}

/** `null` where a non-nullable value type is declared: ServiceStack keeps the default silently. */
function nullForValueType(label: string, start: number): never {
  failAt(start, 'strict', label, 'null', 'a non-nullable value type; lenient: true keeps the .NET default');
}

function lenientCode(code: DtoErrorCode): boolean {
  return code === 'type' || code === 'range' || code === 'enum' || code === 'strict';
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** Reads the string literal at `pos` (which is on the opening quote) and returns its value. */
export function readString(): string {
  const open = pos;
  const start = pos + 1;
  const close = src.indexOf('"', start);
  if (close < 0) failAt(open, 'syntax', 'a closing \'"\'', 'end of input', 'unterminated string');
  if (nextBackslash >= 0 && nextBackslash < start) nextBackslash = src.indexOf('\\', start);
  if (nextBackslash < 0 || nextBackslash > close) {
    pos = close + 1;
    return src.slice(start, close);
  }
  return readEscapedString(open);
}

function readEscapedString(open: number): string {
  let out = '';
  let from = open + 1;
  let i = from;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === QUOTE) {
      pos = i + 1;
      return out + src.slice(from, i);
    }
    if (c === BACKSLASH) {
      out += src.slice(from, i);
      const e = src.charCodeAt(i + 1);
      switch (e) {
        case 0x22: out += '"'; break;
        case 0x5c: out += '\\'; break;
        case 0x2f: out += '/'; break;
        case 0x62: out += '\b'; break;
        case 0x66: out += '\f'; break;
        case 0x6e: out += '\n'; break;
        case 0x72: out += '\r'; break;
        case 0x74: out += '\t'; break;
        case 0x75: {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
            failAt(i, 'syntax', 'four hex digits after \\u', JSON.stringify(src.slice(i, i + 6)), 'bad escape');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          if (e !== e) failAt(open, 'syntax', 'a closing \'"\'', 'end of input', 'unterminated string');
          failAt(i, 'syntax', 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', JSON.stringify(src.slice(i, i + 2)), 'bad escape');
      }
      i += 2;
      from = i;
      continue;
    }
    if (c !== c) failAt(open, 'syntax', 'a closing \'"\'', 'end of input', 'unterminated string');
    i++;
  }
}

/** Skips the string literal at `pos` without building it, still checking its escapes. */
function skipString(): void {
  const start = pos + 1;
  const close = src.indexOf('"', start);
  if (close < 0) failAt(pos, 'syntax', 'a closing \'"\'', 'end of input', 'unterminated string');
  if (nextBackslash >= 0 && nextBackslash < start) nextBackslash = src.indexOf('\\', start);
  if (nextBackslash < 0 || nextBackslash > close) {
    pos = close + 1;
    return;
  }
  readEscapedString(pos);
}

/** The run of non-delimiter characters at `pos` (consumed): a number or a word. */
function bareToken(): string {
  const start = pos;
  let c = src.charCodeAt(pos);
  while (!isDelimiterOrEnd(c)) c = src.charCodeAt(++pos);
  return src.slice(start, pos);
}

/**
 * A number as ServiceStack's reader takes it bare: JSON's grammar, but leading zeros and a
 * trailing `.` allowed as .NET's parser allows them. No `+`, no hex.
 */
// `\d+(?:\.\d*)?`, not `\d+\.?\d*`, which backtracks quadratically on a long digit run that
// does not match (10^5 digits and an `x`: 21 s; issue 11).
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The bare tokens that are JSON values here (numbers, literals, and SS's non-finite doubles). */
function isLiteral(token: string): boolean {
  switch (token) {
    case 'true':
    case 'false':
    case 'null':
    case 'NaN':
    case 'Infinity':
    case '-Infinity':
      return true;
  }
  return NUMBER.test(token);
}

/** Consumes `null` at `pos` if it is there as a whole token. */
function takeNull(): boolean {
  if (
    src.charCodeAt(pos + 1) === 0x75 &&
    src.charCodeAt(pos + 2) === 0x6c &&
    src.charCodeAt(pos + 3) === 0x6c &&
    isDelimiterOrEnd(src.charCodeAt(pos + 4)) &&
    src.charCodeAt(pos) === 0x6e
  ) {
    pos += 4;
    return true;
  }
  return false;
}

/**
 * Skips one value of any shape, checking it is well-formed JSON, without recursion: an
 * explicit stack of open containers, bounded by the same `maxDepth` as typed reading.
 */
export function skipValue(): void {
  const stack: number[] = [];
  for (;;) {
    // A value starts at `pos` (whitespace skipped).
    let c = src.charCodeAt(pos);
    if (c === LBRACE || c === LBRACKET) {
      if (depth + stack.length + 1 > maxDepth) failDepth(pos);
      const close = c === LBRACE ? RBRACE : RBRACKET;
      pos++;
      c = skipWhitespace();
      if (c === close) {
        pos++;
      } else {
        stack.push(close);
        if (close === RBRACE) skipMemberName();
        continue;
      }
    } else if (c === QUOTE) {
      skipString();
    } else {
      const start = pos;
      const token = bareToken();
      if (!isLiteral(token)) {
        if (token === '') failSyntax(start, 'a value');
        failAt(start, 'syntax', 'a value', token.length > 40 ? token.slice(0, 40) + '…' : token, 'not a JSON value');
      }
    }
    // After a value: close containers until one continues with a comma.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) return;
      c = skipWhitespace();
      if (c === COMMA) {
        pos++;
        skipWhitespace();
        if (top === RBRACE) skipMemberName();
        break;
      }
      if (c === top) {
        pos++;
        stack.pop();
        continue;
      }
      failSyntax(pos, top === RBRACE ? "',' or '}'" : "',' or ']'");
    }
  }
}

/** At a member name: skips `"name"` and `:`, leaving `pos` on the value. */
function skipMemberName(): void {
  if (src.charCodeAt(pos) !== QUOTE) failSyntax(pos, 'a property name');
  skipString();
  skipColon();
}

/** At a member name: reads `"name"` and `:`, leaving `pos` on the value. */
function readMemberName(): string {
  if (src.charCodeAt(pos) !== QUOTE) failSyntax(pos, 'a property name');
  const name = readString();
  skipColon();
  return name;
}

/** After a member name: the `:`, leaving `pos` on the value. */
function skipColon(): void {
  if (skipWhitespace() !== COLON) failSyntax(pos, "':'");
  pos++;
  skipWhitespace();
}

// ---------------------------------------------------------------------------------------------
// Compilation

/** The reader for `t`, compiled once per descriptor. */
export const readerFor = compiledPerDescriptor<Reader>({
  scalar: scalarReader,
  enum: enumReader,
  nullable: nullableReader,
  list: listReader,
  dictionary: dictionaryReader,
  class: classReader,
});

// Scalars -------------------------------------------------------------------------------------

function scalarReader(t: ScalarDescriptor): Reader {
  return SCALAR_READERS[t.name].read;
}
/**
 * A String member takes a string, `null`, or a bare number/`true`/`false` as its text
 * (ServiceStack keeps the raw token); objects and arrays are type errors.
 */
function readStringValue(): unknown {
  const c = src.charCodeAt(pos);
  if (c === QUOTE) return readString();
  if (c === 0x6e && takeNull()) return null;
  if (c === LBRACE || c === LBRACKET) wrongValue('String', pos);
  const start = pos;
  const token = bareToken();
  if (token === 'null') return null;
  if (!isLiteral(token)) wrongValue('String', start);
  return token;
}

function readBoolean(): unknown {
  const start = pos;
  const c = src.charCodeAt(pos);
  if (c === QUOTE) {
    const b = parseServiceStackBoolean(readString());
    if (b === undefined) wrongValue('Boolean', start);
    return b;
  }
  if (c === LBRACE || c === LBRACKET) wrongValue('Boolean', start);
  const token = bareToken();
  switch (token) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    case 'null':
      nullForValueType('Boolean', start);
  }
  wrongValue('Boolean', start);
}

function int32OutOfRange(start: number, text: string): never {
  failAt(start, 'range', 'Int32', text.length > 40 ? text.slice(0, 40) + '…' : text, 'outside the Int32 range');
}

function readInt32(): unknown {
  const start = pos;
  let c = src.charCodeAt(pos);
  if ((c >= 0x30 && c <= 0x39) || c === MINUS) {
    // Fast path: -?digits followed by a delimiter.
    const negative = c === MINUS;
    if (negative) c = src.charCodeAt(++pos);
    let v = 0;
    let digits = 0;
    while (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      digits++;
      c = src.charCodeAt(++pos);
    }
    if (digits > 0 && isDelimiterOrEnd(c)) {
      if (negative) v = -v;
      if (v < INT32_MIN || v > INT32_MAX) int32OutOfRange(start, src.slice(start, pos));
      return v === 0 ? 0 : v;
    }
    pos = start;
    wrongValue('Int32', start);
  }
  if (c === QUOTE) {
    const r = parseInt32(readString());
    if ('value' in r) return r.value;
    if (r.error === 'range') int32OutOfRange(start, describeValueAt(start));
    wrongValue('Int32', start);
  }
  if (c === 0x6e && takeNull()) nullForValueType('Int32', start);
  wrongValue('Int32', start);
}

function readDouble(): unknown {
  const start = pos;
  const c = src.charCodeAt(pos);
  if (c === QUOTE) {
    const v = readFloating(readString(), false);
    if (v === undefined) wrongValue('Double', start);
    return scalarResult('Double', v, start);
  }
  if (c === LBRACE || c === LBRACKET) wrongValue('Double', start);
  const token = bareToken();
  if (NUMBER.test(token)) {
    const x = +token;
    // A finite text past the range: ±∞ on a .NET Core host, reported unless lenient.
    return x - x === 0 ? x : scalarResult('Double', readFloating(token, false), start);
  }
  switch (token) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case 'null':
      nullForValueType('Double', start);
  }
  wrongValue('Double', start);
}

/**
 * A parser's answer for the value at `start`: the value; in lenient mode, the value the server
 * reads where it differs from the text (`ServerValue`: ±∞ for a finite Double past the range, a
 * rounded Decimal); otherwise the problem, reported.
 */
function scalarResult(name: string, v: unknown, start: number): unknown {
  if (!(v instanceof ScalarProblem)) return v;
  if (lenient && v instanceof ServerValue) return v.value;
  return scalarFailure(name, v, start);
}

/** A scalar's problem at `start`: its code, the .NET type, the token as found. */
function scalarFailure(name: string, p: ScalarProblem, start: number): never {
  const detail = p.detail ?? (p.code === 'range' ? `outside the ${name} range` : undefined);
  failAt(start, p.code, name, describeValueAt(start), detail);
}

/**
 * A scalar read through its text (Common/DeserializeBuiltin.cs): a JSON string is unquoted, a
 * bare number/word taken as it is (ServiceStack reads `"5"` and `5` alike), then parsed by the
 * scalar's row in `SCALAR_PARSERS`. `null` is no value for reference types and an error for
 * value types.
 */
function textReader<N extends ScalarName>(name: N): Reader {
  const parse = SCALAR_PARSERS[name] as (s: string) => unknown;
  const valueType = SCALARS[name].isValueType;
  return () => {
    const start = pos;
    const c = src.charCodeAt(pos);
    let text: string;
    if (c === QUOTE) text = readString();
    else {
      if (c === LBRACE || c === LBRACKET) wrongValue(name, start);
      const token = bareToken();
      if (token === 'null') {
        if (valueType) nullForValueType(name, start);
        return null;
      }
      if (!isLiteral(token)) wrongValue(name, start);
      text = token;
    }
    return scalarResult(name, parse(text), start);
  };
}

/** A key's text parsed by the scalar's row and written back as the canonical key text. */
function keyOf<N extends ScalarName>(name: N): (key: string, at: number) => string {
  const parse = SCALAR_PARSERS[name] as (s: string) => unknown;
  const toKey = SCALARS[name].toKey as (v: unknown) => string;
  return (key, at) => {
    let v = parse(key);
    if (lenient && v instanceof ServerValue) v = v.value;
    if (v instanceof ScalarProblem) failAt(at, v.code, keyLabel(name), describeFound(key), v.detail);
    return toKey(v);
  };
}

/** One row per scalar: its JSON value reader and, for dictionary keys, its key reader. */
interface JsonScalarReader {
  readonly read: Reader;
  /** Undefined: the key is taken as it is (String). */
  readonly readKey: ((key: string, at: number) => string) | undefined;
}

function row<N extends ScalarName>(name: N, read: Reader = textReader(name)): JsonScalarReader {
  return { read, readKey: keyOf(name) };
}

/** A `System.Object` member: compiling its reader is the error (no schema-free JSON form is kept). */
function unsupportedObject(): never {
  throw new Failure({ code: 'unsupported', detail: 'a System.Object member has no JSON form this codec can read back losslessly' });
}

/**
 * Every scalar's JSON reader (jsv-and-json.md §6.2). String, Boolean, Int32 and Double keep
 * their dedicated fast readers; the others read their text and parse it by their row.
 */
const SCALAR_READERS: { readonly [N in ScalarName]: JsonScalarReader } = {
  String: { read: readStringValue, readKey: undefined },
  Boolean: {
    read: readBoolean,
    readKey: (name, at) => {
      const b = parseServiceStackBoolean(name);
      return b === undefined ? failAt(at, 'type', 'a Boolean key', describeFound(name)) : b ? 'True' : 'False';
    },
  },
  Byte: row('Byte'),
  SByte: row('SByte'),
  Int16: row('Int16'),
  UInt16: row('UInt16'),
  Int32: {
    read: readInt32,
    readKey: (name, at) => {
      const r = parseInt32(name);
      if ('value' in r) return String(r.value);
      return failAt(at, r.error, 'an Int32 key', describeFound(name));
    },
  },
  UInt32: row('UInt32'),
  Int64: row('Int64'),
  UInt64: row('UInt64'),
  Single: row('Single'),
  Double: {
    read: readDouble,
    readKey: keyOf('Double'),
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
    readKey: undefined,
  },
};

// Enums ---------------------------------------------------------------------------------------

/** ASCII-only case folding: .NET's ordinal-ignore-case agrees with it on ASCII names. */
function foldAscii(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 32)) : s;
}

function enumReader(t: EnumDescriptor): Reader {
  const e = compileEnum(t);
  // Fast path: the wire text the writer puts out, compared as a whole quoted token.
  const byQuoted = new Map<string, string>();
  for (const m of t.members) {
    const w = e.wireOf(m.value);
    if (!w.number && !byQuoted.has(w.text)) byQuoted.set(w.text, e.textOf(m.value));
  }
  const expected = `a ${t.name} member`;
  const resolve = (text: string, start: number): string => {
    const value = e.parse(text);
    if (value === undefined) return failAt(start, 'enum', expected, describeValueAt(start));
    // Enum.Parse also takes a value no member names (`42`): the value model keeps it as "42".
    return e.textOf(value);
  };
  return () => {
    const start = pos;
    const c = src.charCodeAt(pos);
    if (c === QUOTE) {
      const s = readString();
      return byQuoted.get(s) ?? resolve(s, start);
    }
    if ((c >= 0x30 && c <= 0x39) || c === MINUS) {
      const token = bareToken();
      if (!/^-?\d+$/.test(token)) wrongValue(t.name, start);
      return resolve(token, start);
    }
    if (c === 0x6e && takeNull()) nullForValueType(t.name, start);
    wrongValue(t.name, start);
  };
}

// Nullable ------------------------------------------------------------------------------------

function nullableReader(t: NullableDescriptor): Reader {
  let inner: Reader | undefined;
  return () => {
    const c = src.charCodeAt(pos);
    if (c === 0x6e && takeNull()) return null;
    // ServiceStack reads an empty string as no value for Nullable<T>.
    if (c === QUOTE && src.charCodeAt(pos + 1) === QUOTE) {
      pos += 2;
      return null;
    }
    return (inner ??= readerFor(t.of))();
  };
}

// Containers ----------------------------------------------------------------------------------

/**
 * At `{`/`[` of a container: counts one level and steps inside. False for an empty container,
 * which is then left again.
 */
function enter(close: number): boolean {
  if (++depth > maxDepth) failDepth(pos);
  pos++;
  if (skipWhitespace() !== close) return true;
  pos++;
  depth--;
  return false;
}

/**
 * After an entry: true past a `,` (and the whitespace after it), so another entry follows;
 * false past the container's closer, which leaves the container.
 */
function nextEntry(close: number): boolean {
  const d = skipWhitespace();
  if (d === COMMA) {
    pos++;
    skipWhitespace();
    return true;
  }
  if (d !== close) failSyntax(pos, close === RBRACE ? "',' or '}'" : "',' or ']'");
  pos++;
  depth--;
  return false;
}

function listReader(t: ListDescriptor): Reader {
  let element: Reader | undefined;
  const label = typeLabel(t);
  return () => {
    const start = pos;
    const c = src.charCodeAt(pos);
    if (c !== LBRACKET) {
      if (c === 0x6e && takeNull()) return null;
      wrongValue(label, start);
    }
    const read = (element ??= readerFor(t.of));
    const out: unknown[] = [];
    if (enter(RBRACKET)) {
      do {
        try {
          out.push(read());
        } catch (e) {
          throw e instanceof Failure ? e.at(out.length) : e;
        }
      } while (nextEntry(RBRACKET));
    }
    return out;
  };
}

function dictionaryReader(t: DictionaryDescriptor, label: string): Reader {
  let value: Reader | undefined;
  const key = keyReader(t.key);
  return () => {
    const start = pos;
    const c = src.charCodeAt(pos);
    if (c !== LBRACE) {
      if (c === 0x6e && takeNull()) return null;
      wrongValue(label, start);
    }
    const read = (value ??= readerFor(t.value));
    const out: Record<string, unknown> = {};
    if (enter(RBRACE)) {
      do {
        const keyAt = pos;
        const name = readMemberName();
        const k = key === undefined ? name : key(name, keyAt);
        try {
          setOwn(out, k, read());
        } catch (e) {
          throw e instanceof Failure ? e.at(k) : e;
        }
      } while (nextEntry(RBRACE));
    }
    return out;
  };
}

/**
 * Non-string keys are parsed with their type's rule and normalised to the canonical key text
 * (`ScalarRow.toKey`), so `"1"` and `" 01 "` are the same Int32 key and a Guid key in `N` form
 * becomes its `D` form. Undefined for String keys, which are taken as they are.
 */
function keyReader(t: ScalarDescriptor): ((name: string, at: number) => string) | undefined {
  return SCALAR_READERS[t.name].readKey;
}

interface Members {
  readonly readers: Reader[];
  readonly wires: string[];
  /** `"wireName"` as it appears in ServiceStack's output. */
  readonly quoted: string[];
  readonly exact: Map<string, number>;
  readonly folded: Map<string, number>;
  readonly build: Builder;
}

function classReader(t: ClassDescriptor): Reader {
  // Resolved on first call, when this closure is already cached (cyclic types).
  let members: Members | undefined;
  const resolve = (): Members => {
    const ps = t.properties;
    const m: Members = {
      readers: ps.map((p) => {
        try {
          return readerFor(p.type);
        } catch (e) {
          throw e instanceof Failure ? e.at(p.wireName) : e;
        }
      }),
      wires: ps.map((p) => p.wireName),
      quoted: ps.map((p) => JSON.stringify(p.wireName)),
      build: compileBuilder(ps),
      exact: new Map(),
      folded: new Map(),
    };
    ps.forEach((p, i) => {
      if (!m.exact.has(p.wireName)) m.exact.set(p.wireName, i);
      const f = foldAscii(p.wireName);
      if (!m.folded.has(f)) m.folded.set(f, i);
    });
    return m;
  };
  return () => {
    const start = pos;
    const c = src.charCodeAt(pos);
    if (c !== LBRACE) {
      if (c === 0x6e && takeNull()) {
        // A struct is a value type: never null.
        if (t.isValueType) nullForValueType(t.name, start);
        return null;
      }
      wrongValue(t.name, start);
    }
    const ms = (members ??= resolve());
    const { readers, wires, quoted, exact, folded } = ms;
    const n = readers.length;
    const slots: unknown[] = new Array<unknown>(n);
    // ServiceStack writes members in declaration order, skipping nulls, so the next name is
    // most likely a later member: compare it in place before slicing and hashing it.
    let next = 0;
    if (enter(RBRACE)) {
      do {
        let i: number | undefined;
        for (let j = next; j < n; j++) {
          const q = quoted[j]!;
          if (src.startsWith(q, pos)) {
            i = j;
            pos += q.length;
            skipColon();
            break;
          }
        }
        if (i === undefined) {
          const name = readMemberName();
          i = exact.get(name);
          // Names bind case-insensitively (PascalCase too); the fold is ASCII-only because a
          // non-ASCII name cannot equal an ASCII wire name under ordinal-ignore-case either.
          if (i === undefined) i = folded.get(foldAscii(name));
        }
        if (i !== undefined) next = i + 1;
        if (i === undefined) {
          skipValue();
        } else {
          const valueAt = pos;
          const depthAt = depth;
          try {
            const v = readers[i]!();
            slots[i] = v === null ? undefined : v;
          } catch (e) {
            if (!(e instanceof Failure)) throw e;
            if (!(lenient && lenientCode(e.detail.code))) throw e.at(wires[i]!);
            // What ServiceStack does: drop this member's value, keep reading the object.
            rewind(valueAt);
            depth = depthAt;
            skipValue();
          }
        }
      } while (nextEntry(RBRACE));
    }
    return ms.build(slots);
  };
}
