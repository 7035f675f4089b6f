/**
 * Streaming a JSV list (`[elem,elem,…]`) element by element, and writing one from an (async)
 * iterable, in bounded memory (common/stream.ts has the design).
 *
 * How the JSV reader delimits a list element (jsv/decode.ts `listReader`), which the framer
 * follows: elements are separated by `,` and the list ends at `]`; there is no whitespace
 * between tokens (a space is content: `[a, b]` holds "a" and " b"); a `"` opens a quoted
 * token only where a value (or a key) starts, and `""` inside it is one quote; `{`/`[` open a
 * nested value only where a value starts (elsewhere they are content of a bare token), and
 * a bare token ends at `,` or `}` inside an object (a `]` there is content) and at `,` `]` `}`
 * inside a list. An empty slot (`[a,,b]`) and a trailing comma (`[a,]`) are elements whose
 * meaning depends on the element type (ServiceStack's rules, in the reader).
 *
 * Each element is decoded by the whole-list reader itself, on a one-element list: `[text]`
 * (an element after a trailing comma on `[text,]`), so the element rules above, the empty-slot
 * and trailing-comma rules, `null`, nesting depth and every error are the reader's, and the
 * elements of a stream are exactly those of `decodeJsv(List<T>, wholeText)`. Errors are moved
 * to the element's index and the line:column of the whole stream.
 *
 * What a stream refuses that a whole decode takes:
 * - the pretty layout (`[` and a line break: the metadata pages' form), a `syntax` error that
 *   says so: the pretty form is a whole-document format (decode it with `decodeJsv`);
 * - a root list body without brackets (`a,b,c`), which only `decodeJsvValue` takes anyway.
 * Limits: one element's text may be at most `maxDocumentLength` UTF-16 units when that option
 * is given, else 2²⁸ (`MAX_ELEMENT_LENGTH`); the number of elements is unbounded.
 *
 * Where the framer and the reader disagree: the reader skips a `{…}` or `[…]` value it does not
 * read (an unknown member, a String written unbracketed, a value lenient mode drops) as
 * ServiceStack's `EatValue` does, counting one bracket kind only, which the framer (knowing no
 * types) cannot follow. Such text never comes from a ServiceStack writer (it quotes any string
 * with brackets), so it is handled apart: when an element's reading runs out of text (the
 * framer cut it short) or the framer finds no end to it, the rest of the stream is read by the
 * whole-list reader from that element on, bounded by `maxDocumentLength`, so the stream still
 * reads exactly what the whole reader reads (the hostile fuzz asserts it, with random chunking).
 */
import { DtoFormatError, usageError, type DtoErrorCode } from '../../errors.js';
import { listOf, typeLabel, type TypeDescriptor } from '../../schema/descriptors.js';
import { Failure } from '../common/failure.js';
import {
  FrameQueue,
  encodeFramed,
  framingError,
  LineCounter,
  textChunks,
  type CollectionWriter,
  type Frame,
  type Framer,
  type ItemSource,
  type StreamContext,
  type StreamSource,
} from '../common/stream.js';
import { asElementError, elementTooLong, MAX_ELEMENT_LENGTH, maxElementLength } from '../json/stream.js';
import { decodeJsv, encodeJsv } from './index.js';
import type { JsvDecodeOptions, JsvEncodeOptions } from './options.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** The characters that matter inside an element outside quotes, once a value has started: `,` `}` `]` `:`. */
const ENDS = new Uint8Array(128);
for (const ch of ',}]:') ENDS[ch.charCodeAt(0)] = 1;

/** The whitespace the JSV reader tolerates around the root (a file's final line break). */
function isOuterWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** How the reader shows a character in messages (jsv/decode.ts `foundAt`). */
function foundAt(text: string, i: number): string {
  return i >= text.length ? 'end of input' : JSON.stringify(text[i]);
}

