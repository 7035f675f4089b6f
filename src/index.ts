/**
 * dto-formats: ServiceStack's wire formats for TypeScript, byte-exact with the .NET server.
 *
 * ```ts
 * import { registry, json, jsv, xml, bind, parseMetadata } from 'dto-formats';
 * const info = xml.decode('CustomerInfo', body);          // typed CustomerInfo (built-in Evo Voice DTOs)
 * jsv.encode('CustomerInfo', info);                       // what a ServiceStack host sends as JSV
 * json.encode('PatchCustomer', { customerId: 'c1' }, { revision: 1 });
 *
 * // Any ServiceStack API: its /types/metadata, and the types `dto-formats codegen` wrote for it.
 * const api = bind<ApiTypes>(parseMetadata(metadataText));       // or fromMetadata(parsedDocument)
 * const hello: Hello = api.json.decode('Hello', text);
 *
 * // Collections in bounded memory: the element type, any (async) iterable of text or bytes.
 * for await (const c of json.decodeStream('CustomerInfo', fs.createReadStream('customers.json'))) use(c);
 * await pipeline(Readable.from(ndjson.encodeStream('CustomerInfo', rows)), fs.createWriteStream('out.ndjson'));
 * ```
 *
 * `json`, `jsv`, `xml` and `ndjson` are `bind<EvoVoiceTypes>(registry)`: they take a type name (resolved
 * in the Evo Voice registry at `options.revision`, default the latest), a descriptor from any
 * registry, or an `@servicestack/client` DTO instance (its `getTypeName()` names the type).
 */
import { evoVoice } from './dtos/index.js';
import { usageError } from './errors.js';
import type { EvoVoiceTypes } from './dtos/types.js';
import type { Codec, DecodeOptions, EncodeOptions } from './formats/codec.js';
import { jsonCodec, type JsonDecodeOptions, type JsonEncodeOptions } from './formats/json/index.js';
import { jsvCodec, type JsvDecodeOptions, type JsvEncodeOptions } from './formats/jsv/index.js';
import { ndjsonCodec, type NdjsonDecodeOptions, type NdjsonEncodeOptions } from './formats/ndjson/index.js';
import type { ItemSource, StreamSource } from './formats/common/stream.js';
import { xmlCodec, type XmlDecodeOptions, type XmlEncodeOptions } from './formats/xml/index.js';
import type { TypeDescriptor } from './schema/descriptors.js';
import type { Registry } from './schema/registry.js';

export { DtoFormatError, type DtoErrorCode, type DtoFormatErrorDetails, type FormatName } from './errors.js';
export type * from './schema/descriptors.js';
export { typeLabel } from './schema/descriptors.js';
export { classType, enumType, prop, route, t, type SchemaDeclaration, type TypeExpr } from './schema/builder.js';
export { createRegistry, DEFAULT_PROFILE, Registry, Schema, type RegistryOptions } from './schema/registry.js';
export { fromMetadata, parseMetadata, type MetadataOptions } from './schema/metadata.js';
export { SCALARS, SCALAR_NAMES, ScalarProblem, type ScalarName, type ScalarRow, type ScalarValues } from './schema/scalars.js';
/** The value model of DateTime, DateTimeOffset and TimeSpan, and conversions to and from `Date`. */
export {
  dateTimeFromDate,
  dateTimeToDate,
  formatRoundTripDateTime,
  parseIsoDateTime,
  partsFromTicks,
  ticksFromParts,
  MAX_DATETIME_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  UNIX_EPOCH_TICKS,
  type DateParts,
  type DateTimeKind,
  type DateTimeOffsetValue,
  type DateTimeValue,
  type IsoDateTime,
  type TimeSpanValue,
} from './schema/values.js';
export { renderTypeScript, defaultMapName, type RenderOptions } from './schema/typescript.js';
export { toCamelCase } from './schema/naming.js';
export { defaultValue } from './schema/defaults.js';
export { codecs, codecByName, codecByExtension, codecByMediaType, DEFAULT_LIMITS, DEFAULT_MAX_DEPTH } from './formats/index.js';
export type { Codec, DecodeLimitOptions, DecodeLimits, DecodeOptions, EncodeOptions, Sniffed, AnyCodec } from './formats/index.js';
export type * from './dtos/types.js';
export { evoVoiceDeclaration } from './dtos/index.js';
export { sampleValue, sampleDefaults, type SampleOptions, type RecursiveTypeSamples } from './schema/sample.js';
export type { JsonDecodeOptions, JsonEncodeOptions, NonFiniteMode } from './formats/json/index.js';
export type { JsvDecodeOptions, JsvEncodeOptions } from './formats/jsv/index.js';
export type { XmlDecodeOptions, XmlEncodeOptions } from './formats/xml/index.js';
export type { NdjsonDecodeOptions, NdjsonEncodeOptions } from './formats/ndjson/index.js';
/** What a streaming decoder reads (text or UTF-8 bytes, whole or in chunks: a Node `Readable` is one), and what a streaming encoder writes from. */
export type { ItemSource, StreamSource } from './formats/common/stream.js';
/** JSV for a single scalar or list (route segments, query strings), and the metadata-page layout. */
export { encodeJsvValue, decodeJsvValue, formatJsv } from './formats/jsv/index.js';

