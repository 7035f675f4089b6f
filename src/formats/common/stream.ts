/**
 * Streaming a collection in bounded memory, the same way for every format.
 *
 * A collection document (a JSON array, NDJSON, a JSV list, a DataContract `ArrayOfX`) is read
 * by a format's `Framer`, which finds where each element's text starts and ends without
 * decoding it, and each element's text is then decoded by the format's ordinary whole-document
 * reader for the element type. So the element readers are the compiled, byte-exact ones (no
 * second implementation of any rule), the framer is a small scanner that only knows the
 * collection's punctuation, and memory holds one chunk plus the element being read.
 *
 * Pull-based: the driver reads the next chunk of the source only when the consumer asks for an
 * element that is not buffered yet, so a slow consumer slows the reading down instead of
 * letting a buffer grow (back-pressure, also through Node streams, which are async iterables).
 *
 * Positions: a framer reports where each element starts (1-based line and column in the whole
 * stream, UTF-16 units after the BOM, as `lineCol` counts), and an element reader's error, which
 * is relative to the element's text, is moved there; its path gains the element's index
 * (`ArrayOfCustomerInfo[48213].schedule.rules[0] at 1204577:33`).
 */
import { DtoFormatError, usageError, type FormatName } from '../../errors.js';
import { Failure, joinPath } from './failure.js';

/** What a streaming decoder reads: bytes (UTF-8) or text, in chunks. Node `Readable`s are async iterables. */
export type StreamSource =
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>
  | Uint8Array
  | string;

/** What a streaming encoder writes: any iterable of values, synchronous or not. */
export type ItemSource = Iterable<unknown> | AsyncIterable<unknown>;

/** One element's text, cut out of the stream by a framer. */
export interface Frame {
  /** The element's text, exactly as in the stream. */
  readonly text: string;
  /** 0-based index of the element in the collection. */
  readonly index: number;
  /** 1-based line and column of `text[0]` in the whole stream. */
  readonly line: number;
  readonly column: number;
}

/**
 * Cuts a collection's text into elements. `push` appends the next piece of text; `take` gives
 * the next complete element (undefined: more text is needed, or the collection is closed);
 * `end` says the input is over and throws a `Failure` (with the stream position) when the
 * collection was cut short. Envelope errors (a missing `,`, text after the closing `]`) are
 * `Failure`s too, with absolute positions and the index of the element concerned.
 */
export interface Framer {
  push(text: string): void;
  take(): Frame | undefined;
  end(): void;
}

/** Context of a streaming decode or encode, for errors. */
export interface StreamContext {
  readonly format: FormatName;
  /** The collection's name in messages: `ArrayOfCustomerInfo` (XML), `List<CustomerInfo>`. */
  readonly typeName: string;
}

// ---------------------------------------------------------------------------------------------
// Source → text

function isAsyncIterable(v: unknown): v is AsyncIterable<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

function isIterable(v: unknown): v is Iterable<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/**
 * The source as text chunks. UTF-8 is decoded with a streaming decoder, so a character split
 * between two chunks is joined; invalid UTF-8 is an error (as for whole documents), a leading
 * BOM is dropped (positions count after it, as the whole-document readers do).
 */
