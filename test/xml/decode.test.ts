/** One test (or a few) per decode rule of issue 4; behaviour from datacontract.md §11–§15 and probes.txt. */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { xmlCodec, type XmlDecodeOptions } from '../../src/formats/xml/index.js';
import { catchDtoError as error } from './helpers.js';

const schema = evoVoice.at(2);
const S = schema.requireClass('SetCustomerStagingMode');
const C = schema.requireClass('CustomerInfo');
const P = schema.requireClass('PatchCustomer');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DC = 'http://schemas.datacontract.org/2004/07/';
const CUST = `${DC}Voice.Api.Customers`;
const ARR = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

const root = (type: string, body: string) => `<${type} xmlns:i="${XSI}" xmlns="${CUST}">${body}</${type}>`;
const s = (body: string) => root('SetCustomerStagingMode', body);
const c = (body: string) => root('CustomerInfo', body);
const p = (body: string) => root('PatchCustomer', body);
const decodeS = (body: string, o?: XmlDecodeOptions) => xmlCodec.decode(S, s(body), o);

describe('namespaces are resolved for real', () => {
  it('accepts any prefix bound to the right namespace, on the root and on members', () => {
    const xml = `<x:SetCustomerStagingMode xmlns:x="${CUST}"><x:CustomerId>a</x:CustomerId><y:IsStaging xmlns:y="${CUST}">true</y:IsStaging></x:SetCustomerStagingMode>`;
    expect(xmlCodec.decode(S, xml)).toEqual({ customerId: 'a', isStaging: true });
  });

  it('follows default-namespace redeclarations and prefix rebinding', () => {
    const xml = `<SetCustomerStagingMode xmlns="urn:elsewhere"><CustomerId>no</CustomerId></SetCustomerStagingMode>`;
    expect(error(() => xmlCodec.decode(S, xml)).code).toBe('type'); // root in the wrong namespace
    const inner = s(`<p:CustomerId xmlns:p="${CUST}">a</p:CustomerId><p:IsStaging xmlns:p="urn:other">true</p:IsStaging>`);
    expect(xmlCodec.decode(S, inner)).toEqual({ customerId: 'a', isStaging: false });
    const undeclared = s(`<CustomerId xmlns="">a</CustomerId><IsStaging>true</IsStaging>`);
    expect(xmlCodec.decode(S, undeclared)).toEqual({ isStaging: true });
  });

  it('finds base-class members only in the base class namespace (C01/C03)', () => {
    expect(xmlCodec.decode(C, c(`<Id>x</Id><AccountId>a</AccountId>`))).toEqual({ accountId: 'a', isStaging: false, overrideBillingSettings: false, overrideAppSettings: false });
    expect(xmlCodec.decode(C, c(`<Id xmlns="${DC}Voice.Api">x</Id><AccountId>a</AccountId>`))).toMatchObject({ id: 'x', accountId: 'a' });
  });

  it('ignores nested members, list items and entries in the wrong namespace (C41, P05, C21)', () => {
    expect(xmlCodec.decode(C, c('<BillingSettings><Base><Allowance>1</Allowance></Base></BillingSettings>'))).toMatchObject({ billingSettings: {} });
    expect(xmlCodec.decode(P, p('<TagIds><string>a</string></TagIds>'))).toMatchObject({ tagIds: [] });
    expect(xmlCodec.decode(C, c('<IntegrationData><KeyValueOfstringIntegrationDataY_SkqLnhh><Key>k</Key></KeyValueOfstringIntegrationDataY_SkqLnhh></IntegrationData>'))).toMatchObject({ integrationData: {} });
  });

  it('matches names case-sensitively (S20)', () => {
    expect(decodeS('<customerId>a</customerId>')).toEqual({ isStaging: false });
  });

  it('needs the dictionary digest in entry names (C20)', () => {
    const xml = c(`<IntegrationData xmlns:d2p1="${ARR}"><d2p1:KeyValueOfstringIntegrationData><d2p1:Key>k</d2p1:Key><d2p1:Value i:nil="true"/></d2p1:KeyValueOfstringIntegrationData></IntegrationData>`);
    expect(xmlCodec.decode(C, xml)).toMatchObject({ integrationData: {} });
  });
});

