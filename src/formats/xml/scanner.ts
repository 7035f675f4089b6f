/**
 * A pull scanner for the XML that DataContract readers consume: well-formedness checked as it
 * goes (every end tag matches, every prefix is declared, entities are the predefined five or
 * character references), namespaces resolved to interned ids so a reader matches an element by
 * (namespace id, local name) with integer and character compares, and no tree is built.
 *
 * Deliberately unsupported: DTDs (a DOCTYPE is a `forbidden` error, so no entity expansion
 * of any kind can happen). Positions in errors are 1-based line:column of the input text.
 */
import type { DtoErrorCode } from '../../errors.js';
import { fail } from '../common/failure.js';
import { lineCol } from '../common/failure.js';
import { XML_NS, XMLNS_NS, XSI_NS } from './contract.js';

export const START = 1;
export const END = 2;
export const TEXT = 3;
export type Token = typeof START | typeof END | typeof TEXT;

// ---------------------------------------------------------------------------------------------
// Namespace ids. Readers intern the namespaces they expect when they are compiled; a URI the
// scanner meets that nobody interned gets -1, which matches no expectation.

const KNOWN = new Map<string, number>();
export function internNamespace(uri: string): number {
  let id = KNOWN.get(uri);
  if (id === undefined) {
    id = KNOWN.size;
    KNOWN.set(uri, id);
  }
  return id;
}
export const NO_NS_ID = internNamespace('');
export const XSI_ID = internNamespace(XSI_NS);
export const XML_ID = internNamespace(XML_NS);

const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Name characters, permissively: ASCII letters, digits, `_ - . :` and everything from U+00B7 up. */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46 || c >= 0xb7
  );
}
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
}

export class Scanner {
  readonly s: string;
  pos = 0;
  private readonly len: number;
  private readonly maxDepth: number;
  /** Whole-document facts that let the text fast path skip checks. */
  private readonly hasAmp: boolean;
  private readonly hasCr: boolean;
  private readonly hasCdataEnd: boolean;

  /** Open elements: start offset and length of the qualified name, namespace stack mark. */
  depth = 0;
  private readonly elStart: number[] = [];
  private readonly elLen: number[] = [];
  private readonly elMark: number[] = [];

  /** In-scope namespace bindings (innermost last). */
  private readonly pfx: string[] = [];
  private readonly uris: string[] = [];
  private readonly ids: number[] = [];
  private nsTop = 0;

  /** The start tag just read. */
  tagPos = 0;
  localStart = 0;
  nameEnd = 0;
  private nameStart = 0;
  /** Namespace id of the element (-1: a namespace no reader expects). */
  nsId = 0;
  /** Index of the binding that gave the namespace, -1 for none / the `xml` prefix. */
  private nsBinding = -1;
  nil = false;
  /** Self-closing: the next `next()`, `readText()` or `skipContent()` closes it. */
  private pendingEmpty = false;
  /** Where the text returned by the last `readText()` starts (for value errors). */
  textPos = 0;

  constructor(text: string, maxDepth: number) {
    this.s = text;
    this.len = text.length;
    this.maxDepth = maxDepth;
    this.hasAmp = text.indexOf('&') >= 0;
    this.hasCr = text.indexOf('\r') >= 0;
    this.hasCdataEnd = text.indexOf(']]>') >= 0;
  }

  // -------------------------------------------------------------------------------------------
  // Errors

  failAt(offset: number, code: DtoErrorCode, detail: { expected?: string; found?: string; detail?: string }): never {
    const { line, column } = lineCol(this.s, offset);
    return fail({ code, line, column, ...detail });
  }

  /** The qualified name of the start tag just read. */
  qname(): string {
    return this.s.slice(this.nameStart, this.nameEnd);
  }

  /** The namespace URI of the start tag just read. */
  elementNs(): string {
    if (this.nsBinding >= 0) return this.uris[this.nsBinding]!;
    return this.nsId === XML_ID ? XML_NS : '';
  }

  /** `<name>` or `<p:name xmlns:p="…">` as shown in messages. */
  describeElement(): string {
    const ns = this.elementNs();
    return ns ? `element <${this.qname()}> in namespace ${ns}` : `element <${this.qname()}> in no namespace`;
  }