/** How an element's text is read: which one-element list stands for it. */
export const enum SlotKind {
  /** Followed by `,` and another element: `[text]`. */
  Middle,
  /** Followed by the closing `]`: `[text]` (for the first element, `[]` or a blank body reads as no element at all). */
  Last,
  /** Followed by `,]`, a trailing comma: `[text,]`, which may add an element after it. */
  Trailing,
  /** The input ended inside it: `[text`, so that the reader reports what is missing, where the whole reader does. */
  Unclosed,
}

/** One element's text, and how it stands in the list. */
export interface JsvFrame extends Frame {
  readonly kind: SlotKind;
  /** The list's first element (only there does a blank text mean the empty list). */
  readonly first: boolean;
  /** Where the list's `[` is: the one-element list's `[` stands for it in messages. */
  readonly listLine: number;
  readonly listColumn: number;
  /** Offset of `text[0]` in the whole stream (UTF-16 units, after a BOM). */
  readonly offset: number;
}

const enum State {
  Before,
  /** After `[`: a line break next means the pretty layout. */
  Open,
  /** After `[` and a `\r`: a `\n` next means the pretty layout. */
  OpenCr,
  Slot,
  /** After a `,` at the list's level: a `]` next makes it a trailing comma. */
  Comma,
  Closed,
  Failed,
}

/** Nesting inside an element: an object at a key, an object at a value, a list. */
const enum Ctx {
  Key,
  Value,
  List,
}

/**
 * Cuts a compact JSV list into element texts, each character looked at once, holding one
 * element plus one chunk (see the module comment for the rules it follows).
 */
export class JsvListFramer implements Framer {
  private cur = '';
  private i = 0;
  private base = 0;
  private readonly lines = new LineCounter();
  private state = State.Before;
  private index = 0;
  private readonly queue = new FrameQueue<JsvFrame>();
  /** Where the list's `[` is, for "not closed" messages. */
  private openLine = 1;
  private openColumn = 1;
  // The element being read.
  private parts: string[] = [];
  private partsLength = 0;
  private start = 0;
  private line = 1;
  private column = 1;
  /** The element's offset in the stream. */
  private offset = 0;
  private readonly stack: Ctx[] = [];
  private atStart = true;
  private inQuote = false;
  /** Inside a quoted token, the last character was a `"`: a second one is an escaped quote. */
  private quoteSeen = false;
  /** The element before a `,`, until the next character says how it ends. */
  private held: { text: string; line: number; column: number; offset: number } | undefined;

  constructor(
    private readonly elementLabel: string,
    private readonly maxLength: number = MAX_ELEMENT_LENGTH,
  ) {}

  push(text: string): void {
    if (this.state === State.Failed || text.length === 0) return;
    this.countTo(this.cur.length);
    if (this.state === State.Slot) {
      const piece = this.cur.slice(this.start);
      if (piece.length !== 0) {
        this.parts.push(piece);
        this.partsLength += piece.length;
      }
      this.start = 0;
    }
    this.base += this.cur.length;
    this.cur = text;
    this.i = 0;
    this.scan();
  }

  take(): JsvFrame | undefined {
    return this.queue.take();
  }

  end(): void {
    const n = this.cur.length;
    switch (this.state) {
      case State.Failed:
      case State.Closed:
        return;
      case State.Before:
        this.fail(n, "'['", undefined);
        return;
      case State.Open:
      case State.OpenCr:
        this.fail(n, "']'", 0, this.notClosed());
        return;
      case State.Comma:
        this.emitHeld(SlotKind.Middle);
        this.fail(n, "']'", this.index, this.notClosed());
        return;
      case State.Slot: {
        // The reader says what is missing (the whole reader meets the same end there), and
        // should it not, the framer does.
        const inQuote = this.inQuote && !this.quoteSeen;
        const nested = inQuote || this.stack.length !== 0;
        const top = this.stack[this.stack.length - 1];
        const index = this.index;
        const line = this.line;
        const column = this.column;
        this.emitSlot(n, SlotKind.Unclosed);
        if ((this.state as State) === State.Failed) return;
        if (!nested) this.fail(n, "',' or ']'", index, this.notClosed());
        else {
          const expected = inQuote ? 'a closing \'"\'' : top === Ctx.List ? "']'" : "'}'";
          this.fail(n, expected, index, `the stream ends inside element [${index}], which starts at ${line}:${column}`);
        }
        return;
      }
    }
  }

