/**
 * Strings for generated DTOs, biased towards what breaks wire formats: the characters each
 * format escapes or quotes, whitespace at the edges, line breaks, markup, non-ASCII and
 * astral characters, and words a reader could mistake for something else (`null`, `True`).
 *
 * Each format limits what it can carry, so the character pool depends on the target:
 * - JSON and JSV carry any JavaScript string, lone surrogates and C0 controls included.
 * - XML 1.0 cannot carry C0 controls other than TAB, LF and CR, U+FFFE, U+FFFF or unpaired
 *   surrogates: the writer refuses them (datacontract.md §13.5), so they are never generated
 *   for `'xml'` or `'all'`. CR is generated: the writer carries it as a line break, which is
 *   an equivalence rule (`expectedAfter`), not a limit (except for dictionary keys that would
 *   collide, which ./arbitrary.ts leaves out).
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';

/** Which wire formats a generated value must be able to travel through. */
export type ArbitraryFormat = 'json' | 'jsv' | 'xml' | 'all';

/** Characters with a meaning in at least one format. */
const SPECIAL = [
  '"', ':', ',', '{', '}', '[', ']', '\r', '\n', '\t', ' ', '<', '>', '&', "'", '\\', '/', '=', ';', '#', '%', '?',
];
/** Non-ASCII that is valid everywhere, including code points some readers treat as whitespace or markers. */
const WIDE = ['é', 'ß', 'Ω', '中', '€', '\u00a0', '\u0085', '\u2028', '\u2029', '\u200b', '\ufeff', '\u202e', '\u0301'];
/** Astral characters (surrogate pairs in JavaScript). */
const ASTRAL = ['😀', '𝄞', '🏳️‍🌈', '\u{10ffff}', '\u{1f600}\u{1f601}'];
/** Code units only JSON and JSV can carry. */
const NOT_XML = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\ufffe', '\uffff', '\ud800', '\udfff', '\udbff'];

/** Whole strings worth trying verbatim: edges, look-alikes of other tokens, escapes of other formats. */
const WORDS = [
  '',
  ' ',
  '   ',
  '\t',
  '\n',
  '\r\n',
  ' padded ',
  ' lead',
  'trail ',
  'null',
  'Null',
  'undefined',
  'True',
  'false',
  'NaN',
  'Infinity',
  '-0',
  '0',
  '1E+21',
  '""',
  '"',
  '"quoted"',
  "'",
  'String',
  '<&>',
  ']]>',
  '&amp;',
  '&#xD;',
  '<![CDATA[x]]>',
  'a:b',
  'http://example.org/a?b=c',
  'C:\\temp\\x.txt',
  '{}',
  '[]',
  '{a:1}',
  '[1,2]',
  'a,b',
  '2" x 1"',
  'line1\nline2',
  'a\r\nb\rc',
  '\u200b',
  '__proto__',
];

/** XML 1.0 `Char` for one UTF-16 code unit or code point (surrogate pairs count as one valid character). */
export function isXmlChar(cp: number): boolean {
  if (cp < 0x20) return cp === 0x09 || cp === 0x0a || cp === 0x0d;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return cp !== 0xfffe && cp !== 0xffff;
}

/** Whether XML 1.0 can carry `s` (unpaired surrogates, most C0 controls, U+FFFE/U+FFFF cannot). */
export function xmlCanCarry(s: string): boolean {
  for (const ch of s) if (!isXmlChar(ch.codePointAt(0)!)) return false;
  return true;
}

const pools = new Map<ArbitraryFormat, Arbitrary<string>>();

/** A string arbitrary for `format`; shared, since it depends on nothing else. */
export function textArbitrary(format: ArbitraryFormat): Arbitrary<string> {
  let arb = pools.get(format);
  if (arb === undefined) {
    const xmlOnly = format === 'xml' || format === 'all';
    const anyCodePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((cp) => !xmlOnly || isXmlChar(cp))
      .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));
    const unit = fc.oneof(
      { weight: 10, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
      { weight: 5, arbitrary: fc.constantFrom(...SPECIAL) },
      { weight: 2, arbitrary: fc.constantFrom(...WIDE) },
      { weight: 1, arbitrary: fc.constantFrom(...ASTRAL) },
      { weight: 1, arbitrary: anyCodePoint },
      ...(xmlOnly ? [] : [{ weight: 1, arbitrary: fc.constantFrom(...NOT_XML) }]),
    );
    arb = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit, maxLength: 16 }) },
      { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
      // A word wrapped in noise: edge whitespace and specials next to ordinary text.
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.string({ unit, maxLength: 3 }), fc.constantFrom(...WORDS), fc.string({ unit, maxLength: 3 }))
          .map(([a, w, b]) => a + w + b),
      },
    );
    pools.set(format, arb);
  }
  return arb;
}

/** Dictionary keys a naive reader gets wrong: prototype names, empty, quotes, colons, spaces, numbers. */
export const AWKWARD_KEYS: readonly string[] = Object.freeze([
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  '',
  ' ',
  ' k ',
  '"',
  'a"b',
  '"quoted"',
  ':',
  'a:b',
  'a,b',
  '{',
  '}',
  '[x]',
  'key with spaces',
  '0',
  '7',
  '-1',
  '1.5',
  'null',
  'True',
  '<k>',
  '&',
  'é',
  '😀',
]);

const keyPools = new Map<ArbitraryFormat, Arbitrary<string>>();

/** Dictionary keys: the awkward ones often, any generated text otherwise. */
export function keyArbitrary(format: ArbitraryFormat): Arbitrary<string> {
  let arb = keyPools.get(format);
  if (arb === undefined) {
    arb = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...AWKWARD_KEYS) }, { weight: 1, arbitrary: textArbitrary(format) });
    keyPools.set(format, arb);
  }
  return arb;
}
