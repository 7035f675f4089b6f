/**
 * The codecs by name. Adding a format is a folder beside these and one entry here; the CLI
 * and the public API find codecs only through this table.
 */
import type { Codec, DecodeOptions, EncodeOptions } from './codec.js';
import { jsonCodec } from './json/index.js';
import { jsvCodec } from './jsv/index.js';
import { ndjsonCodec } from './ndjson/index.js';
import { xmlCodec } from './xml/index.js';

/** Any codec, seen through the options every codec shares (each also takes its own). */
export type AnyCodec = Codec<EncodeOptions, DecodeOptions>;

export const codecs: readonly AnyCodec[] = Object.freeze([jsonCodec, jsvCodec, xmlCodec, ndjsonCodec]);

export function codecByName(name: string): AnyCodec | undefined {
  const n = name.toLowerCase();
  return codecs.find((c) => c.name === n);
}

/** By extension with the dot (`.jsv`), case-insensitive. */
export function codecByExtension(ext: string): AnyCodec | undefined {
  const e = ext.toLowerCase();
  return codecs.find((c) => c.extensions.includes(e));
}

/** By media type, ignoring parameters (`application/xml; charset=utf-8`). */
export function codecByMediaType(mediaType: string): AnyCodec | undefined {
  const m = mediaType.split(';')[0]!.trim().toLowerCase();
  return codecs.find((c) => c.mediaTypes.includes(m));
}

export type { Codec, DecodeLimitOptions, DecodeOptions, EncodeOptions, Sniffed } from './codec.js';
export { DEFAULT_MAX_DEPTH } from './codec.js';
export { DEFAULT_LIMITS, type DecodeLimits } from './common/limits.js';
