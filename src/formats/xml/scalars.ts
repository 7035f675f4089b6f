/**
 * DataContract XML text of every .NET scalar: ONE ROW PER SCALAR (`XML_SCALARS`), so that the
 * compiler refuses a scalar this codec forgets. Each row says how DCS contracts the type, the
 * element text of a value (the writer), the value of an element text (the reader; also used for
 * dictionary keys), and what `EmitDefaultValue = false` compares with. The writer and reader in
 * encode.ts/decode.ts compile one closure per element from a row (by its `contract`), and the
 * four scalars of the Evo Voice DTOs keep hand-specialised element writers there
 * (`FAST_ELEMENTS`), so the hot path is what it was. A new scalar is one row here.
 *
 * Forms (XmlConvert, as DCS calls it; datacontract.md §12–§14, verified with the Mono oracle,
 * fixtures/oracle/zoo):
 *   integers  invariant decimal; 64-bit exact (bigint)
 *   Single    `INF`, `-INF`, `NaN`, `-0`, else the shortest round-trip text (.NET Core 3.0+)
 *   Double    the same with double digits (common/numbers.ts `formatXmlDouble`)
 *   Decimal   invariant `ToString()`, scale kept (`1.50`)
 *   Char      its UTF-16 code as an integer (`60` for `<`)
 *   DateTime  xs:dateTime, fraction without trailing zeros; `Z` (Utc), `±hh:mm` (Local), none (Unspecified)
 *   DateTimeOffset  a class in `…/2004/07/System`: `<DateTime>` (UTC, `Z`) and `<OffsetMinutes>`
 *   TimeSpan  xs:duration (`-P1DT2H3M4.005S`, `PT0S`)
 *   Guid      lower-case D form; Byte[] base64 (an empty array is an empty element `<X />`); Uri its text
 *
 * .NET Core and Mono/.NET Framework write Single and Double differently ("R" formatting: Mono
 * gives 15 digits if they round-trip else 17 for doubles, 7 else 9 for floats, and E notation
 * from 1E+15 / 1E+07). This codec WRITES what a ServiceStack host on .NET Core sends and READS
 * both, since any round-trippable text parses to the same value (the zoo tests show the Mono
 * and .NET Core texts side by side). DateTime, TimeSpan, Decimal, Guid and the integers are the
 * same text on both runtimes (same XsdDateTime/XsdDuration code; no case found in the zoo
 * vectors where they differ).
 */
import {
  base64ToBytes,
  canonicalGuid,
  ScalarProblem,
  type ScalarName,
  type ScalarValues,
} from '../../schema/scalars.js';
import {
  INT64_MAX,
  INT64_MIN,
  isoText,
  MAX_DATETIME_TICKS,
  offsetText,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  ticksFromParts,
  type DateTimeValue,
  type DateTimeOffsetValue,
  type TimeSpanValue,
} from '../../schema/values.js';
import { boundedDigits, decimalFromParts, formatSingle, formatXmlDouble, readFloating } from '../common/numbers.js';

function isXmlWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** XML whitespace (space, tab, LF, CR) trimmed from both ends, as `XmlConvert` trims. */
export function trimXml(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isXmlWs(s.charCodeAt(a))) a++;
  while (b > a && isXmlWs(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** The root element's local name and namespace URI, or undefined when the prolog/root tag is unreadable. */
/** Escapes element text (`& < >`, line breaks as the writer's newline, XML-invalid characters refused). */
export type Escape = (s: string) => string;

/**
 * How DCS contracts a scalar: `primitive` (a text element, never declares a namespace),
 * `class` (DateTimeOffset: a class of its own with child elements, which declares its
 * namespace like any class), `none` (System.Object: needs `i:type`, not carried).
 */
export type XmlContract = 'primitive' | 'class' | 'none';

export interface XmlScalar<N extends ScalarName> {
  readonly contract: XmlContract;
  /** The element text of a value in the value model (already `coerce`d). */
  readonly format: (v: ScalarValues[N], esc: Escape) => string;
  /** The value of an element's text (references resolved), or why not. */
  readonly parse: (text: string) => ScalarValues[N] | ScalarProblem;
  /** `value == default(T)` in .NET (what `[DataMember(EmitDefaultValue = false)]` omits). */
  readonly isDefault: (v: ScalarValues[N]) => boolean;
  /** An empty text is written as an empty element `<X />` (base64 of no bytes writes no text node). */
  readonly emptyIsSelfClosing?: true;
}

const TYPE = new ScalarProblem('type');
const RANGE = new ScalarProblem('range');

const INTEGER = /^[+-]?[0-9]+$/;

/** XmlConvert.ToInt32/ToInt64/…: XML whitespace trimmed, an optional sign, digits; range checked. */
function integer(min: bigint, max: bigint): (text: string) => bigint | ScalarProblem {
  return (text) => {
    const t = trimXml(text);
    if (!INTEGER.test(t)) return TYPE;
    // Bounded: a 10^6-digit text is an overflow in linear time, never a huge BigInt.
    const negative = t.charCodeAt(0) === 0x2d;
    const a = boundedDigits(negative || t.charCodeAt(0) === 0x2b ? t.slice(1) : t);
    if (a === undefined) return RANGE;
    const v = negative ? -a : a;
    return v < min || v > max ? RANGE : v;
  };
}

function smallInteger<N extends 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32'>(min: number, max: number): XmlScalar<N> {
  // DCS reads Byte, SByte, Int16 and UInt16 as an Int32 and then checks the range; the
  // verdict for text beyond Int32 is the same (an overflow), so one range check serves.
  // Numbers, not bigints: every value up to 2^53 is exact, and anything longer is out of range
  // anyway (this is the reader's hot path for Int32).
  const parse = (text: string): number | ScalarProblem => {
    const t = trimXml(text);
    if (!INTEGER.test(t)) return TYPE;
    const v = Number(t);
    return v < min || v > max ? RANGE : v === 0 ? 0 : v;
  };
  return {
    contract: 'primitive',
    format: ((v: number) => (v === 0 ? '0' : String(v))) as XmlScalar<N>['format'],
    parse: parse as XmlScalar<N>['parse'],
    isDefault: ((v: number) => v === 0) as XmlScalar<N>['isDefault'],
  };
}

function bigInteger<N extends 'Int64' | 'UInt64'>(min: bigint, max: bigint): XmlScalar<N> {
  return {
    contract: 'primitive',
    format: ((v: bigint) => v.toString()) as XmlScalar<N>['format'],
    parse: integer(min, max) as XmlScalar<N>['parse'],
    isDefault: ((v: bigint) => v === 0n) as XmlScalar<N>['isDefault'],
  };
}

// `[0-9]+(?:\.[0-9]*)?`, not `[0-9]+\.?[0-9]*`, which backtracks quadratically on a long digit
// run that does not match (issue 11).
const FLOAT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * `XmlConvert.ToDouble`/`ToSingle`: `INF`/`-INF`, then invariant `double.Parse` (which also knows
 * `NaN`, `Infinity`, `-Infinity`), XML whitespace trimmed. A finite text beyond the type's range
 * (`1e400`, or `1e39` for a Single) is a `ServerValue` holding the ±∞ that a .NET Core host
 * reads (XmlConvert.ToDouble has no overflow check and double.Parse no longer throws since .NET
 * Core 3.0; Mono/.NET Framework throw OverflowException): a `range` error by default, ±∞ in
 * lenient mode, as JSON and JSV read it (common/numbers.ts).
 */
export function parseFloating(text: string, single: boolean): number | ScalarProblem {
  const t = trimXml(text);
  switch (t) {
    case 'INF':
    case 'Infinity':
      return Infinity;
    case '-INF':
    case '-Infinity':
      return -Infinity;
    case 'NaN':
      return NaN;
  }
  if (!FLOAT.test(t)) return TYPE;
  const v = single ? Math.fround(Number(t)) : Number(t);
  // Past the range (or Single's top half-way point): the full rule.
  return v - v === 0 ? v : readFloating(t, single) ?? TYPE;
}

/** `XmlConvert.ToString(float)`: INF/-INF, -0, else `float.ToString("R")` (.NET Core: shortest round trip). */
export function formatXmlSingle(v: number): string {
  if (v === Infinity) return 'INF';
  if (v === -Infinity) return '-INF';
  return formatSingle(v);
}

/**
 * `XmlConvert.ToDecimal`: sign, digits and a decimal point; no exponent, no group separators.
 * `decimal.Parse` rounds a text with more digits than a Decimal holds (a `ServerValue`: a `range`
 * error by default, the rounded value in lenient mode) and overflows past its range (`range`,
 * OverflowException: DCS fails the document in every mode). common/numbers.ts `decimalFromParts`.
 */
const DECIMAL = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/;

function parseDecimal(text: string): string | ScalarProblem {
  const m = DECIMAL.exec(trimXml(text));
  if (m === null) return TYPE;
  const int = m[2]!;
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return TYPE;
  return decimalFromParts(m[1] === '-', int, frac, 0);
}

// ---------------------------------------------------------------------------------------------
// Dates and durations (XsdDateTime / XsdDuration)

/** xs:dateTime text of a tick count: seconds always, the fraction only as far as it is non-zero. */
export function xsdDateTimeText(ticks: bigint): string {
  // isoText always writes 7 fraction digits: drop the zeros at the end, and the dot with them.
  return isoText(ticks, 7).replace(/\.?0+$/, '');
}

export function formatDateTime(v: DateTimeValue): string {
  const s = xsdDateTimeText(v.ticks);
  if (v.kind === 'Utc') return s + 'Z';
  if (v.kind === 'Local') return s + offsetText(v.offsetMinutes ?? 0, true);
  return s;
}

const XSD_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * `XmlConvert.ToDateTime(s, RoundtripKind)`: xs:dateTime (or an xs:date) with an optional zone.
 * `Z` reads as Utc, an offset as Local (the value keeps the text's clock and its offset: DCS
 * would move it to the server's zone), no zone as Unspecified. Fraction digits past the
 * seventh are rounded on the eighth, as XsdDateTime does.
 */
export function parseDateTime(text: string): DateTimeValue | ScalarProblem {
  const m = XSD_DATE_TIME.exec(trimXml(text));
  if (!m) return TYPE;
  let ticks = ticksFromParts({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    fraction: Number((m[7] ?? '').slice(0, 7).padEnd(7, '0')),
  });
  if (ticks === undefined) return TYPE;
  // XsdDateTime keeps 7 fraction digits and rounds on the eighth (oracle: `.123456789` → 1234568 ticks).
  if ((m[7]?.charCodeAt(7) ?? 0) >= 53) ticks += 1n;
  if (ticks > MAX_DATETIME_TICKS) return RANGE;
  const zone = m[8];
  if (zone === undefined) return { ticks, kind: 'Unspecified' };
  if (zone === 'Z') return { ticks, kind: 'Utc' };
  const h = Number(zone.slice(1, 3));
  const min = Number(zone.slice(4, 6));
  if (h > 14 || min > 59 || (h === 14 && min > 0)) return RANGE;
  const off = (zone[0] === '-' ? -1 : 1) * (h * 60 + min);
  return { ticks, kind: 'Local', offsetMinutes: off === 0 ? 0 : off };
}

/** xs:duration of a TimeSpan as XsdDuration writes it: days, then T with H, M, S (fraction trimmed); zero is `PT0S`. */
export function formatDuration(v: TimeSpanValue): string {
  const negative = v.ticks < 0n;
  let t = negative ? -v.ticks : v.ticks;
  const fraction = t % TICKS_PER_SECOND;
  t /= TICKS_PER_SECOND;
  const s = t % 60n;
  t /= 60n;
  const m = t % 60n;
  t /= 60n;
  const h = t % 24n;
  const d = t / 24n;
  let out = negative ? '-P' : 'P';
  if (d !== 0n) out += `${d}D`;
  if (h !== 0n || m !== 0n || s !== 0n || fraction !== 0n) {
    out += 'T';
    if (h !== 0n) out += `${h}H`;
    if (m !== 0n) out += `${m}M`;
    if (s !== 0n || fraction !== 0n) {
      out += String(s);
      if (fraction !== 0n) out += '.' + String(fraction).padStart(7, '0').replace(/0+$/, '');
      out += 'S';
    }
  } else if (d === 0n) out += 'T0S';
  return out;
}

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/;

/**
 * `XmlConvert.ToTimeSpan` (XsdDuration): years count 365 days and months 30, as XsdDuration
 * converts them; at least one component, and a `T` must be followed by one. Beyond the Int64
 * tick range is a range error (OverflowException in .NET).
 */
export function parseDuration(text: string): TimeSpanValue | ScalarProblem {
  const t = trimXml(text);
  const m = DURATION.exec(t);
  if (!m || t.endsWith('P') || t.endsWith('T')) return TYPE;
  // Each component bounded before it becomes a number: 10^6 digits are an overflow in linear time.
  const c: bigint[] = [];
  for (let i = 2; i <= 7; i++) {
    const v = m[i] === undefined ? 0n : boundedDigits(m[i]!);
    if (v === undefined) return RANGE;
    c[i] = v;
  }
  const n = (i: number): bigint => c[i]!;
  const days = n(2) * 365n + n(3) * 30n + n(4);
  const seconds = ((days * 24n + n(5)) * 60n + n(6)) * 60n + n(7);
  const ticks = seconds * TICKS_PER_SECOND + BigInt((m[8] ?? '').slice(0, 7).padEnd(7, '0'));
  const signed = m[1] ? -ticks : ticks;
  if (signed < INT64_MIN || signed > INT64_MAX) return RANGE;
  return { ticks: signed === 0n ? 0n : signed };
}

/** The UTC text and the offset DCS writes for a DateTimeOffset (`DateTimeOffsetAdapter`). */
export function dateTimeOffsetParts(v: DateTimeOffsetValue): { utc: string; offset: string } {
  const utc = v.ticks - BigInt(v.offsetMinutes) * TICKS_PER_MINUTE;
  return { utc: xsdDateTimeText(utc) + 'Z', offset: String(v.offsetMinutes) };
}

/**
 * A DateTimeOffset from the two members DCS reads: the DateTime is taken as UTC when it has no
 * zone (and converted to UTC when it has an offset), then moved to the offset's clock.
 */
export function dateTimeOffsetOf(dateTime: DateTimeValue, offsetMinutes: number): DateTimeOffsetValue | ScalarProblem {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 840) return new ScalarProblem('range', 'offset beyond ±14 hours');
  const utc = dateTime.kind === 'Local' ? dateTime.ticks - BigInt(dateTime.offsetMinutes ?? 0) * TICKS_PER_MINUTE : dateTime.ticks;
  const ticks = utc + BigInt(offsetMinutes) * TICKS_PER_MINUTE;
  if (utc < 0n || utc > MAX_DATETIME_TICKS || ticks < 0n || ticks > MAX_DATETIME_TICKS) return RANGE;
  return { ticks, offsetMinutes: offsetMinutes === 0 ? 0 : offsetMinutes };
}

// ---------------------------------------------------------------------------------------------
// Other forms

function bytesToBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/** `ReadElementContentAsBase64`: white space anywhere is ignored; an empty element is no bytes. */
function parseBase64(text: string): Uint8Array | ScalarProblem {
  return base64ToBytes(text) ?? TYPE;
}

function parseBoolean(text: string): boolean | ScalarProblem {
  switch (trimXml(text)) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
  }
  return TYPE;
}

