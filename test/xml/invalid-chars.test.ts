/**
 * Characters outside XML 1.0's Char production (U+0000, the other C0 controls but tab, LF and
 * CR, U+FFFE, U+FFFF, unpaired surrogates): .NET's XmlReader refuses them wherever they occur,
 * and XmlWriter refuses to write them (ArgumentException "'\u0000', hexadecimal value 0x00, is
 * an invalid character"). So does this codec: on decode a `syntax` error at the character,
 * wherever it is (also where markup was due, which used to be reported as "expected a name" or
 * as unexpected text of code `type`), on encode a `type` error with the path and the index of
 * the character in the string.
 */
import { describe, expect, it } from 'vitest';
import { lineCol } from '../../src/formats/common/failure.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { catchDtoError } from '../support/errors.js';
import { evoVoice } from '../support/evo-voice.js';

const schema = evoVoice.at(2);
const C = schema.requireClass('CustomerInfo');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CUST = 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers';
const root = (attrs: string, body: string) => `<CustomerInfo xmlns:i="${XSI}" xmlns="${CUST}"${attrs}>${body}</CustomerInfo>`;

const hex = (c: number) => '0x' + c.toString(16).toUpperCase().padStart(2, '0');
/** Each kind the Char production leaves out, as the one character to place. */
const INVALID: readonly string[] = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const described = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdfff ? `an unpaired surrogate ${hex(c)}` : `the character ${hex(c)}`;
};

/** Where a character can stand in a document; `§` marks the spot. */
const PLACES: readonly (readonly [string, string, boolean?])[] = [
  ['member text', root('', '<Name>a§b</Name>')],
  ['member text with references', root('', '<Name>&amp;§</Name>')],
  ['CDATA section', root('', '<Name><![CDATA[§]]></Name>')],
  ['text after a comment', root('', '<Name>a<!--c-->§</Name>')],
  ['attribute value', root(' a="§"', '')],
  ['namespace URI', root(' xmlns:p="urn:§"', '')],
  ['comment', root('', '<!--§--><Name>x</Name>')],
  ['processing instruction', root('', '<?pi §?><Name>x</Name>')],
  ['text of an unknown element skipped', root('', '<Unknown>§</Unknown>'), true],
  // Where markup was due: these were "expected …" errors (or code `type`) that did not name the character.
  ['between member elements', root('', '§<Name>x</Name>')],
  ['before the root element', `§${root('', '')}`],
  ['after the root element', `${root('', '')}§`],
  ['inside an element name', root('', '<Na§me>x</Name>')],
  ['at the start of an element name', root('', '<§/>')],
  ['inside an attribute name', root(' a§b="1"', '')],
  ['between an attribute name and =', root(' a §="1"', '')],
  ['inside an end tag name', root('', '<Name>x</Na§me>')],
  ['at the end of an end tag', root('', '<Name>x</Name §>')],
];

describe('decode refuses every character outside the XML 1.0 Char production, at the character', () => {
  for (const [place, template, lenient] of PLACES) {
    it(place, () => {
      expect(template.split('§')).toHaveLength(2);
      for (const ch of INVALID) {
        const xml = template.replace('§', ch);
        const e = catchDtoError(() => xmlCodec.decode(C, xml, { lenient: lenient === true }));
        const at = template.indexOf('§');
        expect({ ch: hex(ch.charCodeAt(0)), code: e.code, found: e.found, detail: e.detail, ...{ line: e.line, column: e.column } }).toEqual({
          ch: hex(ch.charCodeAt(0)),
          code: 'syntax',
          found: described(ch),
          detail: 'not allowed in XML 1.0',
          ...lineCol(xml, at),
        });
      }
    });
  }

  it('character references to them: &#0; &#1; &#xD800; &#xDFFF; &#xFFFE; &#x110000;, in text and attributes', () => {
    for (const ref of ['&#0;', '&#1;', '&#x1F;', '&#xD800;', '&#xDFFF;', '&#xFFFE;', '&#xFFFF;', '&#x110000;']) {
      for (const xml of [root('', `<Name>a${ref}</Name>`), root(` a="${ref}"`, '')]) {
        const e = catchDtoError(() => xmlCodec.decode(C, xml));
        expect([ref, e.code, e.detail, e.column]).toEqual([ref, 'syntax', 'reference to a character XML 1.0 does not allow', lineCol(xml, xml.indexOf(ref)).column]);
      }
    }
  });

  it('what the production allows is read: tab, LF, CR, a surrogate pair, U+FFFD, and references to them', () => {
    const v = xmlCodec.decode(C, root('', '<Name>\t\n\r😀\uFFFD&#9;&#x10FFFF;&#xFFFD;&#xD7FF;&#xE000;</Name>')) as { name: string };
    expect(v.name).toBe('\t\n\n😀\uFFFD\t\u{10FFFF}\uFFFD\uD7FF\uE000');
    expect(() => xmlCodec.decode(C, root('', '<N😀 a😀="1"/>'), { lenient: true })).not.toThrow();
  });
});

describe('encode refuses them with the path and the index in the string', () => {
  it('in a member: CustomerInfo.name, the character and where it is', () => {
    for (const ch of INVALID) {
      const e = catchDtoError(() => xmlCodec.encode(C, { name: `ab${ch}c` }));
      expect([e.code, e.direction, e.path, e.found, e.detail]).toEqual([
        'type',
        'encode',
        'name',
        described(ch),
        'at index 2 of the string (UTF-16 units); DataContractSerializer refuses it too',
      ]);
      expect(e.message).toMatch(/^cannot encode CustomerInfo\.name to XML: expected text XML 1.0 can carry, got /);
    }
  });

  it('in a list item and a dictionary key, each with its path', () => {
    const list = catchDtoError(() => xmlCodec.encode(C, { tags: [{ name: 'ok' }, { name: 'x\u0000' }] }));
    expect([list.path, list.detail]).toEqual(['tags[1].name', 'at index 1 of the string (UTF-16 units); DataContractSerializer refuses it too']);
    const key = catchDtoError(() => xmlCodec.encode(C, { data: { ok: {}, ['k\uFFFF']: {} } }));
    expect([key.code, key.path, key.found]).toEqual(['type', `data[${JSON.stringify('k\uFFFF')}]`, 'the character 0xFFFF']);
    expect(key.detail).toContain('at index 1 of the string');
  });

  it('a surrogate pair is one character and is written; a lone half after a pair is found at its index', () => {
    expect(xmlCodec.encode(C, { name: '😀' })).toContain('<Name>😀</Name>');
    expect(catchDtoError(() => xmlCodec.encode(C, { name: '😀\uDC00' })).detail).toContain('at index 2 of the string');
  });
});
