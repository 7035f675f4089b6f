/**
 * Whether a value is a complete instance in the decoded shape of the value model
 * (CONTRIBUTING.md). Fuzz tests use it to tell a successful decode from a half-built object:
 * a decoder that returns must return something that passes.
 */
import { typeLabel, type ClassDescriptor, type DictionaryDescriptor, type TypeDescriptor } from '../schema/descriptors.js';
import { canonicalDecimal, canonicalGuid, ScalarProblem, SCALARS, type ScalarName } from '../schema/scalars.js';
import { MAX_DATETIME_TICKS, TICKS_PER_MINUTE, INT64_MAX, INT64_MIN } from '../schema/values.js';
import { isEnumText } from './enums.js';
import { showValue } from './equivalence.js';

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  return showValue(v).slice(0, 80);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Exactly these own keys (`optional` may be absent). */
function keysAre(v: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean {
  const ks = Object.keys(v);
  return required.every((k) => Object.prototype.hasOwnProperty.call(v, k)) && ks.every((k) => required.includes(k) || optional.includes(k));
}

const inTicks = (t: unknown): t is bigint => typeof t === 'bigint' && t >= 0n && t <= MAX_DATETIME_TICKS;
const isOffset = (m: unknown): m is number => typeof m === 'number' && Number.isInteger(m) && m >= -840 && m <= 840 && !Object.is(m, -0);

/** An integer of the row's range as a number (never -0). */
function smallInteger(name: ScalarName): (v: unknown) => string | undefined {
  const r = SCALARS[name].range!;
  const min = Number(r.min);
  const max = Number(r.max);
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max && !Object.is(v, -0) ? undefined : `not a ${name}`);
}

function bigInteger(name: ScalarName): (v: unknown) => string | undefined {
  const r = SCALARS[name].range!;
  return (v) => (typeof v === 'bigint' && v >= r.min && v <= r.max ? undefined : `not a ${name} (a bigint in range)`);
}

/**
 * What a decoded value of each scalar must be (the value model, CONTRIBUTING.md), as a problem
 * text or undefined. One row per scalar, so the compiler insists on a check for each.
 */
const SCALAR_CHECKS: { readonly [N in ScalarName]: (v: unknown) => string | undefined } = {
  String: (v) => (typeof v === 'string' ? undefined : 'not a string'),
  Boolean: (v) => (typeof v === 'boolean' ? undefined : 'not a boolean'),
  Byte: smallInteger('Byte'),
  SByte: smallInteger('SByte'),
  Int16: smallInteger('Int16'),
  UInt16: smallInteger('UInt16'),
  Int32: smallInteger('Int32'),
  UInt32: smallInteger('UInt32'),
  Int64: bigInteger('Int64'),
  UInt64: bigInteger('UInt64'),
  Single: (v) => (typeof v === 'number' && (Number.isNaN(v) || Object.is(Math.fround(v), v)) ? undefined : 'not a Single (a number Math.fround keeps)'),
  Double: (v) => (typeof v === 'number' ? undefined : 'not a number'),
  Decimal: (v) => (typeof v === 'string' && canonicalDecimal(v) === v ? undefined : 'not a Decimal in canonical text (sign, no leading zeros, scale kept)'),
  Char: (v) => (typeof v === 'string' && v.length === 1 ? undefined : 'not a Char (one UTF-16 code unit)'),
  DateTime: (v) => {
    if (!isPlainObject(v) || !inTicks(v.ticks)) return 'not a DateTime ({ ticks: bigint in range, kind })';
    if (v.kind === 'Local') {
      return keysAre(v, ['ticks', 'kind', 'offsetMinutes']) && isOffset(v.offsetMinutes) ? undefined : 'not a Local DateTime (with offsetMinutes within ±840)';
    }
    return (v.kind === 'Utc' || v.kind === 'Unspecified') && keysAre(v, ['ticks', 'kind']) ? undefined : 'not a DateTime (kind Utc/Unspecified, no other member)';
  },
  DateTimeOffset: (v) => {
    if (!isPlainObject(v) || !keysAre(v, ['ticks', 'offsetMinutes']) || !inTicks(v.ticks) || !isOffset(v.offsetMinutes)) {
      return 'not a DateTimeOffset ({ ticks: bigint in range, offsetMinutes })';
    }
    return inTicks(v.ticks - BigInt(v.offsetMinutes) * TICKS_PER_MINUTE) ? undefined : 'a DateTimeOffset whose UTC instant is out of range';
  },
  TimeSpan: (v) =>
    isPlainObject(v) && keysAre(v, ['ticks']) && typeof v.ticks === 'bigint' && v.ticks >= INT64_MIN && v.ticks <= INT64_MAX
      ? undefined
      : 'not a TimeSpan ({ ticks: Int64 bigint })',
  Guid: (v) => (typeof v === 'string' && canonicalGuid(v) === v && v.length === 36 ? undefined : 'not a Guid (lower-case D form)'),
  'Byte[]': (v) => (v instanceof Uint8Array ? undefined : 'not a Uint8Array'),
  Uri: (v) => (typeof v === 'string' ? undefined : 'not a string'),
  Object: () => 'System.Object is carried by no format, so no decoded value has one',
};

