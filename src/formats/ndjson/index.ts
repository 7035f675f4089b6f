/**
 * The NDJSON codec (`application/x-ndjson`, `.ndjson`, `.jsonl`): one ServiceStack JSON DTO per
 * line, as logs, queues and bulk exports carry collections. Each line is exactly what the JSON
 * codec writes for one element of a `List<T>` (so every scalar, name and null rule is the JSON
 * codec's; nothing is re-implemented here), and a line is read as the JSON codec reads an
 * element of a `List<T>`: `ndjson.decode(List<T>, text)` equals
 * `json.decode(List<T>, '[' + lines.join(',') + ']')`, errors included (`List<T>[i]…` at the
 * line and column of the whole text).
 *
 * The document:
 * - lines end with `\n`; a `\r` before it is dropped (CRLF files); the last line may lack its `\n`;
 * - blank lines (empty, or only spaces, TABs and `\r`) are skipped: they are not records and do
 *   not count as an index, but line numbers in errors count them;
 * - a leading BOM is dropped; line:column count after it, `\r\n`, `\n` and a lone `\r` each
 *   ending a line, as every position in this library does;
 * - the writer ends every record with `\n`, the last one included, and writes nothing for an
 *   empty collection; a record is compact JSON (which escapes line breaks inside strings), so
 *   `pretty` is refused (`usage`), and `newline` has no effect.
 *
 * The type of a whole document:
 * - a list type `List<T>` is the collection: one `T` per line (as in a JSON array: a `null` line
 *   is a null element where the list takes one, and nesting depth counts the list's level);
 * - any other type `T` is a document of exactly one record: `decode` reads the one non-blank
 *   line with `json.decode(T, line)` (a second record is a `syntax` error: decode `List<T>` for
 *   many), and `encode` writes `json.encode(T, value)` and a `\n`.
 * `decodeStream` / `encodeStream` take the element type `T` and read or write a collection of
 * any length in bounded memory (common/stream.ts).
 */
import { describeFound, DtoFormatError, usageError, type FormatName } from '../../errors.js';
import { listOf, typeLabel, type TypeDescriptor } from '../../schema/descriptors.js';
import type { Codec, Sniffed } from '../codec.js';
import { Failure } from '../common/failure.js';
import {
  FrameQueue,
  decodeFramed,
  encodeFramed,
  framingError,
  LineCounter,
  relocate,
  type CollectionWriter,
  type Frame,
  type Framer,
  type ItemSource,
  type StreamContext,
  type StreamSource,
} from '../common/stream.js';
import { decodeJson, encodeJson, type JsonDecodeOptions, type JsonEncodeOptions } from '../json/index.js';
import { elementTooLong, jsonElementReader, jsonElementWriter, MAX_ELEMENT_LENGTH, maxElementLength } from '../json/stream.js';

/** The codec's name in messages. */
const FORMAT: FormatName = 'NDJSON';

/** Options of the NDJSON writer: the JSON writer's, without the pretty layout (a record is one line). */
export type NdjsonEncodeOptions = Omit<JsonEncodeOptions, 'pretty'> & { readonly pretty?: false };
/** Options of the NDJSON reader: the JSON reader's. */
export type NdjsonDecodeOptions = JsonDecodeOptions;

/** A line of only spaces, TABs and `\r` (JSON whitespace without the line break) is not a record. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Cuts NDJSON text into records, one per non-blank line, with the line's position in the whole
 * stream. Linear in the input whatever the chunk sizes (a line split over chunks is joined
 * once), holding one line plus one chunk.
 */
export class NdjsonFramer implements Framer {
  private cur = '';
  /** Where the current line starts in `cur` (0 when it started in an earlier chunk). */
  private i = 0;
  /** Stream offset of `cur[0]`. */
  private base = 0;
  private readonly lines = new LineCounter();
  /** The current line's text in earlier chunks. */
  private parts: string[] = [];
  private partsLength = 0;
  /** The 1-based line number of the current line's first character. */
  private startLine = 1;
  private index = 0;
  private readonly queue = new FrameQueue<Frame>();
  private failed = false;

  constructor(private readonly maxLength: number = MAX_ELEMENT_LENGTH) {}

