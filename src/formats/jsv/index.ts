/**
 * The JSV codec: ServiceStack's own text format (`application/jsv`, `text/jsv`) exactly as
 * ServiceStack.Text's `TypeSerializer` writes it, the metadata pages' pretty layout
 * (`JsvFormatter.Format`), and a reader for both. Rules: jsv-and-json.md §1–§4.
 *
 * Scalars (value model in CONTRIBUTING.md; rules from ServiceStack.Text Jsv/JsvTypeSerializer.cs
 * and Common/DateTimeSerializer.cs; one row per scalar in `SCALAR_WRITERS` / `SCALAR_READERS`);
 * everything but String and Uri is written raw (no JSV quoting), as the server does:
 *
 * | .NET | written | read also |
 * |---|---|---|
 * | Boolean | `True` / `False` | `1 t y on`, `0 f n off`, any case; empty → false |
 * | Byte … UInt64 | digits, exact | quoted, white space; no `+` (but `List<Int32>` items), point or exponent; range-checked |
 * | Single / Double | .NET Core shortest round-trip (`3.4028235E+38`, `1.5E-07`) | exponents, group separators |
 * | Decimal | scale kept (`1.50`) | exponents, group separators |
 * | Char | the character itself, unescaped | |
 * | DateTime | `ToShortestXsdDateTimeString`: `2024-01-02` at midnight (any Kind); Utc `2024-01-02T03:04:05Z` or `…05.6780000Z`; Local/Unspecified with a `+01:00` offset | the WCF form, ISO 8601, `yyyyMMdd` |
 * | DateTimeOffset | `ToString("o")`: `2024-01-02T04:04:05.6780000+01:00` | WCF form, ISO 8601 |
 * | TimeSpan | XSD duration (`PT1H30M`, `-PT1.5S`) | clock form, seconds |
 * | Guid | `N` form | `N`, `D`, `B`, `P` |
 * | Byte[] | base64 | |
 * | Uri, String | the JSV string rule (`"https://x.io"`: quoted for its `:`) | |
 * | enum | `[EnumMember]` text, else the number for `isInt`, else the name; an unnamed value as its number | names/texts in any case, numbers, flag lists; an unnamed number as its text (`"42"`); beyond Int32 refused |
 *
 * Dictionary keys are written with the key type's writer (`{42:…}`, `{True:…}`, `{0f8f…:…}`,
 * `{2024-01-02:…}`) and read back to the canonical key text.
 *
 * Losses the server's JSV imposes (written as the server writes):
 * - A DateTime at midnight is written as its date only, so its Kind is lost (read back as
 *   Unspecified); an Unspecified DateTime with a time gets the host zone's offset (`+00:00`, the
 *   host being assumed UTC) and reads back as Local +00:00.
 * - A DateTime dictionary key with a time of day is written with its `:` unquoted, which no JSV
 *   reader (the server's included) can take back: it is reported as a bad key.
 * - A Char is written raw: `,` `}` `"` and the like break the document; an empty Byte[] is
 *   written as nothing and reads back as null.
 * - `includeNullValues` has no effect: JSV never writes null members.
 * - Uri is written as the given string (no `Uri.ToString()` normalisation); `System.Object`
 *   members are refused (`unsupported`).
 * - A lone surrogate is read and written raw, as in JSON (JSV has no escapes); on the wire
 *   .NET's UTF-8 encoder, like `TextEncoder`, sends U+FFFD for it.
 * `excludeDefaultValues` and `[DataMember(EmitDefaultValue = false)]` behave as in JSON.
 */
import { describeFound, usageError } from '../../errors.js';
import { typeLabel, type TypeDescriptor } from '../../schema/descriptors.js';
import type { Codec, Sniffed } from '../codec.js';
import { startsWithBracket } from '../common/collection.js';
import { fail, toDtoError } from '../common/failure.js';
import { checkDecodeOptions, checkNewline } from '../common/options.js';
import { checkDocumentLength } from '../common/limits.js';
import {
  atEnd,
  bracketListBody,
  failSyntax,
  lookingAt,
  position,
  readerFor,
  readRootScalar,
  skipOuterWhitespace,
  startScanner,
  unformatIfPretty,
  type JsvScanner,
} from './decode.js';
import { writerFor } from './encode.js';
import { jsvDecodeDefaults, jsvEncodeDefaults, type JsvDecodeOptions, type JsvEncodeOptions } from './options.js';
import { formatJsv } from './pretty.js';
import { decodeJsvStream, encodeJsvStream } from './stream.js';

export { quoteJsvString } from './encode.js';
export { formatJsv, unformatJsv } from './pretty.js';
export { jsvDecodeDefaults, jsvEncodeDefaults } from './options.js';
export type { JsvDecodeOptions, JsvEncodeOptions } from './options.js';

function rootName(t: TypeDescriptor): string {
  return t.kind === 'class' || t.kind === 'enum' ? t.name : typeLabel(t);
}

function checkEncodeOptions(o: JsvEncodeOptions | undefined): Required<JsvEncodeOptions> {
  if (o === undefined) return jsvEncodeDefaults;
  const r = { pretty: o.pretty ?? jsvEncodeDefaults.pretty, newline: o.newline ?? jsvEncodeDefaults.newline };
  checkNewline('JSV', r.newline);
  return r;
}

