/**
 * The JSV reader: what ServiceStack.Text accepts (jsv-and-json.md §3), the strict and lenient
 * verdicts where ServiceStack drops a value silently, depth limits, and the value-level API.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { DEFAULT_MAX_DEPTH } from '../../src/formats/codec.js';
import { codecByExtension, codecByMediaType, codecByName } from '../../src/formats/index.js';
import {
  decodeJsv,
  decodeJsvValue,
  encodeJsv,
  encodeJsvValue,
  jsvCodec,
  jsvDecodeDefaults,
  jsvEncodeDefaults,
} from '../../src/formats/jsv/index.js';
import { catchDtoError, expectDtoError } from './helpers.js';
import { BOOLEAN, DOUBLE, INT32, STRING, Shapes, dict, list } from './shapes.js';

/** The defaults every decoded Shapes has. */
const D = { count: 0, ratio: 0, flag: false, color: 'Red' };
const read = (text: string, lenient = false): Record<string, unknown> =>
  decodeJsv(Shapes, text, { lenient }) as Record<string, unknown>;

describe('the codec', () => {
  it('is registered under its name, media types and extension', () => {
    expect(jsvCodec).toMatchObject({ name: 'jsv', label: 'JSV', mediaTypes: ['application/jsv', 'text/jsv'], extensions: ['.jsv'] });
    expect(codecByName('JSV')).toBe(jsvCodec);
    expect(codecByMediaType('text/jsv; charset=utf-8')).toBe(jsvCodec);
    expect(codecByExtension('.jsv')).toBe(jsvCodec);
    expect(Object.isFrozen(jsvCodec)).toBe(true);
  });

  it('has frozen, documented defaults', () => {
    expect(jsvEncodeDefaults).toEqual({ pretty: false, newline: '\n' });
    expect(jsvDecodeDefaults).toEqual({ maxDepth: DEFAULT_MAX_DEPTH, lenient: false, maxDocumentLength: 2 ** 28, maxStringLength: 2 ** 24, maxCollectionLength: 10_000_000, maxDictionaryEntries: 10_000_000, maxNameLength: 2 ** 20, maxAttributes: 4096 });
    expect(Object.isFrozen(jsvEncodeDefaults) && Object.isFrozen(jsvDecodeDefaults)).toBe(true);
  });

  it('refuses bad options as usage errors', () => {
    expectDtoError(() => decodeJsv(Shapes, '{}', { maxDepth: 0 }), { code: 'usage' });
    expectDtoError(() => encodeJsv(Shapes, {}, { newline: '\r' as '\n' }), { code: 'usage' });
    expectDtoError(() => decodeJsv(Shapes, 5 as unknown as string), { code: 'usage' });
  });

  it('sniffs JSV from its first characters, and not JSON', () => {
    expect(jsvCodec.sniff!('{name:x}').score).toBeGreaterThan(0.9);
    expect(jsvCodec.sniff!('\ufeff  {\n\tname: x\n}').score).toBeGreaterThan(0.8);
    expect(jsvCodec.sniff!('{"name":"x"}').score).toBeLessThan(0.1);
    expect(jsvCodec.sniff!('<x/>').score).toBe(0);
  });
});

