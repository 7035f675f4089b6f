/**
 * Writer rules beyond the vectors. Expected strings marked [mono] were produced by
 * DataContractSerializer on Mono 6.8 (XmlWriter defaults as ServiceStack sets them) while this
 * codec was written; the rest follow datacontract.md.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { xmlCodec, XML_ENCODE_DEFAULTS } from '../../src/formats/xml/index.js';
import { catchDtoError as error } from './helpers.js';

const schema = evoVoice.at(2);
const S = schema.requireClass('SetCustomerStagingMode');
const N = schema.requireClass('NewCustomer');
const P = schema.requireClass('PatchCustomer');
const C = schema.requireClass('CustomerInfo');
const DECL = '<?xml version="1.0" encoding="utf-8"?>';
const ROOT_ATTRS = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Customers"';
const s = (body: string) => `${DECL}<SetCustomerStagingMode ${ROOT_ATTRS}>${body}</SetCustomerStagingMode>`;

describe('document', () => {
  it('declaration, root attributes in DCS order, members in order', () => {
    expect(xmlCodec.encode(S, { customerId: 'abc', isStaging: true })).toBe(s('<CustomerId>abc</CustomerId><IsStaging>true</IsStaging>'));
  });

  it('declaration: false omits it (the metadata pages)', () => {
    expect(xmlCodec.encode(S, { isStaging: false }, { declaration: false })).toBe(
      `<SetCustomerStagingMode ${ROOT_ATTRS}><CustomerId i:nil="true" /><IsStaging>false</IsStaging></SetCustomerStagingMode>`,
    );
  });

  it('a null root is a nil root element [mono]', () => {
    expect(xmlCodec.encode(S, null)).toBe(`${DECL}<SetCustomerStagingMode i:nil="true" ${ROOT_ATTRS} />`);
  });

  it('pretty with \\r\\n: indentation and every text line break [mono]', () => {
    const v = { customerId: 'a\nb\rc\r\nd', isStaging: true };
    expect(xmlCodec.encode(S, v, { pretty: true, newline: '\r\n' })).toBe(
      `${DECL}\r\n<SetCustomerStagingMode ${ROOT_ATTRS}>\r\n  <CustomerId>a\r\nb\r\nc\r\nd</CustomerId>\r\n  <IsStaging>true</IsStaging>\r\n</SetCustomerStagingMode>`,
    );
    expect(xmlCodec.encode(S, v, { newline: '\r\n' })).toBe(s('<CustomerId>a\r\nb\r\nc\r\nd</CustomerId><IsStaging>true</IsStaging>'));
  });

  it('defaults are frozen and documented', () => {
    expect(Object.isFrozen(XML_ENCODE_DEFAULTS)).toBe(true);
    expect(XML_ENCODE_DEFAULTS).toEqual({ declaration: true, pretty: false, newline: '\n', maxDepth: 512 });
  });
});

describe('text', () => {
  it('escapes & < > only; quotes, tabs, non-ASCII, NEL, U+2028 written raw [mono]', () => {
    const name = 'é😀\u0085\u2028 "q" \'a\' ]]> \t';
    const xml = xmlCodec.encode(P, { name });
    expect(xml).toContain('<Name>é😀\u0085\u2028 "q" \'a\' ]]&gt; \t</Name>');
    expect(xml).toBe(
      `${DECL}<PatchCustomer ${ROOT_ATTRS}><AppSettings i:nil="true" /><BillingSettings xmlns:d2p1="http://schemas.datacontract.org/2004/07/Voice.Api.Accounts" i:nil="true" /><CustomerId i:nil="true" /><Data xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" i:nil="true" /><Name>é😀\u0085\u2028 "q" 'a' ]]&gt; \t</Name><OverrideAppSettings i:nil="true" /><OverrideBillingSettings i:nil="true" /><ParentCustomerId i:nil="true" /><ReferenceId i:nil="true" /><Schedule xmlns:d2p1="http://schemas.datacontract.org/2004/07/Voice.Api.Scheduling" i:nil="true" /><TagIds xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" i:nil="true" /></PatchCustomer>`,
    );
    expect(xmlCodec.encode(S, { customerId: 'a&b<c>d&amp;' })).toContain('<CustomerId>a&amp;b&lt;c&gt;d&amp;amp;</CustomerId>');
  });

  it('line breaks become the newline setting; a CR never survives (§13.4) [mono]', () => {
    expect(xmlCodec.encode(S, { customerId: 'a\r\nb\rc\nd' })).toContain('<CustomerId>a\nb\nc\nd</CustomerId>');
  });

  it('empty string vs null vs missing', () => {
    expect(xmlCodec.encode(S, { customerId: '' })).toContain('<CustomerId></CustomerId>');
    expect(xmlCodec.encode(S, { customerId: null })).toContain('<CustomerId i:nil="true" />');
    expect(xmlCodec.encode(S, {})).toContain('<CustomerId i:nil="true" /><IsStaging>false</IsStaging>');
  });

  it('refuses characters XML 1.0 cannot carry, with the path [mono: the server throws]', () => {
    for (const bad of ['\u0001', '\u000B', '\uD800', 'x\uDC00', '\uFFFE', '\uFFFF', 'a\u0000']) {
      const e = error(() => xmlCodec.encode(P, { tagIds: ['ok', bad] }));
      expect(e.code).toBe('type');
      expect(e.direction).toBe('encode');
      expect(e.path).toBe('tagIds[1]');
    }
    expect(xmlCodec.encode(S, { customerId: '\uD83D\uDE00\t\n' })).toContain('<CustomerId>😀\t\n</CustomerId>');
  });
});

describe('values', () => {
  const base = (item: Record<string, unknown>) => xmlCodec.encode(C, { billingSettings: { base: item } });

  it('doubles as .NET Core writes them in XML (§12.2–12.3)', () => {
    const cases: [number, string][] = [
      [0, '0'], [-0, '-0'], [1e15, '1000000000000000'], [1e16, '10000000000000000'], [1e17, '1E+17'], [1e21, '1E+21'],
      [1.5e-7, '1.5E-07'], [0.0001, '0.0001'], [1e-5, '1E-05'], [NaN, 'NaN'], [Infinity, 'INF'], [-Infinity, '-INF'],
      [1.7976931348623157e308, '1.7976931348623157E+308'], [0.1 + 0.2, '0.30000000000000004'],
    ];
    for (const [v, text] of cases) expect(base({ baseCost: v })).toContain(`<d2p1:BaseCost>${text}</d2p1:BaseCost>`);
  });

  it('missing value-type members are written as their defaults', () => {
    expect(base({})).toContain('<d2p1:Base><d2p1:Allowance>0</d2p1:Allowance><d2p1:BaseCost>0</d2p1:BaseCost><d2p1:RawUnitMultiplier>0</d2p1:RawUnitMultiplier><d2p1:UnitCost>0</d2p1:UnitCost></d2p1:Base>');
    const tag = xmlCodec.encode(C, { tags: [{}] });
    expect(tag).toContain('<d2p1:Tag><d2p1:Color>Magenta</d2p1:Color><d2p1:Id i:nil="true" /><d2p1:Name i:nil="true" /></d2p1:Tag>');
  });

  it('Nullable<bool> is nil or the value', () => {
    expect(xmlCodec.encode(P, { overrideAppSettings: true })).toContain('<OverrideAppSettings>true</OverrideAppSettings><OverrideBillingSettings i:nil="true" />');
  });

  it('wrong kinds, out-of-range ints and unknown enum names are errors with paths', () => {
    expect(error(() => base({ allowance: 1.5 })).code).toBe('type');
    expect(error(() => base({ allowance: 2 ** 31 })).code).toBe('range');
    expect(error(() => base({ baseCost: '1' })).path).toBe('billingSettings.base.baseCost');
    expect(error(() => xmlCodec.encode(S, { isStaging: 'true' })).code).toBe('type');
    expect(error(() => xmlCodec.encode(S, { customerId: 5 })).code).toBe('type');
    const e = error(() => xmlCodec.encode(C, { tags: [{ color: 'red' }] }));
    expect([e.code, e.path]).toEqual(['enum', 'tags[0].color']);
    expect(error(() => xmlCodec.encode(C, { tags: {} })).code).toBe('type');
    expect(error(() => xmlCodec.encode(C, { schedule: [] })).code).toBe('type');
    expect(error(() => xmlCodec.encode(S, 'x')).code).toBe('type');
    const items = error(() => xmlCodec.encode(C, { schedule: { rules: [{ byHour: [1, null] }] } }));
    expect(items.path).toBe('schedule.rules[0].byHour[1]');
  });
});

describe('collections and namespaces', () => {
  it('empty and null collections keep their declaration (§6.2.5, §8.7) [mono]', () => {
    const xml = xmlCodec.encode(N, { data: {} }, { pretty: true });
    expect(xml).toBe(
      `${DECL}\n<NewCustomer ${ROOT_ATTRS}>\n  <AccountId i:nil="true" />\n  <Data xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />\n  <Name i:nil="true" />\n  <ParentCustomerId i:nil="true" />\n  <ReferenceId i:nil="true" />\n</NewCustomer>`,
    );
    expect(xmlCodec.encode(P, { tagIds: [] })).toContain('<TagIds xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays" />');
    expect(xmlCodec.encode(P, { tagIds: ['', null, 'x'] })).toContain(
      '<TagIds xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d2p1:string></d2p1:string><d2p1:string i:nil="true" /><d2p1:string>x</d2p1:string></TagIds>',
    );
  });

  it('dictionary keys are data (__proto__, numbers) and null values are nil Values', () => {
    const data = JSON.parse('{"__proto__":null,"7":{"stringValue":"s"}}') as Record<string, unknown>;
    const xml = xmlCodec.encode(N, { data });
    expect(xml).toContain('<d2p1:Key>7</d2p1:Key><d2p1:Value xmlns:d4p1="http://schemas.datacontract.org/2004/07/Voice.Api.Flows.Data">');
    expect(xml).toContain('<d2p1:Key>__proto__</d2p1:Key><d2p1:Value xmlns:d4p1="http://schemas.datacontract.org/2004/07/Voice.Api.Flows.Data" i:nil="true" />');
    expect(xmlCodec.decode(N, xml)).toStrictEqual({ data });
  });

  it('nested Values reuse the Flows.Data prefix declared by the outermost Value (§6.2.6)', () => {
    const inner = { k2: { numberValue: 1 } };
    const xml = xmlCodec.encode(N, { data: { k1: { structValue: inner, listValue: [inner, null] } } });
    expect(xml.match(/xmlns:d4p1=/g)).toHaveLength(1);
    expect(xml).toContain('<d4p1:StructValue><d2p1:KeyValueOfstringValue8Ahp2kgT><d2p1:Key>k2</d2p1:Key><d2p1:Value><d4p1:BoolValue i:nil="true" />');
    expect(xml).toContain('<d2p1:ArrayOfKeyValueOfstringValue8Ahp2kgT i:nil="true" /></d4p1:ListValue>');
  });

  it('a cyclic value is a depth error, not a stack overflow', () => {
    const v: Record<string, unknown> = { numberValue: 1 };
    v.structValue = { loop: v };
    const e = error(() => xmlCodec.encode(N, { data: { k: v } }));
    expect(e.code).toBe('depth');
    expect(error(() => xmlCodec.encode(N, { data: { k: { structValue: { a: {} } } } }, { maxDepth: 5 })).code).toBe('depth');
  });

  it('round-trips what it writes, compact and pretty', () => {
    const value = xmlCodec.decode(C, xmlCodec.encode(C, {}));
    for (const options of [{}, { pretty: true }, { pretty: true, newline: '\r\n' as const }, { declaration: false }]) {
      expect(xmlCodec.decode(C, xmlCodec.encode(C, value, options))).toStrictEqual(value);
    }
  });
});
