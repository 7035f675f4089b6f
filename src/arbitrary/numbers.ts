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

/**
 * Integers of a .NET integer type (≤ 32 bits: a JavaScript number) over its whole range, with
 * the ends, their neighbours, 0 and ±1 often and small values often.
 */
export function intArbitrary(min: number, max: number): Arbitrary<number> {
  const edges = [min, max, min + 1, max - 1, 0, -1, 1].filter((v) => v >= min && v <= max);
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 2, arbitrary: fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) }) },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
  );
}

export const int32Arbitrary: Arbitrary<number> = intArbitrary(INT32_MIN, INT32_MAX);

/**
 * Integers of a 64-bit type (a bigint) over its whole range: the ends, 0, ±1 and ±(2^53 ± 1)
 * (where a JavaScript number stops being exact) often, the 32-bit edges too.
 */
export function bigIntArbitrary(min: bigint, max: bigint): Arbitrary<bigint> {
  const p53 = 2n ** 53n;
  const edges = [min, max, min + 1n, max - 1n, 0n, 1n, -1n, p53 - 1n, p53, p53 + 1n, -p53 + 1n, -p53, -p53 - 1n, 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 32n, 2n ** 63n]
    .filter((v) => v >= min && v <= max);
  return fc.oneof(
    { weight: 5, arbitrary: fc.bigInt({ min, max }) },
    { weight: 2, arbitrary: fc.bigInt({ min: min > -1000n ? min : -1000n, max: max < 1000n ? max : 1000n }) },
    { weight: 3, arbitrary: fc.constantFrom(...edges) },
  );
}

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

/** float.MaxValue, the smallest subnormal and normal Singles (as doubles: every Single is one). */
const FLOAT_MAX = 3.4028234663852886e38;
const FLOAT_MIN_NORMAL = 1.1754943508222875e-38;

/**
 * Singles whose text sits on an edge of .NET Core's `float.ToString()` (shortest round-trip
 * digits, E notation past 9 digits: jsv-and-json.md §2.4) and the .NET Core examples
 * (`3.4028235E+38`, `1E-45`, `0.33333334`, `123456790`, `1E+09`).
 */
const SINGLE_EDGES = [
  0, -0, NaN, Infinity, -Infinity, FLOAT_MAX, -FLOAT_MAX, 1.401298464324817e-45, -1.401298464324817e-45, FLOAT_MIN_NORMAL,
  1 / 3, 123456789, 1e9, 1e8, 999999999, 16777216, 16777217, 0.1, 1e-4, 1e-5, 1.5e-7, 2147483648, 100, -60,
].map(Math.fround);

/** Every value is exactly a Single (`Math.fround(x) === x`), which is the value model of `Single`. */
export const singleArbitrary: Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.float() },
  { weight: 3, arbitrary: fc.constantFrom(...SINGLE_EDGES) },
  // Subnormal Singles: fc.float() reaches them only rarely.
  { weight: 1, arbitrary: fc.float({ min: -FLOAT_MIN_NORMAL, max: FLOAT_MIN_NORMAL, noNaN: true }) },
  // 9 significant digits around the E-notation thresholds.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 10 ** 8, max: 10 ** 9 - 1 }), fc.integer({ min: -20, max: 20 }), fc.boolean())
      .map(([m, e, neg]) => Math.fround(Number(`${neg ? '-' : ''}${m}e${e - 8}`))),
  },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 24), max: 2 ** 24 }).map((i) => Math.fround(i / 8)) },
);
