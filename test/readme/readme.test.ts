/**
 * The README's examples work as written: every shell block runs with `npx dto-formats` pointed
 * at the built binary, and every TypeScript block runs with each `console.log` printing what its
 * comment says.
 *
 * A block that cannot run here (it installs packages, runs the whole suite, or needs the
 * reader's own ServiceStack host) is marked on the line before its fence with
 * `<!-- readme-test: not run (why) -->`. Nothing else is skipped: the marked blocks must be
 * exactly the ones listed in NOT_RUN below, so a new marker is a visible change to this test.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Block {
  lang: string;
  code: string;
  /** The marker's reason, when the block is marked not to run. */
  notRun?: string;
  firstLine: string;
}

const MARKER = /^<!-- readme-test: not run \((.+)\) -->$/;

const blocks: Block[] = [...readme.matchAll(/(?:^|\n)(?:([^\n]*)\n)?```([a-z]*)\n([\s\S]*?)```/g)].map((m) => {
  const marker = MARKER.exec((m[1] ?? '').trim());
  return { lang: m[2]!, code: m[3]!, firstLine: m[3]!.split('\n')[0]!, ...(marker ? { notRun: marker[1]! } : {}) };
});

/** The blocks the README marks as not run, by first line: each needs a reason that holds. */
const NOT_RUN = [
  'npm ci && npx dto-formats convert fixtures/seeds/NewCustomer.request.rev1.jsv --type NewCustomer --revision 1 --to json',
  "for await (const c of json.decodeStream('CustomerInfo', fs.createReadStream('customers.json'))) use(c);",
  'curl https://your-host/types/metadata > api.json',
  'npm run conformance          # the table below, from the same tests npm test runs (CI run counts)',
];

describe('README blocks', () => {
  it('marks exactly the listed blocks as not run, each with a reason, and no other marker is stray', () => {
    expect(blocks.filter((b) => b.notRun !== undefined).map((b) => b.firstLine)).toEqual(NOT_RUN);
    for (const b of blocks) if (b.notRun !== undefined) expect(b.notRun.length).toBeGreaterThan(10);
    const markers = readme.split('\n').filter((l) => l.includes('readme-test'));
    expect(markers).toHaveLength(NOT_RUN.length);
  });

  it('has only sh and ts code blocks (plus unlabelled output samples): no shell hides under another label', () => {
    expect(new Set(blocks.map((b) => b.lang))).toEqual(new Set(['sh', 'ts', '']));
    for (const b of blocks.filter((x) => x.lang === '')) expect(b.code).not.toMatch(/^\s*(npx|npm|node|curl|cat|echo) /m);
  });
});

describe('README shell examples', () => {
  const runnable = blocks.filter((b) => b.lang === 'sh' && b.notRun === undefined);

  it('has the examples the issues ask for', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(5);
    const all = runnable.map((b) => b.code).join('\n');
    expect(all).toMatch(/--to jsv[\s\S]*--to json[\s\S]*--to xml[\s\S]*cmp /);
    expect(all).toMatch(/--schema fixtures\/metadata\/zoo\.metadata\.json[\s\S]*cmp /);
    expect(all).toMatch(/codegen --schema /);
    // The not-run path for a user's own service is the same command on their file.
    expect(blocks.find((b) => b.firstLine.startsWith('curl'))?.code).toMatch(/npx dto-formats convert body\.xml --schema api\.json --to json/);
  });

  it.each(runnable.map((b) => [b.firstLine, b.code]))('%s …', (_first, block) => {
    const shim = `npx() { if [ "$1" = dto-formats ]; then shift; node "${join(root, 'dist/cli/main.js')}" "$@"; else command npx "$@"; fi; }\nset -eo pipefail\n`;
    const r = spawnSync('bash', ['-c', shim + block], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect({ code: r.status, error: /dto-formats:|cannot|error/i.test(r.stderr) ? r.stderr : '' }).toEqual({ code: 0, error: '' });
  });
});

describe('README library examples', () => {
  const runnable = blocks.filter((b) => b.lang === 'ts' && b.notRun === undefined);
  const files: string[] = [];
  afterAll(() => files.forEach((f) => rmSync(f, { force: true })));

  it('there are three: the Evo Voice codecs, bind on a loaded API, the arbitraries', () => {
    expect(runnable).toHaveLength(3);
    expect(runnable.map((b) => b.code).join('\n')).toMatch(/bind<ZooTypes>\(parseMetadata\(/);
  });

  it.each(runnable.map((b, i) => [i, b.firstLine, b.code] as const))('block %i (%s …) prints what its comments say', async (i, _first, code) => {
    const file = join(root, `test/readme/.readme-example-${i}.generated.ts`);
    files.push(file);
    const src = code.replace(/from 'dto-formats'/g, "from '../../src/index.js'").replace(/from 'dto-formats\/arbitrary'/g, "from '../../src/arbitrary/index.js'");
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
    const expected = code.split('\n').filter((l) => l.includes('console.log(')).map((l) => l.split(' // ')[1]!.trim());
    expect(printed).toHaveLength(expected.length);
    printed.forEach((p, j) => expect(expected[j]!.startsWith(p), `${p} vs ${expected[j]}`).toBe(true));
  });
});
