/**
 * The JSV writer: the compact text ServiceStack.Text's `TypeSerializer` writes
 * (jsv-and-json.md §2). One writer closure per descriptor, compiled on first use; a writer
 * takes a non-null value and returns its JSV text, and each container decides itself what a
 * null member/element/value becomes (omitted, an empty slot, `{}` or `null`).
 */
import { describeFound } from '../../errors.js';
import type { EnumDescriptor, ScalarDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import { SCALARS, ScalarProblem, type ScalarName } from '../../schema/scalars.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { compileEnum } from '../common/enums.js';
import { keyLabel } from '../common/scalar-parse.js';
import { fail } from '../common/failure.js';
import { formatDouble, formatSingle } from '../common/numbers.js';
import { formatIsoDateTimeOffset, formatShortestXsdDateTime, formatXsdDuration, guidN } from '../common/scalar-text.js';
import { classWriter, coerced, dictionaryWriter, listWriter, wrongType, type Writer } from '../common/text-writer.js';

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

/** The writer for `t`, compiled once per descriptor. */
export const writerFor: (t: TypeDescriptor) => Writer = compiledPerDescriptor<Writer>({
  scalar: scalarWriter,
  enum: enumWriter,
  // A present Nullable<T> is written exactly like T; absence is the container's business.
  nullable: (t) => writerFor(t.of),
  list: (t) => listWriter(t, nullElementText(t.of), writerFor),
  dictionary: (t, label) => dictionaryWriter(t, label, writerFor, SCALAR_WRITERS[t.key.name].writeKey),
  // JSV never writes null members: JsvTypeSerializer.IncludeNullValues is always false.
  class: (t) => classWriter(t, writerFor, jsvKey, { format: 'JSV', nullText: undefined }),
});

function writeString(v: unknown): string {
  return typeof v === 'string' ? quoteJsvString(v) : wrongType('String', v);
}

function writeBoolean(v: unknown): string {
  return v === true ? 'True' : v === false ? 'False' : wrongType('Boolean', v);
}

const writeInt32Coerced = coerced('Int32', (v) => String(v));

function writeInt32(v: unknown): string {
  // `(v | 0) === v` is exactly "an integer in Int32 range" (and prints -0 as 0).
  if (typeof v === 'number' && (v | 0) === v) return '' + v;
  if (typeof v === 'number' && Number.isInteger(v)) {
    fail({ code: 'range', expected: 'Int32', found: String(v), detail: 'outside the Int32 range' });
  }
  // The other inputs the value model takes (a bigint), off the fast path.
  if (typeof v === 'bigint') return writeInt32Coerced(v);
  return wrongType('Int32', v);
}

function writeDouble(v: unknown): string {
  return typeof v === 'number' ? formatDouble(v) : wrongType('Double', v);
}

function writeSingle(v: unknown): string {
  return typeof v === 'number' ? formatSingle(v) : wrongType('Single', v);
}


/** One row per scalar: how JSV writes a value and a dictionary key of it. */
interface JsvScalarWriter {
  readonly write: Writer;
  /**
   * JavaScript keys are the canonical key text (`ScalarRow.toKey`); JSV writes a key with the
   * key type's own writer (WriteDictionary.cs), so a DateTime key with a time of day is
   * written with its `:` unquoted, exactly as the server does (and cannot read back).
   */
  readonly writeKey: (key: string) => string;
}

function valueKey(name: ScalarName, write: Writer): (key: string) => string {
  const fromKey = SCALARS[name].fromKey as (k: string) => unknown;
  return (k) => {
    const v = fromKey(k);
    if (v instanceof ScalarProblem) fail({ code: v.code, expected: keyLabel(name), found: describeFound(k) });
    return write(v);
  };
}

function row(name: ScalarName, write: Writer): JsvScalarWriter {
  return { write, writeKey: valueKey(name, write) };
}

const plain = (v: number | bigint | string): string => String(v);

/** `System.Object`: no schema-free JSV form can be made byte-exact; compiling it is the error. */
function unsupportedObject(): never {
  fail({ code: 'unsupported', detail: 'a System.Object member has no JSV form this codec can write byte for byte' });
}

/**
 * Every scalar's JSV form (jsv-and-json.md §2.3–§2.5; ServiceStack.Text Jsv/JsvTypeSerializer.cs).
 * Everything but strings and Uris is written raw (no JSV quoting), as the server does.
 */
const SCALAR_WRITERS: { readonly [N in ScalarName]: JsvScalarWriter } = {
  String: { write: writeString, writeKey: quoteJsvString },
  Boolean: row('Boolean', writeBoolean),
  Byte: row('Byte', coerced('Byte', plain)),
  SByte: row('SByte', coerced('SByte', plain)),
  Int16: row('Int16', coerced('Int16', plain)),
  UInt16: row('UInt16', coerced('UInt16', plain)),
  Int32: row('Int32', writeInt32),
  UInt32: row('UInt32', coerced('UInt32', plain)),
  Int64: row('Int64', coerced('Int64', plain)),
  UInt64: row('UInt64', coerced('UInt64', plain)),
  Single: row('Single', writeSingle),
  Double: row('Double', writeDouble),
  Decimal: row('Decimal', coerced('Decimal', plain)),
  // WriteChar: the character itself, unescaped (a `,` or `}` breaks the document, as on the server).
  Char: row('Char', coerced('Char', (c) => c)),
  // ToShortestXsdDateTimeString, raw even though it contains `:`.
  DateTime: row('DateTime', coerced('DateTime', formatShortestXsdDateTime)),
  // DateTimeOffset.ToString("o").
  DateTimeOffset: row('DateTimeOffset', coerced('DateTimeOffset', formatIsoDateTimeOffset)),
  TimeSpan: row('TimeSpan', coerced('TimeSpan', (v) => formatXsdDuration(v.ticks))),
  Guid: row('Guid', coerced('Guid', guidN)),
  // Convert.ToBase64String, raw (base64 has no JSV special characters; empty is written as nothing).
  'Byte[]': row('Byte[]', coerced('Byte[]', (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'))),
  // Uri.ToString() through the string rule (quoted: it has a `:`).
  Uri: row('Uri', coerced('Uri', quoteJsvString)),
  Object: {
    get write(): Writer {
      return unsupportedObject();
    },
    writeKey: () => unsupportedObject(),
  },
};

function scalarWriter(t: ScalarDescriptor): Writer {
  return SCALAR_WRITERS[t.name].write;
}

function enumWriter(t: EnumDescriptor): Writer {
  // Written raw, not through the string rule: member names are identifiers.
  const e = compileEnum(t);
  const written = new Map<string, string>();
  for (const m of t.members) written.set(m.name, e.wireOf(m.value).text);
  const expected = `a ${t.name} member`;
  return (v) => {
    if (typeof v === 'string') {
      const w = written.get(v);
      if (w !== undefined) return w;
    }
    const value = e.valueOf(v);
    if (value === undefined) {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'bigint') return wrongType(`${expected} name`, v);
      fail({ code: 'enum', expected, found: describeFound(v) });
    }
    return e.wireOf(value).text;
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
      // A struct element cannot be null in .NET.
      if (t.isValueType && !t.dictionary) return undefined;
      return t.dictionary ? 'null' : '{}';
  }
}

/** A member's key in a JSV object: the wire name as it is, then `:`. */
function jsvKey(wire: string): string {
  return wire + ':';
}
