/**
 * The option checks every codec makes the same way. A bad option is the caller's mistake, not
 * the input's, so it is a `usage` error raised before anything is read or written.
 */
import { usageError, type FormatName } from '../../errors.js';
import type { DecodeOptions } from '../codec.js';

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

/** `maxDepth` and `lenient` with their defaults, for the readers that take just those two. */
export function checkDecodeOptions(
  format: FormatName,
  o: DecodeOptions | undefined,
  defaults: Readonly<Required<DecodeOptions>>,
): Readonly<Required<DecodeOptions>> {
  if (o === undefined) return defaults;
  const maxDepth = checkMaxDepth(format, o.maxDepth ?? defaults.maxDepth, true);
  return { maxDepth, lenient: o.lenient ?? defaults.lenient };
}
