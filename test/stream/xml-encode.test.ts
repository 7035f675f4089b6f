/**
 * Streaming a DataContract collection out: the chunks of `encodeXmlStream` concatenate to
 * exactly `xmlCodec.encode(listOf(T), items)` for element types of every kind (classes of the
 * Evo Voice DTOs and of the scalar zoo, every scalar — `ArrayOfint`, `ArrayOfstring`, … in the
 * Arrays namespace —, enums, nullables, structs, nested lists, dictionaries), in every layout,
 * and an element that cannot be written fails as the whole-list writer fails on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dtoArbitrary } from '../../src/arbitrary/index.js';
import { DtoFormatError } from '../../src/errors.js';
import { xmlCodec, type XmlEncodeOptions } from '../../src/formats/xml/index.js';
import { decodeXmlStream, encodeXmlStream } from '../../src/formats/xml/stream.js';
import { listOf, type TypeDescriptor } from '../../src/schema/descriptors.js';
import { scalar } from '../../src/schema/registry.js';
import { evoVoice } from '../support/evo-voice.js';
import { ZOO_SCALARS, zoo } from '../support/zoo.js';

const RUNS = Number(process.env.DTO_FC_RUNS ?? 40);

async function encoded(t: TypeDescriptor, items: Iterable<unknown> | AsyncIterable<unknown>, options?: XmlEncodeOptions): Promise<{ text: string; chunks: string[]; error?: DtoFormatError }> {
  const chunks: string[] = [];
  try {
    for await (const c of encodeXmlStream(t, items, options)) chunks.push(c);
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
    return { text: chunks.join(''), chunks, error: e };
  }
  return { text: chunks.join(''), chunks };
}

function wholeEncode(t: TypeDescriptor, items: unknown[], options?: XmlEncodeOptions): { text?: string; error?: DtoFormatError } {
  try {
    return { text: xmlCodec.encode(listOf(t), items, options) };
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
    return { error: e };
  }
}

const zooSchema = zoo.at();
const nullableOf = (name: string): TypeDescriptor => zooSchema.requireClass('NullableZoo').properties.find((p) => p.name === `Nullable${name}`)!.type;

/** Element types of every kind. */
const TYPES: [string, TypeDescriptor][] = [
  ['CustomerInfo', evoVoice.require('CustomerInfo')],
  ['SetCustomerStagingMode', evoVoice.require('SetCustomerStagingMode')],
  ['PatchCustomer', evoVoice.require('PatchCustomer')],
  ...['ScalarZoo', 'NullableZoo', 'ListZoo', 'DictionaryZoo', 'Everything', 'Renamed', 'Outer', 'Point', 'QueryResponse<Item>', 'Priority', 'Permissions', 'Mood'].map(
    (n): [string, TypeDescriptor] => [n, zooSchema.require(n)],
  ),
  ...ZOO_SCALARS.map((n): [string, TypeDescriptor] => [n, scalar(n)]),
  ['Nullable<Int32>', nullableOf('Int32')],
  ['Nullable<DateTimeOffset>', nullableOf('DateTimeOffset')],
  ['List<Int32>', listOf(scalar('Int32'))],
  ['List<List<String>>', listOf(listOf(scalar('String')))],
  ['List<Item>', listOf(zooSchema.require('Item'))],
  ['Dictionary<String,Int32>', { kind: 'dictionary', key: scalar('String'), value: scalar('Int32'), isValueType: false }],
];

const LAYOUTS: XmlEncodeOptions[] = [{}, { pretty: true }, { pretty: true, newline: '\r\n' }, { declaration: false }, { newline: '\r\n' }];

