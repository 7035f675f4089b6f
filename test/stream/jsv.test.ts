/**
 * Streaming a JSV list: the streamed decode is `decodeJsv(List<T>, wholeText)` for every way
 * the text can arrive in chunks (empty slots, trailing commas, quoting, nulls included), with
 * the same errors at the same places; the streamed encode is byte-identical to the whole-list
 * encode, for DTO and scalar element types.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dtoArbitrary } from '../../src/arbitrary/index.js';
import { decodeJsv, encodeJsv, formatJsv } from '../../src/formats/jsv/index.js';
import { decodeJsvStream, encodeJsvStream, JsvListFramer } from '../../src/formats/jsv/stream.js';
import { listOf, type TypeDescriptor } from '../../src/schema/descriptors.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry, scalar } from '../../src/schema/registry.js';
import { evoVoice } from '../support/evo-voice.js';
import { byteChunks, bytesSplit2, collect, collectUntilError, errorOf, shape, split2, timeRatio, units } from './helpers.js';

const schema = evoVoice.at(2);
const CustomerInfo = schema.requireClass('CustomerInfo');
const Tag = schema.requireClass('Tag');
const Crumb = schema.requireClass('CustomerBreadcrumb');
const Int32 = scalar('Int32');
const StringT = scalar('String');
const BooleanT = scalar('Boolean');
const compactSeed = (name: string): string =>
  encodeJsv(CustomerInfo, decodeJsv(CustomerInfo, readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8')));

const CUSTOMERS =
  '[' +
  [compactSeed('CustomerInfo.response.rev1.seed001.jsv'), '{id:"ü€😀 ""q"", [x]",name:a b,tags:[{id:t,name:"[]{},""",color:Red}]}', '', compactSeed('CustomerInfo.response.rev1.seed002.jsv')].join(',') +
  ']\r\n';
const SHORT = '[{id:a,name:é😀},{tags:[{id:"x""]",color:Blue}],name:"a,b"},{},null,{name:x]y}]';

async function streamed(type: TypeDescriptor, source: Parameters<typeof decodeJsvStream>[1], options?: Parameters<typeof decodeJsvStream>[2]) {
  return collectUntilError(decodeJsvStream(type, source, options));
}

/** The streamed decode of `chunks` agrees with the whole decode of their text: values, or the error. */
async function agrees(type: TypeDescriptor, text: string, chunks: Parameters<typeof decodeJsvStream>[1], options?: Parameters<typeof decodeJsvStream>[2]): Promise<void> {
  let whole: unknown;
  const wholeError = errorOf(() => (whole = decodeJsv(listOf(type), text, options)));
  const s = await streamed(type, chunks, options);
  const ctx = `${JSON.stringify(text)}\nwhole: ${wholeError?.message}\nstream: ${s.error?.message}`;
  if (wholeError === undefined) {
    expect(s.error, ctx).toBeUndefined();
    expect(s.values, ctx).toEqual(whole);
    return;
  }
  expect(s.error, ctx).toBeDefined();
  const w = shape(wholeError)!;
  const e = shape(s.error)!;
  // A bracketed token where the type takes none is shown as the reader's token, which
  // ServiceStack's EatValue delimits by one bracket kind: the stream's ends with the element.
  if (w.code === 'type' && /^"[[{]/.test(String(w.found))) {
    expect({ code: e.code, line: e.line, column: e.column, path: e.path }, ctx).toEqual({ code: w.code, line: w.line, column: w.column, path: w.path });
    return;
  }
  // The pretty layout is refused at its `[` (the whole reader reads it, and fails later or not at all).
  if (String(e.detail).startsWith('the pretty layout')) return;
  if (String(e.detail).startsWith('a stream reads a JSV list')) {
    expect({ line: e.line, column: e.column }, ctx).toEqual({ line: w.line, column: w.column });
    return;
  }
  // A value of the wrong kind is shown as the reader's token, which in the whole text may run
  // past the element's end (a `[` where an object belongs): the same beginning, then.
  const found = e.code === 'type' && typeof w.found === 'string' && typeof e.found === 'string' && w.found !== e.found
    ? w.found.slice(0, 8) === e.found.slice(0, 8) ? w.found : e.found
    : e.found;
  expect({ code: e.code, line: e.line, column: e.column, expected: e.expected, found, typeName: e.typeName, detail: e.detail }, ctx).toEqual({
    code: w.code,
    line: w.line,
    column: w.column,
    expected: w.expected,
    found: w.found,
    typeName: w.typeName,
    detail: e.detail === w.detail || !String(e.detail ?? '').includes(' at ') ? e.detail : w.detail,
  });
  if (w.path) expect(e.path, ctx).toBe(w.path);
  else if (e.path) expect(e.path, ctx).toMatch(/^\[\d+\]$/);
}

