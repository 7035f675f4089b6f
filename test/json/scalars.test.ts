/**
 * Every .NET scalar in JSON, over the scalar zoo: the exact text a ServiceStack.Text host on
 * .NET Core writes for edge values, what its reader accepts, range/type errors with paths,
 * dictionary keys, enums, structs, the profile switches, System.Object, and round trips.
 * Each expectation names its source: a section of jsv-and-json.md ("§6.1") or the
 * ServiceStack.Text file the rule was read from (ServiceStack/ServiceStack @1d95209b,
 * ServiceStack.Text/src/ServiceStack.Text/…).
 */
import { describe, expect, it } from 'vitest';
import { createRegistry, classType, enumType, prop, t } from '../../src/index.js';
import { decodeJson, encodeJson } from '../../src/formats/json/index.js';
import type { ClassDescriptor } from '../../src/schema/descriptors.js';
import { catchDtoError } from '../support/errors.js';
import { zoo } from '../support/zoo.js';
import { isoTicks, populatedEverything, utc } from './zoo-values.js';

const Z = zoo.at(1);
const ScalarZoo = Z.requireClass('ScalarZoo');
const NullableZoo = Z.requireClass('NullableZoo');
const ListZoo = Z.requireClass('ListZoo');
const DictionaryZoo = Z.requireClass('DictionaryZoo');
const Everything = Z.requireClass('Everything');
const ObjectHolder = Z.requireClass('ObjectHolder');

/** The JSON of a ScalarZoo holding only `member` (every other value-type member at its default is written too). */
const member = (wire: string, value: unknown): string => {
  const text = encodeJson(NullableZoo, { [wire]: value });
  const m = /^\{"[^"]+":(.*)\}$/s.exec(text);
  if (!m) throw new Error(`unexpected ${text}`);
  return m[1]!;
};
/** The value decoded from `text` for NullableZoo.`wire`. */
const read = (wire: string, text: string): unknown => (decodeJson(NullableZoo, `{"${wire}":${text}}`) as Record<string, unknown>)[wire];

