/**
 * The .NET scalars: one row each, holding everything the registry knows of a scalar that is
 * not a wire format's business — its .NET identity, default, TypeScript type, DataContract
 * primitive name, metadata-page sample, how a JavaScript input is normalised before any codec
 * writes it, and its canonical text as a dictionary key. Each codec keeps its own
 * `Record<ScalarName, …>` of read/write functions, so the compiler checks that a new row is
 * handled everywhere.
 */
import {
  dateTimeFromDate,
  formatRoundTripDateTime,
  INT64_MAX,
  INT64_MIN,
  MAX_DATETIME_TICKS,
  parseIsoDateTime,
  TICKS_PER_MINUTE,
  UINT64_MAX,
  type DateTimeKind,
  type DateTimeOffsetValue,
  type DateTimeValue,
  type TimeSpanValue,
} from './values.js';

export const SCALAR_NAMES = [
  'String',
  'Boolean',
  'Byte',
  'SByte',
  'Int16',
  'UInt16',
  'Int32',
  'UInt32',
  'Int64',
  'UInt64',
  'Single',
  'Double',
  'Decimal',
  'Char',
  'DateTime',
  'DateTimeOffset',
  'TimeSpan',
  'Guid',
  'Byte[]',
  'Uri',
  'Object',
] as const;

/** The .NET primitive types a DTO member can have. */
export type ScalarName = (typeof SCALAR_NAMES)[number];

/** The JavaScript value of each scalar (the value model; README and CONTRIBUTING show the table). */
export interface ScalarValues {
  String: string;
  Boolean: boolean;
  Byte: number;
  SByte: number;
  Int16: number;
  UInt16: number;
  Int32: number;
  UInt32: number;
  Int64: bigint;
  UInt64: bigint;
  Single: number;
  Double: number;
  /** Decimal text with its scale: `"1.50"`, `"-0.001"` (never an exponent). */
  Decimal: string;
  /** One UTF-16 code unit. */
  Char: string;
  DateTime: DateTimeValue;
  DateTimeOffset: DateTimeOffsetValue;
  TimeSpan: TimeSpanValue;
  /** Lower-case `D` form: `0f8fad5b-d9cb-469f-a165-70867728950e`. */
  Guid: string;
  'Byte[]': Uint8Array;
  Uri: string;
  Object: unknown;
}

/** Why `coerce` refused a value: the codec turns it into a `type` or `range` error with the path. */
export class ScalarProblem {
  constructor(
    readonly code: 'type' | 'range',
    readonly detail?: string,
  ) {}
}

export interface ScalarRow<N extends ScalarName = ScalarName> {
  readonly name: N;
  /** `System.Int64`. */
  readonly fullName: string;
  readonly isValueType: boolean;
  /** `default(T)` in the value model; undefined for reference types. */
  readonly defaultValue: ScalarValues[N] | undefined;
  /** The TypeScript type of the value model (`bigint`, `DateTimeValue`). */
  readonly tsType: string;
  /** DataContract primitive contract: the item element name in `List<T>` and the `KeyValueOf…` parts. */
  readonly xmlName: string;
  readonly xmlNamespace: string;
  /** What `AutoMappingUtils.CreateDefaultValue` gives on a metadata page; undefined = null. */
  readonly sample: ScalarValues[N] | undefined;
  /** Integer types: the inclusive range. */
  readonly range?: { readonly min: bigint; readonly max: bigint };
  /**
   * The value model's canonical form of a JavaScript input, or why not (the obvious inputs are
   * accepted: a safe-integer `number` or a digit string for Int64, a `Date` for DateTime…).
   */
  coerce(v: unknown): ScalarValues[N] | ScalarProblem;
  /** The canonical dictionary-key text of a value (JavaScript object keys are strings). */
  toKey(v: ScalarValues[N]): string;
  /** The value of a canonical key text, or a problem. */
  fromKey(k: string): ScalarValues[N] | ScalarProblem;
}

