/**
 * fast-check arbitraries derived from descriptors: a value of the value model
 * (CONTRIBUTING.md) for any type of any registry.
 *
 * One `fc.letrec` per root ties every class reachable from it, so the cyclic pair
 * `Struct` → `Value` → `List<Struct>` needs no special case; a type that can contain itself is
 * reached through a depth-bounded `fc.oneof` whose first branch (taken once the bound is
 * reached) is the type's smallest instance, so generation always terminates. The arbitraries
 * are cached per descriptor object and options.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { typeLabel, type ClassDescriptor, type DictionaryDescriptor, type TypeDescriptor } from '../schema/descriptors.js';
import { defaultValue } from '../schema/defaults.js';
import { enumArbitrary, enumValueOf } from './enums.js';
import { keyAfterAll, type WireFormat } from './equivalence.js';
import { jsvDateTimeKeyArbitrary, scalarArbitrary } from './scalars.js';
import { keyArbitrary, type ArbitraryFormat } from './text.js';

export type { ArbitraryFormat } from './text.js';

/**
 * - `'decoded'`: what every decoder returns: each non-nullable value-type member present, a
 *   null reference or `Nullable<T>` member absent (never `null`), `null` only as a list
 *   element or dictionary value of a reference type.
 * - `'input'`: anything an encoder accepts for the same document: value-type members may be
 *   missing (written as their .NET default), absent members may also be `null` or `undefined`.
 *   `canonical` (./equivalence.ts) turns it into the decoded shape.
 */
export type ValueShape = 'decoded' | 'input';

export interface DtoArbitraryOptions {
  /**
   * The formats the value must be able to travel through (default `'all'`, i.e. the
   * strictest: XML's character set). See ./text.ts for each format's limits.
   */
  readonly format?: ArbitraryFormat;
  /** Default `'decoded'`. */
  readonly shape?: ValueShape;
  /**
   * How many levels of self-containing types may nest (each `Struct` and each `Value` counts
   * one, so 4 is two `Struct`s deep). Default 4.
   */
  readonly maxDepth?: number;
  /** Most elements of a list and entries of a dictionary. Default 4. */
  readonly maxLength?: number;
  /**
   * With `shape: 'input'`: also the other JavaScript values the encoders take for a scalar or
   * an enum (`SCALAR_ARBITRARIES[…].input` in ./scalars.ts: a bigint for an Int32, a number or
   * digit string for an Int64, an `N`-form Guid, a `Date`, a byte array, an enum's number).
   * Default false.
   */
  readonly scalarInputs?: boolean;
}

interface Resolved {
  readonly format: ArbitraryFormat;
  readonly shape: ValueShape;
  readonly maxDepth: number;
  readonly maxLength: number;
  readonly scalarInputs: boolean;
}

function resolve(o: DtoArbitraryOptions | undefined): Resolved {
  const r: Resolved = {
    format: o?.format ?? 'all',
    shape: o?.shape ?? 'decoded',
    maxDepth: o?.maxDepth ?? 4,
    maxLength: o?.maxLength ?? 4,
    scalarInputs: o?.scalarInputs ?? false,
  };
  if (!['json', 'jsv', 'xml', 'all'].includes(r.format)) throw new RangeError(`unknown format ${String(r.format)}`);
  if (r.shape !== 'decoded' && r.shape !== 'input') throw new RangeError(`unknown shape ${String(r.shape)}`);
  if (!(Number.isInteger(r.maxDepth) && r.maxDepth >= 0)) throw new RangeError('maxDepth must be a non-negative integer');
  if (!(Number.isInteger(r.maxLength) && r.maxLength >= 0)) throw new RangeError('maxLength must be a non-negative integer');
  return r;
}

const cache = new WeakMap<TypeDescriptor, Map<string, Arbitrary<unknown>>>();

/**
 * An arbitrary of values of `type` (a class, enum, list, dictionary, scalar or nullable
 * descriptor of any registry). Values are fresh plain objects (never null-prototype), with
 * dictionary keys as own properties even when they are `__proto__`.
 *
 * ```ts
 * import fc from 'fast-check';
 * import { registry, json } from 'dto-formats';
 * import { dtoArbitrary, expectedAfter, firstDifference } from 'dto-formats/arbitrary';
 * const t = registry.require('CustomerInfo');
 * fc.assert(fc.property(dtoArbitrary(t, { format: 'json' }), (v) =>
 *   firstDifference(t, json.decode(t, json.encode(t, v)), expectedAfter('json', t, v)) === undefined));
 * ```
 */
export function dtoArbitrary<T = unknown>(type: TypeDescriptor, options?: DtoArbitraryOptions): Arbitrary<T> {
  const o = resolve(options);
  const key = `${o.format}|${o.shape}|${o.maxDepth}|${o.maxLength}|${o.scalarInputs}`;
  let byOptions = cache.get(type);
  if (byOptions === undefined) {
    byOptions = new Map();
    cache.set(type, byOptions);
  }
  let arb = byOptions.get(key);
  if (arb === undefined) {
    arb = build(type, o);
    byOptions.set(key, arb);
  }
  return arb as Arbitrary<T>;
}

