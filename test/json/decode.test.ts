/** The JSON reader: what it accepts (§6.2), what it reports, and its limits. */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { jsonCodec, jsonDecodeDefaults } from '../../src/formats/json/index.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { catchDtoError } from './helpers.js';

const schema = evoVoice.at(2);
const CustomerInfo = schema.requireClass('CustomerInfo');
const BillingItem = schema.requireClass('BillingItem');
const Breadcrumb = schema.requireClass('CustomerBreadcrumb');
const Tag = schema.requireClass('Tag');
const ScheduleDay = schema.requireClass('ScheduleDay');
const Struct = schema.requireClass('Struct');
const Value = schema.requireClass('Value');
const PatchCustomer = schema.requireClass('PatchCustomer');
const AppSettings = schema.requireClass('AppSettings');
const decode = jsonCodec.decode.bind(jsonCodec);

const CUSTOMER_DEFAULTS = { isStaging: false, overrideBillingSettings: false, overrideAppSettings: false };

describe('what the reader accepts (§6.2)', () => {
  it('has documented, frozen defaults', () => {
    expect(jsonDecodeDefaults).toEqual({ maxDepth: 512, lenient: false, maxDocumentLength: 2 ** 28, maxStringLength: 2 ** 24, maxCollectionLength: 10_000_000, maxDictionaryEntries: 10_000_000, maxNameLength: 2 ** 20, maxAttributes: 4096 });
    expect(Object.isFrozen(jsonDecodeDefaults)).toBe(true);
  });

  it('takes whitespace anywhere, a BOM at the start and CRLF line ends', () => {
    const text = '\uFEFF \r\n\t{ "id" :\t"a" ,\r\n  "name"\n:\n"b"\n}\r\n ';
    expect(decode(Breadcrumb, text)).toEqual({ id: 'a', name: 'b' });
    expect(decode(Value, ' { "listValue" : [ { } , null ] } ')).toEqual({ listValue: [{}, null] });
  });

  it('binds names case-insensitively (camelCase, PascalCase, any case)', () => {
    expect(decode(Breadcrumb, '{"Id":"a","NAME":"b"}')).toEqual({ id: 'a', name: 'b' });
    expect(decode(BillingItem, '{"BaseCost":1,"RAWUNITMULTIPLIER":2,"unitcost":3,"aLLowance":4}')).toEqual({
      baseCost: 1,
      rawUnitMultiplier: 2,
      unitCost: 3,
      allowance: 4,
    });
    // Out of declaration order too.
    expect(decode(Breadcrumb, '{"name":"b","id":"a"}')).toEqual({ id: 'a', name: 'b' });
  });

  it('only folds ASCII case, as ordinal-ignore-case does on ASCII names', () => {
    // U+212A KELVIN SIGN lower-cases to "k" in JavaScript but is no ASCII letter.
    expect(decode(Tag, '{"\u212Aey":1,"name":"x"}')).toEqual({ name: 'x', color: 'Magenta' });
  });

  it('skips unknown members of any shape', () => {
    const text = '{"x":{"a":[1,{"b":[]},"s",null,true,false,-1.5e3,NaN,-Infinity]},"id":"a","y":[[],[[{}]]],"z":"q"}';
    expect(decode(Breadcrumb, text)).toEqual({ id: 'a' });
  });

  it('lets the last duplicate win, including a null that clears a reference member', () => {
    expect(decode(Breadcrumb, '{"id":"a","id":"b"}')).toEqual({ id: 'b' });
    expect(decode(Breadcrumb, '{"id":"a","Id":null}')).toEqual({});
    expect(decode(ScheduleDay, '{"offset":1,"offset":2}')).toEqual({ offset: 2, dayOfWeek: 'Sunday' });
  });

  it('fills missing non-nullable value types with .NET defaults and leaves the rest absent', () => {
    expect(decode(CustomerInfo, '{}')).toEqual(CUSTOMER_DEFAULTS);
    expect(decode(Tag, '{}')).toEqual({ color: 'Magenta' });
    expect(decode(PatchCustomer, '{}')).toEqual({});
    expect(Object.keys(decode(ScheduleDay, '{"dayOfWeek":"Friday","offset":3}') as object)).toEqual(['offset', 'dayOfWeek']);
  });

  it('reads null as absent for reference and Nullable members', () => {
    expect(decode(PatchCustomer, '{"name":null,"tagIds":null,"schedule":null,"data":null,"overrideBillingSettings":null}')).toEqual({});
    expect(decode(PatchCustomer, '{"overrideBillingSettings":""}')).toEqual({});
  });

  it('keeps null list elements and null dictionary values', () => {
    expect(decode(PatchCustomer, '{"tagIds":[null,"a"]}')).toEqual({ tagIds: [null, 'a'] });
    expect(decode(CustomerInfo, '{"breadcrumb":[null]}')).toEqual({ ...CUSTOMER_DEFAULTS, breadcrumb: [null] });
    expect(decode(Struct, '{"a":null,"b":{}}')).toEqual({ a: null, b: {} });
  });

  it('reads numbers, booleans and enums in quotes', () => {
    expect(decode(ScheduleDay, '{"offset":"5","dayOfWeek":"1"}')).toEqual({ offset: 5, dayOfWeek: 'Monday' });
    expect(decode(ScheduleDay, '{"offset":" -7 "}')).toEqual({ offset: -7, dayOfWeek: 'Sunday' });
    expect(decode(BillingItem, '{"baseCost":"1.5","unitCost":" 1E+21 ","allowance":"0"}')).toEqual({
      baseCost: 1.5,
      rawUnitMultiplier: 0,
      unitCost: 1e21,
      allowance: 0,
    });
  });

  it.each([
    ['"true"', true], ['"True"', true], ['" TRUE "', true], ['"1"', true], ['"t"', true], ['"T"', true],
    ['"y"', true], ['"Y"', true], ['"on"', true], ['1', true], ['true', true],
    ['"false"', false], ['"FALSE"', false], ['"0"', false], ['"f"', false], ['"F"', false], ['"n"', false],
    ['"N"', false], ['"off"', false], ['0', false], ['false', false],
  ] as const)('reads the Boolean %s (§3.3 rule)', (text, value) => {
    expect(decode(AppSettings, `{"enableDialer":${text}}`)).toMatchObject({ enableDialer: value });
  });

  it('reads enums by name in any case, by number and by quoted number', () => {
    const color = (text: string): unknown => (decode(Tag, `{"color":${text}}`) as { color: unknown }).color;
    expect(color('"GeekBlue"')).toBe('GeekBlue');
    expect(color('"geekblue"')).toBe('GeekBlue');
    expect(color('" RED "')).toBe('Red');
    expect(color('9')).toBe('GeekBlue');
    expect(color('"10"')).toBe('Purple');
  });

  it('reads doubles bare or quoted, NaN and ±Infinity included, keeping -0', () => {
    const cost = (text: string): unknown => (decode(BillingItem, `{"baseCost":${text}}`) as { baseCost: unknown }).baseCost;
    expect(cost('NaN')).toBeNaN();
    expect(cost('Infinity')).toBe(Infinity);
    expect(cost('-Infinity')).toBe(-Infinity);
    expect(cost('"NaN"')).toBeNaN();
    expect(cost('"Infinity"')).toBe(Infinity);
    expect(cost('"-Infinity"')).toBe(-Infinity);
    expect(Object.is(cost('-0'), -0)).toBe(true);
    expect(cost('1E+21')).toBe(1e21);
    expect(cost('1.5E-07')).toBe(1.5e-7);
    expect(cost('0.30000000000000004')).toBe(0.1 + 0.2);
    expect(cost('007')).toBe(7);
    expect(cost('5e-324')).toBe(5e-324);
  });

  it('reads Int32 bounds, -0 as 0, and leading zeros', () => {
    const allowance = (text: string): unknown => (decode(BillingItem, `{"allowance":${text}}`) as { allowance: unknown }).allowance;
    expect(allowance('2147483647')).toBe(2147483647);
    expect(allowance('-2147483648')).toBe(-2147483648);
    expect(Object.is(allowance('-0'), 0)).toBe(true);
    expect(allowance('0012')).toBe(12);
  });

  it('reads a bare number or boolean into a String member as its text', () => {
    expect(decode(Breadcrumb, '{"id":12.50,"name":true}')).toEqual({ id: '12.50', name: 'true' });
  });

  it('decodes string escapes, surrogate pairs included', () => {
    expect(decode(Breadcrumb, '{"name":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\u2028"}')).toEqual({
      name: '"\\/\b\f\n\r\té😀\u2028',
    });
  });
});

