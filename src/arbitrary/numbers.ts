/**
 * Numbers for generated DTOs. Every format writes doubles as .NET text (shortest round-trip
 * digits, `E` notation from 1E+17 and below 1E-04, `-0`, NaN, ±Infinity), so the generator
 * leans on the values that exercise that rule: the notation thresholds, 17-significant-digit
 * values, subnormals, the extremes, and the non-finite ones.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export const int32Arbitrary: Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: INT32_MIN, max: INT32_MAX }) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 2, arbitrary: fc.constantFrom(INT32_MIN, INT32_MAX, INT32_MIN + 1, INT32_MAX - 1, 0, -1, 1) },
);

const MIN_NORMAL = 2.2250738585072014e-308;

/** Doubles whose text sits on a rule's edge (jsv-and-json.md §2.4, datacontract.md §12). */
const EDGES = [
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  MIN_NORMAL,
  2.225073858507201e-308, // the largest subnormal
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.EPSILON,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e15,
  1e16,
  9999999999999998,
  1e17,
  99999999999999980,
  123456789012345680,
  1e20,
  1e21,
  1e22,
  1e23,
  1e-4,
  9.999999999999999e-5,
  1e-5,
  1.5e-7,
  0.1,
  0.30000000000000004,
  1 / 3,
  -60,
  100,
  1234567,
  2147483648,
  -2147483649,
];

export const doubleArbitrary: Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.constantFrom(...EDGES) },
  // Subnormals: fc.double() reaches them only rarely.
  { weight: 1, arbitrary: fc.double({ min: -MIN_NORMAL, max: MIN_NORMAL, noNaN: true }) },
  // 17 significant digits at every scale around the E-notation thresholds.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.bigInt({ min: 10n ** 16n, max: 10n ** 17n - 1n }), fc.integer({ min: -40, max: 40 }), fc.boolean())
      .map(([m, e, neg]) => Number(`${neg ? '-' : ''}${m}e${e - 16}`)),
  },
  { weight: 1, arbitrary: fc.integer().map((i) => i / 8) },
);
