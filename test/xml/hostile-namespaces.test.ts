/**
 * Elements with more attributes or namespace bindings than the scanner checks by scanning
 * (it switches to a Set of names and a Map of prefixes, for linear time): every
 * well-formedness rule holds exactly as it does for a short tag, with the same message and
 * position, at every count.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { catchDtoError as error } from './helpers.js';

const C = evoVoice.at(2).requireClass('CustomerInfo');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CUST = 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers';
const root = (attrs: string, body: string) => `<CustomerInfo xmlns:i="${XSI}" xmlns="${CUST}"${attrs}>${body}</CustomerInfo>`;
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
const decode = (xml: string) => xmlCodec.decode(C, xml);

/** Counts on both sides of every switch (8 attributes, 16 bindings) and far past them. */
const COUNTS = [0, 1, 6, 7, 8, 9, 15, 16, 17, 40, 300];

/** The fault's line and column (the documents are one line) and its message, as the codec reports it. */
function fault(xml: string, at: string, nth = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) i = xml.indexOf(at, i + 1);
  expect(i).toBeGreaterThanOrEqual(0);
  return { line: 1, column: i + 1 };
}

describe.each(COUNTS)('a tag with %i other attributes or bindings', (n) => {
  const plain = times(n, (i) => ` a${i}="x"`);
  const decls = times(n, (i) => ` xmlns:p${i}="urn:u${i}"`);

  it('a duplicate unprefixed attribute, at its second occurrence', () => {
    const xml = root(`${plain} dup="1"${plain.replace(/ a/g, ' b')} dup="2"`, '');
    const e = error(() => decode(xml));
    expect(e).toMatchObject({ code: 'syntax', detail: 'duplicate attribute dup', ...fault(xml, 'dup=', 2) });
  });

  it('an attribute repeated right after the switch is still caught (the first ones are in the set)', () => {
    const xml = root(`${plain} a0="again"`, '');
    if (n === 0) {
      expect(decode(xml)).toBeTypeOf('object');
      return;
    }
    expect(error(() => decode(xml))).toMatchObject({ code: 'syntax', detail: 'duplicate attribute a0', ...fault(xml, 'a0=', 2) });
  });

  it('a duplicate namespace declaration', () => {
    const xml = root(`${decls} xmlns:q="urn:q" xmlns:q="urn:q"`, '');
    expect(error(() => decode(xml))).toMatchObject({ code: 'syntax', detail: 'duplicate attribute xmlns:q', ...fault(xml, 'xmlns:q', 2) });
  });

  it('a duplicate expanded name: two prefixes for one namespace, the same local name', () => {
    const many = times(n, (i) => ` p:a${i}="x"`);
    const xml = root(` xmlns:p="urn:same" xmlns:q="urn:same"${many} p:dup="1" q:dup="2"`, '');
    expect(error(() => decode(xml))).toMatchObject({ code: 'syntax', detail: 'duplicate attribute q:dup (same namespace and name)', ...fault(xml, 'q:dup') });
  });

  it('xml:* attributes: duplicates are caught, and no other prefix may take the xml namespace', () => {
    const many = times(n, (i) => ` xml:a${i}="x"`);
    const xml = root(` xmlns:x="http://www.w3.org/XML/1998/namespace"`, '');
    // Only xml itself may be bound to the xml namespace.
    expect(error(() => decode(xml))).toMatchObject({ code: 'syntax', detail: 'the prefix xml is bound to its own namespace only' });
    const dup = root(`${many} xml:lang="en" xml:lang="fr"`, '');
    expect(error(() => decode(dup))).toMatchObject({ code: 'syntax', detail: 'duplicate attribute xml:lang', ...fault(dup, 'xml:lang', 2) });
  });

  it('the same local name in different namespaces, or prefixed and unprefixed, is no duplicate', () => {
    const many = times(n, (i) => ` xmlns:p${i}="urn:u${i}" p${i}:a="x" a${i}="y"`);
    expect(decode(root(`${many} xmlns:q="urn:q" q:a="1" a="2"`, '<AccountName>ok</AccountName>'))).toMatchObject({ accountName: 'ok' });
  });

  it('an undeclared prefix, on an element and on an attribute', () => {
    const onElement = root(decls, '<q:AccountName>a</q:AccountName>');
    expect(error(() => decode(onElement))).toMatchObject({ code: 'syntax', detail: 'undeclared prefix "q"', ...fault(onElement, 'q:AccountName') });
    const onAttribute = root(`${decls} q:a="1"`, '');
    expect(error(() => decode(onAttribute))).toMatchObject({ code: 'syntax', detail: 'undeclared prefix "q"', ...fault(onAttribute, 'q:a') });
  });

  it('a prefix declared on a closed element is out of scope again', () => {
    const xml = root(decls, `<Tags xmlns:q="urn:q"/><q:AccountName>a</q:AccountName>`);
    expect(error(() => decode(xml))).toMatchObject({ code: 'syntax', detail: 'undeclared prefix "q"', ...fault(xml, 'q:AccountName') });
  });

  it('xmlns:p="" and the reserved prefixes are refused', () => {
    for (const [decl, detail] of [
      [' xmlns:q=""', 'prefix q bound to an empty namespace'],
      [' xmlns:xmlns="urn:x"', 'the prefix xmlns cannot be declared'],
      [' xmlns:xml="urn:x"', 'the prefix xml is bound to its own namespace only'],
      [' xmlns:q="http://www.w3.org/2000/xmlns/"', 'the xmlns namespace cannot be declared'],
    ] as const) {
      const xml = root(decls + decl, '');
      expect(error(() => decode(xml)), decl).toMatchObject({ code: 'syntax', detail, ...fault(xml, decl.trim()) });
    }
  });

  it('a rebound prefix names its inner namespace inside the element and its outer one after it', () => {
    const body =
      `<AccountId>outer</AccountId>` +
      `<p:AccountName xmlns:p="${CUST}">inner</p:AccountName>` + // p rebound to the members' namespace
      `<p:ParentCustomerId>not ours</p:ParentCustomerId>`; // p is urn:u0 again: an unknown element, skipped
    const xml = root(` xmlns:p="urn:u0"${decls}`, body);
    expect(decode(xml)).toMatchObject({ accountId: 'outer', accountName: 'inner' });
    expect(decode(xml)).not.toHaveProperty('parentCustomerId');
  });

  it('the default namespace comes back after an element that redeclared it', () => {
    const body = `<Tags xmlns="urn:other"${decls}><AccountName>no</AccountName></Tags><AccountName>yes</AccountName>`;
    expect(decode(root('', body))).toMatchObject({ accountName: 'yes' });
    // and an element in no namespace after xmlns="" is none of ours
    const none = root('', `<AccountId xmlns=""${decls}>no</AccountId><AccountName>yes</AccountName>`);
    expect(decode(none)).not.toHaveProperty('accountId');
  });

  it('bindings many levels out resolve, shadowed and closed ones do not leak', () => {
    // n levels, each declaring its own prefix and rebinding p; inside, p names the innermost level's namespace.
    const open = times(n, (i) => `<x${i} xmlns:k${i}="urn:k${i}" xmlns:p="urn:level${i}"><m:AccountId>${i}</m:AccountId>`);
    const close = times(n, (i) => `<p:y/><k0:y/></x${n - 1 - i}>`);
    const xml = root(` xmlns:m="${CUST}"`, `<m:AccountName>top</m:AccountName>${open}${close}<p:AccountId>x</p:AccountId>`);
    expect(error(() => decode(xml))).toMatchObject({ code: 'syntax', detail: 'undeclared prefix "p"', ...fault(xml, 'p:AccountId') });
    expect(decode(xml.replace('<p:AccountId>x</p:AccountId>', ''))).toMatchObject({ accountName: 'top' });
  });
});