describe('integers (§2.4, §6.1; JsonTypeSerializer.cs Write* write the number bare)', () => {
  it.each([
    ['nullableByte', 0, '0'],
    ['nullableByte', 255, '255'],
    ['nullableSByte', -128, '-128'],
    ['nullableSByte', 127, '127'],
    ['nullableInt16', -32768, '-32768'],
    ['nullableUInt16', 65535, '65535'],
    ['nullableInt32', -2147483648, '-2147483648'],
    ['nullableUInt32', 4294967295, '4294967295'],
    ['nullableInt64', -(2n ** 63n), '-9223372036854775808'],
    ['nullableInt64', 2n ** 63n - 1n, '9223372036854775807'],
    ['nullableInt64', 2n ** 53n + 1n, '9007199254740993'],
    ['nullableInt64', '9007199254740993', '9007199254740993'],
    ['nullableInt64', -0, '0'],
    ['nullableUInt64', 2n ** 64n - 1n, '18446744073709551615'],
  ] as const)('%s %s → %s', (wire, value, text) => {
    expect(member(wire, value)).toBe(text);
  });

  it('reads them back exactly, Int64/UInt64 as bigint beyond 2^53, bare or quoted (§6.2)', () => {
    expect(read('nullableInt64', '9007199254740993')).toBe(9007199254740993n);
    expect(read('nullableInt64', '"-9223372036854775808"')).toBe(-(2n ** 63n));
    expect(read('nullableUInt64', '18446744073709551615')).toBe(2n ** 64n - 1n);
    expect(read('nullableByte', '" 7 "')).toBe(7);
    expect(read('nullableUInt16', '007')).toBe(7);
  });

  it.each([
    // DefaultMemory.cs SignedInteger/UnsignedInteger: range-checked, no point, no exponent.
    ['nullableUInt16', '70000', 'range', 'expected UInt16, got 70000 (outside the UInt16 range)'],
    ['nullableByte', '-1', 'range', 'expected Byte, got -1 (outside the Byte range)'],
    ['nullableInt64', '9223372036854775808', 'range', 'expected Int64, got 9223372036854775808 (outside the Int64 range)'],
    ['nullableUInt64', '-1', 'range', 'expected UInt64, got -1 (outside the UInt64 range)'],
    ['nullableInt16', '1.0', 'type', 'expected Int16, got 1.0'],
    ['nullableInt64', '1e3', 'type', 'expected Int64, got 1e3'],
    ['nullableSByte', '"+1"', 'type', 'expected SByte, got "+1"'],
  ] as const)('refuses %s %s (%s)', (wire, text, code, message) => {
    const e = catchDtoError(() => read(wire, text));
    expect(e.code).toBe(code);
    expect(e.path).toBe(wire);
    expect(e.message).toBe(`cannot decode NullableZoo.${wire} from JSON at 1:${wire.length + 5}: ${message}`);
  });

  it('takes the value model\'s other integer inputs: a bigint for Int32, a digit string for UInt64', () => {
    expect(encodeJson(ScalarZoo, { int32Value: -5n, uInt64Value: '18446744073709551615' })).toContain('"int32Value":-5,');
    expect(encodeJson(ScalarZoo, { uInt64Value: '18446744073709551615' })).toContain('"uInt64Value":18446744073709551615');
    expect(catchDtoError(() => encodeJson(ScalarZoo, { int32Value: 2n ** 31n })).message).toBe(
      'cannot encode ScalarZoo.int32Value to JSON: expected Int32, got 2147483648 (outside the Int32 range)',
    );
  });

  it.each([
    ['nullableUInt16', 70000, 'range', 'cannot encode NullableZoo.nullableUInt16 to JSON: expected UInt16, got 70000 (outside the UInt16 range)'],
    ['nullableByte', -1, 'range', 'cannot encode NullableZoo.nullableByte to JSON: expected Byte, got -1 (outside the Byte range)'],
    ['nullableInt64', 2n ** 63n, 'range', 'cannot encode NullableZoo.nullableInt64 to JSON: expected Int64, got 9223372036854775808 (outside the Int64 range)'],
    ['nullableInt64', 2 ** 53 + 2, 'range', 'cannot encode NullableZoo.nullableInt64 to JSON: expected Int64, got 9007199254740994 (not a safe integer; pass a bigint)'],
    ['nullableInt16', 1.5, 'type', 'cannot encode NullableZoo.nullableInt16 to JSON: expected Int16, got 1.5'],
  ] as const)('encoding %s %s is a %s error', (wire, value, code, message) => {
    const e = catchDtoError(() => encodeJson(NullableZoo, { [wire]: value }));
    expect([e.code, e.path, e.message]).toEqual([code, wire, message]);
  });
});

describe('Single, Double, Decimal (§2.4; JsonTypeSerializer.cs WriteFloat "r", WriteDecimal ToString(Invariant))', () => {
  it.each([
    ['nullableSingle', 0, '0'],
    ['nullableSingle', -0, '-0'],
    ['nullableSingle', 0.1, '0.1'],
    ['nullableSingle', 3.4028234663852886e38, '3.4028235E+38'],
    ['nullableSingle', 1e9, '1E+09'],
    ['nullableSingle', 16777217, '16777216'],
    ['nullableSingle', 1.401298464324817e-45, '1E-45'],
    ['nullableSingle', NaN, 'NaN'],
    ['nullableDouble', 2 ** 53 + 2, '9007199254740994'],
    ['nullableDouble', 1e17, '1E+17'],
    ['nullableDouble', -Infinity, '-Infinity'],
    ['nullableDecimal', '1.50', '1.50'],
    ['nullableDecimal', '0', '0'],
    ['nullableDecimal', '-0.001', '-0.001'],
    ['nullableDecimal', '0.0000000000000000000000000001', '0.0000000000000000000000000001'],
    ['nullableDecimal', '79228162514264337593543950335', '79228162514264337593543950335'],
    ['nullableDecimal', 0.1, '0.1'],
  ] as const)('%s %s → %s', (wire, value, text) => {
    expect(member(wire, value)).toBe(text);
  });

  it('keeps a decimal\'s scale and reads exponents and quotes (NetCoreMemory.cs ParseDecimal: Float | AllowThousands)', () => {
    expect(read('nullableDecimal', '1.50')).toBe('1.50');
    expect(read('nullableDecimal', '"1.5E1"')).toBe('15');
    expect(read('nullableDecimal', '15E-1')).toBe('1.5');
    expect(read('nullableDecimal', '"1,000.5"')).toBe('1000.5');
    expect(catchDtoError(() => read('nullableDecimal', '79228162514264337593543950336')).code).toBe('range');
  });

  it('reads a Single rounded to float32, NaN quoted or bare', () => {
    expect(read('nullableSingle', '0.1')).toBe(Math.fround(0.1));
    expect(read('nullableSingle', '"NaN"')).toBeNaN();
    expect(encodeJson(NullableZoo, { nullableSingle: Infinity }, { nonFinite: 'string' })).toBe('{"nullableSingle":"Infinity"}');
  });
});

