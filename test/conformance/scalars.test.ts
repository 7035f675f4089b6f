/**
 * Scalar text, byte for byte, in every format: for generated doubles, Singles, Int32s, 64-bit
 * integers, decimals, Guids, booleans, enums, strings and dictionary keys, the document each writer produces is compared with one built
 * here from the specs' rules (jsv-and-json.md §2.2–2.5, §6; datacontract.md §12–13). The
 * reference functions are written from the spec, independently of src/formats/common, so
 * a slipped threshold or a changed escape shows up for every value, not only for the ones the
 * oracle vectors happen to hold.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { bigIntArbitrary, decimalText, doubleArbitrary, int32Arbitrary, keyArbitrary, scalarArbitrary, singleArbitrary, textArbitrary } from '../../src/arbitrary/index.js';
import { formatSingle } from '../../src/formats/common/numbers.js';
import { INT64_MAX, INT64_MIN, UINT64_MAX } from '../../src/schema/values.js';
import { zoo } from '../support/zoo.js';
import { evoVoice } from '../../src/dtos/index.js';
import { jsonCodec } from '../../src/formats/json/index.js';
import { jsvCodec } from '../../src/formats/jsv/index.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { failWith } from './support/checks.js';
import { runs, TEST_TIMEOUT } from './support/profile.js';
import { checkProperty, checkTable } from './support/record.js';
import { DOTNET_DOUBLE_TEXT, DOTNET_SINGLE_TEXT } from '../support/spec-tables.js';

const RUNS = runs(1000);
const schema = evoVoice.at(2);
const BillingItem = schema.requireClass('BillingItem');
const ScheduleDay = schema.requireClass('ScheduleDay');
const Staging = schema.requireClass('SetCustomerStagingMode');
const Tag = schema.requireClass('Tag');
const Struct = schema.requireClass('Struct');
const NullableZoo = zoo.at(1).requireClass('NullableZoo');

/**
 * .NET Core `double.ToString()`: JavaScript's shortest round-trip digits (read here from
 * `String(x)`, in either of its notations), E notation iff the decimal point would sit more
 * than max(digits, 17) places right of the first digit's position or more than 3 left of it,
 * written `d[.ddd]E±XX`.
 */
export function dotnetDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const sign = x < 0 ? '-' : '';
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)))!;
  let digits = m[1]! + (m[2] ?? '');
  // value = 0.<digits> × 10^point
  let point = m[1]!.length + Number(m[3] ?? 0);
  const zeros = /^0*/.exec(digits)![0].length;
  digits = digits.slice(zeros).replace(/0+$/, '');
  point -= zeros;
  const k = digits.length;
  if (point > Math.max(k, 17) || point < -3) {
    const e = point - 1;
    return `${sign}${digits[0]}${k > 1 ? `.${digits.slice(1)}` : ''}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= k) return sign + digits + '0'.repeat(point - k);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** XmlConvert.ToString(double): the same, with INF / -INF. */
const xmlDouble = (x: number): string => (x === Infinity ? 'INF' : x === -Infinity ? '-INF' : dotnetDouble(x));

/**
 * .NET Core `float.ToString()` (jsv-and-json.md §2.4 with P = 9): the fewest significant
 * digits (1…9) whose decimal reads back as the same Single (`Math.fround`), laid out like a
 * double but in E notation once the decimal point would sit more than max(digits, 9) places
 * right of the first digit or more than 3 left of it.
 */
export function dotnetSingle(value: number): string {
  const x = Math.fround(value);
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return dotnetDouble(x);
  let digits = '';
  let point = 0;
  for (let p = 1; p <= 9; p++) {
    const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential(p - 1))!;
    if (Math.fround(Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}e${m[3]}`)) === Math.abs(x)) {
      digits = (m[1]! + (m[2] ?? '')).replace(/0+$/, '') || '0';
      point = Number(m[3]) + 1;
      break;
    }
  }
  const sign = x < 0 ? '-' : '';
  const k = digits.length;
  if (point > Math.max(k, 9) || point < -3) {
    const e = point - 1;
    return `${sign}${digits[0]}${k > 1 ? `.${digits.slice(1)}` : ''}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= k) return sign + digits + '0'.repeat(point - k);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const xmlSingle = (x: number): string => (x === Infinity ? 'INF' : x === -Infinity ? '-INF' : dotnetSingle(x));

/** JSV string rule (§2.2): quoted, with `"` doubled, iff empty or holding one of `" : , { } [ ]` CR LF. */
const jsvString = (s: string): string => (s === '' || /[":,{}[\]\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** XML element text on a LF host (§13): `& < >` escaped, every line break written as LF. */
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n?/g, '\n');

/** The text of the first `<name>…</name>` (any prefix) in an XML document. */
function element(xml: string, name: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${name}(?: [^>]*)?>([^<]*)</(?:\\w+:)?${name}>`).exec(xml);
  return m?.[1];
}