describe('nil and empty', () => {
  it('reads i:nil with any prefix bound to the XSI namespace (S32)', () => {
    const xml = `<SetCustomerStagingMode xmlns:xsi="${XSI}" xmlns="${CUST}"><CustomerId xsi:nil="true"/><IsStaging>true</IsStaging></SetCustomerStagingMode>`;
    expect(xmlCodec.decode(S, xml)).toEqual({ isStaging: true });
    const declaredLate = `<SetCustomerStagingMode xmlns="${CUST}"><CustomerId q:nil="1" xmlns:q="${XSI}"/></SetCustomerStagingMode>`;
    expect(xmlCodec.decode(S, declaredLate)).toEqual({ isStaging: false });
  });

  it('a nil attribute in another namespace is just an attribute', () => {
    const xml = `<SetCustomerStagingMode xmlns:i="urn:not-xsi" xmlns="${CUST}"><CustomerId i:nil="true"/></SetCustomerStagingMode>`;
    expect(xmlCodec.decode(S, xml)).toEqual({ customerId: '', isStaging: false });
  });

  it('tells an empty string from nil (S21, S22)', () => {
    expect(decodeS('<CustomerId/>')).toEqual({ customerId: '', isStaging: false });
    expect(decodeS('<CustomerId></CustomerId>')).toEqual({ customerId: '', isStaging: false });
    expect(decodeS('<CustomerId i:nil="true"/>')).toEqual({ isStaging: false });
    expect(decodeS('<CustomerId i:nil="false"/>')).toEqual({ customerId: '', isStaging: false });
  });

  it('refuses nil for a value type (S23) and for a value-type list item', () => {
    const e = error(() => decodeS('<IsStaging i:nil="true"/>'));
    expect(e.code).toBe('strict');
    expect(e.path).toBe('isStaging');
    expect(e.message).toContain('cannot be null');
  });

  it('keeps null list items and null dictionary values (C08, C22)', () => {
    expect(xmlCodec.decode(C, c(`<Tags xmlns:d2p1="${DC}Voice.Api.Settings"><d2p1:Tag i:nil="true"/></Tags>`))).toMatchObject({ tags: [null] });
    const data = `<Data xmlns:d2p1="${ARR}"><d2p1:KeyValueOfstringValue8Ahp2kgT><d2p1:Key>k</d2p1:Key><d2p1:Value i:nil="true"/></d2p1:KeyValueOfstringValue8Ahp2kgT></Data>`;
    expect(xmlCodec.decode(C, c(data))).toMatchObject({ data: { k: null } });
  });

  it('reads an empty list element as [] and a nil one as absent (C04, P07)', () => {
    expect(xmlCodec.decode(P, p(`<TagIds xmlns:d2p1="${ARR}"/>`))).toEqual({ tagIds: [] });
    expect(xmlCodec.decode(P, p('<TagIds i:nil="true"/>'))).toEqual({});
  });

  it('reads a nil root as null (S36)', () => {
    expect(xmlCodec.decode(S, `<SetCustomerStagingMode i:nil="true" xmlns:i="${XSI}" xmlns="${CUST}"/>`)).toBeNull();
  });
});

describe('missing members', () => {
  it('value types get their .NET default, reference types stay absent (S03, S04)', () => {
    expect(decodeS('')).toEqual({ isStaging: false });
    expect(xmlCodec.decode(C, c(''))).toEqual({ isStaging: false, overrideBillingSettings: false, overrideAppSettings: false });
    expect(xmlCodec.decode(C, c(`<BillingSettings xmlns:d2p1="${DC}Voice.Api.Accounts"><d2p1:Base/></BillingSettings>`))).toMatchObject({
      billingSettings: { base: { allowance: 0, baseCost: 0, rawUnitMultiplier: 0, unitCost: 0 } },
    });
  });

  it('lenient mode reads omitted constructor-initialised lists as [] like DCS (C04, P06)', () => {
    expect(xmlCodec.decode(P, p('<Name>n</Name>'), { lenient: true })).toEqual({ name: 'n', tagIds: [] });
    expect(xmlCodec.decode(P, p('<Name>n</Name>'))).toEqual({ name: 'n' });
    expect(xmlCodec.decode(P, p('<TagIds i:nil="true"/>'), { lenient: true })).toEqual({});
  });
});

