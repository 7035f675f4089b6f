/**
 * The framer of a DataContract collection document (`<ArrayOfCustomerInfo …>` and its
 * children): it cuts the text, as it arrives in chunks, into pieces that the whole-document
 * XML reader then decodes (src/formats/xml/stream.ts). It only knows where markup begins and
 * ends — tags with their quoted attribute values, comments, CDATA sections, processing
 * instructions — and never judges well-formedness: wherever it sees something the reader will
 * refuse (a DOCTYPE, text outside the root, `<` that starts no markup, nesting past
 * `maxDepth`), it stops and hands over the text up to a little past that point as a `broken`
 * piece, so the reader's own error, with its wording and position, is what the user gets.
 *
 * Linear: each character is looked at once by a native search (`indexOf` for `<`, `>`, quotes
 * and terminators, the next quote and `>` of a buffer remembered so no search is repeated),
 * never rescanned when a chunk ends inside a construct (the state is kept instead: the quote
 * being read, the terminator being looked for), and a chunk boundary costs at most the few
 * characters of an unfinished `<!-` kept for the next chunk. Bounded memory: the text of the
 * piece being read plus one chunk; whitespace between pieces is dropped as it is passed.
 */
import type { Frame, Framer } from '../common/stream.js';
import { Failure } from '../common/failure.js';
import { limitDetail } from '../common/limits.js';

/** One piece of a collection document, cut by `XmlFramer`. */
export interface XmlPiece extends Frame {
  /**
   * Where the text lies: `prolog` is the document's start through the root start tag (the
   * declaration, comments and PIs before it included), `content` is inside the root (one child
   * element with whatever comments or text precede it, or the root's end tag with what precedes
   * it), `epilog` one comment or PI after the root.
   */
  readonly where: 'prolog' | 'content' | 'epilog';
  /** A whole child element (with what precedes it since the previous piece): an element of the collection, if its name is the item's. */
  readonly element: boolean;
  /**
   * The framer stopped here: the input ended inside something, or the text cannot be
   * well-formed at its end. Decoding it must fail; the reader's error says why and where.
   */
  readonly broken: boolean;
  /**
   * The stream's text right after the piece, up to 64 UTF-16 units (less only at the end of
   * the input): what the reader's message quotes when it fails at the piece's last characters
   * (`got ">\n  <Item>…"`). Empty for a broken piece, whose text already runs past the point.
   */
  readonly after: string;
}

/** The root start tag, once read. */
export interface RootTag {
  /** Its text, exactly as in the stream. */
  readonly text: string;
  /** Its qualified name (`ArrayOfCustomerInfo`, or `a:ArrayOfint` if the writer chose a prefix). */
  readonly qname: string;
  /** `<ArrayOfX … />`: the collection is empty and the document ends with its epilog. */
  readonly selfClosing: boolean;
  /** 1-based position of its `<` in the stream. */
  readonly line: number;
  readonly column: number;
}

/** What bounds an `XmlFramer`: the reader's `maxDepth`, and the longest piece it holds. */
export interface XmlFramerOptions {
  /** Element nesting (root = 1) past which the framer stops (the reader's `maxDepth` error follows). */
  readonly maxDepth: number;
  /** Longest piece (UTF-16 units); a longer one is a `documentLength` error at the first unit past it. */
  readonly maxPieceLength: number;
}

// Phases of the document.
const PROLOG = 0;
const CONTENT = 1;
const EPILOG = 2;
const DONE = 3;

// What is being read when a chunk ends.
const OUT = 0; // between constructs (text, whitespace)
const START_TAG = 1; // after `<name`, up to `>` outside quotes
const END_TAG = 2; // after `</`, up to `>`
const COMMENT = 3; // after `<!--`, up to the first `--` (which must be followed by `>`)
const CDATA = 4; // after `<![CDATA[`, up to `]]>`
const PI = 5; // after `<?`, up to `?>`
const BROKEN = 6; // stopped; waiting for a little more text for the reader's message

/** Text kept past the point where the framer stops, and after each piece, so the reader's message can quote it. */
const LOOKAHEAD = 64;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Could start an element name (the reader decides whether it does). */
function mayStartName(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 0x80;
}

