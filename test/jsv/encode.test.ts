/**
 * The JSV writer against the tables of jsv-and-json.md §2: the string rule, the double
 * format, the null-element rule, the quick reference, plus type checks on encode.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { decodeJsvValue, encodeJsv, encodeJsvValue, jsvCodec, quoteJsvString } from '../../src/formats/jsv/index.js';
import { expectDtoError } from './helpers.js';
import { BOOLEAN, DOUBLE, INT32, STRING, Shapes, dict, list } from './shapes.js';
import { DOTNET_DOUBLE_TEXT } from '../support/spec-tables.js';

const ev = evoVoice.at(2);
const Tag = ev.requireClass('Tag');
const ScheduleDay = ev.requireClass('ScheduleDay');
const BillingItem = ev.requireClass('BillingItem');
const Value = ev.requireClass('Value');
const Struct = ev.requireClass('Struct');

describe('the string rule (§2.2)', () => {
  const table: [string, string][] = [
    ['hello', 'hello'],
    ['Hello World!', 'Hello World!'],
    ['', '""'],
    [' padded ', ' padded '],
    ['Me, Junior', '"Me, Junior"'],
    ['2" x 1"', '"2"" x 1"""'],
    ['"', '""""'],
    ['key:value', '"key:value"'],
    ['https://evovoice.io', '"https://evovoice.io"'],
    ['a{b', '"a{b"'],
    ['[1]', '"[1]"'],
    ['a}b', '"a}b"'],
    ['a]b', '"a]b"'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\rhere', '"cr\rhere"'],
    ['tab\there', 'tab\there'],
    ['null', 'null'],
    ['True', 'True'],
    ['C:\\temp\\x.txt', '"C:\\temp\\x.txt"'],
    ['back\\slash', 'back\\slash'],
    ["O'Brien = /x/", "O'Brien = /x/"],
    ['café 中 😀', 'café 中 😀'],
    ['\f\0', '\f\0'],
    ['\u2028', '\u2028'],
  ];
  it.each(table)('%j → %j', (value, jsv) => {
    expect(quoteJsvString(value)).toBe(jsv);
    expect(encodeJsvValue(STRING, value)).toBe(jsv);
    // And back: a root string is the whole text, quoted or not.
    expect(decodeJsvValue(STRING, jsv)).toBe(value);
  });

  it('applies inside objects, lists and dictionary keys alike', () => {
    expect(encodeJsv(Tag, { id: 'a,b', name: '', color: 'Red' })).toBe('{id:"a,b",name:"",color:Red}');
    expect(encodeJsvValue(list(STRING), ['a', 'b,c', ''])).toBe('[a,"b,c",""]');
    expect(encodeJsvValue(dict(INT32), { 'a,b': 1, '': 2, plain: 3 })).toBe('{"a,b":1,"":2,plain:3}');
  });
});

describe('the double format (§2.4)', () => {
  const table = DOTNET_DOUBLE_TEXT.map(([v, text]) => [v, text] as [number, string]);
  it.each(table)('%d → %s', (value, jsv) => {
    expect(encodeJsvValue(DOUBLE, value)).toBe(jsv);
    expect(Object.is(decodeJsvValue(DOUBLE, jsv), value)).toBe(true);
    // Inside an object the same text, and the reader's fast path gives the same double.
    const obj = jsvCodec.encode(BillingItem, { baseCost: value, rawUnitMultiplier: 0, unitCost: 0, allowance: 0 });
    expect(obj).toBe(`{baseCost:${jsv},rawUnitMultiplier:0,unitCost:0,allowance:0}`);
    expect(Object.is((jsvCodec.decode(BillingItem, obj) as { baseCost: number }).baseCost, value)).toBe(true);
  });

  it('reads back every double it writes, bit for bit', () => {
    const r = (): number => {
      const b = new DataView(new ArrayBuffer(8));
      b.setUint32(0, (Math.random() * 2 ** 32) >>> 0);
      b.setUint32(4, (Math.random() * 2 ** 32) >>> 0);
      return b.getFloat64(0);
    };
    const xs = [0.1, 9.99, 1.25, 0.0125, 123.456, 0.000123, 999999999999999, 1e-22, 1e22, 4.35, 2.675];
    for (let i = 0; i < 3000; i++) xs.push(r(), Math.random() * 1000, Math.round(Math.random() * 1e6) / 1000);
    const doubles = list(DOUBLE);
    const text = encodeJsvValue(doubles, xs);
    const back = decodeJsvValue(doubles, text) as number[];
    expect(back.length).toBe(xs.length);
    xs.forEach((x, i) => expect(Object.is(back[i], x)).toBe(true));
  });
});

describe('booleans, integers, enums (§2.3–§2.5)', () => {
  it('writes True/False, Int32 digits and enum names raw', () => {
    expect(encodeJsvValue(BOOLEAN, true)).toBe('True');
    expect(encodeJsvValue(BOOLEAN, false)).toBe('False');
    expect(encodeJsvValue(INT32, -2147483648)).toBe('-2147483648');
    expect(encodeJsvValue(INT32, -0)).toBe('0');
    expect(encodeJsv(ScheduleDay, { offset: -1, dayOfWeek: 'Saturday' })).toBe('{offset:-1,dayOfWeek:Saturday}');
  });
});

describe('null elements by element type (§2.6)', () => {
  const table: [string, unknown, string][] = [
    ['names', ['a', null, 'b'], '[a,,b]'],
    ['names', [null], '[]'],
    ['names', ['a', null], '[a,]'],
    ['maybeCounts', [1, null, 3], '[1,,3]'],
    ['grid', [[1], null, [2, 3]], '[[1],,[2,3]]'],
    ['items', [{ x: 1 }, null], '[{x:1},{}]'],
    ['bags', [null], '[null]'],
    ['maps', [{ a: 'b' }, null], '[{a:b},null]'],
  ];
  it.each(table)('%s: %j → %s', (wire, value, jsv) => {
    const out = encodeJsv(Shapes, { [wire]: value });
    expect(out).toBe(`{count:0,ratio:0,flag:False,color:Red,${wire}:${jsv}}`);
  });

  it('writes a null Struct element as null (the seed\'s listValue: [ null ])', () => {
    expect(encodeJsv(Value, { listValue: [null] })).toBe('{listValue:[null]}');
  });

  it('refuses a null element where .NET has a value type', () => {
    expectDtoError(() => encodeJsv(Shapes, { counts: [1, null] }), {
      code: 'type',
      direction: 'encode',
      path: 'counts[1]',
      expected: 'Int32',
      found: 'null',
    });
    expectDtoError(() => encodeJsv(Shapes, { colors: [undefined] }), { code: 'type', path: 'colors[0]' });
  });
});

describe('the quick reference (§2.10)', () => {
  it.each([
    [Tag, { id: 't1', name: 'VIP, gold', color: 'Red' }, '{id:t1,name:"VIP, gold",color:Red}'],
    [Tag, { id: 't1' }, '{id:t1,color:Magenta}'],
    [ScheduleDay, {}, '{offset:0,dayOfWeek:Sunday}'],
    [BillingItem, { baseCost: 1.5 }, '{baseCost:1.5,rawUnitMultiplier:0,unitCost:0,allowance:0}'],
    [Value, { boolValue: true }, '{boolValue:True}'],
    [Struct, { k: { stringValue: '' } }, '{k:{stringValue:""}}'],
    [Struct, { k: null }, '{}'],
    [list(INT32), [1, 2], '[1,2]'],
    [list(STRING), ['a', null, ''], '[a,,""]'],
    [dict(STRING), { 'x:y': '1' }, '{"x:y":1}'],
  ] as const)('%#: %s', (type, value, jsv) => {
    expect(jsvCodec.encode(type, value)).toBe(jsv);
  });
});

describe('objects', () => {
  it('writes derived members first, then the base class, nulls omitted, defaults written', () => {
    const info = ev.requireClass('CustomerInfo');
    const out = encodeJsv(info, { id: 'c1', name: 'Acme', dateCreated: null, breadcrumb: [] });
    expect(out).toBe(
      '{breadcrumb:[],isStaging:False,name:Acme,overrideBillingSettings:False,overrideAppSettings:False,id:c1}',
    );
  });

  it('reads a member named like an Object.prototype property only as an own property', () => {
    expect(encodeJsv(Shapes, {})).toBe('{count:0,ratio:0,flag:False,color:Red}');
    expect(encodeJsv(Shapes, { constructor: 'x' })).toBe('{count:0,ratio:0,flag:False,color:Red,constructor:x}');
  });

  it('writes an empty dictionary as {} and skips null values', () => {
    expect(encodeJsv(Shapes, { map: {}, bag: { a: null, b: { x: 1 } } })).toBe(
      '{count:0,ratio:0,flag:False,color:Red,bag:{b:{x:1}},map:{}}',
    );
  });

  it('writes Int32 dictionary keys as numbers and refuses other keys', () => {
    expect(encodeJsv(Shapes, { intMap: { '1': 'a', '-2': 'b' } })).toBe('{count:0,ratio:0,flag:False,color:Red,intMap:{1:a,-2:b}}');
    expectDtoError(() => encodeJsv(Shapes, { intMap: { x: 'a' } }), { code: 'type', path: 'intMap.x', expected: 'an Int32 key' });
  });

  it('keeps __proto__ as an ordinary dictionary key', () => {
    const m = JSON.parse('{"__proto__":"p","a":"b"}') as Record<string, string>;
    expect(encodeJsvValue(dict(STRING), m)).toBe('{__proto__:p,a:b}');
  });
});

describe('type checks on encode', () => {
  it.each([
    [{ name: 5 }, 'name', 'String', '5'],
    [{ count: 1.5 }, 'count', 'Int32', '1.5'],
    [{ count: '1' }, 'count', 'Int32', '"1"'],
    [{ ratio: '1' }, 'ratio', 'Double', '"1"'],
    [{ flag: 1 }, 'flag', 'Boolean', '1'],
    [{ item: 'x' }, 'item', 'Item', '"x"'],
    [{ names: 'x' }, 'names', 'List<String>', '"x"'],
    [{ map: [] }, 'map', 'Dictionary<String,String>', 'an array'],
    [{ items: [{ x: 'y' }] }, 'items[0].x', 'Int32', '"y"'],
    [{ bag: { k: { label: 1 } } }, 'bag.k.label', 'String', '1'],
  ] as const)('%j fails at %s', (value, path, expected, found) => {
    expectDtoError(() => encodeJsv(Shapes, value), { code: 'type', format: 'JSV', direction: 'encode', typeName: 'Shapes', path, expected, found });
  });

  it('reports an out-of-range Int32 and an unknown enum member', () => {
    expectDtoError(() => encodeJsv(Shapes, { count: 2 ** 31 }), { code: 'range', path: 'count' });
    expectDtoError(() => encodeJsv(Shapes, { color: 'Mauve' }), { code: 'enum', path: 'color', expected: 'a Color member', found: '"Mauve"' });
    expectDtoError(() => encodeJsv(Shapes, { colors: ['Red', 'red'] }), { code: 'enum', path: 'colors[1]' });
  });

  it('refuses a null root and says so in the message', () => {
    const e = expectDtoError(() => encodeJsv(Shapes, null), { code: 'type', expected: 'Shapes', found: 'null' });
    expect(e.message).toBe('cannot encode Shapes to JSV: expected Shapes, got null');
  });

  it('writes null as the empty value at value level', () => {
    expect(encodeJsvValue(STRING, null)).toBe('');
    expect(encodeJsvValue(list(INT32), undefined)).toBe('');
  });
});
