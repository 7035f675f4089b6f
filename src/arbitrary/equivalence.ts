/**
 * What "the same value" means after a trip through a wire format: the one place where every
 * difference a format is allowed to make is written down. Anything else a round trip changes
 * is a codec bug.
 *
 * `canonical` first brings any encoder input into the decoded shape (value model,
 * CONTRIBUTING.md): a missing non-nullable value-type member becomes its .NET default, a
 * `null`/`undefined` member becomes absent, members the type does not declare are dropped.
 * Then `expectedAfter(format, …)` applies that format's losses, and only these:
 *
 * JSON (ServiceStack.Text `JsonSerializer`, src/formats/json/index.ts):
 * 1. A `null` dictionary value is omitted by the writer, so the entry is gone.
 * 2. A `null` element of a list of a (non-dictionary) class is written `{}` and reads back as
 *    that class's default instance (every value-type member at its default).
 *    (A `null` string element and a `null` dictionary-class element, e.g. of `List<Struct>`,
 *    are written `null` and stay null; so would a null nested-list element, which these DTOs
 *    do not have.)
 * 3. DateTime is written `\/Date(ms)\/` (Utc), `\/Date(ms-0000)\/` (Unspecified),
 *    `\/Date(ms±hhmm)\/` (Local): whole milliseconds of the instant, computed through a double
 *    and truncated toward zero, so ticks below a millisecond are lost (and, far from 1970, the
 *    double can cost one more millisecond). DateTimeOffset likewise, but its milliseconds come
 *    from an exact integer division (`ToUnixTimeMs(this long ticks)`), then the offset.
 *    (jsv-and-json.md §6.1; ServiceStack DateTimeSerializer.WriteWcfJsonDate /
 *    WriteWcfJsonDateTimeOffset, DateTimeExtensions.ToUnixTimeMs = `(long)TotalMilliseconds`,
 *    dotnet/runtime TimeSpan.TotalMilliseconds = `(double)ticks / 10000`.)
 * 4. TimeSpan is an XSD duration computed in doubles (TimeSpanConverter.ToXsdDuration): ticks
 *    beyond a double's precision (about a year) are rounded; a text equal to MaxValue's or
 *    MinValue's fixed text reads back as MaxValue/MinValue.
 *
 * JSV (ServiceStack.Text `TypeSerializer`, src/formats/jsv/index.ts, jsv-and-json.md §2.6–2.7):
 * 1. A `null` dictionary value is omitted, as in JSON.
 * 2. A `null` element of a list of a class is written `{}`: a default instance, as in JSON.
 * 3. A `null` string element is an empty slot (`[a,,b]`) and a string of white space is
 *    written bare (`[a, ]`); both read back. But when such an element is the list's only one
 *    the list body is blank (`[]`, `[ ]`), and ServiceStack trims a list body with .NET's
 *    `char.IsWhiteSpace` and reads a blank one as the empty list (jsv-and-json.md §3.5):
 *    `[null]`, `[" "]`, `["\u00a0"]`, `["\u2028"]` come back as `[]`. (CR and LF are white
 *    space too, but a string holding one is quoted, so its body is not blank; a Char is written
 *    raw, so a lone CR or LF Char empties its list as well.)
 *    (A `null` dictionary-class element is written `null` and stays null.)
 * 3a. A list of anything but String (and but classes and dictionaries, whose null elements are
 *    written `{}` / `null`) goes through ServiceStack's generic list reader
 *    (`DeserializeListWithElements<T>.ParseGenericList`): when its last two slots are both empty
 *    (`[x,,]`, `[,]`: null elements, or empty Byte[] tokens), the separator before the last one
 *    adds the only default for both, so the list comes back one null shorter (`[,]` → `[null]`).
 * 4. The pretty form (`JsvFormatter.Format`) is display-only (ServiceStack cannot read it,
 *    and it re-indents braces inside strings). This codec reads it back exactly except for a
 *    string or key containing a colon, a line break, TABs and `{`/`[`: the formatter's own
 *    layout before a nested value. `jsvPrettyCanCarry` (./pretty.ts) tells those values apart;
 *    properties of the pretty form cover every other value.
 * 5. DateTime is written by `ToShortestXsdDateTimeString`: midnight as `yyyy-MM-dd` (the Kind is
 *    lost: it reads back Unspecified); Unspecified at any other time with the host's offset
 *    (`+00:00` on the UTC host the codecs assume), so it reads back Local with offset 0. Ticks
 *    are kept (jsv-and-json.md §2.5; DateTimeSerializer.ToShortestXsdDateTimeString).
 * 6. TimeSpan as JSON rule 4 (the same TimeSpanConverter).
 * 7. An empty Byte[] is an empty token (base64 is written unquoted, §2.5), which reads back as
 *    null (§3.2): an absent member, a null list element or dictionary value.
 *
 * XML (DataContractSerializer through ServiceStack's `XmlWriter`, src/formats/xml/index.ts):
 * 1. CR never survives the writer: `\r\n` and a lone `\r` in text (string values and
 *    dictionary keys) are written as the line break `\n` (datacontract.md §13.4).
 * 2. Characters XML 1.0 cannot carry make the writer fail; they are outside the value set
 *    (`dtoArbitrary({ format: 'xml' })` never makes them), not an equivalence. So are two
 *    dictionary keys that differ only in their line breaks (`"\n"` and `"\r\n"`): rule 1
 *    writes them as the same key twice, which DCS and this reader refuse as a duplicate.
 *    Null dictionary values, null list elements, empty lists and absent lists all survive.
 * 3. Every other scalar is carried exactly: DateTime keeps ticks, Kind and a Local value's
 *    offset; DateTimeOffset is DCS's class (UTC DateTime + OffsetMinutes); a Char is its code
 *    as an integer (so any UTF-16 unit travels); Decimal keeps its scale. What XML cannot write
 *    at all — an enum value that no member (combination) names, e.g. the `0` default of an enum
 *    without a 0 member — is outside its value set (the arbitrary never makes it for 'xml').
 *
 * Scalars (all formats): the table `SCALAR_CHANGES` below holds every change above per scalar
 * and format with its reason; a scalar without an entry for a format is carried exactly
 * (integers, 64-bit included; Single and Double; Decimal with its scale; Guid; Byte[]; Char;
 * Uri). `canonical` applies the schema's `coerce` first, so every encoder input (a bigint for
 * an Int32, a number or digit string for an Int64, a Guid in `N` form, a `Date`, an enum number)
 * is judged as the value it stands for.
 *
 * Compact and pretty/indented forms of one format carry the same values (JSV pretty: within
 * `jsvPrettyCanCarry`).
 */
