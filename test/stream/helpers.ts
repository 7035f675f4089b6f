/** Helpers of the streaming suites: sources cut into chunks, collecting a stream, catching its error. */
import { DtoFormatError } from '../../src/errors.js';

/** Everything an async iterable yields. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of it) out.push(v);
  return out;
}

/** What was yielded before the error, and the error (undefined: none). */
export async function collectUntilError<T>(it: AsyncIterable<T>): Promise<{ values: T[]; error: DtoFormatError | undefined }> {
  const values: T[] = [];
  try {
    for await (const v of it) values.push(v);
  } catch (e) {
    if (e instanceof DtoFormatError) return { values, error: e };
    throw e;
  }
  return { values, error: undefined };
}

/** The error a synchronous call throws (a `DtoFormatError`), or undefined. */
export function errorOf(f: () => unknown): DtoFormatError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DtoFormatError) return e;
    throw e;
  }
  return undefined;
}

/** `text` as two chunks cut at `at`. */
export function split2(text: string, at: number): string[] {
  return [text.slice(0, at), text.slice(at)];
}

/** `text` one UTF-16 unit per chunk. */
export function units(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text[i]!);
}

/** `text` as UTF-8 bytes in chunks of `size` (so multi-byte characters are cut). */
export function byteChunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** UTF-8 bytes of `text` cut into two chunks at byte `at`. */
export function bytesSplit2(text: string, at: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

/** The fields of an error a streamed and a whole decode are compared by. */
export function shape(e: DtoFormatError | undefined): Record<string, unknown> | undefined {
  if (e === undefined) return undefined;
  const { code, format, typeName, path, line, column, expected, found, detail } = e;
  return { code, format, typeName, path, line, column, expected, found, detail };
}

/**
 * An async source that counts how many chunks were pulled from it, so a test can see that a
 * slow consumer does not make the reader run ahead.
 */
export class CountingSource implements AsyncIterable<string> {
  pulled = 0;
  constructor(private readonly chunks: readonly string[]) {}
  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    for (const c of this.chunks) {
      this.pulled++;
      await Promise.resolve();
      yield c;
    }
  }
}

function cpuSince(t0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** CPU milliseconds per run of `f`: batches of at least ~8 ms (so small inputs are not timer noise), the best of three. */
function costOf(f: () => void): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let runs = 0;
    const t0 = process.cpuUsage();
    let t = 0;
    do {
      f();
      runs++;
      t = cpuSince(t0);
    } while (t < 8);
    best = Math.min(best, t / runs);
  }
  return best;
}

/**
 * The CPU-time ratio of `large` to `small` (inputs 10x apart), warmed up. CPU time, not wall
 * time, because the machine is shared; noise only adds time, so the best of each is kept over
 * rounds until the ratio is within `limit` or 5 s have passed: a quadratic scan stays near
 * 100 however often it is measured, a loaded machine needs more rounds to show ~10.
 */
export function timeRatio(small: () => void, large: () => void, limit = 20): number {
  for (let w = 0; w < 5; w++) small();
  large();
  const deadline = performance.now() + 5000;
  let a = Infinity;
  let b = Infinity;
  for (;;) {
    a = Math.min(a, costOf(small));
    b = Math.min(b, costOf(large));
    if (b / a <= limit || performance.now() > deadline) return b / a;
  }
}
