/**
 * The scalar text forms that JSON and JSV share because both come from ServiceStack.Text
 * (restated from its sources, no code copied): integer parsing, decimal text, XSD durations
 * for TimeSpan, the WCF `\/Date(…)\/` form and the "shortest XSD" DateTime form, the
 * round-trip (`"o"`) DateTimeOffset form, Guid `N` text, and the date/time readers' tolerance.
 *
 * Host assumption (documented in the codecs' index.ts): the server's local time zone is UTC,
 * as in a typical Linux container. ServiceStack uses the host's zone for `Kind=Unspecified`
 * and `Kind=Local` DateTimes; the value model carries a Local DateTime's offset itself
 * (`offsetMinutes`), so only Unspecified depends on the assumption.
 */
import { canonicalGuid, ScalarProblem } from '../../schema/scalars.js';
import { boundedDigits, decimalFromParts, netExponent } from './numbers.js';
import {
  INT64_MAX,
  INT64_MIN,
  isoText,
  MAX_DATETIME_TICKS,
  offsetText,
  parseIsoDateTime,
  partsFromTicks,
  TICKS_PER_DAY,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  ticksFromParts,
  UNIX_EPOCH_TICKS,
  type DateTimeOffsetValue,
  type DateTimeValue,
} from '../../schema/values.js';

const TYPE = new ScalarProblem('type');
const RANGE = new ScalarProblem('range');

// ---------------------------------------------------------------------------------------------
// Integers

const SS_INTEGER = /^\s*(-?)(\d+)\s*$/;
const NET_INTEGER = /^\s*([+-]?)(\d+)\s*$/;

/**
 * An integer as ServiceStack.Text's own parser reads it (DefaultMemory.cs `SignedInteger` /
 * `UnsignedInteger`): white space around, an optional `-`, digits, leading zeros allowed; no
 * `+`, no point, no exponent. `allowPlus` is .NET's `int.Parse` (List<int> elements in JSV).
 * The value is exact (bigint), range-checked against [min, max].
 */
export function parseIntegerText(s: string, min: bigint, max: bigint, allowPlus = false): bigint | ScalarProblem {
  const m = (allowPlus ? NET_INTEGER : SS_INTEGER).exec(s);
  if (m === null) return TYPE;
  // Bounded: 10^6 digits are a range error in linear time (the server's loop overflows too).
  const a = boundedDigits(m[2]!);
  if (a === undefined) return RANGE;
  const v = m[1] === '-' ? -a : a;
  return v < min || v > max ? RANGE : v;
}

// ---------------------------------------------------------------------------------------------
// Decimal

const DECIMAL_FLOAT = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/**
 * `decimal.Parse(NumberStyles.Float | AllowThousands, Invariant)` into the value model's text:
 * the scale is the number of fraction digits less the exponent (`1.50` → `1.50`, `1.5E1` → `15`,
 * `15E-1` → `1.5`). Group separators in the integral part are accepted as .NET does. A text
 * .NET rounds (more than 28 places, more digits than 96 bits hold) is a `ServerValue` with the
 * rounded value; past the Decimal range, a `range` problem (`decimalFromParts`).
 */
export function parseDecimalText(text: string): string | ScalarProblem {
  const m = DECIMAL_FLOAT.exec(text.indexOf(',') < 0 ? text : text.replace(/(?<=\d),(?=\d)/g, ''));
  if (m === null) return TYPE;
  const int = m[2]!;
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return TYPE;
  return decimalFromParts(m[1] === '-', int, frac, netExponent(m[4]));
}

// ---------------------------------------------------------------------------------------------
// TimeSpan: XSD duration (TimeSpanConverter.cs)

const TIMESPAN_MIN_TEXT = '-P10675199DT2H48M5.4775391S';
const TIMESPAN_MAX_TEXT = 'P10675199DT2H48M5.4775391S';

