/**
 * The decode limits in XML (issue 11; src/formats/common/limits.ts): for each limit, input at
 * the limit is read, one past it is an error with the limit's own code, the path and the
 * position of the first thing over it, raising the option accepts it, and the default holds
 * against a hostile document (refused where the limit is crossed, not after reading it all).
 */
import { describe, expect, it } from 'vitest';
import { DtoFormatError, type DtoErrorCode } from '../../src/errors.js';
import { lineCol } from '../../src/formats/common/failure.js';
import { DEFAULT_LIMITS, type LimitName } from '../../src/formats/common/limits.js';
import { xmlCodec, type XmlDecodeOptions } from '../../src/formats/xml/index.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { catchDtoError } from '../support/errors.js';
import { zoo } from '../support/zoo.js';

const schema = zoo.at(1);
const ScalarZoo = schema.requireClass('ScalarZoo');
const ListZoo = schema.requireClass('ListZoo');
const DictionaryZoo = schema.requireClass('DictionaryZoo');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const ZOO = 'http://schemas.datacontract.org/2004/07/Zoo.Types';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const rootOf = (name: string, attrs: string, body: string) => `<${name} xmlns:i="${XSI}" xmlns="${ZOO}"${attrs}>${body}</${name}>`;
const scalars = (body: string, attrs = '') => rootOf('ScalarZoo', attrs, body);
const stringList = (items: string) => rootOf('ListZoo', '', `<StringList xmlns:d2p1="${ARRAYS}">${items}</StringList>`);
const item = (s: string) => `<d2p1:string>${s}</d2p1:string>`;
const entry = (k: string, v: string) => `<d2p1:KeyValueOfstringstring><d2p1:Key>${k}</d2p1:Key><d2p1:Value>${v}</d2p1:Value></d2p1:KeyValueOfstringstring>`;
const stringValues = (entries: string) => rootOf('DictionaryZoo', '', `<StringValues xmlns:d2p1="${ARRAYS}">${entries}</StringValues>`);
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** DCS's reading: unknown elements are skipped (so a long unknown name is read, not refused for being unknown). */
const LENIENT: XmlDecodeOptions = { lenient: true };

function decode(t: TypeDescriptor, xml: string, options: XmlDecodeOptions = {}): Record<string, unknown> {
  return xmlCodec.decode(t, xml, options) as Record<string, unknown>;
}

/** The error of decoding `xml`, checked for the code, the path, the position (`at`) and the message of limit `name`. */
function expectLimit(
  t: TypeDescriptor,
  xml: string,
  options: XmlDecodeOptions,
  name: LimitName,
  code: DtoErrorCode,
  path: string,
  at: number,
): DtoFormatError {
  const e = catchDtoError(() => xmlCodec.decode(t, xml, options));
  const limit = options[name] ?? DEFAULT_LIMITS[name];
  expect({ code: e.code, path: e.path, line: e.line, column: e.column }).toEqual({ code, path, ...lineCol(xml, at) });
  expect(e.format).toBe('XML');
  expect(e.detail).toContain(`${name} (${limit}); raise the option to accept it`);
  return e;
}

describe('the limit options', () => {
  it('each limit has its own code: the option name without max', () => {
    expect(Object.keys(DEFAULT_LIMITS)).toEqual([
      'maxDocumentLength',
      'maxStringLength',
      'maxCollectionLength',
      'maxDictionaryEntries',
      'maxNameLength',
      'maxAttributes',
    ]);
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });

  it('a limit is a positive integer or Infinity; anything else is a usage error before reading', () => {
    for (const bad of [0, -1, 1.5, NaN, '10' as unknown as number, -Infinity]) {
      const e = catchDtoError(() => xmlCodec.decode(ScalarZoo, '<not xml', { maxStringLength: bad }));
      expect(e.code).toBe('usage');
      expect(e.message).toMatch(/^XML option maxStringLength must be a positive integer or Infinity/);
    }
    expect(decode(ScalarZoo, scalars('<StringValue>abc</StringValue>'), { maxStringLength: Infinity }).stringValue).toBe('abc');
  });
});

