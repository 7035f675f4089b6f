import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evoVoice } from './evo-voice.js';
import type { ClassDescriptor } from '../../src/schema/descriptors.js';

const ORACLE = fileURLToPath(new URL('../../fixtures/oracle/', import.meta.url));

export interface Vector {
  /** `vectors/002-CustomerInfo` */
  readonly id: string;
  readonly revision: number;
  readonly type: ClassDescriptor;
  readonly json: string;
}

/** Every public oracle vector: `vectors` is revision 2, `vectors-legacy` revision 1. */
export function loadVectors(): Vector[] {
  const out: Vector[] = [];
  for (const [folder, revision] of [
    ['vectors', 2],
    ['vectors-legacy', 1],
  ] as const) {
    const dir = join(ORACLE, folder);
    for (const name of readdirSync(dir).sort()) {
      if (!/^\d{3}-/.test(name)) continue;
      const typeName = readFileSync(join(dir, name, 'type.txt'), 'utf8').trim();
      out.push({
        id: `${folder}/${name}`,
        revision,
        type: evoVoice.at(revision).requireClass(typeName),
        json: readFileSync(join(dir, name, 'dto.json'), 'utf8'),
      });
    }
  }
  return out;
}
