/**
 * Numbers as .NET writes and reads them. Every format shares the double layout of .NET Core
 * 3.0+'s shortest round-trip `ToString()` (jsv-and-json.md §2.4, datacontract.md §12.3):
 * the same digits as JavaScript, but E notation when the decimal exponent is ≥ 17 or < -4,
 * written `1.5E-07` / `1E+21` (capital E, explicit sign, at least two exponent digits).
 * The boolean rule of ServiceStack's text readers lives here too, beside the other scalars.
 *
 * Reading out-of-range numbers (issue 11): what a .NET Core host reads, and what the default
 * mode reports instead. `double.Parse`/`float.Parse` no longer throw OverflowException since
 * .NET Core 3.0 ("Floating-point parsing operations no longer fail or throw an
 * OverflowException", learn.microsoft.com/dotnet/core/compatibility/corefx): a finite text
 * beyond the type's range reads as ±∞. ServiceStack.Text on .NET 6 parses with them
 * (NetCoreMemory.cs ParseDouble/ParseFloat/ParseDecimal), and so does DataContractSerializer
 * (XmlConvert.ToDouble/ToSingle call double.Parse/float.Parse with no overflow check; dotnet/runtime
 * System.Private.Xml/src/System/Xml/XmlConvert.cs). `decimal.Parse` rounds a text with more
 * digits than a Decimal holds (half to even on the first dropped digit, any later non-zero digit
 * breaking the tie) and throws OverflowException past 79228162514264337593543950335
 * (dotnet/runtime Number.Parsing.cs TryNumberToDecimal). Either way the value differs from the
 * text: a `ServerValue` problem, a `range` error by default and the server's value in lenient
 * mode. Every parser here is linear in the text (no backtracking regex, no BigInt of an
 * unbounded digit string).
 */
import { ScalarProblem } from '../../schema/scalars.js';

/**
 * A text the server reads, but to a value other than the text's own (a finite text read as ±∞,
 * a Decimal rounded): a `range` problem whose `value` is what the server's parser returns, so a
 * lenient reader can take it and a strict one reports it.
 */
export class ServerValue<T = unknown> extends ScalarProblem {
  constructor(
    readonly value: T,
    detail: string,
  ) {
    super('range', detail);
  }
}

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

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter backtracks quadratically on a long digit run
// that does not match (10^5 digits and an `x`: 18 s).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

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

/** The largest Single, and the double half-way between it and 2^128 (exact: 2^128 - 2^103). */
const SINGLE_MAX = 3.4028234663852886e38;
const SINGLE_HALFWAY = 3.4028235677973366e38;
const SINGLE_HALFWAY_DIGITS = '340282356779733661637539395458142568448';

/**
 * `float.Parse` of a text whose nearest double is `d`: `Math.fround(d)`, except at the top of
 * the range, where rounding twice (text → double → float) would turn a text just below the
 * half-way point to 2^128 into ∞; .NET rounds the text once (below: MaxValue; at or above: ∞,
 * ties to even). Elsewhere a double-rounding difference is not reproduced.
 */
function toSingle(d: number, text: string): number {
  const f = Math.fround(d);
  if ((f === Infinity || f === -Infinity) && Math.abs(d) === SINGLE_HALFWAY && significantDigits(text) < SINGLE_HALFWAY_DIGITS) {
    return d > 0 ? SINGLE_MAX : -SINGLE_MAX;
  }
  return f;
}

