/**
 * A pull scanner for the XML that DataContract readers consume: well-formedness checked as it
 * goes (every end tag matches, every prefix is declared, entities are the predefined five or
 * character references, every character is one XML 1.0 allows), namespaces resolved to
 * interned ids so a reader matches an element by (namespace id, local name), and no tree.
 *
 * Deliberately unsupported: DTDs (a DOCTYPE is a `forbidden` error, so no entity expansion
 * of any kind can happen). Positions in errors are 1-based line:column of the input text.
 *
 * Speed notes (measured on Node 20): per-character JavaScript loops and `startsWith` cost
 * several ns per character, while `indexOf`, `slice` and `===` are native and cheap. So each
 * character is looked at once at most: names by one classifying loop, text by one validating
 * loop, and everything else (end tags, namespace URIs, member names) by slice + compare.
 */
import type { DtoErrorCode } from '../../errors.js';
import { fail, lineCol } from '../common/failure.js';
import { DEFAULT_LIMITS, failLimit, type DecodeLimits, type LimitName } from '../common/limits.js';
import { XML_NS, XMLNS_NS, XSI_NS } from './contract.js';
import { trimXml } from './scalars.js';

export { trimXml };

export const START = 1;
export const END = 2;
export const TEXT = 3;
export type Token = typeof START | typeof END | typeof TEXT;

// ---------------------------------------------------------------------------------------------
// Namespace ids. Readers intern the namespaces they expect before scanning; a URI the scanner
// meets that nobody interned gets -1, which matches no expectation.

const KNOWN = new Map<string, number>();
/** Interned URIs by id, and their ids by length: a declaration is recognized by one compare, no hashing. */
const KNOWN_LIST: string[] = [];
const KNOWN_BY_LENGTH = new Map<number, number[]>();
export function internNamespace(uri: string): number {
  let id = KNOWN.get(uri);
  if (id === undefined) {
    id = KNOWN.size;
    KNOWN.set(uri, id);
    KNOWN_LIST.push(uri);
    const same = KNOWN_BY_LENGTH.get(uri.length);
    if (same) same.push(id);
    else KNOWN_BY_LENGTH.set(uri.length, [id]);
  }
  return id;
}

/** The id of an interned URI equal to `raw`, or -1. */
function knownId(raw: string): number {
  const ids = KNOWN_BY_LENGTH.get(raw.length);
  if (ids !== undefined) {
    for (let i = 0; i < ids.length; i++) if (KNOWN_LIST[ids[i]!] === raw) return ids[i]!;
  }
  return -1;
}
export const NO_NS_ID = internNamespace('');
export const XML_ID = internNamespace(XML_NS);
export const XSI_ID = internNamespace(XSI_NS);

// ---------------------------------------------------------------------------------------------
// Characters

/** ASCII name characters: 1 = may start a name, 2 = may continue one. */
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  if (letter) NAME[c] = 3;
  else if ((c >= 48 && c <= 57) || c === 45 || c === 46) NAME[c] = 2;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Non-ASCII name characters, permissively: U+00B7 up, minus ×, ÷, surrogates and U+FFFE/F. */
function isWideNameChar(c: number): boolean {
  return c >= 0xb7 && c !== 0xd7 && c !== 0xf7 && (c < 0xd800 || (c >= 0xe000 && c <= 0xfffd));
}

function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
}

function hex(c: number): string {
  return '0x' + c.toString(16).toUpperCase().padStart(2, '0');
}

/** Text validation result flags. */
const NEEDS_DECODE = 1;

/**
 * Work per element stays linear however many attributes or bindings it has: up to these
 * counts a scan is cheapest (no allocation, no hashing), beyond them a Set or Map keyed by
 * name takes over (a pairwise check of 50,000 attributes took 15 s).
 */
const SCAN_ATTRIBUTES = 8;
/** In-scope bindings before prefixes are indexed by a Map; once indexed, a lookup scans this many innermost ones first. */
const SCAN_BINDINGS = 16;