/** The Evo Voice registry (both API revisions; `registry.at(1)` for the older one). */
export const registry = evoVoice;

/** Picks the API revision of the bound registry when a type is given by name. */
export interface RevisionOption {
  readonly revision?: number;
}

export type EvoVoiceTypeName = keyof EvoVoiceTypes;

/**
 * A DTO instance that names its own type, as the classes `@servicestack/client` users generate
 * do (`new Hello({ name })` with `getTypeName()`): encode it without giving the type. Only its
 * own enumerable data properties are written; methods are ignored.
 */
export interface NamedDto {
  getTypeName(): string;
}

/**
 * A codec bound to a registry and typed by its name → type map (`Types`, the interface
 * `dto-formats codegen` writes: `EvoVoiceTypes` for the built-in registry).
 */
export interface TypedCodec<EO extends EncodeOptions, DO extends DecodeOptions, Types extends object = EvoVoiceTypes> {
  readonly name: string;
  readonly mediaTypes: readonly string[];
  readonly extensions: readonly string[];
  /** The untyped codec underneath (takes descriptors of any registry). */
  readonly codec: Codec<EO, DO>;
  /** The registry that type names resolve in. */
  readonly registry: Registry;
  encode<N extends keyof Types & string>(type: N, value: Types[N], options?: EO & RevisionOption): string;
  encode(type: TypeDescriptor, value: unknown, options?: EO): string;
  /** The type from `value.getTypeName()`. */
  encode(value: NamedDto, options?: EO & RevisionOption): string;
  decode<N extends keyof Types & string>(type: N, text: string, options?: DO & RevisionOption): Types[N];
  decode(type: TypeDescriptor, text: string, options?: DO): unknown;
  /**
   * Reads a collection (a JSON array, NDJSON, a JSV list, an XML `ArrayOfX`) of the ELEMENT
   * type `type`, one element at a time, in bounded memory: `for await (const c of
   * json.decodeStream('CustomerInfo', fs.createReadStream(path)))`. The next chunk of `source`
   * is read only when the loop asks for the next element (back-pressure); each element equals
   * what `decode('List<…>')` of the whole text gives at its index, and an error names
   * `List<T>[i]…` with the line:column in the whole stream, after every element before it was
   * yielded. A `usage` error when the codec cannot stream.
   */
  decodeStream<N extends keyof Types & string>(type: N, source: StreamSource, options?: DO & RevisionOption): AsyncGenerator<Types[N], void, undefined>;
  decodeStream(type: TypeDescriptor, source: StreamSource, options?: DO): AsyncGenerator<unknown, void, undefined>;
  /**
   * Writes a collection of the ELEMENT type `type` from an (async) iterable, as text chunks
   * whose concatenation is exactly `encode` of the whole list; the next item is taken only when
   * the consumer wants more text (`Readable.from(json.encodeStream('CustomerInfo', rows))`).
   */
  encodeStream<N extends keyof Types & string>(
    type: N,
    items: Iterable<Types[N]> | AsyncIterable<Types[N]>,
    options?: EO & RevisionOption,
  ): AsyncGenerator<string, void, undefined>;
  encodeStream(type: TypeDescriptor, items: ItemSource, options?: EO): AsyncGenerator<string, void, undefined>;
}

