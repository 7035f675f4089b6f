/**
 * The README's examples work as written: every shell block (but the install/test commands)
 * runs with `npx dto-formats` pointed at the built binary, and the library example runs with
 * each `console.log` printing what its comment says.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = (lang: string) => [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('README shell examples', () => {
  const runnable = blocks('sh').filter((b) => b.includes('npx dto-formats') && !/npm (ci|test|run)/.test(b));

  it('has the examples the issues ask for', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(3);
    expect(runnable.join('\n')).toMatch(/--to jsv[\s\S]*--to json[\s\S]*--to xml[\s\S]*cmp /);
  });

  it.each(runnable.map((b) => [b.split('\n')[0]!, b]))('%s …', (_first, block) => {
    const shim = `npx() { if [ "$1" = dto-formats ]; then shift; node "${join(root, 'dist/cli/main.js')}" "$@"; else command npx "$@"; fi; }\nset -eo pipefail\n`;
    const r = spawnSync('bash', ['-c', shim + block], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect({ code: r.status, error: /dto-formats:|cannot|error/i.test(r.stderr) ? r.stderr : '' }).toEqual({ code: 0, error: '' });
  });
});

describe('README library example', () => {
  const file = join(root, 'test/readme/.readme-example.generated.ts');
  afterAll(() => rmSync(file, { force: true }));

  it('prints what its comments say', async () => {
    const [code] = blocks('ts');
    const src = code!.replace(/from 'dto-formats'/g, "from '../../src/index.js'");
    writeFileSync(file, src);
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await import(file);
    } finally {
      process.chdir(cwd);
      spy.mockRestore();
    }
    const expected = code!.split('\n').filter((l) => l.includes('console.log(')).map((l) => l.split(' // ')[1]!.trim());
    expect(printed).toHaveLength(expected.length);
    printed.forEach((p, i) => expect(expected[i]!.startsWith(p), `${p} vs ${expected[i]}`).toBe(true));
  });
});