  push(text: string): void {
    if (this.failed || text.length === 0) return;
    // The rest of the previous chunk belongs to the current line; count it, keep it.
    this.lines.count(this.cur, this.lines.offset - this.base, this.cur.length);
    const rest = this.cur.slice(this.i);
    if (rest.length !== 0) {
      this.parts.push(rest);
      this.partsLength += rest.length;
    }
    this.base += this.cur.length;
    this.cur = text;
    this.i = 0;
    for (let nl = text.indexOf('\n'); nl >= 0 && !this.failed; nl = text.indexOf('\n', this.i)) {
      this.line(nl);
      this.i = nl + 1;
      // The next line starts after the `\n`: its number, counting every line end before it.
      this.lines.count(text, this.lines.offset - this.base, this.i);
      this.startLine = this.lines.line;
    }
    const held = this.partsLength + text.length - this.i;
    if (!this.failed && held > this.maxLength) this.tooLong(held);
  }

  take(): Frame | undefined {
    return this.queue.take();
  }

  end(): void {
    if (this.failed) return;
    this.line(this.cur.length);
    this.i = this.cur.length;
    this.parts = [];
    this.partsLength = 0;
  }

  /** The current line, which ends at `cur[end]` (its `\n`, or the end of input). */
  private line(end: number): void {
    let text = this.cur.slice(this.i, end);
    if (this.parts.length !== 0) {
      text = this.parts.join('') + text;
      this.parts = [];
      this.partsLength = 0;
    }
    if (text.length > this.maxLength) {
      this.tooLong(text.length);
      return;
    }
    if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1);
    if (isBlank(text)) return;
    this.queue.push({ text, index: this.index++, line: this.startLine, column: 1 });
  }

  private tooLong(length: number): void {
    this.queue.fail(elementTooLong(this.maxLength, length, this.index, this.startLine, 1));
    this.failed = true;
    this.parts = [];
  }
}

/** The record reader of a stream: a JSON list element's reader. */
function recordReader(elementType: TypeDescriptor, options: NdjsonDecodeOptions | undefined): (f: Frame) => unknown {
  // Bad options are the caller's mistake: refused before anything is read.
  decodeJson(listOf(elementType), '[]', options);
  const read = jsonElementReader(elementType, options);
  return (f) => read(f.text);
}

function context(elementType: TypeDescriptor): StreamContext {
  return { format: FORMAT, typeName: typeLabel(listOf(elementType)) };
}

function checkNotPretty(options: { readonly pretty?: boolean } | undefined): void {
  if (options?.pretty === true) throw usageError('NDJSON writes one record per line: the pretty option is not available (use JSON for an indented document)');
}

/** How a collection is written: each record's JSON (as in a JSON array) and a `\n` after every one. */
function recordWriter(elementType: TypeDescriptor, options: NdjsonEncodeOptions | undefined): CollectionWriter {
  checkNotPretty(options);
  const json = jsonElementWriter(elementType, options);
  return { open: '', separator: '\n', close: '\n', empty: '', element: (v) => json.element(v) };
}

/**
 * Reads NDJSON records of `elementType` one at a time, reading the next chunk of `source` only
 * when the consumer asks for more. Errors name `List<T>[i]` (i counts records, not blank lines)
 * and the line:column in the whole stream; every record yielded before an error is complete.
 */
export function decodeNdjsonStream(
  elementType: TypeDescriptor,
  source: StreamSource,
  options?: NdjsonDecodeOptions,
): AsyncGenerator<unknown, void, undefined> {
  const read = recordReader(elementType, options);
  return decodeFramed(source, new NdjsonFramer(maxElementLength('NDJSON', options)), read, context(elementType));
}

/**
 * Writes NDJSON records of `elementType` from an (async) iterable: text chunks whose
 * concatenation is `encodeNdjson(List<T>, [...items])`, each record followed by `\n`.
 */
export function encodeNdjsonStream(
  elementType: TypeDescriptor,
  items: ItemSource,
  options?: NdjsonEncodeOptions,
): AsyncGenerator<string, void, undefined> {
  return encodeFramed(items, recordWriter(elementType, options), context(elementType));
}

/** The frames of a whole text, synchronously: the stream's framer over one chunk. */
function framesOf(text: string, options: NdjsonDecodeOptions | undefined, ctx: StreamContext): Frame[] {
  if (typeof text !== 'string') throw usageError(`NDJSON decode needs a string, not ${describeFound(text)}`);
  const framer = new NdjsonFramer(maxElementLength('NDJSON', options));
  const out: Frame[] = [];
  try {
    framer.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    framer.end();
    for (let f = framer.take(); f !== undefined; f = framer.take()) out.push(f);
  } catch (e) {
    throw framingError(e, ctx);
  }
  return out;
}