import type { ClassDescriptor, DictionaryDescriptor, ScalarDescriptor, TypeDescriptor } from '../schema/descriptors.js';
import { defaultValue } from '../schema/defaults.js';
import { ScalarProblem, type ScalarName } from '../schema/scalars.js';
import {
  INT64_MAX,
  INT64_MIN,
  MAX_DATETIME_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  UNIX_EPOCH_TICKS,
  type DateTimeOffsetValue,
  type DateTimeValue,
  type TimeSpanValue,
} from '../schema/values.js';
import { enumText } from './enums.js';

/** The three wire formats, by codec name. */
export type WireFormat = 'json' | 'jsv' | 'xml';

function own(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** A class instance as the .NET constructor leaves it: value-type members at their defaults. */
export function defaultInstance(c: ClassDescriptor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.dictionary) return out;
  for (const p of c.properties) {
    const d = defaultValue(p.type);
    if (d !== undefined) out[p.wireName] = d;
  }
  return out;
}

type Leaf = (t: TypeDescriptor, v: unknown) => unknown;

interface Rules {
  /** What becomes of a string (value or dictionary key). */
  readonly text?: (s: string) => string;
  /** What becomes of a (non-null, canonical) scalar value other than a String. */
  readonly scalar: (t: ScalarDescriptor, v: unknown) => unknown;
  readonly dropNullDictionaryValues: boolean;
  readonly nullClassElementIsDefault: boolean;
  readonly blankOnlyElementIsEmpty: boolean;
  /** JSV rule 3a: a non-String list ending in two empty slots loses one of them. */
  readonly trailingEmptySlotsMerge: boolean;
}

