/**
 * Malformed and hostile XML: every case is a DtoFormatError with the position of the fault,
 * never a repaired tree, a RangeError or an entity expansion.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { DtoFormatError, type DtoErrorCode } from '../../src/errors.js';
import { xmlCodec } from '../../src/formats/xml/index.js';

const schema = evoVoice.at(2);
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const DC = 'http://schemas.datacontract.org/2004/07/';
const CUST = `${DC}Voice.Api.Customers`;
const open = `<SetCustomerStagingMode xmlns:i="${XSI}" xmlns="${CUST}">`;
const s = (body: string) => `${open}${body}</SetCustomerStagingMode>`;
const c = (body: string) => `<CustomerInfo xmlns:i="${XSI}" xmlns="${CUST}">${body}</CustomerInfo>`;

interface Case {
  readonly name: string;
  readonly type?: string;
  readonly xml: string;
  readonly code: DtoErrorCode;
  /** The fault is at the first occurrence of this text (after `after`, if given). */
  readonly at: string;
  readonly after?: string;
  readonly message?: RegExp;
}

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
${s('<CustomerId>&lol3;</CustomerId>')}`;

const cases: Case[] = [
  { name: 'DOCTYPE with entity expansion (billion laughs)', xml: laughs, code: 'forbidden', at: '<!DOCTYPE', message: /DOCTYPE/ },
  { name: 'DOCTYPE with an external entity', xml: `<!DOCTYPE r SYSTEM "file:///etc/passwd">${s('')}`, code: 'forbidden', at: '<!DOCTYPE' },
  { name: 'unclosed element', xml: `${open}\n<CustomerId>a</CustomerId>\n`, code: 'syntax', at: '', after: '</CustomerId>\n', message: /unclosed element/ },
  { name: 'mismatched end tag (<r><a>1</r>)', xml: s('<CustomerId>1</SetCustomerStagingMode>'), code: 'syntax', at: '</SetCustomerStagingMode>', message: /expected <\/CustomerId>/ },
  { name: 'mismatched end tag inside skipped content', xml: s('<Foo><Bar>1</Baz></Foo>'), code: 'syntax', at: '</Baz>' },
  { name: 'undefined entity', xml: s('<CustomerId>&nbsp;</CustomerId>'), code: 'syntax', at: '&nbsp;', message: /undefined entity/ },
  { name: 'bare ampersand', xml: s('<CustomerId>a & b</CustomerId>'), code: 'syntax', at: '&' },
  { name: 'character reference to NUL', xml: s('<CustomerId>&#0;</CustomerId>'), code: 'syntax', at: '&#0;' },
  { name: 'undeclared element prefix', xml: s('<x:CustomerId>a</x:CustomerId>'), code: 'syntax', at: 'x:CustomerId', message: /undeclared prefix "x"/ },
  { name: 'undeclared attribute prefix (S31)', xml: `<SetCustomerStagingMode xmlns="${CUST}"><CustomerId i:nil="true"/></SetCustomerStagingMode>`, code: 'syntax', at: 'i:nil' },
  { name: '10^5 nested elements', xml: s('<a>'.repeat(100_000) + '</a>'.repeat(100_000)), code: 'depth', at: '<a>', after: '<a>'.repeat(511) }, // the root is depth 1
  { name: 'text inside a class element (S34)', xml: s('junk<CustomerId>a</CustomerId>'), code: 'type', at: 'junk', message: /text "junk"/ },
  { name: 'CDATA between members', xml: s('<CustomerId>a</CustomerId><![CDATA[ ]]>'), code: 'type', at: '<![CDATA[' },
  { name: 'nil on a value type (S23)', xml: s('<IsStaging i:nil="true"/>'), code: 'strict', at: '<IsStaging' },
  { name: 'bad enum value (C10)', type: 'CustomerInfo', xml: c(`<Tags xmlns:d2p1="${DC}Voice.Api.Settings"><d2p1:Tag><d2p1:Color>red</d2p1:Color></d2p1:Tag></Tags>`), code: 'enum', at: 'red' },
  { name: 'wrong root element (S30)', xml: `<Foo xmlns="${CUST}"><CustomerId>abc</CustomerId></Foo>`, code: 'type', at: '<Foo' },
  { name: 'root in no namespace (S29)', xml: '\n  <SetCustomerStagingMode><CustomerId>abc</CustomerId></SetCustomerStagingMode>', code: 'type', at: '<Set' },
  { name: 'duplicate attribute', xml: s('<CustomerId a="1" a="2">x</CustomerId>'), code: 'syntax', at: 'a="2"' },
  { name: 'unquoted attribute value', xml: s('<CustomerId a=1>x</CustomerId>'), code: 'syntax', at: '1>x' },
  { name: '< in an attribute value', xml: s('<CustomerId a="<">x</CustomerId>'), code: 'syntax', at: '<">' },
  { name: 'control character in text', xml: s('<CustomerId>a\u0001b</CustomerId>'), code: 'syntax', at: '\u0001' },
  { name: 'unpaired surrogate in text', xml: s('<CustomerId>a\uD800b</CustomerId>'), code: 'syntax', at: '\uD800' },
  { name: 'two root elements', xml: `${s('')}\n${s('')}`, code: 'syntax', at: '<Set', after: '\n' },
  { name: 'text before the root', xml: `hello${s('')}`, code: 'syntax', at: 'hello' },
  { name: 'empty document', xml: '  \n ', code: 'syntax', at: '', after: '  \n ' },
  { name: 'XML declaration not at the start', xml: `\n<?xml version="1.0"?>${s('')}`, code: 'syntax', at: '<?xml' },
  { name: "'--' inside a comment", xml: s('<!-- a -- b -->'), code: 'syntax', at: '-- b' },
  { name: 'unterminated comment', xml: s('<!-- a'), code: 'syntax', at: '<!--' },
  { name: 'unterminated CDATA', xml: s('<CustomerId><![CDATA[abc</CustomerId>'), code: 'syntax', at: '<![CDATA[' },
  { name: "']]>' in text", xml: s('<CustomerId>a]]>b</CustomerId>'), code: 'syntax', at: ']]>' },
  { name: 'element inside a string member (S37)', xml: s('<CustomerId><b>x</b></CustomerId>'), code: 'type', at: '<b>' },
  { name: 'invalid element name', xml: s('<1abc/>'), code: 'syntax', at: '1abc' },
  { name: 'name ending in a colon', xml: s('<abc:/>'), code: 'syntax', at: ':/>' },
  { name: 'xsi:nil that is not a boolean', xml: s('<CustomerId i:nil="yes"/>'), code: 'type', at: 'i:nil' },
  { name: 'truncated start tag', xml: `${open}<CustomerId a="1"`, code: 'syntax', at: '', after: '<CustomerId a="1"' },
  { name: 'Int32 overflow (C27)', type: 'CustomerInfo', xml: c(`<BillingSettings xmlns:d2p1="${DC}Voice.Api.Accounts">\n  <d2p1:Base>\n    <d2p1:Allowance>2147483648</d2p1:Allowance>\n  </d2p1:Base>\n</BillingSettings>`), code: 'range', at: '2147483648' },
  { name: 'dictionary Value before Key (C16)', type: 'CustomerInfo', xml: c(`<Data xmlns:d2p1="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><d2p1:KeyValueOfstringValue8Ahp2kgT><d2p1:Value i:nil="true"/></d2p1:KeyValueOfstringValue8Ahp2kgT></Data>`), code: 'type', at: '<d2p1:Value' },
  { name: 'prefix bound to the empty namespace', xml: s('<p:CustomerId xmlns:p="">a</p:CustomerId>'), code: 'syntax', at: 'xmlns:p' },
];

