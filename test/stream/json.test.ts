/**
 * Streaming a JSON array: the streamed decode is the whole-document decode of `List<T>`, for
 * every way the text can arrive in chunks, with the same errors at the same places; the
 * streamed encode is byte-identical to the whole-list encode.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dtoArbitrary } from '../../src/arbitrary/index.js';
import { decodeJson, encodeJson } from '../../src/formats/json/index.js';
import { decodeJsonStream, encodeJsonStream, JsonArrayFramer } from '../../src/formats/json/stream.js';
import { listOf, type TypeDescriptor } from '../../src/schema/descriptors.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry, scalar } from '../../src/schema/registry.js';
import { evoVoice } from '../support/evo-voice.js';
import { byteChunks, bytesSplit2, collect, collectUntilError, errorOf, shape, split2, timeRatio, units } from './helpers.js';

const schema = evoVoice.at(2);
const CustomerInfo = schema.requireClass('CustomerInfo');
const Tag = schema.requireClass('Tag');
const Int32 = scalar('Int32');
const StringT = scalar('String');
/** A class whose members and dictionary keys are named like Object.prototype's. */
const Bag = createRegistry({
  name: 'bag',
  revisions: [{ id: 1, description: '' }],
  types: [classType('N', 'Bag', {}, { Map: prop(t.Dictionary(t.String, t.String)), Constructor: prop(t.String), Proto: prop(t.String, { dataMember: { name: '__proto__' } }) })],
}).at().requireClass('Bag');
const StringMap = Bag.properties[0]!.type;
const seed = (name: string): string => readFileSync(new URL(`../../fixtures/seeds/json/${name}`, import.meta.url), 'utf8').trim();

/** Three realistic customers, CRLF and LF line ends, non-ASCII text and escapes. */
const CUSTOMERS = [
  '[\r\n  ',
  seed('CustomerInfo.response.rev2.json'),
  ' ,\n  {"id":"ü€😀 \\"q\\" \\\\","name":"a\\u00e9b","tags":[{"id":"t","name":"[]{},\\"","color":"Red"}]}',
  ',\n\t',
  seed('CustomerInfo.response.rev1.seed001.json'),
  '\n]\n',
].join('');

/** A short collection for the every-position tests. */
const SHORT = '[{"id":"a","name":"é😀\\\\"} , {"tags":[{"id":"x\\"]","color":"Blue"}]},\n{},null,{"name":"\\u0041"}]';

async function streamed(type: TypeDescriptor, source: Parameters<typeof decodeJsonStream>[1], options?: Parameters<typeof decodeJsonStream>[2]) {
  return collectUntilError(decodeJsonStream(type, source, options));
}

/** The streamed decode of `chunks` agrees with the whole decode of their text: values, or the error. */
async function agrees(type: TypeDescriptor, text: string, chunks: Parameters<typeof decodeJsonStream>[1], options?: Parameters<typeof decodeJsonStream>[2]): Promise<void> {
  let whole: unknown;
  const wholeError = errorOf(() => (whole = decodeJson(listOf(type), text, options)));
  const s = await streamed(type, chunks, options);
  if (wholeError === undefined) {
    expect(s.error, text).toBeUndefined();
    expect(s.values).toEqual(whole);
    return;
  }
  expect(s.error, `no error for ${JSON.stringify(text)}`).toBeDefined();
  const w = shape(wholeError)!;
  const e = shape(s.error)!;
  const ctx = `${JSON.stringify(text)}\nwhole: ${wholeError.message}\nstream: ${s.error!.message}`;
  if (String(e.detail).startsWith('a stream reads a JSON array')) {
    // Not an array at all: the stream says so, at the same place.
    expect({ line: e.line, column: e.column }, ctx).toEqual({ line: w.line, column: w.column });
    return;
  }
  expect({ code: e.code, line: e.line, column: e.column, expected: e.expected, found: e.found, typeName: e.typeName }, ctx).toEqual({
    code: w.code,
    line: w.line,
    column: w.column,
    expected: w.expected,
    found: w.found,
    typeName: w.typeName,
  });
  // The element's path is the whole reader's; an envelope error (no path there) names the element it follows.
  if (w.path) expect(e.path, ctx).toBe(w.path);
  else if (e.path) expect(e.path, ctx).toMatch(/^\[\d+\]$/);
  // Every element before the failing one was yielded, complete.
  const failing = /^\[(\d+)\]/.exec(String(e.path ?? ''));
  if (failing) expect(s.values.length, ctx).toBeLessThanOrEqual(Number(failing[1]) + 1);
}