/** The value model's canonical form of an encoder input: the schema's own `coerce` (what every encoder applies first). */
function coerced(t: ScalarDescriptor, v: unknown): unknown {
  const c = (t.coerce as (x: unknown) => unknown)(v);
  return c instanceof ScalarProblem ? v : c;
}

const CANONICAL: Rules = {
  scalar: coerced,
  dropNullDictionaryValues: false,
  nullClassElementIsDefault: false,
  blankOnlyElementIsEmpty: false,
  trailingEmptySlotsMerge: false,
};

// ---------------------------------------------------------------------------------------
// The scalar changes, each restated from the reference (no codec code is reused here).

/**
 * `DateTimeExtensions.ToUnixTimeMs` (ServiceStack.Text): `(long)TimeSpan.TotalMilliseconds` of
 * the time since 1970, i.e. the tick difference as a double, divided by 10 000, truncated
 * toward zero. The reader (`FromUnixTimeMs`) gives back whole milliseconds.
 */
function throughUnixMs(utcTicks: bigint): bigint {
  const ms = Math.trunc(Number(utcTicks - UNIX_EPOCH_TICKS) / 10_000);
  const back = UNIX_EPOCH_TICKS + BigInt(ms) * TICKS_PER_MILLISECOND;
  // The last ticks before DateTime.MaxValue round up as a double to one millisecond past it;
  // the JSON reader takes that text as MaxValue (src/formats/json: "MaxValue's WCF text reads
  // back"), where ServiceStack's FromUnixTimeMs would overflow.
  return back > MAX_DATETIME_TICKS ? MAX_DATETIME_TICKS : back;
}

/** JSON DateTime: the WCF `\/Date(ms[±hhmm|-0000])\/` form carries whole milliseconds of the instant. */
function jsonDateTime(v: DateTimeValue): DateTimeValue {
  const off = v.kind === 'Local' ? BigInt(v.offsetMinutes ?? 0) * TICKS_PER_MINUTE : 0n;
  const utc = throughUnixMs(v.ticks - off);
  // A Local clock within a millisecond of MaxValue can pass it the same way (the instant's
  // double rounds up); as for Utc, the text is taken as MaxValue.
  const local = utc + off > MAX_DATETIME_TICKS ? MAX_DATETIME_TICKS : utc + off;
  return v.kind === 'Local' ? { ticks: local, kind: 'Local', offsetMinutes: v.offsetMinutes ?? 0 } : { ticks: utc, kind: v.kind };
}

/**
 * JSON DateTimeOffset: `WriteWcfJsonDateTimeOffset` takes `ToUniversalTime().Ticks.ToUnixTimeMs()`,
 * the `long` overload: `(ticks - UnixEpoch) / TicksPerMillisecond`, an exact integer division
 * (truncated toward zero, no double), then the offset.
 */
function jsonDateTimeOffset(v: DateTimeOffsetValue): DateTimeOffsetValue {
  const off = BigInt(v.offsetMinutes) * TICKS_PER_MINUTE;
  const ms = (v.ticks - off - UNIX_EPOCH_TICKS) / TICKS_PER_MILLISECOND; // bigint division truncates toward zero, as C#'s
  return { ticks: UNIX_EPOCH_TICKS + ms * TICKS_PER_MILLISECOND + off, offsetMinutes: v.offsetMinutes };
}

/**
 * JSV DateTime (`DateTimeSerializer.ToShortestXsdDateTimeString`): midnight is written as the
 * date alone (`yyyy-MM-dd`), so its Kind is lost and it reads back Unspecified; at any other
 * time Utc keeps its `Z`, and Unspecified and Local are written with an offset (`zzz`, the
 * host's zone: `+00:00` for Unspecified on the UTC host the codecs assume, a Local value's
 * own), so Unspecified reads back as Local with offset 0. Ticks are kept (7 fraction digits).
 */
