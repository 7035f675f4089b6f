/**
 * The option checks every codec makes the same way. A bad option is the caller's mistake, not
 * the input's, so it is a `usage` error raised before anything is read or written.
 */
import { usageError, type FormatName } from '../../errors.js';
import type { DecodeLimitOptions, DecodeOptions } from '../codec.js';
import { DEFAULT_LIMITS, LIMIT_NAMES, type DecodeLimits } from './limits.js';

/**
 * `maxDepth` is a positive integer, or `Infinity` where the codec allows it (JSON and JSV
 * then report a stack overflow as a `depth` error).
 */
export function checkMaxDepth(format: FormatName, maxDepth: number, allowInfinity: boolean): number {
  if (!(maxDepth >= 1) || !(Number.isInteger(maxDepth) || (allowInfinity && maxDepth === Infinity))) {
    throw usageError(`${format} option maxDepth must be a positive integer, not ${String(maxDepth)}`);
  }
  return maxDepth;
}

export function checkNewline(format: FormatName, newline: string): void {
  if (newline !== '\n' && newline !== '\r\n') throw usageError(`${format} option newline must be "\\n" or "\\r\\n"`);
}

/** `maxDepth`, `lenient` and the decode limits with their defaults, for the JSON and JSV readers. */
export function checkDecodeOptions<D extends Readonly<Required<DecodeOptions>>>(format: FormatName, o: DecodeOptions | undefined, defaults: D): D {
  if (o === undefined) return defaults;
  const maxDepth = checkMaxDepth(format, o.maxDepth ?? defaults.maxDepth, true);
  return { ...defaults, ...checkLimits(format, o), maxDepth, lenient: o.lenient ?? defaults.lenient };
}

/**
 * The decode limits of `o`, each a positive integer or `Infinity`, absent ones from
 * `DEFAULT_LIMITS` (returned as is when `o` sets none, the common case).
 */
export function checkLimits(format: FormatName, o: DecodeLimitOptions | undefined): Readonly<DecodeLimits> {
  if (o === undefined) return DEFAULT_LIMITS;
  let out: { -readonly [K in keyof DecodeLimits]: number } | undefined;
  for (const name of LIMIT_NAMES) {
    const v: unknown = o[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 1) || !(Number.isInteger(v) || v === Infinity)) {
      throw usageError(`${format} option ${name} must be a positive integer or Infinity, not ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
    }
    (out ??= { ...DEFAULT_LIMITS })[name] = v;
  }
  return out ?? DEFAULT_LIMITS;
}
