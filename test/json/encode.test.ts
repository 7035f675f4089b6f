/** The JSON writer, rule by rule (jsv-and-json.md §6.1, §2.1, §2.4). */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { jsonCodec, jsonEncodeDefaults, quoteJsonString } from '../../src/formats/json/index.js';
import { classType, enumType, prop, t } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { catchDtoError } from './helpers.js';
import { DOTNET_DOUBLE_TEXT } from '../support/spec-tables.js';

const schema = evoVoice.at(2);
const CustomerInfo = schema.requireClass('CustomerInfo');
const BillingItem = schema.requireClass('BillingItem');
const Breadcrumb = schema.requireClass('CustomerBreadcrumb');
const Tag = schema.requireClass('Tag');
const SchedulingRule = schema.requireClass('SchedulingRule');
const ScheduleDay = schema.requireClass('ScheduleDay');
const Struct = schema.requireClass('Struct');
const Value = schema.requireClass('Value');
const PatchCustomer = schema.requireClass('PatchCustomer');
const encode = jsonCodec.encode.bind(jsonCodec);

describe('codec', () => {
  it('declares its name, media types and extension', () => {
    expect(jsonCodec.name).toBe('json');
    expect(jsonCodec.label).toBe('JSON');
    expect(jsonCodec.mediaTypes).toEqual(['application/json', 'text/json']);
    expect(jsonCodec.extensions).toEqual(['.json']);
    expect(Object.isFrozen(jsonEncodeDefaults)).toBe(true);
    expect(jsonEncodeDefaults).toEqual({ nonFinite: 'bare', dateHandler: 'timestampOffset', pretty: false, newline: '\n' });
  });

  it('sniffs JSON from the first tokens', () => {
    expect(jsonCodec.sniff!('\uFEFF  {\n "accountId": 1}').score).toBeGreaterThan(0.9);
    expect(jsonCodec.sniff!('{accountId:1}').score).toBeLessThan(0.1);
    expect(jsonCodec.sniff!('<CustomerInfo/>').score).toBe(0);
  });
});

describe('doubles (§2.4 table)', () => {
  const table = DOTNET_DOUBLE_TEXT.map(([v, text]) => [v, text] as [number, string]);
  it.each(table)('%s → %s', (x, text) => {
    expect(encode(BillingItem, { baseCost: x })).toBe(
      `{"baseCost":${text},"rawUnitMultiplier":0,"unitCost":0,"allowance":0}`,
    );
  });

  it("nonFinite: 'string' quotes NaN and ±Infinity only, giving strict JSON", () => {
    const v = { baseCost: NaN, rawUnitMultiplier: Infinity, unitCost: -Infinity, allowance: 1 };
    const out = encode(BillingItem, v, { nonFinite: 'string' });
    expect(out).toBe('{"baseCost":"NaN","rawUnitMultiplier":"Infinity","unitCost":"-Infinity","allowance":1}');
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    expect(jsonCodec.decode(BillingItem, out)).toEqual(v);
    expect(encode(BillingItem, { baseCost: 1e21 }, { nonFinite: 'string' })).toContain('"baseCost":1E+21,');
    // The default writes them bare, as ServiceStack does.
    expect(encode(BillingItem, v)).toBe('{"baseCost":NaN,"rawUnitMultiplier":Infinity,"unitCost":-Infinity,"allowance":1}');
  });
});