  private notClosed(): string {
    return `the [ at ${this.openLine}:${this.openColumn} is not closed`;
  }

  private countTo(to: number): void {
    const from = this.lines.offset - this.base;
    if (to > from) this.lines.count(this.cur, from, to);
  }

  /** Queues a failure at `cur[at]` (or at the list's `[` when `at` is negative) and stops reading. */
  private fail(at: number, expected: string, index: number | undefined, detail?: string, code: DtoErrorCode = 'syntax', found?: string): void {
    if (at >= 0) this.countTo(at);
    const d: { code: DtoErrorCode; line: number; column: number; expected: string; found: string; detail?: string } = {
      code,
      line: at >= 0 ? this.lines.line : this.openLine,
      column: at >= 0 ? this.lines.columnOf(this.base + at) : this.openColumn,
      expected,
      found: found ?? foundAt(this.cur, at),
    };
    if (detail !== undefined) d.detail = detail;
    const f = new Failure(d);
    if (index !== undefined) f.at(index);
    this.queue.fail(f);
    this.state = State.Failed;
    this.parts = [];
    this.held = undefined;
  }

  private beginSlot(at: number): void {
    this.countTo(at);
    this.start = at;
    this.offset = this.base + at;
    this.line = this.lines.line;
    this.column = this.lines.columnOf(this.base + at);
    this.parts = [];
    this.partsLength = 0;
    this.stack.length = 0;
    this.atStart = true;
    this.inQuote = false;
    this.quoteSeen = false;
    this.state = State.Slot;
  }

  /** The element's text up to `cur[end]`, or undefined (and a failure) when it is too long. */
  private slotText(end: number): string | undefined {
    const length = this.partsLength + end - this.start;
    if (length > this.maxLength) {
      this.queue.fail(elementTooLong(this.maxLength, length, this.index, this.line, this.column));
      this.state = State.Failed;
      this.parts = [];
      return undefined;
    }
    const tail = this.cur.slice(this.start, end);
    const text = this.parts.length === 0 ? tail : this.parts.join('') + tail;
    this.parts = [];
    this.partsLength = 0;
    return text;
  }

  private emitSlot(end: number, kind: SlotKind): void {
    const text = this.slotText(end);
    if (text === undefined) return;
    this.queue.push({ text, index: this.index, line: this.line, column: this.column, kind, first: this.index === 0, listLine: this.openLine, listColumn: this.openColumn, offset: this.offset });
    this.index++;
  }

  private emitHeld(kind: SlotKind): void {
    const h = this.held!;
    this.held = undefined;
    this.queue.push({ text: h.text, index: this.index, line: h.line, column: h.column, kind, first: this.index === 0, listLine: this.openLine, listColumn: this.openColumn, offset: h.offset });
    this.index++;
  }