describe('dictionary keys are data', () => {
  const text =
    '{"data":{"__proto__":{"stringValue":"p"},"constructor":{"numberValue":1},"toString":{"boolValue":true},"hasOwnProperty":{}},' +
    '"integrationData":{"__proto__":{"thirdPartyId":"x"},"valueOf":{}}}';

  it('keeps __proto__, constructor and toString as own entries and never touches a prototype', () => {
    const before = Object.getOwnPropertyDescriptors(Object.prototype);
    const v = decode(CustomerInfo, text) as { data: Record<string, unknown>; integrationData: Record<string, unknown> };
    expect(Object.keys(v.data)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.getPrototypeOf(v.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v.data, '__proto__')?.value).toEqual({ stringValue: 'p' });
    expect(v.data.constructor).toEqual({ numberValue: 1 });
    expect(Object.keys(v.integrationData)).toEqual(['__proto__', 'valueOf']);
    expect(Object.getPrototypeOf(v.integrationData)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).stringValue).toBeUndefined();
    expect(({} as Record<string, unknown>).thirdPartyId).toBeUndefined();
    expect(Object.getOwnPropertyDescriptors(Object.prototype)).toEqual(before);
  });

  it('round-trips them as ordinary keys', () => {
    const v = decode(CustomerInfo, text);
    const out = jsonCodec.encode(CustomerInfo, v);
    expect(out).toContain('"data":{"__proto__":{"stringValue":"p"},"constructor":{"numberValue":1},"toString":{"boolValue":true},"hasOwnProperty":{}}');
    expect(out).toContain('"integrationData":{"__proto__":{"thirdPartyId":"x"},"valueOf":{}}');
    expect(decode(CustomerInfo, out)).toEqual(v);
  });

  it('ignores a __proto__ member of a class like any unknown member', () => {
    const v = decode(Breadcrumb, '{"__proto__":{"polluted":1},"id":"a"}') as Record<string, unknown>;
    expect(v).toEqual({ id: 'a' });
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v.polluted).toBeUndefined();
  });
});

