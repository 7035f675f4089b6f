/**
 * Numbers as .NET writes and reads them. Every format shares the double layout of .NET Core
 * 3.0+'s shortest round-trip `ToString()` (jsv-and-json.md §2.4, datacontract.md §12.3):
 * the same digits as JavaScript, but E notation when the decimal exponent is ≥ 17 or < -4,
 * written `1.5E-07` / `1E+21` (capital E, explicit sign, at least two exponent digits).
 * The boolean rule of ServiceStack's text readers lives here too, beside the other scalars.
 */

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

export function isInt32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
}

/** .NET `double.ToString()` text of a finite or non-finite double; `-0` stays `-0`. */
export function formatDouble(x: number): string {
  const ax = Math.abs(x);
  // Inside this range both JavaScript and .NET use plain decimal with the same shortest digits.
  if (ax >= 1e-4 && ax < 1e15) return String(x);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (x !== x) return 'NaN';
  if (ax === Infinity) return x > 0 ? 'Infinity' : '-Infinity';
  return layout(x, ax.toExponential(), 17); // shortest round-trip digits: "1.2345e+17"
}

/**
 * .NET Core 3.0+ `float.ToString()`: the shortest digits that read back as the same Single,
 * laid out like a double but with E notation past 9 digits (jsv-and-json.md §2.4). The value
 * is rounded to a Single first (`Math.fround`).
 */
export function formatSingle(value: number): string {
  const x = Math.fround(value);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (x !== x) return 'NaN';
  const ax = Math.abs(x);
  if (ax === Infinity) return x > 0 ? 'Infinity' : '-Infinity';
  let exp = ax.toExponential(8);
  for (let p = 1; p <= 9; p++) {
    const e = ax.toExponential(p - 1);
    if (Math.fround(Number(e)) === ax) {
      exp = e;
      break;
    }
  }
  // toExponential(p) pads with zeros; the shortest digit string has none at its end.
  const [m, e] = exp.split('e') as [string, string];
  const trimmed = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  return layout(x, `${trimmed}e${e}`, 9);
}

/** The .NET general layout of `x` from its shortest `d.ddde±x` digits, E notation past `precision`. */
function layout(x: number, exp: string, precision: number): string {
  const ePos = exp.indexOf('e');
  const mantissa = exp.slice(0, ePos);
  const e = Number(exp.slice(ePos + 1));
  const digits = mantissa.length > 1 ? mantissa[0]! + mantissa.slice(2) : mantissa;
  const k = digits.length;
  const scale = e + 1;
  const sign = x < 0 ? '-' : '';
  if (scale > Math.max(k, precision) || scale < -3) {
    const ae = Math.abs(e);
    return `${sign}${digits[0]}${k > 1 ? '.' + digits.slice(1) : ''}E${e < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (scale <= 0) return `${sign}0.${'0'.repeat(-scale)}${digits}`;
  if (scale >= k) return sign + digits + '0'.repeat(scale - k);
  return `${sign}${digits.slice(0, scale)}.${digits.slice(scale)}`;
}

/** XmlConvert.ToString(double): as above but `INF` / `-INF`. */
export function formatXmlDouble(x: number): string {
  if (x === Infinity) return 'INF';
  if (x === -Infinity) return '-INF';
  return formatDouble(x);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses the decimal text .NET's invariant `double.Parse(NumberStyles.Float)` accepts, plus
 * the `NaN` / `Infinity` / `-Infinity` symbols. Returns undefined for anything else
 * (JavaScript's `Number()` would also take hex, binary and the empty string).
 */
export function parseDouble(text: string): number | undefined {
  const s = text.trim();
  if (DECIMAL.test(s)) return Number(s);
  switch (s) {
    case 'NaN':
      return NaN;
    case 'Infinity':
    case '+Infinity':
    case '∞':
      return Infinity;
    case '-Infinity':
    case '-∞':
      return -Infinity;
  }
  return undefined;
}

const INTEGER = /^[+-]?\d+$/;

/** An Int32 in decimal text (whitespace around it allowed), or undefined; `range` is reported separately. */
export function parseInt32(text: string): { value: number } | { error: 'type' | 'range' } {
  const s = text.trim();
  if (!INTEGER.test(s)) return { error: 'type' };
  const v = Number(s);
  if (v < INT32_MIN || v > INT32_MAX) return { error: 'range' };
  return { value: v === 0 ? 0 : v };
}

/**
 * ServiceStack.Text's `ParseBoolean`, which its JSON and JSV readers share (jsv-and-json.md
 * §3.3): `1 t T y Y on` / `0 f F n N off`, else `bool.Parse` (`true`/`false` in any case,
 * whitespace around). Undefined when it is none of these.
 */
export function parseServiceStackBoolean(s: string): boolean | undefined {
  switch (s) {
    case '0':
    case 'f':
    case 'F':
    case 'n':
    case 'N':
    case 'off':
    case 'False':
      return false;
    case '1':
    case 't':
    case 'T':
    case 'y':
    case 'Y':
    case 'on':
    case 'True':
      return true;
  }
  const x = s.trim().toLowerCase();
  return x === 'true' ? true : x === 'false' ? false : undefined;
}
