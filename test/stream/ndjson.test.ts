/**
 * NDJSON: one JSON DTO per line. A document of `List<T>` reads as the JSON array of its lines
 * would (values and errors), streamed or whole; the writer ends every record with `\n`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dtoArbitrary } from '../../src/arbitrary/index.js';
import { decodeJson, encodeJson } from '../../src/formats/json/index.js';
import {
  decodeNdjson,
  decodeNdjsonStream,
  encodeNdjson,
  encodeNdjsonStream,
  ndjsonCodec,
  NdjsonFramer,
  sniffNdjson,
} from '../../src/formats/ndjson/index.js';
import { listOf, type TypeDescriptor } from '../../src/schema/descriptors.js';
import { scalar } from '../../src/schema/registry.js';
import { evoVoice } from '../support/evo-voice.js';
import { byteChunks, bytesSplit2, collect, collectUntilError, errorOf, shape, split2, timeRatio, units } from './helpers.js';

const schema = evoVoice.at(2);
const CustomerInfo = schema.requireClass('CustomerInfo');
const Tag = schema.requireClass('Tag');
/** A class without defaults (Tag has a default color), so decoded values read as written. */
const Crumb = schema.requireClass('CustomerBreadcrumb');
const Int32 = scalar('Int32');
const seed = (name: string): string => readFileSync(new URL(`../../fixtures/seeds/json/${name}`, import.meta.url), 'utf8').trim();

const LINES = [
  seed('CustomerInfo.response.rev2.json'),
  '',
  ' {"id":"ü€😀 \\"q\\"","tags":[{"id":"t","name":"a\\nb","color":"Red"}]}\r',
  '  \t ',
  'null',
  seed('CustomerInfo.response.rev1.seed001.json'),
];
const TEXT = LINES.join('\n') + '\n';
/** What the same records are as a JSON array. */
const asArray = (text: string): string => '[' + text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '').join(',') + ']';

