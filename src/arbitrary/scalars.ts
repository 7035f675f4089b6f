/**
 * One arbitrary per .NET scalar (`SCALAR_ARBITRARIES`, a `Record<ScalarName, …>` so that the
 * compiler insists on a row for every scalar the schema knows), each generating the value
 * model's canonical form (src/schema/scalars.ts, CONTRIBUTING.md) over the scalar's whole
 * range, biased towards the values where a wire format's rules change: range ends, 2^53,
 * notation thresholds, midnight, whole seconds and milliseconds, -0, NaN.
 *
 * A row may also offer `input`: other JavaScript values an encoder accepts for the same scalar
 * (a safe-integer `number` or a digit string for an Int64, an upper-case or `N`-form Guid, a
 * `number[]` for a `Byte[]`, a `Date`). `dtoArbitrary({ shape: 'input' })` mixes them in;
 * `canonical` (./equivalence.ts) maps them back with the schema's own `coerce`.
 *
 * What a format cannot carry at all is left out here, per format (the `format` argument),
 * and documented beside the row; what a format carries but changes is an equivalence rule
 * (./equivalence.ts), not a limit.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { ScalarName, ScalarValues } from '../schema/scalars.js';
import {
  INT64_MAX,
  INT64_MIN,
  MAX_DATETIME_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  UINT64_MAX,
  UNIX_EPOCH_TICKS,
  type DateTimeKind,
  type DateTimeOffsetValue,
  type DateTimeValue,
  type TimeSpanValue,
} from '../schema/values.js';
import { doubleArbitrary, intArbitrary, singleArbitrary, bigIntArbitrary } from './numbers.js';
import { textArbitrary, type ArbitraryFormat } from './text.js';

export interface ScalarArbitraryRow<N extends ScalarName> {
  /** Values in the decoded shape that every format in `format` carries. */
  readonly values: (format: ArbitraryFormat) => Arbitrary<ScalarValues[N]>;
  /** Other encoder inputs for the same values (optional). */
  readonly input?: (format: ArbitraryFormat) => Arbitrary<unknown>;
}

/** A scalar no format carries: the arbitrary refuses it, saying why. */
export interface ScalarRefusal {
  readonly refused: string;
}

export type ScalarArbitraryTable = { readonly [N in ScalarName]: ScalarArbitraryRow<N> | ScalarRefusal };

// ---------------------------------------------------------------------------------------
// Decimal

/** 2^96 - 1: `decimal.MaxValue`'s mantissa, 29 digits. */
export const DECIMAL_MANTISSA_MAX = 2n ** 96n - 1n;

/** The value model's text of mantissa × 10^-scale: sign only when non-zero, scale kept. */
export function decimalText(mantissa: bigint, scale: number, negative: boolean): string {
  let digits = mantissa.toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative && mantissa !== 0n ? `-${digits}` : digits;
}

const DECIMAL_MANTISSAS: Arbitrary<bigint> = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: DECIMAL_MANTISSA_MAX }) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 100_000n }) },
  // Up to 29 digits of every length.
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 28 }).chain((n) => fc.bigInt({ min: 10n ** BigInt(n - 1), max: 10n ** BigInt(n) - 1n })) },
  { weight: 2, arbitrary: fc.constantFrom(0n, 1n, 150n, 10n ** 28n, 10n ** 28n - 1n, DECIMAL_MANTISSA_MAX, DECIMAL_MANTISSA_MAX - 1n) },
);

const decimalArbitrary: Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(DECIMAL_MANTISSAS, fc.integer({ min: 0, max: 28 }), fc.boolean()).map(([m, s, neg]) => decimalText(m, s, neg)) },
  // decimal.MaxValue / MinValue, the smallest step, zero with a scale, and the doc's examples.
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '79228162514264337593543950335',
      '-79228162514264337593543950335',
      '0.0000000000000000000000000001',
      '-0.0000000000000000000000000001',
      '7.9228162514264337593543950335',
      '0',
      '0.00',
      '1.50',
      '1.0',
      '-1',
    ),
  },
);

// ---------------------------------------------------------------------------------------
// Char

/**
 * Code units worth trying: each format's structural and escaped characters, white space,
 * the default `'\0'`, lone surrogates and the non-characters XML text cannot hold.
 */
const CHAR_EDGES = [
  '\u0000', '"', "'", ',', ':', '{', '}', '[', ']', ' ', '\t', '\r', '\n', '\\', '/', '<', '>', '&', '=',
  'a', 'Z', '0', 'é', '中', '\u0085', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u0001', '\u001f', '\u007f',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ufffe', '\uffff',
];