export async function* textChunks(source: StreamSource, ctx: StreamContext): AsyncGenerator<string, void, undefined> {
  if (typeof source === 'string') {
    yield source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let first = true;
  const decode = (chunk: Uint8Array, last: boolean): string => {
    try {
      return last ? decoder.decode(chunk) : decoder.decode(chunk, { stream: true });
    } catch {
      throw new DtoFormatError({
        code: 'syntax',
        format: ctx.format,
        direction: 'decode',
        typeName: ctx.typeName,
        expected: 'UTF-8 text',
        found: 'an invalid byte sequence',
        detail: `within the ${bytes}th byte or the chunk before`,
      });
    }
  };
  const strip = (s: string): string => {
    if (!first || s.length === 0) return s;
    first = false;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  if (source instanceof Uint8Array) {
    yield strip(decode(source, true));
    return;
  }
  const pieces: AsyncIterable<unknown> | Iterable<unknown> | undefined = isAsyncIterable(source)
    ? source
    : isIterable(source)
      ? source
      : undefined;
  if (pieces === undefined) throw usageError(`${ctx.format} stream source must be text, bytes, or an (async) iterable of them`);
  for await (const piece of pieces) {
    let s: string;
    if (typeof piece === 'string') s = piece;
    else if (piece instanceof Uint8Array) {
      bytes += piece.length;
      s = decode(piece, false);
    } else throw usageError(`${ctx.format} stream chunks must be strings or Uint8Arrays, got ${piece === null ? 'null' : typeof piece}`);
    s = strip(s);
    if (s.length !== 0) yield s;
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest.length !== 0) yield strip(rest);
}

// ---------------------------------------------------------------------------------------------
// Positions

/**
 * The elements a framer has found and not handed out yet, then its failure, if any: frames
 * come out in order, and the failure only after every frame found before it, so a stream
 * yields each complete element before the error. Taken by index, not `Array.shift`, which is
 * linear in the queue's length (one chunk may hold 100,000 elements).
 */
export class FrameQueue<F extends Frame> {
  private frames: (F | undefined)[] = [];
  private head = 0;
  private failure: Failure | undefined;

  push(frame: F): void {
    this.frames.push(frame);
  }

  /** The failure that ends the stream, after the frames already queued. */
  fail(failure: Failure): void {
    this.failure = failure;
  }

  /** The next frame, or throws the failure once every frame before it was taken; undefined when there is neither. */
  take(): F | undefined {
    if (this.head < this.frames.length) {
      const f = this.frames[this.head]!;
      // Dropped from the queue at once, so a taken element's text can be collected.
      this.frames[this.head++] = undefined;
      if (this.head === this.frames.length) {
        this.frames = [];
        this.head = 0;
      }
      return f;
    }
    if (this.failure !== undefined) {
      const p = this.failure;
      this.failure = undefined;
      throw p;
    }
    return undefined;
  }
}

/**
 * Counts lines over the text a framer has passed, so an offset in its buffer can be told as a
 * line and column of the whole stream. `\r\n`, `\n` and a lone `\r` each end a line, as
 * `lineCol` counts them; a `\r\n` split between two counts is still one line end.
 */
export class LineCounter {
  /** 1-based line of the first character not yet counted. */
  line = 1;
  /** Stream offset (UTF-16 units) of the start of `line`. */
  lineStart = 0;
  /** Stream offset of the first character not yet counted. */
  offset = 0;
  /** The last character counted was a `\r`: a `\n` right after it does not start another line. */
  private afterCr = false;

  /** Counts `text[from, to)`, where `text[from]` is at stream offset `this.offset`. */
  count(text: string, from: number, to: number): void {
    if (from >= to) return;
    const base = this.offset - from;
    let i = from;
    if (this.afterCr && text.charCodeAt(i) === 10) {
      i++;
      this.lineStart = base + i;
    }
    let line = this.line;
    let lineStart = this.lineStart;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c > 13) continue;
      if (c === 10) {
        line++;
        lineStart = base + i + 1;
      } else if (c === 13) {
        line++;
        if (i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
        lineStart = base + i + 1;
      }
    }
    this.afterCr = text.charCodeAt(to - 1) === 13;
    this.line = line;
    this.lineStart = lineStart;
    this.offset = base + to;
  }

  /** The column of stream offset `at`, which is on the current line (nothing uncounted before it but that line's text). */
  columnOf(at: number): number {
    return at - this.lineStart + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

/** `[48213]` before the element's own path (`schedule.rules[0]`). */
function elementPath(index: number, inner: string | undefined): string {
  if (!inner) return `[${index}]`;
  return inner.startsWith('[') ? `[${index}]${inner}` : `[${index}].${inner}`;
}

/**
 * An element reader's error, moved into the stream: the collection's name, the element's
 * index in front of its path, and its position (relative to the element's text) made absolute.
 */
export function relocate(e: unknown, frame: Frame, ctx: StreamContext): DtoFormatError {
  if (!(e instanceof DtoFormatError)) throw e;
  const d = e.details();
  const out: { -readonly [K in keyof typeof d]: (typeof d)[K] } = { ...d, format: ctx.format, typeName: ctx.typeName };
  out.path = elementPath(frame.index, d.path);
  if (d.line !== undefined && d.column !== undefined) {
    out.line = frame.line + d.line - 1;
    out.column = d.line === 1 ? frame.column + d.column - 1 : d.column;
  }
  return new DtoFormatError(out);
}

/** A framer's `Failure` (absolute position, element index in its segments) as the public error. */
export function framingError(e: unknown, ctx: StreamContext, direction: 'decode' | 'encode' = 'decode'): DtoFormatError {
  if (e instanceof DtoFormatError) return e;
  if (e instanceof Failure) return new DtoFormatError({ ...e.detail, ...ctx, direction, path: joinPath(e.segments) });
  throw e;
}

// ---------------------------------------------------------------------------------------------
// Drivers

/**
 * Decodes a collection element by element. `decodeElement` is the format's whole-document
 * reader for the element type; its errors are relocated into the stream. Everything yielded
 * before an error is complete: the error is thrown by the `next()` that would have given the
 * failing element.
 */
export async function* decodeFramed<T>(
  source: StreamSource,
  framer: Framer,
  decodeElement: (frame: Frame) => T,
  ctx: StreamContext,
): AsyncGenerator<T, void, undefined> {
  const one = (f: Frame): T => {
    try {
      return decodeElement(f);
    } catch (e) {
      throw relocate(e, f, ctx);
    }
  };
  const step = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      throw framingError(e, ctx);
    }
  };
  const take = (): Frame | undefined => {
    try {
      return framer.take();
    } catch (e) {
      throw framingError(e, ctx);
    }
  };
  for await (const chunk of textChunks(source, ctx)) {
    step(() => framer.push(chunk));
    for (let f = take(); f !== undefined; f = take()) yield one(f);
  }
  step(() => framer.end());
  for (let f = take(); f !== undefined; f = take()) yield one(f);
}

/** How a format writes a collection: the text before, between and after the elements. */
export interface CollectionWriter {
  /** Text before the first element (`[`, the XML declaration and `<ArrayOfX …>`). */
  readonly open: string;
  /** Between two elements (`,`, a newline for NDJSON, nothing for XML). */
  readonly separator: string;
  /** After the last element (`]`, `</ArrayOfX>`). */
  readonly close: string;
  /** The whole document of an empty collection, where it is not `open + close` (XML: `<ArrayOfX … />`). */
  readonly empty: string;
  /** One element's text, exactly as the whole-collection writer writes it. Throws `DtoFormatError` (path relative to the element). */
  element(value: unknown): string;
}

/** Output is gathered into chunks of about this many UTF-16 units: fewer, larger writes. */
const CHUNK = 64 * 1024;

/**
 * Encodes a collection from an (async) iterable, yielding text chunks whose concatenation is
 * byte-identical to the whole-collection encoder's output. Pull-based like the decoder: the
 * next value is taken from `items` only when the consumer wants more text.
 */
export async function* encodeFramed(items: ItemSource, writer: CollectionWriter, ctx: StreamContext): AsyncGenerator<string, void, undefined> {
  if (!isAsyncIterable(items) && !isIterable(items)) {
    throw usageError(`${ctx.format} encodeStream takes an iterable or async iterable of values`);
  }
  let out = '';
  let index = 0;
  for await (const value of items as AsyncIterable<unknown>) {
    let text: string;
    try {
      text = writer.element(value);
    } catch (e) {
      if (!(e instanceof DtoFormatError)) throw e;
      const d = e.details();
      throw new DtoFormatError({ ...d, format: ctx.format, direction: 'encode', typeName: ctx.typeName, path: elementPath(index, d.path) });
    }
    out += index === 0 ? writer.open + text : writer.separator + text;
    index++;
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  if (index === 0) out = writer.empty;
  else out += writer.close;
  if (out.length !== 0) yield out;
}