describe('NDJSON decode', () => {
  it('a document of List<T> is the JSON array of its non-blank lines', () => {
    const v = decodeNdjson(listOf(CustomerInfo), TEXT) as unknown[];
    expect(v).toEqual(decodeJson(listOf(CustomerInfo), asArray(TEXT)));
    expect(v).toHaveLength(4);
    expect(v[2]).toBeNull();
    expect(decodeNdjson(listOf(CustomerInfo), '')).toEqual([]);
    expect(decodeNdjson(listOf(CustomerInfo), '\n\r\n  \n')).toEqual([]);
    // The last line may lack its line break; a BOM is dropped.
    expect(decodeNdjson(listOf(Crumb), '\uFEFF{"id":"a"}\n{"id":"b"}')).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('streamed equals whole for every chunking: 2 chunks at every position, 1-unit chunks, UTF-8 bytes', async () => {
    const whole = decodeNdjson(listOf(CustomerInfo), TEXT);
    expect(await collect(decodeNdjsonStream(CustomerInfo, units(TEXT)))).toEqual(whole);
    for (const size of [1, 2, 3, 5, 64]) expect(await collect(decodeNdjsonStream(CustomerInfo, byteChunks(TEXT, size)))).toEqual(whole);
    const short = '{"id":"é😀"}\r\n\n{"id":"b"}\nnull\n';
    const shortWhole = decodeNdjson(listOf(Crumb), short);
    for (let at = 0; at <= short.length; at++) expect(await collect(decodeNdjsonStream(Crumb, split2(short, at)))).toEqual(shortWhole);
    for (let at = 0; at <= new TextEncoder().encode(short).length; at++) expect(await collect(decodeNdjsonStream(Crumb, bytesSplit2(short, at)))).toEqual(shortWhole);
    for (let at = 0; at <= TEXT.length; at += 11) expect(await collect(decodeNdjsonStream(CustomerInfo, split2(TEXT, at)))).toEqual(whole);
  });

  it('an error names the record index and the line of the whole text, as the JSON array decode names the element', async () => {
    const bad = TEXT.replace('"color":"Red"', '"color":"Mauve"');
    const s = await collectUntilError(decodeNdjsonStream(CustomerInfo, units(bad)));
    expect(s.values).toHaveLength(1);
    const e = s.error!;
    expect(e.format).toBe('NDJSON');
    expect(e.path).toBe('[1].tags[0].color');
    expect(e.line).toBe(3);
    // The column is the one on that line: the JSON array's error is on its line 1, offset by the line's start there.
    const inArray = errorOf(() => decodeJson(listOf(CustomerInfo), '[' + LINES[2]!.replace('"color":"Red"', '"color":"Mauve"') + ']'))!;
    expect(e.column).toBe(inArray.column! - 1);
    expect({ ...shape(e), format: 'JSON', line: 1, column: e.column! + 1, path: '[0].tags[0].color' }).toEqual(shape(inArray));
    expect(e.message).toMatch(/^cannot decode List<CustomerInfo>\[1\]\.tags\[0\]\.color from NDJSON at 3:\d+: expected a TagColors member, got "Mauve"$/);
    expect(shape(errorOf(() => decodeNdjson(listOf(CustomerInfo), bad)))).toEqual(shape(e));
  });

  it('every one-character change of a record line fails or succeeds as that line in a JSON array does', async () => {
    const line = '{"id":"a","tags":[{"id":"x\\"]","color":"Blue"}],"name":"é"}';
    for (let at = 0; at < line.length; at++) {
      for (const ch of [',', ']', '}', '"', '\\', 'x', ' ', 'null']) {
        const l = line.slice(0, at) + ch + line.slice(at + 1);
        let whole: unknown;
        const we = errorOf(() => (whole = decodeJson(listOf(CustomerInfo), '[{},' + l + ']')));
        const s = await collectUntilError(decodeNdjsonStream(CustomerInfo, ['{}\n', l]));
        if (we === undefined) {
          expect(s.error, l).toBeUndefined();
          expect(s.values).toEqual(whole);
        } else {
          expect(s.error, l).toBeDefined();
          expect({ code: s.error!.code, path: s.error!.path || undefined, line: s.error!.line, column: s.error!.column, expected: s.error!.expected, found: s.error!.found }, `${l}\n${we.message}\n${s.error!.message}`).toEqual({
            code: we.code,
            path: we.path || (s.error!.path ? s.error!.path : undefined),
            line: 2,
            column: we.column! - 4,
            // After the record's value: the line must end (or, read as a list element, `,` or `]`).
            expected: we.expected === "',' or ']'" && s.error!.expected === 'end of input' ? 'end of input' : we.expected,
            // The array's closing `]` is not part of the NDJSON line.
            found: we.found === "']'" && we.column === l.length + 5 ? 'end of input' : we.found,
          });
        }
      }
    }
  });

  it('null records as a JSON array takes them: null for a class, an error for a value type', async () => {
    expect(await collect(decodeNdjsonStream(Crumb, 'null\n{"id":"a"}\n'))).toEqual([null, { id: 'a' }]);
    const e = (await collectUntilError(decodeNdjsonStream(Int32, '1\n\nnull\n'))).error!;
    const inArray = errorOf(() => decodeJson(listOf(Int32), '[1,null]'))!;
    expect({ code: e.code, path: e.path, line: e.line, column: e.column, expected: e.expected }).toEqual({ code: inArray.code, path: inArray.path, line: 3, column: 1, expected: inArray.expected });
  });

  it('a non-list type: a document of exactly one record', () => {
    const one = seed('CustomerInfo.response.rev2.json');
    expect(decodeNdjson(CustomerInfo, '\n' + one + '\n\n')).toEqual(decodeJson(CustomerInfo, one));
    expect(errorOf(() => decodeNdjson(CustomerInfo, one + '\n' + one + '\n'))!.message).toBe(
      'cannot decode CustomerInfo from NDJSON at 2:1: expected end of input, got a second record (an NDJSON document of one CustomerInfo holds one line; decode List<CustomerInfo> for a collection)',
    );
    expect(errorOf(() => decodeNdjson(CustomerInfo, '\n \n'))!.message).toBe('cannot decode CustomerInfo from NDJSON at 1:1: expected CustomerInfo, got no record');
    const e = errorOf(() => decodeNdjson(Tag, '\n\n{"id":"a",\t"color":"Mauve"}'))!;
    expect(e.message).toBe('cannot decode Tag.color from NDJSON at 3:20: expected TagColors, got "Mauve"'.replace('TagColors', e.expected!));
    expect(errorOf(() => decodeNdjson(Tag, 'null'))!.code).toBe('type');
  });

  it('cut short: a last line without its line break is a record; cut inside a record is that record\'s error', async () => {
    expect(await collect(decodeNdjsonStream(Crumb, '{"id":"a"}\n{"id":"b"}'))).toEqual([{ id: 'a' }, { id: 'b' }]);
    const s = await collectUntilError(decodeNdjsonStream(Crumb, ['{"id":"a"}\n{"id":', '"b']));
    expect(s.values).toEqual([{ id: 'a' }]);
    expect(s.error!.path).toBe('[1].id');
    expect(s.error!.line).toBe(2);
    expect(s.error!.detail).toBe('unterminated string');
  });

  it('a line longer than maxDocumentLength is refused before it ends', async () => {
    let pulled = 0;
    const source = (function* () {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield '{"id":"' + 'x'.repeat(40);
      }
    })();
    const s = await collectUntilError(decodeNdjsonStream(Tag, source, { maxDocumentLength: 200 } as never));
    expect(s.error!.code).toBe('documentLength');
    expect(s.error!.line).toBe(1);
    expect(pulled).toBeLessThan(10);
  });
});

describe('NDJSON encode', () => {
  it('every record on its line, each ended by \\n (the last too); nothing for an empty collection', async () => {
    expect(encodeNdjson(listOf(Crumb), [{ id: 'a' }, null, { id: 'b\nc' }])).toBe('{"id":"a"}\n{}\n{"id":"b\\nc"}\n');
    expect(encodeNdjson(listOf(Crumb), [])).toBe('');
    expect((await collect(encodeNdjsonStream(Crumb, []))).join('')).toBe('');
    expect(encodeNdjson(Crumb, { id: 'a' })).toBe('{"id":"a"}\n');
  });

  it('the records are the JSON array\'s elements, streamed and whole, for generated customers (nulls included)', async () => {
    const arb = fc.array(fc.option(dtoArbitrary(CustomerInfo, { format: 'json', maxLength: 2, maxDepth: 2 }), { freq: 4 }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        const text = encodeNdjson(listOf(CustomerInfo), values);
        expect((await collect(encodeNdjsonStream(CustomerInfo, values))).join('')).toBe(text);
        expect(asArray(text)).toBe(encodeJson(listOf(CustomerInfo), values));
        expect(text.split('\n')).toHaveLength(values.length + 1);
        expect(decodeNdjson(listOf(CustomerInfo), text)).toEqual(decodeJson(listOf(CustomerInfo), asArray(text)));
      }),
      { numRuns: 50 },
    );
  });

  it('pretty is refused; errors name the record', async () => {
    expect(() => encodeNdjson(listOf(Tag), [], { pretty: true } as never)).toThrow(/pretty option is not available/);
    expect(() => encodeNdjsonStream(Tag, [], { pretty: true } as never)).toThrow(/pretty option is not available/);
    const values = [{ id: 'a' }, { id: 'b', color: 'Mauve' }];
    const whole = errorOf(() => encodeJson(listOf(Tag), values))!;
    const e = errorOf(() => encodeNdjson(listOf(Tag), values))!;
    expect({ ...shape(e), format: 'JSON' }).toEqual(shape(whole));
    expect(e.format).toBe('NDJSON');
    await expect(collect(encodeNdjsonStream(Tag, values))).rejects.toThrow(e.message);
  });
});