function jsvDateTime(v: DateTimeValue): DateTimeValue {
  if (v.ticks % TICKS_PER_DAY === 0n) return { ticks: v.ticks, kind: 'Unspecified' };
  if (v.kind === 'Utc') return v;
  return { ticks: v.ticks, kind: 'Local', offsetMinutes: v.kind === 'Local' ? v.offsetMinutes ?? 0 : 0 };
}

/**
 * .NET Core's custom numeric format `0.0000000` of a double: the double's 15 significant digits
 * (`DoublePrecisionCustomFormat`), rounded half away from zero to 7 places; returned as ticks
 * (units of 10^-7).
 */
function sevenPlacesOf(x: number): bigint {
  const [mant, exp] = x.toExponential(14).split('e') as [string, string];
  const digits = BigInt(mant.replace('.', '')); // 15 digits: x = digits × 10^(e-14)
  const shift = Number(exp) - 14 + 7; // ticks = digits × 10^shift
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  const q = digits / div;
  return digits % div >= div / 2n ? q + 1n : q;
}

/**
 * JSON/JSV TimeSpan (`TimeSpanConverter.ToXsdDuration`/`FromXsdDuration`): the writer works
 * in doubles — ticks as a double, divided by 10^7 into seconds, whole days/hours/minutes cut
 * off, the seconds left written with at most 7 places (via 15 significant digits) — and the
 * reader adds the parts exactly (decimal). So the ticks survive while they fit a double's
 * precision and are rounded beyond (from about a year of ticks); MinValue and MaxValue are
 * fixed texts and come back exactly.
 */
/** The ticks of the texts `TimeSpanConverter` writes for MinValue/MaxValue (`±P10675199DT2H48M5.4775391S`); its reader maps them back. */
const XSD_DURATION_MAX_TEXT_TICKS = 9_223_372_036_854_775_391n;

function xsdDurationTicks(ticks: bigint): bigint {
  if (ticks === INT64_MIN || ticks === INT64_MAX) return ticks;
  const negative = ticks < 0n;
  const t = Number(negative ? -ticks : ticks);
  const total = t / 10_000_000;
  const whole = Math.trunc(total);
  const sec = whole % 60;
  const remaining = sec + (total - whole);
  const back = BigInt(whole - sec) * TICKS_PER_SECOND + (remaining > 0 ? sevenPlacesOf(remaining) : 0n);
  // A value whose text is the one written for MaxValue (MinValue) reads back as that.
  if (back === XSD_DURATION_MAX_TEXT_TICKS) return negative ? INT64_MIN : INT64_MAX;
  return negative ? -back : back;
}

/** A scalar change of one format: `change` applies it to a canonical value; `why` is the reason and its source. */
export interface ScalarChange {
  readonly change: (v: never) => unknown;
  readonly why: string;
}

/**
 * What each format changes in a scalar's value, per scalar (complete over `ScalarName`, so a
 * new scalar must be considered here): an entry for a format means that format changes
 * values of that scalar, and how; no entry means the format carries every value exactly.
 */
