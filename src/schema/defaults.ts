/**
 * .NET defaults: what a member holds when the input does not say. Value types have one
 * (0, false, the enum member whose value is 0); reference types and `Nullable<T>` do not.
 */
import type { EnumDescriptor, TypeDescriptor } from './descriptors.js';

/** `default(T)` for a value type, or `undefined` for a reference type / `Nullable<T>`. */
export function defaultValue(t: TypeDescriptor): string | number | boolean | undefined {
  if (t.kind === 'scalar') {
    switch (t.name) {
      case 'Boolean':
        return false;
      case 'Int32':
      case 'Double':
        return 0;
      case 'String':
        return undefined;
    }
  }
  if (t.kind === 'enum') return enumDefault(t);
  return undefined;
}

/** `default(E)` is the member with value 0; every enum in a ServiceStack DTO set declares one. */
export function enumDefault(e: EnumDescriptor): string {
  const zero = e.members.find((m) => m.value === 0);
  return (zero ?? e.members[0]!).name;
}

/** The member with the smallest value: what `Enum.GetValues(...)[0]` gives (metadata samples). */
export function enumFirstByValue(e: EnumDescriptor): string {
  // Enum.GetValues sorts by the unsigned magnitude, so negative values come last.
  let best = e.members[0]!;
  for (const m of e.members) if (m.value >>> 0 < best.value >>> 0) best = m;
  return best.name;
}
