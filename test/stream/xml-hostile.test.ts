/**
 * The XML collection stream under pressure and attack: a slow consumer does not make the
 * reader or the writer run ahead of it (back-pressure, also through Node streams), names such
 * as `__proto__` stay data, DTDs and entities are refused inside a stream as in a document, a
 * namespace-declaration flood on the root is refused (or, with the limit lifted, linear), one
 * element cannot fill memory past `maxDocumentLength`, and time grows linearly with the input
 * on the shapes that would make a naive framer quadratic (tiny chunks, long texts, comments,
 * attribute values and start tags across chunks).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DtoFormatError } from '../../src/errors.js';
import { xmlCodec, type XmlDecodeOptions } from '../../src/formats/xml/index.js';
import { decodeXmlStream, encodeXmlStream } from '../../src/formats/xml/stream.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import { listOf, type TypeDescriptor } from '../../src/schema/descriptors.js';
import { createRegistry } from '../../src/schema/registry.js';
import { evoVoice } from '../support/evo-voice.js';
import { zoo } from '../support/zoo.js';

const NS = 'http://schemas.datacontract.org/2004/07/Zoo.Types';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const Item = zoo.require('Item');
const CustomerInfo = evoVoice.require('CustomerInfo');
const dir = mkdtempSync(join(tmpdir(), 'xml-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shape(e: DtoFormatError | undefined): Record<string, unknown> | undefined {
  if (!e) return undefined;
  const { code, path, line, column, expected, found, detail } = e;
  return { code, path, line, column, expected, found, detail };
}

function wholeError(t: TypeDescriptor, text: string, options?: XmlDecodeOptions): DtoFormatError | undefined {
  try {
    xmlCodec.decode(listOf(t), text, options);
  } catch (e) {
    if (e instanceof DtoFormatError) return e;
    throw e;
  }
  return undefined;
}

async function streamed(t: TypeDescriptor, source: Parameters<typeof decodeXmlStream>[1], options?: XmlDecodeOptions): Promise<{ values: unknown[]; error?: DtoFormatError }> {
  const values: unknown[] = [];
  try {
    for await (const v of decodeXmlStream(t, source, options)) values.push(v);
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
    return { values, error: e };
  }
  return { values };
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const open = `<?xml version="1.0" encoding="utf-8"?><ArrayOfItem xmlns:i="${XSI}" xmlns="${NS}">`;
const item = (i: number) => `<Item><Id>${i}</Id><Name>item number ${i} ${'x'.repeat(i % 50)}</Name></Item>`;

/** An endless collection in chunks of `size`, counting the chunks pulled. */
function endless(size: number): { source: AsyncIterable<string>; pulled: () => number; closed: () => boolean } {
  let pulled = 0;
  let closed = false;
  async function* gen(): AsyncGenerator<string> {
    try {
      let pending = open;
      for (let i = 0; ; i++) {
        pending += item(i);
        while (pending.length >= size) {
          pulled++;
          yield pending.slice(0, size);
          pending = pending.slice(size);
        }
      }
    } finally {
      closed = true;
    }
  }
  return { source: gen(), pulled: () => pulled, closed: () => closed };
}

describe('back-pressure', () => {
  it('decode: a slow consumer of an endless collection pulls chunks only as it takes elements', async () => {
    for (const size of [16, 500, 20_000]) {
      const s = endless(size);
      let taken = 0;
      const marks: [number, number][] = [];
      for await (const v of decodeXmlStream(Item, s.source)) {
        expect((v as { id: bigint }).id).toBe(BigInt(taken));
        taken++;
        if (taken % 50 === 0) {
          marks.push([taken, s.pulled()]);
          await sleep(1);
        }
        if (taken === 300) break;
      }
      // Elements are ~60 units: what was pulled is what the taken elements needed, plus a chunk
      // (and the 64 units of lookahead after the last piece read).
      const need = (n: number) => Math.ceil((open.length + n * 110 + 64) / size) + 2;
      for (const [n, p] of marks) expect(p, `${n} elements in chunks of ${size}`).toBeLessThanOrEqual(need(n));
      expect(s.closed(), 'breaking out of the loop closes the source').toBe(true);
    }
  });

  it('decode: elements of a chunk are yielded before the next chunk is pulled', async () => {
    const s = endless(4096);
    const it = decodeXmlStream(Item, s.source);
    await it.next();
    const first = s.pulled();
    expect(first).toBeLessThanOrEqual(2);
    for (let k = 0; k < 10; k++) await it.next();
    expect(s.pulled()).toBe(first);
    await it.return(undefined);
  });

  it('encode: the writer takes items only as the consumer takes text', async () => {
    let pulled = 0;
    function* items(): Generator<unknown> {
      for (let i = 0; ; i++) {
        pulled++;
        yield { id: BigInt(i), name: `item ${i}` };
      }
    }
    const out = encodeXmlStream(Item, items());
    let got = 0;
    for await (const c of out) {
      got += c.length;
      await sleep(1);
      if (got > 200_000) break;
    }
    // About 40 units per item: the items of the text taken, and at most one chunk (64 K units) ahead.
    expect(pulled).toBeLessThanOrEqual(Math.ceil((got + 70 * 1024) / 38));
    expect(pulled).toBeGreaterThan(1000);
  });
});

