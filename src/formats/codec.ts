/**
 * The codec contract. A codec knows its wire format and the registry's descriptors, nothing
 * else; the CLI and the library find codecs by name. Adding a format is a new folder that
 * exports one `Codec` plus one line in `./index.ts`.
 *
 * Codecs compile a reader and a writer once per descriptor (closures cached in a WeakMap),
 * so the hot path never walks the schema.
 */
import type { FormatName } from '../errors.js';
import type { NamedTypeDescriptor, TypeDescriptor } from '../schema/descriptors.js';
import type { Schema } from '../schema/registry.js';
import type { ItemSource, StreamSource } from './common/stream.js';

/** Options every codec understands on encode. */
export interface EncodeOptions {
  /** The human-readable layout the metadata pages show (JSV: `JsvFormatter.Format`; XML: indented). Default false. */
  readonly pretty?: boolean;
  /** Line break of the pretty form. Default `'\n'` (a Linux server); `'\r\n'` for a Windows one. */
  readonly newline?: '\n' | '\r\n';
}

/**
 * The decode limits as options (defaults and the reasoning behind each: `DEFAULT_LIMITS` in
 * `./common/limits.ts`). Each is a positive integer or `Infinity` (no limit); input past one is
 * an error whose code is the option's name without `max`, with the path and position.
 */
export interface DecodeLimitOptions {
  /** Longest document, in UTF-16 units of the input string (whole-document APIs). Default 2²⁸. Code `documentLength`. */
  readonly maxDocumentLength?: number;
  /** Longest string or text value after unescaping, and base64 `Byte[]` text. Default 2²⁴. Code `stringLength`. */
  readonly maxStringLength?: number;
  /** Most elements in one list. Default 10⁷. Code `collectionLength`. */
  readonly maxCollectionLength?: number;
  /** Most entries in one dictionary. Default 10⁷. Code `dictionaryEntries`. */
  readonly maxDictionaryEntries?: number;
  /** Longest member, element or attribute name (dictionary keys are strings). Default 2²⁰. Code `nameLength`. */
  readonly maxNameLength?: number;
  /** Most attributes plus namespace declarations on one XML element. Default 4096. Code `attributes`. */
  readonly maxAttributes?: number;
}

/** Options every codec understands on decode. */
export interface DecodeOptions extends DecodeLimitOptions {
  /**
   * Deepest nesting of objects/lists/dictionaries accepted; deeper input is a `depth` error,
   * never a stack overflow. Default 512 (`DEFAULT_MAX_DEPTH`).
   */
  readonly maxDepth?: number;
  /**
   * Read as silently as the server does. `false` (default): where the reference reader would
   * quietly keep a default or drop something it cannot use (a value it cannot parse, a `null`
   * for a value type), decoding fails with an error that says where and why. `true`: mimic
   * the server and carry on. Each codec documents exactly what it covers (XML: see also its
   * `strict` option for member order, which by default is accepted in any order).
   */
  readonly lenient?: boolean;
}

export const DEFAULT_MAX_DEPTH = 512;

export interface Codec<EO extends EncodeOptions = EncodeOptions, DO extends DecodeOptions = DecodeOptions> {
  /** CLI name: `json`, `jsv`, `xml`. */
  readonly name: string;
  /** Name used in messages: `JSON`, `JSV`, `XML`. */
  readonly label: FormatName;
  /** Media types a ServiceStack host answers to, canonical first. */
  readonly mediaTypes: readonly string[];
  /** File extensions, with the dot, canonical first. */
  readonly extensions: readonly string[];
  /** Writes `value` as the server would write an instance of `type`. Throws `DtoFormatError`. */
  encode(type: TypeDescriptor, value: unknown, options?: EO): string;
  /** Reads `text` as an instance of `type`. Throws `DtoFormatError`. */
  decode(type: TypeDescriptor, text: string, options?: DO): unknown;
  /**
   * How sure the codec is, from the first tokens only, that `text` is in its format: a score
   * from 0 (no) to 1 (certain) and the reason, which the CLI shows with `--verbose`.
   */
  sniff?(text: string): Sniffed;
  /** The DTO a document names itself, when the format carries it (XML: root element + namespace). */
  detectType?(schema: Schema, text: string): NamedTypeDescriptor | undefined;
  /**
   * Whether the document that starts with `head` (its first kilobytes) is a collection — a list
   * root (`[`, `<ArrayOfX>`) — which the CLI then converts as a stream. NDJSON always is one.
   */
  isCollection?(head: string): boolean;
  /** The element type a collection document names itself (XML: `<ArrayOfCustomerInfo xmlns="…">` → CustomerInfo). */
  detectElementType?(schema: Schema, head: string): NamedTypeDescriptor | undefined;
  /**
   * Reads a collection document (a list of `elementType`: a JSON array, NDJSON, a JSV list, an
   * XML `ArrayOfX`) one element at a time, in bounded memory: the next chunk of `source` is read
   * only when the consumer asks for more. Errors name the element's index and the position in
   * the whole stream; what was yielded before an error is complete.
   */
  decodeStream?(elementType: TypeDescriptor, source: StreamSource, options?: DO): AsyncGenerator<unknown, void, undefined>;
  /**
   * Writes a collection of `elementType` from an (async) iterable as text chunks whose
   * concatenation is exactly `encode(List<elementType>, [...items])`.
   */
  encodeStream?(elementType: TypeDescriptor, items: ItemSource, options?: EO): AsyncGenerator<string, void, undefined>;
}

export interface Sniffed {
  readonly score: number;
  readonly reason: string;
}
