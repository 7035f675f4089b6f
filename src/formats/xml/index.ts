/**
 * DataContract XML: what a ServiceStack host sends and reads as `application/xml`, i.e. .NET's
 * DataContractSerializer (DCS) behind an `XmlWriter` with default settings. The rules and
 * their evidence are in shared/docs/datacontract.md; the oracle vectors under
 * fixtures/oracle/ are the byte-level reference.
 */
import type { FormatName } from '../../errors.js';
import type { NamedTypeDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import type { Schema } from '../../schema/registry.js';
import { DEFAULT_MAX_DEPTH, type Codec, type DecodeOptions, type EncodeOptions, type Sniffed } from '../codec.js';
import { toDtoError } from '../common/failure.js';
import { checkLimits, checkMaxDepth, checkNewline } from '../common/options.js';
import { checkDocumentLength, DEFAULT_LIMITS } from '../common/limits.js';
import { usageError } from '../../errors.js';
import { isXmlCollection, xmlElementType } from './collection.js';
import { rootKey } from './contract.js';
import { decodeXml, type MemberOrder } from './decode.js';
import { encodeXml } from './encode.js';
import { readRootName } from './scanner.js';
import { decodeXmlStream, encodeXmlStream } from './stream.js';

export interface XmlEncodeOptions extends EncodeOptions {
  /**
   * Write the `<?xml version="1.0" encoding="utf-8"?>` declaration ServiceStack sends.
   * Default true; the metadata pages show bodies without it (`false`).
   */
  readonly declaration?: boolean;
  /** Indented layout of the metadata pages (two spaces per level). Default false: what the server sends. */
  readonly pretty?: boolean;
  /**
   * `XmlWriterSettings.NewLineChars` of the server: the line break of the indented layout and
   * of every line break inside text (`\r\n`, `\r` and `\n` in a string are all written as this,
   * as `NewLineHandling.Replace` does). Default `'\n'` (Linux/Mono host); `'\r\n'` for Windows.
   */
  readonly newline?: '\n' | '\r\n';
  /** Deepest element nesting written (root = 1) before a `depth` error; guards cyclic values. Default 512. */
  readonly maxDepth?: number;
}

/**
 * The decode limits (`DecodeLimitOptions`) apply as in every format; in XML `maxStringLength`
 * bounds every text value (String, `Byte[]` base64, any scalar's text, dictionary keys) and
 * every attribute value, `maxNameLength` every element and attribute name as written (prefix
 * included), `maxAttributes` the attributes and namespace declarations of one element.
 */
export interface XmlDecodeOptions extends DecodeOptions {
  /**
   * Deepest element nesting accepted (root = 1), counting every element, also unknown ones
   * being skipped. Deeper input is a `depth` error. Default 512 (`DEFAULT_MAX_DEPTH`).
   */
  readonly maxDepth?: number;
  /**
   * Reproduce DCS's verdicts as errors: wherever DCS would silently drop something — a member
   * out of contract order, a duplicate member, an unknown or wrongly namespaced element, an
   * unknown collection item — decoding fails with code `strict` instead. Default false.
   */
  readonly strict?: boolean;
  /**
   * Read exactly as DCS does, silently: members out of contract order and duplicates are
   * dropped, and an omitted list the DTO constructor initialises reads as `[]` (DCS runs the
   * constructor). Default false. Ignored when `strict` is set.
   */
  readonly lenient?: boolean;
}

const FORMAT: FormatName = 'XML';

/** Defaults of the XML options, for documentation and the CLI's `--help`. */
export const XML_ENCODE_DEFAULTS = Object.freeze({
  declaration: true,
  pretty: false,
  newline: '\n',
  maxDepth: DEFAULT_MAX_DEPTH,
} as const);

export const XML_DECODE_DEFAULTS = Object.freeze({
  maxDepth: DEFAULT_MAX_DEPTH,
  strict: false,
  lenient: false,
  ...DEFAULT_LIMITS,
} as const);

function typeNameOf(t: TypeDescriptor): string {
  return t.kind === 'class' || t.kind === 'enum' ? t.name : t.kind;
}

/** Finite only, unlike JSON and JSV: on encode the limit is what stops a cyclic value. */
function checkDepth(d: number | undefined): number {
  return d === undefined ? DEFAULT_MAX_DEPTH : checkMaxDepth(FORMAT, d, false);
}

function encode(type: TypeDescriptor, value: unknown, options?: XmlEncodeOptions): string {
  const o = options ?? XML_ENCODE_DEFAULTS;
  const nl = o.newline ?? '\n';
  checkNewline(FORMAT, nl);
  const maxDepth = checkDepth(o.maxDepth);
  try {
    return encodeXml(type, value, { pretty: o.pretty === true, nl }, o.declaration !== false, maxDepth);
  } catch (e) {
    throw toDtoError(e, { format: FORMAT, direction: 'encode', typeName: typeNameOf(type) });
  }
}

function decode(type: TypeDescriptor, text: string, options?: XmlDecodeOptions): unknown {
  const o = options ?? XML_DECODE_DEFAULTS;
  const maxDepth = checkDepth(o.maxDepth);
  const order: MemberOrder = o.strict ? 'strict' : o.lenient ? 'dcs' : 'any';
  const limits = checkLimits(FORMAT, options);
  if (typeof text !== 'string') throw usageError('XML input must be a string');
  try {
    checkDocumentLength(text, limits);
    return decodeXml(type, text, { maxDepth, order, limits });
  } catch (e) {
    throw toDtoError(e, { format: FORMAT, direction: 'decode', typeName: typeNameOf(type) });
  }
}

const rootIndexKey = (t: NamedTypeDescriptor): string | undefined => (t.kind === 'class' ? rootKey(t) : undefined);

/**
 * The DTO class a document names by its root element: local name = contract name, namespace =
 * contract namespace (`<CustomerInfo xmlns="…/Voice.Api.Customers">`). Undefined when the
 * text has no readable root start tag or no class of `schema` has that name.
 */
export function xmlRootType(schema: Schema, text: string): NamedTypeDescriptor | undefined {
  const root = readRootName(text);
  if (!root) return undefined;
  return schema.indexBy(rootIndexKey).get(root.ns + '\u0000' + root.local);
}

/** From the first characters: an XML declaration is certain, a leading `<` is likely. */
function sniff(text: string): Sniffed {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text.startsWith('<?xml', i)) return { score: 1, reason: 'starts with an XML declaration' };
  if (text[i] === '<') {
    const c = text[i + 1] ?? '';
    if (/[A-Za-z_:!]/.test(c)) return { score: 0.9, reason: 'starts with an XML tag or comment' };
  }
  return { score: 0, reason: 'does not start with "<"' };
}

export const xmlCodec: Codec<XmlEncodeOptions, XmlDecodeOptions> = Object.freeze({
  name: 'xml',
  label: FORMAT,
  mediaTypes: Object.freeze(['application/xml', 'text/xml']),
  extensions: Object.freeze(['.xml']),
  encode,
  decode,
  sniff,
  detectType: xmlRootType,
  isCollection: isXmlCollection,
  detectElementType: xmlElementType,
  decodeStream: decodeXmlStream,
  encodeStream: encodeXmlStream,
});

export { namespacesDigest, contractName, contractNamespace, keyValueName } from './contract.js';