/**
 * .NET Core's custom numeric format `0.0000000` of a double below 60: the value is first cut to
 * 15 significant digits (`DoublePrecisionCustomFormat`), then rounded half away from zero to 7
 * places; trailing zeros and a bare point are then trimmed (as the converter does).
 */
function sevenPlaces(x: number): string {
  const p = plainDigits(x.toPrecision(15));
  const [ip, fp = ''] = p.split('.') as [string, string?];
  const digits = ip + fp.padEnd(7, '0').slice(0, 7);
  let n = BigInt(digits);
  if (fp.length > 7 && fp.charCodeAt(7) >= 0x35) n += 1n;
  const s = n.toString().padStart(8, '0');
  const whole = s.slice(0, s.length - 7);
  const fraction = s.slice(s.length - 7).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** `1.00000000000000e-7` as plain decimal digits (`0.000000100000000000000`). */
function plainDigits(p: string): string {
  const e = p.indexOf('e');
  if (e < 0) return p;
  const exp = Number(p.slice(e + 1));
  const digits = p.slice(0, e).replace('.', '');
  // toPrecision only uses an exponent here for values below 1e-6 (x is under 60).
  return '0.' + '0'.repeat(-exp - 1) + digits;
}

/**
 * `TimeSpanConverter.ToXsdDuration`: `P[nD][T[nH][nM][s[.fffffff]S]]`, `-P…` when negative,
 * `PT0S` for zero, the `T` part omitted for whole days (`P1D`). The converter works in doubles
 * (ticks / 10^7), so its rounding is reproduced; MinValue/MaxValue are fixed texts.
 */
export function formatXsdDuration(ticks: bigint): string {
  if (ticks === INT64_MIN) return TIMESPAN_MIN_TEXT;
  if (ticks === INT64_MAX) return TIMESPAN_MAX_TEXT;
  let s = ticks < 0n ? '-P' : 'P';
  const abs = Number(ticks < 0n ? -ticks : ticks);
  const totalSeconds = abs / 10_000_000;
  const whole = Math.trunc(totalSeconds);
  const sec = whole % 60;
  const minutes = Math.trunc(whole / 60);
  const min = minutes % 60;
  const hoursAll = Math.trunc(minutes / 60);
  const hours = hoursAll % 24;
  const days = Math.trunc(hoursAll / 24);
  const remaining = sec + (totalSeconds - whole);
  if (days > 0) s += `${days}D`;
  if (days === 0 || hours + min + sec + remaining > 0) {
    s += 'T';
    if (hours > 0) s += `${hours}H`;
    if (min > 0) s += `${min}M`;
    if (remaining > 0) s += `${sevenPlaces(remaining)}S`;
    else if (s.length === 2) s += '0S';
  }
  return s;
}

/** Optional digits as a bigint (absent or empty: 0), undefined past 20 significant digits. */
function bounded(digits: string | undefined): bigint | undefined {
  return digits === undefined || digits === '' ? 0n : boundedDigits(digits);
}

const XSD_DURATION = /^(-?)P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d*(?:\.\d*)?)S)?)?$/;
const CLOCK_SPAN = /^\s*(-?)(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*$/;

/**
 * `DateTimeSerializer.ParseTimeSpan`: an XSD duration (`P…`, `-P…`; seconds may have any
 * number of decimals, cut to ticks as the converter's `(long)` cast does), .NET's
 * `[-][d.]hh:mm[:ss[.fffffff]]`, or a number of seconds (`NSTimeInterval`). Where
 * ServiceStack silently reads a malformed component as 0, this refuses the text.
 */
export function parseTimeSpanText(text: string): bigint | ScalarProblem {
  let ticks: bigint;
  if (text === TIMESPAN_MIN_TEXT) return INT64_MIN;
  if (text === TIMESPAN_MAX_TEXT) return INT64_MAX;
  const x = XSD_DURATION.exec(text);
  if (x !== null) {
    const [, sign, d, h, m, sText] = x;
    if (sText === '' || sText === '.') return TYPE;
    const [si = '0', sf = ''] = (sText ?? '0').split('.');
    // Components bounded before they become numbers: 10^6 digits are a range error in linear time.
    const dd = bounded(d), hh = bounded(h), mm = bounded(m), ss = bounded(si);
    if (dd === undefined || hh === undefined || mm === undefined || ss === undefined) return RANGE;
    ticks =
      dd * TICKS_PER_DAY +
      hh * 36_000_000_000n +
      mm * TICKS_PER_MINUTE +
      ss * TICKS_PER_SECOND +
      BigInt(sf.padEnd(7, '0').slice(0, 7));
    if (sign === '-') ticks = -ticks;
  } else if (text.includes(':')) {
    const c = CLOCK_SPAN.exec(text);
    if (c === null) return TYPE;
    const [, sign, d, h, m, sec, f] = c;
    if (Number(h) > 23 || Number(m) > 59 || Number(sec ?? 0) > 59) return RANGE;
    const dd = bounded(d);
    if (dd === undefined) return RANGE;
    ticks =
      dd * TICKS_PER_DAY +
      BigInt(h!) * 36_000_000_000n +
      BigInt(m!) * TICKS_PER_MINUTE +
      BigInt(sec ?? 0) * TICKS_PER_SECOND +
      BigInt((f ?? '').padEnd(7, '0'));
    if (sign === '-') ticks = -ticks;
  } else {
    // TimeSpan.FromSeconds(double): seconds as a double, rounded to ticks.
    // `\d+(?:\.\d*)?`: linear on a long digit run that does not match (numbers.ts DECIMAL).
    const secs = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(secs)) return TYPE;
    const t = Math.round(secs * 1e7);
    if (!Number.isSafeInteger(t)) return RANGE;
    ticks = BigInt(t);
  }
  return ticks < INT64_MIN || ticks > INT64_MAX ? RANGE : ticks;
}