export class Scanner {
  readonly s: string;
  pos = 0;
  private readonly len: number;
  private readonly maxDepth: number;
  /** The decode limits; readers check the collection and dictionary ones, the scanner the rest. */
  readonly limits: Readonly<DecodeLimits>;
  private readonly maxString: number;
  private readonly maxName: number;
  private readonly maxAttributes: number;

  /** Open elements: qualified name, start offset, namespace stack mark. */
  depth = 0;
  private readonly elName: string[] = [];
  private readonly elPos: number[] = [];
  private readonly elMark: number[] = [];

  /** In-scope namespace bindings (innermost last). */
  private readonly pfx: string[] = [];
  private readonly uris: string[] = [];
  private readonly ids: number[] = [];
  private nsTop = 0;
  /**
   * For each binding, the one of the same prefix it shadows (-1: none). Kept for default
   * bindings always, for prefixed ones once `byPrefix` exists.
   */
  private readonly shadows: number[] = [];
  /** The innermost default-namespace binding, or -1. */
  private defaultNs = -1;
  /** The innermost binding of each prefix, built once more than SCAN_BINDINGS are in scope. */
  private byPrefix: Map<string, number> | undefined;

  /** The start tag just read: offset, qualified and local name, namespace, xsi:nil. */
  tagPos = 0;
  qname = '';
  local = '';
  /** Namespace id of the element (-1: a namespace no reader expects). */
  nsId = 0;
  /** Index of the binding that gave the namespace; -1 for none or the `xml` prefix. */
  private nsBinding = -1;
  nil = false;
  /** Self-closing: the next `next()`, `readText()` or `skipContent()` closes it. */
  private pendingEmpty = false;
  /** Where the text returned by the last `readText()` starts (for value errors). */
  textPos = 0;

  /** Prefixed attributes of the current tag: [nameStart, nameEnd, colon, valueStart, valueEnd]. */
  private readonly prefixed: number[] = [];
  private nPrefixed = 0;
  /** The namespace URIs of the prefixed attributes resolved so far (duplicate check). */
  private readonly prefixedUris: string[] = [];
  /** Attribute names of the current tag: [start, end]. */
  private readonly attrNames: number[] = [];
  private tagEmpty = false;

  constructor(text: string, maxDepth: number, limits: Readonly<DecodeLimits> = DEFAULT_LIMITS) {
    // Positions are counted after a BOM, as editors count columns (and as the streams, which drop it).
    this.s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.len = this.s.length;
    this.maxDepth = maxDepth;
    this.limits = limits;
    this.maxString = limits.maxStringLength;
    this.maxName = limits.maxNameLength;
    this.maxAttributes = limits.maxAttributes;
  }

  // -------------------------------------------------------------------------------------------
  // Errors and descriptions

  failAt(offset: number, code: DtoErrorCode, detail: { expected?: string; found?: string; detail?: string }): never {
    const { line, column } = lineCol(this.s, offset);
    return fail({ code, line, column, ...detail });
  }

  /** Limit `name` exceeded at `offset`; `found` says by what. */
  failLimit(offset: number, name: LimitName, found: string): never {
    return failLimit(name, this.limits[name], this.s, offset, found);
  }

  private stringTooLong(offset: number, length: number): never {
    return this.failLimit(offset, 'maxStringLength', `a text of ${length} characters`);
  }

  /** The namespace URI of the start tag just read. */
  elementNs(): string {
    if (this.nsBinding >= 0) return this.uris[this.nsBinding]!;
    return this.nsId === XML_ID ? XML_NS : '';
  }

  /** `element <d2p1:Base> in namespace …` for messages. */
  describeElement(): string {
    const ns = this.elementNs();
    return ns ? `element <${this.qname}> in namespace ${ns}` : `element <${this.qname}> in no namespace`;
  }

  private found(p: number): string {
    if (p >= this.len) return 'the end of the input';
    return quote(this.s.slice(p, p + 12));
  }