describe('objects (§3.4)', () => {
  it('fills .NET defaults, leaves reference types absent, keeps declaration order', () => {
    const v = read('{names:[a],name:x}');
    expect(v).toEqual({ name: 'x', ...D, names: ['a'] });
    expect(Object.keys(v)).toEqual(['name', 'count', 'ratio', 'flag', 'color', 'names']);
    expect(read('{}')).toEqual(D);
    expect(read('{ }')).toEqual(D);
  });

  it('binds names case-insensitively and trims them, but not values', () => {
    expect(read('{NAME:x,Count:2,COLOR:Blue}')).toEqual({ ...D, name: 'x', count: 2, color: 'Blue' });
    expect(read('{ name : bob ,count: 5 }')).toEqual({ ...D, name: ' bob ', count: 5 });
  });

  it('ignores unknown members and __type, whatever they hold, without reading them', () => {
    expect(read('{zzz:{a:[1,{b:"}"}],c:"]"},__type:"Test.Shapes, Test",yyy:,xxx:[[[]]],name:x}')).toEqual({ ...D, name: 'x' });
  });

  it('takes the last of duplicate members', () => {
    expect(read('{count:1,count:2}')).toEqual({ ...D, count: 2 });
  });

  it('reads an empty value as null (absent), a Boolean\'s as false', () => {
    expect(read('{name:,flag:,maybeFlag:,item:,names:,map:}')).toEqual(D);
  });

  it('tells "" (the empty string) from nothing', () => {
    expect(read('{name:""}')).toEqual({ ...D, name: '' });
    expect(read('{names:["",,""]}')).toEqual({ ...D, names: ['', null, ''] });
  });

  it('reads null for objects and dictionaries (ServiceStack would fail), and "null" for strings', () => {
    expect(read('{item:null,map:null,bag:null,name:null}')).toEqual({ ...D, name: 'null' });
  });

  it('reads a {…} or […] value of a string member whole, as ServiceStack does', () => {
    expect(read('{name:{a:b,c:[d]}}')).toEqual({ ...D, name: '{a:b,c:[d]}' });
    expect(read('{name:[1,2]}')).toEqual({ ...D, name: '[1,2]' });
  });

  it('reads a `]` inside a bare member value as content', () => {
    expect(read('{name:a]b}')).toEqual({ ...D, name: 'a]b' });
  });

  it('strips a leading BOM and tolerates whitespace around the root', () => {
    expect(read('\ufeff{name:x}')).toEqual({ ...D, name: 'x' });
    expect(read('  {name:x}\r\n')).toEqual({ ...D, name: 'x' });
  });
});

describe('scalars (§3.2, §3.3)', () => {
  it('unquotes strings, collapsing doubled quotes, and takes bare ones verbatim', () => {
    expect(read('{name:"a ""b"", c"}')).toEqual({ ...D, name: 'a "b", c' });
    expect(read('{name:\t x \\n}')).toEqual({ ...D, name: '\t x \\n' });
  });

  it('accepts quoted numbers, booleans and enums', () => {
    expect(read('{count:"5",ratio:"1.5",flag:"True",color:"Blue"}')).toEqual({ count: 5, ratio: 1.5, flag: true, color: 'Blue' });
  });

  it.each([
    ['True', true],
    ['true', true],
    ['TRUE', true],
    [' true ', true],
    ['1', true],
    ['t', true],
    ['T', true],
    ['y', true],
    ['Y', true],
    ['on', true],
    ['False', false],
    ['false', false],
    ['0', false],
    ['f', false],
    ['F', false],
    ['n', false],
    ['N', false],
    ['off', false],
    ['""', false],
  ])('Boolean %j → %s', (text, value) => {
    expect(read(`{flag:${text}}`)['flag']).toBe(value);
    expect(decodeJsvValue(BOOLEAN, text)).toBe(value);
  });

  it('refuses other Boolean spellings (ServiceStack too)', () => {
    for (const s of ['yes', 'ON', 'Off', '2', 'truee']) expectDtoError(() => read(`{flag:${s}}`), { code: 'type', path: 'flag' });
  });

  it.each([
    ['7', 7],
    ['-7', -7],
    ['007', 7],
    [' 5 ', 5],
    ['-0', 0],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
    ['"12"', 12],
  ])('Int32 %j → %d', (text, value) => {
    expect(Object.is(read(`{count:${text}}`)['count'], value)).toBe(true);
  });

  it('takes a leading + in List<Int32> elements (int.Parse) but not in a member', () => {
    expect(read('{counts:[+1,-2]}')['counts']).toEqual([1, -2]);
    expectDtoError(() => read('{count:+1}'), { code: 'type' });
  });

  it.each([
    ['1.5', 1.5],
    ['-0', -0],
    ['1E+21', 1e21],
    ['1.5e-7', 1.5e-7],
    ['1.5E-07', 1.5e-7],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['.5', 0.5],
    ['5.', 5],
    [' 2 ', 2],
    ['"1,000.5"', 1000.5],
    ['0.30000000000000004', 0.30000000000000004],
    ['123456789012345678', 123456789012345680],
    ['4.9406564584124654E-324', 5e-324],
  ])('Double %j → %d', (text, value) => {
    expect(Object.is(read(`{ratio:${text}}`)['ratio'], value)).toBe(true);
  });

  it('reads enums by name in any case, or by number (Enum.Parse)', () => {
    expect(read('{color:blue,colors:[GREEN,2,"0"]}')).toEqual({ ...D, color: 'Blue', colors: ['Green', 'Blue', 'Red'] });
    expect(read('{maybeColor:Green}')).toEqual({ ...D, maybeColor: 'Green' });
  });
});

