/**
 * Streaming a JSON array (`[elem, elem, …]`) element by element, and writing one from an
 * (async) iterable, in bounded memory (common/stream.ts has the design).
 *
 * The framer only knows JSON's punctuation: whitespace, `[`, `,`, `]`, strings (with their
 * backslash escapes) and `{}`/`[]` nesting. Each element's text is decoded by `decodeJson` for
 * the element type, so what an element may contain, and every error inside one, is exactly the
 * whole-document reader's; the few places where an element of a list reads differently from a
 * root document (a `null` element, a BOM, the list's own level of nesting) go through the
 * whole-list reader on that one element (`asListElement`), so no rule is written twice here.
 *
 * Limits of a stream: one element's text may be at most `maxDocumentLength` UTF-16 units (the
 * decode option, default 2²⁸), a `documentLength` error raised as soon as the element grows
 * past it; the number of elements is unbounded (that is the point of streaming:
 * `maxCollectionLength` bounds the lists inside an element, not the stream). The other limits
 * apply inside each element as in a whole document.
 */
import { DtoFormatError, type DtoErrorCode, type FormatName } from '../../errors.js';
import { listOf, typeLabel, type TypeDescriptor } from '../../schema/descriptors.js';
import type { DecodeLimitOptions } from '../codec.js';
import { Failure } from '../common/failure.js';
import { DEFAULT_LIMITS, limitDetail } from '../common/limits.js';
import { checkLimits } from '../common/options.js';
import {
  FrameQueue,
  decodeFramed,
  encodeFramed,
  LineCounter,
  type CollectionWriter,
  type Frame,
  type Framer,
  type ItemSource,
  type StreamContext,
  type StreamSource,
} from '../common/stream.js';
import { decodeJson, encodeJson } from './index.js';
import { jsonDecodeDefaults, type JsonDecodeOptions, type JsonEncodeOptions } from './options.js';

/**
 * The longest element text a stream accepts when no `maxDocumentLength` option is given: the
 * whole-document default (`DEFAULT_LIMITS.maxDocumentLength`, 2²⁸ UTF-16 units, 256 MiB of
 * ASCII), so that a stream never holds more than one such element plus one chunk.
 */
export const MAX_ELEMENT_LENGTH = DEFAULT_LIMITS.maxDocumentLength;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** JSON whitespace, the set `decodeJson` skips between tokens. */
function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Characters that end a bare token (`123`, `true`): whitespace and JSON punctuation, as the reader delimits them. */
const DELIMITER = new Uint8Array(128);
for (const ch of ' \t\n\r,:{}[]"') DELIMITER[ch.charCodeAt(0)] = 1;

/** The character at `i` as the JSON reader shows it in messages: `'x'`, `"\u0001"`, `end of input`. */
function charAt(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? JSON.stringify(ch) : `'${ch}'`;
}

/**
 * The element-length limit of a stream: `maxDocumentLength` of the options (the limit of a
 * whole document applies to each element's text; a stream as a whole has no length limit),
 * checked as every decode limit is.
 */
export function maxElementLength(format: FormatName, options: DecodeLimitOptions | undefined): number {
  return checkLimits(format, options).maxDocumentLength;
}

/** The failure of an element longer than the limit (code `documentLength`), at the element's start. */
export function elementTooLong(limit: number, length: number, index: number, line: number, column: number): Failure {
  return new Failure({ line, column, ...limitDetail('maxDocumentLength', limit, `an element of at least ${length} characters`) }).at(index);
}

const enum State {
  /** Before the `[`: whitespace only. */
  Before,
  /** Just after `[`: whitespace, then `]` (empty) or the first element. */
  Open,
  /** Inside an element's text. */
  Element,
  /** After an element: whitespace, then `,` or `]`. */
  After,
  /** After a `,`: whitespace, then an element. */
  Comma,
  /** After the `]`: whitespace only. */
  Closed,
  /** A failure was queued: nothing more is read. */
  Failed,
}

