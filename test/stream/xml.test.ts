/**
 * Streaming a DataContract collection (`<ArrayOfX>`): the streamed decode is the
 * whole-document decode of `List<X>` for every way the text can arrive in chunks, and fails
 * with the same error (code, path with the element's index, line:column in the whole stream,
 * message parts) where the whole-document reader fails on the same text, after yielding every
 * element before the failing one. The reference is always `xmlCodec.decode` on the same text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DtoFormatError } from '../../src/errors.js';
import { xmlCodec, type XmlDecodeOptions } from '../../src/formats/xml/index.js';
import { decodeXmlStream, encodeXmlStream } from '../../src/formats/xml/stream.js';
import { XmlFramer, type XmlPiece } from '../../src/formats/xml/stream-framer.js';
import { lineCol } from '../../src/formats/common/failure.js';
import { listOf, type TypeDescriptor } from '../../src/schema/descriptors.js';
import { scalar } from '../../src/schema/registry.js';
import { contractName } from '../../src/formats/xml/contract.js';
import { evoVoice } from '../support/evo-voice.js';
import { zoo } from '../support/zoo.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const NS = 'http://schemas.datacontract.org/2004/07/Zoo.Types';
const Item = zoo.require('Item');
const CustomerInfo = evoVoice.require('CustomerInfo');

/**
 * A collection with every construct the framer must cut through: a declaration, comments and
 * PIs before, between and after, a root start tag over three lines with CRLF, a second prefix
 * for the items' namespace and a quoted `>`, children with quoted `/>`, CDATA holding markup,
 * a nil child, a child declaring its own namespace, an unknown child (skipped, so not counted),
 * an empty child, a whitespace character reference between children, text with CRLF, and
 * characters of 2, 3 and 4 UTF-8 bytes.
 */
const TRICKY = [
  '<?xml version="1.0" encoding="utf-8"?>\r\n<!-- head <comment> - -->\n<?pi some > data?>\n',
  `<ArrayOfItem xmlns:i="http://www.w3.org/2001/XMLSchema-instance"\r\n    xmlns="${NS}" xmlns:z="${NS}"\n other='a>b"c' >\n`,
  '  <Item><Id>1</Id><Name>a &amp; b &lt;c&gt; é 😀 中</Name></Item>\r\n',
  '  <!-- between -->\n',
  '  <z:Item attr="x/>y"><z:Id>2</z:Id><Name><![CDATA[<not a tag/> ]] >]]></Name></z:Item>',
  '<Item i:nil="true"/><?between pi?>\n',
  "  <Item xmlns:q=\"urn:q\"><Id>3</Id><q:Unknown><deep a='1'/></q:Unknown><Name>x\r\ny</Name></Item>\n",
  '  <Other><Id>99</Id></Other><Item/>\n',
  '  &#32;<Item><Id>-4</Id><Name/></Item>',
  '</ArrayOfItem >\n<!-- tail -->\n<?end?>\n',
].join('');

interface Outcome {
  values: unknown[] | undefined;
  error: Record<string, unknown> | undefined;
}

/** The fields a streamed and a whole error are compared by (the type name differs: `list` vs `ArrayOfItem`). */
function shape(e: DtoFormatError): Record<string, unknown> {
  const { code, format, path, line, column, expected, found, detail } = e;
  return { code, format, path, line, column, expected, found, detail };
}

function whole(t: TypeDescriptor, text: string, options?: XmlDecodeOptions): Outcome {
  try {
    const v = xmlCodec.decode(listOf(t), text, options);
    return { values: (v as unknown[] | null) ?? [], error: undefined };
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
    return { values: undefined, error: shape(e) };
  }
}

/** What the stream yields, and its error. */
async function streamed(
  t: TypeDescriptor,
  source: Parameters<typeof decodeXmlStream>[1],
  options?: XmlDecodeOptions,
): Promise<{ values: unknown[]; error: DtoFormatError | undefined }> {
  const values: unknown[] = [];
  try {
    for await (const v of decodeXmlStream(t, source, options)) values.push(v);
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
    return { values, error: e };
  }
  return { values, error: undefined };
}