/** 1-based line and column of the fault, counted independently of the library. */
function position(xml: string, at: string, after?: string): [number, number] {
  const from = after === undefined ? 0 : xml.indexOf(after) + after.length;
  const offset = at === '' ? from : xml.indexOf(at, from);
  if (offset < 0) throw new Error(`marker ${JSON.stringify(at)} not found`);
  const before = xml.slice(0, offset).split(/\r\n|\r|\n/);
  return [before.length, before[before.length - 1]!.length + 1];
}

describe('malformed and hostile XML', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const k of cases) {
    it(`${k.name}: ${k.code} error at the fault`, () => {
      const type = schema.requireClass(k.type ?? 'SetCustomerStagingMode');
      let caught: unknown;
      try {
        xmlCodec.decode(type, k.xml);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DtoFormatError);
      const e = caught as DtoFormatError;
      expect(e.code).toBe(k.code);
      expect(e.format).toBe('XML');
      expect([e.line, e.column]).toEqual(position(k.xml, k.at, k.after));
      expect(e.message).toContain(`at ${e.line}:${e.column}`);
      if (k.message) expect(e.message).toMatch(k.message);
    });
  }

  it('never expands entities: the laughs never reach a reader', () => {
    const type = schema.requireClass('SetCustomerStagingMode');
    for (const options of [{}, { lenient: true }, { strict: true }]) {
      expect(() => xmlCodec.decode(type, laughs, options)).toThrow(/DOCTYPE/);
    }
  });
});
