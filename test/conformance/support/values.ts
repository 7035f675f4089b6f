/** Copies and reorderings of values, guided by descriptors. */
import type { TypeDescriptor } from '../../../src/schema/descriptors.js';
import { mulberry32 } from './xml-shuffle.js';

function own(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy in which the members of every class instance come in an order chosen by `order`
 * (dictionary entries keep theirs: entry order is data in every format). Keys like
 * `__proto__` stay own properties.
 */
export function withMemberOrder(type: TypeDescriptor, v: unknown, order: (keys: string[]) => string[]): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  switch (type.kind) {
    case 'scalar':
      // Scalar values that are objects (DateTime, TimeSpan, Uint8Array, a Date or byte array
      // given as input) are copied too, so that an encoder that mutates one is caught.
      if (v instanceof Uint8Array) return new Uint8Array(v);
      if (v instanceof Date) return new Date(v.getTime());
      if (Array.isArray(v)) return [...(v as unknown[])];
      return { ...(v as Record<string, unknown>) };
    case 'enum':
      return v;
    case 'nullable':
      return withMemberOrder(type.of, v, order);
    case 'list':
      return (v as unknown[]).map((e) => withMemberOrder(type.of, e, order));
    case 'dictionary':
    case 'class': {
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const dict = type.kind === 'dictionary' ? type : type.dictionary;
      if (dict) {
        for (const k of Object.keys(src)) own(out, k, withMemberOrder(dict.value, src[k], order));
        return out;
      }
      const types = new Map(type.kind === 'class' ? type.properties.map((p) => [p.wireName, p.type]) : []);
      for (const k of order(Object.keys(src))) {
        const t = types.get(k);
        own(out, k, t ? withMemberOrder(t, src[k], order) : src[k]);
      }
      return out;
    }
  }
}

export function deepCopy(type: TypeDescriptor, v: unknown): unknown {
  return withMemberOrder(type, v, (k) => k);
}

/** A deep copy with every class instance's members shuffled by a seeded generator. */
export function shuffledMembers(type: TypeDescriptor, v: unknown, seed: number): unknown {
  const random = mulberry32(seed);
  return withMemberOrder(type, v, (keys) => {
    const a = [...keys];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  });
}