// ---------------------------------------------------------------------------------------------
// DateTime and DateTimeOffset

/** Ticks of a DateTime in UTC under the host assumption (Local: its own offset; Unspecified: UTC). */
function utcTicks(v: DateTimeValue): bigint {
  return v.kind === 'Local' ? v.ticks - BigInt(v.offsetMinutes ?? 0) * TICKS_PER_MINUTE : v.ticks;
}

/**
 * Milliseconds since 1970 as ServiceStack computes them (`ToUnixTimeMs`): the tick difference
 * as a double, divided by 10 000, truncated toward zero (`(long)TimeSpan.TotalMilliseconds`).
 * Sub-millisecond ticks are lost here: the server's WCF date carries milliseconds only.
 */
function unixMs(utc: bigint): bigint {
  return BigInt(Math.trunc(Number(utc - UNIX_EPOCH_TICKS) / 10_000));
}

/** `±hhmm` of an offset in minutes (`ToTimeOffsetString`). */
function hhmm(minutes: number): string {
  return offsetText(minutes, false);
}

/**
 * `DateTimeSerializer.WriteWcfJsonDate` with `DateHandler.TimestampOffset` (the default):
 * `\/Date(ms)\/` for Utc, `\/Date(ms-0000)\/` for Unspecified, `\/Date(ms±hhmm)\/` for Local
 * (the offset of the host's zone, here the value's own). The JSON string's `\/` is literal.
 */
export function formatWcfDate(v: DateTimeValue): string {
  const ms = unixMs(utcTicks(v));
  const suffix = v.kind === 'Utc' ? '' : v.kind === 'Unspecified' ? '-0000' : hhmm(v.offsetMinutes ?? 0);
  return `\\/Date(${ms}${suffix})\\/`;
}

/**
 * `WriteWcfJsonDateTimeOffset`: `\/Date(utc ms)\/`, with `±hhmm` unless the offset is zero. Its
 * milliseconds come from the `long` overload of `ToUnixTimeMs` (`(ticks - UnixEpoch) / 10000`),
 * an exact integer division truncated toward zero: no double on this path.
 */