describe('the NDJSON codec', () => {
  it('names, media type, extensions, and the stream members', () => {
    expect(ndjsonCodec.name).toBe('ndjson');
    expect(ndjsonCodec.label).toBe('NDJSON');
    expect(ndjsonCodec.mediaTypes).toEqual(['application/x-ndjson']);
    expect(ndjsonCodec.extensions).toEqual(['.ndjson', '.jsonl']);
    expect(typeof ndjsonCodec.decodeStream).toBe('function');
    expect(typeof ndjsonCodec.encodeStream).toBe('function');
  });

  it('sniffs a JSON value per line, not a single document', () => {
    expect(sniffNdjson('{"a":1}\n{"a":2}\n').score).toBeGreaterThan(0.95);
    expect(sniffNdjson('{\n  "a": 1\n}\n').score).toBeLessThan(0.5);
    expect(sniffNdjson('{"a":1}').score).toBeLessThan(0.5);
    expect(sniffNdjson('<x/>').score).toBe(0);
  });

  it('the framer is linear in the input, in small chunks', () => {
    const time = (text: string, chunk = 16): number => {
      const f = new NdjsonFramer();
      const t0 = performance.now();
      for (let i = 0; i < text.length; i += chunk) {
        f.push(text.slice(i, i + chunk));
        while (f.take() !== undefined);
      }
      f.end();
      while (f.take() !== undefined);
      return performance.now() - t0;
    };
    for (const make of [(n: number) => '{"id":"x"}\n'.repeat(n), (n: number) => '{"id":"' + 'x'.repeat(n * 10) + '"}\n', (n: number) => '\n'.repeat(n * 10)]) {
      const small = make(2_000);
      const large = make(20_000);
      const r = timeRatio(() => time(small), () => time(large));
      expect(r, `${make(1).slice(0, 20)}: 10x the input took ${r.toFixed(1)}x the time`).toBeLessThanOrEqual(20);
    }
    // Many records in one chunk: the queue of records found and not yet taken.
    const many = (n: number) => '{"id":"x"}\n'.repeat(n);
    const r = timeRatio(() => time(many(5_000), 1e9), () => time(many(50_000), 1e9));
    expect(r, `records in one chunk: 10x took ${r.toFixed(1)}x`).toBeLessThanOrEqual(20);
  });
});

void (null as unknown as TypeDescriptor);