describe('Char, Guid, Byte[], Uri, String (§6.1; WriteChar, WriteGuid "N", WriteBytes base64)', () => {
  it.each([
    ['nullableChar', 'a', '"a"'],
    ['nullableChar', '\u0000', '"\\u0000"'],
    ['nullableChar', '"', '"\\""'],
    ['nullableGuid', '0F8FAD5B-D9CB-469F-A165-70867728950E', '"0f8fad5bd9cb469fa16570867728950e"'],
    ['nullableGuid', '{0f8fad5b-d9cb-469f-a165-70867728950e}', '"0f8fad5bd9cb469fa16570867728950e"'],
    ['nullableGuid', '00000000000000000000000000000000', '"00000000000000000000000000000000"'],
  ] as const)('%s %j → %s', (wire, value, text) => {
    expect(member(wire, value)).toBe(text);
  });

  it('writes Byte[] as base64 (empty as "") and Uri as a string', () => {
    expect(encodeJson(ScalarZoo, { bytesValue: new Uint8Array([1, 2, 3]), uriValue: 'https://example.org/a?b=c' })).toContain(
      '"bytesValue":"AQID","uriValue":"https://example.org/a?b=c"',
    );
    expect(encodeJson(ScalarZoo, { bytesValue: [] })).toContain('"bytesValue":""');
    expect(encodeJson(ScalarZoo, { bytesValue: new Uint8Array([255, 254]).buffer })).toContain('"bytesValue":"//4="');
  });

  it('reads Guids in every .NET form and Char/Byte[] back (DeserializeBuiltin.cs; Guid.Parse)', () => {
    const d = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const text of ['"0f8fad5bd9cb469fa16570867728950e"', `"${d.toUpperCase()}"`, `"{${d}}"`, `"(${d})"`]) {
      expect(read('nullableGuid', text)).toBe(d);
    }
    expect(read('nullableChar', '"\\u0041"')).toBe('A');
    expect(read('nullableChar', '""')).toBeUndefined(); // Nullable<T>: "" is no value (§6.2 empty rule)
    const z = decodeJson(ScalarZoo, '{"charValue":"","bytesValue":"AQID"}') as Record<string, unknown>;
    expect(z.charValue).toBe('\u0000');
    expect(z.bytesValue).toEqual(new Uint8Array([1, 2, 3]));
    expect(catchDtoError(() => read('nullableGuid', '"xyz"')).message).toBe(
      'cannot decode NullableZoo.nullableGuid from JSON at 1:17: expected Guid, got "xyz"',
    );
  });
});

