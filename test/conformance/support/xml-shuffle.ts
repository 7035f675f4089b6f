/**
 * Reorders the member elements of every class element of a document the XML writer produced,
 * to check that the default (non-strict) reader takes members in any order. The document is
 * split into a tree just far enough to move elements: start tags, end tags and text are kept
 * verbatim, so namespace declarations travel with the element that carries them (the writer
 * declares a prefix on the element that first needs it, never on a sibling). Which elements
 * are class members is decided by the descriptors, as the reader would: list items, dictionary
 * entries and a `Key`/`Value` pair keep their order (it is data, or required).
 */
import { xmlMembers } from '../../../src/formats/xml/contract.js';
import type { ClassDescriptor, TypeDescriptor } from '../../../src/schema/descriptors.js';

interface Element {
  readonly kind: 'element';
  /** The start tag exactly as written, `<` to `>` (or `/>`). */
  readonly open: string;
  readonly qname: string;
  readonly selfClosing: boolean;
  children: Node[];
}
interface Text {
  readonly kind: 'text';
  readonly raw: string;
}
type Node = Element | Text;

/** Parses well-formed output of this project's XML writer (no comments, CDATA or DOCTYPE). */
function parse(xml: string): { prolog: string; root: Element } {
  let i = 0;
  let prolog = '';
  if (xml.startsWith('<?xml')) {
    i = xml.indexOf('?>') + 2;
    prolog = xml.slice(0, i);
  }
  const lead = /^\s*/.exec(xml.slice(i))![0];
  prolog += lead;
  i += lead.length;
  const stack: Element[] = [];
  let root: Element | undefined;
  while (i < xml.length) {
    if (xml[i] === '<') {
      const end = xml.indexOf('>', i);
      if (end < 0) throw new Error(`unterminated tag at ${i}`);
      const tag = xml.slice(i, end + 1);
      i = end + 1;
      if (tag.startsWith('</')) {
        stack.pop();
        continue;
      }
      const selfClosing = tag.endsWith('/>');
      const qname = /^<([^\s/>]+)/.exec(tag)![1]!;
      const el: Element = { kind: 'element', open: tag, qname, selfClosing, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
      if (!selfClosing) stack.push(el);
    } else {
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      i = next < 0 ? xml.length : next;
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push({ kind: 'text', raw });
    }
  }
  if (!root) throw new Error('no root element');
  return { prolog, root };
}

function serialize(n: Node): string {
  if (n.kind === 'text') return n.raw;
  if (n.selfClosing) return n.open;
  return `${n.open}${n.children.map(serialize).join('')}</${n.qname}>`;
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const elements = (el: Element): Element[] => el.children.filter((c): c is Element => c.kind === 'element');

/** Reorders a class element's children in place. */
export type Permute = (children: Node[]) => void;

function shuffleValue(el: Element, t: TypeDescriptor, permute: Permute): void {
  if (el.selfClosing) return;
  switch (t.kind) {
    case 'scalar':
    case 'enum':
    case 'nullable':
      return;
    case 'list':
      for (const item of elements(el)) shuffleValue(item, t.of, permute);
      return;
    case 'dictionary':
      for (const entry of elements(el)) {
        const value = elements(entry).find((e) => localName(e.qname) === 'Value');
        if (value) shuffleValue(value, t.value, permute);
      }
      return;
    case 'class':
      if (t.dictionary) return shuffleValue(el, t.dictionary, permute);
      return shuffleClass(el, t, permute);
  }
}

function shuffleClass(el: Element, c: ClassDescriptor, permute: Permute): void {
  const byName = new Map(xmlMembers(c).map((m) => [m.local, m.property.type]));
  for (const child of elements(el)) {
    const t = byName.get(localName(child.qname));
    if (t) shuffleValue(child, t, permute);
  }
  // The whole child list moves: in an indented document the whitespace text lands anywhere
  // between members, which the reader must ignore.
  permute(el.children);
}

function reorder(xml: string, type: ClassDescriptor, permute: Permute): string {
  const { prolog, root } = parse(xml);
  shuffleValue(root, type, permute);
  return prolog + serialize(root);
}

/** `xml` with the members of every class element in reverse order. */
export function reverseMembers(xml: string, type: ClassDescriptor): string {
  return reorder(xml, type, (a) => a.reverse());
}

/** `xml` with the members of every class element shuffled by a seeded generator. */
export function shuffleMembers(xml: string, type: ClassDescriptor, seed: number): string {
  const random = mulberry32(seed);
  return reorder(xml, type, (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
  });
}

/** A small seeded generator, so one fast-check integer drives a whole shuffle (and shrinks). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
