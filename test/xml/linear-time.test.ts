/**
 * The XML reader's time grows linearly with the input on hostile shapes (issue 11): each
 * shape is decoded at two sizes 10× apart in this process and the time ratio must stay ≤ 20
 * (a linear reader gives ~10, a quadratic one ~100). A ratio, never an absolute time.
 *
 * Before the scanner's fix, attributes and namespace declarations on one element were
 * quadratic (2,500 attributes 65 ms, 50,000 attributes 15 s) and prefixed attributes with a
 * prefix each were cubic; those shapes fail here on that code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { xmlCodec, type XmlDecodeOptions } from '../../src/formats/xml/index.js';
import { DtoFormatError } from '../../src/errors.js';

const C = evoVoice.at(2).requireClass('CustomerInfo');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const CUST = 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers';
const SETTINGS = 'http://schemas.datacontract.org/2004/07/Voice.Api.Settings';
const root = (attrs: string, body: string) => `<CustomerInfo xmlns:i="${XSI}" xmlns="${CUST}"${attrs}>${body}</CustomerInfo>`;
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** DCS's own reading: unknown elements are skipped, so the skipping path is what is timed. */
const LENIENT: XmlDecodeOptions = { lenient: true };

/** The bound on the time ratio at 10× the size. */
const LIMIT = 20;

/** Milliseconds per decode: batches of at least ~4 ms (so small documents are not timer noise), the best of three. */
function cost(doc: string, options: XmlDecodeOptions): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let runs = 0;
    const t0 = performance.now();
    let t = t0;
    do {
      xmlCodec.decode(C, doc, options);
      runs++;
      t = performance.now();
    } while (t - t0 < 4);
    best = Math.min(best, (t - t0) / runs);
  }
  return best;
}

/**
 * The time ratio of `large` to `small`, warmed up first. Noise (another worker, a GC) only
 * ever adds time, so the best time of each is kept over rounds of both, until the ratio is
 * within the bound or 1.5 s have passed: a quadratic reader stays near 100 however often it
 * is measured.
 */
function timeRatio(small: string, large: string, options: XmlDecodeOptions): number {
  for (let w = 0; w < 20; w++) xmlCodec.decode(C, small, options);
  xmlCodec.decode(C, large, options);
  const deadline = performance.now() + 1500;
  let a = Infinity;
  let b = Infinity;
  for (let round = 0; ; round++) {
    a = Math.min(a, cost(small, options));
    b = Math.min(b, cost(large, options));
    if (b / a <= LIMIT || round >= 5 || performance.now() > deadline) return b / a;
  }
}