describe('Node streams', () => {
  const values = Array.from({ length: 300 }, (_, i) => ({ id: BigInt(i), name: `name ${i} é😀` }));
  const text = xmlCodec.encode(listOf(Item), values, { pretty: true });

  it('fs.createReadStream (small highWaterMark, multi-byte characters cut) is a source', async () => {
    const file = join(dir, 'items.xml');
    writeFileSync(file, text);
    for (const highWaterMark of [7, 1024, 65536]) {
      const s = await streamed(Item, createReadStream(file, { highWaterMark }));
      expect(s.error).toBeUndefined();
      expect(s.values).toEqual(xmlCodec.decode(listOf(Item), text));
    }
  });

  it('Readable.from(encodeXmlStream(…)) into a slow Writable with a small highWaterMark, through pipeline', async () => {
    for (const options of [{}, { pretty: true }]) {
      let pulled = 0;
      let maxAhead = 0;
      let written = 0;
      function* items(): Generator<unknown> {
        for (const v of values) {
          pulled++;
          maxAhead = Math.max(maxAhead, pulled - written);
          yield v;
        }
      }
      const parts: string[] = [];
      const sink = new Writable({
        highWaterMark: 16,
        decodeStrings: false,
        write(chunk: string, _enc, cb) {
          parts.push(chunk);
          written = pulled;
          setImmediate(cb);
        },
      });
      await pipeline(Readable.from(encodeXmlStream(Item, items(), options)), sink);
      expect(parts.join('')).toBe(xmlCodec.encode(listOf(Item), values, options));
      expect(pulled).toBe(values.length);
    }
  });

  it('a pipeline file → decodeXmlStream → encodeXmlStream → file is the whole re-encoding', async () => {
    const file = join(dir, 'in.xml');
    writeFileSync(file, text);
    const parts: string[] = [];
    await pipeline(
      Readable.from(encodeXmlStream(Item, decodeXmlStream(Item, createReadStream(file, { highWaterMark: 100 })))),
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          parts.push(chunk.toString());
          cb();
        },
      }),
    );
    expect(parts.join('')).toBe(xmlCodec.encode(listOf(Item), values));
  });
});

