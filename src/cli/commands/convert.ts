import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DtoFormatError, usageError } from '../../errors.js';
import { codecs, type AnyCodec } from '../../formats/index.js';
import type { Schema } from '../../schema/registry.js';
import { flag, str, type Parsed } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { chooseInputCodec, chooseType, requireClassType, requireCodec } from '../documents.js';
import { chooseElementType, convertStream, elementTypeName, headText, peekFile, peekStream, readAll, StreamFailure, type PeekedInput, type StreamJob } from '../stream.js';
import { CONVERT_HELP } from '../help.js';
import {
  checkWritable,
  decodeText,
  DEFAULT_MAX_BYTES,
  EMPTY_STDIN,
  expandInputs,
  InputError,
  isWithin,
  parseSize,
  pathId,
  readFileText,
  realPathOf,
  stdinId,
  tooLargeStream,
  writeFileAtomic,
} from '../input.js';
import type { Io } from '../io.js';

const OPTIONS = {
  to: { type: 'string' },
  from: { type: 'string' },
  type: { type: 'string' },
  revision: { type: 'string' },
  pretty: { type: 'boolean' },
  'no-declaration': { type: 'boolean' },
  newline: { type: 'string' },
  lenient: { type: 'boolean' },
  strict: { type: 'boolean' },
  nonfinite: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'max-size': { type: 'string' },
  verbose: { type: 'boolean' },
  stream: { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

/** Options for the codecs, from the flags: each codec reads the ones it knows. */
export function codecOptions(p: Parsed, command: string): { encode: Record<string, unknown>; decode: Record<string, unknown> } {
  const newline = str(p, 'newline');
  if (newline !== undefined && newline !== 'lf' && newline !== 'crlf') {
    throw usageError(`${command}: --newline takes lf or crlf, got "${newline}"`);
  }
  const nonFinite = str(p, 'nonfinite');
  if (nonFinite !== undefined && nonFinite !== 'bare' && nonFinite !== 'string') {
    throw usageError(`${command}: --nonfinite takes bare or string, got "${nonFinite}"`);
  }
  if (flag(p, 'lenient') && flag(p, 'strict')) throw usageError(`${command}: --lenient and --strict contradict each other`);
  const encode: Record<string, unknown> = {};
  if (flag(p, 'pretty')) encode.pretty = true;
  if (newline === 'crlf') encode.newline = '\r\n';
  if (flag(p, 'no-declaration')) encode.declaration = false;
  if (nonFinite !== undefined) encode.nonFinite = nonFinite;
  const decode: Record<string, unknown> = {};
  if (flag(p, 'lenient')) decode.lenient = true;
  if (flag(p, 'strict')) decode.strict = true;
  return { encode, decode };
}

export function maxSize(p: Parsed, command: string): number {
  const raw = str(p, 'max-size');
  if (raw === undefined) return DEFAULT_MAX_BYTES;
  const n = parseSize(raw);
  if (n === undefined || n <= 0) throw usageError(`${command}: --max-size takes a size such as 300M or 2G, got "${raw}"`);
  return n;
}

interface Job {
  text: string;
  path: string | undefined;
  name: string;
}

function convertOne(schema: Schema, job: Job, p: Parsed, to: AnyCodec, io: Io): string {
  const { encode, decode } = codecOptions(p, 'convert');
  const from = chooseInputCodec(str(p, 'from'), job.path, job.text);
  const type = chooseType(schema, str(p, 'type'), from.value, job.text, job.name);
  if (flag(p, 'verbose')) {
    io.err(`${job.name}: reading ${from.value.name} (${from.reason}) as ${type.value.name} revision ${schema.revision} (${type.reason}); writing ${to.name}\n`);
  }
  const value = from.value.decode(type.value, job.text, decode);
  return to.encode(type.value, value, encode);
}

function outputName(relative: string, to: AnyCodec): string {
  const dot = relative.lastIndexOf('.');
  const slash = Math.max(relative.lastIndexOf('/'), relative.lastIndexOf('\\'));
  const stem = dot > slash ? relative.slice(0, dot) : relative;
  return stem + to.extensions[0]!;
}

function check(p: Parsed): void {
  const toName = str(p, 'to');
  if (toName === undefined) throw usageError(`convert: --to FORMAT is required (${codecs.map((c) => c.name).join(', ')})`);
  requireCodec(toName, '--to');
  if (str(p, 'from') !== undefined) requireCodec(str(p, 'from')!, '--from');
  codecOptions(p, 'convert');
  maxSize(p, 'convert');
}

async function run({ schema, args: p, io }: CommandContext): Promise<number> {
  const to = requireCodec(str(p, 'to')!, '--to');
  const max = maxSize(p, 'convert');
  // Check --type before reading anything, so a typo is a usage error (2) at once.
  // A collection's spelling (ArrayOfCustomerInfo, List<CustomerInfo>) names its element type.
  const typeFlag = str(p, 'type');
  if (typeFlag !== undefined && schema.get(typeFlag) === undefined) requireClassType(schema, elementTypeName(typeFlag));
  const output = str(p, 'output');
  const args = p.positionals.length ? p.positionals : ['-'];

  // Files the output must never replace: the --schema document, and below each input.
  const schemaFile = str(p, 'schema');
  const guarded: Guarded[] = schemaFile !== undefined ? [{ id: pathId(schemaFile), name: `the --schema file ${schemaFile}` }] : [];

  if (args.length === 1 && args[0] === '-') {
    if (output !== undefined) refuseInputAsOutput(output, [...guarded, { id: stdinId(), name: 'the file stdin reads' }]);
    const input = await peekStream('<stdin>', process.stdin);
    if (input.head.length === 0) throw new InputError(EMPTY_STDIN);
    const streamed = streamJob(schema, input, p, to, output, io);
    if (streamed) return runStreamed(streamed, io);
    const text = decodeText(await readAll(input, max, () => tooLargeStream('<stdin>', max)), '<stdin>');
    return emit(convertOne(schema, { text, path: undefined, name: '<stdin>' }, p, to, io), output, io);
  }
  if (args.includes('-')) throw usageError('convert: "-" (stdin) cannot be mixed with other inputs');

  const allExtensions = codecs.flatMap((c) => c.extensions);
  const { files, fromDirectory, directories } = expandInputs(args, allExtensions);
  if (files.length === 1 && !fromDirectory) {
    const f = files[0]!;
    if (output !== undefined) refuseInputAsOutput(output, [...guarded, { id: pathId(f.path), name: `the input ${f.path}` }]);
    // A regular file is looked at first (a collection streams); a FIFO or device cannot be read
    // twice, so it streams only when --stream says so.
    const peeked = peekFile(f.path) ?? (flag(p, 'stream') ? await peekStream(f.path, createReadStream(f.path)) : undefined);
    const streamed = peeked && streamJob(schema, peeked, p, to, output, io);
    if (streamed) return runStreamed(streamed, io);
    const text = readFileText(f.path, max);
    return emit(convertOne(schema, { text, path: f.path, name: f.path }, p, to, io), output, io);
  }

  // Batch: several files or a directory → an output directory, failures reported at the end.
  if (output === undefined) throw usageError('convert: several inputs need -o DIR (the output directory)');
  if (existsSync(output) && !statSync(output).isDirectory()) throw usageError(`convert: -o ${output} must be a directory for several inputs`);
  // An output directory inside an input directory would put outputs among the inputs (and, for
  // the same format, over them); refused before anything is written.
  const outReal = realPathOf(output);
  for (const d of directories) {
    if (isWithin(outReal, realPathOf(d))) {
      throw usageError(`convert: -o ${output} is inside the input directory ${d}: outputs would land among (or over) the inputs; choose a directory outside it`);
    }
  }
  // Plain file arguments land at DIR/their name: none may be an input.
  const explicit = files.filter((f) => !f.error && f.relative === basename(f.path));
  const inputIds = new Set<string>(guarded.map((g) => g.id).filter((id): id is string => id !== undefined));
  for (const f of explicit) {
    const id = pathId(f.path);
    if (id !== undefined) inputIds.add(id);
  }
  for (const f of explicit) {
    const target = join(output, outputName(f.relative, to));
    const id = pathId(target);
    if (id !== undefined && inputIds.has(id)) throw usageError(`convert: -o ${output} would write ${target}, which is an input; refusing to overwrite it`);
  }
  const failures: string[] = [];
  const progress = io.errIsTTY && files.length >= 20;
  let done = 0;
  for (const f of files) {
    try {
      if (f.error) throw f.error;
      const id = pathId(f.path);
      if (id !== undefined) inputIds.add(id);
      const target = join(output, outputName(f.relative, to));
      const targetId = pathId(target);
      if (targetId !== undefined && inputIds.has(targetId)) throw new InputError(`${f.path}: not written: ${target} is an input (the same file)`);
      const peeked = peekFile(f.path);
      const streamed = peeked && streamJob(schema, peeked, p, to, target, io, false);
      if (streamed) await convertStream(streamed);
      else {
        const text = readFileText(f.path, max);
        writeFileAtomic(target, convertOne(schema, { text, path: f.path, name: f.path }, p, to, io));
      }
    } catch (caught) {
      // A streamed file's failure left no output file behind: its cause is what the list shows.
      const e = caught instanceof StreamFailure ? caught.cause : caught;
      // Flags were checked up front, so a usage error here concerns this file (its type or format).
      if (!(e instanceof DtoFormatError || e instanceof InputError)) throw e;
      // Input errors and per-file usage errors (no --type, unknown format) already name the file.
      failures.push(e instanceof InputError || e.message.startsWith(f.path) ? e.message : `${f.path}: ${e.message}`);
    }
    done++;
    if (progress) io.err(`\r${done}/${files.length} converted, ${failures.length} failed`);
  }
  if (progress) io.err('\n');
  io.err(`${files.length - failures.length} of ${files.length} converted to ${output}\n`);
  for (const f of failures) io.err(`failed: ${f}\n`);
  return failures.length ? 1 : 0;
}

/**
 * The streaming job for an input that is a collection (or that --stream says to stream), else
 * undefined: the whole-document path takes it. --stream on a document that is no collection is
 * a usage error rather than a silent whole read.
 */
function streamJob(
  schema: Schema,
  input: PeekedInput,
  p: Parsed,
  to: AnyCodec,
  output: string | undefined,
  io: Io,
  progress = flag(p, 'progress') || io.errIsTTY,
): StreamJob | undefined {
  const head = headText(input);
  let from;
  try {
    from = chooseInputCodec(str(p, 'from'), input.name === '<stdin>' ? undefined : input.name, head);
  } catch (e) {
    // The whole-document path says the same after its own checks (size, binary data), in its order.
    if (flag(p, 'stream') || !(e instanceof DtoFormatError)) throw e;
    return undefined;
  }
  const collection = from.value.isCollection?.(head) === true && from.value.decodeStream !== undefined;
  if (!collection) {
    if (flag(p, 'stream')) {
      throw usageError(`convert --stream: ${input.name} is not a ${from.value.label} collection (a list root: ${from.value.label === 'XML' ? '<ArrayOfX>' : '[...]'}${from.value.name === 'ndjson' ? ', one DTO per line' : ''}); convert it without --stream`);
    }
    return undefined;
  }
  const { encode, decode } = codecOptions(p, 'convert');
  const type = chooseElementType(schema, str(p, 'type'), from.value, head, input.name);
  if (flag(p, 'verbose')) {
    io.err(`${input.name}: streaming a collection: reading ${from.value.name} (${from.reason}) of ${type.value.name} revision ${schema.revision} (${type.reason}); writing ${to.name}\n`);
  }
  return { input, from: from.value, to, elementType: type.value, decode, encode, output, progress, io };
}

/** A streamed conversion of the one input: its error, and on stdout what is left of the output, said here. */
async function runStreamed(job: StreamJob, io: Io): Promise<number> {
  try {
    return await convertStream(job);
  } catch (e) {
    if (!(e instanceof StreamFailure)) throw e;
    io.err(`dto-formats: ${e.cause.message}\n`);
    io.err(`dto-formats: ${e.outcome}\n`);
    return e.cause instanceof DtoFormatError && e.cause.code === 'usage' ? 2 : 1;
  }
}

export const convert: Command = { name: 'convert', options: OPTIONS, help: CONVERT_HELP, check, run };

function emit(text: string, output: string | undefined, io: Io): number {
  if (output !== undefined) {
    writeFileAtomic(output, text);
    return 0;
  }
  checkWritable(text, '<stdout>');
  io.out(io.outIsTTY ? text + '\n' : text);
  return 0;
}

export interface Guarded {
  /** Device and inode (src/cli/input.ts fileId), when the file exists. */
  id: string | undefined;
  name: string;
}

/**
 * An output that is one of the inputs (by any spelling, a symlink or a hard link: the same
 * device and inode) would replace it: a usage error before anything is read or written.
 */
export function refuseInputAsOutput(output: string, inputs: readonly Guarded[], command = 'convert'): void {
  const id = pathId(output);
  if (id === undefined) return;
  const hit = inputs.find((i) => i.id === id);
  if (hit) throw usageError(`${command}: -o ${output} is ${hit.name} (the same file); refusing to overwrite an input`);
}
