/**
 * The pretty form (`JsvFormatter.Format`, jsv-and-json.md §4): layout, quirks, the newline
 * option, and that the reader undoes it exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { decodeJsv, decodeJsvValue, encodeJsv, formatJsv, unformatJsv } from '../../src/formats/jsv/index.js';
import { STRING, Shapes, dict, list } from './shapes.js';

const T = '\t';

describe('layout', () => {
  it('lays out the §4 example exactly', () => {
    const compact =
      '{id:1,name:"Smith, John",tags:[a,"b,c",""],meta:{},items:[],child:{enabled:False,ratio:0.5},rows:[{x:1},{x:2}]}';
    const expected = [
      '{',
      `${T}id: 1,`,
      `${T}name: "Smith, John",`,
      `${T}tags: `,
      `${T}[`,
      `${T}${T}a,`,
      `${T}${T}"b,c",`,
      `${T}${T}""`,
      `${T}],`,
      `${T}meta: {},`,
      `${T}items: [],`,
      `${T}child: `,
      `${T}{`,
      `${T}${T}enabled: False,`,
      `${T}${T}ratio: 0.5`,
      `${T}},`,
      `${T}rows: `,
      `${T}[`,
      `${T}${T}{`,
      `${T}${T}${T}x: 1`,
      `${T}${T}},`,
      `${T}${T}{`,
      `${T}${T}${T}x: 2`,
      `${T}${T}}`,
      `${T}]`,
      '}',
    ].join('\n');
    expect(formatJsv(compact)).toBe(expected);
  });

  it.each([
    ['{a:[null]}', '{\n\ta: \n\t[\n\t\tnull\n\t]\n}'],
    ['{a:{}}', '{\n\ta: {}\n}'],
    ['{a:[]}', '{\n\ta: []\n}'],
    // An empty object not after a key: opener, a line with the indentation, closer.
    ['{}', '{\n\t\n}'],
    ['[]', '[\n\t\n]'],
    ['[{}]', '[\n\t{\n\t\t\n\t}\n]'],
    // Only `,` is protected by quotes: braces in a string still open and close levels.
    ['{name:"a{b"}', '{\n\tname: "a{\n\t\tb"\n\t}'],
    // The first-colon space lands inside list elements and quoted keys.
    ['["a:b"]', '[\n\t"a: b"\n]'],
    ['[10:30:00]', '[\n\t10: 30:00\n]'],
    ['{"a:b":1}', '{\n\t"a: b":1\n}'],
    // A value's own leading space stays after the inserted one.
    ['{note: padded }', '{\n\tnote:  padded \n}'],
    // A line break inside a quoted string is copied as is.
    ['{s:"x\ny"}', '{\n\ts: "x\ny"\n}'],
    ['{s:"a,b"}', '{\n\ts: "a,b"\n}'],
    ['', ''],
  ])('%j', (compact, pretty) => {
    expect(formatJsv(compact)).toBe(pretty);
    expect(unformatJsv(pretty, 0, '\n').compact).toBe(compact);
  });

  it('uses the newline option, and nothing trails the last closer', () => {
    const out = encodeJsv(Shapes, { names: ['a'], map: {} }, { pretty: true, newline: '\r\n' });
    expect(out).toBe(
      '{\r\n\tcount: 0,\r\n\tratio: 0,\r\n\tflag: False,\r\n\tcolor: Red,\r\n\tnames: \r\n\t[\r\n\t\ta\r\n\t],\r\n\tmap: {}\r\n}',
    );
    expect(out.includes('\n') && !/[^\r]\n/.test(out)).toBe(true);
    expect(decodeJsv(Shapes, out)).toEqual(decodeJsv(Shapes, encodeJsv(Shapes, { names: ['a'], map: {} })));
  });

  it('keeps going with no TABs when closers outnumber openers', () => {
    expect(formatJsv('a}}b')).toBe('a\n}\n}b');
  });
});

describe('reading the pretty form back', () => {
  it('strips exactly the formatter\'s whitespace, never string content', () => {
    const value = {
      name: ' padded ',
      names: ['\tlead tab', ' x ', 'a:b', '', 'null'],
      map: { ' k ': ' v ', 'a:b': 'c:d', '': 'e' },
      items: [{ x: 1, label: '\t' }, { x: 2, label: ' {[ ' }],
      bag: { 'q"q': { x: 3, label: '"quoted"' } },
      grid: [[1], [], [2, 3]],
    };
    for (const newline of ['\n', '\r\n'] as const) {
      const pretty = encodeJsv(Shapes, value, { pretty: true, newline });
      expect(decodeJsv(Shapes, pretty)).toEqual(decodeJsv(Shapes, encodeJsv(Shapes, value)));
    }
  });

  it('reads the quirk cases exactly: braces in strings, colons in list elements and keys', () => {
    const value = { names: ['a{b', '}', '[x]', '10:30:00', 'a: b'], map: { 'x:y': 'z', '{k}': '[v]' }, name: 'p{q}r[s]' };
    const pretty = encodeJsv(Shapes, value, { pretty: true });
    expect(pretty).toContain('"10: 30:00"');
    expect(decodeJsv(Shapes, pretty)).toMatchObject(value);
  });

  it('accepts null for a null Struct element (ServiceStack cannot)', () => {
    const Value = evoVoice.at(1).requireClass('Value');
    expect(decodeJsv(Value, '{\n\tlistValue: \n\t[\n\t\tnull\n\t]\n}')).toEqual({ listValue: [null] });
  });

  it('tolerates a final line break and other indentation before closers', () => {
    expect(decodeJsv(Shapes, '{\n\tname: x,\n\tnames: \n\t[\n\t\ta\n\t]\n}\n')).toMatchObject({ name: 'x', names: ['a'] });
    expect(decodeJsv(Shapes, '{\n\tname: x,\n\titem: \n  {\n\t\tx: 1\n   }\n}')).toMatchObject({ name: 'x', item: { x: 1 } });
  });

  it('has one ambiguity, made by the formatter itself: ":" + line break + opener inside a string', () => {
    // The map is at depth 2: a line break + two TABs after the colon is what the formatter
    // writes before a `{` that follows a colon, so both keys print the same.
    const a = encodeJsv(Shapes, { map: { 'k:\n\t\t{': 'v' } });
    const b = encodeJsv(Shapes, { map: { 'k:{': 'v' } });
    expect(a).not.toBe(b);
    expect(formatJsv(a)).toBe(formatJsv(b));
    expect(decodeJsv(Shapes, formatJsv(a))).toMatchObject({ map: { 'k:{': 'v' } });
    // With other indentation the line break is content and survives.
    const c = encodeJsv(Shapes, { map: { 'k:\n{': 'v' } });
    expect(decodeJsv(Shapes, formatJsv(c))).toMatchObject({ map: { 'k:\n{': 'v' } });
  });

  it('is the exact inverse of the formatter for anything the writer produces (property)', () => {
    // Minus the one ambiguity of the formatter (see unformatJsv): ':' + line break + opener in a string.
    const str = fc
      .string({ unit: fc.constantFrom('a', ' ', '\t', ',', ':', '"', '{', '}', '[', ']', '\n', '\r', 'é', 'x') })
      .filter((s) => !/:\r?\n\t*[{[]/.test(s));
    const item = fc.record({ x: fc.integer({ min: -5, max: 5 }), label: fc.option(str, { nil: undefined }) }, { requiredKeys: ['x'] });
    const value = fc.record(
      {
        name: str,
        names: fc.array(fc.option(str, { nil: null }), { maxLength: 4 }),
        map: fc.dictionary(str, str, { maxKeys: 3 }),
        items: fc.array(item, { maxLength: 3 }),
        grid: fc.array(fc.array(fc.integer(), { maxLength: 3 }), { maxLength: 3 }),
        bag: fc.dictionary(str, item, { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(value, fc.constantFrom('\n' as const, '\r\n' as const), (v, newline) => {
        const compact = encodeJsv(Shapes, v);
        const pretty = formatJsv(compact, newline);
        expect(unformatJsv(pretty, 0, newline).compact).toBe(compact);
        expect(decodeJsv(Shapes, pretty)).toEqual(decodeJsv(Shapes, compact));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the original positions for errors', () => {
    const text = '{\n\tcount: 1,\n\tratio: x\n}';
    expect(() => decodeJsv(Shapes, text)).toThrow('at 3:9: expected Double, got "x"');
  });

  it('leaves a top-level string alone (only objects and lists have a pretty form)', () => {
    expect(decodeJsvValue(STRING, '{\n\ta: b\n}')).toBe('{\n\ta: b\n}');
    expect(decodeJsvValue(list(STRING), '[\n\ta,\n\tb\n]')).toEqual(['a', 'b']);
    expect(decodeJsvValue(dict(STRING), '{\n\ta: b\n}')).toEqual({ a: 'b' });
  });
});
