/**
 * The decode limits in JSON, JSV and NDJSON (issue 11; src/formats/common/limits.ts), whole
 * documents and streams: for each limit, input at the limit is read, one past it is an error
 * with the limit's own code, the path and the position of what crossed it, `Infinity` (or a
 * higher value) accepts it, and lenient mode never drops a limit error as it drops a bad value.
 * XML has its own suite (test/xml/limits.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DtoFormatError, type DtoErrorCode } from '../../src/errors.js';
import type { Codec, DecodeOptions, EncodeOptions } from '../../src/formats/codec.js';
import { lineCol } from '../../src/formats/common/failure.js';
import { DEFAULT_LIMITS, type LimitName } from '../../src/formats/common/limits.js';
import { jsonCodec } from '../../src/formats/json/index.js';
import { jsvCodec } from '../../src/formats/jsv/index.js';
import { ndjsonCodec } from '../../src/formats/ndjson/index.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { catchDtoError } from '../support/errors.js';
import { collectUntilError } from '../stream/helpers.js';
import { zoo } from '../support/zoo.js';
import * as api from '../../src/index.js';

const schema = zoo.at(1);
const ScalarZoo = schema.requireClass('ScalarZoo');
const ListZoo = schema.requireClass('ListZoo');
const DictionaryZoo = schema.requireClass('DictionaryZoo');

type AnyCodec = Codec<EncodeOptions, DecodeOptions>;

interface Format {
  readonly name: 'JSON' | 'JSV';
  readonly codec: AnyCodec;
  /** `{"m":v}` / `{m:v}` */
  readonly object: (member: string, value: string) => string;
  readonly str: (s: string) => string;
  readonly list: (items: readonly string[]) => string;
  readonly dict: (entries: readonly [string, string][]) => string;
}