describe('DateTime and DateTimeOffset (DateHandler.TimestampOffset; DateTimeSerializer.cs WriteWcfJsonDate)', () => {
  const at = utc('2024-01-02T03:04:05.678');
  it.each([
    ['Utc: no offset', at, '"\\/Date(1704164645678)\\/"'],
    ['Unspecified: -0000', { ticks: at.ticks, kind: 'Unspecified' }, '"\\/Date(1704164645678-0000)\\/"'],
    ['Local: its offset', { ticks: at.ticks + 36_000_000_000n, kind: 'Local', offsetMinutes: 60 }, '"\\/Date(1704164645678+0100)\\/"'],
    ['Local west of UTC', { ticks: at.ticks - 198_000_000_000n, kind: 'Local', offsetMinutes: -330 }, '"\\/Date(1704164645678-0530)\\/"'],
    // ToUnixTimeMs: (long)TotalMilliseconds truncates sub-millisecond ticks …
    ['sub-millisecond ticks are cut', { ticks: at.ticks + 5000n, kind: 'Utc' }, '"\\/Date(1704164645678)\\/"'],
    // … after the tick count went through a double (dotnet/runtime TimeSpan.cs TotalMilliseconds:
    // (double)_ticks / TicksPerMillisecond):
    // 17041646456789999 ticks since 1970 round to ...790000, one millisecond up.
    ['the tick count rounds as a double first', { ticks: at.ticks + 9999n, kind: 'Utc' }, '"\\/Date(1704164645679)\\/"'],
    ['MinValue (Unspecified)', { ticks: 0n, kind: 'Unspecified' }, '"\\/Date(-62135596800000-0000)\\/"'],
    ['before 1970, truncated toward zero', { ticks: isoTicks('1969-12-31T23:59:59.9995'), kind: 'Utc' }, '"\\/Date(0)\\/"'],
    ['a JavaScript Date is Utc', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), '"\\/Date(1704164645678)\\/"'],
    ['an ISO string', '2024-01-02T03:04:05.678Z', '"\\/Date(1704164645678)\\/"'],
  ] as const)('%s', (_label, value, text) => {
    expect(member('nullableDateTime', value)).toBe(text);
  });

  it('writes DateTime.MaxValue as the server does (the double ms rounds up) and reads that text back as MaxValue', () => {
    expect(member('nullableDateTime', { ticks: 3_155_378_975_999_999_999n, kind: 'Utc' })).toBe('"\\/Date(253402300800000)\\/"');
    expect(read('nullableDateTime', '"\\/Date(253402300800000)\\/"')).toEqual({ ticks: 3_155_378_975_999_999_999n, kind: 'Utc' });
  });

  it('reads a Local time whose ticks round past MaxValue as MaxValue (the server itself overflows there)', () => {
    const v = { ticks: 3_155_378_975_999_999_999n, kind: 'Local', offsetMinutes: 780 } as const;
    const text = member('nullableDateTime', v);
    expect(text).toBe('"\\/Date(253402254000000+1300)\\/"');
    expect(read('nullableDateTime', text)).toEqual(v);
  });

  it('reads the WCF forms by offset, ISO 8601 and the unescaped /Date()/ (ParseShortestXsdDateTime, ParseWcfJsonDate)', () => {
    expect(read('nullableDateTime', '"\\/Date(1704164645678)\\/"')).toEqual(at);
    expect(read('nullableDateTime', '"/Date(1704164645678-0000)/"')).toEqual({ ticks: at.ticks, kind: 'Unspecified' });
    expect(read('nullableDateTime', '"\\/Date(1704164645678+0100)\\/"')).toEqual({
      ticks: at.ticks + 36_000_000_000n,
      kind: 'Local',
      offsetMinutes: 60,
    });
    expect(read('nullableDateTime', '"2024-01-02T03:04:05.6780000Z"')).toEqual(at);
    expect(read('nullableDateTime', '"2024-01-02T03:04:05.1234567"')).toEqual({ ticks: isoTicks('2024-01-02T03:04:05.1234567'), kind: 'Unspecified' });
    expect(read('nullableDateTime', '"2024-01-02"')).toEqual({ ticks: isoTicks('2024-01-02'), kind: 'Unspecified' });
    expect(read('nullableDateTime', '"20240102"')).toEqual({ ticks: isoTicks('2024-01-02'), kind: 'Unspecified' });
    expect(catchDtoError(() => read('nullableDateTime', '"2024-13-01"')).code).toBe('type');
  });

  it('writes a DateTimeOffset as UTC ms with its offset, none when zero (WriteWcfJsonDateTimeOffset)', () => {
    const local = isoTicks('2024-01-02T04:04:05.678');
    expect(member('nullableDateTimeOffset', { ticks: local, offsetMinutes: 60 })).toBe('"\\/Date(1704164645678+0100)\\/"');
    expect(member('nullableDateTimeOffset', { ticks: at.ticks, offsetMinutes: 0 })).toBe('"\\/Date(1704164645678)\\/"');
    // Its milliseconds come from ToUnixTimeMs(this long ticks): exact integer division, no double,
    // so the ticks DateTime rounds up (see above) are truncated here.
    expect(member('nullableDateTimeOffset', { ticks: at.ticks + 9999n, offsetMinutes: 0 })).toBe('"\\/Date(1704164645678)\\/"');
    expect(read('nullableDateTimeOffset', '"\\/Date(1704164645678+0100)\\/"')).toEqual({ ticks: local, offsetMinutes: 60 });
    expect(read('nullableDateTimeOffset', '"2024-01-02T04:04:05.678+01:00"')).toEqual({ ticks: local, offsetMinutes: 60 });
    expect(catchDtoError(() => encodeJson(NullableZoo, { nullableDateTimeOffset: { ticks: 0n, offsetMinutes: 900 } })).code).toBe('range');
  });

  it('offers the ISO 8601 form that keeps every tick (JsConfig.DateHandler = ISO8601: ToString("o"))', () => {
    const v = { ticks: at.ticks + 4567n, kind: 'Utc' } as const;
    expect(encodeJson(NullableZoo, { nullableDateTime: v }, { dateHandler: 'iso8601' })).toBe('{"nullableDateTime":"2024-01-02T03:04:05.6784567Z"}');
    expect(encodeJson(NullableZoo, { nullableDateTime: { ...v, kind: 'Unspecified' } }, { dateHandler: 'iso8601' })).toBe(
      '{"nullableDateTime":"2024-01-02T03:04:05.6784567"}',
    );
    expect(encodeJson(NullableZoo, { nullableDateTimeOffset: { ticks: at.ticks, offsetMinutes: -300 } }, { dateHandler: 'iso8601' })).toBe(
      '{"nullableDateTimeOffset":"2024-01-02T03:04:05.6780000-05:00"}',
    );
    expect(read('nullableDateTime', '"2024-01-02T03:04:05.6784567Z"')).toEqual(v);
  });
});

