/**
 * Enums as DataContractSerializer writes and reads them (datacontract.md §11; EnumDataContract
 * in dotnet/runtime; verified with the Mono oracle, fixtures/oracle/zoo):
 *
 * - Write: the member whose value equals the value, by name. Otherwise, for `[Flags]` only,
 *   the members (declaration order, zero members skipped) whose bits are all in what remains,
 *   separated by one space (`Write Execute`); bits left over, or a non-flags value no member
 *   has, cannot be written (SerializationException), nor can 0 when no member is 0 for a
 *   non-flags enum (so `default(Priority)` of an enum without a zero member is unwritable).
 *   A flags 0 is the zero member's name, or an empty element `<E />` when there is none (oracle).
 * - Names, not `[EnumMember(Value)]` texts: DCS honours EnumMember only on an enum that has
 *   `[DataContract]` (the oracle writes `Happy` for Mood's `happy-face`). On a `[DataContract]`
 *   enum it writes and reads only the EnumMember texts, and a member without `[EnumMember]`
 *   can be neither written nor read (oracle probe). EnumDescriptor does not say whether the
 *   enum has `[DataContract]`, so this codec writes member names, which is right for every
 *   enum without it (all ServiceStack DTO enums we know of).
 * - Read: the exact, case-sensitive name (no trimming, no numbers); `[Flags]`: names separated
 *   by spaces (runs of spaces and leading/trailing spaces allowed), or-ed; an empty text is 0.
 *
 * The value model is `Enum.ToString()` text (`Read, Write`, `42` for a value no member names);
 * encoders also take a number or a bigint.
 */
import type { EnumDescriptor } from '../../schema/descriptors.js';
import { compileEnum } from '../common/enums.js';

export interface XmlEnum {
  /** DCS's text of a value-model input, or undefined when the input is no value of the enum or DCS cannot write it. */
  write(v: unknown): string | undefined;
  /** The value-model text of an element's text, or undefined when DCS would refuse it. */
  read(text: string): string | undefined;
  /** `value == default(E)` (0). */
  isDefault(v: unknown): boolean;
}

function valueOf(e: EnumDescriptor, byName: ReadonlyMap<string, bigint>, v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const direct = byName.get(v);
  if (direct !== undefined) return direct;
  if (/^-?\d+$/.test(v)) return BigInt(v);
  if (!e.isFlags) return undefined;
  let acc = 0n;
  for (const part of v.split(', ')) {
    const x = byName.get(part);
    if (x === undefined) return undefined;
    acc |= x;
  }
  return acc;
}

/** DCS's text of a value (see the module comment), or undefined when it cannot write it. */
export function dcsEnumText(e: EnumDescriptor, value: bigint): string | undefined {
  const exact = e.members.find((m) => m.value === value);
  if (exact) return exact.name;
  if (!e.isFlags) return undefined;
  if (value === 0n) return '';
  let rest = value;
  const names: string[] = [];
  for (const m of e.members) {
    if (m.value === 0n) continue;
    if (rest === 0n) break;
    if ((m.value & rest) === m.value) {
      names.push(m.name);
      rest &= ~m.value;
    }
  }
  return rest === 0n ? names.join(' ') : undefined;
}

export function xmlEnum(e: EnumDescriptor): XmlEnum {
  const byName = new Map<string, bigint>();
  for (const m of e.members) if (!byName.has(m.name)) byName.set(m.name, m.value);
  // Enum.ToString() (the value model) is one rule for every format: common/enums.ts.
  const enumToString = compileEnum(e).textOf;
  // A member name is by far the common input and text: its answers are computed once here, so
  // the hot path is one map lookup (no bigint arithmetic, no scan of the members).
  const readName = new Map<string, string>();
  const writeName = new Map<string, string | undefined>();
  for (const [name, value] of byName) {
    readName.set(name, enumToString(value));
    writeName.set(name, dcsEnumText(e, value));
  }
  return {
    write: (v) => {
      if (typeof v === 'string' && writeName.has(v)) return writeName.get(v);
      const value = valueOf(e, byName, v);
      return value === undefined ? undefined : dcsEnumText(e, value);
    },
    read: (text) => {
      const named = readName.get(text);
      if (named !== undefined) return named;
      if (!e.isFlags) return undefined;
      let acc = 0n;
      for (const part of text.split(' ')) {
        if (part === '') continue;
        const v = byName.get(part);
        if (v === undefined) return undefined;
        acc |= v;
      }
      return enumToString(acc);
    },
    isDefault: (v) => valueOf(e, byName, v) === 0n,
  };
}