/** Every class reachable from `t`, by object identity (names may repeat across registries). */
function reachableClasses(t: TypeDescriptor, out: Set<ClassDescriptor>): Set<ClassDescriptor> {
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return out;
    case 'nullable':
      return reachableClasses(t.of, out);
    case 'list':
      return reachableClasses(t.of, out);
    case 'dictionary':
      return reachableClasses(t.value, out);
    case 'class':
      if (out.has(t)) return out;
      out.add(t);
      if (t.dictionary) reachableClasses(t.dictionary.value, out);
      for (const p of t.properties) reachableClasses(p.type, out);
      return out;
  }
}

/** Classes that can contain themselves. */
function selfContaining(classes: Set<ClassDescriptor>): Set<ClassDescriptor> {
  const out = new Set<ClassDescriptor>();
  for (const c of classes) {
    const inner = new Set<ClassDescriptor>();
    if (c.dictionary) reachableClasses(c.dictionary.value, inner);
    for (const p of c.properties) reachableClasses(p.type, inner);
    if (inner.has(c)) out.add(c);
  }
  return out;
}

/** The formats a value generated for `format` must travel through. */
const FORMATS_OF: Record<ArbitraryFormat, readonly WireFormat[]> = {
  json: ['json'],
  jsv: ['jsv'],
  xml: ['xml'],
  all: ['json', 'jsv', 'xml'],
};

/** Every ordering of every non-empty subset of `formats` (at most 15 for three formats). */
function chainsOf(formats: readonly WireFormat[]): WireFormat[][] {
  const out: WireFormat[][] = [];
  const grow = (chain: WireFormat[]): void => {
    if (chain.length > 0) out.push(chain);
    for (const f of formats) if (!chain.includes(f)) grow([...chain, f]);
  };
  grow([]);
  return out;
}

const CHAINS_OF: Record<ArbitraryFormat, WireFormat[][]> = {
  json: chainsOf(['json']),
  jsv: chainsOf(['jsv']),
  xml: chainsOf(['xml']),
  all: chainsOf(['json', 'jsv', 'xml']),
};

/**
 * Whether the keys stay distinct through the formats: each alone and through every chain of
 * them (the cross-format properties carry values in any order). Formats that repeat in a chain
 * add nothing: every rule maps a key to its fixed point or merges keys, never splits them.
 */
function keysStayDistinct(format: ArbitraryFormat, d: DictionaryDescriptor, keys: readonly string[]): boolean {
  if (keys.length < 2) return true;
  return CHAINS_OF[format].every((chain) => new Set(keys.map((k) => keyAfterAll(chain, d.key, k))).size === keys.length);
}

/**
 * Whether DataContract XML can write `default(T)`: not for an enum without a member of value 0
 * (a non-flags enum's 0 is then an unnamed value, which DCS refuses to serialize:
 * datacontract.md §11.4), nor for a struct whose default holds one.
 */
export function defaultWritableInXml(t: TypeDescriptor, seen: Set<ClassDescriptor>): boolean {
  if (t.kind === 'enum') return t.isFlags || t.members.some((m) => m.value === 0n);
  if (t.kind === 'class' && t.isValueType && !seen.has(t)) {
    seen.add(t);
    return t.properties.every((p) => !p.type.isValueType || defaultWritableInXml(p.type, seen));
  }
  return true;
}

/** The first member, through the type graph, whose type involves a scalar no format carries. */
function refusedMember(t: TypeDescriptor, seen: Set<ClassDescriptor>): string | undefined {
  switch (t.kind) {
    case 'scalar':
      return t.name === 'Object' ? '' : undefined;
    case 'enum':
      return undefined;
    case 'nullable':
    case 'list':
      return refusedMember(t.of, seen);
    case 'dictionary':
      return refusedMember(t.key, seen) ?? refusedMember(t.value, seen);
    case 'class': {
      if (seen.has(t)) return undefined;
      seen.add(t);
      if (t.dictionary) {
        const d = refusedMember(t.dictionary, seen);
        if (d !== undefined) return d === '' ? t.name : d;
      }
      for (const p of t.properties) {
        const m = refusedMember(p.type, seen);
        if (m !== undefined) return m === '' ? `${t.name}.${p.name} (${typeLabel(p.type)})` : m;
      }
      return undefined;
    }
  }
}

/** The smallest instance: what the bounded recursion ends with. */
function smallest(c: ClassDescriptor): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (c.dictionary) return v;
  for (const p of c.properties) {
    const d = defaultValue(p.type);
    if (d !== undefined) v[p.wireName] = d;
  }
  return v;
}