  private scan(): void {
    const b = this.cur;
    const n = b.length;
    let i = this.i;
    while (i < n) {
      switch (this.state) {
        case State.Failed:
          i = n;
          continue;
        case State.Before: {
          const c = b.charCodeAt(i);
          if (isOuterWhitespace(c)) {
            i++;
            continue;
          }
          if (c === LBRACKET) {
            this.countTo(i);
            this.openLine = this.lines.line;
            this.openColumn = this.lines.columnOf(this.base + i);
            i++;
            this.state = State.Open;
            continue;
          }
          this.fail(
            i,
            "'['",
            undefined,
            c === LBRACE
              ? `a stream reads a JSV list; a single ${this.elementLabel} object is one document: use decode`
              : 'a stream reads a JSV list',
          );
          continue;
        }
        case State.Open:
        case State.OpenCr: {
          const c = b.charCodeAt(i);
          if (c === 0x0a || (c === 0x0d && this.state === State.Open)) {
            if (c === 0x0d) {
              i++;
              this.state = State.OpenCr;
              continue;
            }
            this.fail(-1, 'compact JSV', undefined,
              'the pretty layout (the metadata pages\' form) is a whole document: decode it with decode, not as a stream', 'syntax', 'a line break after the opening [');
            continue;
          }
          if (this.state === State.OpenCr) {
            // Not pretty: the `\r` after `[` is the first element's first character.
            this.beginSlot(i);
            this.offset--;
            if (i > 0) this.start = i - 1;
            else {
              this.parts.push('\r');
              this.partsLength = 1;
            }
            this.line = this.openLine;
            this.column = this.openColumn + 1;
            this.atStart = false;
            continue;
          }
          this.beginSlot(i);
          continue;
        }
        case State.Slot:
          i = this.scanSlot(i);
          if (this.state === State.Slot && this.partsLength + i - this.start > this.maxLength) this.slotText(i);
          continue;
        case State.Comma: {
          const c = b.charCodeAt(i);
          if (c === RBRACKET) {
            this.emitHeld(SlotKind.Trailing);
            i++;
            this.state = State.Closed;
            continue;
          }
          this.emitHeld(SlotKind.Middle);
          this.beginSlot(i);
          continue;
        }
        case State.Closed: {
          const c = b.charCodeAt(i);
          if (isOuterWhitespace(c)) {
            i++;
            continue;
          }
          this.fail(i, 'end of input', undefined, `text after the ']' that closes the list`);
          continue;
        }
      }
    }
    this.i = i;
  }