function expectText(what: string, got: string | undefined, want: string, document: string): void {
  if (got !== want) failWith(`${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`, ['document', document]);
}

describe('scalar text in every format', () => {
  it(
    'Double: .NET text in JSON and JSV, XmlConvert text in XML',
    (ctx) => {
      checkProperty(
        ctx,
        'scalars › Double text (JSON, JSV, XML)',
        fc.property(doubleArbitrary, (x) => {
          const d = dotnetDouble(x);
          const json = jsonCodec.encode(BillingItem, { baseCost: x });
          expectText('JSON', json, `{"baseCost":${d},"rawUnitMultiplier":0,"unitCost":0,"allowance":0}`, json);
          const jsv = jsvCodec.encode(BillingItem, { baseCost: x });
          expectText('JSV', jsv, `{baseCost:${d},rawUnitMultiplier:0,unitCost:0,allowance:0}`, jsv);
          const xml = xmlCodec.encode(BillingItem, { baseCost: x });
          expectText('XML', element(xml, 'BaseCost'), xmlDouble(x), xml);
        }),
        RUNS,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'Int32, Boolean and enum members',
    (ctx) => {
      const cases = fc.record({
        offset: int32Arbitrary,
        day: fc.constantFrom(...ScheduleDay.properties[1]!.type.kind === 'enum' ? (ScheduleDay.properties[1]!.type.members.map((m) => m.name)) : []),
        staging: fc.boolean(),
      });
      checkProperty(
        ctx,
        'scalars › Int32, Boolean, enum text (JSON, JSV, XML)',
        fc.property(cases, ({ offset, day, staging }) => {
          const v = { offset, dayOfWeek: day };
          const json = jsonCodec.encode(ScheduleDay, v);
          expectText('JSON', json, `{"offset":${offset},"dayOfWeek":"${day}"}`, json);
          const jsv = jsvCodec.encode(ScheduleDay, v);
          expectText('JSV', jsv, `{offset:${offset},dayOfWeek:${day}}`, jsv);
          const xml = xmlCodec.encode(ScheduleDay, v);
          expectText('XML Int32', element(xml, 'Offset'), String(offset), xml);
          expectText('XML enum', element(xml, 'DayOfWeek'), day, xml);
          const b = { isStaging: staging };
          expectText('JSON Boolean', jsonCodec.encode(Staging, b), `{"isStaging":${staging}}`, jsonCodec.encode(Staging, b));
          expectText('JSV Boolean', jsvCodec.encode(Staging, b), `{isStaging:${staging ? 'True' : 'False'}}`, jsvCodec.encode(Staging, b));
          const bx = xmlCodec.encode(Staging, b);
          expectText('XML Boolean', element(bx, 'IsStaging'), String(staging), bx);
        }),
        RUNS,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'String values and dictionary keys: the JSV quoting rule, XML escaping, JSON text JSON.parse reads back',
    (ctx) => {
      checkProperty(
        ctx,
        'scalars › String and key text (JSON, JSV, XML)',
        fc.property(textArbitrary('all'), keyArbitrary('all'), (s, k) => {
          const jsv = jsvCodec.encode(Tag, { name: s });
          expectText('JSV value', jsv, `{name:${jsvString(s)},color:Magenta}`, jsv);
          const xml = xmlCodec.encode(Tag, { name: s });
          expectText('XML value', element(xml, 'Name'), xmlText(s), xml);
          const json = jsonCodec.encode(Tag, { name: s });
          const parsed = JSON.parse(json) as { name?: unknown };
          if (parsed.name !== s) failWith(`JSON.parse reads ${JSON.stringify(parsed.name)}, not ${JSON.stringify(s)}`, ['document', json]);

          const dict = { [k]: {} };
          Object.defineProperty(dict, k, { value: {}, enumerable: true, writable: true, configurable: true });
          const kjsv = jsvCodec.encode(Struct, dict);
          expectText('JSV key', kjsv, `{${jsvString(k)}:{}}`, kjsv);
          const kxml = xmlCodec.encode(Struct, dict);
          expectText('XML key', element(kxml, 'Key'), xmlText(k), kxml);
          const kjson = jsonCodec.encode(Struct, dict);
          if (!Object.prototype.hasOwnProperty.call(JSON.parse(kjson), k)) failWith('JSON.parse does not find the key', ['document', kjson]);
        }),
        RUNS,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'Single: float.ToString() text in JSON and JSV, XmlConvert text in XML',
    (ctx) => {
      checkProperty(
        ctx,
        'scalars › Single text (JSON, JSV, XML)',
        fc.property(singleArbitrary, (x) => {
          const d = dotnetSingle(x);
          const v = { nullableSingle: x };
          const json = jsonCodec.encode(NullableZoo, v);
          expectText('JSON', json, `{"nullableSingle":${d}}`, json);
          const jsv = jsvCodec.encode(NullableZoo, v);
          expectText('JSV', jsv, `{nullableSingle:${d}}`, jsv);
          const xml = xmlCodec.encode(NullableZoo, v);
          expectText('XML', element(xml, 'NullableSingle'), xmlSingle(x), xml);
        }),
        RUNS,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    '64-bit integers (exact digits), Decimal (scale kept) and Guid (N in JSON/JSV, D in XML)',
    (ctx) => {
      // jsv-and-json.md §2.4 (integers plain and exact, decimal.ToString() keeps the scale),
      // §2.5 and §6.1 (Guid "N"), datacontract.md §12.1 and §14 (integers, decimal, Guid D form).
      const cases = fc.record({
        long: bigIntArbitrary(INT64_MIN, INT64_MAX),
        ulong: bigIntArbitrary(0n, UINT64_MAX),
        dec: scalarArbitrary('Decimal', 'all'),
        guid: scalarArbitrary('Guid', 'all'),
      });
      checkProperty(
        ctx,
        'scalars › Int64, UInt64, Decimal, Guid text (JSON, JSV, XML)',
        fc.property(cases, ({ long, ulong, dec, guid }) => {
          const v = { nullableInt64: long, nullableUInt64: ulong, nullableDecimal: dec, nullableGuid: guid };
          const n = guid.replace(/-/g, '');
          const json = jsonCodec.encode(NullableZoo, v);
          expectText('JSON', json, `{"nullableInt64":${long},"nullableUInt64":${ulong},"nullableDecimal":${dec},"nullableGuid":"${n}"}`, json);
          const jsv = jsvCodec.encode(NullableZoo, v);
          expectText('JSV', jsv, `{nullableInt64:${long},nullableUInt64:${ulong},nullableDecimal:${dec},nullableGuid:${n}}`, jsv);
          const xml = xmlCodec.encode(NullableZoo, v);
          expectText('XML Int64', element(xml, 'NullableInt64'), String(long), xml);
          expectText('XML UInt64', element(xml, 'NullableUInt64'), String(ulong), xml);
          expectText('XML Decimal', element(xml, 'NullableDecimal'), dec, xml);
          expectText('XML Guid', element(xml, 'NullableGuid'), guid, xml);
        }),
        RUNS,
      );
    },
    TEST_TIMEOUT,
  );

  it('the Single reference and formatSingle agree with the .NET Core examples', (ctx) => {
    checkTable(ctx, 'scalars › Single reference and formatSingle = .NET Core examples', DOTNET_SINGLE_TEXT, ([x]) => String(x), ([x, want]) => {
      if (dotnetSingle(x) !== want) throw new Error(`reference: ${dotnetSingle(x)} ≠ ${want}`);
      if (formatSingle(x) !== want) throw new Error(`formatSingle: ${formatSingle(x)} ≠ ${want}`);
    });
  });

  it('the Decimal text of the arbitrary is the value model (mantissa × 10^-scale)', (ctx) => {
    // The value model (CONTRIBUTING.md): sign, no superfluous leading zeros, the scale kept.
    const table: [bigint, number, boolean, string][] = [
      [150n, 2, false, '1.50'],
      [0n, 2, true, '0.00'],
      [1n, 28, true, '-0.0000000000000000000000000001'],
      [2n ** 96n - 1n, 0, false, '79228162514264337593543950335'],
      [2n ** 96n - 1n, 28, false, '7.9228162514264337593543950335'],
      [5n, 3, false, '0.005'],
    ];
    checkTable(ctx, 'scalars › Decimal text of the generator', table, (r) => r[3], ([m, scale, neg, want]) => {
      if (decimalText(m, scale, neg) !== want) throw new Error(`${decimalText(m, scale, neg)} ≠ ${want}`);
    });
  });

  it('the reference functions agree with the spec tables', (ctx) => {
    // jsv-and-json.md §2.4 and datacontract.md §12.3 examples.
    const table = DOTNET_DOUBLE_TEXT.map(([v, text]) => [v, text] as [number, string]);
    checkTable(ctx, 'scalars › reference rules = spec examples', table, ([x]) => String(x), ([x, want]) => {
      if (dotnetDouble(x) !== want) throw new Error(`${dotnetDouble(x)} ≠ ${want}`);
    });
  });
});