describe('lists (§3.5)', () => {
  it.each([
    ['[]', []],
    ['[ ]', []],
    ['[a]', ['a']],
    ['[a,,b]', ['a', null, 'b']],
    ['[a,]', ['a', null]],
    ['[,a]', [null, 'a']],
    ['[,]', [null, null]],
    ['[,,]', [null, null, null]],
    ['[""]', ['']],
    ['[null]', ['null']],
    ['[ a , b ]', [' a ', ' b ']],
    ['["a,b","c]"]', ['a,b', 'c]']],
    ['abc', ['abc']],
    ['"a,b"', ['a,b']],
    ['a]b', ['a]b']],
  ])('List<String> %j', (text, value) => {
    expect(read(`{names:${text}}`)['names']).toEqual(value);
  });

  it('counts a trailing empty slot once for other element types, as ServiceStack does', () => {
    expect(read('{maybeCounts:[,]}')['maybeCounts']).toEqual([null]);
    expect(read('{maybeCounts:[1,]}')['maybeCounts']).toEqual([1, null]);
    expect(read('{maybeCounts:[1,,3]}')['maybeCounts']).toEqual([1, null, 3]);
    expect(read('{grid:[[1],,[]]}')['grid']).toEqual([[1], null, []]);
  });

  it('reads objects, null objects and dictionaries as elements', () => {
    expect(read('{items:[{x:1},null,{}],bags:[null,{k:{x:2}}],maps:[{a:b},null]}')).toEqual({
      ...D,
      items: [{ x: 1 }, null, { x: 0 }],
      bags: [null, { k: { x: 2 } }],
      maps: [{ a: 'b' }, null],
    });
  });

  it('is strict about empty slots of value types; lenient does what ServiceStack does', () => {
    expectDtoError(() => read('{ratios:[1,,2]}'), { code: 'type', path: 'ratios[1]' });
    expect(read('{ratios:[1,,2],flags:[,True],colors:[Blue,]}', true)).toEqual({
      ...D,
      ratios: [1, 0, 2],
      flags: [false, true],
      colors: ['Blue', 'Red'],
    });
    // ServiceStack's List<int> parser ignores a trailing comma and fails on an inner empty slot.
    expect(read('{counts:[1,],name:x}', true)).toEqual({ ...D, counts: [1], name: 'x' });
    expect(read('{counts:[1,,2],name:x}', true)).toEqual({ ...D, name: 'x' });
  });
});

