/**
 * The scalar-zoo oracle vectors (fixtures/oracle/zoo/README.md): each folder's `value.json`,
 * the instance in a tagged canonical JSON, turned into the value model of the zoo registry's
 * descriptors (bigint ticks and 64-bit integers, decimal strings, Uint8Array, …).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import type { Schema } from '../../src/schema/registry.js';
import { FIXTURES } from './helpers.js';

export const ZOO_VECTORS = join(FIXTURES, 'oracle', 'zoo', 'vectors');

export interface ZooVector {
  readonly dir: string;
  /** The zoo type as type.txt names it: `ScalarZoo`, `Outer.Inner`, `QueryResponse<Item>`. */
  readonly type: string;
  readonly xml: string;
  readonly indented: string;
  /** value.json, parsed. */
  readonly json: unknown;
}

export function loadZooVectors(): ZooVector[] {
  return readdirSync(ZOO_VECTORS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ZOO_VECTORS, d.name, 'dto.xml')))
    .map((d) => d.name)
    .sort()
    .map((dir) => {
      const p = (f: string) => readFileSync(join(ZOO_VECTORS, dir, f), 'utf8');
      return { dir, type: p('type.txt'), xml: p('dto.xml'), indented: p('dto.indented.xml'), json: JSON.parse(p('value.json')) as unknown };
    });
}

/** The class a vector's type.txt names (nested types by their full name `Zoo.Types.Outer.Inner`). */
export function zooClass(schema: Schema, type: string): ClassDescriptor {
  const t = schema.byFullName(`Zoo.Types.${type}`) ?? schema.require(type);
  if (t.kind !== 'class') throw new Error(`${type} is not a class`);
  return t;
}

/** The tagged JSON's doubles: numbers, or "NaN", "Infinity", "-Infinity", "-0". */
function floating(v: unknown): number {
  if (typeof v === 'number') return v;
  switch (v) {
    case 'NaN':
      return NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
  }
  throw new Error(`not a tagged double: ${JSON.stringify(v)}`);
}

type Json = Record<string, unknown>;

/** value.json → the value model of `t`. */
export function zooValue(t: TypeDescriptor, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  switch (t.kind) {
    case 'scalar':
      switch (t.name) {
        case 'Int64':
        case 'UInt64':
          return BigInt(v as string);
        case 'Single':
          return Math.fround(floating(v));
        case 'Double':
          return floating(v);
        case 'DateTime': {
          const o = v as Json;
          const d = { ticks: BigInt(o.ticks as string), kind: o.kind as string };
          return o.kind === 'Local' ? { ...d, offsetMinutes: o.offsetMinutes } : d;
        }
        case 'DateTimeOffset': {
          const o = v as Json;
          return { ticks: BigInt(o.ticks as string), offsetMinutes: o.offsetMinutes };
        }
        case 'TimeSpan':
          return { ticks: BigInt((v as Json).ticks as string) };
        case 'Byte[]':
          return new Uint8Array(Buffer.from(v as string, 'base64'));
        default:
          return v;
      }
    case 'enum':
      return v;
    case 'nullable':
      return zooValue(t.of, v);
    case 'list':
      return (v as unknown[]).map((x) => zooValue(t.of, x));
    case 'dictionary': {
      const out: Json = {};
      for (const [k, x] of Object.entries(v as Json)) {
        Object.defineProperty(out, k, { value: zooValue(t.value, x), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'class': {
      const o = v as Json;
      const out: Json = {};
      const known = new Set(t.properties.map((p) => p.name));
      for (const k of Object.keys(o)) if (!known.has(k)) throw new Error(`value.json has unknown member ${k} for ${t.name}`);
      for (const p of t.properties) if (p.name in o && o[p.name] !== null) out[p.wireName] = zooValue(p.type, o[p.name]);
      return out;
    }
  }
}