const enum Mode {
  /** An object or array: ends when its nesting returns to 0. */
  Container,
  /** A string at the top level: ends at its closing quote. */
  String,
  /** A number or a word: ends before the next delimiter. */
  Bare,
}

/**
 * Cuts a JSON array's text into element texts. Each character is looked at once (the state
 * of a partly seen element, string or escape is kept across chunks), only the current chunk
 * and the pieces of the element being read are held, and a piece is joined once, when its
 * element is complete: memory is one element plus one chunk, time is linear whatever the
 * chunk sizes.
 */
export class JsonArrayFramer implements Framer {
  /** The chunk being scanned. */
  private cur = '';
  /** Next index of `cur` to scan. */
  private i = 0;
  /** Stream offset of `cur[0]`. */
  private base = 0;
  private readonly lines = new LineCounter();
  private state = State.Before;
  private index = 0;
  private readonly queue = new FrameQueue<Frame>();
  // The element being read: its text in earlier chunks, and where it starts in `cur`.
  private parts: string[] = [];
  private partsLength = 0;
  private start = 0;
  private line = 1;
  private column = 1;
  private mode = Mode.Bare;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** In `cur`: the next `"` at or after the scan (`cur.length`: none; below the scan: not looked for yet). */
  private nextQuote = -1;
  /** In `cur`: the next `\\` at or after the scan (`cur.length`: none; below the scan: not looked for yet). */
  private nextBackslash = -1;

  /**
   * `label` names the collection in the envelope errors that have no element
   * (`List<CustomerInfo>`), `elementLabel` the element (`CustomerInfo`); `maxLength` bounds one
   * element's text.
   */
  constructor(
    private readonly label: string,
    private readonly elementLabel: string,
    private readonly maxLength: number = MAX_ELEMENT_LENGTH,
  ) {}