/**
 * Line and column of stream offsets, as `lineCol` counts them (`\r\n`, `\n` and a lone `\r`
 * each end a line), found by native search: the next `\n` and `\r` of the buffer are
 * remembered, so counting a whole buffer in many small steps searches it once.
 */
class Lines {
  line = 1;
  /** Stream offset of the start of `line`. */
  lineStart = 0;
  private afterCr = false;
  private nl = -2;
  private cr = -2;

  /** A new buffer: the remembered positions were in the old one. */
  reset(): void {
    this.nl = -2;
    this.cr = -2;
  }

  /** Counts `text[from, to)`, where `text[0]` is at stream offset `base`. */
  count(text: string, from: number, to: number, base: number): void {
    if (from >= to) return;
    let i = from;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(i) === 10) {
        i++;
        this.lineStart = base + i;
      }
    }
    for (;;) {
      if (this.nl !== -1 && this.nl < i) this.nl = text.indexOf('\n', i);
      if (this.cr !== -1 && this.cr < i) this.cr = text.indexOf('\r', i);
      const nl = this.nl;
      const cr = this.cr;
      const b = nl === -1 ? cr : cr === -1 ? nl : nl < cr ? nl : cr;
      if (b === -1 || b >= to) return;
      this.line++;
      i = b + 1;
      if (b === cr) {
        if (i === to) this.afterCr = true;
        else if (text.charCodeAt(i) === 10) i++;
      }
      this.lineStart = base + i;
    }
  }
}

/**
 * Cuts a DataContract collection document into `XmlPiece`s: first the prolog with the root
 * start tag, then each child element, then the root's end tag, then each comment or PI after
 * it. `push` the text as it arrives, `take` pieces until it gives undefined, and call `end`
 * once the input is over (then `take` gives what remains, a `broken` piece if the document was
 * cut short). Throws a `Failure` only for a piece over `maxPieceLength`.
 */
export class XmlFramer implements Framer {
  /** The root start tag, from the moment its piece has been taken. */
  root: RootTag | undefined;

  private readonly maxDepth: number;
  private readonly maxPiece: number;
  private buf = '';
  /** Next unread character of `buf`. */
  private pos = 0;
  /** Stream offset of `buf[0]`. */
  private base = 0;
  /** How far `buf` has been counted into `lines`. */
  private counted = 0;
  private readonly lines = new Lines();

  /** The piece being read: its start in `buf` (-1: none), its text from earlier buffers, its position. */
  private pieceStart = 0;
  private parts: string[] = [];
  private partsLength = 0;
  private pieceLine = 1;
  private pieceColumn = 1;
  private elements = 0;

  private phase = PROLOG;
  private state = OUT;
  /** Open elements inside the root (0: between children). */
  private depth = 0;
  /** In a start tag: the quote of the attribute value being read (0: none). */
  private quote = 0;
  /** In a start tag: the previous buffer ended in `/` outside quotes. */
  private slash = false;
  /** The root start tag: where it starts in the prolog piece (offset in the piece's text). */
  private rootAt = 0;
  private rootLine = 1;
  private rootColumn = 1;
  /** BROKEN: where the framer stopped (offset in the piece's text). */
  private brokenAt = 0;
  private ended = false;
  /** A piece that ends at `pos`, held until LOOKAHEAD characters after it have arrived. */
  private pending: { where: XmlPiece['where']; element: boolean } | undefined;

  /** Next `>`, `"`, `'` at or after the last search (-1: none in `buf`; -2: not searched in this buffer). */
  private gt = -2;
  private dq = -2;
  private sq = -2;
  /** The name of the last child read by the fast path, and its end tag and start. */
  private fastName = '';
  private fastClose = '';
  private fastOpen = '';
  /** Where the start tag being read began in `buf` (-1: in an earlier buffer). */
  private tagAt = -1;

  constructor(options: XmlFramerOptions) {
    this.maxDepth = options.maxDepth;
    this.maxPiece = options.maxPieceLength;
  }

  push(text: string): void {
    if (this.ended) throw new Error('XmlFramer: push after end');
    if (text.length === 0) return;
    this.compact();
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    // Remembered search results were about the old buffer's end.
    this.lines.reset();
    this.forget();
  }

  end(): void {
    this.ended = true;
  }

  /** Remembered search results are about one buffer. */
  private forget(): void {
    this.gt = this.dq = this.sq = -2;
    this.tagAt = -1;
  }

