/**
 * The JSON codec: ServiceStack.Text's JSON as a .NET Core host writes it (camelCase, derived
 * members first, nulls omitted, defaults written, .NET double text, NaN/Infinity bare).
 *
 * Where the spec leaves a choice, this codec:
 * - writes a null element of a nested list as `null` (ServiceStack writes nothing, `[[1],]`,
 *   which is not JSON and which its own reader cannot take back);
 * - writes a null POCO element as `{}` as ServiceStack does, so it reads back as a default
 *   instance, not as null;
 * - ignores members of the value that the type does not declare, as a typed .NET object has none;
 * - refuses a root `null` on both sides (`type` error): the document is the instance;
 * - reads a bare number or `true`/`false` into a String member as its text, as ServiceStack
 *   does, but refuses bare words that are not JSON (`tru`, `hello`) as a `syntax` error;
 * - reads `""` as no value for `Nullable<T>` (ServiceStack's empty-value rule);
 * - matches member names ignoring ASCII case only;
 * - refuses trailing commas and unquoted names (strict JSON structure), while accepting
 *   ServiceStack's quoted scalars and bare NaN/Infinity.
 *
 * Scalars (value model in CONTRIBUTING.md; rules from ServiceStack.Text Json/JsonTypeSerializer.cs
 * and Common/DateTimeSerializer.cs; one row per scalar in `SCALAR_WRITERS` / `SCALAR_READERS`):
 *
 * | .NET | written | read also |
 * |---|---|---|
 * | Byte … UInt64 | bare digits, exact (Int64/UInt64 from bigint) | quoted, white space around; no `+`, point or exponent; range-checked |
 * | Single / Double | .NET Core shortest round-trip (`3.4028235E+38`, `1E+17`), NaN/±Infinity bare (or quoted: `nonFinite`) | quoted, exponents |
 * | Decimal | bare, scale kept (`1.50`) | quoted, exponents (`1.5E1` → `15`), group separators |
 * | Char | a one-character string (`"\u0000"` for the default) | `""` as `'\0'` |
 * | DateTime | `"\/Date(ms)\/"` Utc, `"\/Date(ms-0000)\/"` Unspecified, `"\/Date(ms±hhmm)\/"` Local | `/Date(…)/`, ISO 8601 (`Z` → Utc, offset → Local, none → Unspecified), `yyyyMMdd` |
 * | DateTimeOffset | `"\/Date(utc ms±hhmm)\/"`, no offset when it is zero | ISO 8601 (no offset: UTC) |
 * | TimeSpan | XSD duration: `"PT0S"`, `"PT1H30M"`, `"P1D"`, `"-PT1.5S"`, `"PT0.0000001S"` | `[-][d.]hh:mm[:ss[.f]]`, seconds (`"1.5"`) |
 * | Guid | `"N"` form, lower case | `N`, `D`, `B`, `P`, any case |
 * | Byte[] | base64 string (`""` when empty) | |
 * | Uri, String | JSON string (ServiceStack's escapes) | a bare number/`true`/`false` as its text |
 * | enum | `[EnumMember]` text, else a number for `isInt` (flags, isEnumInt, TreatEnumAsInteger), else the name quoted; an unnamed value as `"42"` | names/`[EnumMember]` in any case, numbers, `"Read, Write"`; an unnamed number as its text (`"42"`); beyond Int32 refused |
 *
 * Dictionary keys are the value text, quoted when the value is bare (`{"42":…}`, `{"true":…}`,
 * `{"0f8f…":…}`, `{"\/Date(…)\/":…}`), read back to the canonical key text (`ScalarRow.toKey`).
 *
 * Losses the server's JSON imposes (written as the server writes, documented rather than hidden):
 * - DateTime/DateTimeOffset carry milliseconds only (`DateHandler.TimestampOffset`): ticks below
 *   a millisecond are cut (`(long)TotalMilliseconds`, after the tick count went through a double,
 *   which may round it up by one millisecond). `dateHandler: 'iso8601'` writes `ToString("o")`
 *   with every tick, as a host with `JsConfig.DateHandler = DateHandler.ISO8601` does.
 * - `DateTime.MaxValue` is written one millisecond past itself (`253402300800000`) and that text
 *   is read back as MaxValue.
 * - The host's local zone is assumed to be UTC: ServiceStack computes an Unspecified DateTime's
 *   milliseconds (and reads `-0000`) with the host's zone; a Local value uses its own offset.
 * - ServiceStack reads `\/Date(ms-0000)\/` and `\/Date(ms±hhmm)\/` as host-local DateTimes;
 *   this reader keeps Unspecified / Local with the text's offset, so a round trip is lossless.
 * - Uri is written as the given string; .NET's `Uri.ToString()` may normalise it (`http://x.io`
 *   → `http://x.io/`), which this codec does not reproduce.
 * - `System.Object` members are refused (`unsupported`) at encode and decode.
 * - A lone surrogate (`"\ud800"`) is read into the string and written raw, as ServiceStack
 *   (EscapeUnicode off) does; .NET's UTF-8 encoder, like `TextEncoder`, then sends U+FFFD.
 *
 * Profile switches (`ClassDescriptor.profile`, WriteType.cs `ShouldWriteProperty`):
 * `excludeDefaultValues` omits members equal to their default (by .NET `Equals`: `0.00m` is
 * `0m`, a struct by its members), never enums (`IncludeDefaultEnums`); `includeNullValues`
 * writes `"name":null` for null reference/nullable members; `[DataMember(EmitDefaultValue =
 * false)]` omits that member's default, on `[DataContract]` classes only (ServiceStack reads
 * the attribute only there).
 */