describe('JSON stream decode equals the whole-list decode', () => {
  it('for realistic customers in one chunk, as 1-unit chunks and as UTF-8 bytes in small chunks', async () => {
    const whole = decodeJson(listOf(CustomerInfo), CUSTOMERS);
    expect((whole as unknown[]).length).toBe(3);
    expect(await collect(decodeJsonStream(CustomerInfo, CUSTOMERS))).toEqual(whole);
    expect(await collect(decodeJsonStream(CustomerInfo, units(CUSTOMERS)))).toEqual(whole);
    for (const size of [1, 2, 3, 7, 64]) expect(await collect(decodeJsonStream(CustomerInfo, byteChunks(CUSTOMERS, size)))).toEqual(whole);
    expect(await collect(decodeJsonStream(CustomerInfo, new TextEncoder().encode(CUSTOMERS)))).toEqual(whole);
  });

  it('cut into two chunks at every position (text and UTF-8 bytes, inside multi-byte characters and escapes)', async () => {
    for (let at = 0; at <= SHORT.length; at++) await agrees(CustomerInfo, SHORT, split2(SHORT, at));
    const bytes = new TextEncoder().encode(SHORT).length;
    for (let at = 0; at <= bytes; at++) await agrees(CustomerInfo, SHORT, bytesSplit2(SHORT, at));
    for (let at = 0; at <= CUSTOMERS.length; at += 7) await agrees(CustomerInfo, CUSTOMERS, split2(CUSTOMERS, at));
  });

  it('a backslash right before a chunk boundary, inside a string (escaped quote and escaped backslash)', async () => {
    const text = '[{"id":"a\\"b"},{"id":"c\\\\"},{"id":"\\\\\\""}]';
    const v = await collect(decodeJsonStream(Tag, ['[{"id":"a\\', '"b"},{"id":"c\\', '\\"},{"id":"\\', '\\\\', '""}]']));
    expect(v).toEqual(decodeJson(listOf(Tag), text));
    expect(v.map((x) => (x as { id: string }).id)).toEqual(['a"b', 'c\\', '\\"']);
  });

  it('an empty array, with and without whitespace, and a BOM', async () => {
    for (const text of ['[]', ' [ ] ', '\r\n[\n]\n', '\uFEFF[]']) expect(await collect(decodeJsonStream(CustomerInfo, text))).toEqual([]);
    expect(await collect(decodeJsonStream(CustomerInfo, new TextEncoder().encode('\uFEFF[{"id":"x"}]')))).toEqual(decodeJson(listOf(CustomerInfo), '[{"id":"x"}]'));
  });

  it('null elements as the whole-list reader takes them: null for a class, an error for Int32 (strict) and a struct', async () => {
    expect(await collect(decodeJsonStream(CustomerInfo, '[null, {"id":"a"} ,null]'))).toEqual(decodeJson(listOf(CustomerInfo), '[null, {"id":"a"} ,null]'));
    expect((await collect(decodeJsonStream(CustomerInfo, '[null]')))[0]).toBeNull();
    expect(await collect(decodeJsonStream(StringT, '["a",null,"c"]'))).toEqual(['a', null, 'c']);
    await agrees(Int32, '[1,\n null]', '[1,\n null]');
    await agrees(Int32, '[1,\n null]', '[1,\n null]', { lenient: true });
    const Struct = schema.require('Struct');
    if (Struct.kind === 'class' && Struct.isValueType) await agrees(Struct, '[{}, null]', '[{}, null]');
    await agrees(listOf(Int32), '[[1],null,[2]]', '[[1],null,[2]]');
  });

  it('scalar and list element types', async () => {
    await agrees(Int32, '[1, 2 ,3,"4"]', units('[1, 2 ,3,"4"]'));
    await agrees(StringT, '["a", 1, true, "\\u00e9"]', units('["a", 1, true, "\\u00e9"]'));
    await agrees(listOf(StringT), '[["a"],[],["b","c"]]', units('[["a"],[],["b","c"]]'));
  });
});

