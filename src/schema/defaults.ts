/**
 * .NET defaults: what a member holds when the input does not say. Value types have one
 * (0, false, the enum member whose value is 0, a struct with every member at its default);
 * reference types and `Nullable<T>` do not.
 */
import type { ClassDescriptor, EnumDescriptor, TypeDescriptor } from './descriptors.js';

/** `default(T)` for a value type, or `undefined` for a reference type / `Nullable<T>`. */
export function defaultValue(t: TypeDescriptor): unknown {
  switch (t.kind) {
    case 'scalar':
      return t.defaultValue;
    case 'enum':
      return enumDefault(t);
    case 'class':
      return t.isValueType ? structDefault(t) : undefined;
    default:
      return undefined;
  }
}

/** `default(S)` of a struct: every member at its own default (reference members absent). */
function structDefault(c: ClassDescriptor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of c.properties) {
    const v = defaultValue(p.type);
    if (v !== undefined) out[p.wireName] = v;
  }
  return out;
}

/**
 * `default(E)` is the value 0: the member with that value, else the text `0` (`Enum.ToString`
 * of a value no member names).
 */
export function enumDefault(e: EnumDescriptor): string {
  const zero = e.members.find((m) => m.value === 0n);
  return zero ? zero.name : '0';
}

/** The member with the smallest value: what `Enum.GetValues(...)[0]` gives (metadata samples). */
export function enumFirstByValue(e: EnumDescriptor): string {
  // Enum.GetValues sorts by the unsigned magnitude, so negative values come last.
  const unsigned = (v: bigint): bigint => (v < 0n ? v + 2n ** 64n : v);
  let best = e.members[0];
  if (!best) return '0';
  for (const m of e.members) if (unsigned(m.value) < unsigned(best.value)) best = m;
  return best.name;
}