describe('maxDocumentLength', () => {
  const xml = scalars('<StringValue>abc</StringValue>');

  it('a document of exactly the limit is read; one unit longer is refused at the first unit past it', () => {
    expect(decode(ScalarZoo, xml, { maxDocumentLength: xml.length }).stringValue).toBe('abc');
    const e = expectLimit(ScalarZoo, xml, { maxDocumentLength: xml.length - 1 }, 'maxDocumentLength', 'documentLength', '', xml.length - 1);
    expect(e.message).toContain(`cannot decode ScalarZoo from XML at 1:${xml.length}`);
    expect(e.found).toBe(`a document of ${xml.length} characters`);
  });

  it('is checked before anything is read: a malformed document too long is a documentLength error', () => {
    expect(catchDtoError(() => xmlCodec.decode(ScalarZoo, '<<<<', { maxDocumentLength: 3 })).code).toBe('documentLength');
  });

  it('the default is the CLI --max-size of ASCII text, 2^28', () => {
    expect(DEFAULT_LIMITS.maxDocumentLength).toBe(268_435_456);
  });
});

describe('maxStringLength', () => {
  const doc = (text: string) => scalars(`<StringValue>${text}</StringValue>`);

  it('a text of the limit is read; one longer is refused at its start, with the member path', () => {
    expect(decode(ScalarZoo, doc('a'.repeat(10)), { maxStringLength: 10 }).stringValue).toBe('a'.repeat(10));
    const xml = doc('a'.repeat(11));
    const e = expectLimit(ScalarZoo, xml, { maxStringLength: 10 }, 'maxStringLength', 'stringLength', 'stringValue', xml.indexOf('aaa'));
    expect(e.found).toBe('a text of 11 characters');
    expect(decode(ScalarZoo, xml, { maxStringLength: 11 }).stringValue).toBe('a'.repeat(11));
  });

  it('counts the text after unescaping: 10 references are 10 characters', () => {
    expect(decode(ScalarZoo, doc('&amp;'.repeat(10)), { maxStringLength: 10 }).stringValue).toBe('&'.repeat(10));
    const xml = doc('&#x41;'.repeat(11));
    expectLimit(ScalarZoo, xml, { maxStringLength: 10 }, 'maxStringLength', 'stringLength', 'stringValue', xml.indexOf('&#x41;'));
  });

  it('counts text split by comments and CDATA sections as one value', () => {
    const xml = doc('aaaa<!-- c --><![CDATA[bbbb]]>ccc');
    expect(decode(ScalarZoo, xml, { maxStringLength: 11 }).stringValue).toBe('aaaabbbbccc');
    expectLimit(ScalarZoo, xml, { maxStringLength: 10 }, 'maxStringLength', 'stringLength', 'stringValue', xml.indexOf('aaaa'));
    // The CDATA section is what crosses the limit.
    const cdata = doc('aaaa<![CDATA[bbbbbbb]]>');
    expectLimit(ScalarZoo, cdata, { maxStringLength: 10 }, 'maxStringLength', 'stringLength', 'stringValue', cdata.indexOf('aaaa'));
  });

  it('bounds the base64 text of a Byte[]', () => {
    const xml = scalars('<BytesValue>AQIDBAUG</BytesValue>');
    expect(decode(ScalarZoo, xml, { maxStringLength: 8 }).bytesValue).toEqual(new Uint8Array([1, 2, 3, 4, 5, 6]));
    expectLimit(ScalarZoo, xml, { maxStringLength: 7 }, 'maxStringLength', 'stringLength', 'bytesValue', xml.indexOf('AQID'));
  });

  it('bounds list items and dictionary keys and values, with their paths', () => {
    const list = stringList(item('ok') + item('toolong'));
    expectLimit(ListZoo, list, { maxStringLength: 6 }, 'maxStringLength', 'stringLength', 'stringList[1]', list.indexOf('toolong'));
    const keys = stringValues(entry('k', 'v') + entry('longkey', 'v'));
    expectLimit(DictionaryZoo, keys, { maxStringLength: 6 }, 'maxStringLength', 'stringLength', 'stringValues', keys.indexOf('longkey'));
    const values = stringValues(entry('k', 'longvalue'));
    expectLimit(DictionaryZoo, values, { maxStringLength: 6 }, 'maxStringLength', 'stringLength', 'stringValues.k', values.indexOf('longvalue'));
  });

  it('bounds attribute values, namespace URIs included', () => {
    const attr = scalars('', ` a="${'v'.repeat(11)}"`);
    expect(() => decode(ScalarZoo, attr, { maxStringLength: 11 })).not.toThrow();
    expectLimit(ScalarZoo, attr, { maxStringLength: 10 }, 'maxStringLength', 'stringLength', '', attr.indexOf('vvv'));
    const ns = scalars('', ' xmlns:p="urn:aaaaaaaa"');
    expectLimit(ScalarZoo, ns, { maxStringLength: 10 }, 'maxStringLength', 'stringLength', '', ns.indexOf('urn:'));
  });

  it('the default (2^24) refuses a text one character longer', () => {
    const xml = doc('x'.repeat(DEFAULT_LIMITS.maxStringLength + 1));
    expectLimit(ScalarZoo, xml, {}, 'maxStringLength', 'stringLength', 'stringValue', xml.indexOf('xxx'));
  });
});