/** The codecs of one registry. */
export interface BoundCodecs<Types extends object> {
  /** ServiceStack.Text JSON (`application/json`). */
  readonly json: TypedCodec<JsonEncodeOptions, JsonDecodeOptions, Types>;
  /** ServiceStack JSV (`application/jsv`, `text/jsv`). */
  readonly jsv: TypedCodec<JsvEncodeOptions, JsvDecodeOptions, Types>;
  /** DataContractSerializer XML (`application/xml`). */
  readonly xml: TypedCodec<XmlEncodeOptions, XmlDecodeOptions, Types>;
  /**
   * NDJSON (`application/x-ndjson`): one ServiceStack JSON DTO per line. `encode`/`decode` of
   * `List<T>` are the lines; of any other type, a one-line document; the streams take `T`.
   */
  readonly ndjson: TypedCodec<NdjsonEncodeOptions, NdjsonDecodeOptions, Types>;
}

function isNamedDto(v: unknown): v is NamedDto {
  return typeof v === 'object' && v !== null && typeof (v as { getTypeName?: unknown }).getTypeName === 'function';
}

function bindCodec<EO extends EncodeOptions, DO extends DecodeOptions, Types extends object>(
  codec: Codec<EO, DO>,
  registry: Registry,
): TypedCodec<EO, DO, Types> {
  // A name is looked up per call (a map lookup); the codec's compiled reader/writer is cached per descriptor.
  const resolve = (type: string | TypeDescriptor, options: RevisionOption | undefined): TypeDescriptor =>
    typeof type === 'string' ? registry.at(options?.revision).require(type) : type;
  function encode(type: string | TypeDescriptor | NamedDto, value?: unknown, options?: EO & RevisionOption): string {
    if (typeof type !== 'string' && isNamedDto(type)) {
      // encode(instance, options?): the DTO names itself, the second argument is the options.
      const opts = value as (EO & RevisionOption) | undefined;
      return codec.encode(resolve(type.getTypeName(), opts), type, opts);
    }
    return codec.encode(resolve(type, options), value, options);
  }
  const decodeStream = (type: string | TypeDescriptor, source: StreamSource, options?: DO & RevisionOption) => {
    if (codec.decodeStream === undefined) throw usageError(`${codec.label} cannot decode a stream`);
    return codec.decodeStream(resolve(type, options), source, options);
  };
  const encodeStream = (type: string | TypeDescriptor, items: ItemSource, options?: EO & RevisionOption) => {
    if (codec.encodeStream === undefined) throw usageError(`${codec.label} cannot encode a stream`);
    return codec.encodeStream(resolve(type, options), items, options);
  };
  return Object.freeze({
    name: codec.name,
    mediaTypes: codec.mediaTypes,
    extensions: codec.extensions,
    codec,
    registry,
    encode,
    decode: (type: string | TypeDescriptor, text: string, options?: DO & RevisionOption) => codec.decode(resolve(type, options), text, options),
    decodeStream,
    encodeStream,
  }) as TypedCodec<EO, DO, Types>;
}

/**
 * Typed codecs for any registry: `bind<ZooTypes>(zoo).json.decode('Item', text)` is an `Item`.
 * `Types` is the name → type map that `dto-formats codegen` (or `renderTypeScript`) wrote for
 * that registry; without it names are unchecked and decoded values are `unknown`.
 */
export function bind<Types extends object = Record<string, unknown>>(registry: Registry): BoundCodecs<Types> {
  return Object.freeze({
    json: bindCodec<JsonEncodeOptions, JsonDecodeOptions, Types>(jsonCodec, registry),
    jsv: bindCodec<JsvEncodeOptions, JsvDecodeOptions, Types>(jsvCodec, registry),
    xml: bindCodec<XmlEncodeOptions, XmlDecodeOptions, Types>(xmlCodec, registry),
    ndjson: bindCodec<NdjsonEncodeOptions, NdjsonDecodeOptions, Types>(ndjsonCodec, registry),
  });
}

const evoVoiceCodecs = bind<EvoVoiceTypes>(evoVoice);
/** ServiceStack.Text JSON (`application/json`), bound to the Evo Voice registry. */
export const json = evoVoiceCodecs.json;
/** ServiceStack JSV (`application/jsv`, `text/jsv`), bound to the Evo Voice registry. */
export const jsv = evoVoiceCodecs.jsv;
/** DataContractSerializer XML (`application/xml`), bound to the Evo Voice registry. */
export const xml = evoVoiceCodecs.xml;
/** NDJSON (`application/x-ndjson`, one JSON DTO per line), bound to the Evo Voice registry. */
export const ndjson = evoVoiceCodecs.ndjson;