/** The stream agrees with the whole-document reader on `text` (values, or the same error after the elements before it). */
async function expectSame(t: TypeDescriptor, text: string, source: Parameters<typeof decodeXmlStream>[1], options?: XmlDecodeOptions): Promise<void> {
  const w = whole(t, text, options);
  const s = await streamed(t, source, options);
  if (w.error === undefined) {
    expect(s.error).toBeUndefined();
    expect(s.values).toEqual(w.values);
  } else {
    expect(s.error && shape(s.error)).toEqual(w.error);
    if (s.error!.code !== 'usage') expect(s.error!.typeName).toBe(contractName(listOf(t)));
  }
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function byteChunks(text: string, size: number): Uint8Array[] {
  const b = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return out;
}

describe('chunking: the streamed decode is the whole decode', () => {
  const expected = whole(Item, TRICKY);

  it('the tricky collection reads as the whole-document reader reads it', () => {
    expect(expected.error).toBeUndefined();
    expect(expected.values).toHaveLength(6);
  });

  it('split into two chunks at every position', async () => {
    for (let at = 0; at <= TRICKY.length; at++) {
      const s = await streamed(Item, [TRICKY.slice(0, at), TRICKY.slice(at)]);
      expect(s.error, `split at ${at}`).toBeUndefined();
      expect(s.values, `split at ${at}`).toEqual(expected.values);
    }
  });

  it('one UTF-16 unit per chunk, and chunks of 2 to 17 units', async () => {
    for (const size of [1, 2, 3, 5, 7, 11, 13, 17]) {
      const s = await streamed(Item, chunks(TRICKY, size));
      expect(s.error, `size ${size}`).toBeUndefined();
      expect(s.values, `size ${size}`).toEqual(expected.values);
    }
  });

  it('UTF-8 bytes, multi-byte characters cut between chunks (every 2-chunk split, and 1 to 5 bytes per chunk)', async () => {
    const bytes = new TextEncoder().encode(TRICKY);
    for (let at = 0; at <= bytes.length; at++) {
      const s = await streamed(Item, [bytes.subarray(0, at), bytes.subarray(at)]);
      expect(s.values, `split at byte ${at}`).toEqual(expected.values);
    }
    for (const size of [1, 2, 3, 4, 5]) {
      const s = await streamed(Item, byteChunks(TRICKY, size));
      expect(s.values, `size ${size}`).toEqual(expected.values);
    }
  });

  it('a realistic collection of CustomerInfo (the oracle vectors), compact and indented, in chunks of many sizes', async () => {
    const docs = ['000-CustomerInfo', '002-CustomerInfo', '006-CustomerInfo'].map((d) =>
      xmlCodec.decode(CustomerInfo, readFileSync(join(FIXTURES, 'oracle/vectors', d, 'dto.xml'), 'utf8')),
    );
    const values = [docs[0], null, docs[1], docs[2], docs[0]];
    for (const options of [{}, { pretty: true }, { pretty: true, newline: '\r\n' as const }]) {
      const text = xmlCodec.encode(listOf(CustomerInfo), values, options);
      const w = whole(CustomerInfo, text);
      expect(w.values).toHaveLength(5);
      for (const size of [1, 97, 1000, 4096, 65536, text.length]) {
        const s = await streamed(CustomerInfo, chunks(text, size));
        expect(s.error).toBeUndefined();
        expect(s.values).toEqual(w.values);
      }
      for (let at = 1; at < text.length; at += 997) await expectSame(CustomerInfo, text, [text.slice(0, at), text.slice(at)]);
    }
  });

  it('collections of scalars, enums, nullables and lists (ArrayOfint, ArrayOfstring, ArrayOfArrayOfint, …)', async () => {
    const cases: [TypeDescriptor, unknown[]][] = [
      [scalar('Int32'), [1, -2, 0, 2147483647]],
      [scalar('String'), ['a', null, '', ' x ', '<&>']],
      [zoo.at().requireClass('NullableZoo').properties.find((m) => m.name === 'NullableDouble')!.type, [1.5, null, -0]],
      [zoo.require('Mood'), ['Calm', 'Happy', 'Grumpy']],
      [listOf(scalar('Int32')), [[1, 2], [], null, [3]]],
      [zoo.require('Point'), [{ x: 1, y: 2 }, { x: 0, y: 0 }]],
      [scalar('DateTimeOffset'), ['2020-01-02T03:04:05+01:00']],
    ];
    for (const [t, values] of cases) {
      const text = xmlCodec.encode(listOf(t), values);
      const w = whole(t, text);
      expect(w.error).toBeUndefined();
      for (const size of [1, 3, 64, text.length]) {
        const s = await streamed(t, chunks(text, size));
        expect(s.error).toBeUndefined();
        expect(s.values).toEqual(w.values);
      }
    }
  });

  it("namespaces: the root's prefixes, a child's own declarations, rebinding, and no default namespace are the whole reader's", async () => {
    const text =
      `<a:ArrayOfItem xmlns:a="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
      '<a:Item><a:Id>1</a:Id></a:Item>' +
      `<Item xmlns="${NS}"><Id>2</Id></Item>` +
      `<b:Item xmlns:b="${NS}"><b:Id>3</b:Id><Id>99</Id></b:Item>` +
      '<Item><Id>4</Id></Item>' +
      '<a:Item xmlns:a="urn:other"><a:Id>5</a:Id></a:Item>' +
      `<a:Item i:nil="true"/><a:Item xmlns:a="${NS}" a:x="1"><a:Id>6</a:Id></a:Item>` +
      '</a:ArrayOfItem>';
    const w = whole(Item, text);
    expect((w.values as ({ id: bigint } | null)[]).map((v) => v?.id ?? null)).toEqual([1n, 2n, 3n, null, 6n]);
    for (const size of [1, 2, 5, 31, text.length]) await expectSame(Item, text, chunks(text, size));
    for (let at = 0; at <= text.length; at++) await expectSame(Item, text, [text.slice(0, at), text.slice(at)], { strict: true });
  });

  it('an empty collection: self-closing root, open and close root, nil root', async () => {
    for (const text of [
      `<ArrayOfItem xmlns="${NS}"/>`,
      `<?xml version="1.0"?><ArrayOfItem xmlns="${NS}" ></ArrayOfItem><!-- x -->`,
      `<ArrayOfItem xmlns="${NS}">\n  <!-- none -->\n</ArrayOfItem>`,
      `<ArrayOfItem xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true" xmlns="${NS}"><Item><Id>1</Id></Item></ArrayOfItem>`,
    ]) {
      for (const size of [1, 4, text.length]) await expectSame(Item, text, chunks(text, size));
      expect((await streamed(Item, text)).values).toEqual([]);
    }
  });

  it('text, bytes, a Uint8Array and sync/async iterables are all sources', async () => {
    const bytes = new TextEncoder().encode(TRICKY);
    for (const source of [TRICKY, bytes, [TRICKY], [bytes], (async function* () { yield* chunks(TRICKY, 10); })()]) {
      expect((await streamed(Item, source)).values).toEqual(expected.values);
    }
  });
});