import { describeFound, usageError } from '../../errors.js';
import { typeLabel, type TypeDescriptor } from '../../schema/descriptors.js';
import type { Codec, Sniffed } from '../codec.js';
import { startsWithBracket } from '../common/collection.js';
import { fail, lineCol, toDtoError } from '../common/failure.js';
import { checkDecodeOptions, checkNewline } from '../common/options.js';
import { checkDocumentLength } from '../common/limits.js';
import { atEnd, failSyntax, JsonScanner, position, readerFor, skipWhitespace } from './decode.js';
import { indentJson, writerFor } from './encode.js';
import { jsonDecodeDefaults, jsonEncodeDefaults, type JsonDecodeOptions, type JsonEncodeOptions } from './options.js';
import { decodeJsonStream, encodeJsonStream } from './stream.js';

export { quoteJsonString } from './encode.js';
export { jsonDecodeDefaults, jsonEncodeDefaults } from './options.js';
export type { DateHandler, JsonDecodeOptions, JsonEncodeOptions, NonFiniteMode } from './options.js';

function rootName(t: TypeDescriptor): string {
  return t.kind === 'class' || t.kind === 'enum' ? t.name : typeLabel(t);
}

function checkEncodeOptions(o: JsonEncodeOptions | undefined): Required<JsonEncodeOptions> {
  if (o === undefined) return jsonEncodeDefaults;
  const r: Required<JsonEncodeOptions> = {
    nonFinite: o.nonFinite ?? jsonEncodeDefaults.nonFinite,
    dateHandler: o.dateHandler ?? jsonEncodeDefaults.dateHandler,
    pretty: o.pretty ?? jsonEncodeDefaults.pretty,
    newline: o.newline ?? jsonEncodeDefaults.newline,
  };
  if (r.nonFinite !== 'bare' && r.nonFinite !== 'string') {
    throw usageError(`JSON option nonFinite must be 'bare' or 'string', not ${JSON.stringify(r.nonFinite)}`);
  }
  if (r.dateHandler !== 'timestampOffset' && r.dateHandler !== 'iso8601') {
    throw usageError(`JSON option dateHandler must be 'timestampOffset' or 'iso8601', not ${JSON.stringify(r.dateHandler)}`);
  }
  checkNewline('JSON', r.newline);
  return r;
}

export function encodeJson(type: TypeDescriptor, value: unknown, options?: JsonEncodeOptions): string {
  const o = checkEncodeOptions(options);
  let text: string;
  try {
    if (value === null || value === undefined) fail({ code: 'type', expected: rootName(type), found: describeFound(value) });
    text = writerFor(type, o.nonFinite, o.dateHandler)(value);
  } catch (e) {
    throw toDtoError(e, { format: 'JSON', direction: 'encode', typeName: rootName(type) });
  }
  return o.pretty ? indentJson(text, o.newline) : text;
}

export function decodeJson(type: TypeDescriptor, text: string, options?: JsonDecodeOptions): unknown {
  const o = checkDecodeOptions('JSON', options, jsonDecodeDefaults);
  const read = readerFor(type);
  const s = new JsonScanner(text, o.maxDepth, o.lenient, o);
  try {
    checkDocumentLength(text, o);
    skipWhitespace(s);
    const start = position(s);
    if (atEnd(s)) failSyntax(s, start, rootName(type));
    const value = read(s);
    // The root is the document: a bare `null` is not an instance of the type.
    if (value === null) fail({ ...lineCol(s.src, start), code: 'type', expected: rootName(type), found: 'null' });
    skipWhitespace(s);
    if (!atEnd(s)) failSyntax(s, position(s), 'end of input');
    return value;
  } catch (e) {
    throw toDtoError(e, { format: 'JSON', direction: 'decode', typeName: rootName(type) });
  }
}

/** From the first tokens: `{"` is JSON's and never JSV's (JSV names are bare). */
export function sniffJson(text: string): Sniffed {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skip = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  skip();
  const c = text[i];
  if (c === '{') {
    i++;
    skip();
    if (text[i] === '"') return { score: 0.95, reason: 'starts with an object whose first name is a quoted string' };
    if (text[i] === '}') return { score: 0.5, reason: 'an empty object, which JSV writes the same way' };
    return { score: 0.05, reason: 'an object with an unquoted name (JSV style)' };
  }
  if (c === '[') return { score: 0.4, reason: 'starts with an array' };
  return { score: 0, reason: c === '<' ? 'starts with markup' : 'does not start with { or [' };
}

export const jsonCodec: Codec<JsonEncodeOptions, JsonDecodeOptions> = Object.freeze({
  name: 'json',
  label: 'JSON',
  mediaTypes: Object.freeze(['application/json', 'text/json']),
  extensions: Object.freeze(['.json']),
  encode: encodeJson,
  decode: decodeJson,
  sniff: sniffJson,
  isCollection: startsWithBracket,
  decodeStream: decodeJsonStream,
  encodeStream: encodeJsonStream,
});