  push(text: string): void {
    if (this.state === State.Failed || text.length === 0) return;
    this.countTo(this.cur.length);
    if (this.state === State.Element) {
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
    this.nextQuote = -1;
    this.nextBackslash = -1;
    this.scan();
  }

  take(): Frame | undefined {
    return this.queue.take();
  }

  end(): void {
    const n = this.cur.length;
    switch (this.state) {
      case State.Failed:
      case State.Closed:
        return;
      case State.Before:
        this.fail(n, 'syntax', this.label, undefined);
        return;
      case State.Open:
      case State.Comma:
        // As the whole-list reader: a missing element, reported by the element reader at the end.
        this.beginElement(n);
        this.emit(n);
        this.fail(n, 'syntax', "',' or ']'", this.index - 1);
        return;
      case State.Element:
        if (this.mode !== Mode.Bare) {
          // Cut short inside a string or container: the element reader says what is missing, where.
          this.emit(n);
          this.fail(n, 'syntax', "',' or ']'", this.index - 1);
          return;
        }
        this.complete(n);
        if ((this.state as State) !== State.After) return;
        break;
    }
    // After an element, the list is still open.
    this.fail(n, 'syntax', "',' or ']'", this.index - 1);
  }

  /** Counts lines up to `cur[to]`. */
  private countTo(to: number): void {
    const from = this.lines.offset - this.base;
    if (to > from) this.lines.count(this.cur, from, to);
  }

  /** Queues a framing failure at `cur[at]` (after the frames already found) and stops reading. */
  private fail(at: number, code: DtoErrorCode, expected: string | undefined, index: number | undefined, detail?: string, found?: string): void {
    this.countTo(at);
    const d: { code: DtoErrorCode; line: number; column: number; expected?: string; found: string; detail?: string } = {
      code,
      line: this.lines.line,
      column: this.lines.columnOf(this.base + at),
      found: found ?? charAt(this.cur, at),
    };
    if (expected !== undefined) d.expected = expected;
    if (detail !== undefined) d.detail = detail;
    const f = new Failure(d);
    if (index !== undefined && index >= 0) f.at(index);
    this.queue.fail(f);
    this.state = State.Failed;
  }

  private beginElement(at: number): void {
    this.countTo(at);
    this.start = at;
    this.line = this.lines.line;
    this.column = this.lines.columnOf(this.base + at);
    this.parts = [];
    this.partsLength = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.state = State.Element;
  }

  private emit(end: number): void {
    const tail = this.cur.slice(this.start, end);
    const text = this.parts.length === 0 ? tail : this.parts.join('') + tail;
    this.parts = [];
    this.partsLength = 0;
    this.queue.push({ text, index: this.index, line: this.line, column: this.column });
    this.index++;
  }

  private tooLong(length: number): void {
    this.queue.fail(elementTooLong(this.maxLength, length, this.index, this.line, this.column));
    this.parts = [];
    this.state = State.Failed;
  }

  private complete(end: number): void {
    const length = this.partsLength + end - this.start;
    if (length > this.maxLength) {
      this.tooLong(length);
      return;
    }
    this.emit(end);
    this.state = State.After;
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
          if (isWhitespace(c)) {
            i++;
            continue;
          }
          if (c === LBRACKET) {
            i++;
            this.state = State.Open;
            continue;
          }
          // What the whole-list reader reports here (same code, expected and found), and why.
          if (c === LBRACE) {
            this.fail(i, 'type', this.label, undefined,
              `a stream reads a JSON array; a single ${this.elementLabel} object is one document: use decode`, 'an object');
          } else {
            this.fail(i, 'syntax', this.label, undefined, 'a stream reads a JSON array');
          }
          continue;
        }
        case State.Open:
        case State.Comma: {
          const c = b.charCodeAt(i);
          if (isWhitespace(c)) {
            i++;
            continue;
          }
          if (c === RBRACKET && this.state === State.Open) {
            i++;
            this.state = State.Closed;
            continue;
          }
          this.beginElement(i);
          if (c === LBRACE || c === LBRACKET) {
            this.mode = Mode.Container;
            this.depth = 1;
          } else if (c === QUOTE) {
            this.mode = Mode.String;
            this.inString = true;
          } else if (c < 128 && DELIMITER[c] === 1) {
            // `,` `:` `]` `}` where a value belongs: a one-character element the reader refuses
            // exactly as the whole list's reader does (same message, same place).
            this.emit(i + 1);
            this.fail(i + 1, 'syntax', "',' or ']'", this.index - 1);
            continue;
          } else {
            this.mode = Mode.Bare;
          }
          i++;
          continue;
        }
        case State.Element: {
          i = this.mode === Mode.Bare ? this.scanBare(i) : this.scanNested(i);
          if (this.state === State.Element) {
            const length = this.partsLength + i - this.start;
            if (length > this.maxLength) this.tooLong(length);
          }
          continue;
        }
        case State.After: {
          const c = b.charCodeAt(i);
          if (isWhitespace(c)) {
            i++;
            continue;
          }
          if (c === COMMA) {
            i++;
            this.state = State.Comma;
          } else if (c === RBRACKET) {
            i++;
            this.state = State.Closed;
          } else {
            this.fail(i, 'syntax', "',' or ']'", this.index - 1, 'a missing comma between two elements?');
          }
          continue;
        }
        case State.Closed: {
          const c = b.charCodeAt(i);
          if (isWhitespace(c)) {
            i++;
            continue;
          }
          this.fail(i, 'syntax', 'end of input', undefined, `text after the ']' that closes the ${this.label}`);
          continue;
        }
      }
    }
    this.i = i;
  }

  /** A bare token: up to the next delimiter. */
  private scanBare(from: number): number {
    const b = this.cur;
    const n = b.length;
    let i = from;
    while (i < n) {
      const c = b.charCodeAt(i);
      if (c < 128 && DELIMITER[c] === 1) {
        this.complete(i);
        return i;
      }
      i++;
    }
    return i;
  }

  /**
   * A string or a container: strings with their escapes, `{}`/`[]` counted until the nesting
   * closes. Inside a string the next `"` and the next `\\` are found with `indexOf` (most of a
   * DTO's text is string content) and remembered, so no character is searched twice.
   */
  private scanNested(from: number): number {
    const b = this.cur;
    const n = b.length;
    let i = from;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let nq = this.nextQuote;
    let nb = this.nextBackslash;
    while (i < n) {
      if (inString) {
        if (escaped) {
          // The character after a backslash, whatever it is (the reader checks the escape).
          escaped = false;
          i++;
          continue;
        }
        if (nq < i) {
          nq = b.indexOf('"', i);
          if (nq < 0) nq = n;
        }
        if (nb < i) {
          nb = b.indexOf('\\', i);
          if (nb < 0) nb = n;
        }
        if (nb < nq) {
          // An escape before the next quote (which may be the escaped one).
          i = nb + 1;
          escaped = true;
          continue;
        }
        if (nq === n) {
          // The string goes on in the next chunk.
          i = n;
          break;
        }
        i = nq + 1;
        inString = false;
        if (depth === 0) {
          this.save(depth, inString, escaped, nq, nb);
          this.complete(i);
          return i;
        }
        continue;
      }
      const c = b.charCodeAt(i++);
      if (c === QUOTE) {
        inString = true;
      } else if (c === LBRACE || c === LBRACKET) {
        depth++;
      } else if (c === RBRACE || c === RBRACKET) {
        if (--depth === 0) {
          this.save(depth, inString, escaped, nq, nb);
          this.complete(i);
          return i;
        }
      }
    }
    this.save(depth, inString, escaped, nq, nb);
    return i;
  }

  private save(depth: number, inString: boolean, escaped: boolean, nextQuote: number, nextBackslash: number): void {
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.nextQuote = nextQuote;
    this.nextBackslash = nextBackslash;
  }
}