describe('errors in the middle of a stream', () => {
  const good = (id: number) => `<Item><Id>${id}</Id><Name>n${id}</Name></Item>`;
  const doc = (children: string[], nl = '') =>
    `<?xml version="1.0" encoding="utf-8"?>${nl}<ArrayOfItem xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${NS}">${nl}` +
    children.join(nl) +
    `${nl}</ArrayOfItem>`;
  const bad: [string, string][] = [
    ['a value the type refuses', '<Item><Id>x1</Id></Item>'],
    ['a mismatched end tag (its message names where the element opened)', '<Item><Id>1</Id><Name>a</Nom></Item>'],
    ['an undeclared prefix', '<Item><p:Id>1</p:Id></Item>'],
    ['an undefined entity', '<Item><Name>&xxe;</Name></Item>'],
    ['a DOCTYPE inside an element', '<Item><!DOCTYPE x></Item>'],
    ['text between children', 'stray text'],
    ['a CDATA section between children', '<![CDATA[x]]>'],
    ['a duplicate attribute', '<Item a="1" a="2"><Id>1</Id></Item>'],
    ['a duplicate member', '<Item><Id>1</Id><Id>2</Id></Item>'],
    ['a nil value type', '<Item><Id i:nil="true"/></Item>'],
    ['a malformed tag', '<Item><Id/ ></Item>'],
    ['a < that starts no markup', '<Item><Name>a < b</Name></Item>'],
    ['-- inside a comment', '<Item><!-- a -- b --></Item>'],
    ['a child the root end tag closes', '<Item><Id>1</Id></ArrayOfItem>'],
    ['an unknown markup declaration', '<!ELEMENT x ANY>'],
    ['a character XML refuses', '<Item><Name>\u0001</Name></Item>'],
  ];

  for (const [what, child] of bad) {
    it(`${what}: the same error as the whole document, elements before it yielded`, async () => {
      for (const nl of ['', '\n', '\r\n']) {
        const text = doc([good(0), good(1), good(2), child, good(4)], nl);
        const w = whole(Item, text);
        expect(w.error, what).toBeDefined();
        const before = whole(Item, doc([good(0), good(1), good(2)], nl)).values!;
        for (const source of [text, chunks(text, 1), chunks(text, 50), [text.slice(0, text.indexOf(child) + 3), text.slice(text.indexOf(child) + 3)]]) {
          const s = await streamed(Item, source);
          expect(s.error && shape(s.error), what).toEqual(w.error);
          expect(s.error!.typeName).toBe('ArrayOfItem');
          expect(s.values).toEqual(before);
        }
      }
    });
  }

  it('the index counts items as the whole reader does (an unknown child is skipped, not counted)', async () => {
    const text = doc([good(0), '<Other/>', good(1), '<Item><Id>y</Id></Item>']);
    const s = await streamed(Item, text);
    expect(s.error!.path).toBe('[2].id');
    expect(shape(s.error!)).toEqual(whole(Item, text).error);
  });

  it('strict: an unknown child is an error at the collection (no index), as in the whole document', async () => {
    const text = doc([good(0), '<Other/>', good(1)]);
    await expectSame(Item, text, chunks(text, 7), { strict: true });
    expect((await streamed(Item, text, { strict: true })).error!.code).toBe('strict');
  });

  it('deep in a CustomerInfo of a pretty collection: [k].path and line:column of the whole stream', async () => {
    const v = xmlCodec.decode(CustomerInfo, readFileSync(join(FIXTURES, 'oracle/vectors/000-CustomerInfo/dto.xml'), 'utf8'));
    const text = xmlCodec.encode(listOf(CustomerInfo), [v, v, v, v], { pretty: true, newline: '\r\n' });
    // The third element's first Boolean is spoiled.
    let at = 0;
    for (let k = 0; k < 3; k++) at = text.indexOf('<CustomerInfo>', at + 1);
    const m = /<(\w+)>false<\//.exec(text.slice(at))!;
    const pos = at + m.index + m[1]!.length + 2;
    const spoiled = text.slice(0, pos) + 'x' + text.slice(pos);
    const w = whole(CustomerInfo, spoiled);
    expect(w.error!.path).toMatch(/^\[2\]\./);
    const s = await streamed(CustomerInfo, chunks(spoiled, 1000));
    expect(shape(s.error!)).toEqual(w.error);
    expect({ line: s.error!.line, column: s.error!.column }).toEqual(lineCol(spoiled, pos));
    expect(s.error!.line).toBeGreaterThan(100);
    expect(s.values).toHaveLength(2);
  });

  it('the prolog and the root: wrong root name or namespace, DOCTYPE, text before the root, a malformed root tag', async () => {
    for (const text of [
      `<ArrayOfThing xmlns="${NS}"><Item/></ArrayOfThing>`,
      `<ArrayOfItem xmlns="urn:other"><Item/></ArrayOfItem>`,
      `<?xml version="1.0"?><!DOCTYPE ArrayOfItem [<!ENTITY x "y">]><ArrayOfItem xmlns="${NS}"/>`,
      `text<ArrayOfItem xmlns="${NS}"/>`,
      `<ArrayOfItem xmlns="${NS}" a="1" a="2"><Item/></ArrayOfItem>`,
      `<ArrayOfItem xmlns="${NS}" p:x="1"><Item/></ArrayOfItem>`,
      `<ArrayOfItem\n xmlns="${NS}"\n i:nil="maybe" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Item/></ArrayOfItem>`,
      ` <?xml version="1.0"?><ArrayOfItem xmlns="${NS}"/>`,
      `<![CDATA[x]]><ArrayOfItem xmlns="${NS}"/>`,
      `</ArrayOfItem>`,
      `<ArrayOfItem xmlns="${NS}" ><Item/></ArrayOfItem><ArrayOfItem/>`,
      `<ArrayOfItem xmlns="${NS}" ><Item/></ArrayOfItem>text`,
      `<ArrayOfItem xmlns="${NS}" ><Item/></ArrayOfItem><!-- a -- b -->`,
      `<ArrayOfItem xmlns="${NS}" ><Item/></ArrayOfItem><![CDATA[x]]>`,
      `<ArrayOfItem xmlns="${NS}" ><Item/></ArrayOfItem >  </x>`,
      `<ArrayOfItem xmlns="${NS}"/><?xml version="1.0"?>`,
      `<ArrayOfItem xmlns="${NS}" ><Item/></ArrayOfItm>`,
      '',
      '   ',
    ]) {
      const w = whole(Item, text);
      expect(w.error, text).toBeDefined();
      for (const size of [1, 3, text.length || 1]) await expectSame(Item, text, chunks(text, size));
    }
  });

  it('options: bad options are the usage errors of the whole-document reader', async () => {
    for (const options of [{ maxDepth: 0 }, { maxDepth: 1.5 }, { maxStringLength: -1 }] as XmlDecodeOptions[]) {
      const s = await streamed(Item, TRICKY, options);
      expect(s.error!.code).toBe('usage');
      expect(s.error!.message).toBe(errorMessage(() => xmlCodec.decode(listOf(Item), TRICKY, options)));
    }
  });
});