  private openName(): string {
    const i = this.depth - 1;
    return this.s.slice(this.elStart[i]!, this.elStart[i]! + this.elLen[i]!);
  }

  // -------------------------------------------------------------------------------------------
  // Document level

  /** Checks characters, skips BOM, declaration, comments and PIs up to the root start tag. */
  prolog(): void {
    const s = this.s;
    const bad = INVALID_CHAR.exec(s);
    if (bad) this.failAt(bad.index, 'syntax', { found: `the character 0x${s.charCodeAt(bad.index).toString(16).toUpperCase().padStart(2, '0')}`, detail: 'not allowed in XML 1.0' });
    if (!(s as unknown as { isWellFormed(): boolean }).isWellFormed()) {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            i++;
            continue;
          }
        } else if (!(c >= 0xdc00 && c <= 0xdfff)) continue;
        this.failAt(i, 'syntax', { found: 'an unpaired surrogate', detail: 'not allowed in XML 1.0' });
      }
    }
    let p = s.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (s.startsWith('<?xml', p) && (isWs(s.charCodeAt(p + 5)) || s.charCodeAt(p + 5) === 63)) {
      const end = s.indexOf('?>', p + 5);
      if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated XML declaration' });
      if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1/.test(s.slice(p + 5, end))) {
        this.failAt(p, 'syntax', { detail: 'malformed XML declaration' });
      }
      p = end + 2;
    }
    this.pos = p;
    for (;;) {
      p = this.skipWs(this.pos);
      if (p >= this.len) this.failAt(p, 'syntax', { expected: 'a root element', found: 'the end of the input' });
      if (s.charCodeAt(p) !== 60) this.failAt(p, 'syntax', { expected: 'a root element', found: 'text' });
      if (this.skipMisc(p)) continue;
      this.pos = p;
      this.startTag();
      return;
    }
  }

  /** After the root element: only whitespace, comments and PIs may follow. */
  epilog(): void {
    for (;;) {
      const p = this.skipWs(this.pos);
      if (p >= this.len) return;
      if (this.s.charCodeAt(p) === 60 && this.skipMisc(p)) continue;
      this.failAt(p, 'syntax', {
        expected: 'the end of the document',
        found: this.s.charCodeAt(p) === 60 ? 'another element' : 'text',
        detail: 'a document has one root element',
      });
    }
  }

  private skipWs(p: number): number {
    const s = this.s;
    while (p < this.len && isWs(s.charCodeAt(p))) p++;
    return p;
  }

  /** A comment or PI at `p` (which holds `<`): skips it and returns true. DOCTYPE: error. */
  private skipMisc(p: number): boolean {
    const s = this.s;
    const c2 = s.charCodeAt(p + 1);
    if (c2 === 33) {
      if (s.startsWith('<!--', p)) {
        this.pos = this.skipComment(p);
        return true;
      }
      if (s.startsWith('<!DOCTYPE', p)) this.forbidDoctype(p);
      if (s.startsWith('<![CDATA[', p)) return false;
      this.failAt(p, 'syntax', { found: quote(s.slice(p, p + 9)), detail: 'unknown markup declaration' });
    }
    if (c2 === 63) {
      this.pos = this.skipPI(p);
      return true;
    }
    return false;
  }

  private forbidDoctype(p: number): never {
    return this.failAt(p, 'forbidden', {
      found: 'a DOCTYPE declaration',
      detail: 'DTDs are refused: no entity of any kind is expanded',
    });
  }

  private skipComment(p: number): number {
    const end = this.s.indexOf('--', p + 4);
    if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated comment' });
    if (this.s.charCodeAt(end + 2) !== 62) this.failAt(end, 'syntax', { detail: "'--' inside a comment" });
    return end + 3;
  }

  private skipPI(p: number): number {
    const s = this.s;
    let q = p + 2;
    while (q < this.len && isNameChar(s.charCodeAt(q))) q++;
    const target = s.slice(p + 2, q);
    if (target === '') this.failAt(p, 'syntax', { detail: 'processing instruction without a target' });
    if (target.toLowerCase() === 'xml') {
      this.failAt(p, 'syntax', { detail: 'an XML declaration is only allowed at the very start' });
    }
    const end = s.indexOf('?>', q);
    if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated processing instruction' });
    return end + 2;
  }

  // -------------------------------------------------------------------------------------------
  // Tags

  /** Reads the start tag at `pos` (which holds `<` + a name), pushing its element and bindings. */
  startTag(): void {
    const s = this.s;
    const tagPos = this.pos;
    this.tagPos = tagPos;
    if (this.depth >= this.maxDepth) {
      this.failAt(tagPos, 'depth', { detail: `elements nested deeper than maxDepth (${this.maxDepth})` });
    }
    let p = tagPos + 1;
    const nameStart = p;
    let colon = -1;
    if (!isNameStart(s.charCodeAt(p))) this.failAt(p, 'syntax', { expected: 'an element name', found: this.found(p) });
    for (; p < this.len; p++) {
      const c = s.charCodeAt(p);
      if (c === 58) {
        if (colon >= 0) this.failAt(p, 'syntax', { detail: 'a name may contain one colon' });
        colon = p;
      } else if (!isNameChar(c)) break;
    }
    const nameEnd = p;
    if (colon === nameEnd - 1) this.failAt(colon, 'syntax', { detail: 'empty local name' });
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.localStart = colon >= 0 ? colon + 1 : nameStart;

    const mark = this.nsTop;
    let nilText: string | undefined;
    let nilPos = 0;
    let empty = false;
    let attrs: number[] | undefined; // [nameStart, nameEnd, colon, valueIndex] per prefixed attribute
    let values: string[] | undefined;
    let allNames: number[] | undefined;

    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 62) {
        p++;
        break;
      }
      if (c === 47) {
        if (s.charCodeAt(p + 1) !== 62) this.failAt(p, 'syntax', { expected: "'/>'", found: this.found(p) });
        p += 2;
        empty = true;
        break;
      }
      if (!isWs(c)) {
        if (p >= this.len) this.failAt(p, 'syntax', { detail: `unterminated start tag <${this.qname()}>` });
        this.failAt(p, 'syntax', { expected: "whitespace, '>' or '/>'", found: this.found(p) });
      }
      p = this.skipWs(p);
      const c1 = s.charCodeAt(p);
      if (c1 === 62 || c1 === 47) continue;
      // Attribute name.
      const an = p;
      let acolon = -1;
      if (!isNameStart(c1)) {
        if (p >= this.len) this.failAt(p, 'syntax', { detail: `unterminated start tag <${this.qname()}>` });
        this.failAt(p, 'syntax', { expected: 'an attribute name', found: this.found(p) });
      }
      for (; p < this.len; p++) {
        const ch = s.charCodeAt(p);
        if (ch === 58) {
          if (acolon >= 0) this.failAt(p, 'syntax', { detail: 'a name may contain one colon' });
          acolon = p;
        } else if (!isNameChar(ch)) break;
      }
      const ae = p;
      if (acolon === ae - 1) this.failAt(acolon, 'syntax', { detail: 'empty local name' });
      // Duplicate attribute names (well-formedness).
      allNames ??= [];
      for (let k = 0; k < allNames.length; k += 2) {
        const bs = allNames[k]!;
        if (allNames[k + 1]! - bs === ae - an && s.startsWith(s.slice(an, ae), bs)) {
          this.failAt(an, 'syntax', { detail: `duplicate attribute ${s.slice(an, ae)}` });
        }
      }
      allNames.push(an, ae);
      p = this.skipWs(p);
      if (s.charCodeAt(p) !== 61) this.failAt(p, 'syntax', { expected: "'=' after the attribute name", found: this.found(p) });
      p = this.skipWs(p + 1);
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) this.failAt(p, 'syntax', { expected: 'a quoted attribute value', found: this.found(p) });
      const close = s.indexOf(q === 34 ? '"' : "'", p + 1);
      if (close < 0) this.failAt(p, 'syntax', { detail: 'unterminated attribute value' });
      let value = s.slice(p + 1, close);
      const lt = value.indexOf('<');
      if (lt >= 0) this.failAt(p + 1 + lt, 'syntax', { detail: "'<' in an attribute value" });
      value = this.decode(value, p + 1, true);
      p = close + 1;

      if (ae - an >= 5 && s.startsWith('xmlns', an) && (ae - an === 5 || acolon === an + 5)) {
        this.declare(acolon < 0 ? '' : s.slice(acolon + 1, ae), value, an);
      } else if (acolon >= 0) {
        attrs ??= [];
        values ??= [];
        attrs.push(an, ae, acolon, values.length);
        values.push(value);
      }
    }
    this.pos = p;

    // Resolve the element's namespace now that its own declarations are in.
    this.resolveElement(nameStart, colon);

    // Prefixed attributes: their prefixes must be declared; xsi:nil is the only one read.
    if (attrs) {
      const seen: string[] = [];
      for (let k = 0; k < attrs.length; k += 4) {
        const an = attrs[k]!;
        const ae = attrs[k + 1]!;
        const ac = attrs[k + 2]!;
        const b = this.lookup(an, ac - an);
        if (b === -2) this.failAt(an, 'syntax', { detail: `undeclared prefix ${quote(s.slice(an, ac))}` });
        const uri = b === -1 ? XML_NS : this.uris[b]!;
        const expanded = uri + '\u0000' + s.slice(ac + 1, ae);
        if (seen.includes(expanded)) this.failAt(an, 'syntax', { detail: `duplicate attribute ${s.slice(an, ae)} (same namespace and name)` });
        seen.push(expanded);
        if (uri === XSI_NS && ae - ac - 1 === 3 && s.startsWith('nil', ac + 1)) {
          nilText = values![attrs[k + 3]!]!;
          nilPos = an;
        }
      }
    }
    this.nil = false;
    if (nilText !== undefined) {
      const t = trimXml(nilText);
      if (t === 'true' || t === '1') this.nil = true;
      else if (t !== 'false' && t !== '0') {
        this.failAt(nilPos, 'type', { expected: 'i:nil="true" or "false"', found: quote(nilText) });
      }
    }

    const d = this.depth++;
    this.elStart[d] = nameStart;
    this.elLen[d] = nameEnd - nameStart;
    this.elMark[d] = mark;
    this.pendingEmpty = empty;
  }

  private found(p: number): string {
    if (p >= this.len) return 'the end of the input';
    return quote(this.s.slice(p, p + 12));
  }

  private declare(prefix: string, uri: string, at: number): void {
    if (prefix === 'xmlns') this.failAt(at, 'syntax', { detail: 'the prefix xmlns cannot be declared' });
    if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) {
      this.failAt(at, 'syntax', { detail: 'the prefix xml is bound to its own namespace only' });
    }
    if (uri === XMLNS_NS) this.failAt(at, 'syntax', { detail: 'the xmlns namespace cannot be declared' });
    if (prefix !== '' && uri === '') this.failAt(at, 'syntax', { detail: `prefix ${prefix} bound to an empty namespace` });
    const i = this.nsTop++;
    this.pfx[i] = prefix;
    this.uris[i] = uri;
    this.ids[i] = KNOWN.get(uri) ?? -1;
  }

  /** The binding index of the prefix at [start, start+len): -1 for `xml`, -2 when undeclared. */
  private lookup(start: number, len: number): number {
    const s = this.s;
    for (let i = this.nsTop - 1; i >= 0; i--) {
      const p = this.pfx[i]!;
      if (p.length === len && s.startsWith(p, start)) return i;
    }
    if (len === 3 && s.startsWith('xml', start)) return -1;
    return -2;
  }

  private resolveElement(nameStart: number, colon: number): void {
    if (colon < 0) {
      for (let i = this.nsTop - 1; i >= 0; i--) {
        if (this.pfx[i]!.length === 0) {
          this.nsBinding = i;
          this.nsId = this.ids[i]!;
          return;
        }
      }
      this.nsBinding = -1;
      this.nsId = NO_NS_ID;
      return;
    }
    const b = this.lookup(nameStart, colon - nameStart);
    if (b === -2) this.failAt(nameStart, 'syntax', { detail: `undeclared prefix ${quote(this.s.slice(nameStart, colon))}` });
    this.nsBinding = b;
    this.nsId = b === -1 ? XML_ID : this.ids[b]!;
  }

  /** Is the start tag just read named `local` (its local part)? */
  localIs(local: string): boolean {
    return this.nameEnd - this.localStart === local.length && this.s.startsWith(local, this.localStart);
  }

  /** Reads the end tag at `p` (`</`), which must close the innermost open element. */
  private endTag(p: number): void {
    const s = this.s;
    const d = this.depth - 1;
    const start = this.elStart[d]!;
    const n = this.elLen[d]!;
    let q = p + 2;
    let ok = true;
    for (let k = 0; k < n; k++) {
      if (s.charCodeAt(q + k) !== s.charCodeAt(start + k)) {
        ok = false;
        break;
      }
    }
    q += n;
    if (ok && isNameChar(s.charCodeAt(q))) ok = false;
    if (!ok) {
      let e = p + 2;
      while (e < this.len && isNameChar(s.charCodeAt(e))) e++;
      this.failAt(p, 'syntax', {
        expected: `</${this.openName()}>`,
        found: e > p + 2 ? `</${s.slice(p + 2, e)}>` : this.found(p),
        detail: 'mismatched end tag',
      });
    }
    while (q < this.len && isWs(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) !== 62) this.failAt(q, 'syntax', { expected: "'>'", found: this.found(q) });
    this.pos = q + 1;
    this.nsTop = this.elMark[d]!;
    this.depth = d;
  }

  private closeEmpty(): void {
    this.pendingEmpty = false;
    const d = --this.depth;
    this.nsTop = this.elMark[d]!;
  }

  private unclosed(p: number): never {
    return this.failAt(p, 'syntax', {
      expected: `</${this.openName()}>`,
      found: 'the end of the input',
      detail: 'unclosed element',
    });
  }

  // -------------------------------------------------------------------------------------------
  // Content

  /**
   * The next thing inside the current element, skipping whitespace, comments and PIs:
   * START (a child's start tag has been read), END (the element's end tag has been read and
   * the element closed) or TEXT (non-whitespace character data or CDATA at `pos`).
   */
  next(): Token {
    if (this.pendingEmpty) {
      this.closeEmpty();
      return END;
    }
    const s = this.s;
    for (;;) {
      let p = this.pos;
      while (p < this.len && isWs(s.charCodeAt(p))) p++;
      if (p >= this.len) this.unclosed(p);
      if (s.charCodeAt(p) !== 60) {
        this.pos = p;
        return TEXT;
      }
      const c2 = s.charCodeAt(p + 1);
      if (c2 === 47) {
        this.endTag(p);
        return END;
      }
      if (c2 === 33 || c2 === 63) {
        if (this.skipMisc(p)) continue;
        this.pos = p; // CDATA
        return TEXT;
      }
      this.pos = p;
      this.startTag();
      return START;
    }
  }

  /**
   * The text content of the current element up to its end tag (entities resolved, CDATA
   * included, comments and PIs dropped, line ends normalized). A child element is an error.
   */
  readText(): string {
    if (this.pendingEmpty) {
      this.closeEmpty();
      this.textPos = this.tagPos;
      return '';
    }
    const s = this.s;
    const start = this.pos;
    this.textPos = start;
    const lt = s.indexOf('<', start);
    if (lt < 0) this.unclosed(this.len);
    if (s.charCodeAt(lt + 1) === 47) {
      let text = lt === start ? '' : s.slice(start, lt);
      if (
        (this.hasAmp && text.indexOf('&') >= 0) ||
        (this.hasCr && text.indexOf('\r') >= 0) ||
        (this.hasCdataEnd && text.indexOf(']]>') >= 0)
      ) {
        text = this.decode(text, start, false);
      }
      this.endTag(lt);
      return text;
    }
    return this.readMixedText(start);
  }

  private readMixedText(start: number): string {
    const s = this.s;
    let out = '';
    let p = start;
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) this.unclosed(this.len);
      if (lt > p) out += this.decode(s.slice(p, lt), p, false);
      const c2 = s.charCodeAt(lt + 1);
      if (c2 === 47) {
        this.endTag(lt);
        return out;
      }
      if (c2 === 33 && s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) this.failAt(lt, 'syntax', { detail: 'unterminated CDATA section' });
        const raw = s.slice(lt + 9, end);
        out += this.hasCr ? raw.replace(/\r\n?/g, '\n') : raw;
        p = end + 3;
        continue;
      }
      if (c2 === 33 || c2 === 63) {
        this.skipMisc(lt);
        p = this.pos;
        continue;
      }
      let e = lt + 1;
      while (e < this.len && isNameChar(s.charCodeAt(e))) e++;
      this.failAt(lt, 'type', { expected: 'text content', found: `element <${s.slice(lt + 1, e)}>` });
    }
  }

  /** Skips the rest of the current element (any content, well-formedness still checked). */
  skipContent(): void {
    let level = 0;
    for (;;) {
      const t = this.next();
      if (t === START) level++;
      else if (t === END) {
        if (level === 0) return;
        level--;
      } else this.skipText();
    }
  }

  /** Skips the character data or CDATA section at `pos`. */
  skipText(): void {
    const s = this.s;
    const p = this.pos;
    if (s.startsWith('<![CDATA[', p)) {
      const end = s.indexOf(']]>', p + 9);
      if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated CDATA section' });
      this.pos = end + 3;
      return;
    }
    let lt = s.indexOf('<', p);
    if (lt < 0) lt = this.len;
    if (this.hasAmp || this.hasCdataEnd) this.decode(s.slice(p, lt), p, false);
    this.pos = lt;
  }

  /**
   * Resolves entity and character references and normalizes line ends (`\r\n`, `\r` → `\n`);
   * in attribute values also tab/LF/CR → space. `offset` places errors.
   */
  private decode(raw: string, offset: number, attr: boolean): string {
    let out = '';
    let from = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 38) {
        const semi = raw.indexOf(';', i + 1);
        if (semi < 0 || semi - i > 12) this.failAt(offset + i, 'syntax', { detail: "'&' that does not start a reference (write &amp;)" });
        const name = raw.slice(i + 1, semi);
        let rep: string;
        switch (name) {
          case 'lt':
            rep = '<';
            break;
          case 'gt':
            rep = '>';
            break;
          case 'amp':
            rep = '&';
            break;
          case 'quot':
            rep = '"';
            break;
          case 'apos':
            rep = "'";
            break;
          default:
            rep = this.charRef(name, offset + i);
        }
        out += raw.slice(from, i) + rep;
        i = semi;
        from = semi + 1;
      } else if (c === 13) {
        out += raw.slice(from, i) + (attr ? ' ' : '\n');
        if (raw.charCodeAt(i + 1) === 10) i++;
        from = i + 1;
      } else if (attr && (c === 9 || c === 10)) {
        out += raw.slice(from, i) + ' ';
        from = i + 1;
      } else if (c === 93 && !attr && raw.startsWith(']]>', i)) {
        this.failAt(offset + i, 'syntax', { detail: "']]>' is not allowed in text" });
      }
    }
    return from === 0 ? raw : out + raw.slice(from);
  }

  private charRef(name: string, at: number): string {
    let cp = NaN;
    if (/^#[0-9]+$/.test(name)) cp = Number(name.slice(1));
    else if (/^#x[0-9A-Fa-f]+$/.test(name)) cp = parseInt(name.slice(2), 16);
    else if (/^[A-Za-z_][\w.-]*$/.test(name)) {
      this.failAt(at, 'syntax', { found: `&${name};`, detail: 'undefined entity (only &lt; &gt; &amp; &quot; &apos; and character references exist without a DTD)' });
    } else this.failAt(at, 'syntax', { found: quote(`&${name};`), detail: 'malformed reference' });
    const valid =
      cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!valid) this.failAt(at, 'syntax', { found: `&${name};`, detail: 'reference to a character XML 1.0 does not allow' });
    return String.fromCodePoint(cp);
  }
}

/** XML whitespace (space, tab, LF, CR) trimmed from both ends, as `XmlConvert` trims. */
export function trimXml(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isWs(s.charCodeAt(a))) a++;
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** The root element's local name and namespace URI, or undefined when the prolog/root tag is unreadable. */
export function readRootName(text: string): { local: string; ns: string } | undefined {
  const sc = new Scanner(text, 1);
  try {
    sc.prolog();
  } catch {
    return undefined;
  }
  return { local: sc.s.slice(sc.localStart, sc.nameEnd), ns: sc.elementNs() };
}