describe('JSV stream decode equals the whole-list decode', () => {
  it('for realistic customers (an empty slot among them) in one chunk, 1-unit chunks and UTF-8 bytes', async () => {
    const whole = decodeJsv(listOf(CustomerInfo), CUSTOMERS) as unknown[];
    expect(whole).toHaveLength(4);
    expect(await collect(decodeJsvStream(CustomerInfo, CUSTOMERS))).toEqual(whole);
    expect(await collect(decodeJsvStream(CustomerInfo, units(CUSTOMERS)))).toEqual(whole);
    for (const size of [1, 2, 3, 64]) expect(await collect(decodeJsvStream(CustomerInfo, byteChunks(CUSTOMERS, size)))).toEqual(whole);
  });

  it('cut into two chunks at every position (text and UTF-8 bytes)', async () => {
    for (let at = 0; at <= SHORT.length; at++) await agrees(CustomerInfo, SHORT, split2(SHORT, at));
    for (let at = 0; at <= new TextEncoder().encode(SHORT).length; at++) await agrees(CustomerInfo, SHORT, bytesSplit2(SHORT, at));
    for (let at = 0; at <= CUSTOMERS.length; at += 13) await agrees(CustomerInfo, CUSTOMERS, split2(CUSTOMERS, at));
  });

  it('a "" escape split between two chunks', async () => {
    const text = '[{id:"a""b"},{id:"""c"""}]';
    for (let at = 0; at <= text.length; at++) await agrees(Crumb, text, split2(text, at));
    expect((await collect(decodeJsvStream(Crumb, units(text)))).map((v) => (v as { id: string }).id)).toEqual(['a"b', '"c"']);
  });

  it("empty slots and trailing commas as each element type's reader counts them", async () => {
    const cases: [TypeDescriptor, string[]][] = [
      [StringT, ['[]', '[ ]', '[,]', '[a,]', '[a,,]', '[,a]', '[a,,b]', '[ , ]', '[a, ]', '[ a]', '[a,b ]', '["a,b",c]', '[a"b,c]', '["",""]', '[a]b]', '[{a,b}]', '[[a,b],c]', '[null]']],
      [Int32, ['[1,2]', '[+1,2]', '[1,]', '[1,,]', '[,]', '[,1]', '[ 1]', '[1 ]', '[]', '[ ]']],
      [BooleanT, ['[,]', '[True,]', '[,,]', '[ ]', '[ ,]']],
      [listOf(Int32), ['[[1],,[2]]', '[[1],]', '[,]', '[[]]', '[[1,2],[3]]']],
      [Crumb, ['[null,{id:a}]', '[,]', '[{id:a},]', '[{}]', '[{id:a} ]', '[ {id:a}]']],
    ];
    for (const [type, texts] of cases) {
      for (const text of texts) {
        await agrees(type, text, units(text));
        await agrees(type, text, units(text), { lenient: true });
      }
    }
  });

  it('dictionaries and nested objects with quoted keys and bracketed values', async () => {
    const Bag = createRegistry({
      name: 'bag',
      revisions: [{ id: 1, description: '' }],
      types: [classType('N', 'Bag', {}, { Map: prop(t.Dictionary(t.String, t.String)), Lists: prop(t.Dictionary(t.String, t.List(t.Int32))), Constructor: prop(t.String) })],
    }).at().requireClass('Bag');
    const text = '[{map:{"a:b":"c,d",__proto__:p,constructor:c},lists:{x:[1,2],"y]":[]},constructor:k},{map:{}}]';
    await agrees(Bag, text, units(text));
    const v = (await collect(decodeJsvStream(Bag, units(text)))) as { map: Record<string, string> }[];
    expect(Object.getOwnPropertyNames(v[0]!.map)).toEqual(['a:b', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(v[0]!.map)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v[0], 'constructor')?.value).toBe('k');
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});

describe('values the reader skips by one bracket kind (ServiceStack\'s EatValue)', () => {
  // A skipped `[…]` (an unknown member, a value lenient mode drops) counts only `[` and `]`, so
  // braces inside it are content; the framer, which counts both, cut such an element short.
  // Found by the hostile fuzz's stream/whole agreement property (a byte flip of `{` into `z`).
  const Node = createRegistry({
    name: 'skip',
    revisions: [{ id: 1, description: 'the only revision' }],
    types: [
      classType('Skip', 'Node', {}, {
        Name: prop(t.String),
        Num: prop(t.Int32),
        Kids: prop(t.List(t.ref('Node'))),
        Map: prop(t.Dictionary(t.String, t.ref('Node'))),
      }),
    ],
  }).at(1).requireClass('Node');
  const cases: [string, { lenient?: boolean }][] = [
    ['[{zz:[x,{a:b}}}],num:1},{num:2}]', {}],
    ['[{zz:[x,{a:b}}}],num:1},{num:2}]', { lenient: true }],
    ['[{kids:[znum:0,map:{k:{}}}]}]', { lenient: true }],
    ['[{name:"a,""b""",num:0,kids:[znum:0,map:{k:{num:1}}}]},{num:0},{num:0}]', { lenient: true }],
    ['[{num:1},{zz:{a:[b},num:2},{num:3}]', {}],
  ];
  for (const [text, options] of cases) {
    it(`${options.lenient ? 'lenient' : 'default'}: ${text}, in every chunking`, async () => {
      const whole = decodeJsv(listOf(Node), text, options) as unknown[];
      expect(whole.length).toBeGreaterThan(0);
      expect(await collect(decodeJsvStream(Node, text, options))).toEqual(whole);
      expect(await collect(decodeJsvStream(Node, units(text), options))).toEqual(whole);
      for (let at = 0; at <= text.length; at++) await agrees(Node, text, split2(text, at), options);
    });
  }

  it('an error after such a value is the whole reader\'s, at its place in the stream', async () => {
    const text = '[{name:"a\nb"},{zz:[x,{a:b}}}],num:x},{num:2}]';
    const s = await streamed(Node, units(text));
    expect(s.values).toEqual([{ name: 'a\nb', num: 0 }]);
    const x = text.lastIndexOf('x');
    expect([s.error?.code, s.error?.path, s.error?.line, s.error?.column]).toEqual(['type', '[1].num', 2, x - text.indexOf('\n')]);
    await agrees(Node, text, units(text));
  });

  it('the rest of the stream read whole is still bounded by maxDocumentLength', async () => {
    let pulled = 0;
    const source = (function* () {
      yield '[{num:1},{zz:[x,{a:b}}';
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield '}'.repeat(40);
      }
    })();
    const s = await streamed(Node, source, { maxDocumentLength: 400 });
    expect(s.values).toEqual([{ num: 1 }]);
    expect([s.error?.code, s.error?.path]).toEqual(['documentLength', '[1]']);
    expect(pulled).toBeLessThan(20);
  });
});

describe('JSV stream errors are the whole decoder\'s, at the same line:column', () => {
  it('an error inside the second element: index, path, position, message', async () => {
    const bad = CUSTOMERS.replace('color:Red', 'color:Mauve');
    const whole = errorOf(() => decodeJsv(listOf(CustomerInfo), bad))!;
    expect(whole.path).toBe('[1].tags[0].color');
    const s = await streamed(CustomerInfo, units(bad));
    expect(s.values).toHaveLength(1);
    expect(shape(s.error)).toEqual(shape(whole));
    expect(s.error!.message).toBe(whole.message);
  });

  it('every prefix (a stream cut short) fails where the whole decoder fails', async () => {
    for (let n = 0; n < SHORT.length; n++) {
      const text = SHORT.slice(0, n);
      const s = await streamed(CustomerInfo, units(text));
      const w = errorOf(() => decodeJsv(listOf(CustomerInfo), text));
      expect(s.error, text).toBeDefined();
      expect(w, text).toBeDefined();
      // At the list's level the reader's message and place; inside an element the stream says which element is open, at the end.
      await agrees(CustomerInfo, text, units(text));
      expect(s.error!.detail).toBe(w!.detail);
    }
  });

  it('every one-character change of a list fails or succeeds as the whole decoder does', async () => {
    const chars = [',', ']', '[', '}', '{', '"', ':', ' ', 'x', '\n'];
    for (let at = 0; at < SHORT.length; at++) {
      for (const ch of chars) {
        const text = SHORT.slice(0, at) + ch + SHORT.slice(at + 1);
        const s = await streamed(CustomerInfo, split2(text, (at * 7) % (text.length + 1)));
        void s;
        await agrees(CustomerInfo, text, split2(text, (at * 7) % (text.length + 1)));
      }
    }
  });

  it('envelope errors: not a list, text after the closing bracket, a } at the list level', async () => {
    for (const text of ['[{id:a}]x', '[{id:a}] \n x', '[{id:a}}', '[a]]', '{id:a}', 'x', '', '  ']) await agrees(Crumb, text, units(text));
    const s = await streamed(Crumb, '{id:a}');
    expect(s.error!.message).toBe(
      'cannot decode List<CustomerBreadcrumb> from JSV at 1:1: expected \'[\', got "{" (a stream reads a JSV list; a single CustomerBreadcrumb object is one document: use decode)',
    );
    const after = await streamed(Crumb, '[{id:a}]\nx');
    expect(after.values).toEqual([{ id: 'a' }]);
    expect(after.error!.message).toBe('cannot decode List<CustomerBreadcrumb> from JSV at 2:1: expected end of input, got "x" (text after the \']\' that closes the list)');
  });

  it('the pretty layout is refused with a clear error; a compact list after whitespace is read', async () => {
    const pretty = formatJsv(encodeJsv(listOf(Crumb), [{ id: 'a' }, { id: 'b' }]));
    expect(pretty.startsWith('[\n')).toBe(true);
    for (const chunks of [pretty, units(pretty), formatJsv(encodeJsv(listOf(Crumb), [{ id: 'a' }]), '\r\n')]) {
      const s = await streamed(Crumb, chunks);
      expect(s.error!.message).toMatch(/expected compact JSV, got a line break after the opening \[ \(the pretty layout .* is a whole document: decode it with decode, not as a stream\)/);
      expect(s.error!.line).toBe(1);
    }
    expect(await collect(decodeJsvStream(Crumb, units('\r\n [{id:a}]\n')))).toEqual([{ id: 'a' }]);
    // A `\r` that does not start a line break is content of the first element, as in the whole reader.
    await agrees(StringT, '[\ra,b]', units('[\ra,b]'));
  });

  it('a cut-short stream names the element being read', async () => {
    const s = await streamed(Crumb, ['[{id:a},{id:', 'b,name:"x']);
    expect(s.values).toEqual([{ id: 'a' }]);
    expect(s.error!.path).toBe('[1].name');
    await agrees(Crumb, '[{id:a},{id:b,name:"x', ['[{id:a},{id:', 'b,name:"x']);
    expect(s.error!.message).toBe(errorOf(() => decodeJsv(listOf(Crumb), '[{id:a},{id:b,name:"x'))!.message);
    await agrees(Crumb, '[{id:a},', '[{id:a},');
    await agrees(Crumb, '[{id:a}', units('[{id:a}'));
    await agrees(StringT, '[a,b', units('[a,b'));
  });

  it('an element longer than maxDocumentLength is refused before it is complete', async () => {
    let pulled = 0;
    const source = (function* () {
      yield '[{id:';
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield 'x'.repeat(40);
      }
    })();
    const s = await streamed(Crumb, source, { maxDocumentLength: 200 } as never);
    expect(s.error!.code).toBe('documentLength');
    expect(s.error!.path).toBe('[0]');
    expect(pulled).toBeLessThan(10);
  });

  it('nesting depth counts the list level', async () => {
    const text = '[[[1]],[[2]]]';
    for (const maxDepth of [1, 2, 3, 4]) await agrees(listOf(listOf(Int32)), text, units(text), { maxDepth });
  });
});

describe('JSV stream encode is byte-identical to the whole-list encode', () => {
  const encodeAll = async (type: TypeDescriptor, items: Iterable<unknown> | AsyncIterable<unknown>) => (await collect(encodeJsvStream(type, items))).join('');

  it('for generated customers, nulls included', async () => {
    const arb = fc.array(fc.option(dtoArbitrary(CustomerInfo, { format: 'jsv', maxLength: 2, maxDepth: 2 }), { freq: 4 }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        expect(await encodeAll(CustomerInfo, values)).toBe(encodeJsv(listOf(CustomerInfo), values));
      }),
      { numRuns: 60 },
    );
  });

  it('for scalar element types, whose quoting in a list is the list writer\'s, nulls included', async () => {
    const arb = fc.array(fc.option(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '[', ']', '{', '}', ':', '\n', 'é') }), { freq: 3 }), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(arb, async (values) => {
        const whole = encodeJsv(listOf(StringT), values);
        expect(await encodeAll(StringT, values)).toBe(whole);
        // And read back: the stream's decode is the whole decode of that text.
        expect(await collect(decodeJsvStream(StringT, units(whole)))).toEqual(decodeJsv(listOf(StringT), whole));
      }),
      { numRuns: 200 },
    );
    for (const [type, values] of [[Int32, [1, -2, 3]], [BooleanT, [true, false]], [listOf(Int32), [[1], null, [], [2, 3]]], [Tag, [null, { id: 'x' }]]] as [TypeDescriptor, unknown[]][]) {
      expect(await encodeAll(type, values)).toBe(encodeJsv(listOf(type), values));
    }
    expect(await encodeAll(StringT, [null])).toBe(encodeJsv(listOf(StringT), [null]));
    expect(await encodeAll(CustomerInfo, [])).toBe('[]');
  });

  it('round trip through both streams for generated customers, in random chunks', async () => {
    const arb = fc.array(dtoArbitrary(CustomerInfo, { format: 'jsv', maxLength: 2, maxDepth: 2 }), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(arb, fc.integer({ min: 1, max: 40 }), async (values, size) => {
        const text = await encodeAll(CustomerInfo, values);
        const chunks = text.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];
        expect(await collect(decodeJsvStream(CustomerInfo, chunks))).toEqual(decodeJsv(listOf(CustomerInfo), text));
      }),
      { numRuns: 40 },
    );
  });

  it('pretty is refused; an element the writer refuses names its index', async () => {
    expect(() => encodeJsvStream(Crumb, [], { pretty: true })).toThrow(/pretty layout is a whole document/);
    const whole = errorOf(() => encodeJsv(listOf(Tag), [{ id: 'a' }, { color: 'Mauve' }]))!;
    let err: unknown;
    try {
      await encodeAll(Tag, [{ id: 'a' }, { color: 'Mauve' }]);
    } catch (e) {
      err = e;
    }
    expect(shape(err as never)).toEqual(shape(whole));
  });
});

