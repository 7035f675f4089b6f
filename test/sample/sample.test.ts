/**
 * The metadata-page sample generator (jsv-and-json.md §5) against the seeds: the JSV bodies
 * of seeds 001/002 (revision 1, recursive types populated), the XML of seed 003 (revision 2,
 * recursive types nil: the oracle's metadata-sample vectors) and of seed 004 (populated).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../../src/dtos/index.js';
import { DtoFormatError } from '../../src/errors.js';
import { encodeJsv } from '../../src/formats/jsv/index.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { isRecursiveType, sampleDefaults, sampleValue, type SampleOptions } from '../../src/schema/sample.js';
import { S, Shapes } from '../jsv/shapes.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const fixture = (path: string): string => readFileSync(FIXTURES + path, 'utf8');

/** What `dto-formats sample NAME --format jsv --pretty --revision N` prints. */
function jsvSample(name: string, revision: number, options?: SampleOptions): string {
  const type = evoVoice.at(revision).require(name);
  return encodeJsv(type, sampleValue(type, options), { pretty: true });
}

describe('the JSV seeds (revision 1), byte for byte', () => {
  it.each([
    ['NewCustomer', 'seeds/NewCustomer.request.rev1.jsv'],
    ['CustomerInfo', 'seeds/CustomerInfo.response.rev1.seed001.jsv'],
    ['CustomerInfo', 'seeds/CustomerInfo.response.rev1.seed002.jsv'],
    ['PatchCustomer', 'seeds/PatchCustomer.request.rev1.jsv'],
  ])('%s = %s', (name, file) => {
    expect(jsvSample(name, 1)).toBe(fixture(file));
  });

  it('is also what the CRLF option prints with \\r\\n line breaks', () => {
    const type = evoVoice.at(1).require('NewCustomer');
    const crlf = encodeJsv(type, sampleValue(type), { pretty: true, newline: '\r\n' });
    expect(crlf).toBe(fixture('seeds/NewCustomer.request.rev1.jsv').replace(/\n/g, '\r\n'));
  });
});

/** The oracle's SampleStruct(level): a Value at level n < 3 holds a level n+1 Struct twice; level 3 has listValue [null]. */
function oracleStruct(level: number): Record<string, unknown> {
  const value: Record<string, unknown> = { boolValue: false, stringValue: 'String', numberValue: 0 };
  if (level < 3) {
    value['listValue'] = [oracleStruct(level + 1)];
    value['structValue'] = oracleStruct(level + 1);
  } else {
    value['listValue'] = [null];
  }
  return { String: value };
}

describe('the XML seeds: recursive types nil (seed 003) or populated (seed 004)', () => {
  const vector = (dir: string): unknown => JSON.parse(fixture(`oracle/vectors/${dir}/dto.json`));

  it('nil: the seed-003 samples are the oracle vectors 000 and 001 (revision 2)', () => {
    const nil = { recursiveTypes: 'nil' } as const;
    expect(sampleValue(evoVoice.at(2).require('CustomerInfo'), nil)).toEqual(vector('000-CustomerInfo'));
    expect(sampleValue(evoVoice.at(2).require('SetCustomerStagingMode'), nil)).toEqual(vector('001-SetCustomerStagingMode'));
  });

  it('nil: written as XML, the bytes of the oracle vector (and so of seed 003)', () => {
    const type = evoVoice.at(2).require('CustomerInfo');
    expect(xmlCodec.encode(type, sampleValue(type, { recursiveTypes: 'nil' }))).toBe(fixture('oracle/vectors/000-CustomerInfo/dto.xml'));
    const scraped = fixture('seeds/CustomerInfo.response.rev2.xml').replace(/>\s+</g, '><');
    expect(xmlCodec.encode(type, sampleValue(type, { recursiveTypes: 'nil' }), { declaration: false })).toBe(scraped);
  });

  it('populated: the oracle\'s CustomerInfoWithData (the seed-004 variant)', () => {
    const expected = vector('000-CustomerInfo') as Record<string, unknown> & { schedule: { rules: Record<string, unknown>[] } };
    expected['data'] = oracleStruct(1);
    expected.schedule.rules[0]!['flowParams'] = oracleStruct(1);
    const actual = sampleValue(evoVoice.at(2).require('CustomerInfo'));
    expect(actual).toEqual(expected);
  });

  it('populated: every line that survived in seed 004 occurs, in order, in the indented XML', () => {
    const type = evoVoice.at(1).require('CustomerInfo');
    const lines = xmlCodec.encode(type, sampleValue(type), { pretty: true, declaration: false }).split('\n');
    let j = 0;
    for (const want of fixture('seeds/CustomerInfo.response.rev1.seed004-excerpt.xml').split('\n')) {
      if (want.trim() === '') continue;
      while (j < lines.length && lines[j] !== want) j++;
      expect(j, `line not found in order: ${want}`).toBeLessThan(lines.length);
      j++;
    }
  });

  it('only the recursive types differ between the two', () => {
    const type = evoVoice.at(2).require('CustomerInfo');
    const populated = sampleValue(type) as Record<string, unknown>;
    const nil = sampleValue(type, { recursiveTypes: 'nil' }) as Record<string, unknown>;
    expect(Object.keys(populated).filter((k) => !(k in nil))).toEqual(['data']);
    expect(isRecursiveType(evoVoice.at(2).require('Struct'))).toBe(true);
    expect(isRecursiveType(evoVoice.at(2).require('Value'))).toBe(true);
    expect(isRecursiveType(evoVoice.at(2).require('EntityIntegrationData'))).toBe(false);
    expect(isRecursiveType(evoVoice.at(2).require('CustomerInfo'))).toBe(false);
    expect(nil['integrationData']).toEqual({ String: { thirdPartyId: 'String' } });
  });
});