describe('byte-identical to the whole-list writer', () => {
  for (const [name, t] of TYPES) {
    it(`List<${name}>: every layout, and back through decodeXmlStream`, async () => {
      const item = t.isValueType ? dtoArbitrary(t, { format: 'xml', maxLength: 2, maxDepth: 2 }) : fc.option(dtoArbitrary(t, { format: 'xml', maxLength: 2, maxDepth: 2 }), { nil: null, freq: 4 });
      await fc.assert(
        fc.asyncProperty(fc.array(item, { maxLength: 4 }), fc.constantFrom(...LAYOUTS), async (items, options) => {
          const w = wholeEncode(t, items, options);
          const s = await encoded(t, items, options);
          if (w.error) {
            expect(s.error?.details()).toEqual({ ...w.error.details(), typeName: s.error!.typeName });
            return;
          }
          expect(s.error).toBeUndefined();
          expect(s.text).toBe(w.text);
          // What was written reads back, streamed, as the whole-document reader reads it.
          const back: unknown[] = [];
          for await (const v of decodeXmlStream(t, s.text)) back.push(v);
          expect(back).toEqual(xmlCodec.decode(listOf(t), w.text!));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('an empty collection is the self-closing root, with the declaration or without, compact or indented', async () => {
    const t = evoVoice.require('CustomerInfo');
    for (const options of LAYOUTS) {
      const s = await encoded(t, [], options);
      expect(s.text).toBe(xmlCodec.encode(listOf(t), [], options));
      expect(s.text).toMatch(/<ArrayOfCustomerInfo xmlns:i="[^"]+" xmlns="[^"]+" \/>$/);
    }
    expect((await encoded(scalar('Int32'), [])).text).toBe(
      '<?xml version="1.0" encoding="utf-8"?><ArrayOfint xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />',
    );
  });

  it('items from a generator, an async generator and a Set', async () => {
    const t = scalar('Int32');
    const want = xmlCodec.encode(listOf(t), [1, 2, 3]);
    expect((await encoded(t, (function* () { yield* [1, 2, 3]; })())).text).toBe(want);
    expect((await encoded(t, (async function* () { yield* [1, 2, 3]; })())).text).toBe(want);
    expect((await encoded(t, new Set([1, 2, 3]))).text).toBe(want);
  });

  it('many elements go out in chunks of about 64 K units, not one string', async () => {
    const t = zooSchema.require('Item');
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: BigInt(i), name: `name ${i}` }));
    const s = await encoded(t, items);
    expect(s.text).toBe(xmlCodec.encode(listOf(t), items));
    expect(s.chunks.length).toBeGreaterThan(5);
    for (const c of s.chunks.slice(0, -1)) expect(c.length).toBeLessThan(96 * 1024);
  });
});

describe('errors', () => {
  it('an element that cannot be written: the whole writer\'s error with its index, after the complete elements before it', async () => {
    const t = zooSchema.require('Item');
    const items: unknown[] = [{ id: 1n, name: 'a' }, { id: 2n, name: 'b' }, { id: 'x', name: 'c' }, { id: 4n }];
    const w = wholeEncode(t, items);
    const s = await encoded(t, items);
    expect(w.error!.path).toBe('[2].id');
    expect(s.error!.details()).toEqual({ ...w.error!.details(), typeName: 'ArrayOfItem' });
    expect(s.error!.message).toBe('cannot encode ArrayOfItem[2].id to XML: expected Int64, got "x"');
    // Nothing of the failing element was yielded: the text is a prefix of the two first elements' document.
    expect(xmlCodec.encode(listOf(t), items.slice(0, 2)).startsWith(s.text.replace(/<\/ArrayOfItem>$/, ''))).toBe(true);
  });

  it('an element deep in a long stream (a later chunk, in the middle of one list-writer call): its index in the stream, everything before it written', async () => {
    const t = zooSchema.require('Item');
    const items: unknown[] = Array.from({ length: 20_000 }, (_, i) => ({ id: BigInt(i), name: `n${i}` }));
    items[15_123] = { id: 1n, name: 7 };
    const s = await encoded(t, items);
    const w = wholeEncode(t, items);
    expect(w.error!.path).toBe('[15123].name');
    expect(s.error!.details()).toEqual({ ...w.error!.details(), typeName: 'ArrayOfItem' });
    const before = xmlCodec.encode(listOf(t), items.slice(0, 15_123));
    expect(s.text).toBe(before.slice(0, before.length - '</ArrayOfItem>'.length));
  });

  it('a null element of a value type, a non-object, and an unknown enum name', async () => {
    const cases: [TypeDescriptor, unknown[]][] = [
      [scalar('Int32'), [1, null]],
      [zooSchema.require('Point'), [{ x: 1, y: 1 }, 7]],
      [zooSchema.require('Mood'), ['Calm', 'Sad']],
      [scalar('String'), ['a', 'b\u0001']],
    ];
    for (const [t, items] of cases) {
      const w = wholeEncode(t, items);
      const s = await encoded(t, items);
      expect(w.error).toBeDefined();
      expect(s.error!.details()).toEqual({ ...w.error!.details(), typeName: s.error!.typeName });
      expect(s.error!.path).toMatch(/^\[1\]/);
    }
  });

  it('bad options are the whole writer\'s usage errors', async () => {
    const t = scalar('Int32');
    for (const options of [{ newline: '\r' }, { maxDepth: 0 }] as unknown as XmlEncodeOptions[]) {
      const s = await encoded(t, [1], options);
      expect(s.error!.code).toBe('usage');
      expect(s.error!.message).toBe(wholeEncode(t, [1], options).error!.message);
    }
  });

  it('a source that is not iterable is a usage error', async () => {
    const s = await encoded(scalar('Int32'), 42 as unknown as Iterable<unknown>);
    expect(s.error!.code).toBe('usage');
  });
});