export function formatWcfDateOffset(v: DateTimeOffsetValue): string {
  const ms = (v.ticks - BigInt(v.offsetMinutes) * TICKS_PER_MINUTE - UNIX_EPOCH_TICKS) / TICKS_PER_MILLISECOND;
  return `\\/Date(${ms}${v.offsetMinutes === 0 ? '' : hhmm(v.offsetMinutes)})\\/`;
}

/** `DateTime.ToString("o")` / `"yyyy-MM-ddTHH:mm:ss.fffffff"` + zone: what `DateHandler.ISO8601` writes. */
export function formatIsoDateTime(v: DateTimeValue): string {
  return isoText(v.ticks, 7) + (v.kind === 'Utc' ? 'Z' : v.kind === 'Local' ? offsetText(v.offsetMinutes ?? 0, true) : '');
}

/** `DateTimeOffset.ToString("o")`: `2024-01-02T03:04:05.1234567+01:00` (JSV, and JSON under ISO8601). */
export function formatIsoDateTimeOffset(v: DateTimeOffsetValue): string {
  return isoText(v.ticks, 7) + offsetText(v.offsetMinutes, true);
}

/**
 * `DateTimeSerializer.ToShortestXsdDateTimeString` (JSV): `yyyy-MM-dd` when the time of day is
 * exactly midnight (any Kind: the Kind is lost); else Utc as `yyyy-MM-ddTHH:mm:ssZ` or with 7
 * fraction digits; Local and Unspecified with the host zone's `zzz` offset (`+00:00` for
 * Unspecified on a UTC host), whole seconds or 7 fraction digits.
 */
export function formatShortestXsdDateTime(v: DateTimeValue): string {
  const timeOfDay = v.ticks % TICKS_PER_DAY;
  if (timeOfDay === 0n) return isoText(v.ticks, 0).slice(0, 10);
  const fractional = v.ticks % TICKS_PER_SECOND !== 0n;
  const clock = isoText(v.ticks, fractional ? 7 : 0);
  if (v.kind === 'Utc') return clock + 'Z';
  return clock + offsetText(v.kind === 'Local' ? v.offsetMinutes ?? 0 : 0, true);
}

/**
 * The last millisecond before DateTime.MaxValue is written one millisecond past it (its tick
 * count rounds up as a double in ToUnixTimeMs: MaxValue itself becomes `253402300800000`), where
 * ServiceStack's own reader overflows; this reader takes such a time as MaxValue instead.
 */
function nearMax(ticks: bigint): bigint {
  return ticks > MAX_DATETIME_TICKS && ticks <= MAX_DATETIME_TICKS + TICKS_PER_MILLISECOND ? MAX_DATETIME_TICKS : ticks;
}

/** `-?digits` as a bigint, undefined past 20 significant digits (out of every range here). */
function signedBounded(text: string): bigint | undefined {
  const negative = text.charCodeAt(0) === 0x2d;
  const v = boundedDigits(negative ? text.slice(1) : text);
  return v === undefined ? undefined : negative ? -v : v;
}

const WCF = /^\\?\/Date\((-?\d+)([+-]\d{4})?\)\\?\/$/;

function fromUnixMs(ms: bigint): bigint | undefined {
  const t = UNIX_EPOCH_TICKS + ms * TICKS_PER_MILLISECOND;
  return t < 0n || t > MAX_DATETIME_TICKS ? undefined : t;
}

function offsetMinutesOf(z: string): number | undefined {
  const h = Number(z.slice(1, 3));
  const m = Number(z.slice(3, 5));
  if (h > 14 || m > 59) return undefined;
  return (z[0] === '-' ? -1 : 1) * (h * 60 + m);
}

