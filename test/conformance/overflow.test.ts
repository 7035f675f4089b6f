/**
 * Out-of-range and huge numbers (issue 11): the same verdict in JSON, JSV and XML, for a value,
 * a Nullable<T>, a list item and a dictionary key of every numeric type, and never a silent
 * loss. Default mode: a `range` error with the path and line:col wherever the server would read
 * a value other than the text's. Lenient mode: what a ServiceStack host on .NET Core reads.
 *
 * Sources (facts only, restated):
 *  [netcore3]  .NET Core 3.0 breaking change "Floating-point parsing operations no longer fail or
 *              throw an OverflowException" (learn.microsoft.com/dotnet/core/compatibility/corefx):
 *              double.Parse/float.Parse of a finite text past the range return ±∞.
 *  [ssmem]     ServiceStack.Text NetCoreMemory.cs (.NET 6 build, MemoryProvider.Instance):
 *              ParseDouble/ParseFloat/ParseDecimal = double/float/decimal.Parse(Float |
 *              AllowThousands, Invariant); DeserializeBuiltin.cs uses them for JSON and JSV.
 *  [ssint]     ServiceStack.Text DefaultMemory.cs SignedInteger/UnsignedInteger: an integer past
 *              the type's range throws OverflowException; DeserializeTypeRefJson/Jsv catch it per
 *              member and keep the default (jsv-and-json.md §3.3), i.e. lenient drops the member.
 *  [xmlconv]   dotnet/runtime XmlConvert.cs ToDouble/ToSingle: double/float.Parse, no overflow
 *              check; ToDecimal: decimal.Parse without AllowExponent; ToInt32…: int.Parse etc.
 *              (overflow → OverflowException). XmlConverter.cs wraps every exception into an
 *              XmlException, so DCS fails the document: XML lenient still reports it.
 *  [decparse]  dotnet/runtime Number.Parsing.cs TryNumberToDecimal: digits while the mantissa fits
 *              96 bits and the scale 28, the next digit rounds half to even (a later non-zero
 *              digit breaks the tie), a carry past 96 bits drops a digit, an integral part
 *              that does not fit is an overflow (OverflowException).
 */
import { describe, expect, it } from 'vitest';
import { classType, createRegistry, prop, t, type ScalarName } from '../../src/index.js';
import { decodeJson, encodeJson } from '../../src/formats/json/index.js';
import { decodeJsv, encodeJsv } from '../../src/formats/jsv/index.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import type { ClassDescriptor } from '../../src/schema/descriptors.js';
import { catchDtoError } from '../support/errors.js';

const NUMERIC = ['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Single', 'Double', 'Decimal'] as const;
type Numeric = (typeof NUMERIC)[number];

const stem = (n: string): string => n[0]!.toLowerCase() + n.slice(1);
const members: Record<string, ReturnType<typeof prop>> = {};
for (const n of NUMERIC) {
  members[`${n}Value`] = prop(t.scalar(n));
  members[`Nullable${n}`] = prop(t.Nullable(t.scalar(n)));
  members[`${n}List`] = prop(t.List(t.scalar(n)));
  members[`${n}Keys`] = prop(t.Dictionary(t.scalar(n), t.String));
}
members.TimeSpanValue = prop(t.TimeSpan);
members.DateTimeValue = prop(t.DateTime);
const registry = createRegistry({
  name: 'overflow',
  revisions: [{ id: 1, description: 'the only revision' }],
  types: [classType('Overflow.Types', 'Holder', {}, members)],
});
const Holder: ClassDescriptor = registry.at(1).requireClass('Holder');

type Place = 'value' | 'nullable' | 'list' | 'key';
const PLACES: readonly Place[] = ['value', 'nullable', 'list', 'key'];
type Format = 'json' | 'jsv' | 'xml';
const FORMATS: readonly Format[] = ['json', 'jsv', 'xml'];

