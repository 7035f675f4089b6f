/**
 * Whether a value is a complete instance in the decoded shape of the value model
 * (CONTRIBUTING.md). Fuzz tests use it to tell a successful decode from a half-built object:
 * a decoder that returns must return something that passes.
 */
import { typeLabel, type ClassDescriptor, type TypeDescriptor } from '../schema/descriptors.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 80);
  } catch {
    return String(v);
  }
}

/**
 * Every way `value` fails to be a decoded instance of `type`, as `path: problem` (empty when it
 * is one): wrong JavaScript types, Int32 out of range or fractional, unknown enum names, a
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
    case 'scalar':
      switch (t.name) {
        case 'String':
          if (typeof v !== 'string') bad('not a string');
          return;
        case 'Boolean':
          if (typeof v !== 'boolean') bad('not a boolean');
          return;
        case 'Int32':
          if (typeof v !== 'number' || !Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX || Object.is(v, -0)) bad('not an Int32');
          return;
        case 'Double':
          if (typeof v !== 'number') bad('not a number');
          return;
      }
      return;
    case 'enum':
      if (typeof v !== 'string' || !t.members.some((m) => m.name === v)) bad(`not a member of ${t.name}`);
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
      return entries(t.value, v, path, out, max, bad);
    case 'class':
      if (t.dictionary) return entries(t.dictionary.value, v, path, out, max, bad);
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
  valueType: TypeDescriptor,
  v: unknown,
  path: string,
  out: string[],
  max: number,
  bad: (what: string) => void,
): void {
  if (!plain(v, bad)) return;
  for (const k of Object.keys(v)) check(valueType, v[k], `${path}[${JSON.stringify(k)}]`, out, max);
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