const FORMATS: readonly Format[] = [
  {
    name: 'JSON',
    codec: jsonCodec as AnyCodec,
    object: (m, v) => `{"${m}":${v}}`,
    str: (s) => JSON.stringify(s),
    list: (items) => `[${items.join(',')}]`,
    dict: (entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`,
  },
  {
    name: 'JSV',
    codec: jsvCodec as AnyCodec,
    object: (m, v) => `{${m}:${v}}`,
    str: (s) => (/[,{}[\]":\s]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s),
    list: (items) => `[${items.join(',')}]`,
    dict: (entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`,
  },
];

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** The error of decoding `text`, checked for the code, the path, the position (`at`), the format and how to raise the limit. */
function expectLimit(f: Format, t: TypeDescriptor, text: string, options: DecodeOptions, name: LimitName, path: string, at: number): DtoFormatError {
  const e = catchDtoError(() => f.codec.decode(t, text, options));
  const code = `${name.charAt(3).toLowerCase()}${name.slice(4)}` as DtoErrorCode;
  const limit = options[name] ?? DEFAULT_LIMITS[name];
  expect({ code: e.code, path: e.path, ...(e.line === undefined ? {} : { line: e.line, column: e.column }) }).toEqual({ code, path, ...lineCol(text, at) });
  expect(e.format).toBe(f.name);
  expect(e.detail).toContain(`${name} (${limit}); raise the option to accept it`);
  return e;
}

for (const f of FORMATS) {
  describe(`${f.name} decode limits`, () => {
    it('the options are checked like every other option (a usage error before anything is read)', () => {
      const e = catchDtoError(() => f.codec.decode(ScalarZoo, f.object('stringValue', 'a'), { maxStringLength: 0 }));
      expect(e.code).toBe('usage');
      expect(e.message).toBe(`${f.name} option maxStringLength must be a positive integer or Infinity, not 0`);
    });

    it('maxDocumentLength: the whole text, checked before anything is read', () => {
      const text = f.object('stringValue', f.str('abcdef'));
      expect(f.codec.decode(ScalarZoo, text, { maxDocumentLength: text.length })).toMatchObject({ stringValue: 'abcdef' });
      const e = expectLimit(f, ScalarZoo, text, { maxDocumentLength: text.length - 1 }, 'maxDocumentLength', '', text.length - 1);
      expect(e.found).toBe(`a document of ${text.length} characters`);
      // Refused before reading: a document past the limit that is also malformed is a documentLength error.
      expect(catchDtoError(() => f.codec.decode(ScalarZoo, '{' + text, { maxDocumentLength: 3 })).code).toBe('documentLength');
    });

    it('maxStringLength: a string member, at the limit read, one past refused at its start', () => {
      const text = f.object('stringValue', f.str('x'.repeat(10)));
      expect(f.codec.decode(ScalarZoo, text, { maxStringLength: 10 })).toMatchObject({ stringValue: 'x'.repeat(10) });
      const e = expectLimit(f, ScalarZoo, text, { maxStringLength: 9 }, 'maxStringLength', 'stringValue', text.indexOf('x') - (f.name === 'JSON' ? 1 : 0));
      expect(e.found).toBe('a string of 10 characters');
      expect(f.codec.decode(ScalarZoo, text, { maxStringLength: Infinity })).toMatchObject({ stringValue: 'x'.repeat(10) });
    });

    it('maxStringLength counts the text after unescaping (an escaped or quoted string is its value\'s length)', () => {
      // JSON `\"` ×5 is 10 units of input and 5 of value; JSV `""` likewise.
      const value = '"'.repeat(5);
      const text = f.object('stringValue', f.str(value));
      expect(text.length).toBeGreaterThan(15);
      expect(f.codec.decode(ScalarZoo, text, { maxStringLength: 5 })).toMatchObject({ stringValue: value });
      expect(catchDtoError(() => f.codec.decode(ScalarZoo, text, { maxStringLength: 4 })).code).toBe('stringLength');
    });

    it('maxStringLength: list items and dictionary keys and values too, with their path', () => {
      const list = f.object('stringList', f.list(['a', 'bb', 'cccc'].map(f.str)));
      expect(f.codec.decode(ListZoo, list, { maxStringLength: 4 })).toMatchObject({ stringList: ['a', 'bb', 'cccc'] });
      expectLimit(f, ListZoo, list, { maxStringLength: 3 }, 'maxStringLength', 'stringList[2]', list.indexOf('cccc') - (f.name === 'JSON' ? 1 : 0));
      const dict = f.object('stringValues', f.dict([['k', f.str('v')], ['kkkk', f.str('v')]]));
      expect(f.codec.decode(DictionaryZoo, dict, { maxStringLength: 4 })).toMatchObject({ stringValues: { k: 'v', kkkk: 'v' } });
      expectLimit(f, DictionaryZoo, dict, { maxStringLength: 3 }, 'maxStringLength', 'stringValues', dict.indexOf('kkkk') - (f.name === 'JSON' ? 1 : 0));
    });

    it('maxNameLength: a member name the class does not have is refused for its length, not skipped', () => {
      const name = 'n'.repeat(20);
      const text = `${f.object(name, '1').slice(0, -1)},${f.object('stringValue', f.str('a')).slice(1)}`;
      expect(f.codec.decode(ScalarZoo, text, { maxNameLength: 20 })).toMatchObject({ stringValue: 'a' });
      const e = expectLimit(f, ScalarZoo, text, { maxNameLength: 19 }, 'maxNameLength', '', 1);
      expect(e.found).toBe('a name of 20 characters');
      // A dictionary key is a string, not a name: maxNameLength does not bound it.
      const dict = f.object('stringValues', f.dict([[name, f.str('v')]]));
      expect(f.codec.decode(DictionaryZoo, dict, { maxNameLength: 5 })).toMatchObject({ stringValues: { [name]: 'v' } });
    });

    it('maxCollectionLength: the first element past the limit, by index', () => {
      const text = f.object('int32List', f.list(times(5, String)));
      expect(f.codec.decode(ListZoo, text, { maxCollectionLength: 5 })).toMatchObject({ int32List: [0, 1, 2, 3, 4] });
      const e = expectLimit(f, ListZoo, text, { maxCollectionLength: 4 }, 'maxCollectionLength', 'int32List', text.indexOf('4'));
      expect(e.found).toBe('element [4]');
      // Nested lists count each list on its own.
      const grid = f.object('stringList', f.list(['a', 'b'].map(f.str)));
      expect(f.codec.decode(ListZoo, grid, { maxCollectionLength: 2 })).toMatchObject({ stringList: ['a', 'b'] });
    });

    it('maxDictionaryEntries: the first entry past the limit, at its key', () => {
      const text = f.object('stringValues', f.dict(times(4, (i) => [`k${i}`, f.str('v')])));
      expect(f.codec.decode(DictionaryZoo, text, { maxDictionaryEntries: 4 })).toMatchObject({ stringValues: { k0: 'v', k3: 'v' } });
      const e = expectLimit(f, DictionaryZoo, text, { maxDictionaryEntries: 3 }, 'maxDictionaryEntries', 'stringValues', text.indexOf('k3') - (f.name === 'JSON' ? 1 : 0));
      expect(e.found).toBe('entry [3]');
    });

    it('lenient mode drops bad values, never a limit error', () => {
      const text = f.object('stringValue', f.str('x'.repeat(10)));
      expect(catchDtoError(() => f.codec.decode(ScalarZoo, text, { lenient: true, maxStringLength: 9 })).code).toBe('stringLength');
      const list = f.object('int32List', f.list(times(5, String)));
      expect(catchDtoError(() => f.codec.decode(ListZoo, list, { lenient: true, maxCollectionLength: 4 })).code).toBe('collectionLength');
    });

    it('the defaults hold against a hostile document: 10⁷ + 1 list elements are refused at the 10⁷th', () => {
      const n = DEFAULT_LIMITS.maxCollectionLength;
      const text = f.object('booleanList', `[${'1,'.repeat(n)}1]`);
      const e = catchDtoError(() => f.codec.decode(ListZoo, text));
      expect([e.code, e.path, e.found]).toEqual(['collectionLength', 'booleanList', `element [${n}]`]);
    });

    it('a string past the default maxStringLength is refused', () => {
      const text = f.object('stringValue', f.str('x'.repeat(DEFAULT_LIMITS.maxStringLength + 1)));
      const e = catchDtoError(() => f.codec.decode(ScalarZoo, text));
      expect([e.code, e.path, e.found]).toEqual(['stringLength', 'stringValue', `a string of ${DEFAULT_LIMITS.maxStringLength + 1} characters`]);
    });
  });
}

describe('streams apply the limits to each element', () => {
  const cases: readonly { name: string; codec: AnyCodec; text: (values: readonly string[]) => string }[] = [
    { name: 'JSON', codec: jsonCodec as AnyCodec, text: (vs) => `[${vs.map((v) => `{"stringValue":${JSON.stringify(v)}}`).join(',')}]` },
    { name: 'NDJSON', codec: ndjsonCodec as AnyCodec, text: (vs) => vs.map((v) => `{"stringValue":${JSON.stringify(v)}}\n`).join('') },
    { name: 'JSV', codec: jsvCodec as AnyCodec, text: (vs) => `[${vs.map((v) => `{stringValue:${v}}`).join(',')}]` },
  ];
  for (const c of cases) {
    it(`${c.name}: maxStringLength stops the stream at the element, with what came before yielded`, async () => {
      const text = c.text(['aaa', 'bbbb', 'cc']);
      const ok = await collectUntilError(c.codec.decodeStream!(ScalarZoo, text, { maxStringLength: 4 }));
      expect(ok.error).toBeUndefined();
      expect(ok.values.map((v) => (v as { stringValue: string }).stringValue)).toEqual(['aaa', 'bbbb', 'cc']);
      const bad = await collectUntilError(c.codec.decodeStream!(ScalarZoo, text, { maxStringLength: 3 }));
      expect(bad.values).toHaveLength(1);
      expect([bad.error?.code, bad.error?.path]).toEqual(['stringLength', '[1].stringValue']);
      expect(bad.error?.line).toBe(c.name === 'NDJSON' ? 2 : 1);
    });

    it(`${c.name}: the NDJSON/JSON/JSV whole-document decode of the same list agrees`, () => {
      const text = c.text(['aaa', 'bbbb']);
      const e = catchDtoError(() => c.codec.decode({ kind: 'list', of: ScalarZoo, isValueType: false }, text, { maxStringLength: 3 }));
      expect([e.code, e.path]).toEqual(['stringLength', '[1].stringValue']);
    });
  }
});

describe('the public API', () => {
  it('exports DEFAULT_LIMITS and takes the limits in every typed codec', () => {
    expect(api.DEFAULT_LIMITS).toBe(DEFAULT_LIMITS);
    const limits: api.DecodeLimitOptions = { maxStringLength: 3 };
    const texts = {
      json: '{"customerId":"cust-1","isStaging":true}',
      jsv: '{customerId:cust-1,isStaging:True}',
      xml: api.xml.encode('SetCustomerStagingMode', { customerId: 'cust-1', isStaging: true }),
    };
    const decoders = {
      json: (o?: api.DecodeLimitOptions) => api.json.decode('SetCustomerStagingMode', texts.json, o),
      jsv: (o?: api.DecodeLimitOptions) => api.jsv.decode('SetCustomerStagingMode', texts.jsv, o),
      xml: (o?: api.DecodeLimitOptions) => api.xml.decode('SetCustomerStagingMode', texts.xml, o),
    };
    for (const [name, decode] of Object.entries(decoders)) {
      expect(decode()).toMatchObject({ customerId: 'cust-1' });
      const e = catchDtoError(() => decode(limits));
      expect([name, e.code, e.path]).toEqual([name, 'stringLength', 'customerId']);
    }
  });
});