describe('decode errors', () => {
  const cases: [string, string, string, string, number, number, string][] = [
    // label, input, code, path, line, column, message
    [
      'string in an Int32 list',
      '{\n  "schedule": {\n    "rules": [{}, {},\n      {"byHour": ["x"]}]\n  }\n}',
      'type', 'schedule.rules[2].byHour[0]', 4, 19,
      'cannot decode CustomerInfo.schedule.rules[2].byHour[0] from JSON at 4:19: expected Int32, got "x"',
    ],
    [
      'fraction in an Int32',
      '{"schedule":{"rules":[{"priority":1.5}]}}',
      'type', 'schedule.rules[0].priority', 1, 35,
      'cannot decode CustomerInfo.schedule.rules[0].priority from JSON at 1:35: expected Int32, got 1.5',
    ],
    [
      'exponent in an Int32',
      '{"schedule":{"rules":[{"count":1e3}]}}',
      'type', 'schedule.rules[0].count', 1, 32,
      'cannot decode CustomerInfo.schedule.rules[0].count from JSON at 1:32: expected Int32, got 1e3',
    ],
    [
      'boolean in an Int32',
      '{"allowance":true}',
      'type', 'allowance', 1, 14,
      'cannot decode BillingItem.allowance from JSON at 1:14: expected Int32, got true',
    ],
    [
      'Int32 above the range',
      '{"allowance":2147483648}',
      'range', 'allowance', 1, 14,
      'cannot decode BillingItem.allowance from JSON at 1:14: expected Int32, got 2147483648 (outside the Int32 range)',
    ],
    [
      'Int32 below the range, quoted',
      '{"allowance":"-2147483649"}',
      'range', 'allowance', 1, 14,
      'cannot decode BillingItem.allowance from JSON at 1:14: expected Int32, got "-2147483649" (outside the Int32 range)',
    ],
    [
      'unknown enum name',
      '{"tags":[{"color":"Pink"}]}',
      'enum', 'tags[0].color', 1, 19,
      'cannot decode CustomerInfo.tags[0].color from JSON at 1:19: expected a TagColors member, got "Pink"',
    ],
    [
      // A number no member names is a value (Enum.Parse keeps it; the value model says "11");
      // one beyond the Int32 underlying type overflows Enum.Parse.
      'enum number beyond Int32',
      '{"tags":[{},{"color":2147483648}]}',
      'enum', 'tags[1].color', 1, 22,
      'cannot decode CustomerInfo.tags[1].color from JSON at 1:22: expected a TagColors member, got 2147483648',
    ],
    [
      'object where a list is expected',
      '{"tags":{"color":"Red"}}',
      'type', 'tags', 1, 9,
      'cannot decode CustomerInfo.tags from JSON at 1:9: expected List<Tag>, got an object',
    ],
    [
      'array where a class is expected',
      '{"schedule":[]}',
      'type', 'schedule', 1, 13,
      'cannot decode CustomerInfo.schedule from JSON at 1:13: expected Schedule, got an array',
    ],
    [
      'string where a dictionary is expected',
      '{"data":"x"}',
      'type', 'data', 1, 9,
      'cannot decode CustomerInfo.data from JSON at 1:9: expected Struct, got "x"',
    ],
    [
      'object in a String',
      '{"data":{"k 1":{"stringValue":{}}}}',
      'type', 'data["k 1"].stringValue', 1, 31,
      'cannot decode CustomerInfo.data["k 1"].stringValue from JSON at 1:31: expected String, got an object',
    ],
    [
      'unparsable double',
      '{"baseCost":"abc"}',
      'type', 'baseCost', 1, 13,
      'cannot decode BillingItem.baseCost from JSON at 1:13: expected Double, got "abc"',
    ],
    [
      'null for a non-nullable value type',
      '{"isStaging":null}',
      'strict', 'isStaging', 1, 14,
      'cannot decode CustomerInfo.isStaging from JSON at 1:14: expected Boolean, got null (a non-nullable value type; lenient: true keeps the .NET default)',
    ],
    [
      'null in a list of Int32',
      '{"byHour":[1,null]}',
      'strict', 'byHour[1]', 1, 14,
      'cannot decode SchedulingRule.byHour[1] from JSON at 1:14: expected Int32, got null (a non-nullable value type; lenient: true keeps the .NET default)',
    ],
    [
      'unterminated string',
      '{"id":"a",\n"name":"abc',
      'syntax', 'name', 2, 8,
      'cannot decode CustomerBreadcrumb.name from JSON at 2:8: expected a closing \'"\', got end of input (unterminated string)',
    ],
    [
      'bad escape',
      '{"name":"a\\qb"}',
      'syntax', 'name', 1, 11,
      'cannot decode CustomerBreadcrumb.name from JSON at 1:11: expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), got "\\\\q" (bad escape)',
    ],
    [
      'short \\u escape',
      '{"name":"\\u12G4"}',
      'syntax', 'name', 1, 10,
      'cannot decode CustomerBreadcrumb.name from JSON at 1:10: expected four hex digits after \\u, got "\\\\u12G4" (bad escape)',
    ],
    [
      'trailing garbage after the root',
      '{"id":"a"}\n x',
      'syntax', '', 2, 2,
      "cannot decode CustomerBreadcrumb from JSON at 2:2: expected end of input, got 'x'",
    ],
    [
      'a second root value',
      '{} {}',
      'syntax', '', 1, 4,
      "cannot decode CustomerBreadcrumb from JSON at 1:4: expected end of input, got '{'",
    ],
    [
      'missing comma',
      '{"id":"a" "name":"b"}',
      'syntax', '', 1, 11,
      "cannot decode CustomerBreadcrumb from JSON at 1:11: expected ',' or '}', got '\"'",
    ],
    [
      'missing colon',
      '{"id" "a"}',
      'syntax', '', 1, 7,
      "cannot decode CustomerBreadcrumb from JSON at 1:7: expected ':', got '\"'",
    ],
    [
      'trailing comma',
      '{"id":"a",}',
      'syntax', '', 1, 11,
      "cannot decode CustomerBreadcrumb from JSON at 1:11: expected a property name, got '}'",
    ],
    [
      'missing closing brace',
      '{"id":"a"',
      'syntax', '', 1, 10,
      "cannot decode CustomerBreadcrumb from JSON at 1:10: expected ',' or '}', got end of input",
    ],
    [
      'bracket closing a list opened with it, wrong kind',
      '{"byHour":[1,2}',
      'syntax', 'byHour', 1, 15,
      "cannot decode SchedulingRule.byHour from JSON at 1:15: expected ',' or ']', got '}'",
    ],
    [
      'unbalanced brackets inside an unknown member',
      '{"x":[1,{"a":2]]}',
      'syntax', '', 1, 15,
      "cannot decode SchedulingRule from JSON at 1:15: expected ',' or '}', got ']'",
    ],
    [
      'a word that is not JSON',
      '{"isAllDay":tru}',
      'syntax', 'isAllDay', 1, 13,
      'cannot decode SchedulingRule.isAllDay from JSON at 1:13: expected Boolean, got tru (not a JSON value)',
    ],
    [
      'a missing value',
      '{"isAllDay":}',
      'syntax', 'isAllDay', 1, 13,
      "cannot decode SchedulingRule.isAllDay from JSON at 1:13: expected Boolean, got '}'",
    ],
    [
      'an unquoted name',
      '{id:"a"}',
      'syntax', '', 1, 2,
      "cannot decode SchedulingRule from JSON at 1:2: expected a property name, got 'i'",
    ],
    ['empty input', '  ', 'syntax', '', 1, 3, 'cannot decode SchedulingRule from JSON at 1:3: expected SchedulingRule, got end of input'],
    ['null root', 'null', 'type', '', 1, 1, 'cannot decode SchedulingRule from JSON at 1:1: expected SchedulingRule, got null'],
    ['array root', '[]', 'type', '', 1, 1, 'cannot decode SchedulingRule from JSON at 1:1: expected SchedulingRule, got an array'],
  ];

  it.each(cases)('%s', (_label, input, code, path, line, column, message) => {
    const type = message.includes('CustomerBreadcrumb')
      ? Breadcrumb
      : message.includes('BillingItem')
        ? BillingItem
        : message.includes('SchedulingRule')
          ? schema.requireClass('SchedulingRule')
          : CustomerInfo;
    const e = catchDtoError(() => decode(type, input));
    expect(e.message).toBe(message);
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.direction).toBe('decode');
    expect(e.format).toBe('JSON');
  });

  it('reports expected and found separately for programs', () => {
    const e = catchDtoError(() => decode(CustomerInfo, '{"schedule":{"rules":[{},{},{"byHour":["x"]}]}}'));
    expect(e.typeName).toBe('CustomerInfo');
    expect(e.expected).toBe('Int32');
    expect(e.found).toBe('"x"');
  });

  it('rejects a bad maxDepth as a usage error', () => {
    expect(catchDtoError(() => decode(Tag, '{}', { maxDepth: 0 })).code).toBe('usage');
  });
});