export const SCALAR_CHANGES: { readonly [N in ScalarName]: Partial<Record<WireFormat, ScalarChange>> } = {
  String: {},
  Boolean: {},
  Byte: {},
  SByte: {},
  Int16: {},
  UInt16: {},
  Int32: {},
  UInt32: {},
  Int64: {},
  UInt64: {},
  Single: {},
  Double: {},
  Decimal: {},
  Char: {},
  DateTime: {
    json: {
      change: jsonDateTime,
      why:
        'ServiceStack writes a DateTime as \\/Date(ms)\\/ (Utc), \\/Date(ms-0000)\\/ (Unspecified), \\/Date(ms±hhmm)\\/ (Local): ' +
        'whole milliseconds of the instant, truncated toward zero from a double (jsv-and-json.md §6.1; DateTimeSerializer.WriteWcfJsonDate, DateTimeExtensions.ToUnixTimeMs)',
    },
    jsv: {
      change: jsvDateTime,
      why:
        'ToShortestXsdDateTimeString writes midnight as yyyy-MM-dd (Kind lost: Unspecified) and Unspecified with the host offset ' +
        '(read back as Local +00:00) (jsv-and-json.md §2.5; DateTimeSerializer.ToShortestXsdDateTimeString)',
    },
  },
  DateTimeOffset: {
    json: {
      change: jsonDateTimeOffset,
      why:
        'WriteWcfJsonDateTimeOffset writes whole milliseconds of the UTC instant by exact integer division (DateTimeExtensions.ToUnixTimeMs(this long ticks)) ' +
        'and the offset (DateTimeSerializer.cs)',
    },
  },
  TimeSpan: {
    json: { change: (v: TimeSpanValue) => ({ ticks: xsdDurationTicks(v.ticks) }), why: 'TimeSpanConverter.ToXsdDuration computes in doubles: ticks beyond a double\'s precision are rounded' },
    jsv: { change: (v: TimeSpanValue) => ({ ticks: xsdDurationTicks(v.ticks) }), why: 'TimeSpanConverter.ToXsdDuration computes in doubles: ticks beyond a double\'s precision are rounded' },
  },
  Guid: {},
  'Byte[]': {
    jsv: {
      change: (b: Uint8Array) => (b.length === 0 ? null : b),
      why:
        'JSV writes base64 unquoted (jsv-and-json.md §2.5), so an empty array is an empty token, which the reader takes as null (§3.2): ' +
        'an absent member, a null element or dictionary value (and, as a list\'s only element, a blank list: rule 3)',
    },
  },
  Uri: {},
  Object: {},
};

function scalarRule(format: WireFormat): (t: ScalarDescriptor, v: unknown) => unknown {
  return (t, v) => {
    const c = SCALAR_CHANGES[t.name][format];
    return c === undefined ? v : (c.change as (x: unknown) => unknown)(v);
  };
}

const RULES: Readonly<Record<WireFormat, Rules>> = {
  json: { scalar: scalarRule('json'), dropNullDictionaryValues: true, nullClassElementIsDefault: true, blankOnlyElementIsEmpty: false, trailingEmptySlotsMerge: false },
  jsv: { scalar: scalarRule('jsv'), dropNullDictionaryValues: true, nullClassElementIsDefault: true, blankOnlyElementIsEmpty: true, trailingEmptySlotsMerge: true },
  xml: {
    text: (s) => s.replace(/\r\n?/g, '\n'),
    scalar: scalarRule('xml'),
    dropNullDictionaryValues: false,
    nullClassElementIsDefault: false,
    blankOnlyElementIsEmpty: false,
    trailingEmptySlotsMerge: false,
  },
};

/** Text scalars: what the format's text rule (XML line breaks) applies to. */
const isText = (t: ScalarDescriptor): boolean => t.name === 'String' || t.name === 'Uri';

function scalar(rules: Rules, t: ScalarDescriptor, v: unknown): unknown {
  if (isText(t) && typeof v === 'string') return rules.text ? rules.text(v) : v;
  return rules.scalar(t, v);
}

/** A dictionary key after `rules`: text keys by the text rule, other keys as their scalar, back to key text. */
function keyAfter(rules: Rules, keyType: ScalarDescriptor, k: string): string {
  if (isText(keyType)) return rules.text ? rules.text(k) : k;
  const v = (keyType.fromKey as (x: string) => unknown)(k);
  if (v instanceof ScalarProblem) return k;
  return (keyType.toKey as (x: unknown) => string)(rules.scalar(keyType, v));
}

/**
 * The key `k` of a dictionary keyed by `keyType` becomes after a trip through `formats` in
 * turn (the generator uses it to leave out dictionaries whose keys a format would merge).
 */
export function keyAfterAll(formats: readonly WireFormat[], keyType: ScalarDescriptor, k: string): string {
  let key = keyAfter(CANONICAL, keyType, k);
  for (const f of formats) key = keyAfter(RULES[f], keyType, key);
  return key;
}

/**
 * A non-empty string of .NET white space (`char.IsWhiteSpace`) that the JSV writer leaves bare:
 * everything but CR and LF, which make it quote the string.
 */
