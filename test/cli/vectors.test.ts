/**
 * Issue 2's acceptance through the real binary: for every public oracle vector,
 * `convert dto.json --from json --to json --type T` reads the reference value and writes
 * ServiceStack JSON. The values themselves are checked against the reference in
 * test/json/vectors.test.ts; here the binary must give exactly the library's bytes, and
 * every number must be in .NET's text form.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, type EvoVoiceTypeName } from '../../src/index.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');

const vectors = (['vectors', 'vectors-legacy'] as const).flatMap((folder) =>
  readdirSync(join(root, 'fixtures/oracle', folder))
    .filter((n) => /^\d{3}-/.test(n))
    .map((n) => ({ id: `${folder}/${n}`, dir: join(root, 'fixtures/oracle', folder, n), revision: folder === 'vectors' ? 2 : 1 })),
);

/** Number tokens outside strings: .NET writes `1E+21`, `1.5E-07`, `-0`, bare `NaN`/`Infinity`. */
function numberTokens(text: string): string[] {
  const outside = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return outside.match(/-?(?:\d[\d.]*(?:[eE][+-]?\d+)?|NaN|Infinity)/g) ?? [];
}

describe('dto-formats convert dto.json --from json --to json (every oracle vector)', () => {
  it.each(vectors)('$id', ({ dir, revision }) => {
    const type = readFileSync(join(dir, 'type.txt'), 'utf8') as EvoVoiceTypeName;
    const reference = readFileSync(join(dir, 'dto.json'), 'utf8');
    const args = ['convert', join(dir, 'dto.json'), '--from', 'json', '--to', 'json', '--type', type, '--revision', String(revision)];
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toBe(json.encode(type, json.decode(type, reference, { revision }), { revision }));
    for (const n of numberTokens(r.stdout)) {
      expect(n).toMatch(/^(-?(0|[1-9]\d*)(\.\d+)?(E[+-]\d{2,3})?|NaN|-?Infinity)$/);
    }
  });

  it('shows .NET exponents where the reference (ECMAScript text) has e-notation', () => {
    const dir = join(root, 'fixtures/oracle/vectors/002-CustomerInfo');
    const r = spawnSync(process.execPath, [bin, 'convert', join(dir, 'dto.json'), '--to', 'json', '--type', 'CustomerInfo'], { encoding: 'utf8' });
    expect(readFileSync(join(dir, 'dto.json'), 'utf8')).toContain('"unitCost":1e+22');
    expect(r.stdout).toContain('"unitCost":1E+22');
    expect(r.stdout).toContain('"rawUnitMultiplier":NaN');
  });
});