/**
 * The Chars JSV cannot carry: the server writes a Char raw, unquoted and unescaped
 * (jsv-and-json.md §2.5), so these six are read as structure (§3.1: a value ends at `,` or `}`,
 * `"` `{` `[` open a quoted or nested value, `]` closes a list) and the document cannot be
 * read back by any JSV reader, the server's included (src/formats/jsv/index.ts, "Losses").
 * Found by writing and reading every UTF-16 unit as a member, list element (first and last)
 * and dictionary value, compact and pretty: exactly these fail.
 */
export const JSV_UNCARRIABLE_CHARS: readonly string[] = ['"', ',', '[', ']', '{', '}'];

/**
 * Which UTF-16 code units a Char can travel as, per format:
 * - XML: every unit. DataContract writes a Char as its code as an integer (`<c>65</c>`,
 *   datacontract.md §14), so even `\0` and lone surrogates are plain digits.
 * - JSON: every unit, as for strings (./text.ts): the document is a JavaScript string.
 * - JSV: every unit but `JSV_UNCARRIABLE_CHARS`.
 */
function charArbitrary(format: ArbitraryFormat): Arbitrary<string> {
  const arb = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...CHAR_EDGES) },
    { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((u) => String.fromCharCode(u)) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) },
  );
  return format === 'jsv' || format === 'all' ? arb.filter((c) => !JSV_UNCARRIABLE_CHARS.includes(c)) : arb;
}

// ---------------------------------------------------------------------------------------
// DateTime, DateTimeOffset, TimeSpan

/** Ticks over DateTime's whole range, biased to midnight, whole seconds, whole milliseconds and the ends. */
const DATE_TICKS: Arbitrary<bigint> = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS / TICKS_PER_DAY }).map((d) => d * TICKS_PER_DAY) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS / TICKS_PER_SECOND }).map((s) => s * TICKS_PER_SECOND) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS / TICKS_PER_MILLISECOND }).map((s) => s * TICKS_PER_MILLISECOND) },
  // Around the Unix epoch, where the JSON form's millisecond count changes sign.
  { weight: 1, arbitrary: fc.bigInt({ min: -TICKS_PER_DAY, max: TICKS_PER_DAY }).map((d) => UNIX_EPOCH_TICKS + d) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0n,
      1n,
      MAX_DATETIME_TICKS,
      MAX_DATETIME_TICKS - 1n,
      UNIX_EPOCH_TICKS,
      UNIX_EPOCH_TICKS - 1n,
      UNIX_EPOCH_TICKS + 1n,
      638_396_640_000_000_000n, // 2024-01-01T00:00:00
      638_396_640_001_234_567n, // 2024-01-01T00:00:00.1234567
    ),
  },
);

/** UTC offsets in minutes (±14 h): whole hours, the half and quarter hours some zones use, the ends. */
const OFFSETS: Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 60, -60, 120, -300, -480, 330, 345, 525, -570, 780, 840, -840) },
  { weight: 1, arbitrary: fc.integer({ min: -840, max: 840 }) },
);

const KINDS: readonly DateTimeKind[] = ['Utc', 'Local', 'Unspecified'];

const inDateRange = (t: bigint): boolean => t >= 0n && t <= MAX_DATETIME_TICKS;

/**
 * DateTime of each Kind. A `Local` value carries the offset its text had; only those whose
 * UTC instant is itself a DateTime are generated: .NET's `ToUniversalTime` clamps any other to
 * `DateTime.MinValue`/`MaxValue` (DateTime.ToUniversalTime docs), so the instant of such a value
 * is not representable in the formats that write one (JSON's `\/Date(ms…)\/`).
 */
const dateTimeArbitrary: Arbitrary<DateTimeValue> = fc
  .tuple(DATE_TICKS, fc.constantFrom(...KINDS), OFFSETS)
  .filter(([ticks, kind, off]) => kind !== 'Local' || inDateRange(ticks - BigInt(off) * TICKS_PER_MINUTE))
  .map(([ticks, kind, off]): DateTimeValue => (kind === 'Local' ? { ticks, kind, offsetMinutes: off } : { ticks, kind }));

/**
 * DateTime dictionary keys JSV can carry: midnight only. The server writes a key with the
 * key type's writer, so a time of day puts an unquoted `:` in the key, where the map-key
 * scanner stops (jsv-and-json.md §3.6 `EatMapKey`): no JSV reader, the server's included, can
 * take it back (src/formats/jsv/index.ts, "Losses"). At midnight the key is the date alone.
 */