const BARE_BLANK = /^[\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

/** A Char that is .NET white space: CR and LF included, since a Char is written raw, never quoted. */
const BLANK_CHAR = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

const isCharElement = (t: TypeDescriptor): boolean =>
  (t.kind === 'scalar' && t.name === 'Char') || (t.kind === 'nullable' && t.of.kind === 'scalar' && t.of.name === 'Char');

function apply(rules: Rules, t: TypeDescriptor, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  switch (t.kind) {
    case 'scalar':
      return scalar(rules, t, v);
    case 'enum':
      // Encoders take a number or bigint as well as the text (CONTRIBUTING.md).
      return typeof v === 'number' && Number.isInteger(v) ? enumText(t, BigInt(v)) : typeof v === 'bigint' ? enumText(t, v) : v;
    case 'nullable':
      return apply(rules, t.of, v);
    case 'list': {
      if (!Array.isArray(v)) return v;
      const el = t.of;
      const out = v.map((e: unknown) => {
        if (e === null || e === undefined) {
          if (rules.nullClassElementIsDefault && el.kind === 'class' && !el.dictionary) return defaultInstance(el);
          return null;
        }
        const x = apply(rules, el, e);
        return x === undefined ? null : x;
      });
      // Judged on what the writer sees: an element that a scalar rule turns to null (JSV's
      // empty Byte[]) leaves the body blank too.
      if (rules.blankOnlyElementIsEmpty && out.length === 1 && (el.kind === 'scalar' || el.kind === 'nullable')) {
        const only: unknown = out[0];
        if (only === null || (typeof only === 'string' && (isCharElement(el) ? BLANK_CHAR : BARE_BLANK).test(only))) return [];
      }
      const emptySlotForNull = (el.kind === 'scalar' && el.name !== 'String') || el.kind === 'nullable' || el.kind === 'list';
      if (rules.trailingEmptySlotsMerge && emptySlotForNull && out.length >= 2 && out[out.length - 1] === null && out[out.length - 2] === null) out.pop();
      return out;
    }
    case 'dictionary':
      return entries(rules, t, v);
    case 'class':
      if (t.dictionary) return entries(rules, t.dictionary, v);
      return members(rules, t, v);
  }
}

function entries(rules: Rules, d: DictionaryDescriptor, v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if ((x === null || x === undefined) && rules.dropNullDictionaryValues) continue;
    own(out, keyAfter(rules, d.key, k), x === null || x === undefined ? null : apply(rules, d.value, x));
  }
  return out;
}

function members(rules: Rules, c: ClassDescriptor, v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const p of c.properties) {
    const x = has(src, p.wireName) ? src[p.wireName] : undefined;
    const y = x === null || x === undefined ? x : apply(rules, p.type, x);
    // A value the format reads back as null (JSV's empty Byte[]) leaves the member absent.
    if (y === null || y === undefined) {
      const d = defaultValue(p.type);
      if (d !== undefined) out[p.wireName] = d;
      continue;
    }
    out[p.wireName] = y;
  }
  return out;
}

/** Any encoder input in the decoded shape (see the module comment). Returns a fresh value. */
export function canonical(type: TypeDescriptor, value: unknown): unknown {
  return apply(CANONICAL, type, value);
}

/** The value `decode(encode(value))` must give in `format`: `canonical` plus that format's rules. */
export function expectedAfter(format: WireFormat, type: TypeDescriptor, value: unknown): unknown {
  const rules = RULES[format];
  if (rules === undefined) throw new RangeError(`unknown format ${String(format)}`);
  return apply(rules, type, apply(CANONICAL, type, value));
}

/** The value after a chain of formats: each format's rules in turn. */
export function expectedAfterAll(formats: readonly WireFormat[], type: TypeDescriptor, value: unknown): unknown {
  let v = canonical(type, value);
  for (const f of formats) v = expectedAfter(f, type, v);
  return v;
}

/** Shows a value in a difference: -0, bigints (`12n`) and byte arrays (`Uint8Array[1,2]`) visibly. */
export function showValue(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === undefined) return 'absent';
  try {
    return JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? `Uint8Array[${[...x].join(',')}]` : typeof x === 'number' && Object.is(x, -0) ? '-0' : x,
    ).slice(0, 200);
  } catch {
    return String(v);
  }
}
const show = showValue;