describe('the JSV framer is linear', () => {
  const time = (text: string, chunk = 16): number => {
    const f = new JsvListFramer('X');
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
    ['many small elements', (n) => '[' + Array.from({ length: n }, (_, i) => `{id:${i},n:[1,2]}`).join(',') + ']'],
    ['one long quoted string with escapes', (n) => '["' + 'ab""'.repeat(n) + '"]'],
    ['deep nesting', (n) => '[' + '{a:['.repeat(n) + ']}'.repeat(n) + ']'],
    ['many empty slots', (n) => '[' + ','.repeat(n * 5) + ']'],
  ];
  it('many elements in one chunk (the queue of found elements)', () => {
    const make = (n: number) => '[' + Array.from({ length: n }, (_, i) => `{id:${i}}`).join(',') + ']';
    const small = make(5_000);
    const large = make(50_000);
    const r = timeRatio(() => time(small, small.length), () => time(large, large.length));
    expect(r, `10x the input took ${r.toFixed(1)}x the time (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(20);
  });
  for (const [name, make] of shapes) {
    it(`${name}: 10x the input takes at most 20x the time`, () => {
      const small = make(2_000);
      const large = make(20_000);
      const r = timeRatio(() => time(small), () => time(large));
      expect(r, `10x the input took ${r.toFixed(1)}x the time (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(20);
    });
  }
});