describe('TimeSpan as an XSD duration (TimeSpanConverter.cs ToXsdDuration / FromXsdDuration)', () => {
  it.each([
    [0n, '"PT0S"'],
    [54_000_000_000n, '"PT1H30M"'],
    [864_000_000_000n, '"P1D"'],
    [936_000_000_000n, '"P1DT2H"'],
    [-15_000_000n, '"-PT1.5S"'],
    [1n, '"PT0.0000001S"'],
    [12_345_678n, '"PT1.2345678S"'],
    [-(2n ** 63n), '"-P10675199DT2H48M5.4775391S"'],
    [2n ** 63n - 1n, '"P10675199DT2H48M5.4775391S"'],
  ] as const)('%s ticks → %s', (ticks, text) => {
    expect(member('nullableTimeSpan', { ticks })).toBe(text);
    expect(read('nullableTimeSpan', text)).toEqual({ ticks });
  });

  it('reads the clock and seconds forms too (DateTimeSerializer.cs ParseTimeSpan)', () => {
    expect(read('nullableTimeSpan', '"01:30:00"')).toEqual({ ticks: 54_000_000_000n });
    expect(read('nullableTimeSpan', '"-1.02:00:00.5"')).toEqual({ ticks: -(936_000_000_000n + 5_000_000n) });
    expect(read('nullableTimeSpan', '"1.5"')).toEqual({ ticks: 15_000_000n });
    expect(catchDtoError(() => read('nullableTimeSpan', '"PXS"')).code).toBe('type');
  });
});

describe('inside lists, dictionaries and nullables', () => {
  it('writes lists of each scalar with the element writer', () => {
    expect(
      encodeJson(ListZoo, {
        int64List: [1n, 2n ** 60n],
        guidList: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
        timeSpanList: [{ ticks: 0n }],
        byteList: [0, 255],
      }),
    ).toBe('{"byteList":[0,255],"int64List":[1,1152921504606846976],"timeSpanList":["PT0S"],"guidList":["0f8fad5bd9cb469fa16570867728950e"]}');
    const e = catchDtoError(() => encodeJson(ListZoo, { byteList: [1, 256] }));
    expect([e.code, e.path]).toEqual(['range', 'byteList[1]']);
  });

  it('writes and reads the zoo\'s keys by their canonical text (WriteDictionary.cs: numeric and Boolean keys quoted)', () => {
    const v = {
      int32Keys: { '-1': 'a' },
      int64Keys: { '9007199254740993': 'b' },
      guidKeys: { '0f8fad5b-d9cb-469f-a165-70867728950e': 'c' },
      booleanKeys: { True: 'd', False: 'e' },
      dateTimeKeys: { '2024-01-02T03:04:05.6780000Z': 'f' },
    };
    const text = encodeJson(DictionaryZoo, v);
    expect(text).toBe(
      '{"int32Keys":{"-1":"a"},"int64Keys":{"9007199254740993":"b"},"guidKeys":{"0f8fad5bd9cb469fa16570867728950e":"c"},' +
        '"booleanKeys":{"true":"d","false":"e"},"dateTimeKeys":{"\\/Date(1704164645678)\\/":"f"}}',
    );
    expect(decodeJson(DictionaryZoo, text)).toEqual(v);
    const e = catchDtoError(() => encodeJson(DictionaryZoo, { int64Keys: { x: 'a' } }));
    expect([e.code, e.path, e.expected]).toEqual(['type', 'int64Keys.x', 'an Int64 key']);
    const d = catchDtoError(() => decodeJson(DictionaryZoo, '{"guidKeys":{"nope":"a"}}'));
    expect([d.code, d.expected, d.line, d.column]).toEqual(['type', 'a Guid key', 1, 14]);
  });

  it('writes dictionary values of each scalar and omits null ones (§6.1)', () => {
    expect(encodeJson(DictionaryZoo, { decimalValues: { a: '1.50', b: null }, charValues: { c: 'x' } })).toBe(
      '{"decimalValues":{"a":1.50},"charValues":{"c":"x"}}',
    );
  });

  it('refuses null for a value type, and reads "" as no value for Nullable<T> (§6.2)', () => {
    const e = catchDtoError(() => decodeJson(ScalarZoo, '{"guidValue":null}'));
    expect([e.code, e.path]).toEqual(['strict', 'guidValue']);
    expect(read('nullableInt64', '""')).toBeUndefined();
    expect(read('nullableInt64', 'null')).toBeUndefined();
  });
});