const never = (): boolean => false;
const asIs = (text: string): string => text;
const escaped = (v: string, esc: Escape): string => esc(v);
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/** Every scalar's DataContract XML row. */
export const XML_SCALARS: { readonly [N in ScalarName]: XmlScalar<N> } = {
  String: { contract: 'primitive', format: escaped, parse: asIs, isDefault: never },
  Boolean: { contract: 'primitive', format: (v) => (v ? 'true' : 'false'), parse: parseBoolean, isDefault: (v) => !v },
  Byte: smallInteger(0, 255),
  SByte: smallInteger(-128, 127),
  Int16: smallInteger(-32768, 32767),
  UInt16: smallInteger(0, 65535),
  Int32: smallInteger(-2147483648, 2147483647),
  UInt32: smallInteger(0, 4294967295),
  Int64: bigInteger(INT64_MIN, INT64_MAX),
  UInt64: bigInteger(0n, 2n ** 64n - 1n),
  Single: { contract: 'primitive', format: formatXmlSingle, parse: (t) => parseFloating(t, true), isDefault: (v) => v === 0 },
  Double: { contract: 'primitive', format: formatXmlDouble, parse: (t) => parseFloating(t, false), isDefault: (v) => v === 0 },
  Decimal: { contract: 'primitive', format: (v) => v, parse: parseDecimal, isDefault: (v) => /^-?0(?:\.0*)?$/.test(v) },
  // DCS writes a char as its UTF-16 code (WriteChar → WriteInt) and reads an Int32 back.
  Char: {
    contract: 'primitive',
    format: (v) => String(v.charCodeAt(0)),
    parse: (t) => {
      const c = integer(0n, 65535n)(t);
      return c instanceof ScalarProblem ? c : String.fromCharCode(Number(c));
    },
    isDefault: (v) => v === '\u0000',
  },
  DateTime: { contract: 'primitive', format: formatDateTime, parse: parseDateTime, isDefault: (v) => v.ticks === 0n },
  // Written and read as child elements by encode.ts/decode.ts; the text form here is what a
  // dictionary key would need, which DCS cannot have (a class key), so it is refused there.
  DateTimeOffset: {
    contract: 'class',
    format: (v) => formatDateTime({ ticks: v.ticks, kind: 'Local', offsetMinutes: v.offsetMinutes }),
    parse: () => TYPE,
    // DateTimeOffset equality compares the UTC instants.
    isDefault: (v) => v.ticks - BigInt(v.offsetMinutes) * TICKS_PER_MINUTE === 0n,
  },
  TimeSpan: { contract: 'primitive', format: formatDuration, parse: parseDuration, isDefault: (v) => v.ticks === 0n },
  // `new Guid(s)` reads the D, N, B and P forms, white space trimmed.
  Guid: { contract: 'primitive', format: (v) => v, parse: (t) => canonicalGuid(trimXml(t)) ?? TYPE, isDefault: (v) => v === ZERO_GUID },
  'Byte[]': { contract: 'primitive', format: bytesToBase64, parse: parseBase64, isDefault: never, emptyIsSelfClosing: true },
  // The Uri's text as given (DCS writes the Uri's escaped serialization form; a value-model
  // string with characters .NET would escape is written as it is).
  Uri: { contract: 'primitive', format: escaped, parse: asIs, isDefault: never },
  Object: { contract: 'none', format: () => '', parse: () => TYPE, isDefault: never },
};