// ---------------------------------------------------------------------------------------------
// Elements

/** `[0].x` → `x`, `[0][1]` → `[1]`, `[0]` → ``: a one-element list's path as the element's own. */
function withoutFirstIndex(path: string | undefined): string | undefined {
  if (path === undefined || !path.startsWith('[0]')) return path;
  const rest = path.slice(3);
  return rest.startsWith('.') ? rest.slice(1) : rest;
}

/**
 * An error of a one-element list `[text]` as the error of `text` itself: the element's path,
 * and a position in `text` (one column to the left on the first line, where the `[` was).
 */
export function asElementError(e: unknown, typeName: string): unknown {
  if (!(e instanceof DtoFormatError)) return e;
  const d = e.details();
  const out: { -readonly [K in keyof typeof d]: (typeof d)[K] } = { ...d, typeName };
  const path = withoutFirstIndex(d.path);
  if (path) out.path = path;
  else delete out.path;
  if (d.line === 1 && d.column !== undefined) out.column = Math.max(1, d.column - 1);
  return new DtoFormatError(out);
}

function rootName(t: TypeDescriptor): string {
  return t.kind === 'class' || t.kind === 'enum' ? t.name : typeLabel(t);
}

/**
 * The reader of one element's text: `decodeJson` for the element type, except where an
 * element of a list reads differently from a root document, which the whole-list reader then
 * decides on `[text]`: a `null` (a root refuses it, a list of reference types takes it), a
 * leading BOM (skipped at the root, not in a list), and a nesting-depth error (the list is one
 * level deeper).
 */
