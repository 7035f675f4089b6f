/**
 * Example tables copied from the specs, shared by every suite that checks them
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