describe('hostile names, DTDs and entities', () => {
  it('an element named __proto__ stays an unknown element; Object.prototype is untouched', async () => {
    const text = `${open}<Item><__proto__><polluted>yes</polluted></__proto__><Id>1</Id></Item><__proto__/><Item><Id>2</Id></Item></ArrayOfItem>`;
    const s = await streamed(Item, chunks(text, 3));
    expect(s.values).toEqual(xmlCodec.decode(listOf(Item), text));
    expect(s.values).toHaveLength(2);
    for (const v of s.values) expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a member named __proto__ and dictionary keys __proto__ and constructor are own data properties', async () => {
    const reg = createRegistry({
      name: 'proto',
      revisions: [{ id: 1, description: '' }],
      types: [classType('Zoo.Types', 'Proto', {}, { ['__proto__']: prop(t.String), Map: prop(t.Dictionary(t.String, t.String)) })],
    });
    const P = reg.require('Proto');
    const v = JSON.parse('{"__proto__":"p","map":{"__proto__":"a","constructor":"b"}}') as unknown;
    const text = xmlCodec.encode(listOf(P), [v, v]);
    const s = await streamed(P, chunks(text, 5));
    expect(s.error).toBeUndefined();
    expect(s.values).toEqual(xmlCodec.decode(listOf(P), text));
    for (const x of s.values as Record<string, unknown>[]) {
      expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
      expect(Object.keys(x)).toContain('__proto__');
      const map = x.map as Record<string, unknown>;
      expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(map, '__proto__')?.value).toBe('a');
      expect(Object.getOwnPropertyDescriptor(map, 'constructor')?.value).toBe('b');
    }
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    let out = '';
    for await (const c of encodeXmlStream(P, s.values)) out += c;
    expect(out).toBe(text);
  });

  const attacks: [string, string][] = [
    ['billion laughs in the prolog', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><ArrayOfItem xmlns="${NS}"><Item><Name>&lol2;</Name></Item></ArrayOfItem>`],
    ['external entity (XXE)', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ArrayOfItem xmlns="${NS}"><Item><Name>&xxe;</Name></Item></ArrayOfItem>`],
    ['a DOCTYPE after some elements', `${open}${item(0)}${item(1)}<!DOCTYPE x [<!ENTITY e "e">]>${item(2)}</ArrayOfItem>`],
    ['a DOCTYPE inside an element', `${open}${item(0)}<Item><!DOCTYPE x><Id>1</Id></Item></ArrayOfItem>`],
    ['an entity reference without a DTD', `${open}${item(0)}<Item><Name>&xxe;</Name></Item></ArrayOfItem>`],
    ['a parameter entity', `${open}${item(0)}<Item><Name>%pe;&#x26;pe;</Name></Item>&pe;</ArrayOfItem>`],
  ];
  for (const [what, text] of attacks) {
    it(`${what}: refused as the whole document is, in any chunking`, async () => {
      const w = wholeError(Item, text);
      expect(w).toBeDefined();
      for (const size of [1, 4, 9, 64, text.length]) {
        const s = await streamed(Item, chunks(text, size));
        expect(shape(s.error)).toEqual(shape(w));
      }
    });
  }
  it('the DTD refusal is the forbidden code, whatever the chunking', async () => {
    const s = await streamed(Item, chunks(attacks[0]![1], 2));
    expect(s.error!.code).toBe('forbidden');
    expect(s.values).toEqual([]);
  });
});

describe('limits', () => {
  it('a namespace-declaration flood on the root start tag is refused by maxAttributes, as in the whole document', async () => {
    const decls = Array.from({ length: 5000 }, (_, i) => ` xmlns:p${i}="urn:p${i}"`).join('');
    const text = `<ArrayOfItem${decls} xmlns="${NS}">${item(0)}</ArrayOfItem>`;
    const w = wholeError(Item, text);
    expect(w!.code).toBe('attributes');
    const s = await streamed(Item, chunks(text, 1000));
    expect(shape(s.error)).toEqual(shape(w));
  });

  it('an element longer than maxDocumentLength is an error at its first unit past the limit, the elements before it yielded', async () => {
    const long = `<Item><Id>9</Id><Name>${'y'.repeat(5000)}</Name></Item>`;
    const text = `${open}\n${item(0)}\n${item(1)}\n  ${long}${item(3)}</ArrayOfItem>`;
    for (const source of [text, chunks(text, 100)]) {
      const s = await streamed(Item, source, { maxDocumentLength: 1000 });
      expect(s.values).toHaveLength(2);
      expect(s.error!.code).toBe('documentLength');
      expect(s.error!.path).toBe('[2]');
      expect({ line: s.error!.line, column: s.error!.column }).toEqual({ line: 4, column: 3 + 1000 });
      expect(s.error!.message).toContain('raise the option');
    }
    // Lifted, the same text reads.
    expect((await streamed(Item, chunks(text, 100), { maxDocumentLength: 6000 })).values).toHaveLength(4);
  });

  it('maxCollectionLength does not bound the stream (it still bounds lists inside elements)', async () => {
    const text = `${open}${Array.from({ length: 50 }, (_, i) => item(i)).join('')}</ArrayOfItem>`;
    expect((await streamed(Item, chunks(text, 700), { maxCollectionLength: 10 })).values).toHaveLength(50);
    const Q = zoo.require('QueryResponse<Item>');
    const inner = xmlCodec.encode(listOf(Q), [{ offset: 0, total: 3, results: [{ id: 1n }, { id: 2n }, { id: 3n }] }]);
    const s = await streamed(Q, inner, { maxCollectionLength: 2 });
    expect(s.error!.code).toBe('collectionLength');
    expect(shape(s.error)).toEqual(shape(wholeError(Q, inner, { maxCollectionLength: 2 })));
  });

  it('nesting past maxDepth is the depth error of the whole document, without reading the rest of the element', async () => {
    const deep = '<Item>' + '<x>'.repeat(600) + '</x>'.repeat(600) + '</Item>';
    const text = `${open}${item(0)}${deep}</ArrayOfItem>`;
    const s = await streamed(Item, chunks(text, 50));
    expect(s.error!.code).toBe('depth');
    expect(shape(s.error)).toEqual(shape(wholeError(Item, text)));
  });
});

