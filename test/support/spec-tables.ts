/**
 * Example tables copied from the specs (and, for Single, the .NET Core examples), shared by every suite that checks them
 * (jsv-and-json.md §2.4 and datacontract.md §12.3: .NET Core's shortest round-trip double text).
 */
export const DOTNET_DOUBLE_TEXT: readonly (readonly [number, string])[] = [
  [0, '0'],
  [-0, '-0'],
  [0.1, '0.1'],
  [0.1 + 0.2, '0.30000000000000004'],
  [1 / 3, '0.3333333333333333'],
  [1.5e-7, '1.5E-07'],
  [0.0001, '0.0001'],
  [0.00001, '1E-05'],
  [1e15, '1000000000000000'],
  [1e16, '10000000000000000'],
  [1e17, '1E+17'],
  [1e20, '1E+20'],
  [1e21, '1E+21'],
  [123456789012345680, '1.2345678901234568E+17'],
  [5e-324, '5E-324'],
  [1.7976931348623157e308, '1.7976931348623157E+308'],
  [2.2250738585072014e-308, '2.2250738585072014E-308'],
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
  [-60, '-60'],
  [100, '100'],
  [1234567, '1234567'],
];

/**
 * .NET Core 3.0+ `float.ToString()` (shortest round-trip digits for a Single, E notation past
 * 9 digits: jsv-and-json.md §2.4 step 3, P = 9 for float; dotnet/runtime Number.Formatting.cs
 * `SinglePrecision`): `float.MaxValue`, `float.Epsilon`, `1f/3`, `123456789f`, `1e9f`, and
 * §2.4 step 1 (zeros and the non-finite values), which applies to float as to double.
 */
export const DOTNET_SINGLE_TEXT: readonly (readonly [number, string])[] = [
  [Math.fround(3.4028234663852886e38), '3.4028235E+38'],
  [Math.fround(1.401298464324817e-45), '1E-45'],
  [Math.fround(1 / 3), '0.33333334'],
  [Math.fround(123456789), '123456790'],
  [Math.fround(1e9), '1E+09'],
  [0, '0'],
  [-0, '-0'],
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
];
