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
 */
import { describeFound, usageError } from '../../errors.js';
import { typeLabel, type TypeDescriptor } from '../../schema/descriptors.js';
import type { Codec, Sniffed } from '../codec.js';
import { fail, lineCol, toDtoError } from '../common/failure.js';
import { checkDecodeOptions, checkNewline } from '../common/options.js';
import { atEnd, failSyntax, position, readerFor, resetScanner, skipWhitespace, startScanner } from './decode.js';
import { indentJson, writerFor } from './encode.js';
import { jsonDecodeDefaults, jsonEncodeDefaults, type JsonDecodeOptions, type JsonEncodeOptions } from './options.js';

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
  startScanner(text, o.maxDepth, o.lenient);
  try {
    skipWhitespace();
    const start = position();
    if (atEnd()) failSyntax(start, rootName(type));
    const value = read();
    // The root is the document: a bare `null` is not an instance of the type.
    if (value === null) fail({ ...lineCol(text, start), code: 'type', expected: rootName(type), found: 'null' });
    skipWhitespace();
    if (!atEnd()) failSyntax(position(), 'end of input');
    return value;
  } catch (e) {
    throw toDtoError(e, { format: 'JSON', direction: 'decode', typeName: rootName(type) });
  } finally {
    resetScanner();
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
});
