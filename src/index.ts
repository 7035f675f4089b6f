/**
 * dto-formats: ServiceStack's wire formats for TypeScript, byte-exact with the .NET server.
 *
 * ```ts
 * import { registry, json, jsv, xml } from 'dto-formats';
 * const info = xml.decode('CustomerInfo', body);          // typed CustomerInfo
 * jsv.encode('CustomerInfo', info);                       // what a ServiceStack host sends as JSV
 * json.encode('PatchCustomer', { customerId: 'c1' }, { revision: 1 });
 * registry.at(1).requireClass('BillingSettings').properties.length; // 9
 * ```
 *
 * Each codec takes a type name (resolved in the Evo Voice registry at `options.revision`,
 * default the latest) or a descriptor from any registry.
 */
import { evoVoice } from './dtos/index.js';
import type { EvoVoiceTypes } from './dtos/types.js';
import type { Codec, DecodeOptions, EncodeOptions } from './formats/codec.js';
import { jsonCodec } from './formats/json/index.js';
import { jsvCodec } from './formats/jsv/index.js';
import { xmlCodec } from './formats/xml/index.js';
import type { TypeDescriptor } from './schema/descriptors.js';

export { DtoFormatError, type DtoErrorCode, type DtoFormatErrorDetails, type FormatName } from './errors.js';
export type * from './schema/descriptors.js';
export { typeLabel } from './schema/descriptors.js';
export { classType, enumType, prop, route, t, type SchemaDeclaration, type TypeExpr } from './schema/builder.js';
export { createRegistry, Registry, Schema } from './schema/registry.js';
export { toCamelCase } from './schema/naming.js';
export { defaultValue } from './schema/defaults.js';
export { codecs, codecByName, codecByExtension, codecByMediaType, DEFAULT_MAX_DEPTH } from './formats/index.js';
export type { Codec, DecodeOptions, EncodeOptions, Sniffed, AnyCodec } from './formats/index.js';
export type * from './dtos/types.js';
export { evoVoiceDeclaration } from './dtos/index.js';
export { sampleValue, sampleDefaults, type SampleOptions, type RecursiveTypeSamples } from './schema/sample.js';
export type { JsonDecodeOptions, JsonEncodeOptions, NonFiniteMode } from './formats/json/index.js';
export type { JsvDecodeOptions, JsvEncodeOptions } from './formats/jsv/index.js';
export type { XmlDecodeOptions, XmlEncodeOptions } from './formats/xml/index.js';
/** JSV for a single scalar or list (route segments, query strings), and the metadata-page layout. */
export { encodeJsvValue, decodeJsvValue, formatJsv } from './formats/jsv/index.js';

/** The Evo Voice registry (both API revisions; `registry.at(1)` for the older one). */
export const registry = evoVoice;

/** Picks the API revision of the Evo Voice registry when a type is given by name. */
export interface RevisionOption {
  readonly revision?: number;
}

export type EvoVoiceTypeName = keyof EvoVoiceTypes;

/** A codec bound to the Evo Voice registry, typed by DTO name. */
export interface TypedCodec<EO extends EncodeOptions, DO extends DecodeOptions> {
  readonly name: string;
  readonly mediaTypes: readonly string[];
  readonly extensions: readonly string[];
  /** The untyped codec underneath (takes descriptors of any registry). */
  readonly codec: Codec<EO, DO>;
  encode<N extends EvoVoiceTypeName>(type: N, value: EvoVoiceTypes[N], options?: EO & RevisionOption): string;
  encode(type: TypeDescriptor, value: unknown, options?: EO): string;
  decode<N extends EvoVoiceTypeName>(type: N, text: string, options?: DO & RevisionOption): EvoVoiceTypes[N];
  decode(type: TypeDescriptor, text: string, options?: DO): unknown;
}

function bind<EO extends EncodeOptions, DO extends DecodeOptions>(codec: Codec<EO, DO>): TypedCodec<EO, DO> {
  const resolve = (type: string | TypeDescriptor, options: RevisionOption | undefined): TypeDescriptor =>
    typeof type === 'string' ? evoVoice.at(options?.revision).require(type) : type;
  return Object.freeze({
    name: codec.name,
    mediaTypes: codec.mediaTypes,
    extensions: codec.extensions,
    codec,
    encode: (type: string | TypeDescriptor, value: unknown, options?: EO & RevisionOption) =>
      codec.encode(resolve(type, options), value, options),
    decode: (type: string | TypeDescriptor, text: string, options?: DO & RevisionOption) =>
      codec.decode(resolve(type, options), text, options),
  }) as TypedCodec<EO, DO>;
}

/** ServiceStack.Text JSON (`application/json`). */
export const json = bind(jsonCodec);
/** ServiceStack JSV (`application/jsv`, `text/jsv`). */
export const jsv = bind(jsvCodec);
/** DataContractSerializer XML (`application/xml`). */
export const xml = bind(xmlCodec);
