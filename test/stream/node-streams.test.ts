/**
 * Node streams in and out: a `Readable` (from an array, from a file, in small byte chunks) is a
 * source; `Readable.from(encodeStream(…))` piped with `stream/promises` into a slow Writable
 * with a small highWaterMark writes exactly the whole-document text. Through the public API.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { json, jsv, ndjson, registry, type CustomerInfo, type DecodeOptions, type EncodeOptions, type TypedCodec } from '../../src/index.js';
import { listOf } from '../../src/schema/descriptors.js';
import { collect } from './helpers.js';

const info = registry.require('CustomerInfo');
const customers: CustomerInfo[] = (() => {
  const seed = readFileSync(new URL('../../fixtures/seeds/json/CustomerInfo.response.rev2.json', import.meta.url), 'utf8');
  const one = json.decode('CustomerInfo', seed);
  return Array.from({ length: 25 }, (_, i) => ({ ...one, id: `c${i}`, name: `Kund ${i} — ü€😀` }));
})();

const dir = mkdtempSync(join(tmpdir(), 'dto-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Writable that takes one chunk at a time, slowly, and keeps what it got. */
function slowSink(highWaterMark: number): { sink: Writable; text: () => string; writes: () => number } {
  const got: string[] = [];
  const sink = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string | Buffer, _enc, done) {
      got.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  return { sink, text: () => got.join(''), writes: () => got.length };
}

const formats = [
  ['json', json, '.json'],
  ['jsv', jsv, '.jsv'],
  ['ndjson', ndjson, '.ndjson'],
] as const;

describe.each(formats)('%s with Node streams', (_name, typed, ext) => {
  // One view of the three codecs (their option types differ).
  const codec = typed as unknown as TypedCodec<EncodeOptions, DecodeOptions>;
  const whole = codec.encode(listOf(info), customers);

  it('Readable.from(encodeStream) through pipeline into a slow Writable (small highWaterMark) writes the whole-document text', async () => {
    const { sink, text, writes } = slowSink(16);
    await pipeline(Readable.from(codec.encodeStream('CustomerInfo', customers)), sink);
    expect(text()).toBe(whole);
    expect(writes()).toBeGreaterThan(0);
  });

  it('an async generator of items, encoded into a file, read back from fs.createReadStream in 17-byte chunks', async () => {
    const path = join(dir, `customers${ext}`);
    async function* items() {
      for (const c of customers) {
        await new Promise((r) => setImmediate(r));
        yield c;
      }
    }
    await pipeline(Readable.from(codec.encodeStream('CustomerInfo', items())), (await import('node:fs')).createWriteStream(path));
    expect(readFileSync(path, 'utf8')).toBe(whole);
    const back = await collect(codec.decodeStream('CustomerInfo', createReadStream(path, { highWaterMark: 17 })));
    expect(back).toEqual(codec.decode(listOf(info), whole));
    expect(back).toHaveLength(customers.length);
  });

  it('Readable.from(Buffer chunks) cut inside multi-byte characters', async () => {
    const bytes = Buffer.from(whole, 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    expect(await collect(codec.decodeStream('CustomerInfo', Readable.from(chunks)))).toEqual(codec.decode(listOf(info), whole));
  });

  it('a consumer that stops early closes the file stream', async () => {
    const path = join(dir, `early${ext}`);
    writeFileSync(path, whole);
    const file = createReadStream(path, { highWaterMark: 64 });
    let n = 0;
    for await (const c of codec.decodeStream('CustomerInfo', file)) {
      expect(c.id).toBe(`c${n}`);
      if (++n === 2) break;
    }
    await new Promise((r) => setImmediate(r));
    expect(file.destroyed).toBe(true);
    expect(file.bytesRead).toBeLessThan(bytes(whole) / 2);
  });
});

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

describe('typed public API', () => {
  it('decodeStream by type name yields typed elements; a descriptor works too; an unknown name is refused', async () => {
    const text = json.encode(listOf(info), customers.slice(0, 3));
    const names: string[] = [];
    for await (const c of json.decodeStream('CustomerInfo', text)) names.push(c.name ?? '');
    expect(names).toEqual(['Kund 0 — ü€😀', 'Kund 1 — ü€😀', 'Kund 2 — ü€😀']);
    expect(await collect(json.decodeStream(info, text))).toEqual(json.decode(listOf(info), text));
    expect(() => json.decodeStream('NoSuchType' as 'CustomerInfo', text)).toThrow(/unknown type/);
  });
});