describe('the rules of §5', () => {
  it('String for strings, defaults for value types and Nullable<T>, one element per list, one String key per dictionary', () => {
    expect(sampleValue(Shapes)).toEqual({
      name: 'String',
      count: 0,
      ratio: 0,
      flag: false,
      maybeFlag: false,
      maybeCount: 0,
      color: 'Red',
      maybeColor: 'Red',
      item: { x: 0, label: 'String' },
      bag: { String: { x: 0, label: 'String' } },
      names: ['String'],
      counts: [0],
      ratios: [0],
      flags: [false],
      colors: ['Red'],
      maybeCounts: [0],
      grid: [[0]],
      items: [{ x: 0, label: 'String' }],
      bags: [{ String: { x: 0, label: 'String' } }],
      maps: [{ String: 'String' }],
      map: { String: 'String' },
      intMap: { '0': 'String' },
      constructor: 'String',
    });
  });

  it('takes the enum member with the smallest unsigned value (negative values last)', () => {
    const samples = sampleValue(S.require('Samples')) as Record<string, unknown>;
    expect(samples['odd']).toBe('C');
    expect(samples['intMap']).toEqual({ '0': { x: 0, label: 'String' } });
    expect(samples['grid']).toEqual([['String']]);
  });

  it('cuts a self-referencing type after three nested levels below the root', () => {
    type N = { name: string; children?: N[] };
    const root = sampleValue(S.require('Node')) as N;
    const l1 = root.children![0]!;
    const l2 = l1.children![0]!;
    const l3 = l2.children![0]!;
    expect(l3).toEqual({ name: 'String' });
    // Below another type Node is counted from its first occurrence, ahead of List<Node>: the
    // third Node still gets its list, whose element is then over the limit.
    const inner = (sampleValue(S.require('Samples')) as { node: N }).node;
    expect(inner.children![0]!.children![0]).toEqual({ name: 'String', children: [null] });
  });

  it('restores the counts on the way out: a later sibling gets as deep as an earlier one', () => {
    const data = (sampleValue(evoVoice.at(1).require('NewCustomer')) as { data: Record<string, unknown> }).data;
    expect(data).toEqual(oracleStruct(1));
  });

  it('leaves a dictionary-derived root empty, as PopulateWith does', () => {
    expect(sampleValue(evoVoice.at(1).require('Struct'))).toEqual({});
  });

  it('samples non-class types too', () => {
    expect(sampleValue(evoVoice.at(1).require('TagColors'))).toBe('Magenta');
    // The root is not counted: below a Value root, List<Struct> and Struct run out together,
    // so the third Value has neither list nor struct (below Data the list lags one behind).
    type V = { listValue?: Record<string, V>[]; structValue?: Record<string, V> };
    const root = sampleValue(evoVoice.at(1).require('Value')) as V;
    const v3 = root.listValue![0]!['String']!.listValue![0]!['String']!.listValue![0]!['String']!;
    expect(v3).toEqual({ boolValue: false, stringValue: 'String', numberValue: 0 });
    // Down the structValue path no list was counted, so the third Value's list gets built and
    // holds the Struct that is over the limit.
    expect(root.structValue!['String']!.structValue!['String']!.structValue!['String']).toEqual({ ...v3, listValue: [null] });
  });

  it('refuses an unknown option value', () => {
    expect(() => sampleValue(Shapes, { recursiveTypes: 'sometimes' as never })).toThrow(DtoFormatError);
    expect(sampleDefaults).toEqual({ recursiveTypes: 'populated' });
    expect(Object.isFrozen(sampleDefaults)).toBe(true);
  });
});