function build(root: TypeDescriptor, o: Resolved): Arbitrary<unknown> {
  // Object is carried by no format: refuse up front, naming the member, rather than make
  // values no codec accepts (or silently skip a member the type declares).
  const refused = refusedMember(root, new Set());
  if (refused !== undefined) {
    throw new TypeError(
      `dtoArbitrary: ${refused === '' ? typeLabel(root) : refused} is System.Object, which no wire format carries ` +
        '(every codec refuses it with DtoFormatError code "unsupported"); no values of this type can be generated',
    );
  }
  const classes = [...reachableClasses(root, new Set())];
  const recursive = selfContaining(new Set(classes));
  const keyOf = new Map(classes.map((c, i) => [c, `c${i}`]));
  const depth = fc.createDepthIdentifier();
  const keys = keyArbitrary(o.format);
  const input = o.shape === 'input';
  const formats = FORMATS_OF[o.format];
  const xmlLimits = formats.includes('xml');

  // `tie` is only valid inside the letrec builder; the root, when it is not a class, is built
  // from the tied class arbitraries afterwards.
  let tie: (key: string) => Arbitrary<unknown> = () => {
    throw new Error('unreachable: tie used outside letrec');
  };

  const classRef = (c: ClassDescriptor): Arbitrary<unknown> => {
    const tied = tie(keyOf.get(c)!);
    if (!recursive.has(c)) return tied;
    // Fresh object per draw: the smallest instance must not be shared between values.
    const base = fc.constant(null).map(() => smallest(c));
    return fc.oneof({ maxDepth: o.maxDepth, depthIdentifier: depth, depthSize: 'max', withCrossShrink: true }, base, tied);
  };

  /** An element of a list or a dictionary value: reference types may be null. */
  const slot = (t: TypeDescriptor): Arbitrary<unknown> =>
    t.isValueType ? of(t) : fc.option(of(t), { nil: null, freq: 5 });

  const dictionary = (d: DictionaryDescriptor): Arbitrary<unknown> => {
    // The value model keys a dictionary by the key's canonical text (`ScalarRow.toKey`).
    const toKey = d.key.toKey as (v: unknown) => string;
    const k =
      d.key.name === 'String'
        ? keys
        : d.key.name === 'DateTime' && formats.includes('jsv')
          ? jsvDateTimeKeyArbitrary.map(toKey) // JSV carries DateTime keys at midnight only (./scalars.ts)
          : scalarArbitrary(d.key.name, o.format).map(toKey);
    const dict = fc.dictionary(k, slot(d.value), { maxKeys: o.maxLength, noNullPrototype: true, depthIdentifier: depth });
    // Keys a format changes can collide: XML writes every line break as LF, so keys differing
    // only in CR arrive as one key twice, which DCS refuses to read; a format that changes a
    // scalar (./equivalence.ts SCALAR_CHANGES) can merge two keys of it. Such a dictionary is
    // not a value that format can carry.
    return dict.filter((v) => keysStayDistinct(o.format, d, Object.keys(v)));
  };

  const record = (c: ClassDescriptor): Arbitrary<unknown> => {
    const model: Record<string, Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const p of c.properties) {
      const valueType = p.type.isValueType;
      // A missing member is written as its default; where XML cannot write that default (an
      // enum with no member of value 0), the member must be given.
      if (input && xmlLimits && !defaultWritableInXml(p.type, new Set())) required.push(p.wireName);
      if (input) {
        // Anything the encoders read as "absent" for a reference, the value or its default for a value type.
        model[p.wireName] = valueType ? of(p.type) : fc.oneof(of(p.type), fc.constant(null), fc.constant(undefined));
      } else {
        model[p.wireName] = of(p.type);
        if (valueType) required.push(p.wireName);
      }
    }
    return fc.record(model, { requiredKeys: required, noNullPrototype: true });
  };

  function of(t: TypeDescriptor): Arbitrary<unknown> {
    switch (t.kind) {
      case 'scalar':
        return scalarArbitrary(t.name, o.format, input && o.scalarInputs ? 'input' : 'decoded');
      case 'enum': {
        const names = enumArbitrary(t, o.format);
        // Encoders also take the value as a number (CONTRIBUTING.md); `canonical` maps it back.
        return input && o.scalarInputs
          ? fc.oneof({ weight: 3, arbitrary: names }, { weight: 1, arbitrary: names.map((n) => Number(enumValueOf(t, n))) })
          : names;
      }
      case 'nullable':
        return of(t.of);
      case 'list':
        return fc.array(slot(t.of), { maxLength: o.maxLength, depthIdentifier: depth });
      case 'dictionary':
        return dictionary(t);
      case 'class':
        return classRef(t);
    }
  }

  let byKey: Record<string, Arbitrary<unknown>> = {};
  if (classes.length > 0) {
    byKey = fc.letrec((t) => {
      tie = t;
      const out: Record<string, Arbitrary<unknown>> = {};
      for (const c of classes) out[keyOf.get(c)!] = c.dictionary ? dictionary(c.dictionary) : record(c);
      return out;
    });
  }
  tie = (k) => byKey[k]!;
  // The root itself is never null and, for a self-containing class, starts its own count.
  return root.kind === 'class' ? byKey[keyOf.get(root)!]! : of(root);
}