describe('strings (§6.1 escaping)', () => {
  const table: [string, string, string][] = [
    ['quote', 'a"b', '"a\\"b"'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['newline', 'a\nb', '"a\\nb"'],
    ['carriage return', 'a\rb', '"a\\rb"'],
    ['tab', 'a\tb', '"a\\tb"'],
    ['form feed', 'a\fb', '"a\\fb"'],
    ['backspace', 'a\bb', '"a\\bb"'],
    ['NUL', '\u0000', '"\\u0000"'],
    ['U+001F', '\u001f', '"\\u001F"'],
    ['U+001B (upper-case hex)', '\u001b', '"\\u001B"'],
    ['DEL', '\u007f', '"\\u007F"'],
    ['NEL', '\u0085', '"\\u0085"'],
    ['U+009F', '\u009f', '"\\u009F"'],
    ['U+00A0 raw', '\u00a0', '"\u00a0"'],
    ['U+2028 raw', '\u2028', '"\u2028"'],
    ['U+2029 raw', '\u2029', '"\u2029"'],
    ['emoji raw', '😀', '"😀"'],
    ['non-ASCII raw', 'café 中', '"café 中"'],
    ['slash raw', 'a/b', '"a/b"'],
    ['HTML characters raw', `<>&'=`, `"<>&'="`],
    ['lone surrogate raw', '\ud800x', '"\ud800x"'],
    ['empty', '', '""'],
    ['mixed', 'x"\n\u0001y', '"x\\"\\n\\u0001y"'],
  ];
  it.each(table)('%s', (_label, s, text) => {
    expect(quoteJsonString(s)).toBe(text);
    expect(encode(Breadcrumb, { name: s })).toBe(`{"name":${text}}`);
    expect(jsonCodec.decode(Breadcrumb, `{"name":${text}}`)).toEqual({ name: s });
  });

  it('escapes dictionary keys the same way', () => {
    expect(encode(Struct, { 'a"\n\u0085': { stringValue: 'x' } })).toBe('{"a\\"\\n\\u0085":{"stringValue":"x"}}');
  });
});

describe('objects', () => {
  it('writes derived members first and the base (EntityInfo) members last', () => {
    const v: Record<string, unknown> = {};
    for (const p of [...CustomerInfo.properties].reverse()) {
      if (p.type.kind === 'scalar' && p.type.name === 'String') v[p.wireName] = p.name;
    }
    const keys = Object.keys(JSON.parse(encode(CustomerInfo, v)) as object);
    expect(keys).toEqual([
      'accountId', 'parentCustomerId', 'accountName', 'isStaging', 'name', 'referenceId',
      'overrideBillingSettings', 'overrideAppSettings',
      'id', 'dateCreated', 'dateLastModified', 'createdBy', 'lastModifiedBy',
    ]);
  });

  it('omits null and undefined members', () => {
    expect(encode(Breadcrumb, { id: null, name: undefined })).toBe('{}');
    expect(encode(PatchCustomer, { customerId: 'c', overrideBillingSettings: null })).toBe('{"customerId":"c"}');
    expect(encode(PatchCustomer, { overrideBillingSettings: false, overrideAppSettings: true })).toBe(
      '{"overrideBillingSettings":false,"overrideAppSettings":true}',
    );
  });

  it('writes missing non-nullable value types as their .NET defaults, enums by name', () => {
    expect(encode(CustomerInfo, {})).toBe('{"isStaging":false,"overrideBillingSettings":false,"overrideAppSettings":false}');
    expect(encode(Tag, {})).toBe('{"color":"Magenta"}');
    expect(encode(ScheduleDay, { dayOfWeek: null })).toBe('{"offset":0,"dayOfWeek":"Sunday"}');
    expect(encode(SchedulingRule, {})).toBe(
      '{"priority":0,"simpleRuleType":"Always","isAllDay":false,"interval":0,"count":0,"frequency":"None"}',
    );
  });

  it('writes enums as quoted member names', () => {
    expect(encode(Tag, { color: 'GeekBlue' })).toBe('{"color":"GeekBlue"}');
    expect(encode(ScheduleDay, { offset: -1, dayOfWeek: 'Saturday' })).toBe('{"offset":-1,"dayOfWeek":"Saturday"}');
  });

  it('writes Int32 -0 as 0 and booleans as true/false', () => {
    expect(encode(ScheduleDay, { offset: -0 })).toBe('{"offset":0,"dayOfWeek":"Sunday"}');
    expect(encode(Value, { boolValue: true })).toBe('{"boolValue":true}');
  });

  it('ignores members the type does not declare', () => {
    expect(encode(Breadcrumb, { id: 'a', extra: 1 })).toBe('{"id":"a"}');
  });

  it('reads a member named like an Object.prototype property only as an own property', () => {
    const reg = createRegistry({
      name: 'proto',
      revisions: [{ id: 1, description: '' }],
      types: [classType('N', 'P', {}, { Constructor: prop(t.String), ToString: prop(t.Int32) })],
    });
    const P = reg.at().requireClass('P');
    expect(encode(P, {})).toBe('{"toString":0}');
    expect(encode(P, { constructor: 'c', toString: 5 })).toBe('{"constructor":"c","toString":5}');
  });
});

describe('dictionaries and lists', () => {
  it('writes Struct as an object and omits null values', () => {
    expect(encode(Struct, { a: { stringValue: 'x' }, b: null, c: undefined, d: {} })).toBe('{"a":{"stringValue":"x"},"d":{}}');
    expect(encode(Struct, {})).toBe('{}');
    expect(encode(Struct, { a: null })).toBe('{}');
  });

  it('writes null list elements by element kind (§6.1)', () => {
    expect(encode(Value, { listValue: [null, {}, undefined] })).toBe('{"listValue":[null,{},null]}');
    expect(encode(CustomerInfo, { breadcrumb: [null, { id: 'a' }] })).toContain('"breadcrumb":[{},{"id":"a"}]');
    expect(encode(PatchCustomer, { tagIds: [null, 'x'] })).toBe('{"tagIds":[null,"x"]}');
    expect(encode(Value, { listValue: [] })).toBe('{"listValue":[]}');
  });

  const reg = createRegistry({
    name: 'nested',
    revisions: [{ id: 1, description: '' }],
    types: [
      enumType('N', 'E', { A: 0, B: 1 }),
      classType('N', 'C', {}, {
        Lists: prop(t.List(t.List(t.Int32))),
        Maps: prop(t.List(t.Dictionary(t.String, t.String))),
        Maybe: prop(t.List(t.Nullable(t.Int32))),
        Enums: prop(t.List(t.Nullable(t.ref('E')))),
        Counts: prop(t.Dictionary(t.String, t.Int32)),
        ByNumber: prop(t.Dictionary(t.Int32, t.String)),
      }),
    ],
  });
  const C = reg.at().requireClass('C');

  it('writes a null nested list as null (ServiceStack writes nothing, which is not JSON)', () => {
    const v = { lists: [[1], null, []] };
    expect(encode(C, v)).toBe('{"lists":[[1],null,[]]}');
    expect(jsonCodec.decode(C, encode(C, v))).toEqual(v);
  });

  it('writes null dictionary and nullable elements as null', () => {
    const v = { maps: [null, { a: 'b', n: null }], maybe: [1, null], enums: [null, 'B'] };
    expect(encode(C, v)).toBe('{"maps":[null,{"a":"b"}],"maybe":[1,null],"enums":[null,"B"]}');
  });

  it('writes dictionary values of value types and numeric keys quoted', () => {
    expect(encode(C, { counts: { a: 1, b: 0 }, byNumber: { 1: 'x', 22: 'y' } })).toBe(
      '{"counts":{"a":1,"b":0},"byNumber":{"1":"x","22":"y"}}',
    );
  });

  it('refuses a null in a list of a non-nullable value type', () => {
    const e = catchDtoError(() => encode(C, { lists: [[1, null]] }));
    expect(e.message).toBe('cannot encode C.lists[0][1] to JSON: expected Int32, got null');
    expect(e.code).toBe('type');
  });
});

describe('pretty (display only)', () => {
  const v = {
    accountId: 'a:b,{c}',
    breadcrumb: [],
    tags: [{ name: 'x "y" [z]', color: 'Red' }],
    data: { k: { listValue: [{}], structValue: {} } },
  };
  it('indents with two spaces like JSON.stringify(v, null, 2)', () => {
    const compact = encode(CustomerInfo, v);
    const pretty = encode(CustomerInfo, v, { pretty: true });
    expect(pretty).toBe(JSON.stringify(JSON.parse(compact), null, 2));
    expect(jsonCodec.decode(CustomerInfo, pretty)).toEqual(jsonCodec.decode(CustomerInfo, compact));
  });

  it('uses the newline option', () => {
    const pretty = encode(Breadcrumb, { id: 'a', name: 'b' }, { pretty: true, newline: '\r\n' });
    expect(pretty).toBe('{\r\n  "id": "a",\r\n  "name": "b"\r\n}');
    expect(encode(Breadcrumb, {}, { pretty: true })).toBe('{}');
  });

  it('keeps strings with escaped quotes and backslashes intact', () => {
    const name = 'a\\", "b\\\\';
    const pretty = encode(Breadcrumb, { name }, { pretty: true });
    expect(JSON.parse(pretty)).toEqual({ name });
  });
});

describe('encode errors', () => {
  const cases: [string, () => string, string, string, string][] = [
    [
      'string in an Int32',
      () => encode(CustomerInfo, { schedule: { rules: [{}, {}, { byHour: [1, '2'] }] } }),
      'type',
      'schedule.rules[2].byHour[1]',
      'cannot encode CustomerInfo.schedule.rules[2].byHour[1] to JSON: expected Int32, got "2"',
    ],
    [
      'non-integer Int32',
      () => encode(CustomerInfo, { schedule: { rules: [{ priority: 1.5 }] } }),
      'type',
      'schedule.rules[0].priority',
      'cannot encode CustomerInfo.schedule.rules[0].priority to JSON: expected Int32, got 1.5',
    ],
    [
      'out-of-range Int32',
      () => encode(BillingItem, { allowance: 2 ** 31 }),
      'range',
      'allowance',
      'cannot encode BillingItem.allowance to JSON: expected Int32, got 2147483648 (outside the Int32 range)',
    ],
    [
      'unknown enum name',
      () => encode(CustomerInfo, { tags: [{ color: 'Pink' }] }),
      'enum',
      'tags[0].color',
      'cannot encode CustomerInfo.tags[0].color to JSON: expected a TagColors member, got "Pink"',
    ],
    [
      // The value model (CONTRIBUTING) now takes an enum's number too: a Boolean is still no member.
      'enum given as a Boolean',
      () => encode(Tag, { color: true }),
      'type',
      'color',
      'cannot encode Tag.color to JSON: expected a TagColors member name, got true',
    ],
    [
      'non-object for a class',
      () => encode(CustomerInfo, { schedule: 'soon' }),
      'type',
      'schedule',
      'cannot encode CustomerInfo.schedule to JSON: expected Schedule, got "soon"',
    ],
    [
      'object for a list',
      () => encode(CustomerInfo, { breadcrumb: {} }),
      'type',
      'breadcrumb',
      'cannot encode CustomerInfo.breadcrumb to JSON: expected List<CustomerBreadcrumb>, got an object',
    ],
    [
      'array for a dictionary',
      () => encode(CustomerInfo, { data: [] }),
      'type',
      'data',
      'cannot encode CustomerInfo.data to JSON: expected Struct, got an array',
    ],
    [
      'number in a String, inside a dictionary',
      () => encode(CustomerInfo, { data: { 'my key': { stringValue: 5 } } }),
      'type',
      'data["my key"].stringValue',
      'cannot encode CustomerInfo.data["my key"].stringValue to JSON: expected String, got 5',
    ],
    [
      'string in a Boolean',
      () => encode(CustomerInfo, { isStaging: 'true' }),
      'type',
      'isStaging',
      'cannot encode CustomerInfo.isStaging to JSON: expected Boolean, got "true"',
    ],
    [
      'string in a Double',
      () => encode(BillingItem, { unitCost: '1' }),
      'type',
      'unitCost',
      'cannot encode BillingItem.unitCost to JSON: expected Double, got "1"',
    ],
    ['null root', () => encode(CustomerInfo, null), 'type', '', 'cannot encode CustomerInfo to JSON: expected CustomerInfo, got null'],
  ];
  it.each(cases)('%s', (_label, f, code, path, message) => {
    const e = catchDtoError(f);
    expect(e.message).toBe(message);
    expect(e.code).toBe(code);
    expect(e.path).toBe(path);
    expect(e.direction).toBe('encode');
    expect(e.format).toBe('JSON');
  });

  it('turns a cyclic value into a depth error, not a RangeError', () => {
    const s: Record<string, unknown> = {};
    s.k = { structValue: s };
    const e = catchDtoError(() => encode(Struct, s));
    expect(e.code).toBe('depth');
  });

  it('rejects unknown option values as usage errors', () => {
    expect(catchDtoError(() => encode(Tag, {}, { nonFinite: 'null' as 'bare' })).code).toBe('usage');
  });
});
