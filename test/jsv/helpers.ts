/**
 * Test helpers for the JSV codec: the oracle vectors, the reference value model, and what JSV
 * makes of a value. Written independently of the codec so the suites do not check the codec
 * against itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { catchDtoError } from '../support/errors.js';
import { DtoFormatError } from '../../src/errors.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export { loadVectors, type Vector } from '../support/vectors.js';

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function own(out: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * The value model of a vector's `dto.json` (parsed with `JSON.parse`): the same tree, with
 * the quoted `"NaN"`/`"Infinity"`/`"-Infinity"` of Double members turned into numbers.
 */
export function referenceValue(t: TypeDescriptor, raw: unknown): unknown {
  if (raw === null || raw === undefined) return raw;
  switch (t.kind) {
    case 'scalar':
      return t.name === 'Double' && typeof raw === 'string' ? NON_FINITE[raw] : raw;
    case 'enum':
      return raw;
    case 'nullable':
      return referenceValue(t.of, raw);
    case 'list':
      return (raw as unknown[]).map((e) => referenceValue(t.of, e));
    case 'dictionary':
    case 'class': {
      const out: Record<string, unknown> = {};
      if (t.kind === 'dictionary' || t.dictionary) {
        const vt = t.kind === 'dictionary' ? t.value : t.dictionary!.value;
        for (const [k, x] of Object.entries(raw as Record<string, unknown>)) own(out, k, x === null ? null : referenceValue(vt, x));
        return out;
      }
      const byWire = new Map(t.properties.map((p) => [p.wireName, p]));
      for (const [k, x] of Object.entries(raw as Record<string, unknown>)) {
        const p = byWire.get(k);
        if (!p) throw new Error(`reference has unknown member ${t.name}.${k}`);
        out[k] = referenceValue(p.type, x);
      }
      return out;
    }
  }
}

/** A class instance as the .NET default constructor leaves it (what `{}` reads as). */
export function defaultsOf(c: ClassDescriptor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of c.properties) {
    const t = p.type;
    if (t.kind === 'scalar' && t.isValueType) out[p.wireName] = t.name === 'Boolean' ? false : 0;
    else if (t.kind === 'enum') out[p.wireName] = t.members.find((m) => m.value === 0n)!.name;
  }
  return out;
}

/**
 * What a value is after a trip through JSV: the only things JSV cannot carry.
 * - A null dictionary value is not written, so the entry is gone.
 * - A null POCO list element is written `{}`, which reads back as a default instance.
 * - A null `String` element is an empty slot, so a list holding only a null is written `[]`
 *   and reads back empty (a null among other elements survives: `[a,]` is a, null).
 * - Likewise a list holding one string of .NET white space other than CR/LF (spaces, TABs,
 *   U+2028…) is written bare (`[ ]`), and ServiceStack takes a blank list body as the empty
 *   list. (With a CR or LF the string is quoted and survives.)
 * Everything else, a null `Struct` element (`null`) included, comes back as it was.
 */
export function jsvView(t: TypeDescriptor, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return v;
    case 'nullable':
      return jsvView(t.of, v);
    case 'list': {
      const el = t.of;
      const a = v as unknown[];
      if (el.kind === 'scalar' && el.name === 'String' && a.length === 1 && (a[0] === null || /^[\t\v\f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/.test(a[0] as string))) {
        return [];
      }
      return a.map((e) => (e === null && el.kind === 'class' && !el.dictionary ? defaultsOf(el) : jsvView(el, e)));
    }
    case 'dictionary':
    case 'class': {
      const out: Record<string, unknown> = {};
      if (t.kind === 'dictionary' || t.dictionary) {
        const vt = t.kind === 'dictionary' ? t.value : t.dictionary!.value;
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== null) own(out, k, jsvView(vt, x));
        return out;
      }
      const byWire = new Map(t.properties.map((p) => [p.wireName, p]));
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = jsvView(byWire.get(k)!.type, x);
      return out;
    }
  }
}

/** Recursively, the key order of every object (arrays by index), for order assertions. */
export function keyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keyOrder);
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, keyOrder(x)]);
  return null;
}


/** Asserts `f` throws a DtoFormatError with these details. */
export function expectDtoError(f: () => unknown, details: Partial<Record<string, unknown>>): DtoFormatError {
  const e = catchDtoError(f);
  expect(e.details()).toMatchObject(details);
  return e;
}

export { catchDtoError };
