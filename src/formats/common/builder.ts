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
  const defaults = properties.map((p) => defaultValue(p.type));
  const generic: Builder = (slots) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < wires.length; i++) {
      const v = slots[i] === undefined ? defaults[i] : slots[i];
      if (v !== undefined) setOwn(out, wires[i]!, v);
    }
    return out;
  };
  if (wires.includes('__proto__')) return generic;
  let body = 'const o = {};\n';
  wires.forEach((w, i) => {
    const key = JSON.stringify(w);
    const d = defaults[i];
    body +=
      d === undefined
        ? `if (s[${i}] !== undefined) o[${key}] = s[${i}];\n`
        : `o[${key}] = s[${i}] === undefined ? ${JSON.stringify(d)} : s[${i}];\n`;
  });
  body += 'return o;';
  try {
    return new Function('s', body) as Builder;
  } catch {
    return generic;
  }
}