export const jsvDateTimeKeyArbitrary: Arbitrary<DateTimeValue> = fc
  .tuple(fc.bigInt({ min: 0n, max: MAX_DATETIME_TICKS / TICKS_PER_DAY }), fc.constantFrom(...KINDS), OFFSETS)
  .map(([d, kind, off]): DateTimeValue => (kind === 'Local' ? { ticks: d * TICKS_PER_DAY, kind, offsetMinutes: off } : { ticks: d * TICKS_PER_DAY, kind }))
  .filter((v) => v.kind !== 'Local' || inDateRange(v.ticks - BigInt(v.offsetMinutes ?? 0) * TICKS_PER_MINUTE));

/** DateTimeOffset: any local clock and offset whose UTC instant is a DateTime (the .NET constructor's check). */
const dateTimeOffsetArbitrary: Arbitrary<DateTimeOffsetValue> = fc
  .tuple(DATE_TICKS, OFFSETS)
  .filter(([ticks, off]) => inDateRange(ticks - BigInt(off) * TICKS_PER_MINUTE))
  .map(([ticks, off]): DateTimeOffsetValue => ({ ticks, offsetMinutes: off }));

const timeSpanArbitrary: Arbitrary<TimeSpanValue> = fc
  .oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }) },
    { weight: 2, arbitrary: fc.bigInt({ min: -10n * TICKS_PER_DAY, max: 10n * TICKS_PER_DAY }) },
    { weight: 1, arbitrary: fc.bigInt({ min: -1_000_000n, max: 1_000_000n }).map((s) => s * TICKS_PER_SECOND) },
    { weight: 1, arbitrary: fc.bigInt({ min: -1_000_000n, max: 1_000_000n }).map((s) => s * TICKS_PER_MILLISECOND) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0n, 1n, -1n, INT64_MIN, INT64_MAX, INT64_MIN + 1n, TICKS_PER_DAY, -TICKS_PER_DAY, 5_400n * TICKS_PER_SECOND, 10_000n),
    },
  )
  .map((ticks) => ({ ticks }));

// ---------------------------------------------------------------------------------------
// Guid, Byte[], Uri

const hex32 = (v: bigint): string => v.toString(16).padStart(32, '0');
const guidD = (h: string): string => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;

const GUID_BITS: Arbitrary<bigint> = fc.oneof(
  { weight: 8, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }) },
  { weight: 1, arbitrary: fc.constantFrom(0n, 2n ** 128n - 1n, 1n) },
);

const guidArbitrary: Arbitrary<string> = GUID_BITS.map((b) => guidD(hex32(b)));

/** The other spellings `coerce` takes for a Guid: `N`, upper case, braces, parentheses. */
const guidInput: Arbitrary<unknown> = fc
  .tuple(GUID_BITS, fc.constantFrom('N', 'D', 'B', 'P'), fc.boolean())
  .map(([b, form, upper]) => {
    const h = hex32(b);
    const s = form === 'N' ? h : form === 'B' ? `{${guidD(h)}}` : form === 'P' ? `(${guidD(h)})` : guidD(h);
    return upper ? s.toUpperCase() : s;
  });

const bytesArbitrary: Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 24 }) },
  // Every remainder of the length modulo 3: base64 padding `==`, `=`, none.
  { weight: 1, arbitrary: fc.constantFrom(new Uint8Array(0), Uint8Array.of(0), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfb, 0xff, 0xbf)) },
).map((b) => new Uint8Array(b)); // fresh and exactly a Uint8Array (no shared or subclass instance)

/**
 * Absolute URIs in the form .NET's `Uri.ToString()` gives back unchanged (lower-case scheme
 * and host, a path, query and fragment), with the characters that make JSV quote (`:` `,`)
 * and XML escape (`&`). Arbitrary text is not a Uri: .NET refuses relative or malformed ones
 * (`new Uri(text)` throws) and normalises others, so only canonical ones are generated.
 */
