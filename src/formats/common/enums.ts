/**
 * Enums as ServiceStack.Text writes and reads them in JSON and JSV (CachedTypeInfo.cs
 * `EnumInfo`, JsWriter.cs `WriteEnumFlags`), over the value model's `Enum.ToString()` text.
 *
 * Writing: a value with an `[EnumMember(Value)]` member → that text; else, when the enum is
 * written as an integer (`isInt`: `[Flags]`, metadata `isEnumInt`, `TreatEnumAsInteger`) → its
 * number; else `Enum.ToString()`: the member name, or the decimal number of an unnamed value.
 * Reading: the `[EnumMember]` texts and the names of members without one, ignoring case; then
 * `Enum.Parse(ignoreCase)`: any member name, a number, or a comma-separated list of them. A
 * value no member names is a value like any other (`Enum.ToString()` gives its number): it is
 * written and read as the server does. Numbers outside the underlying type (Int32 unless a
 * member needs more) are refused, as `Enum.Parse` overflows.
 */
import type { EnumDescriptor } from '../../schema/descriptors.js';

/** The compiled facts of one enum. */
export interface EnumCodec {
  /** The value of a value-model input (a name, `"Read, Write"`, `"42"`, a number or bigint), or undefined. */
  valueOf(v: unknown): bigint | undefined;
  /** `Enum.ToString()` of a value: the value model. */
  textOf(value: bigint): string;
  /** What JSON/JSV write: `{ text, number }` — `number` true when it is written as a bare number. */
  wireOf(value: bigint): { readonly text: string; readonly number: boolean };
  /** The value a wire text parses to (ServiceStack's rules), or undefined. */
  parse(text: string): bigint | undefined;
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

export function compileEnum(t: EnumDescriptor): EnumCodec {
  const byValue = new Map<bigint, string>();
  const wireByValue = new Map<bigint, string>();
  const byName = new Map<string, bigint>();
  const byNameFolded = new Map<string, bigint>();
  const lookup = new Map<string, bigint>();
  for (const m of t.members) {
    if (!byValue.has(m.value)) byValue.set(m.value, m.name);
    byName.set(m.name, m.value);
    const f = m.name.toLowerCase();
    if (!byNameFolded.has(f)) byNameFolded.set(f, m.value);
    // EnumMember texts replace the name in the reverse lookup; the name still parses via Enum.Parse.
    const key = m.wireText.toLowerCase();
    if (!lookup.has(key)) lookup.set(key, m.value);
    if (m.wireText !== m.name && !wireByValue.has(m.value)) wireByValue.set(m.value, m.wireText);
  }
  // Members by value descending, for the flags decomposition of Enum.ToString.
  const sorted = [...byValue.entries()].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
  const textOf = (value: bigint): string => {
    const named = byValue.get(value);
    if (named !== undefined) return named;
    if (!t.isFlags || value <= 0n) return String(value);
    let rest = value;
    const parts: [bigint, string][] = [];
    for (const [v, name] of sorted) {
      if (v > 0n && (rest & v) === v) {
        rest -= v;
        parts.push([v, name]);
      }
    }
    if (rest !== 0n) return String(value);
    return parts
      .reverse()
      .map((p) => p[1])
      .join(', ');
  };
  // Enum.Parse overflows outside the underlying type: Int32 unless a member needs 64 bits.
  const wide = t.members.some((m) => m.value < -2147483648n || m.value > 4294967295n);
  const [lo, hi] = wide ? [-(2n ** 63n), 2n ** 64n - 1n] : t.members.some((m) => m.value > 2147483647n) ? [0n, 4294967295n] : [-2147483648n, 2147483647n];
  const parseList = (text: string, folded: boolean): bigint | undefined => {
    let value = 0n;
    for (const raw of text.split(',')) {
      const part = raw.trim();
      if (part === '') return undefined;
      let v: bigint | undefined;
      if (INTEGER.test(part)) {
        v = BigInt(part);
        if (v < lo || v > hi) return undefined;
      }
      else v = folded ? byNameFolded.get(part.toLowerCase()) : byName.get(part);
      if (v === undefined) return undefined;
      value |= v;
    }
    return value;
  };
  return {
    valueOf(v) {
      if (typeof v === 'bigint') return v >= lo && v <= hi ? v : undefined;
      if (typeof v === 'number') return Number.isSafeInteger(v) && v >= lo && v <= hi ? BigInt(v) : undefined;
      if (typeof v !== 'string') return undefined;
      const exact = byName.get(v);
      return exact !== undefined ? exact : parseList(v, false);
    },
    textOf,
    wireOf(value) {
      const w = wireByValue.get(value);
      if (w !== undefined) return { text: w, number: false };
      if (t.isInt) return { text: String(value), number: true };
      return { text: textOf(value), number: false };
    },
    parse(text) {
      const hit = lookup.get(text.toLowerCase()) ?? lookup.get(text.trim().toLowerCase());
      return hit !== undefined ? hit : parseList(text, true);
    },
  };
}