  /** Moves what has been read out of `buf`: into the piece's parts, or dropped; counts its lines. */
  private compact(): void {
    const s = this.buf;
    const pos = this.pos;
    if (pos === 0) return;
    this.lines.count(s, this.counted, pos, this.base);
    if (this.pieceStart >= 0) {
      if (pos > this.pieceStart) {
        this.parts.push(s.slice(this.pieceStart, pos));
        this.partsLength += pos - this.pieceStart;
      }
      this.pieceStart = 0;
    }
    this.buf = s.slice(pos);
    this.base += pos;
    this.pos = 0;
    this.counted = 0;
    this.lines.reset();
    this.forget();
  }

  /** Position (line, column) of `buf[i]`, counting up to it. */
  private locate(i: number): void {
    this.lines.count(this.buf, this.counted, i, this.base);
    this.counted = i;
  }

  private startPiece(i: number): void {
    this.locate(i);
    this.pieceStart = i;
    this.pieceLine = this.lines.line;
    this.pieceColumn = this.base + i - this.lines.lineStart + 1;
  }

  /** Length of the piece being read if it ended at `buf[i]`. */
  private pieceLength(i: number): number {
    return this.partsLength + i - this.pieceStart;
  }

  /** The piece being read, ending at `buf[end]`; the framer moves on to `pos`. */
  private cut(end: number, where: XmlPiece['where'], element: boolean, broken: boolean): XmlPiece {
    this.checkLength(end);
    const s = this.buf;
    let text = s.slice(this.pieceStart, end);
    if (this.parts.length !== 0) {
      this.parts.push(text);
      text = this.parts.join('');
      this.parts = [];
      this.partsLength = 0;
    }
    const index = this.elements;
    if (element) this.elements++;
    this.pieceStart = -1;
    const after = broken ? '' : s.slice(end, end + LOOKAHEAD);
    if (where === 'prolog' && !broken) {
      const root = text.slice(this.rootAt);
      const m = /^<([^\s/>]+)/.exec(root);
      this.root = {
        text: root,
        qname: m ? m[1]! : '',
        selfClosing: this.phase === EPILOG,
        line: this.rootLine,
        column: this.rootColumn,
      };
    }
    return { text, index, line: this.pieceLine, column: this.pieceColumn, where, element, broken, after };
  }

  /** The piece being read ends at `buf[i]`: it is given once LOOKAHEAD characters after it are in (or the input is over). */
  private complete(i: number, where: XmlPiece['where'], element: boolean): XmlPiece | undefined {
    this.pos = i;
    if (this.buf.length - i >= LOOKAHEAD || this.ended) return this.cut(i, where, element, false);
    this.pending = { where, element };
    return undefined;
  }

  private checkLength(end: number): void {
    if (this.pieceStart < 0 || this.pieceLength(end) <= this.maxPiece) return;
    // The first unit past the limit, in the stream.
    const over = this.maxPiece - this.partsLength + this.pieceStart;
    let line = this.pieceLine;
    let column = this.pieceColumn;
    if (over >= 0) {
      this.locate(over);
      line = this.lines.line;
      column = this.base + over - this.lines.lineStart + 1;
    }
    const what = this.phase === PROLOG ? 'a prolog and root start tag' : this.phase === CONTENT ? 'an element' : 'a comment or PI';
    const d = limitDetail('maxDocumentLength', this.maxPiece, `${what} of more than ${this.maxPiece} characters`);
    const f = new Failure({ line, column, ...d });
    throw this.phase === CONTENT ? f.at(this.elements) : f;
  }

  private broken(i: number): void {
    this.state = BROKEN;
    this.brokenAt = this.pieceLength(i);
  }

