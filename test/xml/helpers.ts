/** Shared by the XML suites: oracle vector loading, reference values from dto.json, catching the codec's error. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export interface Vector {
  readonly folder: string;
  readonly dir: string;
  readonly type: string;
  readonly xml: string;
  readonly indented: string;
  readonly json: string;
}

export function loadVectors(folder: string): Vector[] {
  const base = join(FIXTURES, 'oracle', folder);
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'dto.xml')))
    .map((d) => d.name)
    .sort()
    .map((dir) => {
      const p = (f: string) => readFileSync(join(base, dir, f), 'utf8');
      return { folder, dir, type: p('type.txt').trim(), xml: p('dto.xml'), indented: p('dto.indented.xml'), json: p('dto.json') };
    });
}

/**
 * The reference value of a vector: dto.json with the oracle's "NaN"/"Infinity"/"-Infinity"
 * strings turned back into numbers where the descriptor says Double.
 */
export function referenceValue(t: TypeDescriptor, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  switch (t.kind) {
    case 'scalar':
      if (t.name === 'Double' && typeof v === 'string') return Number(v);
      return v;
    case 'enum':
      return v;
    case 'nullable':
      return referenceValue(t.of, v);
    case 'list':
      return (v as unknown[]).map((x) => referenceValue(t.of, x));
    case 'dictionary':
    case 'class': {
      const dict = t.kind === 'dictionary' ? t : t.dictionary;
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      if (dict) {
        for (const k of Object.keys(o)) {
          Object.defineProperty(out, k, { value: referenceValue(dict.value, o[k]), enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      if (t.kind !== 'class') return out;
      for (const p of t.properties) {
        if (p.wireName in o) out[p.wireName] = referenceValue(p.type, o[p.wireName]);
      }
      for (const k of Object.keys(o)) if (!(k in out)) throw new Error(`reference JSON has unknown member ${k} for ${t.name}`);
      return out;
    }
  }
}

export { catchDtoError } from '../support/errors.js';