export function jsonElementReader(elementType: TypeDescriptor, options: JsonDecodeOptions | undefined): (text: string) => unknown {
  const list = listOf(elementType);
  const name = rootName(elementType);
  const asListElement = (text: string): unknown => {
    try {
      return (decodeJson(list, '[' + text + ']', options) as unknown[])[0];
    } catch (e) {
      throw asElementError(e, name);
    }
  };
  // An element sits one level inside the list: read alone, it gets one level less, and a
  // depth error is then the list reader's to report (its message names the option's value).
  const maxDepth = options?.maxDepth ?? jsonDecodeDefaults.maxDepth;
  if (maxDepth <= 1) return asListElement;
  const elementOptions: JsonDecodeOptions = maxDepth === Infinity ? options ?? {} : { ...options, maxDepth: maxDepth - 1 };
  return (text) => {
    if (text.charCodeAt(0) === 0xfeff) return asListElement(text);
    try {
      return decodeJson(elementType, text, elementOptions);
    } catch (e) {
      if (e instanceof DtoFormatError && (e.code === 'depth' || (!e.path && e.code === 'type' && e.found === 'null'))) {
        return asListElement(text);
      }
      throw e;
    }
  };
}

/**
 * The writer of one element: its text inside the whole list's output (`encodeJson` of a
 * one-element list, without the list's brackets), so a null element, and the pretty layout's
 * indentation, are the whole-list writer's. `open`, `separator` and `close` are the list's own.
 */
export function jsonElementWriter(elementType: TypeDescriptor, options: JsonEncodeOptions | undefined): CollectionWriter {
  const list = listOf(elementType);
  const name = rootName(elementType);
  const nl = options?.newline ?? '\n';
  const pretty = options?.pretty === true;
  // Bad options are the caller's mistake: refused before anything is written.
  encodeJson(list, [], options);
  // The pretty layout of a non-empty list (encode.ts `indentJson`): `[`, each element on its
  // own line indented by two spaces, `]` on its own line; an empty list stays `[]`.
  const open = pretty ? '[' + nl + '  ' : '[';
  const separator = pretty ? ',' + nl + '  ' : ',';
  const close = pretty ? nl + ']' : ']';
  return {
    open,
    separator,
    close,
    empty: '[]',
    element(value) {
      let text: string;
      try {
        text = encodeJson(list, [value], options);
      } catch (e) {
        throw asElementError(e, name);
      }
      return text.slice(open.length, text.length - close.length);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Reads a JSON array of `elementType` element by element (an async iterator of the decoded
 * elements), reading the next chunk of `source` only when the consumer asks for more.
 * Each element is what `decodeJson(List<T>, wholeText)` gives at its index; an error names
 * `List<T>[i]` and its line:column in the whole stream, and every element yielded before it is
 * complete. A JSON object at the top level is refused (decode it with `decodeJson`).
 */
export function decodeJsonStream(
  elementType: TypeDescriptor,
  source: StreamSource,
  options?: JsonDecodeOptions,
): AsyncGenerator<unknown, void, undefined> {
  const ctx: StreamContext = { format: 'JSON', typeName: typeLabel(listOf(elementType)) };
  // Bad options are the caller's mistake: refused before anything is read.
  decodeJson(listOf(elementType), '[]', options);
  const read = jsonElementReader(elementType, options);
  const framer = new JsonArrayFramer(ctx.typeName, rootName(elementType), maxElementLength('JSON', options));
  return decodeFramed(source, framer, (f) => read(f.text), ctx);
}

/**
 * Writes a JSON array of `elementType` from an (async) iterable, as text chunks whose
 * concatenation is exactly `encodeJson(List<T>, [...items], options)`, `pretty` included.
 * The next item is taken only when the consumer wants more text.
 */
export function encodeJsonStream(
  elementType: TypeDescriptor,
  items: ItemSource,
  options?: JsonEncodeOptions,
): AsyncGenerator<string, void, undefined> {
  const ctx: StreamContext = { format: 'JSON', typeName: typeLabel(listOf(elementType)) };
  return encodeFramed(items, jsonElementWriter(elementType, options), ctx);
}