/** Writes `value` as a ServiceStack host sends an instance of `type` in JSV. Throws `DtoFormatError`. */
export function encodeJsv(type: TypeDescriptor, value: unknown, options?: JsvEncodeOptions): string {
  const o = checkEncodeOptions(options);
  let text: string;
  try {
    if (value === null || value === undefined) fail({ code: 'type', expected: rootName(type), found: describeFound(value) });
    text = writerFor(type)(value);
  } catch (e) {
    throw toDtoError(e, { format: 'JSV', direction: 'encode', typeName: rootName(type) });
  }
  return o.pretty ? formatJsv(text, o.newline) : text;
}

/**
 * Reads the root value. Objects, dictionaries and bracketed lists are structure, with
 * whitespace tolerated around them (a file's final line break); a scalar is the whole text,
 * as ServiceStack reads a root string (leading/trailing spaces are content).
 */
function readRoot(r: JsvScanner, type: TypeDescriptor, asValue: boolean): unknown {
  const t = type.kind === 'nullable' ? type.of : type;
  if (t.kind === 'scalar' || t.kind === 'enum') return readRootScalar(r, t);
  skipOuterWhitespace(r);
  unformatIfPretty(r);
  const start = position(r);
  if (atEnd(r)) {
    if (asValue) return null;
    failSyntax(r, start, t.kind === 'list' ? "'['" : "'{'");
  }
  if (t.kind === 'list') {
    // ServiceStack also takes a list body without its brackets (`1,2,3`) at the root.
    if (!asValue && !lookingAt(r, '[')) failSyntax(r, start, "'['");
    if (!lookingAt(r, '[')) bracketListBody(r);
  } else if (!lookingAt(r, '{')) {
    failSyntax(r, start, "'{'", 'ServiceStack requires an object to start with {');
  }
  const value = readerFor(t)(r, false);
  skipOuterWhitespace(r);
  if (!atEnd(r)) failSyntax(r, position(r), 'end of input');
  return value;
}

function run<T>(type: TypeDescriptor, text: string, options: JsvDecodeOptions | undefined, f: (r: JsvScanner) => T): T {
  const o = checkDecodeOptions('JSV', options, jsvDecodeDefaults);
  if (typeof text !== 'string') throw usageError(`JSV decode needs a string, not ${describeFound(text)}`);
  try {
    checkDocumentLength(text, o);
    return f(startScanner(text, o.maxDepth, o.lenient, o));
  } catch (e) {
    throw toDtoError(e, { format: 'JSV', direction: 'decode', typeName: rootName(type) });
  }
}

/** Reads `text` (compact or pretty JSV) as an instance of `type`. Throws `DtoFormatError`. */
export function decodeJsv(type: TypeDescriptor, text: string, options?: JsvDecodeOptions): unknown {
  return run(type, text, options, (r) => {
    const start = position(r);
    const value = readRoot(r, type, false);
    // The root is the document: empty text is not an instance of the type.
    if (value === null) fail({ code: 'type', line: 1, column: start + 1, expected: rootName(type), found: 'nothing' });
    return value;
  });
}

/**
 * One value in JSV form, as clients put it in a route segment or a query string
 * (`?ids=[1,2,3]`, `/customers/{id}`): a scalar through the JSV string rule, a list as `[…]`.
 * `null`/`undefined` is the empty string (JSV's null). Throws `DtoFormatError`.
 */
export function encodeJsvValue(type: TypeDescriptor, value: unknown): string {
  if (value === null || value === undefined) return '';
  try {
    return writerFor(type)(value);
  } catch (e) {
    throw toDtoError(e, { format: 'JSV', direction: 'encode', typeName: rootName(type) });
  }
}

/**
 * Reads one value in JSV form (a route segment, a query-string value): a scalar is the whole
 * text (`a,b` is the string "a,b"; `"x"` is x), a list may omit its brackets (`1,2,3`), the
 * empty string is null. Throws `DtoFormatError`.
 */
export function decodeJsvValue(type: TypeDescriptor, text: string, options?: JsvDecodeOptions): unknown {
  return run(type, text, options, (r) => readRoot(r, type, true));
}

/** From the first characters: `{name:` (a bare name) is JSV's and never JSON's. */
export function sniffJsv(text: string): Sniffed {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  const c = text[i];
  if (c === '{' || c === '[') {
    const d = text[i + 1];
    if (d === '\n' || d === '\r') {
      let j = i + 1;
      while (text[j] === '\r' || text[j] === '\n') j++;
      if (text[j] === '\t') return { score: 0.9, reason: 'an opener followed by a line break and a TAB (the JSV metadata-page layout)' };
      return { score: 0.2, reason: 'an opener followed by a line break' };
    }
    if (c === '[') return { score: 0.4, reason: 'starts with a list' };
    if (d === '}') return { score: 0.5, reason: 'an empty object, which JSON writes the same way' };
    if (d === '"') return { score: 0.05, reason: 'an object whose first name is quoted (JSON style)' };
    if (d !== undefined && /[A-Za-z_]/.test(d)) return { score: 0.95, reason: 'an object with a bare member name' };
    return { score: 0.1, reason: 'an object' };
  }
  return { score: 0, reason: c === '<' ? 'starts with markup' : 'does not start with { or [' };
}

export const jsvCodec: Codec<JsvEncodeOptions, JsvDecodeOptions> = Object.freeze({
  name: 'jsv',
  label: 'JSV',
  mediaTypes: Object.freeze(['application/jsv', 'text/jsv']),
  extensions: Object.freeze(['.jsv']),
  encode: encodeJsv,
  decode: decodeJsv,
  sniff: sniffJsv,
  isCollection: startsWithBracket,
  decodeStream: decodeJsvStream,
  encodeStream: encodeJsvStream,
});