function errorMessage(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

describe('cut short', () => {
  it('at every position of the tricky collection: the error of the whole reader on the same text, and the complete elements before it', async () => {
    const end = TRICKY.indexOf('</ArrayOfItem >') + '</ArrayOfItem >'.length;
    for (let at = 0; at < TRICKY.length; at++) {
      const text = TRICKY.slice(0, at);
      const w = whole(Item, text);
      const s = await streamed(Item, chunks(text, 5));
      if (at < end) expect(w.error, `cut at ${at}`).toBeDefined();
      if (w.error) {
        expect(s.error && shape(s.error), `cut at ${at}`).toEqual(w.error);
      } else {
        expect(s.error, `cut at ${at}`).toBeUndefined();
        expect(s.values).toEqual(w.values);
      }
    }
  });

  it('inside a child, inside the root start tag, before the root end tag', async () => {
    const text = xmlCodec.encode(listOf(Item), [{ id: 1n, name: 'a' }, { id: 2n, name: 'b' }]);
    for (const cut of [text.indexOf('<Name>b') + 3, text.indexOf('xmlns=') + 4, text.lastIndexOf('</ArrayOf')]) {
      const s = await streamed(Item, chunks(text.slice(0, cut), 16));
      const w = whole(Item, text.slice(0, cut));
      expect(shape(s.error!)).toEqual(w.error);
      expect(s.error!.line).toBe(1);
      expect(s.error!.column).toBeGreaterThan(0);
    }
    const s = await streamed(Item, text.slice(0, text.lastIndexOf('</ArrayOf')));
    expect(s.values).toHaveLength(2);
    expect(s.error!.expected).toBe('</ArrayOfItem>');
    expect(s.error!.found).toBe('the end of the input');
    expect(s.error!.detail).toBe('unclosed element (opened at 1:39)');
  });
});

describe('any text: the stream and the whole-document reader agree', () => {
  const pieces = ['<', '>', '/', '!', '-', '?', '[', ']', '"', "'", '&', ';', '=', ' ', '\n', '\r', 'a', ':', 'é', '😀', '\u0000',
    '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '</Item>', '<Item>', '<Item/>', '<!DOCTYPE x>', 'i:nil="true"', '&#32;', '<Id>', '</Id>', 'xmlns:p="urn:p"',
    // What could fool the fast path (a child's end as its first `</Item>`).
    '<![CDATA[</Item>]]>', '<!--</Item>-->', '<?p </Item>?>', ' a="</Item>"', '</Item >', '<Item a="1">', '<Items>', '<z:Item>', '</z:Item>'];
  const edit = fc.record({ at: fc.nat(), drop: fc.nat({ max: 4 }), insert: fc.constantFrom(...pieces) });
  /** What DCS writes: every child read by the fast path. */
  const COMPACT = xmlCodec.encode(listOf(Item), [{ id: 1n, name: 'a' }, null, { id: 2n, name: '' }, { id: 3n, name: 'x\ny' }, { id: 4n }]);

  it('after random edits of the tricky collection and of a compact one, in random chunks (values, or the same error)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(TRICKY, COMPACT), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), async (base, edits, size) => {
        let text = base;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.drop);
        }
        const w = whole(Item, text);
        const s = await streamed(Item, chunks(text, size));
        if (w.error) {
          expect(s.error && shape(s.error)).toEqual(w.error);
        } else {
          expect(s.error).toBeUndefined();
          expect(s.values).toEqual(w.values);
        }
      }),
      { numRuns: Number(process.env.DTO_FC_RUNS ?? 400) },
    );
  });
});