const XSD = 'http://www.w3.org/2001/XMLSchema';
const SER = 'http://schemas.microsoft.com/2003/10/Serialization/';
const SYSTEM_NS = 'http://schemas.datacontract.org/2004/07/System';

const TYPE = new ScalarProblem('type');
const RANGE = new ScalarProblem('range');

function integerRow<N extends 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32'>(
  name: N,
  xmlName: string,
  min: number,
  max: number,
): ScalarRow<N> {
  const coerce = (v: unknown): number | ScalarProblem => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) return TYPE;
      return v < min || v > max ? RANGE : v === 0 ? 0 : v;
    }
    if (typeof v === 'bigint') return v < BigInt(min) || v > BigInt(max) ? RANGE : Number(v);
    return TYPE;
  };
  return {
    name,
    fullName: `System.${name}`,
    isValueType: true,
    defaultValue: 0 as ScalarValues[N],
    tsType: 'number',
    xmlName,
    xmlNamespace: XSD,
    sample: 0 as ScalarValues[N],
    range: { min: BigInt(min), max: BigInt(max) },
    coerce: coerce as ScalarRow<N>['coerce'],
    toKey: (v) => String(v),
    fromKey: ((k: string) => (/^-?\d+$/.test(k) ? coerce(Number(k)) : TYPE)) as ScalarRow<N>['fromKey'],
  };
}

function bigIntegerRow<N extends 'Int64' | 'UInt64'>(name: N, xmlName: string, min: bigint, max: bigint): ScalarRow<N> {
  const coerce = (v: unknown): bigint | ScalarProblem => {
    let b: bigint;
    if (typeof v === 'bigint') b = v;
    else if (typeof v === 'number') {
      // A number beyond 2^53 has already lost its exact value: refuse it rather than write a rounded one.
      if (!Number.isSafeInteger(v)) return Number.isInteger(v) ? new ScalarProblem('range', 'not a safe integer; pass a bigint') : TYPE;
      b = BigInt(v);
    } else if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) b = BigInt(v);
    else return TYPE;
    return b < min || b > max ? RANGE : b;
  };
  return {
    name,
    fullName: `System.${name}`,
    isValueType: true,
    defaultValue: 0n as ScalarValues[N],
    tsType: 'bigint',
    xmlName,
    xmlNamespace: XSD,
    sample: 0n as ScalarValues[N],
    range: { min, max },
    coerce: coerce as ScalarRow<N>['coerce'],
    toKey: (v) => String(v),
    fromKey: ((k: string) => (/^-?\d+$/.test(k) ? coerce(k) : TYPE)) as ScalarRow<N>['fromKey'],
  };
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;
/** 2^96 - 1: the largest decimal mantissa. */
const DECIMAL_MANTISSA_MAX = 2n ** 96n - 1n;

/** Canonical decimal text (sign, no superfluous leading zeros, the scale kept) or a problem. */
export function canonicalDecimal(text: string): string | ScalarProblem {
  const m = DECIMAL_TEXT.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return TYPE;
  const intPart = m[2]!.replace(/^0+(?=\d)/, '') || '0';
  const frac = m[3] ?? '';
  if (frac.length > 28) return new ScalarProblem('range', 'more than 28 decimal places');
  if (BigInt(intPart + frac) > DECIMAL_MANTISSA_MAX) return RANGE;
  const negative = m[1] === '-' && /[1-9]/.test(intPart + frac);
  return (negative ? '-' : '') + intPart + (frac ? '.' + frac : '');
}

/** `(decimal)double`: .NET keeps 15 significant digits and drops trailing zeros. */
function decimalOfNumber(v: number): string | ScalarProblem {
  if (!Number.isFinite(v)) return RANGE;
  if (v === 0) return '0';
  const p = v.toPrecision(15);
  const [mant, exp] = p.split('e') as [string, string | undefined];
  const e = exp === undefined ? 0 : Number(exp);
  const neg = mant.startsWith('-');
  const digitsAll = mant.replace('-', '');
  const dot = digitsAll.indexOf('.');
  const digits = digitsAll.replace('.', '');
  const pointAt = (dot < 0 ? digitsAll.length : dot) + e;
  let s: string;
  if (pointAt <= 0) s = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) s = digits + '0'.repeat(pointAt - digits.length);
  else s = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return canonicalDecimal((neg ? '-' : '') + s);
}

