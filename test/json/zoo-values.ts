/**
 * Values of the scalar zoo shared by the JSON and JSV scalar suites, built with test-local
 * arithmetic (independent of the codecs).
 */
import type { DateTimeValue } from '../../src/schema/values.js';

/** Ticks of an ISO text without zone (`2024-01-02T03:04:05.1234567`). */
export function isoTicks(iso: string): bigint {
  const [date, time = '00:00:00'] = iso.split('T') as [string, string?];
  const [sec, frac = ''] = time.split('.') as [string, string?];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, se] = sec.split(':').map(Number) as [number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  return (BigInt(ms) + 62135596800000n) * 10000n + BigInt(frac.padEnd(7, '0'));
}

export const utc = (iso: string): DateTimeValue => ({ ticks: isoTicks(iso), kind: 'Utc' });

/** An Everything with every member set to a non-default value JSON keeps exactly (ms DateTimes). */
export function populatedEverything(): Record<string, unknown> {
  const when = utc('2024-01-02T03:04:05.678');
  const scalars = {
    stringValue: 'a "b"',
    booleanValue: true,
    byteValue: 255,
    sByteValue: -128,
    int16Value: -32768,
    uInt16Value: 65535,
    int32Value: -2147483648,
    uInt32Value: 4294967295,
    int64Value: 2n ** 53n + 1n,
    uInt64Value: 2n ** 64n - 1n,
    singleValue: Math.fround(0.1),
    doubleValue: 0.1,
    decimalValue: '1.50',
    charValue: 'c',
    dateTimeValue: when,
    dateTimeOffsetValue: { ticks: when.ticks + 36_000_000_000n, offsetMinutes: 60 },
    timeSpanValue: { ticks: -15_000_000n },
    guidValue: '0f8fad5b-d9cb-469f-a165-70867728950e',
    bytesValue: new Uint8Array([1, 2, 3]),
    uriValue: 'https://example.org/',
  };
  return {
    priority: 'High',
    permissions: 'Read, Write',
    mood: 'Happy',
    color: 'Green',
    nullablePriority: 'Low',
    where: { x: 1, y: 2 },
    maybeWhere: { x: 3, y: 4 },
    points: [{ x: 5, y: 6 }],
    renamed: { zulu: 'z', first_name: 'a', count: 1, label: 'l', needed: 2, beta: true },
    outer: { name: 'o', inner: { depth: 1 } },
    scalars,
    nullables: { nullableInt64: -(2n ** 63n), nullableGuid: '00000000-0000-0000-0000-000000000000', nullableTimeSpan: { ticks: 1n } },
    lists: { int64List: [1n], dateTimeList: [when], decimalList: ['0.10'] },
    dictionaries: { int64Keys: { '-5': 'x' }, guidValues: { g: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
    moods: ['Calm', 'Grumpy'],
    priorities: { p: 'Medium' },
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    created: when,
  };
}
