/**
 * Back-pressure: the stream reads its source only as fast as its consumer takes elements, and
 * pulls items only as fast as its consumer takes text, so a slow consumer never makes memory
 * grow. Sources here count what was pulled from them.
 */
import { describe, expect, it } from 'vitest';
import { decodeJsonStream, encodeJsonStream } from '../../src/formats/json/stream.js';
import { decodeJsvStream, encodeJsvStream } from '../../src/formats/jsv/stream.js';
import { decodeNdjsonStream, encodeNdjsonStream } from '../../src/formats/ndjson/index.js';
import { encodeJson } from '../../src/formats/json/index.js';
import { encodeJsv } from '../../src/formats/jsv/index.js';
import { listOf } from '../../src/schema/descriptors.js';
import { evoVoice } from '../support/evo-voice.js';
import { CountingSource } from './helpers.js';

const Crumb = evoVoice.at(2).requireClass('CustomerBreadcrumb');
const N = 500;
const crumbs = Array.from({ length: N }, (_, i) => ({ id: `id${i}`, name: `n${i}` }));

/** The collection's text in chunks of one element each (plus the brackets), so pulls count elements. */
const chunked = {
  json: (): string[] => ['[', ...crumbs.map((c, i) => (i ? ',' : '') + encodeJson(Crumb, c)), ']'],
  jsv: (): string[] => ['[', ...crumbs.map((c, i) => (i ? ',' : '') + encodeJsv(Crumb, c)), ']'],
  ndjson: (): string[] => crumbs.map((c) => encodeJson(Crumb, c) + '\n'),
};
const decoders = {
  json: (s: CountingSource) => decodeJsonStream(Crumb, s),
  jsv: (s: CountingSource) => decodeJsvStream(Crumb, s),
  ndjson: (s: CountingSource) => decodeNdjsonStream(Crumb, s),
};

describe.each(['json', 'jsv', 'ndjson'] as const)('%s decode', (format) => {
  it('a consumer that takes k elements pulls about k chunks, not the whole source', async () => {
    for (const k of [1, 5, 40]) {
      const source = new CountingSource(chunked[format]());
      let taken = 0;
      for await (const v of decoders[format](source)) {
        expect(v).toEqual(crumbs[taken]);
        if (++taken === k) break;
      }
      // One chunk per element, plus the `[` and the chunk that showed where the element ends.
      expect(source.pulled).toBeLessThanOrEqual(k + 2);
    }
  });

  it('a slow consumer: the chunks pulled never run ahead of the elements taken', async () => {
    const source = new CountingSource(chunked[format]());
    let taken = 0;
    let ahead = 0;
    for await (const v of decoders[format](source)) {
      expect(v).toEqual(crumbs[taken]);
      taken++;
      ahead = Math.max(ahead, source.pulled - taken);
      if (taken % 50 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect(taken).toBe(N);
    expect(ahead).toBeLessThanOrEqual(2);
  });
});

const encoders = {
  json: (items: Iterable<unknown>) => encodeJsonStream(Crumb, items),
  jsv: (items: Iterable<unknown>) => encodeJsvStream(Crumb, items),
  ndjson: (items: Iterable<unknown>) => encodeNdjsonStream(Crumb, items),
};
const wholes = {
  json: () => encodeJson(listOf(Crumb), crumbs),
  jsv: () => encodeJsv(listOf(Crumb), crumbs),
  ndjson: () => crumbs.map((c) => encodeJson(Crumb, c) + '\n').join(''),
};

describe.each(['json', 'jsv', 'ndjson'] as const)('%s encode', (format) => {
  it('items are pulled as text is taken: an endless source, a consumer that takes one chunk', async () => {
    let pulled = 0;
    function* endless() {
      for (let i = 0; ; i++) {
        pulled++;
        yield { id: `id${i}`, name: 'x'.repeat(100) };
      }
    }
    const it = encoders[format](endless());
    const first = await it.next();
    expect(first.done).toBe(false);
    // One output chunk is ~64 K characters: the items behind it, and no more.
    const sample = { id: 'id100', name: 'x'.repeat(100) };
    const perItem = (format === 'jsv' ? encodeJsv(Crumb, sample) : encodeJson(Crumb, sample)).length + 1;
    expect(pulled).toBeLessThanOrEqual(Math.ceil((64 * 1024) / perItem) + 2);
    await it.return(undefined);
  });

  it('the text of a slow reader is the whole-list text', async () => {
    let text = '';
    for await (const chunk of encoders[format](crumbs)) {
      text += chunk;
      await new Promise((r) => setImmediate(r));
    }
    expect(text).toBe(wholes[format]());
  });
});