  take(): XmlPiece | undefined {
    if (this.pending !== undefined) {
      if (this.buf.length - this.pos < LOOKAHEAD && !this.ended) return undefined;
      const { where, element } = this.pending;
      this.pending = undefined;
      return this.cut(this.pos, where, element, false);
    }
    if (this.phase === DONE) return undefined;
    const s = this.buf;
    const len = s.length;
    let i = this.pos;
    for (;;) {
      switch (this.state) {
        case OUT: {
          if (this.phase === CONTENT && this.depth > 0) {
            const lt = s.indexOf('<', i);
            if (lt < 0) {
              i = len;
              break;
            }
            i = lt;
          } else {
            while (i < len && isWs(s.charCodeAt(i))) i++;
            if (i >= len) break;
            if (this.pieceStart < 0) this.startPiece(i);
            if (s.charCodeAt(i) !== 60) {
              if (this.phase !== CONTENT) {
                this.broken(i);
                continue;
              }
              // Text between children: the reader judges it (only references to whitespace pass).
              const lt = s.indexOf('<', i);
              if (lt < 0) {
                i = len;
                break;
              }
              i = lt;
            }
          }
          // s[i] is '<': what does it open?
          if (i + 1 >= len) break;
          const c1 = s.charCodeAt(i + 1);
          if (c1 === 47) {
            if (this.phase !== CONTENT) {
              this.broken(i);
              continue;
            }
            this.state = END_TAG;
            i += 2;
          } else if (c1 === 63) {
            this.state = PI;
            i += 2;
          } else if (c1 === 33) {
            const avail = len - i;
            if (avail >= 4 && s.startsWith('<!--', i)) {
              this.state = COMMENT;
              i += 4;
            } else if (avail >= 9 && s.startsWith('<![CDATA[', i)) {
              if (this.phase !== CONTENT) {
                this.broken(i);
                continue;
              }
              this.state = CDATA;
              i += 9;
            } else {
              const head = s.slice(i, i + 9);
              if ((avail < 4 && '<!--'.startsWith(head)) || (avail < 9 && '<![CDATA['.startsWith(head))) break;
              this.broken(i); // a DOCTYPE or unknown markup
              continue;
            }
          } else if (mayStartName(c1)) {
            if (this.phase === EPILOG || (this.phase === CONTENT && this.depth + 2 > this.maxDepth)) {
              this.broken(i);
              continue;
            }
            if (this.phase === PROLOG) {
              this.locate(i);
              this.rootAt = this.pieceLength(i);
              this.rootLine = this.lines.line;
              this.rootColumn = this.base + i - this.lines.lineStart + 1;
            }
            this.state = START_TAG;
            this.tagAt = i;
            this.quote = 0;
            this.slash = false;
            i += 2;
          } else {
            this.broken(i);
            continue;
          }
          continue;
        }

        case START_TAG: {
          let gt = -1;
          for (;;) {
            if (this.quote !== 0) {
              const q = s.indexOf(this.quote === 34 ? '"' : "'", i);
              if (q < 0) {
                i = len;
                break;
              }
              i = q + 1;
              this.quote = 0;
            }
            if (this.gt !== -1 && this.gt < i) this.gt = s.indexOf('>', i);
            if (this.dq !== -1 && this.dq < i) this.dq = s.indexOf('"', i);
            if (this.sq !== -1 && this.sq < i) this.sq = s.indexOf("'", i);
            const dq = this.dq;
            const sq = this.sq;
            const q = dq === -1 ? sq : sq === -1 ? dq : dq < sq ? dq : sq;
            if (q !== -1 && (this.gt === -1 || q < this.gt)) {
              this.quote = s.charCodeAt(q);
              i = q + 1;
              continue;
            }
            gt = this.gt;
            if (gt === -1) {
              this.slash = len > i && s.charCodeAt(len - 1) === 47;
              i = len;
            }
            break;
          }
          if (gt < 0) break;
          const selfClosing = gt > 0 ? s.charCodeAt(gt - 1) === 47 : this.slash;
          i = gt + 1;
          this.state = OUT;
          if (this.phase === PROLOG) {
            this.phase = selfClosing ? EPILOG : CONTENT;
            return this.complete(i, 'prolog', false);
          }
          if (this.depth === 0) {
            if (selfClosing) return this.complete(i, 'content', true);
            const end = this.tagAt >= 0 ? this.fastEnd(s, this.tagAt, i) : -1;
            if (end >= 0) return this.complete(end, 'content', true);
          }
          if (!selfClosing) this.depth++;
          continue;
        }

        case END_TAG: {
          if (this.gt !== -1 && this.gt < i) this.gt = s.indexOf('>', i);
          if (this.gt === -1) {
            i = len;
            break;
          }
          i = this.gt + 1;
          this.state = OUT;
          if (this.depth === 0) {
            this.phase = EPILOG;
            return this.complete(i, 'content', false);
          }
          if (--this.depth === 0) return this.complete(i, 'content', true);
          continue;
        }

        case COMMENT: {
          const k = s.indexOf('--', i);
          if (k < 0) {
            i = len - 1 >= i && s.charCodeAt(len - 1) === 45 ? len - 1 : len;
            break;
          }
          if (k + 2 >= len) {
            i = k;
            break;
          }
          if (s.charCodeAt(k + 2) !== 62) {
            this.broken(k); // '--' inside a comment
            continue;
          }
          i = k + 3;
          this.state = OUT;
          if (this.phase === EPILOG) return this.complete(i, 'epilog', false);
          continue;
        }

        case CDATA: {
          const k = s.indexOf(']]>', i);
          if (k < 0) {
            i = Math.max(i, len - 2);
            break;
          }
          i = k + 3;
          this.state = OUT;
          continue;
        }

        case PI: {
          const k = s.indexOf('?>', i);
          if (k < 0) {
            i = Math.max(i, len - 1);
            break;
          }
          i = k + 2;
          this.state = OUT;
          if (this.phase === EPILOG) return this.complete(i, 'epilog', false);
          continue;
        }

        case BROKEN: {
          const want = this.brokenAt + LOOKAHEAD;
          const have = this.pieceLength(len);
          if (have < want && !this.ended) {
            i = len;
            break;
          }
          const end = Math.min(len, this.pieceStart + want - this.partsLength);
          this.pos = len;
          const where = this.phase === PROLOG ? 'prolog' : this.phase === CONTENT ? 'content' : 'epilog';
          this.phase = DONE;
          return this.cut(end, where, false, true);
        }
      }
      // The buffer is used up (or needs its next characters): more text, or the end.
      this.pos = i;
      if (this.pieceStart >= 0) this.checkLength(len);
      if (!this.ended) return undefined;
      return this.finish();
    }
  }

