/**
 * The decoded object of a class, made from its member slots: what the JSON and JSV readers
 * build once they have read an object (XML stores members as their elements arrive instead).
 */
import { defaultValue } from '../../schema/defaults.js';
import type { PropertyDescriptor } from '../../schema/descriptors.js';
import { setOwn } from './objects.js';

/** Makes the object from one slot per member, in declaration order (undefined: not read). */
export type Builder = (slots: readonly unknown[]) => Record<string, unknown>;

/**
 * Makes the decoded object from the member slots, in declaration order, with .NET defaults
 * for missing value types. Generated once per class so every store has a constant key (a
 * loop storing computed keys goes megamorphic across classes and costs a quarter of the
 * decode); falls back to that loop where code generation is disabled or a name needs `setOwn`.
 */
export function compileBuilder(properties: readonly PropertyDescriptor[]): Builder {
  const wires = properties.map((p) => p.wireName);
  // Object defaults (a DateTime's frozen value is shared; a struct's is made fresh per object,
  // since the caller may mutate it) come from a factory; primitives are inlined.
  const factories = properties.map((p): (() => unknown) | undefined => {
    const d = defaultValue(p.type);
    if (d === undefined) return undefined;
    if (typeof d !== 'object' || d === null || Object.isFrozen(d)) return () => d;
    return () => defaultValue(p.type);
  });
  const generic: Builder = (slots) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < wires.length; i++) {
      const v = slots[i] === undefined ? factories[i]?.() : slots[i];
      if (v !== undefined) setOwn(out, wires[i]!, v);
    }
    return out;
  };
  if (wires.includes('__proto__')) return generic;
  let body = 'const o = {};\n';
  wires.forEach((w, i) => {
    const key = JSON.stringify(w);
    const f = factories[i];
    const d = f?.();
    const literal =
      typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean'
        ? JSON.stringify(d)
        : typeof d === 'bigint'
          ? `${d}n`
          : `F[${i}]()`;
    body +=
      f === undefined
        ? `if (s[${i}] !== undefined) o[${key}] = s[${i}];\n`
        : `o[${key}] = s[${i}] === undefined ? ${literal} : s[${i}];\n`;
  });
  body += 'return o;';
  try {
    const make = new Function('F', `return (s) => {\n${body}\n};`) as (f: typeof factories) => Builder;
    return make(factories);
  } catch {
    return generic;
  }
}