/**
 * One scalar value equals another: `Object.is` on primitives (NaN equals NaN, -0 differs from
 * 0, bigints by value); byte arrays byte by byte; `Date`s (encoder input) by instant; the
 * value objects of DateTime/DateTimeOffset/TimeSpan member by member (`Object.is`).
 */
export function sameScalarValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
    return false;
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => Object.prototype.hasOwnProperty.call(b, k) && Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Where `actual` first differs from `expected` as values of `type`, as `path: actual ≠ expected`,
 * or undefined when they are the same value. Same means: scalars by `Object.is`; lists element
 * by element; dictionaries with the same keys in the same order (entry order is data in every
 * format); class instances with the same members present (in any order); every object a plain
 * `Object.prototype` object with own properties, every list an `Array`.
 */
export function firstDifference(type: TypeDescriptor, actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (expected === null || expected === undefined || actual === null || actual === undefined) {
    return actual === expected ? undefined : `${path}: ${show(actual)} ≠ ${show(expected)}`;
  }
  switch (type.kind) {
    case 'scalar':
      return sameScalarValue(actual, expected) ? undefined : `${path}: ${show(actual)} ≠ ${show(expected)}`;
    case 'enum':
      return Object.is(actual, expected) ? undefined : `${path}: ${show(actual)} ≠ ${show(expected)}`;
    case 'nullable':
      return firstDifference(type.of, actual, expected, path);
    case 'list': {
      if (!Array.isArray(actual) || !Array.isArray(expected)) return `${path}: ${show(actual)} ≠ ${show(expected)} (not both lists)`;
      if (actual.length !== expected.length) return `${path}: ${actual.length} elements ≠ ${expected.length}: ${show(actual)} ≠ ${show(expected)}`;
      for (let i = 0; i < actual.length; i++) {
        const d = firstDifference(type.of, actual[i], expected[i], `${path}[${i}]`);
        if (d !== undefined) return d;
      }
      return undefined;
    }
    case 'dictionary':
      return dictionaryDifference(type.value, actual, expected, path);
    case 'class':
      if (type.dictionary) return dictionaryDifference(type.dictionary.value, actual, expected, path);
      return classDifference(type, actual, expected, path);
  }
}

function plainProblem(v: unknown, path: string): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: ${show(v)} is not an object`;
  if (Object.getPrototypeOf(v) !== Object.prototype) return `${path}: not a plain Object.prototype object`;
  return undefined;
}

function dictionaryDifference(valueType: TypeDescriptor, actual: unknown, expected: unknown, path: string): string | undefined {
  const p = plainProblem(actual, path) ?? plainProblem(expected, `${path} (expected)`);
  if (p !== undefined) return p;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const ak = Object.keys(a);
  const ek = Object.keys(e);
  if (ak.length !== ek.length || ak.some((k, i) => k !== ek[i])) return `${path}: keys ${show(ak)} ≠ ${show(ek)}`;
  for (const k of ak) {
    const d = firstDifference(valueType, a[k], e[k], `${path}[${JSON.stringify(k)}]`);
    if (d !== undefined) return d;
  }
  return undefined;
}

function classDifference(c: ClassDescriptor, actual: unknown, expected: unknown, path: string): string | undefined {
  const p = plainProblem(actual, path) ?? plainProblem(expected, `${path} (expected)`);
  if (p !== undefined) return p;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const ak = new Set(Object.keys(a));
  const ek = new Set(Object.keys(e));
  for (const k of ak) if (!ek.has(k)) return `${path}.${k}: ${show(a[k])} ≠ absent`;
  for (const k of ek) if (!ak.has(k)) return `${path}.${k}: absent ≠ ${show(e[k])}`;
  for (const prop of c.properties) {
    if (!ak.has(prop.wireName)) continue;
    const d = firstDifference(prop.type, a[prop.wireName], e[prop.wireName], `${path}.${prop.wireName}`);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** `firstDifference(...) === undefined`. */
export function sameValue(type: TypeDescriptor, actual: unknown, expected: unknown): boolean {
  return firstDifference(type, actual, expected) === undefined;
}
