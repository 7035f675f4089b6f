/**
 * The sample instance a ServiceStack metadata page shows for a type (jsv-and-json.md §5):
 * what `AutoMappingUtils.PopulateWith(new T())` builds, restated as rules over descriptors.
 * Format-free: it returns a value of the value model, which any codec then writes (the JSV
 * page shows it through the JSV writer and `JsvFormatter.Format`).
 *
 * The rules, per declared type (`CreateDefaultValue`):
 * - `String` → the text `String` (the .NET type name); an enum → its member with the smallest
 *   unsigned value (`Enum.GetValues(...)[0]`). Neither is counted below.
 * - Everything else passes the recursion check first: a count per type of how many values of
 *   that type are being built on the current path; over 2 the value is null, and the count is
 *   restored when the value is done (so it counts ancestors, not instances). `List<Struct>`,
 *   `Struct`, the `KeyValuePair<String,Value>` its dictionary adds and `Value` are four types,
 *   counted independently: that is why the innermost `listValue` of the seeds is `[ null ]`.
 * - Other value types → default(T); `Nullable<T>` → default(T) too, not null.
 * - A list → one element; a dictionary (or a class deriving from one) → one entry built as a
 *   `KeyValuePair<K,V>` (key `String` for string keys); a class → every member populated.
 * - The root instance is populated member by member without being counted itself.
 */
import type { ClassDescriptor, DictionaryDescriptor, ScalarDescriptor, TypeDescriptor } from './descriptors.js';
import { enumDefault, enumFirstByValue } from './defaults.js';
import { usageError } from '../errors.js';

/**
 * What becomes of members whose type can contain itself (`Struct` → `Value` → `List<Struct>`):
 * - `'populated'`: built like everything else, cut by the recursion limit. This is what
 *   `PopulateWith` does in every ServiceStack.Text version read (2022 and 2026 sources) and
 *   what the seeds show: the JSV pages of seeds 001/002 and the older XML page of seed 004.
 * - `'nil'`: left null. This reproduces the newer XML page of seed 003 (and the oracle's
 *   metadata-sample vectors 000/001), where `CustomerInfo.Data` and `SchedulingRule.FlowParams`
 *   are `i:nil` while `IntegrationData`, a dictionary-derived type too but not a recursive
 *   one, is populated. The serializer sources do not explain that page (see the project's
 *   notes); "a recursive type is left null" is the narrowest rule that matches it.
 */
export type RecursiveTypeSamples = 'populated' | 'nil';

export interface SampleOptions {
  /** Default `'populated'`. */
  readonly recursiveTypes?: RecursiveTypeSamples;
}

export const sampleDefaults: Readonly<Required<SampleOptions>> = Object.freeze({
  recursiveTypes: 'populated',
});

/** The most nesting of one type on a path: `MaxRecursionLevelForDefaultValues` in AutoMappingUtils. */
const MAX_RECURSION_LEVEL = 2;

/** A stable name per .NET type, for the recursion counts (list and dictionary descriptors are not shared objects). */
function typeKey(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
      return t.fullName;
    case 'enum':
    case 'class':
      return t.fullName;
    case 'nullable':
      return `Nullable<${typeKey(t.of)}>`;
    case 'list':
      return `List<${typeKey(t.of)}>`;
    case 'dictionary':
      return `Dictionary<${typeKey(t.key)},${typeKey(t.value)}>`;
  }
}

function keyValuePairKey(d: DictionaryDescriptor): string {
  return `KeyValuePair<${typeKey(d.key)},${typeKey(d.value)}>`;
}

/** The dictionary key a default key value becomes in the value model (keys are canonical key texts). */
function keyText(k: ScalarDescriptor): string {
  const v = k.sample ?? k.defaultValue;
  return v === undefined ? '' : (k.toKey as (x: unknown) => string)(v);
}

const recursiveCache = new WeakMap<TypeDescriptor, boolean>();

