/**
 * Enum values for generated DTOs. The value model of an enum is .NET's `Enum.ToString()` text
 * (CONTRIBUTING.md): a member name, a `[Flags]` combination as `"Read, Write"`, a value no
 * member names as its decimal text (`"42"`). That text is restated here from the .NET rules,
 * independently of the codecs, so that the properties judge them:
 *
 * - Not `[Flags]`: the name of the member with that value (the first declared, when several
 *   share it), else the number.
 * - `[Flags]`: 0 is the zero member's name, else `"0"`. Otherwise, members from the highest
 *   value down are taken while all their bits are still in the remainder; if bits remain the
 *   result is the number, else the names taken, lowest value first, joined by `", "` (so a
 *   member that equals the whole value, `All`, wins). (dotnet/runtime `Enum.cs`,
 *   `TryFormatFlagNames`.)
 *
 * What each format carries (what to generate for it):
 * - JSON and JSV write an unnamed value as its number (jsv-and-json.md §2.5: "A value with no
 *   named member → its number"; `[Flags]` and integer enums always as numbers) and read a
 *   number back (`Enum.Parse`, §3.3; src/formats/json/index.ts: "an unnamed number as its
 *   text"), so every Int32 value travels.
 * - DataContract XML writes names only: a value that is not a member (or, for `[Flags]`, not a
 *   combination of members) cannot be serialized (datacontract.md §11.4), so XML gets members
 *   and flag combinations only.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { EnumDescriptor } from '../schema/descriptors.js';
import { intArbitrary } from './numbers.js';
import type { ArbitraryFormat } from './text.js';

/** `Enum.ToString()` of `value` (see the module comment). */
export function enumText(e: EnumDescriptor, value: bigint): string {
  if (!e.isFlags) {
    const m = e.members.find((x) => x.value === value);
    return m ? m.name : value.toString();
  }
  if (value === 0n) {
    const zero = e.members.find((x) => x.value === 0n);
    return zero ? zero.name : '0';
  }
  const exact = e.members.find((x) => x.value === value);
  if (exact) return exact.name;
  const sorted = e.members.filter((m) => m.value !== 0n).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  let rest = value;
  const taken: string[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const m = sorted[i]!;
    if ((rest & m.value) === m.value) {
      rest -= m.value;
      taken.unshift(m.name);
    }
  }
  return rest === 0n ? taken.join(', ') : value.toString();
}

/** The numeric value of an enum value-model text, or undefined when it names nothing. */
export function enumValueOf(e: EnumDescriptor, text: string): bigint | undefined {
  if (/^-?\d+$/.test(text)) return BigInt(text);
  let v = 0n;
  for (const part of text.split(', ')) {
    const m = e.members.find((x) => x.name === part);
    if (!m) return undefined;
    if (!e.isFlags && text !== part) return undefined;
    v |= m.value;
  }
  return v;
}

/** Whether `text` is the canonical value-model text of some value of `e`. */
export function isEnumText(e: EnumDescriptor, text: string): boolean {
  const v = enumValueOf(e, text);
  return v !== undefined && enumText(e, v) === text;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Values of `e` that `format` carries (see the module comment). */
export function enumArbitrary(e: EnumDescriptor, format: ArbitraryFormat): Arbitrary<string> {
  const names = e.members.map((m) => m.name);
  const parts: fc.WeightedArbitrary<string>[] = [];
  if (names.length > 0) parts.push({ weight: 6, arbitrary: fc.constantFrom(...names) });
  if (e.isFlags && e.members.length > 0) {
    // Any combination of members: representable by names, so every format carries it.
    parts.push({
      weight: 3,
      arbitrary: fc.subarray(e.members.map((m) => m.value)).map((vs) => enumText(e, vs.reduce((a, b) => a | b, 0n))),
    });
  }
  if (format === 'json' || format === 'jsv') {
    const int32 = intArbitrary(INT32_MIN, INT32_MAX).map((v) => BigInt(v));
    const near = e.isFlags
      ? // Member bits plus bits no member has: numbers in JSON/JSV.
        fc.tuple(fc.subarray(e.members.map((m) => m.value)), fc.integer({ min: 0, max: 30 })).map(([vs, bit]) => vs.reduce((a, b) => a | b, 0n) | (1n << BigInt(bit)))
      : fc.integer({ min: -3, max: 100 }).map((v) => BigInt(v));
    parts.push({ weight: 2, arbitrary: fc.oneof(int32, near).map((v) => enumText(e, v)) });
  }
  if (parts.length === 0) return fc.constant('0');
  return fc.oneof(...parts);
}