  /**
   * The fast path of a child whose start tag is `s[at, i)`: the end of its first `</name>`, if
   * no `<!`, `<?` or `<name` start tag comes before it (nothing that could hide one or nest
   * another), else -1 and the child is read construct by construct. One pass over the `<`s, no
   * quotes or `>` looked for. If the child is malformed in a way that makes this cut wrong,
   * reading the piece fails at a point of the stream's own text (the piece is a prefix of it),
   * with the error the whole-document reader gives there; so a cut the reader accepts is the
   * child's true end. A child that goes on past the buffer is read the slow way from `i`, so
   * each character is passed at most twice.
   */
  private fastEnd(s: string, at: number, i: number): number {
    let n = at + 1;
    for (; n < i; n++) {
      const c = s.charCodeAt(n);
      if (c === 62 || c === 47 || isWs(c)) break;
    }
    if (n - at - 1 !== this.fastName.length || !s.startsWith(this.fastName, at + 1)) {
      this.fastName = s.slice(at + 1, n);
      this.fastClose = `</${this.fastName}>`;
      this.fastOpen = `<${this.fastName}`;
    }
    const close = this.fastClose;
    const open = this.fastOpen;
    const first = open.charCodeAt(1);
    const len = s.length;
    for (let p = s.indexOf('<', i); p !== -1; p = s.indexOf('<', p + 1)) {
      const c = s.charCodeAt(p + 1);
      if (c === 47) {
        if (s.charCodeAt(p + 2) === first && s.startsWith(close, p)) return p + close.length;
      } else if (c === 33 || c === 63) {
        return -1;
      } else if (c === first && s.startsWith(open, p)) {
        const t = p + open.length;
        if (t >= len) return -1;
        const d = s.charCodeAt(t);
        if (d === 62 || d === 47 || isWs(d)) return -1;
      }
    }
    return -1;
  }

  /** The input is over: what was being read is a broken piece (nothing, in the epilog). */
  private finish(): XmlPiece | undefined {
    const where = this.phase === PROLOG ? 'prolog' : this.phase === CONTENT ? 'content' : 'epilog';
    const phase = this.phase;
    this.phase = DONE;
    const len = this.buf.length;
    if (this.pieceStart < 0) {
      if (phase === EPILOG) return undefined;
      // Inside the root with nothing pending: the reader says the root is unclosed, here.
      this.startPiece(len);
    }
    return this.cut(len, where, false, true);
  }
}