const URI_SEGMENT = fc.string({ unit: fc.constantFrom(...'abcxyz019-._~!$&\'()*+,;=:@'.split('')), minLength: 1, maxLength: 8 });
const uriArbitrary: Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('http', 'https', 'ftp'),
        fc.constantFrom('example.org', 'a.b.example.com', 'localhost:8080', '127.0.0.1', '[::1]'),
        fc.array(URI_SEGMENT, { maxLength: 3 }),
        fc.option(URI_SEGMENT, { nil: undefined }),
        fc.option(URI_SEGMENT, { nil: undefined }),
      )
      .map(([scheme, host, path, query, fragment]) => `${scheme}://${host}/${path.join('/')}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('http://example.org/', 'https://evovoice.io/', 'urn:isbn:0451450523', 'mailto:a@example.org', 'http://example.org/a?b=c&d=e,f#g') },
);

// ---------------------------------------------------------------------------------------
// The table

type SmallInt = 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32';

const intRow = <N extends SmallInt>(min: number, max: number): ScalarArbitraryRow<N> => {
  const arb = intArbitrary(min, max) as Arbitrary<ScalarValues[N]>;
  // A bigint in range is an input `coerce` takes for every integer type.
  return { values: () => arb, input: () => arb.map((v) => BigInt(v)) };
};

const bigRow = <N extends 'Int64' | 'UInt64'>(min: bigint, max: bigint): ScalarArbitraryRow<N> => {
  const arb = bigIntArbitrary(min, max) as Arbitrary<ScalarValues[N]>;
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return {
    values: () => arb,
    // What `coerce` accepts besides a bigint: a safe-integer number, a digit string.
    input: () => arb.chain((v) => (v >= -safe && v <= safe ? fc.constantFrom<unknown>(Number(v), String(v)) : fc.constant<unknown>(String(v)))),
  };
};

export const SCALAR_ARBITRARIES: ScalarArbitraryTable = {
  String: { values: (f) => textArbitrary(f) },
  Boolean: { values: () => fc.boolean() },
  Byte: intRow(0, 255),
  SByte: intRow(-128, 127),
  Int16: intRow(-32768, 32767),
  UInt16: intRow(0, 65535),
  Int32: intRow(-2147483648, 2147483647),
  UInt32: intRow(0, 4294967295),
  Int64: bigRow(INT64_MIN, INT64_MAX),
  UInt64: bigRow(0n, UINT64_MAX),
  // NaN and ±Infinity included: every format writes them for Single as for Double
  // (jsv-and-json.md §2.4 and §6.1, datacontract.md §14 "float: like double").
  Single: { values: () => singleArbitrary },
  Double: { values: () => doubleArbitrary },
  Decimal: { values: () => decimalArbitrary, input: () => decimalArbitrary.map((d) => (/^-?\d+$/.test(d) ? BigInt(d) : d)) },
  Char: { values: (f) => charArbitrary(f) },
  DateTime: {
    values: () => dateTimeArbitrary,
    // A `Date` is read as its UTC instant in milliseconds (values.ts `dateTimeFromDate`).
    input: () =>
      fc.integer({ min: -62135596800000, max: 253402300799999 }).map((ms) => new Date(ms)),
  },
  DateTimeOffset: { values: () => dateTimeOffsetArbitrary },
  TimeSpan: { values: () => timeSpanArbitrary },
  Guid: { values: () => guidArbitrary, input: () => guidInput },
  'Byte[]': { values: () => bytesArbitrary, input: () => bytesArbitrary.map((b) => [...b]) },
  Uri: { values: () => uriArbitrary },
  Object: {
    refused:
      'System.Object is carried by no wire format here (every codec refuses it with DtoFormatError code "unsupported"), so no value of it is generated',
  },
};

export function isRefusal<N extends ScalarName>(row: ScalarArbitraryRow<N> | ScalarRefusal): row is ScalarRefusal {
  return 'refused' in row;
}

const cache = new Map<string, Arbitrary<unknown>>();

/**
 * The arbitrary of a scalar's values (`shape: 'decoded'`) or of every encoder input for them
 * (`'input'`: the canonical values and the row's other inputs), for `format`. Throws for a
 * scalar no format carries (`Object`), naming `where` when given.
 */
export function scalarArbitrary<N extends ScalarName>(
  name: N,
  format: ArbitraryFormat,
  shape: 'decoded' | 'input' = 'decoded',
  where?: string,
): Arbitrary<ScalarValues[N]> {
  const row = SCALAR_ARBITRARIES[name] as ScalarArbitraryRow<N> | ScalarRefusal;
  if (isRefusal(row)) throw new TypeError(`dtoArbitrary: ${where === undefined ? '' : `${where} is ${name}: `}${row.refused}`);
  const key = `${name}|${format}|${shape}`;
  let arb = cache.get(key);
  if (arb === undefined) {
    const values = row.values(format);
    arb = shape === 'input' && row.input ? fc.oneof({ weight: 3, arbitrary: values }, { weight: 1, arbitrary: row.input(format) }) : values;
    cache.set(key, arb);
  }
  return arb as Arbitrary<ScalarValues[N]>;
}
