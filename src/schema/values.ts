/**
 * The JavaScript values of the .NET scalars that JavaScript has no lossless type for, and the
 * format-free arithmetic on them (ticks ⇄ calendar fields). Every codec writes and reads these
 * shapes; the text each format gives them lives in the codecs.
 *
 * Why objects with `bigint` ticks rather than `Date`: a .NET `DateTime` counts 100-ns ticks and
 * carries a Kind, a `Date` has milliseconds and no Kind, so a `Date` would round every value the
 * server sends with a fraction below a millisecond and forget whether it was UTC.
 */

/** `DateTime.Kind`. */
export type DateTimeKind = 'Unspecified' | 'Utc' | 'Local';

/** A .NET `System.DateTime`: ticks of 100 ns since 0001-01-01T00:00:00 on its own clock, and its Kind. */
export interface DateTimeValue {
  /** 0 … 3155378975999999999 (`DateTime.MaxValue.Ticks`). */
  readonly ticks: bigint;
  readonly kind: DateTimeKind;
  /**
   * For `Local` values only: the server's UTC offset at that instant, in minutes, which the
   * formats that write an offset (`+01:00`, `\/Date(…+0100)\/`) need. Taken from the input on
   * decode; 0 when absent.
   */
  readonly offsetMinutes?: number;
}

/** A .NET `System.DateTimeOffset`: the local clock's ticks and the offset from UTC. */
export interface DateTimeOffsetValue {
  readonly ticks: bigint;
  /** -840 … 840. */
  readonly offsetMinutes: number;
}

/** A .NET `System.TimeSpan`: signed ticks of 100 ns (the whole Int64 range). */
export interface TimeSpanValue {
  readonly ticks: bigint;
}

export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** `DateTime.MaxValue.Ticks`. */
export const MAX_DATETIME_TICKS = 3_155_378_975_999_999_999n;
/** Ticks of 1970-01-01T00:00:00. */
export const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const UINT64_MAX = 2n ** 64n - 1n;

/** Calendar fields of a tick count (proleptic Gregorian, as .NET). */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 … 9_999_999: the ticks below one second. */
  readonly fraction: number;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days from 0001-01-01 to the given date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - 1;
  let days = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  days += DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && isLeap(year) ? 1 : 0);
  return days + day - 1;
}

/** Ticks of a calendar date and time; undefined when a field is out of its range. */
export function ticksFromParts(p: DateParts): bigint | undefined {
  const { year, month, day, hour, minute, second, fraction } = p;
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12)) return undefined;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return undefined;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return undefined;
  if (!(fraction >= 0 && fraction <= 9_999_999)) return undefined;
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return BigInt(seconds) * TICKS_PER_SECOND + BigInt(fraction);
}

/** Calendar fields of `ticks` (0 … MAX_DATETIME_TICKS). */
export function partsFromTicks(ticks: bigint): DateParts {
  const fraction = Number(ticks % TICKS_PER_SECOND);
  let secs = Number(ticks / TICKS_PER_SECOND);
  const second = secs % 60;
  secs = (secs - second) / 60;
  const minute = secs % 60;
  secs = (secs - minute) / 60;
  const hour = secs % 24;
  let days = (secs - hour) / 24;
  // 400-year cycles have 146097 days; peel them, then centuries, 4-year cycles and years.
  const n400 = Math.floor(days / 146097);
  days -= n400 * 146097;
  let n100 = Math.floor(days / 36524);
  if (n100 === 4) n100 = 3;
  days -= n100 * 36524;
  const n4 = Math.floor(days / 1461);
  days -= n4 * 1461;
  let n1 = Math.floor(days / 365);
  if (n1 === 4) n1 = 3;
  days -= n1 * 365;
  const year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  let month = 1;
  while (month < 12 && days >= daysInMonth(year, month)) days -= daysInMonth(year, month++);
  return { year, month, day: days + 1, hour, minute, second, fraction };
}

/** A `DateTime` of the instant a JavaScript `Date` holds (Kind `Utc`, millisecond ticks). */
export function dateTimeFromDate(d: Date): DateTimeValue | undefined {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const ticks = UNIX_EPOCH_TICKS + BigInt(ms) * TICKS_PER_MILLISECOND;
  if (ticks < 0n || ticks > MAX_DATETIME_TICKS) return undefined;
  return { ticks, kind: 'Utc' };
}

/**
 * The instant of a `DateTime` as a JavaScript `Date` (ticks below a millisecond are cut).
 * `Unspecified` is read as UTC; `Local` uses its `offsetMinutes`.
 */
export function dateTimeToDate(v: DateTimeValue): Date {
  const utc = v.kind === 'Local' ? v.ticks - BigInt(v.offsetMinutes ?? 0) * TICKS_PER_MINUTE : v.ticks;
  return new Date(Number((utc - UNIX_EPOCH_TICKS) / TICKS_PER_MILLISECOND));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The parts of an ISO 8601 date-time text (`2024-01-02T03:04:05.1234567+01:00`). */
export interface IsoDateTime {
  readonly ticks: bigint;
  /** `'Z'`, an offset in minutes, or undefined when the text has none. */
  readonly zone: 'Z' | number | undefined;
}

/** Parses the ISO 8601 forms .NET writes (`yyyy-MM-dd`, with time, fraction up to 7 digits, `Z` or `±hh:mm`). */
export function parseIsoDateTime(text: string): IsoDateTime | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const frac = m[7] ?? '';
  const ticks = ticksFromParts({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    fraction: Number(frac.padEnd(7, '0')),
  });
  if (ticks === undefined) return undefined;
  const z = m[8];
  if (z === undefined) return { ticks, zone: undefined };
  if (z === 'Z') return { ticks, zone: 'Z' };
  const digits = z.replace(':', '');
  const h = Number(digits.slice(1, 3));
  const min = Number(digits.slice(3, 5));
  if (h > 14 || min > 59) return undefined;
  return { ticks, zone: (z[0] === '-' ? -1 : 1) * (h * 60 + min) };
}

/** The round-trip (`"o"`) text of a DateTime: `2024-01-02T03:04:05.1234567Z`. Used as a dictionary key. */
export function formatRoundTripDateTime(v: DateTimeValue): string {
  return isoText(v.ticks, 7) + (v.kind === 'Utc' ? 'Z' : v.kind === 'Local' ? offsetText(v.offsetMinutes ?? 0, true) : '');
}

/** `yyyy-MM-ddTHH:mm:ss` plus `digits` fraction digits (0 … 7; trailing zeros kept). */
export function isoText(ticks: bigint, digits: number): string {
  const p = partsFromTicks(ticks);
  let s = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
  if (digits > 0) s += '.' + pad(p.fraction, 7).slice(0, digits);
  return s;
}

/** `+01:00` (with colon) or `+0100`. */
export function offsetText(minutes: number, colon: boolean): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
