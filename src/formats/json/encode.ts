/**
 * The JSON writer: what a ServiceStack.Text host sends (jsv-and-json.md §6.1). One writer
 * closure per descriptor, compiled on first use; a writer takes a non-null value and returns
 * its JSON text, and each container decides itself what a null member/element/value becomes.
 */
import { describeFound } from '../../errors.js';
import type { EnumDescriptor, ScalarDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import { SCALARS, ScalarProblem, type ScalarName } from '../../schema/scalars.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { compileEnum } from '../common/enums.js';
import { keyLabel } from '../common/scalar-parse.js';
import { fail } from '../common/failure.js';
import { formatDouble, formatSingle } from '../common/numbers.js';
import { formatIsoDateTime, formatIsoDateTimeOffset, formatWcfDate, formatWcfDateOffset, formatXsdDuration, guidN } from '../common/scalar-text.js';
import { classWriter, coerced, dictionaryWriter, listWriter, wrongType, type Writer } from '../common/text-writer.js';
import type { DateHandler, NonFiniteMode } from './options.js';

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

/** What the writers depend on beyond the descriptor: the non-finite and date options. */
interface Mode {
  readonly nf: NonFiniteMode;
  readonly dh: DateHandler;
}

/** One writer per descriptor, for each mode. */
function compileWriters(mode: Mode): (t: TypeDescriptor) => Writer {
  const writerOf: (t: TypeDescriptor) => Writer = compiledPerDescriptor<Writer>({
    scalar: (t) => scalarWriter(t, mode),
    enum: enumWriter,
    // A present Nullable<T> is written exactly like T; absence is the container's business.
    nullable: (t) => writerOf(t.of),
    list: (t) => listWriter(t, nullElementText(t.of), writerOf),
    dictionary: (t, label) => dictionaryWriter(t, label, writerOf, SCALAR_WRITERS[t.key.name].writeKey(mode)),
    class: (t) => classWriter(t, writerOf, jsonKey, { format: 'JSON', nullText: 'null' }),
  });
  return writerOf;
}

const writers: Record<`${NonFiniteMode} ${DateHandler}`, (t: TypeDescriptor) => Writer> = {
  'bare timestampOffset': compileWriters({ nf: 'bare', dh: 'timestampOffset' }),
  'string timestampOffset': compileWriters({ nf: 'string', dh: 'timestampOffset' }),
  'bare iso8601': compileWriters({ nf: 'bare', dh: 'iso8601' }),
  'string iso8601': compileWriters({ nf: 'string', dh: 'iso8601' }),
};

/** The writer for `t`, compiled once per descriptor and mode. */
export function writerFor(t: TypeDescriptor, nonFinite: NonFiniteMode, dateHandler: DateHandler = 'timestampOffset'): Writer {
  return writers[`${nonFinite} ${dateHandler}`](t);
}

// Scalars -------------------------------------------------------------------------------------


const writeInt32Coerced = coerced('Int32', (v) => String(v));

function writeInt32(v: unknown): string {
  // `(v | 0) === v` is exactly "an integer in Int32 range" (and maps -0 to 0 in the text).
  if (typeof v === 'number' && (v | 0) === v) return '' + v;
  if (typeof v === 'number' && Number.isInteger(v)) {
    fail({ code: 'range', expected: 'Int32', found: String(v), detail: 'outside the Int32 range' });
  }
  // The other inputs the value model takes (a bigint), off the fast path.
  if (typeof v === 'bigint') return writeInt32Coerced(v);
  return wrongType('Int32', v);
}

/** Double and Single: bare, or NaN/±Infinity as JSON strings in `nonFinite: 'string'` mode. */
function floatWriter(name: 'Double' | 'Single', { nf }: Mode): Writer {
  const format = name === 'Double' ? formatDouble : formatSingle;
  if (nf === 'string') {
    return (v) => {
      if (typeof v !== 'number') return wrongType(name, v);
      const s = format(v);
      return v - v === 0 ? s : '"' + s + '"';
    };
  }
  if (name === 'Double') return (v) => (typeof v === 'number' ? formatDouble(v) : wrongType('Double', v));
  return (v) => (typeof v === 'number' ? formatSingle(v) : wrongType('Single', v));
}

/** One row per scalar: how JSON writes a value and a dictionary key of it. */
interface JsonScalarWriter {
  /** The value writer (JsonTypeSerializer.cs `Write*`), made once per descriptor. */
  write(mode: Mode): Writer;
  /**
   * The key writer: JavaScript keys are the canonical key text (`ScalarRow.toKey`). String keys
   * are escaped strings; every other key is its value text, quoted when the value is bare
   * (WriteDictionary.cs quotes numeric and Boolean keys: `"42"`, `"true"`).
   */
  writeKey(mode: Mode): (key: string) => string;
}

/** The key writer of a non-string scalar: parse the canonical key, write the value, quote a bare one. */
function valueKey(name: ScalarName, write: Writer): (key: string) => string {
  const fromKey = SCALARS[name].fromKey as (k: string) => unknown;
  return (k) => {
    const v = fromKey(k);
    if (v instanceof ScalarProblem) fail({ code: v.code, expected: keyLabel(name), found: describeFound(k) });
    const text = write(v);
    return text.charCodeAt(0) === 0x22 ? text : '"' + text + '"';
  };
}

function row(name: ScalarName, make: (mode: Mode) => Writer): JsonScalarWriter {
  return { write: make, writeKey: (mode) => valueKey(name, make(mode)) };
}

const writeString: Writer = (v) => (typeof v === 'string' ? quoteJsonString(v) : wrongType('String', v));
const writeBoolean: Writer = (v) => (v === true ? 'true' : v === false ? 'false' : wrongType('Boolean', v));
const plain = (v: number | bigint | string): string => String(v);

/**
 * Every scalar's JSON form (jsv-and-json.md §6.1; ServiceStack.Text Json/JsonTypeSerializer.cs).
 * String, Boolean, Int32 and Double keep their dedicated fast writers.
 */
const SCALAR_WRITERS: { readonly [N in ScalarName]: JsonScalarWriter } = {
  String: { write: () => writeString, writeKey: () => quoteJsonString },
  Boolean: row('Boolean', () => writeBoolean),
  Byte: row('Byte', () => coerced('Byte', plain)),
  SByte: row('SByte', () => coerced('SByte', plain)),
  Int16: row('Int16', () => coerced('Int16', plain)),
  UInt16: row('UInt16', () => coerced('UInt16', plain)),
  Int32: row('Int32', () => writeInt32),
  UInt32: row('UInt32', () => coerced('UInt32', plain)),
  Int64: row('Int64', () => coerced('Int64', plain)),
  UInt64: row('UInt64', () => coerced('UInt64', plain)),
  Single: row('Single', (m) => floatWriter('Single', m)),
  Double: row('Double', (m) => floatWriter('Double', m)),
  // decimal.ToString(Invariant): the scale is kept (`1.50`), bare.
  Decimal: row('Decimal', () => coerced('Decimal', plain)),
  // WriteChar: the one character as a JSON string.
  Char: row('Char', () => coerced('Char', quoteJsonString)),
  // DateHandler.TimestampOffset (the default): `"\/Date(ms±hhmm)\/"`, milliseconds only;
  // DateHandler.ISO8601: ToString("o"), every tick.
  DateTime: row('DateTime', ({ dh }) =>
    coerced('DateTime', (v) => '"' + (dh === 'iso8601' ? formatIsoDateTime(v) : formatWcfDate(v)) + '"'),
  ),
  DateTimeOffset: row('DateTimeOffset', ({ dh }) =>
    coerced('DateTimeOffset', (v) => '"' + (dh === 'iso8601' ? formatIsoDateTimeOffset(v) : formatWcfDateOffset(v)) + '"'),
  ),
  // TimeSpanHandler.DurationFormat (the default): the XSD duration, quoted.
  TimeSpan: row('TimeSpan', () => coerced('TimeSpan', (v) => '"' + formatXsdDuration(v.ticks) + '"')),
  // Guid.ToString("N"): 32 lower-case hex digits.
  Guid: row('Guid', () => coerced('Guid', (v) => '"' + guidN(v) + '"')),
  // Convert.ToBase64String, quoted.
  'Byte[]': row('Byte[]', () => coerced('Byte[]', (v) => '"' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') + '"')),
  // Uri.ToString() through the string escaper; the text is written as given (see index.ts).
  Uri: row('Uri', () => coerced('Uri', quoteJsonString)),
  Object: { write: () => unsupportedObject(), writeKey: () => unsupportedObject() },
};

/** A `System.Object` member: compiling it is the error (no schema-free JSON form is byte-exact). */
function unsupportedObject(): never {
  fail({ code: 'unsupported', detail: 'a System.Object member has no JSON form this codec can write byte for byte' });
}

function scalarWriter(t: ScalarDescriptor, mode: Mode): Writer {
  return SCALAR_WRITERS[t.name].write(mode);
}

function enumWriter(t: EnumDescriptor): Writer {
  const e = compileEnum(t);
  const written = new Map<string, string>();
  for (const m of t.members) {
    const w = e.wireOf(m.value);
    written.set(m.name, w.number ? w.text : quoteJsonString(w.text));
  }
  const expected = `a ${t.name} member`;
  return (v) => {
    if (typeof v === 'string') {
      const q = written.get(v);
      if (q !== undefined) return q;
    }
    const value = e.valueOf(v);
    if (value === undefined) {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint') return wrongType(`${expected} name`, v);
      fail({ code: 'enum', expected, found: describeFound(v) });
    }
    const w = e.wireOf(value);
    return w.number ? w.text : quoteJsonString(w.text);
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
      // A struct element cannot be null in .NET.
      if (t.isValueType && !t.dictionary) return undefined;
      return t.dictionary ? 'null' : '{}';
    case 'nullable':
    case 'list':
    case 'dictionary':
      return 'null';
  }
}

/** A member's key in a JSON object: `"wireName":`. */
function jsonKey(wire: string): string {
  return quoteJsonString(wire) + ':';
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