  private badChar(p: number, c: number): never {
    const what = c >= 0xd800 && c <= 0xdfff ? `an unpaired surrogate ${hex(c)}` : `the character ${hex(c)}`;
    return this.failAt(p, 'syntax', { found: what, detail: 'not allowed in XML 1.0' });
  }

  /** Fails on any character XML 1.0 refuses in s[from, to); returns NEEDS_DECODE if `&` or CR occur. */
  private checkChars(from: number, to: number): number {
    const s = this.s;
    let flags = 0;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c < 32) {
        if (c === 13) flags = NEEDS_DECODE;
        else if (c !== 10 && c !== 9) this.badChar(i, c);
      } else if (c === 38) flags = NEEDS_DECODE;
      else if (c >= 0xd800) this.checkWide(i, c);
    }
    return flags;
  }

  /**
   * Fails on any character XML 1.0 refuses in s[from, to). Error paths call it before a less
   * precise message ("expected a name", "got text"), so a NUL or a lone surrogate where markup
   * was due is reported as what it is, with its position.
   */
  refuseInvalid(from: number, to: number): void {
    this.checkChars(from, Math.min(to, this.len));
  }

  /** A code unit from U+D800 up: a surrogate must be paired, U+FFFE/U+FFFF are refused. */
  private checkWide(i: number, c: number): void {
    if (c <= 0xdbff) {
      const d = this.s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return;
      this.badChar(i, c);
    }
    if (c <= 0xdfff) {
      const b = this.s.charCodeAt(i - 1);
      if (b >= 0xd800 && b <= 0xdbff) return;
      this.badChar(i, c);
    }
    if (c >= 0xfffe) this.badChar(i, c);
  }

  // -------------------------------------------------------------------------------------------
  // Document level

  /** Skips BOM, declaration, comments and PIs, then reads the root start tag. */
  prolog(): void {
    const s = this.s;
    let p = s.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (s.startsWith('<?xml', p) && (isWs(s.charCodeAt(p + 5)) || s.charCodeAt(p + 5) === 63)) {
      const end = s.indexOf('?>', p + 5);
      if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated XML declaration' });
      this.checkChars(p, end);
      if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1/.test(s.slice(p + 5, end))) {
        this.failAt(p, 'syntax', { detail: 'malformed XML declaration' });
      }
      p = end + 2;
    }
    this.pos = p;
    for (;;) {
      p = this.skipWs(this.pos);
      if (p >= this.len) this.failAt(p, 'syntax', { expected: 'a root element', found: 'the end of the input' });
      if (s.charCodeAt(p) !== 60) {
        this.refuseInvalid(p, p + 1);
        this.failAt(p, 'syntax', { expected: 'a root element', found: 'text' });
      }
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
      this.refuseInvalid(p, p + 1);
      this.failAt(p, 'syntax', {
        expected: 'the end of the document',
        found: this.s.charCodeAt(p) === 60 ? 'another element' : 'text',
        detail: 'a document has one root element',
      });
    }
  }

  private skipWs(p: number): number {
    const s = this.s;
    const len = this.len;
    while (p < len && isWs(s.charCodeAt(p))) p++;
    return p;
  }

  /**
   * At `p` (holding `<`): a comment or PI is skipped (true); CDATA or an element is left
   * (false); a DOCTYPE is refused.
   */
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
    this.checkChars(p + 4, end);
    return end + 3;
  }

  private skipPI(p: number): number {
    const s = this.s;
    let q = p + 2;
    while (q < this.len && this.nameCharAt(q)) q++;
    const target = s.slice(p + 2, q);
    if (target === '') this.failAt(p, 'syntax', { detail: 'processing instruction without a target' });
    if (target.length === 3 && target.toLowerCase() === 'xml') {
      this.failAt(p, 'syntax', { detail: 'an XML declaration is only allowed at the very start' });
    }
    const end = s.indexOf('?>', q);
    if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated processing instruction' });
    this.checkChars(q, end);
    return end + 2;
  }

  private nameCharAt(p: number): boolean {
    const c = this.s.charCodeAt(p);
    return c < 128 ? NAME[c]! !== 0 || c === 58 : isWideNameChar(c);
  }

  // -------------------------------------------------------------------------------------------
  // Tags

  /**
   * A name from `p`: returns its end; `this.colon` is the colon's offset or -1. Non-ASCII
   * characters are accepted permissively (any letter-like code point, paired surrogates).
   */
  private colon = -1;
  private name(p: number): number {
    const s = this.s;
    const len = this.len;
    const start = p;
    let colon = -1;
    let c = s.charCodeAt(p);
    if (!(c < 128 ? (NAME[c]! & 1) !== 0 : isWideNameChar(c) || this.wideSurrogate(p, c))) {
      if (p >= len) this.failAt(p, 'syntax', { detail: 'unexpected end of the input in a tag' });
      this.refuseInvalid(p, p + 1);
      this.failAt(p, 'syntax', { expected: 'a name', found: this.found(p) });
    }
    for (p++; p < len; p++) {
      c = s.charCodeAt(p);
      if (c < 128) {
        if (NAME[c] !== 0) continue;
        if (c !== 58) break;
        if (colon >= 0) this.failAt(p, 'syntax', { detail: 'a name may contain one colon' });
        colon = p;
        c = s.charCodeAt(p + 1);
        if (!(c < 128 ? (NAME[c]! & 1) !== 0 : isWideNameChar(c))) this.failAt(p, 'syntax', { detail: 'a name must not end in a colon' });
      } else if (!isWideNameChar(c)) {
        if (this.wideSurrogate(p, c)) p++;
        else break;
      }
    }
    if (p - start > this.maxName) this.failLimit(start, 'maxNameLength', `a name of ${p - start} characters`);
    this.colon = colon;
    return p;
  }

  /** An astral name character (surrogate pair) at `p`. */
  private wideSurrogate(p: number, c: number): boolean {
    if (c < 0xd800 || c > 0xdbff) return false;
    const d = this.s.charCodeAt(p + 1);
    return d >= 0xdc00 && d <= 0xdfff;
  }

  /** Reads the start tag at `pos` (which holds `<`), pushing its element and bindings. */
  startTag(): void {
    const s = this.s;
    const tagPos = this.pos;
    this.tagPos = tagPos;
    if (this.depth >= this.maxDepth) {
      this.failAt(tagPos, 'depth', { detail: `elements nested deeper than maxDepth (${this.maxDepth})` });
    }
    const nameStart = tagPos + 1;
    let p = this.name(nameStart);
    const colon = this.colon;
    const qname = s.slice(nameStart, p);
    this.qname = qname;
    this.local = colon < 0 ? qname : s.slice(colon + 1, p);

    const mark = this.nsTop;
    let empty = false;
    this.nil = false;
    const c = s.charCodeAt(p);
    if (c === 62) p++;
    else if (c === 47 && s.charCodeAt(p + 1) === 62) {
      p += 2;
      empty = true;
    } else {
      p = this.attributes(p);
      empty = this.tagEmpty;
    }
    this.pos = p;
    // The element's namespace, now that its own declarations are in.
    if (colon < 0) {
      const i = this.defaultNs;
      this.nsBinding = i;
      this.nsId = i >= 0 ? this.ids[i]! : NO_NS_ID;
    } else {
      const b = this.lookup(nameStart, colon - nameStart);
      if (b === -2) this.failAt(nameStart, 'syntax', { detail: `undeclared prefix ${quote(s.slice(nameStart, colon))}` });
      this.nsBinding = b;
      this.nsId = b === -1 ? XML_ID : this.ids[b]!;
    }
    if (this.nPrefixed > 0) this.prefixedAttributes();

    const d = this.depth++;
    this.elName[d] = qname;
    this.elPos[d] = tagPos;
    this.elMark[d] = mark;
    this.pendingEmpty = empty;
  }

  /**
   * Attributes from `p` (after the element name) through `>` or `/>`; returns the offset after
   * the tag. Namespace declarations are bound; prefixed attributes are kept for resolution.
   */
  private attributes(p: number): number {
    const s = this.s;
    let nNames = 0;
    let count = 0;
    /** The qualified names once there are more than SCAN_ATTRIBUTES. */
    let seen: Set<string> | undefined;
    this.nPrefixed = 0;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c === 62) {
        this.tagEmpty = false;
        return p + 1;
      }
      if (c === 47) {
        if (s.charCodeAt(p + 1) !== 62) this.failAt(p, 'syntax', { expected: "'/>'", found: this.found(p) });
        this.tagEmpty = true;
        return p + 2;
      }
      if (!isWs(c)) {
        if (p >= this.len) this.failAt(p, 'syntax', { detail: `unterminated start tag <${this.qname}>` });
        this.refuseInvalid(p, p + 1);
        this.failAt(p, 'syntax', { expected: "whitespace, '>' or '/>'", found: this.found(p) });
      }
      p = this.skipWs(p);
      const c1 = s.charCodeAt(p);
      if (c1 === 62 || c1 === 47) continue;
      const an = p;
      if (++count > this.maxAttributes) this.failLimit(an, 'maxAttributes', `attribute ${count} of <${this.qname}>`);
      const ae = this.name(p);
      const acolon = this.colon;
      if (seen === undefined) {
        const names = this.attrNames;
        for (let k = 0; k < nNames; k += 2) {
          const bs = names[k]!;
          if (names[k + 1]! - bs === ae - an && s.slice(bs, names[k + 1]) === s.slice(an, ae)) {
            this.failAt(an, 'syntax', { detail: `duplicate attribute ${s.slice(an, ae)}` });
          }
        }
        names[nNames++] = an;
        names[nNames++] = ae;
        if (nNames === 2 * SCAN_ATTRIBUTES) {
          seen = new Set<string>();
          for (let k = 0; k < nNames; k += 2) seen.add(s.slice(names[k], names[k + 1]));
        }
      } else {
        const qn = s.slice(an, ae);
        if (seen.has(qn)) this.failAt(an, 'syntax', { detail: `duplicate attribute ${qn}` });
        seen.add(qn);
      }
      p = this.skipWs(ae);
      if (s.charCodeAt(p) !== 61) {
        this.refuseInvalid(p, p + 1);
        this.failAt(p, 'syntax', { expected: "'=' after the attribute name", found: this.found(p) });
      }
      p = this.skipWs(p + 1);
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) this.failAt(p, 'syntax', { expected: 'a quoted attribute value', found: this.found(p) });
      const vs = p + 1;
      const ve = s.indexOf(q === 34 ? '"' : "'", vs);
      if (ve < 0) this.failAt(p, 'syntax', { detail: 'unterminated attribute value' });
      p = ve + 1;
      if (ae - an >= 5 && s.charCodeAt(an + 4) === 115 && s.startsWith('xmlns', an) && (ae - an === 5 || acolon === an + 5)) {
        const prefix = acolon < 0 ? '' : s.slice(acolon + 1, ae);
        const raw = s.slice(vs, ve);
        const known = knownId(raw);
        // An interned URI written verbatim: valid characters, nothing to decode, no checks due
        // (other than for '' and the xml namespace, which declare() examines).
        if (known > XML_ID && prefix !== 'xml' && prefix !== 'xmlns') this.bind(prefix, KNOWN_LIST[known]!, known);
        else this.declare(prefix, this.attrValue(vs, ve), an);
      } else if (acolon >= 0) {
        const k = this.nPrefixed * 5;
        const buf = this.prefixed;
        buf[k] = an;
        buf[k + 1] = ae;
        buf[k + 2] = acolon;
        buf[k + 3] = vs;
        buf[k + 4] = ve;
        this.nPrefixed++;
      } else {
        this.attrValue(vs, ve); // unprefixed attributes mean nothing to DCS; still well-formed
      }
    }
  }

  /** An attribute value: no `<`, valid characters, references resolved, whitespace normalized. */
  private attrValue(vs: number, ve: number): string {
    const value = this.s.slice(vs, ve);
    const lt = value.indexOf('<');
    if (lt >= 0) this.failAt(vs + lt, 'syntax', { detail: "'<' in an attribute value" });
    this.checkChars(vs, ve);
    const v = /[&\t\n\r]/.test(value) ? this.decode(value, vs, true) : value;
    if (v.length > this.maxString) this.stringTooLong(vs, v.length);
    return v;
  }

  /** Resolves the prefixed attributes of the current tag; reads xsi:nil. */
  private prefixedAttributes(): void {
    const s = this.s;
    const buf = this.prefixed;
    const n = this.nPrefixed;
    this.nPrefixed = 0;
    const resolved = this.prefixedUris;
    /** Expanded names (`local uri`: a local name has no space) once there are more than SCAN_ATTRIBUTES. */
    const seen = n > SCAN_ATTRIBUTES ? new Set<string>() : undefined;
    for (let j = 0; j < n; j++) {
      const k = j * 5;
      const an = buf[k]!;
      const ae = buf[k + 1]!;
      const ac = buf[k + 2]!;
      const vs = buf[k + 3]!;
      const ve = buf[k + 4]!;
      const b = this.lookup(an, ac - an);
      if (b === -2) this.failAt(an, 'syntax', { detail: `undeclared prefix ${quote(s.slice(an, ac))}` });
      if (n > 1) {
        const uri = b === -1 ? XML_NS : this.uris[b]!;
        if (seen !== undefined) {
          const key = s.slice(ac + 1, ae) + ' ' + uri;
          if (seen.has(key)) this.failAt(an, 'syntax', { detail: `duplicate attribute ${s.slice(an, ae)} (same namespace and name)` });
          seen.add(key);
        } else {
          for (let j2 = 0; j2 < j; j2++) {
            const k2 = j2 * 5;
            if (resolved[j2] === uri && s.slice(buf[k2 + 2]! + 1, buf[k2 + 1]!) === s.slice(ac + 1, ae)) {
              this.failAt(an, 'syntax', { detail: `duplicate attribute ${s.slice(an, ae)} (same namespace and name)` });
            }
          }
          resolved[j] = uri;
        }
      }
      if (b >= 0 && this.ids[b] === XSI_ID && ae - ac === 4 && s.startsWith('nil', ac + 1)) {
        if (ve - vs === 4 && s.startsWith('true', vs)) {
          this.nil = true;
          continue;
        }
        const t = trimXml(this.attrValue(vs, ve));
        if (t === 'true' || t === '1') this.nil = true;
        else if (t !== 'false' && t !== '0') {
          this.failAt(an, 'type', { expected: 'i:nil="true" or "false"', found: quote(s.slice(vs, ve)) });
        }
      } else {
        this.attrValue(vs, ve);
      }
    }
  }

  private declare(prefix: string, uri: string, at: number): void {
    if (prefix === 'xmlns') this.failAt(at, 'syntax', { detail: 'the prefix xmlns cannot be declared' });
    if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) {
      this.failAt(at, 'syntax', { detail: 'the prefix xml is bound to its own namespace only' });
    }
    if (uri === XMLNS_NS) this.failAt(at, 'syntax', { detail: 'the xmlns namespace cannot be declared' });
    if (prefix !== '' && uri === '') this.failAt(at, 'syntax', { detail: `prefix ${prefix} bound to an empty namespace` });
    this.bind(prefix, uri, knownId(uri));
  }

  private bind(prefix: string, uri: string, id: number): void {
    const i = this.nsTop++;
    this.pfx[i] = prefix;
    this.uris[i] = uri;
    this.ids[i] = id;
    if (prefix === '') {
      this.shadows[i] = this.defaultNs;
      this.defaultNs = i;
    } else if (this.byPrefix !== undefined) {
      this.shadows[i] = this.byPrefix.get(prefix) ?? -1;
      this.byPrefix.set(prefix, i);
    }
    if (this.byPrefix === undefined && i >= SCAN_BINDINGS) {
      const m = new Map<string, number>();
      for (let k = 0; k <= i; k++) {
        const p = this.pfx[k]!;
        if (p === '') continue;
        this.shadows[k] = m.get(p) ?? -1;
        m.set(p, k);
      }
      this.byPrefix = m;
    }
  }

  /** Drops the bindings from `mark` up (the element that made them has closed). */
  private unbind(mark: number): void {
    const m = this.byPrefix;
    for (let i = this.nsTop - 1; i >= mark; i--) {
      const p = this.pfx[i]!;
      if (p === '') this.defaultNs = this.shadows[i]!;
      else if (m !== undefined) {
        const shadowed = this.shadows[i]!;
        if (shadowed < 0) m.delete(p);
        else m.set(p, shadowed);
      }
    }
    this.nsTop = mark;
  }

  /** The binding index of the prefix at [start, start+len): -1 for `xml`, -2 when undeclared. */
  private lookup(start: number, len: number): number {
    const s = this.s;
    const m = this.byPrefix;
    const stop = m === undefined ? 0 : Math.max(0, this.nsTop - SCAN_BINDINGS);
    for (let i = this.nsTop - 1; i >= stop; i--) {
      const p = this.pfx[i]!;
      if (p.length === len && s.startsWith(p, start)) return i;
    }
    if (stop > 0) {
      const i = m!.get(s.slice(start, start + len));
      if (i !== undefined) return i;
    }
    if (len === 3 && s.startsWith('xml', start)) return -1;
    return -2;
  }

  /** Reads the end tag at `p` (`</`), which must close the innermost open element. */
  private endTag(p: number): void {
    const s = this.s;
    const d = this.depth - 1;
    const name = this.elName[d]!;
    let q = p + 2 + name.length;
    if (s.slice(p + 2, q) !== name || (q < this.len && this.nameCharAt(q))) {
      let e = p + 2;
      while (e < this.len && this.nameCharAt(e)) e++;
      this.refuseInvalid(e, e + 1);
      this.failAt(p, 'syntax', {
        expected: `</${name}>`,
        found: e > p + 2 ? `</${s.slice(p + 2, e)}>` : this.found(p + 2),
        detail: `mismatched end tag (the element opened at ${this.where(this.elPos[d]!)})`,
      });
    }
    if (s.charCodeAt(q) !== 62) {
      q = this.skipWs(q);
      if (s.charCodeAt(q) !== 62) {
        this.refuseInvalid(q, q + 1);
        this.failAt(q, 'syntax', { expected: "'>'", found: this.found(q) });
      }
    }
    this.pos = q + 1;
    this.unbind(this.elMark[d]!);
    this.depth = d;
  }

  private where(offset: number): string {
    const { line, column } = lineCol(this.s, offset);
    return `${line}:${column}`;
  }

  private closeEmpty(): void {
    this.pendingEmpty = false;
    const d = --this.depth;
    this.unbind(this.elMark[d]!);
  }

  private unclosed(p: number): never {
    const d = this.depth - 1;
    return this.failAt(p, 'syntax', {
      expected: `</${this.elName[d]!}>`,
      found: 'the end of the input',
      detail: `unclosed element (opened at ${this.where(this.elPos[d]!)})`,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Content

  /**
   * The next thing inside the current element, skipping whitespace, comments and PIs:
   * START (a child's start tag has been read), END (the element's end tag has been read and
   * the element closed) or TEXT (other character data or CDATA at `pos`).
   */
  next(): Token {
    if (this.pendingEmpty) {
      this.closeEmpty();
      return END;
    }
    const s = this.s;
    const len = this.len;
    for (;;) {
      let p = this.pos;
      while (p < len && isWs(s.charCodeAt(p))) p++;
      if (p >= len) this.unclosed(p);
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
   * The text content of the current element up to its end tag (references resolved, CDATA
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
    if (s.charCodeAt(lt + 1) !== 47) return this.readMixedText(start);
    if (lt === start) {
      this.endTag(lt);
      return '';
    }
    let text = s.slice(start, lt);
    if (this.checkChars(start, lt) !== 0 || text.indexOf(']]>') >= 0) text = this.decode(text, start, false);
    if (text.length > this.maxString) this.stringTooLong(start, text.length);
    this.endTag(lt);
    return text;
  }

  private readMixedText(start: number): string {
    const s = this.s;
    let out = '';
    let p = start;
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) this.unclosed(this.len);
      if (lt > p) {
        this.checkChars(p, lt);
        out += this.decode(s.slice(p, lt), p, false);
        if (out.length > this.maxString) this.stringTooLong(start, out.length);
      }
      const c2 = s.charCodeAt(lt + 1);
      if (c2 === 47) {
        this.endTag(lt);
        return out;
      }
      if (c2 === 33 && s.startsWith('<![CDATA[', lt)) {
        out += this.cdata(lt);
        if (out.length > this.maxString) this.stringTooLong(start, out.length);
        p = this.pos;
        continue;
      }
      if (c2 === 33 || c2 === 63) {
        this.skipMisc(lt);
        p = this.pos;
        continue;
      }
      this.pos = lt;
      const e = this.name(lt + 1);
      this.failAt(lt, 'type', { expected: 'text content', found: `element <${s.slice(lt + 1, e)}>` });
    }
  }

  /** The CDATA section at `p`, line ends normalized; `pos` moves past it. */
  private cdata(p: number): string {
    const s = this.s;
    const end = s.indexOf(']]>', p + 9);
    if (end < 0) this.failAt(p, 'syntax', { detail: 'unterminated CDATA section' });
    this.pos = end + 3;
    const raw = s.slice(p + 9, end);
    return this.checkChars(p + 9, end) !== 0 ? raw.replace(/\r\n?/g, '\n') : raw;
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

  /**
   * At a TEXT token: character data that is only whitespace once references are resolved
   * (`&#32;`, `&#9;`) counts as whitespace, as .NET's reader reports it; it is skipped (true).
   */
  skipWhitespaceText(): boolean {
    const s = this.s;
    const p = this.pos;
    if (s.charCodeAt(p) !== 38) return false;
    let lt = s.indexOf('<', p);
    if (lt < 0) lt = this.len;
    this.checkChars(p, lt);
    if (trimXml(this.decode(s.slice(p, lt), p, false)) !== '') return false;
    this.pos = lt;
    return true;
  }

  /** Skips the character data or CDATA section at `pos`. */
  skipText(): void {
    const s = this.s;
    const p = this.pos;
    if (s.startsWith('<![CDATA[', p)) {
      this.cdata(p);
      return;
    }
    let lt = s.indexOf('<', p);
    if (lt < 0) lt = this.len;
    const text = s.slice(p, lt);
    if (this.checkChars(p, lt) !== 0 || text.indexOf(']]>') >= 0) this.decode(text, p, false);
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
        if (semi < 0 || semi - i > 12) {
          this.failAt(offset + i, 'syntax', { detail: "'&' that does not start a reference (write &amp;)" });
        }
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
      this.failAt(at, 'syntax', {
        found: `&${name};`,
        detail: 'undefined entity (without a DTD only &lt; &gt; &amp; &quot; &apos; and character references exist)',
      });
    } else this.failAt(at, 'syntax', { found: quote(`&${name};`), detail: 'malformed reference' });
    const valid =
      cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!valid) this.failAt(at, 'syntax', { found: `&${name};`, detail: 'reference to a character XML 1.0 does not allow' });
    return String.fromCodePoint(cp);
  }
}

export function readRootName(text: string): { local: string; ns: string } | undefined {
  const sc = new Scanner(text, 1);
  try {
    sc.prolog();
  } catch {
    return undefined;
  }
  return { local: sc.local, ns: sc.elementNs() };
}