describe('JSON stream errors are the whole decoder\'s, at the same line:column', () => {
  it('an error inside the third element, on a later line: index, path, position', async () => {
    const bad = CUSTOMERS.replace('"color":"Red"', '"color":"Mauve"');
    const whole = errorOf(() => decodeJson(listOf(CustomerInfo), bad))!;
    expect(whole.path).toBe('[1].tags[0].color');
    const s = await streamed(CustomerInfo, units(bad));
    expect(s.values).toEqual([(decodeJson(listOf(CustomerInfo), CUSTOMERS) as unknown[])[0]]);
    expect(shape(s.error)).toEqual(shape(whole));
    expect(s.error!.message).toBe(whole.message);
    expect(s.error!.message).toMatch(/^cannot decode List<CustomerInfo>\[1\]\.tags\[0\]\.color from JSON at 3:\d+/);
  });

  it('every prefix of a collection (a stream cut short) fails where the whole decoder fails', async () => {
    for (let n = 0; n < SHORT.length; n++) await agrees(CustomerInfo, SHORT.slice(0, n), units(SHORT.slice(0, n)));
    await agrees(Int32, '[1,2', '[1,2');
    await agrees(Int32, '[1,', ['[1', ',']);
    await agrees(Int32, '[', '[');
    await agrees(Int32, '  ', '  ');
  });

  it('every one-character change of a collection fails or succeeds as the whole decoder does', async () => {
    const chars = [',', ']', '[', '}', '{', '"', '\\', ':', ' ', 'x', '1', '\n', '\uFEFF'];
    for (let at = 0; at < SHORT.length; at++) {
      for (const ch of chars) {
        // A leading BOM: the JSON reader counts it as column 1, the stream drops it (reported).
        if (at === 0 && ch === '\uFEFF') continue;
        const text = SHORT.slice(0, at) + ch + SHORT.slice(at + 1);
        await agrees(CustomerInfo, text, split2(text, (at * 7) % (text.length + 1)));
      }
    }
  });

  it('envelope errors: a missing comma, text after the closing bracket, a trailing comma', async () => {
    for (const text of ['[{"id":"a"} {"id":"b"}]', '[{"id":"a"}]\n x', '[{"id":"a"}]]', '[{"id":"a"},]', '[1 2]', '["a""b"]', '[{}:{}]', '[,]', '[}']) {
      await agrees(CustomerInfo, text, units(text));
    }
    const s = await streamed(CustomerInfo, '[{"id":"a"},\n{"id":"b"} {"id":"c"}]');
    expect(s.values).toHaveLength(2);
    expect(s.error!.message).toBe("cannot decode List<CustomerInfo>[1] from JSON at 2:12: expected ',' or ']', got '{' (a missing comma between two elements?)");
    const after = await streamed(CustomerInfo, '[{"id":"a"}]\n x');
    expect(after.values).toHaveLength(1);
    expect(after.error!.message).toBe("cannot decode List<CustomerInfo> from JSON at 2:2: expected end of input, got 'x' (text after the ']' that closes the List<CustomerInfo>)");
  });

  it('a single object is not a collection: a clear error that says to use decode', async () => {
    const s = await streamed(CustomerInfo, ' {"id":"a"}');
    expect(s.values).toEqual([]);
    expect(s.error!.code).toBe('type');
    expect(s.error!.message).toBe(
      'cannot decode List<CustomerInfo> from JSON at 1:2: expected List<CustomerInfo>, got an object (a stream reads a JSON array; a single CustomerInfo object is one document: use decode)',
    );
    expect((await streamed(CustomerInfo, 'null')).error!.line).toBe(1);
  });

  it('a cut-short stream names the element being read and the end position', async () => {
    const s = await streamed(CustomerInfo, ['[{"id":"a"},\n{"id":"b', 'c", "tags":[']);
    expect(s.values).toHaveLength(1);
    expect(s.error!.path).toBe('[1].tags[0]');
    expect(s.error!.line).toBe(2);
    await agrees(CustomerInfo, '[{"id":"a"},\n{"id":"bc", "tags":[', ['[{"id":"a"},\n{"id":"b', 'c", "tags":[']);
    const t2 = await streamed(CustomerInfo, '[{"id":"a"}');
    expect(t2.error!.message).toBe("cannot decode List<CustomerInfo>[0] from JSON at 1:12: expected ',' or ']', got end of input");
  });

  it('nesting depth counts the list level, as in the whole document', async () => {
    const deep = '[' + '['.repeat(3) + ']'.repeat(3) + ']';
    const L3 = listOf(listOf(listOf(Int32)));
    await agrees(L3, deep, deep, { maxDepth: 3 });
    await agrees(L3, deep, deep, { maxDepth: 4 });
  });

  it('an element longer than maxDocumentLength is refused before it is complete', async () => {
    const big = '[{"id":"' + 'x'.repeat(1000) + '"}]';
    const chunks = big.match(/.{1,50}/gs)!;
    let pulled = 0;
    const source = (function* () {
      for (const c of chunks) {
        pulled++;
        yield c;
      }
    })();
    const s = await streamed(CustomerInfo, source, { maxDocumentLength: 100 } as never);
    expect(s.error!.code).toBe('documentLength');
    expect(s.error!.path).toBe('[0]');
    expect(s.error!.message).toMatch(/maxDocumentLength/);
    expect(pulled).toBeLessThan(6);
  });

  it('bad options are usage errors, raised at the call', () => {
    expect(() => decodeJsonStream(CustomerInfo, '[]', { maxDepth: 0 })).toThrow(/maxDepth/);
    expect(() => decodeJsonStream(CustomerInfo, '[]', { maxDocumentLength: -1 } as never)).toThrow(/maxDocumentLength/);
  });
});