describe('enums (CachedTypeInfo.cs EnumInfo; JsWriter.cs WriteEnumFlags)', () => {
  const e = (v: Record<string, unknown>): string => encodeJson(Everything, v);
  it('writes names, [EnumMember] texts, numbers for isInt and flags', () => {
    const text = e({ priority: 'High', permissions: 'Read, Write', mood: 'Happy', color: 'Blue' });
    expect(text).toContain('"priority":30,"permissions":3,"mood":"happy-face","color":"Blue"');
    expect(e({ permissions: 'All' })).toContain('"permissions":7');
    // A value no member names: Enum.ToString() is its number, written as a string when not isInt.
    expect(e({ color: '42' })).toContain('"color":"42"');
    expect(e({ color: 2 })).toContain('"color":"Blue"');
    expect(e({ priority: 10n })).toContain('"priority":10');
  });

  it('reads names and [EnumMember] texts in any case, numbers, quoted numbers and flag lists', () => {
    const d = (text: string): Record<string, unknown> => decodeJson(Everything, text) as Record<string, unknown>;
    expect(d('{"mood":"HAPPY-FACE","color":"blue","priority":"20","permissions":5}')).toMatchObject({
      mood: 'Happy',
      color: 'Blue',
      priority: 'Medium',
      permissions: 'Read, Execute',
    });
    expect(d('{"mood":"Grumpy","permissions":"Read, Write"}')).toMatchObject({ mood: 'Grumpy', permissions: 'Read, Write' });
    expect(d('{"permissions":7}')).toMatchObject({ permissions: 'All' });
    // Enum.Parse takes a value no member names: the value model keeps it as its number text.
    expect(d('{"color":42}')).toMatchObject({ color: '42' });
    expect(d('{"permissions":9}')).toMatchObject({ permissions: '9' });
    const x = catchDtoError(() => d('{"color":"Purple"}'));
    expect([x.code, x.path]).toEqual(['enum', 'color']);
    expect(catchDtoError(() => d('{"color":4294967296}')).code).toBe('enum');
  });
});

describe('structs (isValueType classes)', () => {
  it('writes a missing struct as its default and a Nullable<Struct> only when present', () => {
    const text = encodeJson(Everything, {});
    expect(text).toContain('"where":{"x":0,"y":0}');
    expect(text).not.toContain('maybeWhere');
    expect(encodeJson(Everything, { maybeWhere: { x: 1 } })).toContain('"maybeWhere":{"x":1,"y":0}');
  });

  it('decodes a missing struct as a fresh default instance and refuses null for it', () => {
    const a = decodeJson(Everything, '{}') as Record<string, Record<string, unknown>>;
    const b = decodeJson(Everything, '{}') as Record<string, Record<string, unknown>>;
    expect(a.where).toEqual({ x: 0, y: 0 });
    expect(a.where).not.toBe(b.where);
    expect(a).not.toHaveProperty('maybeWhere');
    expect(catchDtoError(() => decodeJson(Everything, '{"where":null}')).code).toBe('strict');
    expect((decodeJson(Everything, '{"maybeWhere":null}') as Record<string, unknown>).maybeWhere).toBeUndefined();
    const e = catchDtoError(() => encodeJson(Everything, { points: [null] }));
    expect([e.code, e.path]).toEqual(['type', 'points[0]']);
  });
});