describe('maxCollectionLength', () => {
  it('a list of the limit is read; the element past it is refused at its tag, with the list path', () => {
    expect(decode(ListZoo, stringList(times(5, (i) => item(`s${i}`))), { maxCollectionLength: 5 }).stringList).toHaveLength(5);
    const xml = stringList(times(6, (i) => item(`s${i}`)));
    const e = expectLimit(ListZoo, xml, { maxCollectionLength: 5 }, 'maxCollectionLength', 'collectionLength', 'stringList', xml.indexOf('<d2p1:string>s5'));
    expect(e.found).toBe('element [5]');
    expect(decode(ListZoo, xml, { maxCollectionLength: 6 }).stringList).toHaveLength(6);
  });

  it('counts the elements of a root list too', () => {
    const Root = { kind: 'list', of: ScalarZoo, isValueType: false } as const satisfies TypeDescriptor;
    const el = '<ScalarZoo/>';
    const xml = `<ArrayOfScalarZoo xmlns:i="${XSI}" xmlns="${ZOO}">${el.repeat(3)}</ArrayOfScalarZoo>`;
    expect(xmlCodec.decode(Root, xml, { maxCollectionLength: 3 })).toHaveLength(3);
    expectLimit(Root, xml, { maxCollectionLength: 2 }, 'maxCollectionLength', 'collectionLength', '', xml.lastIndexOf(el));
  });

  it('the default (10^7) is above the 400,000 entries a benchmark decodes', () => {
    expect(DEFAULT_LIMITS.maxCollectionLength).toBe(10_000_000);
    expect(decode(ListZoo, stringList(item('a').repeat(400_000))).stringList).toHaveLength(400_000);
  });
});

describe('maxDictionaryEntries', () => {
  it('a dictionary of the limit is read; the entry past it is refused at its tag, with the dictionary path', () => {
    expect(Object.keys(decode(DictionaryZoo, stringValues(times(4, (i) => entry(`k${i}`, 'v'))), { maxDictionaryEntries: 4 }).stringValues as object)).toHaveLength(4);
    const xml = stringValues(times(5, (i) => entry(`k${i}`, 'v')));
    const e = expectLimit(DictionaryZoo, xml, { maxDictionaryEntries: 4 }, 'maxDictionaryEntries', 'dictionaryEntries', 'stringValues', xml.indexOf('<d2p1:KeyValueOfstringstring><d2p1:Key>k4'));
    expect(e.found).toBe('entry [4]');
    expect(Object.keys(decode(DictionaryZoo, xml, { maxDictionaryEntries: 5 }).stringValues as object)).toHaveLength(5);
  });

  it('the default (10^7) is above the 400,000 entries a benchmark decodes', () => {
    expect(DEFAULT_LIMITS.maxDictionaryEntries).toBe(10_000_000);
    const xml = stringValues(times(400_000, (i) => entry(String(i), 'v')));
    expect(Object.keys(decode(DictionaryZoo, xml).stringValues as object)).toHaveLength(400_000);
  });
});

