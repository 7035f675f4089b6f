/**
 * `convert` of a collection as a stream: the input is read in chunks, each element decoded and
 * re-encoded as it arrives, and the output written chunk by chunk with back-pressure, so a
 * 1 GB `ArrayOfCustomerInfo` costs a few megabytes of memory, not gigabytes. The formats' own
 * `decodeStream`/`encodeStream` do all the format work; this file only moves bytes.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { DtoFormatError, usageError } from '../errors.js';
import type { AnyCodec } from '../formats/index.js';
import type { NamedTypeDescriptor, TypeDescriptor } from '../schema/descriptors.js';
import type { Schema } from '../schema/registry.js';
import { requireType } from './documents.js';
import { fsError, InputError, openOutput, OutputCheck, type OutputSink } from './input.js';
import type { Io } from './io.js';

/** How much of an input is read before deciding whether it is a collection: a root start tag after a long comment still fits. */
export const HEAD_BYTES = 64 * 1024;

/** The first bytes of an input and a way to read the rest, so the CLI can look before it commits to a mode. */
export interface PeekedInput {
  readonly name: string;
  /** At most HEAD_BYTES (fewer when the input is shorter). */
  readonly head: Buffer;
  /** True when `head` is the whole input. */
  readonly complete: boolean;
  /** The bytes after `head`, in chunks. Call once. */
  rest(): AsyncIterable<Uint8Array>;
}

/** The head decoded for sniffing only (a character cut at the end of the head is replaced, not an error). */
export function headText(input: PeekedInput): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(input.head);
}

/** A regular file's head, read with the same messages as a whole read; undefined for FIFOs and devices (they cannot be re-read). */
export function peekFile(path: string): PeekedInput | undefined {
  // stat before open: opening a FIFO would take its writer's data (or wait for one), and the
  // whole-document read that follows could then never see it.
  let kind;
  try {
    kind = statSync(path);
  } catch (e) {
    throw fsError(e, path, 'read', { ENOENT: 'no such file' });
  }
  if (!kind.isFile()) return undefined;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fsError(e, path, 'read', { ENOENT: 'no such file' });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    const head = Buffer.allocUnsafe(Math.min(HEAD_BYTES, st.size));
    let n = 0;
    while (n < head.length) {
      const r = readSync(fd, head, n, head.length - n, n);
      if (r === 0) break;
      n += r;
    }
    const got = head.subarray(0, n);
    return {
      name: path,
      head: got,
      complete: n >= st.size,
      // 64 KiB: larger chunks decode to external strings that V8 collects late (1 MiB: +90 MB of RSS, no faster).
      rest: () => createReadStream(path, { start: n, highWaterMark: 64 * 1024 }),
    };
  } catch (e) {
    throw fsError(e, path, 'read');
  } finally {
    closeSync(fd);
  }
}

/** Any readable byte stream (stdin, a FIFO opened for --stream): the head is what its first chunks hold. */
export async function peekStream(name: string, stream: AsyncIterable<unknown>): Promise<PeekedInput> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
    chunks.push(b);
    size += b.length;
  }
  const all = Buffer.concat(chunks, size);
  const head = all.subarray(0, Math.min(size, HEAD_BYTES));
  const over = all.subarray(head.length);
  return {
    name,
    head,
    complete: done && over.length === 0,
    async *rest() {
      if (over.length) yield over;
      if (done) return;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as Uint8Array;
    },
  };
}