/**
 * Every way `value` fails to be a decoded instance of `type`, as `path: problem` (empty when it
 * is one): wrong JavaScript types or shapes for each scalar (./instance.ts SCALAR_CHECKS: an
 * integer out of its type's range, a 64-bit integer that is not a bigint, a Decimal or Guid not
 * in canonical text…), enum text that is not `Enum.ToString()` of a value, a dictionary key
 * that is not a key's canonical text, a
 * missing non-nullable value-type member, a member the type does not declare, `undefined`
 * anywhere, `null` where the type is a value type, a non-plain object, an inherited key.
 */
export function instanceProblems(type: TypeDescriptor, value: unknown, max = 10): string[] {
  const out: string[] = [];
  check(type, value, '$', out, max);
  return out;
}

function check(t: TypeDescriptor, v: unknown, path: string, out: string[], max: number): void {
  if (out.length >= max) return;
  const bad = (what: string): void => {
    out.push(`${path}: ${what} (${show(v)})`);
  };
  if (v === undefined) return bad('undefined');
  if (v === null) {
    if (t.isValueType) bad(`null for the value type ${typeLabel(t)}`);
    return;
  }
  switch (t.kind) {
    case 'scalar': {
      const problem = SCALAR_CHECKS[t.name](v);
      if (problem !== undefined) bad(problem);
      return;
    }
    case 'enum':
      if (typeof v !== 'string' || !isEnumText(t, v)) bad(`not the Enum.ToString() text of a ${t.name} value`);
      return;
    case 'nullable':
      return check(t.of, v, path, out, max);
    case 'list':
      if (!Array.isArray(v)) return bad('not an array');
      if (Object.getPrototypeOf(v) !== Array.prototype) return bad('not a plain array');
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) bad(`hole at ${i}`);
        else check(t.of, v[i] as unknown, `${path}[${i}]`, out, max);
      }
      return;
    case 'dictionary':
      return entries(t, v, path, out, max, bad);
    case 'class':
      if (t.dictionary) return entries(t.dictionary, v, path, out, max, bad);
      return members(t, v, path, out, max, bad);
  }
}

function plain(v: unknown, bad: (what: string) => void): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    bad('not an object');
    return false;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) {
    bad('not a plain object');
    return false;
  }
  return true;
}

function entries(
  d: DictionaryDescriptor,
  v: unknown,
  path: string,
  out: string[],
  max: number,
  bad: (what: string) => void,
): void {
  if (!plain(v, bad)) return;
  for (const k of Object.keys(v)) {
    const at = `${path}[${JSON.stringify(k)}]`;
    // A key is the canonical text of a key value (`ScalarRow.toKey`, CONTRIBUTING.md).
    if (d.key.name !== 'String') {
      const kv = (d.key.fromKey as (x: string) => unknown)(k);
      if (kv instanceof ScalarProblem || (d.key.toKey as (x: unknown) => string)(kv) !== k) out.push(`${at}: not the canonical key text of a ${d.key.name}`);
    }
    check(d.value, v[k], at, out, max);
  }
  if (Object.getOwnPropertySymbols(v).length > 0) bad('symbol keys');
}

function members(
  c: ClassDescriptor,
  v: unknown,
  path: string,
  out: string[],
  max: number,
  bad: (what: string) => void,
): void {
  if (!plain(v, bad)) return;
  const declared = new Set(c.properties.map((p) => p.wireName));
  for (const k of Object.getOwnPropertyNames(v)) if (!declared.has(k)) bad(`member ${JSON.stringify(k)} is not declared by ${c.name}`);
  for (const p of c.properties) {
    const here = Object.prototype.hasOwnProperty.call(v, p.wireName);
    if (!here) {
      if (p.type.isValueType) out.push(`${path}.${p.wireName}: missing (a ${typeLabel(p.type)} is never absent)`);
      continue;
    }
    const x = v[p.wireName];
    // In the decoded shape an absent reference is absent, not null.
    if (x === null) out.push(`${path}.${p.wireName}: null instead of absent`);
    else check(p.type, x, `${path}.${p.wireName}`, out, max);
  }
}