describe('dictionaries (§3.6, §3.7)', () => {
  it('reads keys verbatim (not trimmed), quoted keys unescaped with the 2022 semantics', () => {
    expect(read('{map:{"a""b":1," k ": v ,"a:b":c,"":e,plain:"q"}}')['map']).toEqual({ 'a"b': '1', ' k ': ' v ', 'a:b': 'c', '': 'e', plain: 'q' });
  });

  it('skips an entry whose key is empty, keeps the last of duplicate keys', () => {
    expect(read('{map:{:x,a:1,a:2}}')['map']).toEqual({ a: '2' });
  });

  it('keeps __proto__ as data', () => {
    const m = read('{map:{__proto__:x}}')['map'] as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(m, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(m['__proto__']).toBe('x');
  });

  it('reads Int32 keys as their decimal text, and an empty value as null', () => {
    expect(read('{intMap:{1:a,-02:b}}')['intMap']).toEqual({ '1': 'a', '-2': 'b' });
    expect(read('{map:{a:}}')['map']).toEqual({ a: null });
    expectDtoError(() => read('{intMap:{x:a}}'), { code: 'type', expected: 'an Int32 key' });
  });

  it('reads Struct, the dictionary-derived class', () => {
    const Value = evoVoice.at(1).requireClass('Value');
    expect(decodeJsv(Value, '{structValue:{k:{numberValue:-0,listValue:[null,{}]}}}')).toEqual({
      structValue: { k: { numberValue: -0, listValue: [null, {}] } },
    });
  });
});

describe('strict by default, lenient like ServiceStack', () => {
  it('raises where ServiceStack drops the member', () => {
    expectDtoError(() => read('{count:x,name:y}'), { code: 'type', path: 'count', line: 1, column: 8 });
  });

  it('lenient: the member keeps what it had, reading goes on', () => {
    expect(read('{count:x,name:y}', true)).toEqual({ ...D, name: 'y' });
    expect(read('{count:5,count:x}', true)).toEqual({ ...D, count: 5 });
    expect(read('{color:Mauve,item:{x:q,label:l},ratio:2}', true)).toEqual({ ...D, item: { x: 0, label: 'l' }, ratio: 2 });
    expect(read('{item:[1],name:y}', true)).toEqual({ ...D, name: 'y' });
    expect(read('{count:,name:y}', true)).toEqual({ ...D, name: 'y' });
  });

  it('lenient: a failure inside a list or dictionary drops the whole member', () => {
    expect(read('{counts:[1,x],map:{a:b},intMap:{q:1},name:y}', true)).toEqual({ ...D, map: { a: 'b' }, name: 'y' });
  });

  it('lenient still raises on malformed text and depth', () => {
    expectDtoError(() => read('{count:x', true), { code: 'syntax' });
    expectDtoError(() => decodeJsv(Shapes, '{zzz:' + '['.repeat(20) + ']'.repeat(20) + '}', { lenient: true, maxDepth: 10 }), { code: 'depth' });
  });
});

describe('depth', () => {
  const Value = evoVoice.at(1).requireClass('Value');
  const deep = (n: number): string => '{structValue:{k:'.repeat(n) + '{}' + '}}'.repeat(n);

  it('reads nesting up to maxDepth and refuses one level more', () => {
    // Each structValue level is two: the Struct and the Value in it; the root Value is 1.
    expect(() => decodeJsv(Value, deep(10), { maxDepth: 21 })).not.toThrow();
    expectDtoError(() => decodeJsv(Value, deep(10), { maxDepth: 20 }), { code: 'depth', line: 1 });
  });

  it.each([
    ['typed nesting', () => decodeJsv(Value, deep(100_000))],
    ['an unknown member', () => decodeJsv(Shapes, '{zzz:' + '['.repeat(100_000) + ']'.repeat(100_000) + '}')],
    ['a string member', () => decodeJsv(Shapes, '{name:' + '{'.repeat(100_000) + '}'.repeat(100_000) + '}')],
    ['a list element', () => decodeJsv(Shapes, '{grid:[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}')],
    ['unclosed openers', () => decodeJsv(Value, '{structValue:{k:'.repeat(100_000))],
  ])('10⁵ levels in %s are a depth error', (_what, f) => {
    const e = catchDtoError(f);
    expect(e.code).toBe('depth');
    expect(e.message).toContain(`maxDepth (${DEFAULT_MAX_DEPTH})`);
  });

  it('without a limit, the stack runs out into a depth error, not a RangeError', () => {
    const e = catchDtoError(() => decodeJsv(Value, deep(100_000), { maxDepth: Infinity }));
    expect(e.code).toBe('depth');
  });
});

describe('value level: route segments and query strings', () => {
  it.each([
    [STRING, 'a,b', 'a,b'],
    [STRING, '"a,b"', 'a,b'],
    [STRING, ' x ', ' x '],
    [STRING, '', null],
    [STRING, '""', ''],
    [INT32, '42', 42],
    [DOUBLE, '1E+21', 1e21],
    [list(INT32), '[1,2,3]', [1, 2, 3]],
    [list(INT32), '1,2,3', [1, 2, 3]],
    [list(STRING), 'a,"b,c",', ['a', 'b,c', null]],
    [list(STRING), '', null],
    [dict(STRING), '{a:b}', { a: 'b' }],
  ])('%# %s', (type, text, value) => {
    expect(decodeJsvValue(type, text)).toEqual(value);
  });

  it('round-trips values through their JSV text', () => {
    expect(encodeJsvValue(list(STRING), ['a,b', '', 'c'])).toBe('["a,b","",c]');
    expect(decodeJsvValue(list(STRING), '["a,b","",c]')).toEqual(['a,b', '', 'c']);
    expect(encodeJsvValue(dict(INT32), { k: 1 })).toBe('{k:1}');
  });

  it('reports positions in the value text', () => {
    expectDtoError(() => decodeJsvValue(list(INT32), '1,x'), { code: 'type', line: 1, column: 3, path: '[1]' });
    expectDtoError(() => decodeJsvValue(STRING, '"a"b'), { code: 'syntax', column: 4 });
    expectDtoError(() => decodeJsvValue(INT32, 'x'), { code: 'type', typeName: 'Int32' });
  });

  it('the codec refuses an empty document even where the value level reads null', () => {
    expectDtoError(() => jsvCodec.decode(STRING, ''), { code: 'type', found: 'nothing' });
    expect(jsvCodec.decode(STRING, 'x')).toBe('x');
  });
});