const wireOf = (n: Numeric, place: Place): string =>
  place === 'value' ? `${stem(n)}Value` : place === 'nullable' ? `nullable${n}` : place === 'list' ? `${stem(n)}List` : `${stem(n)}Keys`;

/** A sentinel every numeric type holds, unique in the documents below. */
const SENTINEL = '101';

function sentinelValue(n: Numeric): unknown {
  return n === 'Int64' || n === 'UInt64' ? 101n : n === 'Decimal' ? '101' : 101;
}

const encoders = {
  json: (v: unknown) => encodeJson(Holder, v),
  jsv: (v: unknown) => encodeJsv(Holder, v),
  xml: (v: unknown) => xmlCodec.encode(Holder, v, { declaration: false }),
};
const decoders = {
  json: (s: string, lenient: boolean) => decodeJson(Holder, s, { lenient }),
  jsv: (s: string, lenient: boolean) => decodeJsv(Holder, s, { lenient }),
  xml: (s: string, lenient: boolean) => xmlCodec.decode(Holder, s, { lenient }),
};

/** The server's own document for `n` at `place`, with `text` where the sentinel number was; and where that is. */
function documentWith(format: Format, n: Numeric, place: Place, text: string): { doc: string; at: number } {
  const wire = wireOf(n, place);
  const v = sentinelValue(n);
  const value = place === 'list' ? [v] : place === 'key' ? { [SENTINEL]: 'x' } : v;
  const base = encoders[format]({ [wire]: value });
  const at = base.indexOf(SENTINEL);
  expect(at).toBeGreaterThan(0);
  expect(base.indexOf(SENTINEL, at + 1)).toBe(-1);
  return { doc: base.slice(0, at) + text + base.slice(at + SENTINEL.length), at };
}

/** What decoding `text` at `place` gives: the value there (a key: the key text), or absent. */
function decodeAt(format: Format, n: Numeric, place: Place, text: string, lenient: boolean): unknown {
  const { doc } = documentWith(format, n, place, text);
  const out = decoders[format](doc, lenient) as Record<string, unknown>;
  const v = out[wireOf(n, place)];
  if (place === 'list') return v === undefined ? undefined : (v as unknown[])[0];
  if (place === 'key') return v === undefined ? undefined : Object.keys(v as object)[0];
  return v;
}

/** The error for `text` at `place`, checked to point at the text (line 1, the token's column; JSON keys: their quote). */
function errorAt(format: Format, n: Numeric, place: Place, text: string, lenient: boolean) {
  const { doc, at } = documentWith(format, n, place, text);
  const e = catchDtoError(() => decoders[format](doc, lenient));
  expect(e.path).toBe(place === 'list' ? `${wireOf(n, place)}[0]` : wireOf(n, place));
  expect(e.line).toBe(1);
  expect(e.column).toBe(format === 'json' && place === 'key' ? at : at + 1);
  return e;
}

/** The key text a decoded dictionary holds for a value (`ScalarRow.toKey`; JSV keeps its Double text). */
function keyText(format: Format, n: Numeric, v: unknown): string {
  if (typeof v === 'number' && n === 'Double' && format === 'jsv') return v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : String(v).replace('e', 'E');
  return String(v);
}

/** The default mode's verdict and the lenient reading of one text, per format. */
interface Case {
  readonly type: Numeric;
  readonly text: string;
  /** What the default mode reads: a value, or an error code. */
  readonly strict: { value: unknown } | { code: 'range' | 'type' };
  /** What lenient mode reads: a value, `dropped` (ServiceStack keeps the default), or an error code. */
  readonly lenient: { value: unknown } | 'dropped' | { code: 'range' | 'type' };
  /** XML differs (a text XmlConvert refuses, or DCS failing where ServiceStack drops). */
  readonly xml?: { strict: Case['strict']; lenient: Case['lenient'] };
  readonly formats?: readonly Format[];
  readonly source: string;
}

const RANGE = { code: 'range' } as const;
const TYPE = { code: 'type' } as const;
const DCS_FAILS = { strict: RANGE, lenient: RANGE };
const DCS_TYPE = { strict: TYPE, lenient: TYPE };