/** Whether a value of `t` can contain another value of `t` (through members, elements or values). */
export function isRecursiveType(t: TypeDescriptor): boolean {
  let r = recursiveCache.get(t);
  if (r === undefined) {
    const self = typeKey(t);
    const seen = new Set<string>();
    const reaches = (u: TypeDescriptor): boolean => {
      for (const c of children(u)) {
        const k = typeKey(c);
        if (k === self) return true;
        if (seen.has(k)) continue;
        seen.add(k);
        if (reaches(c)) return true;
      }
      return false;
    };
    r = reaches(t);
    recursiveCache.set(t, r);
  }
  return r;
}

function children(t: TypeDescriptor): TypeDescriptor[] {
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return [];
    case 'nullable':
      return [t.of];
    case 'list':
      return [t.of];
    case 'dictionary':
      return [t.value];
    case 'class':
      return t.dictionary ? [t.dictionary.value] : t.properties.map((p) => p.type);
  }
}

/**
 * The metadata-page sample of `type`, in the value model (objects keyed by wire names; a
 * value over the recursion limit is an absent member or a `null` element). `type` belongs to
 * one API revision: pass `registry.at(revision).require(name)` for another revision.
 */
export function sampleValue(type: TypeDescriptor, options?: SampleOptions): unknown {
  const mode = options?.recursiveTypes ?? sampleDefaults.recursiveTypes;
  if (mode !== 'populated' && mode !== 'nil') {
    throw usageError(`sample option recursiveTypes must be 'populated' or 'nil', not ${JSON.stringify(mode)}`);
  }
  const counts = new Map<string, number>();
  const nilRecursive = mode === 'nil';

  const create = (t: TypeDescriptor): unknown => {
    // Strings (and scalars without a default) are not counted by the recursion check.
    if (t.kind === 'scalar' && !t.isValueType) return t.sample;
    if (t.kind === 'enum') return enumFirstByValue(t);
    if (nilRecursive && isRecursiveType(t)) return undefined;
    const key = typeKey(t);
    const level = counts.get(key) ?? 0;
    if (level > MAX_RECURSION_LEVEL) return undefined;
    counts.set(key, level + 1);
    try {
      return build(t);
    } finally {
      counts.set(key, level);
    }
  };

  const build = (t: TypeDescriptor): unknown => {
    switch (t.kind) {
      case 'scalar':
        return t.sample;
      case 'enum':
        return enumFirstByValue(t);
      case 'nullable':
        // The boxed default of T, not null: `boolValue: False` in the seeds.
        return t.of.kind === 'enum' ? enumDefault(t.of) : t.of.kind === 'scalar' ? t.of.sample : build(t.of);
      case 'list': {
        const e = create(t.of);
        return [e === undefined ? null : e];
      }
      case 'dictionary':
        return populateDictionary(t);
      case 'class':
        return t.dictionary ? populateDictionary(t.dictionary) : populateClass(t);
    }
  };

  // ICollection<KeyValuePair<K,V>>.Add of one default pair: the pair is a type of its own on
  // the recursion path. (Were the pair over the limit, .NET would fail adding a null key; we
  // leave the dictionary empty.)
  const populateDictionary = (d: DictionaryDescriptor): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const pairKey = keyValuePairKey(d);
    const level = counts.get(pairKey) ?? 0;
    if (level > MAX_RECURSION_LEVEL) return out;
    counts.set(pairKey, level + 1);
    try {
      const k = keyText(d.key);
      const v = create(d.value);
      Object.defineProperty(out, k, { value: v === undefined ? null : v, enumerable: true, writable: true, configurable: true });
    } finally {
      counts.set(pairKey, level);
    }
    return out;
  };

  const populateClass = (c: ClassDescriptor): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const p of c.properties) {
      const v = create(p.type);
      if (v !== undefined) out[p.wireName] = v;
    }
    return out;
  };

  switch (type.kind) {
    case 'class':
      // PopulateWith fills the root's own members only: a dictionary-derived root stays empty.
      return type.dictionary ? {} : populateClass(type);
    default:
      return create(type) ?? null;
  }
}