describe('the framer', () => {
  it('cuts pieces whose text is the stream text at their line:column', () => {
    for (const size of [1, 7, TRICKY.length]) {
      const f = new XmlFramer({ maxDepth: 512, maxPieceLength: 1e9 });
      const got: XmlPiece[] = [];
      const drain = () => {
        for (let p = f.take(); p; p = f.take()) got.push(p);
      };
      for (const c of chunks(TRICKY, size)) {
        f.push(c);
        drain();
      }
      f.end();
      drain();
      let from = 0;
      for (const p of got) {
        const at = TRICKY.indexOf(p.text, from);
        expect(at).toBeGreaterThanOrEqual(from);
        // Only whitespace is dropped between pieces.
        expect(TRICKY.slice(from, at).trim()).toBe('');
        expect(lineCol(TRICKY, at)).toEqual({ line: p.line, column: p.column });
        from = at + p.text.length;
      }
      expect(TRICKY.slice(from).trim()).toBe('');
      expect(got.map((p) => `${p.where}${p.element ? '+' : ''}`)).toEqual([
        'prolog', 'content+', 'content+', 'content+', 'content+', 'content+', 'content+', 'content+', 'content', 'epilog', 'epilog',
      ]);
      expect(got.every((p) => !p.broken)).toBe(true);
      expect(f.root!.qname).toBe('ArrayOfItem');
      expect({ line: f.root!.line, column: f.root!.column }).toEqual(lineCol(TRICKY, TRICKY.indexOf('<ArrayOfItem')));
    }
  });

  it('counts lines as lineCol does, with \\r\\n, \\n and lone \\r, across chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('\r\n', '\n', '\r', ' ', 'ab', '<a/>', '<!--\r-->'), { maxLength: 30 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, size) => {
          const text = `<ArrayOfItem xmlns="${NS}">` + parts.map((p) => p + '<a/>').join('') + '</ArrayOfItem>';
          const f = new XmlFramer({ maxDepth: 512, maxPieceLength: 1e9 });
          const got: XmlPiece[] = [];
          for (const c of chunks(text, size)) {
            f.push(c);
            for (let p = f.take(); p; p = f.take()) got.push(p);
          }
          f.end();
          for (let p = f.take(); p; p = f.take()) got.push(p);
          let from = 0;
          for (const p of got) {
            const at = text.indexOf(p.text, from);
            expect(lineCol(text, at)).toEqual({ line: p.line, column: p.column });
            from = at + p.text.length;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

it('a streamed collection encodes back to the bytes it was read from', async () => {
  const text = xmlCodec.encode(listOf(Item), whole(Item, TRICKY).values!);
  const back = (await streamed(Item, chunks(text, 13))).values;
  let out = '';
  for await (const c of encodeXmlStream(Item, back)) out += c;
  expect(out).toBe(text);
});

it('the XML codec streams: xmlCodec.decodeStream and encodeStream are these', async () => {
  const values = whole(Item, TRICKY).values!;
  const got: unknown[] = [];
  for await (const v of xmlCodec.decodeStream!(Item, chunks(TRICKY, 9))) got.push(v);
  expect(got).toEqual(values);
  let out = '';
  for await (const c of xmlCodec.encodeStream!(Item, got, { pretty: true })) out += c;
  expect(out).toBe(xmlCodec.encode(listOf(Item), values, { pretty: true }));
});