const ZEROS_28 = '0.' + '0'.repeat(28);
const INTEGER_EDGES: Record<'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32' | 'Int64' | 'UInt64', readonly [bigint, bigint]> = {
  Byte: [0n, 255n],
  SByte: [-128n, 127n],
  Int16: [-32768n, 32767n],
  UInt16: [0n, 65535n],
  Int32: [-(2n ** 31n), 2n ** 31n - 1n],
  UInt32: [0n, 2n ** 32n - 1n],
  Int64: [-(2n ** 63n), 2n ** 63n - 1n],
  UInt64: [0n, 2n ** 64n - 1n],
};
const asModel = (n: Numeric, v: bigint): unknown => (n === 'Int64' || n === 'UInt64' ? v : Number(v));

const CASES: Case[] = [
  // Double and Single: a finite text past the range.
  { type: 'Double', text: '1e400', strict: RANGE, lenient: { value: Infinity }, source: '[netcore3] [ssmem] [xmlconv]' },
  { type: 'Double', text: '-1e400', strict: RANGE, lenient: { value: -Infinity }, source: '[netcore3] [ssmem] [xmlconv]' },
  { type: 'Double', text: '1' + '0'.repeat(400), strict: RANGE, lenient: { value: Infinity }, source: '[netcore3]' },
  { type: 'Double', text: '1.7976931348623159e308', strict: RANGE, lenient: { value: Infinity }, source: '[netcore3]: past MaxValue + ½ulp' },
  { type: 'Double', text: '1.7976931348623158e308', strict: { value: 1.7976931348623157e308 }, lenient: { value: 1.7976931348623157e308 }, source: 'IEEE round to nearest: below MaxValue + ½ulp' },
  { type: 'Double', text: '4.9e-325', strict: { value: 0 }, lenient: { value: 0 }, source: 'underflow rounds to 0 on both sides (datacontract.md §12.5)' },
  { type: 'Single', text: '3.5e38', strict: RANGE, lenient: { value: Infinity }, source: '[netcore3] float.Parse' },
  { type: 'Single', text: '-1e39', strict: RANGE, lenient: { value: -Infinity }, source: '[netcore3] float.Parse' },
  { type: 'Single', text: '340282356779733661637539395458142568448', strict: RANGE, lenient: { value: Infinity }, source: '[netcore3]: exactly half-way to 2^128 rounds to even, ∞' },
  { type: 'Single', text: '340282356779733661637539395458142568447', strict: { value: 3.4028234663852886e38 }, lenient: { value: 3.4028234663852886e38 }, source: 'float.Parse rounds once: just below half-way is MaxValue (text → double → float would give ∞)' },
  { type: 'Single', text: '3.4028235e38', strict: { value: 3.4028234663852886e38 }, lenient: { value: 3.4028234663852886e38 }, source: 'float.MaxValue text' },
  // Decimal.
  { type: 'Decimal', text: '79228162514264337593543950335', strict: { value: '79228162514264337593543950335' }, lenient: { value: '79228162514264337593543950335' }, source: 'decimal.MaxValue' },
  { type: 'Decimal', text: '79228162514264337593543950336', strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[decparse] OverflowException; [ssint]-like catch in ServiceStack' },
  { type: 'Decimal', text: '-79228162514264337593543950335.5', strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[decparse]: …335 is odd, rounds up past 96 bits, overflow' },
  { type: 'Decimal', text: '79228162514264337593543950334.5', strict: RANGE, lenient: { value: '79228162514264337593543950334' }, source: '[decparse]: half to even keeps …334' },
  { type: 'Decimal', text: '1.00000000000000000000000000001', strict: RANGE, lenient: { value: '1.0000000000000000000000000000' }, source: '[decparse]: 28 places kept' },
  { type: 'Decimal', text: '9.9999999999999999999999999999', strict: RANGE, lenient: { value: '10.000000000000000000000000000' }, source: '[decparse]: 29 nines do not fit 96 bits; the 29th rounds up' },
  { type: 'Decimal', text: '0.00000000000000000000000000015', strict: RANGE, lenient: { value: '0.0000000000000000000000000002' }, source: '[decparse]: half to even (1 → 2)' },
  { type: 'Decimal', text: '0.00000000000000000000000000025', strict: RANGE, lenient: { value: '0.0000000000000000000000000002' }, source: '[decparse]: half to even (2 stays)' },
  { type: 'Decimal', text: '0.000000000000000000000000000251', strict: RANGE, lenient: { value: '0.0000000000000000000000000003' }, source: '[decparse]: a later non-zero digit breaks the tie' },
  { type: 'Decimal', text: '0.' + '0'.repeat(30), strict: RANGE, lenient: { value: ZEROS_28 }, source: '[decparse]: zero keeps at most 28 places' },
  { type: 'Decimal', text: '1e-400', strict: RANGE, lenient: { value: ZEROS_28 }, xml: DCS_TYPE, source: '[decparse]: rounds to zero at scale 28; XML: no exponent [xmlconv]' },
  { type: 'Decimal', text: '1e29', strict: RANGE, lenient: 'dropped', xml: DCS_TYPE, source: '[decparse] overflow; XML: no exponent [xmlconv]' },
  // Non-finite where the type has none: not this type's text.
  ...(['NaN', 'Infinity', '-Infinity'] as const).flatMap((text) =>
    (['Decimal', 'Byte', 'Int32', 'UInt64'] as const).map(
      (type): Case => ({ type, text, strict: TYPE, lenient: 'dropped', xml: DCS_TYPE, source: 'decimal.Parse/[ssint] FormatException; XmlConvert FormatException' }),
    ),
  ),
  { type: 'Double', text: 'NaN', strict: { value: NaN }, lenient: { value: NaN }, source: 'double.Parse NaN symbol (jsv-and-json.md §3.3, datacontract.md §12.5)' },
  { type: 'Single', text: '-Infinity', strict: { value: -Infinity }, lenient: { value: -Infinity }, source: 'float.Parse -Infinity symbol' },
  // Every integer type one past each end.
  ...Object.entries(INTEGER_EDGES).flatMap(([type, [min, max]]): Case[] => [
    { type: type as Numeric, text: String(max), strict: { value: asModel(type as Numeric, max) }, lenient: { value: asModel(type as Numeric, max) }, source: 'MaxValue' },
    { type: type as Numeric, text: String(max + 1n), strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[ssint] OverflowException; [xmlconv]' },
    { type: type as Numeric, text: String(min - 1n), strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[ssint] OverflowException; [xmlconv]' },
  ]),
];

const BIG = 1_000_000;
const HUGE_CASES: Case[] = [
  { type: 'Double', text: '9'.repeat(BIG), strict: RANGE, lenient: { value: Infinity }, source: '[netcore3]: 10^6 digits' },
  { type: 'Double', text: '0'.repeat(BIG) + '1.5', strict: { value: 1.5 }, lenient: { value: 1.5 }, source: 'leading zeros' },
  { type: 'Double', text: '0.' + '0'.repeat(BIG) + '1', strict: { value: 0 }, lenient: { value: 0 }, source: 'underflow' },
  { type: 'Int32', text: '9'.repeat(BIG), strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[ssint]' },
  { type: 'Int32', text: '0'.repeat(BIG) + '7', strict: { value: 7 }, lenient: { value: 7 }, source: '[ssint] skips leading zeros; int.Parse too' },
  { type: 'Int64', text: '-' + '9'.repeat(BIG), strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[ssint]' },
  { type: 'Int64', text: '0'.repeat(BIG) + '9223372036854775807', strict: { value: 2n ** 63n - 1n }, lenient: { value: 2n ** 63n - 1n }, source: 'leading zeros' },
  { type: 'Decimal', text: '9'.repeat(BIG), strict: RANGE, lenient: 'dropped', xml: DCS_FAILS, source: '[decparse] overflow' },
  { type: 'Decimal', text: '1.' + '0'.repeat(BIG), strict: RANGE, lenient: { value: '1.' + '0'.repeat(28) }, source: '[decparse]: 28 places kept' },
  { type: 'Decimal', text: '0'.repeat(BIG) + '1.5', strict: { value: '1.5' }, lenient: { value: '1.5' }, source: 'leading zeros' },
];

function check(c: Case, format: Format, place: Place, lenient: boolean): void {
  const verdict = format === 'xml' && c.xml ? (lenient ? c.xml.lenient : c.xml.strict) : lenient ? c.lenient : c.strict;
  if (verdict === 'dropped') {
    // ServiceStack keeps the member's default: a value type its default, anything else absent.
    const got = decodeAt(format, c.type, place, c.text, true);
    expect(got).toBe(place === 'value' ? (c.type === 'Decimal' ? '0' : c.type === 'Int64' || c.type === 'UInt64' ? 0n : 0) : undefined);
    return;
  }
  if ('code' in verdict) {
    expect(errorAt(format, c.type, place, c.text, lenient).code).toBe(verdict.code);
    return;
  }
  const got = decodeAt(format, c.type, place, c.text, lenient);
  if (place === 'key') expect(got).toBe(keyText(format, c.type, verdict.value));
  else expect(got).toBe(verdict.value);
}

describe.each(FORMATS)('%s: out-of-range numbers', (format) => {
  for (const c of CASES) {
    if (c.formats && !c.formats.includes(format)) continue;
    const label = c.text.length > 40 ? c.text.slice(0, 40) + '…' : c.text;
    it.each(PLACES)(`${c.type} ${label} as a %s (${c.source})`, (place) => {
      check(c, format, place, false);
      check(c, format, place, true);
    });
  }

  it.each(HUGE_CASES.map((c) => [`${c.type} ${c.text.slice(0, 12)}… (${c.text.length} chars; ${c.source})`, c] as const))('%s', (_, c) => {
    for (const place of ['value', 'list'] as const) {
      check(c, format, place, false);
      check(c, format, place, true);
    }
  });
});

describe('the message says what the server would read', () => {
  it('XML names the .NET Core value too, at the element text', () => {
    const e = catchDtoError(() => xmlCodec.decode(Holder, documentWith('xml', 'Single', 'value', '3.5e38').doc));
    expect(e.code).toBe('range');
    expect(e.detail).toBe('beyond the Single range; a .NET Core host reads Infinity');
  });
  it('Double past the range: range, path, position, and the .NET Core value', () => {
    const e = catchDtoError(() => decodeJson(Holder, '{"nullableDouble":1e400}'));
    expect(e.message).toBe('cannot decode Holder.nullableDouble from JSON at 1:19: expected Double, got 1e400 (beyond the Double range; a .NET Core host reads Infinity)');
  });
  it('a Decimal with more than 28 places names the rounded value', () => {
    const e = catchDtoError(() => decodeJsv(Holder, '{decimalValue:0.00000000000000000000000000015}'));
    expect(e.code).toBe('range');
    expect(e.detail).toBe('more than 28 decimal places; a .NET host reads 0.0000000000000000000000000002');
  });
});

/**
 * Linear work (no quadratic regex backtracking, no BigInt of an unbounded digit string): decoding
 * a document with one n-digit number takes time proportional to n. Two sizes 10x apart, the best
 * of a few runs each, the ratio must stay under 20 (a quadratic parser gives 100).
 */
describe('huge digit strings take linear time', () => {
  /**
   * Time per call of `large` over time per call of `small` (10x smaller input): samples of equal
   * work (the small one repeated 10 times per sample), interleaved, the best of seven each, so
   * a GC pause or a busy core in one sample does not decide the ratio.
   */
  const ratio = (small: () => void, large: () => void): number => {
    small();
    large();
    let s = Infinity;
    let l = Infinity;
    for (let i = 0; i < 7; i++) {
      let t0 = performance.now();
      for (let r = 0; r < 10; r++) small();
      s = Math.min(s, (performance.now() - t0) / 10);
      t0 = performance.now();
      large();
      l = Math.min(l, performance.now() - t0);
    }
    return l / Math.max(s, 0.01);
  };
  const attempt = (f: () => unknown) => () => {
    try {
      f();
    } catch {
      // errors are the expected outcome for most shapes; only time is measured here
    }
  };
  /** A run of digits with a tail the grammar refuses: what made `\d+\.?\d*` backtrack. */
  const shapes: readonly [string, (digits: string) => string][] = [
    ['digits', (d) => d],
    ['digits then x', (d) => d + 'x'],
    ['digits . digits then x', (d) => d + '.' + d + 'x'],
  ];
  const docs: Record<Format, (n: Numeric, text: string) => string> = {
    json: (n, text) => `{"${stem(n)}Value":${text},"${stem(n)}List":[${text}]}`,
    jsv: (n, text) => `{${stem(n)}Value:${text},${stem(n)}List:[${text}]}`,
    xml: (n, text) => documentWith('xml', n, 'value', text).doc,
  };
  for (const format of FORMATS) {
    it.each(['Double', 'Single', 'Int32', 'Int64', 'Decimal'] as const)(`${format} %s`, (n) => {
      for (const [, shape] of shapes) {
        const small = docs[format](n, shape('9'.repeat(BIG / 10)));
        const large = docs[format](n, shape('9'.repeat(BIG)));
        const decode = (doc: string) => attempt(() => decoders[format](doc, false));
        expect(ratio(decode(small), decode(large))).toBeLessThan(20);
      }
    });
  }
  // TimeSpan (XSD duration) and DateTime (WCF milliseconds) components are digit runs too.
  const temporal: Record<Format, readonly [string, (digits: string) => string][]> = {
    json: [
      ['TimeSpan days', (d) => `{"timeSpanValue":"P${d}D"}`],
      ['TimeSpan seconds', (d) => `{"timeSpanValue":"${d}x"}`],
      ['DateTime ms', (d) => `{"dateTimeValue":"\\/Date(${d})\\/"}`],
    ],
    jsv: [
      ['TimeSpan days', (d) => `{timeSpanValue:P${d}D}`],
      ['TimeSpan hours', (d) => `{timeSpanValue:PT${d}H}`],
      ['DateTime ms', (d) => `{dateTimeValue:/Date(${d})/}`],
    ],
    xml: [
      ['TimeSpan days', (d) => xmlMember('TimeSpanValue', `P${d}D`)],
      ['TimeSpan years', (d) => xmlMember('TimeSpanValue', `P${d}Y`)],
    ],
  };
  const xmlMember = (name: string, text: string): string => {
    const base = encoders.xml({ timeSpanValue: { ticks: 0n } });
    return base.replace(/<TimeSpanValue>[^<]*<\/TimeSpanValue>/, `<${name}>${text}</${name}>`);
  };
  for (const format of FORMATS) {
    it.each(temporal[format])(`${format} %s: a range error, in linear time`, (_, doc) => {
      const e = catchDtoError(() => decoders[format](doc('9'.repeat(BIG)), false));
      expect(['range', 'type']).toContain(e.code);
      const decode = (text: string) => attempt(() => decoders[format](text, false));
      expect(ratio(decode(doc('9'.repeat(BIG / 10))), decode(doc('9'.repeat(BIG))))).toBeLessThan(20);
    });
  }

  it('a String member given a bare huge JSON number (the token check every JSON value passes)', () => {
    const decode = (k: number) => {
      const doc = `{"unknown":${'9'.repeat(k)}x}`;
      return attempt(() => decodeJson(Holder, doc));
    };
    expect(ratio(decode(BIG / 10), decode(BIG))).toBeLessThan(20);
  });
});