/** The shape decodes (a time ratio of an error path would prove nothing), then scales linearly from n to 10·n. */
function linear(shape: (n: number) => string, n: number, options: XmlDecodeOptions = {}): void {
  xmlCodec.decode(C, shape(n), options);
  const r = timeRatio(shape(n), shape(10 * n), options);
  if (process.env.LINEAR_DEBUG) console.log(expect.getState().currentTestName, r.toFixed(1));
  expect(r, `time at 10× the size is ${r.toFixed(1)}× (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(LIMIT);
}

beforeAll(() => {
  // The scanner's code optimized before the first measurement.
  const doc = root(` xmlns:p="urn:p" p:a="1" b="2"`, `<AccountName>a&amp;b<!--c--></AccountName><x xmlns:q="urn:q"><q:y/></x>`);
  for (let i = 0; i < 2000; i++) xmlCodec.decode(C, doc, LENIENT);
});

describe('one element with very many attributes or declarations', () => {
  it('unprefixed attributes (a0="x" a1="x" …): the duplicate check is not pairwise', () => {
    linear((n) => root(times(n, (i) => ` a${i}="x"`), ''), 200);
  });

  it('namespace declarations (xmlns:p0="u0" …)', () => {
    linear((n) => root(times(n, (i) => ` xmlns:p${i}="urn:u${i}"`), ''), 200);
  });

  it('prefixed attributes in one namespace (p:a0="x" …): the expanded-name duplicate check is not pairwise', () => {
    linear((n) => root(` xmlns:p="urn:p"${times(n, (i) => ` p:a${i}="x"`)}`, ''), 200);
  });

  it('a declaration and an attribute per prefix (xmlns:p0="u0" p0:a="x" …): no lookup scans every binding', () => {
    linear((n) => root(times(n, (i) => ` xmlns:p${i}="urn:u${i}" p${i}:a="x"`), ''), 100);
  });

  it('xml:* attributes and attributes of one namespace under many prefixes', () => {
    linear((n) => root(` xml:lang="en"${times(n, (i) => ` xmlns:p${i}="urn:same" p${i}:a${i}="x"`)}`, ''), 100);
  });
});

describe('bindings in scope for many elements', () => {
  it('many declarations on the root, then many unprefixed elements (the default namespace is not searched for)', () => {
    linear((n) => root(times(n, (i) => ` xmlns:p${i}="urn:u${i}"`), times(n, () => '<x/>')), 200, LENIENT);
  });

  it('many declarations on the root, then many elements with an outer prefix', () => {
    linear((n) => root(` xmlns:q="urn:q"${times(n, (i) => ` xmlns:p${i}="urn:u${i}"`)}`, times(n, () => '<q:x q:a="1"/>')), 200, LENIENT);
  });

  it('declarations re-declared at every level of deep nesting (scope push and pop)', () => {
    const level = '<x xmlns:p="urn:p" xmlns:q="urn:q" xmlns="urn:d" p:a="1">';
    linear((n) => root('', level.repeat(n) + '</x>'.repeat(n)), 500, { lenient: true, maxDepth: 100_000 });
  });

  it('a new prefix at every level, each element named by the outermost one', () => {
    linear((n) => root(' xmlns:q="urn:q"', times(n, (i) => `<q:x xmlns:p${i}="urn:u">`) + '</q:x>'.repeat(n)), 500, { lenient: true, maxDepth: 100_000 });
  });

  it('many siblings each declaring and using its namespaces', () => {
    linear((n) => root('', times(n, () => '<x xmlns:p="urn:p" xmlns:q="urn:q" p:a="1" q:b="2"/>')), 500, LENIENT);
  });
});

describe('other hostile shapes', () => {
  it('many tiny elements (list items)', () => {
    linear((n) => root('', `<Tags xmlns:d2p1="${SETTINGS}">${'<d2p1:Tag/>'.repeat(n)}</Tags>`), 1000);
  });

  it('many tiny unknown elements, skipped', () => {
    linear((n) => root('', '<x/>'.repeat(n)), 2000, LENIENT);
  });

  it('one huge text', () => {
    linear((n) => root('', `<AccountName>${'x'.repeat(n)}</AccountName>`), 20_000);
  });

  it('a text made only of entity and character references', () => {
    linear((n) => root('', `<AccountName>${'&amp;&lt;&#65;&#x1F600;&quot;'.repeat(n)}</AccountName>`), 1000);
  });

  it('a text of line ends to normalize (CR, CRLF)', () => {
    linear((n) => root('', `<AccountName>${'a\r\r\n'.repeat(n)}</AccountName>`), 2000);
  });

  it('many comments and PIs between elements, in the prolog and after the root', () => {
    linear((n) => '<!--c--><?p x?>'.repeat(n) + root('', '<!--c--><?p x?>'.repeat(n)) + '<!--c-->'.repeat(n), 1000);
  });

  it('a text broken by many comments, PIs and CDATA sections', () => {
    linear((n) => root('', `<AccountName>${'a<!--c-->b<?p?>c<![CDATA[d]]>'.repeat(n)}</AccountName>`), 1000);
  });

  it('long runs of whitespace between elements, in tags and in end tags', () => {
    linear((n) => {
      const ws = ' \n\t\r'.repeat(n);
      return root(`${ws}a="x"${ws}`, `${ws}<AccountName${ws}>a</AccountName${ws}>${ws}`);
    }, 5000);
  });

  it('whitespace written as character references between elements', () => {
    linear((n) => root('', `<AccountName>a</AccountName>${'&#32;&#9;'.repeat(n)}`), 1000);
  });

  it('deeply nested elements up to the depth limit', () => {
    const nested = (n: number) => root('', '<x>'.repeat(n - 1) + '</x>'.repeat(n - 1));
    for (const n of [500, 5000]) expect(() => xmlCodec.decode(C, nested(n + 1), { lenient: true, maxDepth: n })).toThrow(DtoFormatError);
    // Each size exactly at its own limit (the root and n - 1 levels inside it) decodes; the time ratio is taken at one limit.
    xmlCodec.decode(C, nested(500), { lenient: true, maxDepth: 500 });
    xmlCodec.decode(C, nested(5000), { lenient: true, maxDepth: 5000 });
    const r = timeRatio(nested(500), nested(5000), { lenient: true, maxDepth: 5000 });
    if (process.env.LINEAR_DEBUG) console.log(expect.getState().currentTestName, r.toFixed(1));
    expect(r, `time at 10× the depth is ${r.toFixed(1)}×`).toBeLessThanOrEqual(LIMIT);
  });

  it('a very long element name, start and end tag', () => {
    linear((n) => {
      const name = 'a'.repeat(n);
      return root('', `<${name}>t</${name}><${name}/>`);
    }, 20_000, LENIENT);
  });

  it('a very long prefix and attribute name', () => {
    linear((n) => {
      const p = 'p'.repeat(n);
      return root(` xmlns:${p}="urn:p" ${p}:${'a'.repeat(n)}="x"`, `<${p}:x/>`);
    }, 20_000, LENIENT);
  });

  it('very long attribute values, plain and made of references', () => {
    linear((n) => root(` a="${'v'.repeat(n)}" b="${'&amp;&#10;'.repeat(n / 10)}"`, ''), 20_000);
  });
});