  /** Scans an element from `cur[from]`; returns where it stopped (at the end of `cur`, or past the element's terminator). */
  private scanSlot(from: number): number {
    const b = this.cur;
    const n = b.length;
    const stack = this.stack;
    let i = from;
    let atStart = this.atStart;
    let inQuote = this.inQuote;
    let quoteSeen = this.quoteSeen;
    for (; i < n; i++) {
      const c = b.charCodeAt(i);
      if (inQuote) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === QUOTE) continue;
          inQuote = false;
          // The quoted token is over: `c` follows it.
        } else {
          // Quoted content up to the next quote.
          const q = c === QUOTE ? i : b.indexOf('"', i);
          if (q < 0) {
            i = n;
            break;
          }
          i = q;
          quoteSeen = true;
          continue;
        }
      } else if (atStart) {
        atStart = false;
        if (c === QUOTE) {
          inQuote = true;
          continue;
        }
        if (c === LBRACE) {
          stack.push(Ctx.Key);
          atStart = true;
          continue;
        }
        if (c === LBRACKET) {
          stack.push(Ctx.List);
          atStart = true;
          continue;
        }
      }
      // A character outside quotes, not opening anything: most are plain content, skipped in a
      // tight loop up to the next one that ends or changes something.
      if (c < 128 && ENDS[c] === 0) {
        let j = i + 1;
        while (j < n) {
          const d = b.charCodeAt(j);
          if (d < 128 && ENDS[d] === 1) break;
          j++;
        }
        i = j - 1;
        continue;
      }
      if (c === COMMA) {
        const top = stack.length;
        if (top === 0) {
          this.finish(i, COMMA);
          return i + 1;
        }
        if (stack[top - 1] === Ctx.Value) stack[top - 1] = Ctx.Key;
        atStart = true;
      } else if (c === RBRACE) {
        if (stack.length === 0) {
          this.finish(i, RBRACE);
          return i + 1;
        }
        stack.pop();
      } else if (c === RBRACKET) {
        if (stack.length === 0) {
          this.finish(i, RBRACKET);
          return i + 1;
        }
        // Inside an object a `]` is content of a bare value.
        if (stack[stack.length - 1] === Ctx.List) stack.pop();
      } else if (c === COLON) {
        const top = stack.length;
        if (top !== 0 && stack[top - 1] === Ctx.Key) {
          stack[top - 1] = Ctx.Value;
          atStart = true;
        }
      }
    }
    this.atStart = atStart;
    this.inQuote = inQuote;
    this.quoteSeen = quoteSeen;
    return i;
  }

  /** The element ends at `cur[at]`, its terminator `c` at the list's level. */
  private finish(at: number, c: number): void {
    if (c === COMMA) {
      const text = this.slotText(at);
      if (text === undefined) return;
      this.held = { text, line: this.line, column: this.column, offset: this.offset };
      this.state = State.Comma;
      return;
    }
    this.emitSlot(at, SlotKind.Last);
    if (this.state === State.Failed) return;
    if (c === RBRACKET) {
      this.state = State.Closed;
      return;
    }
    // `}` at the list's level: the reader's own message, after the element is read.
    this.fail(at, "',' or ']'", this.index - 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Elements

/**
 * An error of a one-element list, moved to element `index + k` (k: the index in that list)
 * and into the whole stream: its position, and those its detail names (`the { at 1:5 …`).
 */
function moved(e: unknown, f: JsvFrame, index: number, ctx: StreamContext): DtoFormatError {
  if (!(e instanceof DtoFormatError)) throw e;
  const d = e.details();
  const m = /^\[(\d+)\]/.exec(d.path ?? '');
  const rest = m ? d.path!.slice(m[0].length) : d.path ? (d.path.startsWith('[') ? d.path : '.' + d.path) : '';
  const out: { -readonly [K in keyof typeof d]: (typeof d)[K] } = { ...d, format: ctx.format, typeName: ctx.typeName };
  out.path = `[${index + (m ? Number(m[1]) : 0)}]${rest}`;
  // Line 1 column 1 of the one-element list is its `[`, which stands for the list's; the element starts at column 2.
  const at = (line: number, column: number): { line: number; column: number } =>
    line === 1 && column === 1
      ? { line: f.listLine, column: f.listColumn }
      : line === 1
        ? { line: f.line, column: f.column + column - 2 }
        : { line: f.line + line - 1, column };
  if (d.line !== undefined && d.column !== undefined) Object.assign(out, at(d.line, d.column));
  if (d.detail !== undefined) {
    out.detail = d.detail.replace(/ at (\d+):(\d+)/g, (_, l: string, c: string) => {
      const p = at(Number(l), Number(c));
      return ` at ${p.line}:${p.column}`;
    });
  }
  return new DtoFormatError(out);
}

/**
 * The elements that one element's text stands for (usually one; none for an empty list's
 * blank body; two for a trailing comma the element type counts as a slot), read by the
 * whole-list reader on the one-element list that has the same reading.
 */
function slotValues(list: TypeDescriptor, f: JsvFrame, options: JsvDecodeOptions | undefined): unknown[] {
  if (f.kind === SlotKind.Unclosed) return decodeJsv(list, '[' + f.text, options) as unknown[];
  if (f.kind === SlotKind.Trailing) return decodeJsv(list, '[' + f.text + ',]', options) as unknown[];
  const vs = decodeJsv(list, '[' + f.text + ']', options) as unknown[];
  // `[ ]` is the empty list: only a first-and-last blank element means that. Elsewhere a blank
  // text is an element; `[text,text]` reads it as such (the blank-body rule needs a `]` next).
  if (vs.length === 0 && !(f.first && f.kind === SlotKind.Last)) {
    return [(decodeJsv(list, '[' + f.text + ',' + f.text + ']', options) as unknown[])[0]];
  }
  return vs;
}

function rootName(t: TypeDescriptor): string {
  return t.kind === 'class' || t.kind === 'enum' ? t.name : typeLabel(t);
}

/**
 * Reads a compact JSV list of `elementType` element by element (an async iterator), reading
 * the next chunk of `source` only when the consumer asks for more. The elements are those of
 * `decodeJsv(List<T>, wholeText, options)`; an error names `List<T>[i]` and its line:column
 * in the whole stream, and every element yielded before it is complete. The pretty layout is
 * refused (decode it whole).
 */
export function decodeJsvStream(
  elementType: TypeDescriptor,
  source: StreamSource,
  options?: JsvDecodeOptions,
): AsyncGenerator<unknown, void, undefined> {
  const list = listOf(elementType);
  // Bad options are the caller's mistake: refused before anything is read.
  decodeJsv(list, '[]', options);
  const ctx: StreamContext = { format: 'JSV', typeName: typeLabel(list) };
  const framer = new JsvListFramer(rootName(elementType), maxElementLength('JSV', options));
  return run(source, framer, list, options, ctx);
}

/**
 * Whether an element's reading ran out of text: the framer may have cut it where the reader
 * does not (a skipped `{…}`/`[…]` value with brackets of the other kind inside, which
 * ServiceStack's `EatValue` skips by one bracket kind only), and the rest of the stream decides.
 */
function ranOut(e: unknown): boolean {
  return e instanceof DtoFormatError && e.code === 'syntax' && e.found === 'end of input';
}

/** The stream's text since some offset, as the chunks it came in (joined only when needed). */
class RawText {
  private chunks: string[] = [];
  /** Offset of `chunks[0][0]` in the stream. */
  private base = 0;
  private length = 0;

  push(chunk: string): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Forgets the chunks that end at or before `offset`. */
  dropBefore(offset: number): void {
    let k = 0;
    while (k < this.chunks.length - 1 && this.base + this.chunks[k]!.length <= offset) this.base += this.chunks[k++]!.length;
    if (k !== 0) {
      this.length -= this.chunks.slice(0, k).reduce((n, c) => n + c.length, 0);
      this.chunks = this.chunks.slice(k);
    }
  }

  /** The text from stream offset `offset` to the end of what arrived. */
  from(offset: number): string {
    return this.chunks.join('').slice(offset - this.base);
  }

  get end(): number {
    return this.base + this.length;
  }
}

async function* run(
  source: StreamSource,
  framer: JsvListFramer,
  list: TypeDescriptor,
  options: JsvDecodeOptions | undefined,
  ctx: StreamContext,
): AsyncGenerator<unknown, void, undefined> {
  // Elements yielded so far: the index of the next one (a frame may stand for 0, 1 or 2).
  let next = 0;
  // The last element followed by a comma, and how many elements it gave.
  let prev: JsvFrame | undefined;
  let prevCount = 0;
  const maxLength = maxElementLength('JSV', options);
  /** `f` with the element before it, when `f` starts with a line break (see `values`). */
  const joinedWithPrev = (f: JsvFrame): JsvFrame | undefined => {
    const c = f.text.charCodeAt(0);
    const joined = prev !== undefined && (c === 0x0a || (c === 0x0d && f.text.charCodeAt(1) === 0x0a));
    return joined ? { ...f, text: prev!.text + ',' + f.text, line: prev!.line, column: prev!.column, first: prev!.first, offset: prev!.offset } : undefined;
  };
  /** The elements of frame `f`, or undefined when its reading ran out of text (the framer's cut is in doubt). */
  const values = (f: JsvFrame): unknown[] | undefined => {
    // `[` and a line break is the pretty layout to the reader: an element that starts with a
    // line break (never the first, or the stream was refused as pretty) is read after the
    // one before it, which is the same text as in the stream (`prev,element`).
    const j = joinedWithPrev(f);
    const g = j ?? f;
    const skip = j !== undefined ? prevCount : 0;
    let vs: unknown[];
    try {
      vs = slotValues(list, g, options);
    } catch (e) {
      if (ranOut(e)) return undefined;
      throw moved(e, g, next - skip, ctx);
    }
    if (skip !== 0) vs = vs.slice(skip);
    if (f.kind === SlotKind.Middle) {
      prev = f;
      prevCount = vs.length;
    }
    return vs;
  };
  /**
   * The rest of the stream from element `f` on, read by the whole-list reader as `[rest`:
   * what the whole reader reads there, whatever the framer made of it. Bounded like one element.
   */
  const rest = (f: JsvFrame, text: string): unknown[] => {
    const whole: JsvFrame = { ...f, text, kind: SlotKind.Unclosed };
    const j = joinedWithPrev(whole);
    const g = j ?? whole;
    const skip = j !== undefined ? prevCount : 0;
    try {
      return (decodeJsv(list, '[' + g.text, options) as unknown[]).slice(skip);
    } catch (e) {
      throw moved(e, g, next - skip, ctx);
    }
  };
  const take = (): JsvFrame | undefined => {
    try {
      return framer.take();
    } catch (e) {
      throw framingError(e, ctx);
    }
  };
  const step = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      throw framingError(e, ctx);
    }
  };
  const raw = new RawText();
  /** The element whose reading ran out of text: from there on the stream is read whole. */
  let doubt: JsvFrame | undefined;
  const tooLong = (f: JsvFrame): DtoFormatError =>
    framingError(elementTooLong(maxLength, raw.end - f.offset, f.index, f.line, f.column), ctx);
  for await (const chunk of textChunks(source, ctx)) {
    raw.push(chunk);
    if (doubt !== undefined) {
      if (raw.end - doubt.offset > maxLength) throw tooLong(doubt);
      continue;
    }
    step(() => framer.push(chunk));
    for (let f = take(); f !== undefined; f = take()) {
      const vs = values(f);
      if (vs === undefined) {
        doubt = f;
        break;
      }
      raw.dropBefore(f.offset + f.text.length);
      for (const v of vs) {
        next++;
        yield v;
      }
    }
  }
  if (doubt === undefined) {
    step(() => framer.end());
    for (let f = take(); f !== undefined; f = take()) {
      const vs = values(f);
      if (vs === undefined) {
        doubt = f;
        break;
      }
      for (const v of vs) {
        next++;
        yield v;
      }
      // The framer found no end to this element, yet the reader read the rest of the stream as
      // the list's end (brackets the framer counts and the reader skips): the reader decides.
      if (f.kind === SlotKind.Unclosed) return;
    }
  }
  if (doubt !== undefined) {
    for (const v of rest(doubt, raw.from(doubt.offset))) {
      next++;
      yield v;
    }
  }
}