/** The significant digits of a decimal text (no sign, point, exponent, leading or trailing zeros). */
function significantDigits(text: string): string {
  const e = text.search(/[eE]/);
  const mantissa = e < 0 ? text : text.slice(0, e);
  return mantissa.replace(/[^0-9]/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

/**
 * A Single or Double as .NET Core's `float.Parse`/`double.Parse` (invariant, `Float`) reads
 * `text`: the number, the `NaN`/`Infinity`/`-Infinity` symbols (and `∞`), or undefined when it
 * is not a number. A finite text beyond the type's range is a `ServerValue` holding the ±∞ a
 * .NET Core host reads (the module comment has the sources). Underflow reads as ±0 or a
 * subnormal, as IEEE rounding to nearest does on both sides: not reported.
 */
export function readFloating(text: string, single: boolean): number | ServerValue<number> | undefined {
  const s = text.trim();
  if (DECIMAL.test(s)) {
    const d = Number(s);
    const x = single ? toSingle(d, s) : d;
    if (x === Infinity || x === -Infinity) {
      const name = single ? 'Single' : 'Double';
      return new ServerValue(x, `beyond the ${name} range; a .NET Core host reads ${x > 0 ? '' : '-'}Infinity`);
    }
    return x;
  }
  const v = parseDouble(s);
  return v === undefined || !single ? v : Math.fround(v);
}

const DECIMAL_MAX = 2n ** 96n - 1n;
/** 2^96 / 10 rounded up, where a rounding carry out of 96 bits lands (TryNumberToDecimal). */
const DECIMAL_CARRY = 7922816251426433759354395034n;

/** `±[digits]` with `scale` of them after the point. */
function decimalText(negative: boolean, m: bigint, scale: number): string {
  let digits = m.toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative && m !== 0n ? '-' + digits : digits;
}

/**
 * An exponent's digits as .NET's number parser keeps them (Number.Parsing.cs TryParseNumber):
 * exact up to 1000, any larger magnitude becomes 9999. Linear in the text, never a huge number.
 */
export function netExponent(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  let i = 0;
  const c = text.charCodeAt(0);
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i = 1;
  let e = 0;
  for (; i < text.length; i++) {
    e = e * 10 + (text.charCodeAt(i) - 0x30);
    if (e > 1000) {
      e = 9999;
      break;
    }
  }
  return negative ? -e : e;
}

/**
 * `decimal.Parse` of `±int.frac × 10^exp` (the digits already checked; `exp` as `netExponent`
 * gives it) into the value model's text, as .NET Core's TryNumberToDecimal computes it: digits
 * are taken while the mantissa stays within 96 bits and the scale within 28, the next digit
 * rounds half to even (a later non-zero digit breaks the tie), a carry out of 96 bits drops a
 * digit, and an integral part that does not fit is an overflow (`range`, OverflowException on
 * the server). A text the server reads to another value or scale (more than 28 places, more
 * significant digits than fit) is a `ServerValue` with the server's value. Linear in the text:
 * at most 30 digits are ever turned into a number.
 */
export function decimalFromParts(negative: boolean, int: string, frac: string, exp: number): string | ScalarProblem {
  const all = int + frac;
  const n = all.length;
  let k = 0;
  while (k < n && all.charCodeAt(k) === 0x30) k++;
  const point = int.length + exp;
  if (k === n) {
    // Zero keeps its scale, at most 28 (`new decimal(0, 0, 0, sign, Clamp(-e, 0, 28))`).
    const textScale = Math.max(0, n - point);
    const v = decimalText(false, 0n, Math.min(textScale, 28));
    return textScale > 28 ? new ServerValue(v, `more than 28 decimal places; a .NET host reads ${v}`) : v;
  }
  if (exp === 0 && n - k <= 28 && frac.length <= 28) {
    // Fast path (the writer's own texts): at most 28 significant digits and places always fit.
    const i = k < int.length ? int.slice(k) : '0';
    return (negative ? '-' : '') + (frac === '' ? i : `${i}.${frac}`);
  }
  let e = point - k;
  if (e > 29) return new ScalarProblem('range', 'outside the Decimal range');
  let m = 0n;
  let i = k;
  while (e > 0 || (i < n && e > -28)) {
    const next = m * 10n + BigInt(i < n ? all.charCodeAt(i) - 0x30 : 0);
    if (next > DECIMAL_MAX) break;
    m = next;
    if (i < n) i++;
    e--;
  }
  if (i < n) {
    const c = all.charCodeAt(i) - 0x30;
    if (c >= 5) {
      let tie = c === 5 && (m & 1n) === 0n;
      for (let j = i + 1; tie && j < n; j++) if (all.charCodeAt(j) !== 0x30) tie = false;
      if (!tie && ++m > DECIMAL_MAX) {
        m = DECIMAL_CARRY;
        e++;
      }
    }
  }
  if (e > 0) return new ScalarProblem('range', 'outside the Decimal range');
  const v = e <= -29 ? decimalText(false, 0n, 28) : decimalText(negative, m, -e);
  if (i >= n) return v;
  const detail = n - point > 28 ? 'more than 28 decimal places' : 'more significant digits than a Decimal holds';
  return new ServerValue(v, `${detail}; a .NET host reads ${v}`);
}

const INTEGER = /^[+-]?\d+$/;

/**
 * A run of decimal digits as a bigint, or undefined when it has more than 20 significant digits
 * (beyond every integer type): the caller's range check then fails without turning a 10^6-digit
 * text into a number (BigInt of a long string is superlinear).
 */
export function boundedDigits(digits: string): bigint | undefined {
  let k = 0;
  while (k < digits.length - 1 && digits.charCodeAt(k) === 0x30) k++;
  return digits.length - k > 20 ? undefined : BigInt(k === 0 ? digits : digits.slice(k));
}

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