/** All of a peeked stream as one buffer, with the same size limit and messages as a whole-document read. */
export async function readAll(input: PeekedInput, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [input.head];
  let total = input.head.length;
  if (total > maxBytes) throw tooLarge();
  if (!input.complete) {
    for await (const c of input.rest()) {
      total += c.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(Buffer.from(c.buffer, c.byteOffset, c.length));
    }
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** `ArrayOfCustomerInfo`, `List<CustomerInfo>` and `CustomerInfo[]` name the collection; the element is what streams. */
export function elementTypeName(name: string): string {
  const list = /^List<(.+)>$/.exec(name) ?? /^(.+)\[\]$/.exec(name) ?? /^ArrayOf(.+)$/.exec(name);
  return list ? list[1]! : name;
}

/** --type (the element type, or the collection's name), else the type the document names (XML `ArrayOfX`). */
export function chooseElementType(schema: Schema, typeName: string | undefined, codec: AnyCodec, head: string, where: string): { value: NamedTypeDescriptor; reason: string } {
  if (typeName !== undefined) {
    const direct = schema.get(typeName.replace(/\+/g, '.'));
    return { value: direct ?? requireType(schema, elementTypeName(typeName)), reason: '--type' };
  }
  const named = codec.detectElementType?.(schema, head);
  if (named) return { value: named, reason: `the document's root names a collection of ${named.fullName}` };
  throw usageError(`${where}: a ${codec.label} collection does not name its element type; say --type NAME (the element type, e.g. CustomerInfo)`);
}

export interface StreamJob {
  input: PeekedInput;
  from: AnyCodec;
  to: AnyCodec;
  elementType: TypeDescriptor;
  decode: Record<string, unknown>;
  encode: Record<string, unknown>;
  /** -o FILE; stdout when undefined. */
  output: string | undefined;
  /** Show the progress line (stderr is a terminal, or --progress). */
  progress: boolean;
  io: Io;
}

function formatMb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/**
 * Runs the pipeline input → decodeStream → encodeStream → output. An error stops it: with -o the
 * temporary file is removed, so nothing is written; on stdout the records already written stay
 * (a pipe cannot be taken back) and a second line says how many there were.
 */
export async function convertStream(job: StreamJob): Promise<number> {
  const { from, to, io } = job;
  if (!from.decodeStream) throw usageError(`convert: ${from.name} input cannot be streamed`);
  if (!to.encodeStream) throw usageError(`convert: ${to.name} output cannot be streamed`);
  let bytesIn = 0;
  let records = 0;
  const started = Date.now();
  let shown = 0;
  const progressLine = (final: boolean): void => {
    const now = Date.now();
    if (!final && now - shown < 250) return;
    shown = now;
    const s = Math.max((now - started) / 1000, 0.001);
    io.err(`\r${records} records, ${formatMb(bytesIn)} MB, ${(bytesIn / 1e6 / s).toFixed(1)} MB/s${final ? '\n' : ''}`);
  };
  const input = job.input;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    bytesIn += input.head.length;
    yield input.head;
    if (input.complete) return;
    for await (const c of input.rest()) {
      bytesIn += c.length;
      yield c;
    }
  }
  const decoded = from.decodeStream(job.elementType, bytes(), job.decode);
  async function* counted(): AsyncGenerator<unknown> {
    for await (const v of decoded) {
      records++;
      if (job.progress) progressLine(false);
      yield v;
    }
  }
  const chunks = to.encodeStream(job.elementType, counted(), job.encode);
  const sink: OutputSink = job.output !== undefined ? openOutput(job.output) : stdoutSink(io);
  try {
    for await (const chunk of chunks) await sink.write(chunk);
    if (job.output === undefined && io.outIsTTY) await sink.write('\n');
    sink.commit();
  } catch (e) {
    sink.abort();
    if (job.progress) progressLine(true);
    if (!(e instanceof DtoFormatError || e instanceof InputError)) throw e;
    const outcome =
      job.output !== undefined
        ? `nothing was written to ${job.output}`
        : sink.written > 0
          ? `the output on stdout is incomplete: it stops within the first ${records} records`
          : 'nothing was written to stdout';
    throw new StreamFailure(e, outcome);
  }
  if (job.progress) progressLine(true);
  return 0;
}

/** A streamed conversion failed: the error, and what became of the output (said after it). */
export class StreamFailure extends Error {
  constructor(
    override readonly cause: DtoFormatError | InputError,
    readonly outcome: string,
  ) {
    super(`${cause.message} (${outcome})`);
    this.name = 'StreamFailure';
  }
}

/** stdout with back-pressure: wait for `drain` when the pipe is full, so a slow reader never makes memory grow. */
function stdoutSink(io: Io): OutputSink {
  const check = new OutputCheck('<stdout>');
  const sink: OutputSink = {
    written: 0,
    async write(text: string): Promise<void> {
      check.check(text);
      sink.written += text.length;
      await io.write(text);
    },
    commit(): void {},
    abort(): void {},
  };
  return sink;
}