/**
 * The writer of one element: its text inside the whole list's output (`encodeJsv` of a
 * one-element list, without its brackets), so a null element (an empty slot, `{}`, `null`)
 * and the quoting of a scalar element are the whole-list writer's.
 */
export function jsvElementWriter(elementType: TypeDescriptor, options: JsvEncodeOptions | undefined): CollectionWriter {
  if (options?.pretty === true) {
    throw usageError('a JSV stream writes compact JSV: the pretty layout is a whole document (encode it with encode)');
  }
  const list = listOf(elementType);
  const name = rootName(elementType);
  // Bad options are the caller's mistake: refused before anything is written.
  encodeJsv(list, [], options);
  return {
    open: '[',
    separator: ',',
    close: ']',
    empty: '[]',
    element(value) {
      let text: string;
      try {
        text = encodeJsv(list, [value], options);
      } catch (e) {
        throw asElementError(e, name);
      }
      return text.slice(1, text.length - 1);
    },
  };
}

/**
 * Writes a JSV list of `elementType` from an (async) iterable, as text chunks whose
 * concatenation is exactly `encodeJsv(List<T>, [...items], options)`. `pretty` is refused.
 */
export function encodeJsvStream(
  elementType: TypeDescriptor,
  items: ItemSource,
  options?: JsvEncodeOptions,
): AsyncGenerator<string, void, undefined> {
  const ctx: StreamContext = { format: 'JSV', typeName: typeLabel(listOf(elementType)) };
  return encodeFramed(items, jsvElementWriter(elementType, options), ctx);
}