describe('maxNameLength', () => {
  it('an element name of the limit is read; one longer is refused at the name, also for an unknown element skipped', () => {
    const name = (n: number) => 'e'.repeat(n);
    // The longest other name is the root's, ScalarZoo (9).
    expect(() => decode(ScalarZoo, scalars(`<${name(12)}>x</${name(12)}>`), { ...LENIENT, maxNameLength: 12 })).not.toThrow();
    const xml = scalars(`<${name(13)}>x</${name(13)}>`);
    const e = expectLimit(ScalarZoo, xml, { ...LENIENT, maxNameLength: 12 }, 'maxNameLength', 'nameLength', '', xml.indexOf('eee'));
    expect(e.found).toBe('a name of 13 characters');
    expect(() => decode(ScalarZoo, xml, { ...LENIENT, maxNameLength: 13 })).not.toThrow();
  });

  it('counts the prefix of a qualified name, and applies to attribute names and names inside members', () => {
    const prefixed = scalars('<p:LongerName xmlns:p="urn:p"/>');
    expect(() => decode(ScalarZoo, prefixed, { ...LENIENT, maxNameLength: 12 })).not.toThrow();
    expectLimit(ScalarZoo, prefixed, { ...LENIENT, maxNameLength: 11 }, 'maxNameLength', 'nameLength', '', prefixed.indexOf('p:Longer'));
    const attr = scalars('', ' abcdefghijklm="x"');
    expectLimit(ScalarZoo, attr, { maxNameLength: 12 }, 'maxNameLength', 'nameLength', '', attr.indexOf('abcdefghi'));
    const inner = stringList(item('a') + '<d2p1:unknownname/>');
    expect(decode(ListZoo, inner, { ...LENIENT, maxNameLength: 16 }).stringList).toEqual(['a']);
    expectLimit(ListZoo, inner, { ...LENIENT, maxNameLength: 15 }, 'maxNameLength', 'nameLength', 'stringList', inner.indexOf('d2p1:unknown'));
  });

  it('the default (2^20) refuses a longer name as soon as the name is read', () => {
    const long = 'n'.repeat(DEFAULT_LIMITS.maxNameLength + 1);
    const xml = scalars(`<${long}/>`);
    expectLimit(ScalarZoo, xml, LENIENT, 'maxNameLength', 'nameLength', '', xml.indexOf('nnn'));
  });
});

describe('maxAttributes', () => {
  // The root has two declarations (xmlns:i, xmlns), so n more attributes make n + 2.
  const withAttrs = (n: number, f = (i: number) => ` a${i}="x"`) => scalars('', times(n, f));

  it('attributes up to the limit are read; the one past it is refused at its name', () => {
    expect(() => decode(ScalarZoo, withAttrs(8), { maxAttributes: 10 })).not.toThrow();
    const xml = withAttrs(9);
    const e = expectLimit(ScalarZoo, xml, { maxAttributes: 10 }, 'maxAttributes', 'attributes', '', xml.indexOf('a8='));
    expect(e.found).toBe('attribute 11 of <ScalarZoo>');
    expect(() => decode(ScalarZoo, xml, { maxAttributes: 11 })).not.toThrow();
  });

  it('namespace declarations and prefixed attributes count, on inner elements too (with the enclosing path)', () => {
    const decls = withAttrs(9, (i) => ` xmlns:p${i}="urn:u${i}"`);
    expectLimit(ScalarZoo, decls, { maxAttributes: 10 }, 'maxAttributes', 'attributes', '', decls.indexOf('xmlns:p8'));
    const inner = stringList(`<d2p1:string xmlns:p="urn:p" p:a="1" p:b="2">x</d2p1:string>`);
    expect(decode(ListZoo, inner, { maxAttributes: 3 }).stringList).toEqual(['x']);
    expectLimit(ListZoo, inner, { maxAttributes: 2 }, 'maxAttributes', 'attributes', 'stringList', inner.indexOf('p:b'));
  });

  it('the default (4096) refuses a flood of 10^6 declarations at the 4097th', () => {
    const xml = withAttrs(1_000_000, (i) => ` xmlns:p${i}="urn:u${i}"`);
    // The position proves the scanner stopped there instead of reading (and binding) the rest.
    expectLimit(ScalarZoo, xml, {}, 'maxAttributes', 'attributes', '', xml.indexOf(' xmlns:p4094=') + 1);
  });
});
