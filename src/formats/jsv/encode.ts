/**
 * The JSV writer: the compact text ServiceStack.Text's `TypeSerializer` writes
 * (jsv-and-json.md §2). One writer closure per descriptor, compiled on first use; a writer
 * takes a non-null value and returns its JSV text, and each container decides itself what a
 * null member/element/value becomes (omitted, an empty slot, `{}` or `null`).
 */
import { describeFound } from '../../errors.js';
import type { EnumDescriptor, ScalarDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { fail } from '../common/failure.js';
import { formatDouble, parseDouble } from '../common/numbers.js';
import { classWriter, dictionaryWriter, listWriter, wrongType, type Writer } from '../common/text-writer.js';

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
  dictionary: (t, label) => dictionaryWriter(t, label, writerFor, keyWriter(t.key)),
  class: (t) => classWriter(t, writerFor, jsvKey),
});

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

/** A member's key in a JSV object: the wire name as it is, then `:`. */
function jsvKey(wire: string): string {
  return wire + ':';
}