const GUID_D = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const GUID_N = /^[0-9a-fA-F]{32}$/;

/** The lower-case `D` form of any of .NET's `N`, `D`, `B`, `P` spellings, or undefined. */
export function canonicalGuid(text: string): string | undefined {
  let s = text;
  if ((s.startsWith('{') && s.endsWith('}')) || (s.startsWith('(') && s.endsWith(')'))) s = s.slice(1, -1);
  if (GUID_D.test(s)) return s.toLowerCase();
  if (GUID_N.test(s)) {
    const h = s.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return undefined;
}

const KINDS: readonly DateTimeKind[] = ['Unspecified', 'Utc', 'Local'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function ticksOf(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  return undefined;
}

function coerceDateTime(v: unknown): DateTimeValue | ScalarProblem {
  if (v instanceof Date) return dateTimeFromDate(v) ?? RANGE;
  if (typeof v === 'string') {
    const p = parseIsoDateTime(v);
    if (!p) return TYPE;
    if (p.zone === undefined) return { ticks: p.ticks, kind: 'Unspecified' };
    if (p.zone === 'Z') return { ticks: p.ticks, kind: 'Utc' };
    return { ticks: p.ticks, kind: 'Local', offsetMinutes: p.zone };
  }
  if (!isRecord(v)) return TYPE;
  const ticks = ticksOf(v.ticks);
  const kind = v.kind ?? 'Unspecified';
  if (ticks === undefined || !KINDS.includes(kind as DateTimeKind)) return TYPE;
  if (ticks < 0n || ticks > MAX_DATETIME_TICKS) return RANGE;
  const off = v.offsetMinutes;
  if (kind === 'Local') {
    if (off !== undefined && !(typeof off === 'number' && Number.isInteger(off) && Math.abs(off) <= 840)) return RANGE;
    return { ticks, kind: 'Local', offsetMinutes: (off as number | undefined) ?? 0 };
  }
  return { ticks, kind: kind as DateTimeKind };
}

function coerceDateTimeOffset(v: unknown): DateTimeOffsetValue | ScalarProblem {
  if (v instanceof Date) {
    const d = dateTimeFromDate(v);
    return d ? { ticks: d.ticks, offsetMinutes: 0 } : RANGE;
  }
  if (typeof v === 'string') {
    const p = parseIsoDateTime(v);
    if (!p) return TYPE;
    return { ticks: p.ticks, offsetMinutes: p.zone === undefined || p.zone === 'Z' ? 0 : p.zone };
  }
  if (!isRecord(v)) return TYPE;
  const ticks = ticksOf(v.ticks);
  const off = v.offsetMinutes ?? 0;
  if (ticks === undefined || typeof off !== 'number' || !Number.isInteger(off)) return TYPE;
  if (Math.abs(off) > 840) return new ScalarProblem('range', 'offset beyond ±14 hours');
  if (ticks < 0n || ticks > MAX_DATETIME_TICKS) return RANGE;
  const utc = ticks - BigInt(off) * TICKS_PER_MINUTE;
  if (utc < 0n || utc > MAX_DATETIME_TICKS) return RANGE;
  return { ticks, offsetMinutes: off === 0 ? 0 : off };
}

function coerceTimeSpan(v: unknown): TimeSpanValue | ScalarProblem {
  if (!isRecord(v)) return TYPE;
  const ticks = ticksOf(v.ticks);
  if (ticks === undefined) return TYPE;
  return ticks < INT64_MIN || ticks > INT64_MAX ? RANGE : { ticks };
}

function coerceBytes(v: unknown): Uint8Array | ScalarProblem {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (Array.isArray(v) && v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Uint8Array.from(v as number[]);
  return TYPE;
}

function bytesToBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (what `Convert.FromBase64String` takes, white space removed), or undefined. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const s = text.replace(/[\t\n\r ]+/g, '');
  if (!BASE64.test(s)) return undefined;
  return new Uint8Array(Buffer.from(s, 'base64'));
}

const identity = <T>(v: T): string => v as unknown as string;

function stringRow<N extends 'String' | 'Uri'>(name: N, xmlName: string, sample: string | undefined): ScalarRow<N> {
  return {
    name,
    fullName: `System.${name}`,
    isValueType: false,
    defaultValue: undefined,
    tsType: 'string',
    xmlName,
    xmlNamespace: XSD,
    sample: sample as ScalarValues[N] | undefined,
    coerce: ((v: unknown) => (typeof v === 'string' ? v : TYPE)) as ScalarRow<N>['coerce'],
    toKey: identity,
    fromKey: ((k: string) => k) as ScalarRow<N>['fromKey'],
  };
}

function floatRow<N extends 'Single' | 'Double'>(name: N, xmlName: string, round: (v: number) => number): ScalarRow<N> {
  const coerce = (v: unknown): number | ScalarProblem => (typeof v === 'number' ? round(v) : TYPE);
  return {
    name,
    fullName: `System.${name}`,
    isValueType: true,
    defaultValue: 0 as ScalarValues[N],
    tsType: 'number',
    xmlName,
    xmlNamespace: XSD,
    sample: 0 as ScalarValues[N],
    coerce: coerce as ScalarRow<N>['coerce'],
    toKey: (v) => String(v),
    fromKey: ((k: string) => {
      const n = k === 'NaN' ? NaN : Number(k);
      return k.trim() === '' || (Number.isNaN(n) && k !== 'NaN') ? TYPE : round(n);
    }) as ScalarRow<N>['fromKey'],
  };
}

/** Every scalar's row. */
export const SCALARS: { readonly [N in ScalarName]: ScalarRow<N> } = {
  String: stringRow('String', 'string', 'String'),
  Boolean: {
    name: 'Boolean',
    fullName: 'System.Boolean',
    isValueType: true,
    defaultValue: false,
    tsType: 'boolean',
    xmlName: 'boolean',
    xmlNamespace: XSD,
    sample: false,
    coerce: (v) => (typeof v === 'boolean' ? v : TYPE),
    // bool.ToString(): what ServiceStack writes for a bool key in every text format.
    toKey: (v) => (v ? 'True' : 'False'),
    fromKey: (k) => {
      const x = k.trim().toLowerCase();
      return x === 'true' ? true : x === 'false' ? false : TYPE;
    },
  },
  Byte: integerRow('Byte', 'unsignedByte', 0, 255),
  SByte: integerRow('SByte', 'byte', -128, 127),
  Int16: integerRow('Int16', 'short', -32768, 32767),
  UInt16: integerRow('UInt16', 'unsignedShort', 0, 65535),
  Int32: integerRow('Int32', 'int', -2147483648, 2147483647),
  UInt32: integerRow('UInt32', 'unsignedInt', 0, 4294967295),
  Int64: bigIntegerRow('Int64', 'long', INT64_MIN, INT64_MAX),
  UInt64: bigIntegerRow('UInt64', 'unsignedLong', 0n, UINT64_MAX),
  Single: floatRow('Single', 'float', Math.fround),
  Double: floatRow('Double', 'double', (v) => v),
  Decimal: {
    name: 'Decimal',
    fullName: 'System.Decimal',
    isValueType: true,
    defaultValue: '0',
    tsType: 'string',
    xmlName: 'decimal',
    xmlNamespace: XSD,
    sample: '0',
    coerce: (v) =>
      typeof v === 'string' ? canonicalDecimal(v) : typeof v === 'number' ? decimalOfNumber(v) : typeof v === 'bigint' ? canonicalDecimal(String(v)) : TYPE,
    toKey: identity,
    fromKey: (k) => canonicalDecimal(k),
  },
  Char: {
    name: 'Char',
    fullName: 'System.Char',
    isValueType: true,
    defaultValue: '\u0000',
    tsType: 'string',
    xmlName: 'char',
    xmlNamespace: SER,
    sample: '\u0000',
    coerce: (v) => (typeof v === 'string' ? (v.length === 1 ? v : new ScalarProblem('type', 'a Char is one UTF-16 code unit')) : TYPE),
    toKey: identity,
    fromKey: (k) => (k.length === 1 ? k : TYPE),
  },
  DateTime: {
    name: 'DateTime',
    fullName: 'System.DateTime',
    isValueType: true,
    defaultValue: Object.freeze({ ticks: 0n, kind: 'Unspecified' }),
    tsType: 'DateTimeValue',
    xmlName: 'dateTime',
    xmlNamespace: XSD,
    sample: Object.freeze({ ticks: 0n, kind: 'Unspecified' }),
    coerce: coerceDateTime,
    toKey: formatRoundTripDateTime,
    fromKey: coerceDateTime,
  },
  DateTimeOffset: {
    name: 'DateTimeOffset',
    fullName: 'System.DateTimeOffset',
    isValueType: true,
    defaultValue: Object.freeze({ ticks: 0n, offsetMinutes: 0 }),
    tsType: 'DateTimeOffsetValue',
    // DataContract writes DateTimeOffset as a class of its own (DateTime + OffsetMinutes).
    xmlName: 'DateTimeOffset',
    xmlNamespace: SYSTEM_NS,
    sample: Object.freeze({ ticks: 0n, offsetMinutes: 0 }),
    coerce: coerceDateTimeOffset,
    toKey: (v) => formatRoundTripDateTime({ ticks: v.ticks, kind: 'Local', offsetMinutes: v.offsetMinutes }),
    fromKey: coerceDateTimeOffset,
  },
  TimeSpan: {
    name: 'TimeSpan',
    fullName: 'System.TimeSpan',
    isValueType: true,
    defaultValue: Object.freeze({ ticks: 0n }),
    tsType: 'TimeSpanValue',
    xmlName: 'duration',
    xmlNamespace: SER,
    sample: Object.freeze({ ticks: 0n }),
    coerce: coerceTimeSpan,
    toKey: (v) => String(v.ticks),
    fromKey: (k) => (/^-?\d+$/.test(k) ? coerceTimeSpan({ ticks: BigInt(k) }) : TYPE),
  },
  Guid: {
    name: 'Guid',
    fullName: 'System.Guid',
    isValueType: true,
    defaultValue: '00000000-0000-0000-0000-000000000000',
    tsType: 'string',
    xmlName: 'guid',
    xmlNamespace: SER,
    sample: '00000000-0000-0000-0000-000000000000',
    coerce: (v) => (typeof v === 'string' ? canonicalGuid(v) ?? TYPE : TYPE),
    toKey: identity,
    fromKey: (k) => canonicalGuid(k) ?? TYPE,
  },
  'Byte[]': {
    name: 'Byte[]',
    fullName: 'System.Byte[]',
    isValueType: false,
    defaultValue: undefined,
    tsType: 'Uint8Array',
    xmlName: 'base64Binary',
    xmlNamespace: XSD,
    sample: undefined,
    coerce: coerceBytes,
    toKey: bytesToBase64,
    fromKey: (k) => base64ToBytes(k) ?? TYPE,
  },
  Uri: stringRow('Uri', 'anyURI', undefined),
  Object: {
    name: 'Object',
    fullName: 'System.Object',
    isValueType: false,
    defaultValue: undefined,
    tsType: 'unknown',
    xmlName: 'anyType',
    xmlNamespace: XSD,
    sample: undefined,
    coerce: (v) => v,
    toKey: (v) => String(v),
    fromKey: (k) => k,
  },
};

export function isScalarName(name: string): name is ScalarName {
  return Object.prototype.hasOwnProperty.call(SCALARS, name);
}
