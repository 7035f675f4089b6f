/**
 * Long lists and dictionaries: past 64 Ki characters the text writers set each chunk aside
 * flattened (common/text-writer.ts), so the bytes across and at chunk boundaries must be exactly
 * the element-by-element join, in both text formats.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { decodeJson, encodeJson } from '../../src/formats/json/index.js';
import { decodeJsv, encodeJsv, quoteJsvString } from '../../src/formats/jsv/index.js';
import { STRING, dict, list } from '../jsv/shapes.js';

const Tag = evoVoice.at(2).requireClass('Tag');
const listOfTags = list(Tag);
const listOfStrings = list(STRING);
const stringMap = dict(STRING);

/** Strings of lengths that put chunk boundaries at different places, with nulls among them. */
function strings(count: number, seed: number): (string | null)[] {
  return Array.from({ length: count }, (_, i) => (i % 7 === 3 ? null : `${i}:` + 'x'.repeat((i * seed) % 997)));
}

const formats = [
  {
    name: 'JSON',
    encode: encodeJson,
    decode: decodeJson,
    str: (s: string) => JSON.stringify(s),
    nullElement: 'null',
    key: (k: string) => JSON.stringify(k),
  },
  { name: 'JSV', encode: encodeJsv, decode: decodeJsv, str: quoteJsvString, nullElement: '', key: quoteJsvString },
] as const;

describe.each(formats)('$name: long containers are written exactly as their pieces joined', (f) => {
  it('a list of strings crossing many chunks, null elements included', () => {
    const xs = strings(3000, 31);
    const text = f.encode(listOfStrings, xs);
    expect(text.length).toBeGreaterThan(5 * 65536);
    expect(text).toBe('[' + xs.map((x) => (x === null ? f.nullElement : f.str(x))).join(',') + ']');
  });

  it('a list of objects, each element as the element encoder writes it, and it reads back', () => {
    const tags = Array.from({ length: 4000 }, (_, i) => ({ id: `tag-${i}`, name: `Tag ${i}`, color: 'Gold' }));
    const text = f.encode(listOfTags, tags);
    expect(text.length).toBeGreaterThan(2 * 65536);
    expect(text).toBe('[' + tags.map((t) => f.encode(Tag, t)).join(',') + ']');
    expect(f.decode(listOfTags, text)).toEqual(tags);
  });

  it('a dictionary crossing chunks, null values left out', () => {
    const vs = strings(2000, 53);
    const map = Object.fromEntries(vs.map((v, i) => [`k${i}`, v]));
    const text = f.encode(stringMap, map);
    expect(text.length).toBeGreaterThan(3 * 65536);
    const entries = vs.flatMap((v, i) => (v === null ? [] : [`${f.key(`k${i}`)}:${f.str(v)}`]));
    expect(text).toBe('{' + entries.join(',') + '}');
  });

  it('a dictionary whose last written value fills a chunk, followed by nulls only, is closed once', () => {
    const big = 'y'.repeat(70_000);
    const text = f.encode(stringMap, { a: big, b: null, c: null });
    expect(text).toBe(`{${f.key('a')}:${f.str(big)}}`);
    expect(f.encode(stringMap, { a: null })).toBe('{}');
    expect(f.encode(stringMap, { a: big, b: 'z' })).toBe(`{${f.key('a')}:${f.str(big)},${f.key('b')}:${f.str('z')}}`);
  });

  it('a list whose single element is longer than a chunk', () => {
    const big = 'w'.repeat(200_000);
    expect(f.encode(listOfStrings, [big])).toBe('[' + f.str(big) + ']');
    expect(f.encode(listOfStrings, [big, null, 'v'])).toBe('[' + f.str(big) + ',' + f.nullElement + ',' + f.str('v') + ']');
  });
});