describe('lenient', () => {
  it('keeps the .NET default where ServiceStack does, instead of raising', () => {
    const text = '{"isStaging":null,"overrideAppSettings":"maybe","tags":[{"color":"Pink","name":"n"}],"name":"kept"}';
    expect(decode(CustomerInfo, text, { lenient: true })).toEqual({
      ...CUSTOMER_DEFAULTS,
      tags: [{ name: 'n', color: 'Magenta' }],
      name: 'kept',
    });
  });

  it('drops a whole list or dictionary member when one element fails, as ServiceStack does', () => {
    const text = '{"byHour":[1,"x",3],"byMinute":[5],"priority":"7","flowParams":{"a":{"numberValue":"bad"},"b":{}}}';
    expect(decode(schema.requireClass('SchedulingRule'), text, { lenient: true })).toMatchObject({
      byMinute: [5],
      priority: 7,
      flowParams: { a: {}, b: {} },
    });
    expect(decode(schema.requireClass('SchedulingRule'), text, { lenient: true })).not.toHaveProperty('byHour');
    const counts = createRegistry({
      name: 'd',
      revisions: [{ id: 1, description: '' }],
      types: [classType('N', 'D', {}, { Counts: prop(t.Dictionary(t.String, t.Int32)), N: prop(t.Int32) })],
    });
    expect(decode(counts.at().requireClass('D'), '{"counts":{"a":1,"b":1.5},"n":2}', { lenient: true })).toEqual({ n: 2 });
  });

  it('keeps an earlier duplicate when a later one fails', () => {
    expect(decode(ScheduleDay, '{"offset":4,"offset":"x"}', { lenient: true })).toEqual({ offset: 4, dayOfWeek: 'Sunday' });
  });

  it('still raises malformed JSON and depth errors', () => {
    expect(catchDtoError(() => decode(ScheduleDay, '{"offset":[1,}', { lenient: true })).code).toBe('syntax');
    expect(catchDtoError(() => decode(ScheduleDay, '{"offset":"x",', { lenient: true })).code).toBe('syntax');
    expect(catchDtoError(() => decode(ScheduleDay, '{"offset":[[[1]]]}', { lenient: true, maxDepth: 2 })).code).toBe('depth');
  });
});