describe('XML syntax DCS accepts', () => {
  it('CDATA, comments and PIs inside text (S12c, S13)', () => {
    expect(decodeS('<CustomerId>a<!-- c -->b<?pi x?><![CDATA[<&>]]>c</CustomerId>')).toEqual({ customerId: 'ab<&>c', isStaging: false });
  });

  it('the five entities and character references (S16)', () => {
    expect(decodeS('<CustomerId>&lt;&#x41;&#65;&quot;&apos;&gt;&amp;&#x1F600;</CustomerId>')).toEqual({ customerId: '<AA"\'>&😀', isStaging: false });
  });

  it('line ends: CRLF and CR read as LF, &#xD; as CR (S17)', () => {
    expect(decodeS('<CustomerId>a\r\nb\rc&#xD;d</CustomerId>')).toEqual({ customerId: 'a\nb\nc\rd', isStaging: false });
  });

  it('whitespace, comments and PIs between elements; whitespace inside strings kept (S12, S14, S15)', () => {
    const body = '\n  <!-- c -->\n  <CustomerId>  a b  </CustomerId>\n  <?pi?>\n  <IsStaging>\n    true\n  </IsStaging>\n';
    expect(decodeS(body)).toEqual({ customerId: '  a b  ', isStaging: true });
    expect(decodeS('<CustomerId>   </CustomerId>&#32;&#10;')).toEqual({ customerId: '   ', isStaging: false });
  });

  it('a BOM, an XML declaration, comments and PIs around the root (S35)', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- before -->\n<?pi?>\n${s('<CustomerId>a</CustomerId>')}\n<!-- after -->\n`;
    expect(xmlCodec.decode(S, xml)).toEqual({ customerId: 'a', isStaging: false });
  });

  it('ignores unknown elements (with content) and unknown attributes (S06–S10, S33)', () => {
    expect(decodeS('<Foo>1</Foo><CustomerId x="1">a</CustomerId><Bar><Baz>1</Baz><Baz/></Bar><IsStaging y="2">true</IsStaging><Zzz/>')).toEqual({
      customerId: 'a',
      isStaging: true,
    });
  });
});

describe('member order (§15.1)', () => {
  const reversed = '<IsStaging>true</IsStaging><CustomerId>abc</CustomerId>';

  it('default: any order is read, nothing lost', () => {
    expect(decodeS(reversed)).toEqual({ customerId: 'abc', isStaging: true });
  });

  it('lenient: drops out-of-order members silently, exactly like DCS (S02)', () => {
    expect(decodeS(reversed, { lenient: true })).toEqual({ isStaging: true });
  });

  it('strict: an error where DCS would drop the member', () => {
    const e = error(() => decodeS(reversed, { strict: true }));
    expect(e.code).toBe('strict');
    expect(e.message).toContain('CustomerId comes after IsStaging');
    expect([e.line, e.column]).toEqual([1, s('').indexOf('</') + '<IsStaging>true</IsStaging>'.length + 1]);
  });

  it('duplicates: DCS keeps the first (S11); default and strict refuse, lenient keeps the first', () => {
    const dup = '<CustomerId>first</CustomerId><CustomerId>second</CustomerId>';
    expect(error(() => decodeS(dup)).code).toBe('strict');
    expect(error(() => decodeS(dup, { strict: true })).code).toBe('strict');
    expect(decodeS(dup, { lenient: true })).toEqual({ customerId: 'first', isStaging: false });
  });

  it('strict also refuses unknown and wrongly namespaced elements, which DCS skips', () => {
    expect(error(() => decodeS('<Foo/><CustomerId>a</CustomerId>', { strict: true })).code).toBe('strict');
    expect(error(() => decodeS('<CustomerId xmlns="">a</CustomerId>', { strict: true })).code).toBe('strict');
    expect(decodeS('<CustomerId>a</CustomerId><IsStaging>true</IsStaging>', { strict: true })).toEqual({ customerId: 'a', isStaging: true });
  });
});

describe('values (§11, §12)', () => {
  const tagColor = (color: string) =>
    xmlCodec.decode(C, c(`<Tags xmlns:d2p1="${DC}Voice.Api.Settings"><d2p1:Tag><d2p1:Color>${color}</d2p1:Color></d2p1:Tag></Tags>`));

  it('enums: exact member names only (C09–C14)', () => {
    expect(tagColor('Red')).toMatchObject({ tags: [{ color: 'Red' }] });
    for (const bad of ['red', ' Red ', '1', 'Foo', '']) {
      const e = error(() => tagColor(bad));
      expect(e.code).toBe('enum');
      expect(e.path).toBe('tags[0].color');
    }
  });

  it('booleans: true/false/1/0, whitespace trimmed (S24–S28)', () => {
    for (const [text, v] of [['true', true], ['false', false], ['1', true], ['0', false], ['\n true \t', true]] as const) {
      expect(decodeS(`<IsStaging>${text}</IsStaging>`)).toEqual({ isStaging: v });
    }
    for (const bad of ['True', 'yes', '', ' ']) expect(error(() => decodeS(`<IsStaging>${bad}</IsStaging>`)).code).toBe('type');
  });

  const item = (tag: string, text: string) =>
    xmlCodec.decode(C, c(`<BillingSettings xmlns:d2p1="${DC}Voice.Api.Accounts"><d2p1:Base><d2p1:${tag}>${text}</d2p1:${tag}></d2p1:Base></BillingSettings>`)) as {
      billingSettings: { base: Record<string, number> };
    };

  it('Int32: trimmed, +5 and 007 accepted; 5.0, 0x10, empty refused; overflow is a range error (C24–C31)', () => {
    for (const [text, v] of [[' 5 ', 5], ['+5', 5], ['007', 7], ['-0', 0], ['-2147483648', -2147483648], ['2147483647', 2147483647]] as const) {
      expect(item('Allowance', text).billingSettings.base.allowance).toBe(v);
    }
    for (const bad of ['5.0', '0x10', '', '1e3']) expect(error(() => item('Allowance', bad)).code).toBe('type');
    const e = error(() => item('Allowance', '2147483648'));
    expect(e.code).toBe('range');
    expect(e.path).toBe('billingSettings.base.allowance');
  });

  it('Double: .NET and XML spellings, INF/-INF/NaN/Infinity, -0 kept (C-double probes)', () => {
    const cases: [string, number][] = [
      ['1e21', 1e21], ['1E+21', 1e21], ['1.5E-07', 1.5e-7], ['.5', 0.5], ['5.', 5], ['+1', 1], [' 1.5 ', 1.5],
      ['INF', Infinity], ['-INF', -Infinity], ['Infinity', Infinity], ['-Infinity', -Infinity], ['NaN', NaN], ['4.9E-325', 0],
    ];
    for (const [text, v] of cases) expect(item('BaseCost', text).billingSettings.base.baseCost).toBe(v);
    expect(Object.is(item('BaseCost', '-0').billingSettings.base.baseCost, -0)).toBe(true);
    for (const bad of ['nan', '1,5', '0x10', '', '+INF', 'inf']) expect(error(() => item('BaseCost', bad)).code).toBe('type');
    expect(error(() => item('BaseCost', '1e400')).code).toBe('range');
  });

  it('strings are never trimmed; a child element inside one is an error (S14, S37)', () => {
    expect(decodeS('<CustomerId>\t x \n</CustomerId>')).toEqual({ customerId: '\t x \n', isStaging: false });
    const e = error(() => decodeS('<CustomerId><b>x</b></CustomerId>'));
    expect(e.code).toBe('type');
    expect(e.path).toBe('customerId');
  });
});

describe('dictionaries (§9, §15.3)', () => {
  const entry = (inner: string) => c(`<Data xmlns:d2p1="${ARR}"><d2p1:KeyValueOfstringValue8Ahp2kgT>${inner}</d2p1:KeyValueOfstringValue8Ahp2kgT></Data>`);

  it('keys such as __proto__ stay data', () => {
    const v = xmlCodec.decode(C, entry('<d2p1:Key>__proto__</d2p1:Key><d2p1:Value i:nil="true"/>')) as { data: Record<string, unknown> };
    expect(Object.keys(v.data)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v.data)).toBe(Object.prototype);
  });

  it('Key then Value are required and ordered (C16–C19)', () => {
    expect(error(() => xmlCodec.decode(C, entry('<d2p1:Value i:nil="true"/><d2p1:Key>k</d2p1:Key>'))).code).toBe('type');
    expect(error(() => xmlCodec.decode(C, entry('<d2p1:Key>k</d2p1:Key>'))).code).toBe('type');
    expect(error(() => xmlCodec.decode(C, entry('<d2p1:Key i:nil="true"/><d2p1:Value i:nil="true"/>'))).code).toBe('type');
    const twice = c(`<Data xmlns:d2p1="${ARR}">${'<d2p1:KeyValueOfstringValue8Ahp2kgT><d2p1:Key>k</d2p1:Key><d2p1:Value i:nil="true"/></d2p1:KeyValueOfstringValue8Ahp2kgT>'.repeat(2)}</Data>`);
    expect(error(() => xmlCodec.decode(C, twice)).message).toContain('duplicate dictionary key');
  });
});

describe('depth', () => {
  it('10^5 nested elements are a depth error, never a RangeError', () => {
    const n = 100_000;
    const xml = s('<Foo>'.repeat(n) + '</Foo>'.repeat(n));
    const e = error(() => xmlCodec.decode(S, xml));
    expect(e.code).toBe('depth');
    // The root is depth 1: the 512th <Foo> would be depth 513.
    expect([e.line, e.column]).toEqual([1, s('').indexOf('</') + 5 * 511 + 1]);
  });

  it('deep Structs hit maxDepth, which is configurable', () => {
    const value = (inner: string) => `<d2p1:KeyValueOfstringValue8Ahp2kgT><d2p1:Key>k</d2p1:Key><d2p1:Value xmlns:d4p1="${DC}Voice.Api.Flows.Data"><d4p1:StructValue>${inner}</d4p1:StructValue></d2p1:Value></d2p1:KeyValueOfstringValue8Ahp2kgT>`;
    let inner = '';
    for (let i = 0; i < 200; i++) inner = value(inner);
    const xml = c(`<Data xmlns:d2p1="${ARR}">${inner}</Data>`);
    expect(error(() => xmlCodec.decode(C, xml)).code).toBe('depth');
    expect(error(() => xmlCodec.decode(C, xml, { maxDepth: 50 })).code).toBe('depth');
    const v = xmlCodec.decode(C, xml, { maxDepth: 1000 }) as { data: Record<string, unknown> };
    expect(v.data).toHaveProperty('k');
  });
});

describe('type detection and sniffing', () => {
  it('names the DTO from the root element and its namespace', () => {
    expect(xmlCodec.detectType!(schema, s(''))).toBe(S);
    expect(xmlCodec.detectType!(schema, `<?xml version="1.0"?><!-- x --><p:CustomerInfo xmlns:p="${CUST}"/>`)).toBe(C);
    expect(xmlCodec.detectType!(schema, `<CustomerInfo xmlns="${DC}Voice.Api"/>`)).toBeUndefined();
    expect(xmlCodec.detectType!(schema, '{"a":1}')).toBeUndefined();
    expect(xmlCodec.detectType!(schema, `<Struct xmlns="${DC}Voice.Api.Flows.Data"/>`)).toBeUndefined();
  });

  it('sniffs XML from its first characters', () => {
    expect(xmlCodec.sniff!('<?xml version="1.0"?><a/>').score).toBe(1);
    expect(xmlCodec.sniff!('  <CustomerInfo/>').score).toBeGreaterThan(0.5);
    expect(xmlCodec.sniff!('{"a":1}').score).toBe(0);
  });
});