describe('linear time', () => {
  /**
   * Best-of CPU time (ms) of reading `text` in chunks of `size`: CPU time, not wall-clock, so
   * that waiting for a core busy with other work (2 cores, several suites) is not counted.
   */
  async function cost(text: string, size: number, options?: XmlDecodeOptions, type: TypeDescriptor = Item): Promise<number> {
    const parts = chunks(text, size);
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = process.cpuUsage();
      // Counted, not kept: the values' memory would be timed too.
      let n = 0;
      for await (const _ of decodeXmlStream(type, parts, options)) n++;
      const t = process.cpuUsage(t0);
      best = Math.min(best, (t.user + t.system) / 1000);
      expect(n).toBeGreaterThan(0);
    }
    return best;
  }

  async function linear(make: (n: number) => string, n: number, size: number, options?: XmlDecodeOptions, type: TypeDescriptor = Item): Promise<void> {
    const small = make(n);
    const large = make(10 * n);
    for (let w = 0; w < 5; w++) await cost(small, size, options, type);
    let a = Infinity;
    let b = Infinity;
    const deadline = performance.now() + 6000;
    for (let round = 0; round < 10; round++) {
      a = Math.min(a, await cost(small, size, options, type));
      b = Math.min(b, await cost(large, size, options, type));
      if (b / Math.max(a, 0.5) <= 20 || performance.now() > deadline) break;
    }
    const r = b / Math.max(a, 0.5);
    if (process.env.LINEAR_DEBUG) console.log(expect.getState().currentTestName, a.toFixed(2), b.toFixed(2), r.toFixed(1));
    expect(r, `10x the input took ${r.toFixed(1)}x the time (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(20);
  }

  const doc = (body: string, rootAttrs = '') => `<ArrayOfItem xmlns:i="${XSI}" xmlns="${NS}"${rootAttrs}>${body}</ArrayOfItem>`;
  const ten = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

  it('many small elements in 16-unit chunks', () => linear((n) => doc(ten(n, item)), 1500, 16));
  it('one long text in 64-unit chunks', () => linear((n) => doc(`<Item><Name>${'t'.repeat(n)}</Name></Item>`), 100_000, 64));
  it('one long comment between elements in 64-unit chunks', () => linear((n) => doc(`${item(1)}<!--${'- '.repeat(n)}-->${item(2)}`), 50_000, 64));
  it('one long CDATA section in 64-unit chunks', () => linear((n) => doc(`<Item><Name><![CDATA[${'] '.repeat(n)}]]></Name></Item>`), 50_000, 64));
  it('one long attribute value (with > and />) in 64-unit chunks', () => linear((n) => doc(`<Item a="${'/> '.repeat(n)}"><Id>1</Id></Item>`), 50_000, 64));
  it('one start tag with many attributes in 64-unit chunks', () => linear((n) => doc(`<Item ${ten(n, (i) => `a${i}='${i}' `)}><Id>1</Id></Item>`), 1000, 64, { maxAttributes: Infinity }));
  it('much whitespace between elements in 64-unit chunks', () => linear((n) => doc(`${item(1)}${' \r\n\t'.repeat(n)}${item(2)}`), 30_000, 64));
  it('many lines inside one element in 64-unit chunks', () => linear((n) => doc(`<Item><Name>${'a\r\n'.repeat(n)}</Name></Item>`), 20_000, 64));
  it('elements whose first </Item> is inside a CDATA section (the fast path fails each time)', () =>
    linear((n) => doc(ten(n, (i) => `<Item><Name><![CDATA[</Item>]]>${i}</Name></Item>`)), 600, 64));
  it('a root start tag with many declarations (maxAttributes lifted) and many elements', () =>
    linear((n) => doc(ten(n, item), ten(n, (i) => ` xmlns:p${i}="urn:p${i}"`)), 300, 256, { maxAttributes: Infinity }));
  it('CustomerInfo elements in 1000-unit chunks', () => {
    const v = xmlCodec.decode(CustomerInfo, xmlCodec.encode(CustomerInfo, { name: 'x', tags: [{ id: 'a', name: 'b' }] }));
    return linear((n) => xmlCodec.encode(listOf(CustomerInfo), Array.from({ length: n }, () => v)), 30, 1000, {}, CustomerInfo);
  });
});