describe('nesting limits', () => {
  /** `{"data":{"a":{"listValue":[{"b":{"listValue":[… ` with `levels` Struct levels. */
  function deepStruct(levels: number): string {
    const open: string[] = ['{"data":'];
    const close: string[] = ['}'];
    for (let i = 0; i < levels; i++) {
      open.push('{"k":{"listValue":[');
      close.push(']}}');
    }
    return open.join('') + '{}' + close.reverse().join('');
  }

  it('counts the root object as 1 and allows exactly maxDepth levels', () => {
    // The root, then per level a Struct, a Value and a List (the first Struct is `data`),
    // then the innermost empty Struct.
    const levels = 3;
    const depth = 1 + 3 * levels + 1;
    expect(() => decode(CustomerInfo, deepStruct(levels), { maxDepth: depth })).not.toThrow();
    expect(catchDtoError(() => decode(CustomerInfo, deepStruct(levels), { maxDepth: depth - 1 })).code).toBe('depth');
    const unknown = (n: number): string => '{"x":' + '['.repeat(n) + ']'.repeat(n) + '}';
    expect(() => decode(Tag, unknown(511))).not.toThrow();
    const e = catchDtoError(() => decode(Tag, unknown(512)));
    expect(e.message).toBe('cannot decode Tag from JSON at 1:517: nesting deeper than maxDepth 512');
  });

  it('turns 10^5 nested DTO levels into a depth error, with the path to the limit', () => {
    const e = catchDtoError(() => decode(CustomerInfo, deepStruct(100_000)));
    expect(e.code).toBe('depth');
    expect(e.path!.startsWith('data.k.listValue[0].k.listValue[0].')).toBe(true);
    expect(e.line).toBe(1);
  });

  it('turns 10^5 brackets inside an unknown member into a depth error', () => {
    const text = '{"unknown":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(catchDtoError(() => decode(CustomerInfo, text)).code).toBe('depth');
    // Skipping is iterative: with the limit lifted it reads fine.
    expect(decode(CustomerInfo, text, { maxDepth: 200_000 })).toEqual(CUSTOMER_DEFAULTS);
  });

  it('turns a limit set beyond the JavaScript stack into a depth error, not a RangeError', () => {
    const e = catchDtoError(() => decode(CustomerInfo, deepStruct(100_000), { maxDepth: Infinity }));
    expect(e.code).toBe('depth');
  });

  it('stops an unterminated deep document at the limit too', () => {
    expect(catchDtoError(() => decode(CustomerInfo, '{"data":' + '{"k":{"listValue":['.repeat(100_000))).code).toBe('depth');
  });
});

describe('lenient rewinding', () => {
  it('re-skips strings with escaped quotes after the scanner has moved past them', () => {
    // The failing member is re-read from its start; its strings were already scanned once.
    const text = '{"schedule":{"rules":[{"name":"a\\"b"},{"name":"c"},5],"defaultState":"s"},"name":"n"}';
    expect(decode(CustomerInfo, text, { lenient: true })).toEqual({
      ...CUSTOMER_DEFAULTS,
      schedule: { inherit: false, forceClosed: false, defaultState: 's' },
      name: 'n',
    });
  });
});