describe('profile switches and [DataMember(EmitDefaultValue = false)] (WriteType.cs ShouldWriteProperty)', () => {
  const make = (profile: object, dataContract: boolean): ClassDescriptor =>
    createRegistry(
      {
        name: 'p',
        revisions: [{ id: 1, description: '' }],
        types: [
          enumType('P', 'E', { A: 0, B: 1 }),
          classType('P', 'S', { valueType: true }, { N: prop(t.Int32) }),
          classType('P', 'C', dataContract ? { dataContract: {} } : {}, {
            Count: prop(t.Int32, dataContract ? { dataMember: { emitDefaultValue: false } } : {}),
            Name: prop(t.String, dataContract ? { dataMember: {} } : {}),
            Kind: prop(t.ref('E'), dataContract ? { dataMember: { emitDefaultValue: false } } : {}),
            Amount: prop(t.Decimal, dataContract ? { dataMember: {} } : {}),
            Maybe: prop(t.Nullable(t.Int32), dataContract ? { dataMember: {} } : {}),
            Where: prop(t.ref('S'), dataContract ? { dataMember: {} } : {}),
          }),
        ],
      },
      { profile },
    ).at(1).requireClass('C');

  it('excludeDefaultValues omits default values (0.00m equals 0m), never enums (IncludeDefaultEnums)', () => {
    const C = make({ excludeDefaultValues: true }, false);
    expect(encodeJson(C, {})).toBe('{"kind":"A"}');
    expect(encodeJson(C, { count: 0, amount: '0.00', maybe: 0, where: { n: 0 } })).toBe('{"kind":"A","maybe":0}');
    expect(encodeJson(C, { count: 1, amount: '0.01', where: { n: 2 } })).toBe('{"count":1,"kind":"A","amount":0.01,"where":{"n":2}}');
  });

  it('includeNullValues writes null members in JSON', () => {
    const C = make({ includeNullValues: true }, false);
    expect(encodeJson(C, {})).toBe('{"count":0,"name":null,"kind":"A","amount":0,"maybe":null,"where":{"n":0}}');
  });

  it('EmitDefaultValue = false omits that member\'s default on a [DataContract] class', () => {
    const C = make({}, true);
    expect(encodeJson(C, {})).toBe('{"kind":"A","amount":0,"where":{"n":0}}');
    expect(encodeJson(C, { count: 3 })).toBe('{"count":3,"kind":"A","amount":0,"where":{"n":0}}');
  });
});

describe('System.Object and class instances', () => {
  it('refuses an Object member on encode and decode, naming it and the format', () => {
    const e = catchDtoError(() => encodeJson(ObjectHolder, { anything: 1 }));
    expect([e.code, e.path, e.format]).toEqual(['unsupported', 'anything', 'JSON']);
    expect(e.message).toBe('cannot encode ObjectHolder.anything to JSON: a System.Object member has no JSON form this codec can write byte for byte');
    const d = catchDtoError(() => decodeJson(ObjectHolder, '{}'));
    expect([d.code, d.path, d.format, d.direction]).toEqual(['unsupported', 'anything', 'JSON', 'decode']);
  });

  it('encodes @servicestack/client-style class instances: own data properties, methods and prototype ignored', () => {
    class Item {
      id?: bigint;
      name?: string;
      constructor(init?: Partial<Item>) {
        Object.assign(this, init);
      }
      getTypeName(): string {
        return 'Item';
      }
      createResponse(): Item {
        return new Item();
      }
    }
    const I = Z.requireClass('Item');
    expect(encodeJson(I, new Item({ id: 2n ** 60n, name: 'x' }))).toBe('{"id":1152921504606846976,"name":"x"}');
  });
});

describe('round trips', () => {
  it('Everything with populated values comes back equal', () => {
    const v = populatedEverything();
    const text = encodeJson(Everything, v);
    expect(decodeJson(Everything, text)).toEqual(v);
    expect(encodeJson(Everything, decodeJson(Everything, text))).toBe(text);
  });
});