describe('JSON stream data stays data', () => {
  it('__proto__ and constructor as member names and dictionary keys', async () => {
    const text = '[{"map":{"__proto__":"p","constructor":"c"},"__proto__":"p2","constructor":"k"},{"map":{"__proto__":"q"}}]';
    const v = (await collect(decodeJsonStream(Bag, units(text)))) as { map: Record<string, string> }[];
    expect(v).toEqual(decodeJson(listOf(Bag), text));
    expect(Object.getOwnPropertyNames(v[0]!.map)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(v[0]!.map)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v[0], '__proto__')?.value).toBe('p2');
    expect(Object.getOwnPropertyDescriptor(v[0], 'constructor')?.value).toBe('k');
    expect(Object.getPrototypeOf(v[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('p2');
    expect(({} as Record<string, unknown>).map).toBeUndefined();
  });

  it('two streams decoded interleaved give each its own elements', async () => {
    const a = decodeJsonStream(CustomerInfo, units(CUSTOMERS));
    const b = decodeJsonStream(Tag, units('[{"id":"t1"},{"id":"t2","name":"n"},{"id":"t3"}]'));
    const out: [unknown[], unknown[]] = [[], []];
    for (;;) {
      const [x, y] = await Promise.all([a.next(), b.next()]);
      if (!x.done) out[0].push(x.value);
      if (!y.done) out[1].push(y.value);
      if (x.done && y.done) break;
    }
    expect(out[0]).toEqual(decodeJson(listOf(CustomerInfo), CUSTOMERS));
    expect(out[1]).toEqual(decodeJson(listOf(Tag), '[{"id":"t1"},{"id":"t2","name":"n"},{"id":"t3"}]'));
  });
});

describe('JSON stream encode is byte-identical to the whole-list encode', () => {
  const encodeAll = async (type: TypeDescriptor, items: Iterable<unknown> | AsyncIterable<unknown>, options?: Parameters<typeof encodeJsonStream>[2]) =>
    (await collect(encodeJsonStream(type, items, options))).join('');

  it('for generated customers (nulls included), compact and pretty, LF and CRLF', async () => {
    const arb = fc.array(fc.option(dtoArbitrary(CustomerInfo, { format: 'json', maxLength: 2, maxDepth: 2 }), { freq: 4 }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(arb, fc.constantFrom(undefined, { pretty: true }, { pretty: true, newline: '\r\n' as const }), async (values, options) => {
        const whole = encodeJson(listOf(CustomerInfo), values, options);
        expect(await encodeAll(CustomerInfo, values, options)).toBe(whole);
        // And from an async iterable.
        expect(await encodeAll(CustomerInfo, (async function* () { yield* values; })(), options)).toBe(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('for scalar, nested-list and dictionary element types, nulls included', async () => {
    const cases: [TypeDescriptor, unknown[]][] = [
      [Int32, [1, -2, 3]],
      [StringT, ['a', null, 'é"\\', '']],
      [listOf(Int32), [[1], null, [], [2, 3]]],
      [StringMap, [{ a: 'b', __proto__x: 'c' }, null, {}]],
      [Tag, [null, { id: 'x' }]],
    ];
    for (const [type, values] of cases) {
      for (const options of [undefined, { pretty: true }]) expect(await encodeAll(type, values, options)).toBe(encodeJson(listOf(type), values, options));
    }
  });

  it('the empty collection is [] (pretty too)', async () => {
    expect(await encodeAll(CustomerInfo, [])).toBe('[]');
    expect(await encodeAll(CustomerInfo, [], { pretty: true })).toBe(encodeJson(listOf(CustomerInfo), [], { pretty: true }));
  });

  it('an element the writer refuses: its index and path, as the whole-list writer reports it', async () => {
    const values = [{ id: 'a' }, { id: 'b', tags: [{ color: 'Mauve' }] }];
    const whole = errorOf(() => encodeJson(listOf(CustomerInfo), values))!;
    let err: unknown;
    try {
      await encodeAll(CustomerInfo, values);
    } catch (e) {
      err = e;
    }
    expect(shape(err as never)).toEqual(shape(whole));
    const nullInt = errorOf(() => encodeJson(listOf(Int32), [1, null]))!;
    await expect(encodeAll(Int32, [1, null])).rejects.toThrow(nullInt.message);
  });

  it('round trip: the streamed encode read back by the streamed decode', async () => {
    const arb = fc.array(dtoArbitrary(CustomerInfo, { format: 'json', maxLength: 2, maxDepth: 2 }), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(arb, fc.integer({ min: 1, max: 50 }), async (values, size) => {
        const text = await encodeAll(CustomerInfo, values);
        const chunks = text.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];
        expect(await collect(decodeJsonStream(CustomerInfo, chunks))).toEqual(decodeJson(listOf(CustomerInfo), text));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the JSON framer is linear', () => {
  const time = (text: string, chunk: number): number => {
    const f = new JsonArrayFramer('List<X>', 'X');
    const t0 = performance.now();
    for (let i = 0; i < text.length; i += chunk) {
      f.push(text.slice(i, i + chunk));
      while (f.take() !== undefined);
    }
    f.end();
    while (f.take() !== undefined);
    return performance.now() - t0;
  };
  const shapes: [string, (n: number) => string][] = [
    ['many small elements', (n) => '[' + Array.from({ length: n }, (_, i) => `{"id":"${i}","n":[1,2]}`).join(',') + ']'],
    ['one long string with escapes', (n) => '["' + 'ab\\"\\\\'.repeat(n) + '"]'],
    ['deep nesting', (n) => '[' + '['.repeat(n) + ']'.repeat(n) + ']'],
    ['much whitespace', (n) => '[' + ' '.repeat(n * 10) + '1' + ' '.repeat(n * 10) + ']'],
  ];
  it('many elements in one chunk: 10x the elements take at most 20x the time (the queue of found elements)', () => {
    const make = (n: number) => '[' + Array.from({ length: n }, (_, i) => `{"id":"${i}"}`).join(',') + ']';
    const small = make(5_000);
    const large = make(50_000);
    const r = timeRatio(() => time(small, small.length), () => time(large, large.length));
    expect(r, `10x the input took ${r.toFixed(1)}x the time (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(20);
  });
  for (const [name, make] of shapes) {
    it(`${name}: 10x the input takes at most 20x the time, in small chunks`, () => {
      const small = make(2_000);
      const large = make(20_000);
      const r = timeRatio(() => time(small, 16), () => time(large, 16));
      expect(r, `10x the input took ${r.toFixed(1)}x the time (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(20);
    });
  }
});