/**
 * Reads a whole NDJSON document: for `List<T>` every record (see the module comment), for any
 * other type the one record the document must hold. Throws `DtoFormatError`.
 */
export function decodeNdjson(type: TypeDescriptor, text: string, options?: NdjsonDecodeOptions): unknown {
  if (type.kind === 'list') {
    const ctx = context(type.of);
    const read = recordReader(type.of, options);
    return framesOf(text, options, ctx).map((f) => {
      try {
        return read(f);
      } catch (e) {
        throw relocate(e, f, ctx);
      }
    });
  }
  const name = type.kind === 'class' || type.kind === 'enum' ? type.name : typeLabel(type);
  const ctx: StreamContext = { format: FORMAT, typeName: name };
  const frames = framesOf(text, options, ctx);
  const found = frames[0];
  if (found === undefined) {
    throw framingError(new Failure({ code: 'syntax', line: 1, column: 1, expected: name, found: 'no record' }), ctx);
  }
  const second = frames[1];
  if (second !== undefined) {
    throw framingError(
      new Failure({
        code: 'syntax',
        line: second.line,
        column: second.column,
        expected: 'end of input',
        found: 'a second record',
        detail: `an NDJSON document of one ${name} holds one line; decode List<${name}> for a collection`,
      }),
      ctx,
    );
  }
  try {
    return decodeJson(type, found.text, options);
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
    // The record's line is line `found.line` of the document (a record starts its line).
    const d = e.details();
    throw new DtoFormatError({ ...d, format: FORMAT, ...(d.line === undefined ? {} : { line: found.line + d.line - 1 }) });
  }
}

/**
 * Writes a whole NDJSON document: for `List<T>` one record per element, each followed by `\n`
 * (nothing for an empty list); for any other type the one record and its `\n`. Throws `DtoFormatError`.
 */
export function encodeNdjson(type: TypeDescriptor, value: unknown, options?: NdjsonEncodeOptions): string {
  checkNotPretty(options);
  const inNdjson = (e: unknown): unknown => (e instanceof DtoFormatError ? e.withContext({ format: FORMAT }) : e);
  if (type.kind !== 'list' || !Array.isArray(value)) {
    // One record; or not a list at all, which the JSON writer reports as it does for JSON.
    try {
      return encodeJson(type, value, options) + '\n';
    } catch (e) {
      throw inNdjson(e);
    }
  }
  const writer = recordWriter(type.of, options);
  const typeName = typeLabel(type);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    try {
      out += writer.element(value[i]) + '\n';
    } catch (e) {
      if (!(e instanceof DtoFormatError)) throw e;
      const p = e.path;
      throw e.withContext({ format: FORMAT, typeName, path: !p ? `[${i}]` : p.startsWith('[') ? `[${i}]${p}` : `[${i}].${p}` });
    }
  }
  return out;
}

/**
 * From the first lines: a JSON object that ends its line, followed by a line that starts
 * another, is NDJSON (a JSON document puts nothing after its root).
 */
export function sniffNdjson(text: string): Sniffed {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  if (text[i] !== '{' && text[i] !== '[') return { score: 0, reason: 'does not start with a JSON object or array' };
  const nl = text.indexOf('\n', i);
  if (nl < 0) return { score: 0.1, reason: 'one line only (JSON reads it as well)' };
  let j = nl - 1;
  while (j > i && (text[j] === '\r' || text[j] === ' ' || text[j] === '\t')) j--;
  let k = nl + 1;
  while (k < text.length && ' \t\r\n'.includes(text[k]!)) k++;
  const closes = text[j] === '}' || text[j] === ']';
  if (closes && (text[k] === '{' || text[k] === '[')) return { score: 0.97, reason: 'a JSON value per line' };
  return { score: 0.05, reason: 'the first line does not hold a whole JSON value' };
}

/** The NDJSON codec: JSON records, one per line. */
export const ndjsonCodec: Codec<NdjsonEncodeOptions, NdjsonDecodeOptions> = Object.freeze({
  name: 'ndjson',
  label: FORMAT,
  mediaTypes: Object.freeze(['application/x-ndjson']),
  extensions: Object.freeze(['.ndjson', '.jsonl']),
  encode: encodeNdjson,
  decode: decodeNdjson,
  sniff: sniffNdjson,
  // Every NDJSON document is a collection (of one record, at least).
  isCollection: () => true,
  decodeStream: decodeNdjsonStream,
  encodeStream: encodeNdjsonStream,
});
