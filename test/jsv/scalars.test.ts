/**
 * Every .NET scalar in JSV, over the scalar zoo: the exact compact text ServiceStack.Text's
 * `TypeSerializer` writes for edge values, what its reader accepts, range/type errors with
 * paths, dictionary keys, enums, structs, the profile switches, System.Object, and round trips.
 * Each expectation names its source: a section of jsv-and-json.md ("§2.5") or the
 * ServiceStack.Text file the rule was read from (ServiceStack/ServiceStack @1d95209b,
 * ServiceStack.Text/src/ServiceStack.Text/…).
 */
import { describe, expect, it } from 'vitest';
import { classType, createRegistry, enumType, prop, t } from '../../src/index.js';
import { decodeJsv, encodeJsv } from '../../src/formats/jsv/index.js';
import { catchDtoError } from '../support/errors.js';
import { zoo } from '../support/zoo.js';
import { isoTicks, populatedEverything, utc } from '../json/zoo-values.js';

const Z = zoo.at(1);
const ScalarZoo = Z.requireClass('ScalarZoo');
const NullableZoo = Z.requireClass('NullableZoo');
const ListZoo = Z.requireClass('ListZoo');
const DictionaryZoo = Z.requireClass('DictionaryZoo');
const Everything = Z.requireClass('Everything');
const ObjectHolder = Z.requireClass('ObjectHolder');

/** The JSV text of NullableZoo.`wire` holding `value`. */
const member = (wire: string, value: unknown): string => {
  const text = encodeJsv(NullableZoo, { [wire]: value });
  const prefix = `{${wire}:`;
  if (!text.startsWith(prefix) || !text.endsWith('}')) throw new Error(`unexpected ${text}`);
  return text.slice(prefix.length, -1);
};
const read = (wire: string, text: string): unknown => (decodeJsv(NullableZoo, `{${wire}:${text}}`) as Record<string, unknown>)[wire];

describe('numbers (§2.4; JsvTypeSerializer.cs Write*: invariant ToString, unquoted)', () => {
  it.each([
    ['nullableByte', 255, '255'],
    ['nullableSByte', -128, '-128'],
    ['nullableUInt16', 65535, '65535'],
    ['nullableUInt32', 4294967295, '4294967295'],
    ['nullableInt64', -(2n ** 63n), '-9223372036854775808'],
    ['nullableInt64', 2n ** 53n + 1n, '9007199254740993'],
    ['nullableUInt64', 2n ** 64n - 1n, '18446744073709551615'],
    ['nullableSingle', 3.4028234663852886e38, '3.4028235E+38'],
    ['nullableSingle', -0, '-0'],
    ['nullableSingle', 0.1, '0.1'],
    ['nullableDouble', 1.5e-7, '1.5E-07'],
    ['nullableDecimal', '1.50', '1.50'],
    ['nullableDecimal', '-0.0000000000000000000000000001', '-0.0000000000000000000000000001'],
  ] as const)('%s %s → %s', (wire, value, text) => {
    expect(member(wire, value)).toBe(text);
    expect(encodeJsv(NullableZoo, decodeJsv(NullableZoo, `{${wire}:${text}}`))).toBe(`{${wire}:${text}}`);
  });

  it('reads Int64/UInt64 exactly and refuses out-of-range and non-integer text (DefaultMemory.cs SignedInteger)', () => {
    expect(read('nullableInt64', '9007199254740993')).toBe(9007199254740993n);
    expect(read('nullableUInt64', '" 18446744073709551615 "')).toBe(2n ** 64n - 1n);
    const cases: [string, string, string, string][] = [
      ['nullableUInt16', '70000', 'range', 'cannot decode NullableZoo.nullableUInt16 from JSV at 1:17: expected UInt16, got "70000" (outside the UInt16 range)'],
      ['nullableByte', '-1', 'range', 'cannot decode NullableZoo.nullableByte from JSV at 1:15: expected Byte, got "-1" (outside the Byte range)'],
      ['nullableInt64', '9223372036854775808', 'range', 'cannot decode NullableZoo.nullableInt64 from JSV at 1:16: expected Int64, got "9223372036854775808" (outside the Int64 range)'],
      ['nullableInt16', '1.5', 'type', 'cannot decode NullableZoo.nullableInt16 from JSV at 1:16: expected Int16, got "1.5"'],
    ];
    for (const [wire, text, code, message] of cases) {
      const e = catchDtoError(() => read(wire, text));
      expect([e.code, e.path, e.message]).toEqual([code, wire, message]);
    }
  });

  it('refuses out-of-range values on encode with the path', () => {
    for (const [wire, value] of [['nullableUInt16', 70000], ['nullableByte', -1], ['nullableInt64', 2n ** 63n], ['nullableInt64', 2 ** 53 + 2]] as const) {
      const e = catchDtoError(() => encodeJsv(NullableZoo, { [wire]: value }));
      expect([e.code, e.path, e.format]).toEqual(['range', wire, 'JSV']);
    }
  });

  it('keeps a decimal\'s scale on read, exponents and group separators included (NetCoreMemory.cs ParseDecimal)', () => {
    expect(read('nullableDecimal', '1.50')).toBe('1.50');
    expect(read('nullableDecimal', '1.5E1')).toBe('15');
    expect(read('nullableDecimal', '"1,000.50"')).toBe('1000.50');
  });
});

