/** Small `/types/metadata` documents for the loader's tests. */
import { readFileSync } from 'node:fs';
import type { ClassDescriptor, EnumDescriptor } from '../../src/schema/descriptors.js';
import type { Registry } from '../../src/schema/registry.js';

export type Json = Record<string, unknown>;

export const NS = 'Test.Api';

/** A MetadataTypes document with these types and operations. */
export const doc = (types: Json[], operations: Json[] = []): Json => ({ types, operations });

/** A class in the test namespace, with `implements: []` as the server writes it. */
export const cls = (name: string, properties: Json[] = [], extra: Json = {}): Json => ({
  name, namespace: NS, implements: [], properties, ...extra,
});

/** A member: `prop('Count', 'Int32', { isValueType: true })`. */
export const prop = (name: string, type: string, extra: Json = {}): Json => ({ name, type, namespace: 'System', ...extra });

export const klass = (r: Registry, name: string): ClassDescriptor => r.at().requireClass(name);

export const enumOf = (r: Registry, name: string): EnumDescriptor => {
  const t = r.require(name);
  if (t.kind !== 'enum') throw new Error(`${name} is not an enum`);
  return t;
};

export const fixtureText = (name: string): string =>
  readFileSync(new URL(`../../fixtures/metadata/${name}`, import.meta.url), 'utf8');

export const fixture = (name: string): Json => JSON.parse(fixtureText(name)) as Json;

/** Every key of a JSON value re-cased (`config`/`meta` maps too, as a host would write them). */
export function recase(v: unknown, f: (k: string) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => recase(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [f(k), recase(x, f)]));
  return v;
}