const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A DateTime as ServiceStack's readers take it (`ParseShortestXsdDateTime`): the WCF form
 * `\/Date(ms)\/` / `/Date(ms)/` (no offset: Utc; `-0000`: Unspecified; `±hhmm`: Local with
 * that offset, clock = UTC + offset), ISO 8601 (`yyyy-MM-dd`, with time, `T` or space,
 * fraction of any length cut to 7 digits, `Z` → Utc, an offset → Local, none → Unspecified)
 * and `yyyyMMdd`. Where ServiceStack would convert to the host's local time, the value model
 * keeps what the text says.
 */
export function parseDateTimeText(text: string): DateTimeValue | ScalarProblem {
  const s = text.trim();
  const w = WCF.exec(s);
  if (w !== null) {
    const ms = signedBounded(w[1]!);
    if (ms === undefined) return RANGE;
    const z = w[2];
    const utc = nearMax(UNIX_EPOCH_TICKS + ms * TICKS_PER_MILLISECOND);
    if (utc < 0n || utc > MAX_DATETIME_TICKS) return RANGE;
    if (z === undefined) return { ticks: utc, kind: 'Utc' };
    if (z === '-0000') return { ticks: utc, kind: 'Unspecified' };
    const off = offsetMinutesOf(z);
    if (off === undefined) return TYPE;
    const local = nearMax(utc + BigInt(off) * TICKS_PER_MINUTE);
    if (local < 0n || local > MAX_DATETIME_TICKS) return RANGE;
    return { ticks: local, kind: 'Local', offsetMinutes: off };
  }
  const c = COMPACT_DATE.exec(s);
  if (c !== null) {
    const t = ticksFromParts({ year: +c[1]!, month: +c[2]!, day: +c[3]!, hour: 0, minute: 0, second: 0, fraction: 0 });
    return t === undefined ? RANGE : { ticks: t, kind: 'Unspecified' };
  }
  const p = parseIsoDateTime(s);
  if (p === undefined) return TYPE;
  if (p.zone === undefined) return { ticks: p.ticks, kind: 'Unspecified' };
  if (p.zone === 'Z') return { ticks: p.ticks, kind: 'Utc' };
  return { ticks: p.ticks, kind: 'Local', offsetMinutes: p.zone };
}

/**
 * A DateTimeOffset as `DateTimeSerializer.ParseDateTimeOffset` takes it: the WCF form (UTC ms,
 * then the offset: none → +00:00; `-0000` → the host's zone, UTC here) or ISO 8601 (no
 * offset: UTC).
 */
export function parseDateTimeOffsetText(text: string): DateTimeOffsetValue | ScalarProblem {
  const s = text.trim();
  const w = WCF.exec(s);
  let utc: bigint;
  let off: number;
  if (w !== null) {
    const ms = signedBounded(w[1]!);
    const t = ms === undefined ? undefined : fromUnixMs(ms);
    if (t === undefined) return RANGE;
    utc = t;
    const z = w[2];
    const o = z === undefined || z === '-0000' ? 0 : offsetMinutesOf(z);
    if (o === undefined) return TYPE;
    off = o;
  } else {
    const p = parseIsoDateTime(s);
    if (p === undefined) return TYPE;
    off = p.zone === undefined || p.zone === 'Z' ? 0 : p.zone;
    utc = p.ticks - BigInt(off) * TICKS_PER_MINUTE;
  }
  const local = utc + BigInt(off) * TICKS_PER_MINUTE;
  if (utc < 0n || utc > MAX_DATETIME_TICKS || local < 0n || local > MAX_DATETIME_TICKS) return RANGE;
  return { ticks: local, offsetMinutes: off };
}

// ---------------------------------------------------------------------------------------------
// Guid, Char, Byte[]

/** `Guid.ToString("N")` from the value model's `D` form. */
export function guidN(d: string): string {
  return d.replace(/-/g, '');
}

/** `Guid.Parse`: `N`, `D`, `B` (`{…}`) or `P` (`(…)`), any case, white space around. */
export function parseGuidText(text: string): string | ScalarProblem {
  return canonicalGuid(text.trim()) ?? TYPE;
}

/** The `year`…`second` of a tick count: exported for messages and tests. */
export { partsFromTicks };