describe('dates, durations, Guid, bytes, Char, Uri (§2.5; DateTimeSerializer.cs ToShortestXsdDateTimeString)', () => {
  it.each([
    ['midnight: the date only', { ticks: isoTicks('2024-01-02'), kind: 'Utc' }, '2024-01-02'],
    ['MinValue', { ticks: 0n, kind: 'Unspecified' }, '0001-01-01'],
    ['Utc, whole seconds', utc('2024-01-02T03:04:05'), '2024-01-02T03:04:05Z'],
    ['Utc, a fraction: 7 digits (XsdDateTimeFormat fffffff)', utc('2024-01-02T03:04:05.678'), '2024-01-02T03:04:05.6780000Z'],
    ['Local: its offset (zzz)', { ticks: isoTicks('2024-01-02T04:04:05'), kind: 'Local', offsetMinutes: 60 }, '2024-01-02T04:04:05+01:00'],
    ['Unspecified: the host zone offset, +00:00 on a UTC host', { ticks: isoTicks('2024-01-02T03:04:05.1234567'), kind: 'Unspecified' }, '2024-01-02T03:04:05.1234567+00:00'],
    ['MaxValue', { ticks: 3_155_378_975_999_999_999n, kind: 'Utc' }, '9999-12-31T23:59:59.9999999Z'],
  ] as const)('DateTime %s', (_label, value, text) => {
    expect(member('nullableDateTime', value)).toBe(text);
  });

  it('reads DateTimes by what the text says: Z → Utc, an offset → Local, none → Unspecified', () => {
    expect(read('nullableDateTime', '2024-01-02T03:04:05.6780000Z')).toEqual(utc('2024-01-02T03:04:05.678'));
    expect(read('nullableDateTime', '2024-01-02T04:04:05+01:00')).toEqual({ ticks: isoTicks('2024-01-02T04:04:05'), kind: 'Local', offsetMinutes: 60 });
    expect(read('nullableDateTime', '2024-01-02')).toEqual({ ticks: isoTicks('2024-01-02'), kind: 'Unspecified' });
    expect(read('nullableDateTime', '"\\/Date(1704164645678)\\/"')).toEqual(utc('2024-01-02T03:04:05.678'));
    expect(catchDtoError(() => read('nullableDateTime', 'soon')).message).toBe(
      'cannot decode NullableZoo.nullableDateTime from JSV at 1:19: expected DateTime, got "soon"',
    );
  });

  it('writes a DateTimeOffset with ToString("o") and reads it back (JsvTypeSerializer.cs WriteDateTimeOffset)', () => {
    const v = { ticks: isoTicks('2024-01-02T04:04:05.678'), offsetMinutes: 60 };
    expect(member('nullableDateTimeOffset', v)).toBe('2024-01-02T04:04:05.6780000+01:00');
    expect(member('nullableDateTimeOffset', { ticks: 0n, offsetMinutes: 0 })).toBe('0001-01-01T00:00:00.0000000+00:00');
    expect(read('nullableDateTimeOffset', '2024-01-02T04:04:05.6780000+01:00')).toEqual(v);
  });

  it.each([
    [0n, 'PT0S'],
    [54_000_000_000n, 'PT1H30M'],
    [936_000_000_000n, 'P1DT2H'],
    [-15_000_000n, '-PT1.5S'],
    [1n, 'PT0.0000001S'],
    [2n ** 63n - 1n, 'P10675199DT2H48M5.4775391S'],
  ] as const)('TimeSpan %s ticks → %s (TimeSpanConverter.cs ToXsdDuration)', (ticks, text) => {
    expect(member('nullableTimeSpan', { ticks })).toBe(text);
    expect(read('nullableTimeSpan', text)).toEqual({ ticks });
  });

  it('writes Guid N, Char, base64 and Uri as the server does (WriteGuid, WriteChar, WriteBytes, WriteObjectString)', () => {
    expect(member('nullableGuid', '0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5bd9cb469fa16570867728950e');
    expect(member('nullableChar', 'x')).toBe('x');
    expect(encodeJsv(ScalarZoo, { bytesValue: new Uint8Array([1, 2, 3]), uriValue: 'https://example.org/a' })).toContain(
      'bytesValue:AQID,uriValue:"https://example.org/a"',
    );
    expect(read('nullableGuid', '{0f8fad5b-d9cb-469f-a165-70867728950e}')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect((decodeJsv(ScalarZoo, '{bytesValue:AQID,charValue:x}') as Record<string, unknown>).bytesValue).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('shows the losses the server\'s JSV imposes', () => {
    // An empty Byte[] is written as nothing (Convert.ToBase64String gives ""), which reads as null.
    const empty = encodeJsv(ScalarZoo, { bytesValue: new Uint8Array() });
    expect(empty.endsWith(',bytesValue:}')).toBe(true);
    expect(decodeJsv(ScalarZoo, empty)).not.toHaveProperty('bytesValue');
    // A Char is written raw: a ',' ends the value early and the document no longer parses as written.
    expect(encodeJsv(NullableZoo, { nullableChar: ',' })).toBe('{nullableChar:,}');
    // Midnight drops the Kind; an Unspecified time comes back as Local +00:00.
    expect(read('nullableDateTime', member('nullableDateTime', { ticks: isoTicks('2024-01-02'), kind: 'Utc' }))).toMatchObject({ kind: 'Unspecified' });
    expect(read('nullableDateTime', member('nullableDateTime', { ticks: isoTicks('2024-01-02T01:00:00'), kind: 'Unspecified' }))).toEqual({
      ticks: isoTicks('2024-01-02T01:00:00'),
      kind: 'Local',
      offsetMinutes: 0,
    });
  });
});

describe('lists, dictionary keys and values (§2.6, §2.7)', () => {
  it('writes lists of each scalar with the element writer', () => {
    expect(encodeJsv(ListZoo, { int64List: [1n, 2n ** 60n], guidList: ['0f8fad5b-d9cb-469f-a165-70867728950e'], timeSpanList: [{ ticks: 0n }] })).toBe(
      '{int64List:[1,1152921504606846976],timeSpanList:[PT0S],guidList:[0f8fad5bd9cb469fa16570867728950e]}',
    );
    const e = catchDtoError(() => encodeJsv(ListZoo, { sByteList: [1, 128] }));
    expect([e.code, e.path]).toEqual(['range', 'sByteList[1]']);
  });

  it('writes each key with its type\'s writer and reads it back to the canonical key text', () => {
    const v = {
      int32Keys: { '-1': 'a' },
      int64Keys: { '9007199254740993': 'b' },
      guidKeys: { '0f8fad5b-d9cb-469f-a165-70867728950e': 'c' },
      booleanKeys: { True: 'd', False: 'e' },
      dateTimeKeys: { '2024-01-02T00:00:00.0000000Z': 'f' },
    };
    const text = encodeJsv(DictionaryZoo, v);
    expect(text).toBe(
      '{int32Keys:{-1:a},int64Keys:{9007199254740993:b},guidKeys:{0f8fad5bd9cb469fa16570867728950e:c},booleanKeys:{True:d,False:e},dateTimeKeys:{2024-01-02:f}}',
    );
    // Midnight keys lose their Kind (see above), so the key comes back Unspecified.
    expect(decodeJsv(DictionaryZoo, text)).toEqual({ ...v, dateTimeKeys: { '2024-01-02T00:00:00.0000000': 'f' } });
  });

  it('writes a DateTime key with a time of day unquoted, as the server does, which no JSV reader can take back', () => {
    const text = encodeJsv(DictionaryZoo, { dateTimeKeys: { '2024-01-02T03:04:05.0000000Z': 'f' } });
    expect(text).toBe('{dateTimeKeys:{2024-01-02T03:04:05Z:f}}');
    expect(catchDtoError(() => decodeJsv(DictionaryZoo, text)).expected).toBe('a DateTime key');
  });

  it('writes dictionary values of each scalar, null ones omitted', () => {
    expect(encodeJsv(DictionaryZoo, { uInt64Values: { a: 1n, b: null }, dateTimeOffsetValues: { z: { ticks: 0n, offsetMinutes: 0 } } })).toBe(
      '{uInt64Values:{a:1},dateTimeOffsetValues:{z:0001-01-01T00:00:00.0000000+00:00}}',
    );
  });
});

describe('enums (CachedTypeInfo.cs EnumInfo, JsWriter.cs WriteEnumFlags)', () => {
  it('writes names raw, [EnumMember] texts, numbers for isInt and flags, unnamed values as numbers', () => {
    const text = encodeJsv(Everything, { priority: 'High', permissions: 'Read, Write', mood: 'Happy', color: '42' });
    expect(text).toContain('priority:30,permissions:3,mood:happy-face,color:42');
  });

  it('reads names, [EnumMember] texts, numbers and flag lists in any case', () => {
    expect(decodeJsv(Everything, '{priority:high,permissions:"Read, Execute",mood:happy-face,color:2}')).toMatchObject({
      priority: 'High',
      permissions: 'Read, Execute',
      mood: 'Happy',
      color: 'Blue',
    });
    expect(decodeJsv(Everything, '{permissions:6}')).toMatchObject({ permissions: 'Write, Execute' });
    expect(decodeJsv(Everything, '{color:42}')).toMatchObject({ color: '42' });
    expect(catchDtoError(() => decodeJsv(Everything, '{color:Purple}')).code).toBe('enum');
  });
});

describe('structs, profile switches, System.Object, class instances', () => {
  it('writes a missing struct as its default; reads a missing one as a default instance; refuses null', () => {
    expect(encodeJsv(Everything, {})).toContain('where:{x:0,y:0}');
    expect(decodeJsv(Everything, '{}')).toMatchObject({ where: { x: 0, y: 0 } });
    expect(catchDtoError(() => decodeJsv(Everything, '{where:null}')).code).toBe('type');
    expect(decodeJsv(Everything, '{maybeWhere:{x:1}}')).toMatchObject({ maybeWhere: { x: 1, y: 0 } });
  });

  const C = (profile: object): ReturnType<ReturnType<typeof createRegistry>['at']>['requireClass'] extends (n: string) => infer R ? R : never =>
    createRegistry(
      {
        name: 'p',
        revisions: [{ id: 1, description: '' }],
        types: [
          enumType('P', 'E', { A: 0 }),
          classType('P', 'C', {}, { Count: prop(t.Int32), Name: prop(t.String), Kind: prop(t.ref('E')), When: prop(t.DateTime) }),
        ],
      },
      { profile },
    ).at(1).requireClass('C');

  it('excludeDefaultValues omits defaults but not enums; includeNullValues never writes nulls in JSV (JsvTypeSerializer.IncludeNullValues is false)', () => {
    expect(encodeJsv(C({ excludeDefaultValues: true }), { count: 0, when: { ticks: 0n, kind: 'Utc' } })).toBe('{kind:A}');
    expect(encodeJsv(C({ includeNullValues: true }), {})).toBe('{count:0,kind:A,when:0001-01-01}');
  });

  it('refuses a System.Object member, naming it and the format', () => {
    const e = catchDtoError(() => encodeJsv(ObjectHolder, {}));
    expect([e.code, e.path, e.format, e.direction]).toEqual(['unsupported', 'anything', 'JSV', 'encode']);
    const d = catchDtoError(() => decodeJsv(ObjectHolder, '{anything:1}'));
    expect([d.code, d.path, d.format, d.direction]).toEqual(['unsupported', 'anything', 'JSV', 'decode']);
  });

  it('encodes class instances by their own data properties', () => {
    class GetZoo {
      id?: bigint;
      filter?: string;
      constructor(init?: Partial<GetZoo>) {
        Object.assign(this, init);
      }
      getTypeName(): string {
        return 'GetZoo';
      }
    }
    expect(encodeJsv(Z.requireClass('GetZoo'), new GetZoo({ id: 5n, filter: 'a,b' }))).toBe('{id:5,filter:"a,b"}');
  });
});

describe('round trips', () => {
  it('Everything with populated values comes back equal, byte for byte on a second trip', () => {
    const v = populatedEverything();
    const text = encodeJsv(Everything, v);
    expect(decodeJsv(Everything, text)).toEqual(v);
    expect(encodeJsv(Everything, decodeJsv(Everything, text))).toBe(text);
  });
});
