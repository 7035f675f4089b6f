/**
 * `convert` on collections (issue 10 §3): a list root (JSON/JSV `[`, XML `ArrayOfX`, NDJSON)
 * streams through the codecs' decodeStream/encodeStream. The output must be byte-identical to
 * converting the whole list with the library, errors must name the element and the position in
 * the whole stream, a failure must leave no partial file, and memory must not grow with the
 * collection. End to end through the built binary (`npm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, jsv, ndjson, registry, xml } from '../../src/index.js';
import { listOf } from '../../src/schema/descriptors.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');
const fx = (p: string) => join(root, 'fixtures', p);
const tmp = () => mkdtempSync(join(tmpdir(), 'dto-stream-cli-'));

function cli(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CustomerInfo = registry.at().require('CustomerInfo');
const list = listOf(CustomerInfo);
const seed = xml.decode('CustomerInfo', readFileSync(fx('seeds/CustomerInfo.response.rev2.xml'), 'utf8'));
/** Customers that differ, with text that every format escapes (& < > " and non-ASCII). */
const customers = Array.from({ length: 7 }, (_, i) => ({ ...seed, accountId: `acct-${i}`, name: `Ñame & <${i}> "q"` }));

describe('collections convert as streams, byte-identical to the whole-list conversion', () => {
  const dir = tmp();
  const files = {
    xml: join(dir, 'customers.xml'),
    json: join(dir, 'customers.json'),
    jsv: join(dir, 'customers.jsv'),
    ndjson: join(dir, 'customers.ndjson'),
  };
  writeFileSync(files.xml, xml.encode(list, customers));
  writeFileSync(files.json, json.encode(list, customers));
  writeFileSync(files.jsv, jsv.encode(list, customers));
  writeFileSync(files.ndjson, ndjson.encode(list, customers));
  const expected: Record<string, string> = {
    xml: xml.encode(list, customers),
    json: json.encode(list, customers),
    jsv: jsv.encode(list, customers),
    ndjson: ndjson.encode(list, customers),
  };
  const formats = ['xml', 'json', 'jsv', 'ndjson'] as const;
  const pairs = formats.flatMap((from) => formats.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    // XML names its element type; the others need --type (given for all: it must agree with XML's).
    const r = cli(['convert', files[from], '--to', to, ...(from === 'xml' ? [] : ['--type', 'CustomerInfo'])]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(r.out).toBe(expected[to]);
  });

  it('says with --verbose that it streams, and of which element type', () => {
    const r = cli(['convert', files.xml, '--to', 'json', '--verbose']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/streaming a collection: reading xml .* of CustomerInfo/);
  });

  it('reads a collection from stdin as a stream too', () => {
    const r = cli(['convert', '-', '--from', 'ndjson', '--type', 'CustomerInfo', '--to', 'xml'], readFileSync(files.ndjson));
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected.xml);
  });

  it('takes ArrayOfCustomerInfo and List<CustomerInfo> for --type as the element type', () => {
    for (const name of ['ArrayOfCustomerInfo', 'List<CustomerInfo>', 'CustomerInfo[]']) {
      const r = cli(['convert', files.json, '--type', name, '--to', 'jsv']);
      expect({ name, code: r.code, err: r.err }).toEqual({ name, code: 0, err: '' });
      expect(r.out).toBe(expected.jsv);
    }
  });

  it('writes -o FILE atomically, and a directory of collections file by file', () => {
    const out = join(dir, 'o', 'customers.jsv');
    expect(cli(['convert', files.xml, '--to', 'jsv', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected.jsv);
    const batch = join(dir, 'batch');
    const r = cli(['convert', files.xml, files.jsv, '--type', 'CustomerInfo', '--to', 'json', '-o', batch]);
    expect(r.err).toBe(`2 of 2 converted to ${batch}\n`);
    expect(readFileSync(join(batch, 'customers.json'), 'utf8')).toBe(expected.json);
  });

  it('prints a progress line with --progress (records, MB, MB/s), ended by a newline', () => {
    const r = cli(['convert', files.xml, '--to', 'json', '--progress']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^(\r\d+ records, \d+\.\d MB, \d+\.\d MB\/s)+\n$/);
    expect(r.err).toMatch(/\r7 records, /);
  });

  it('refuses --stream for a document that is not a collection (exit 2)', () => {
    const r = cli(['convert', fx('seeds/CustomerInfo.response.rev2.xml'), '--to', 'json', '--stream']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--stream: .* is not a XML collection/);
  });
});

describe('a failure in the middle of a streamed collection', () => {
  const dir = tmp();
  // The third customer's isStaging is not a boolean: the first two convert, the third fails.
  const lines = customers.slice(0, 5).map((c) => json.encode(CustomerInfo, c));
  lines[2] = lines[2]!.replace('"isStaging":false', '"isStaging":"maybe"');
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '[\n' + lines.join(',\n') + '\n]');
  const column = lines[2]!.indexOf('"maybe"') + 1;

  it('names the element index, the path and the line:column in the whole stream', () => {
    const r = cli(['convert', broken, '--type', 'CustomerInfo', '--to', 'xml']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`dto-formats: cannot decode List<CustomerInfo>[2].isStaging from JSON at 4:${column}: expected Boolean`);
    // stdout got the first elements; the second line says the output is cut short.
    expect(r.err).toMatch(/\ndto-formats: the output on stdout is incomplete/);
  });

  it('leaves no file behind with -o (nor a temporary one)', () => {
    const out = join(dir, 'out', 'broken.xml');
    const r = cli(['convert', broken, '--type', 'CustomerInfo', '--to', 'xml', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing was written to /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('reports a collection cut short with the position where it ends', () => {
    const cut = join(dir, 'cut.json');
    const text = '[' + lines.slice(0, 2).join(',');
    writeFileSync(cut, text);
    const r = cli(['convert', cut, '--type', 'CustomerInfo', '--to', 'jsv']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^dto-formats: cannot decode List<CustomerInfo>.* from JSON at 1:${text.length + 1}`));
  });
});

describe('memory does not grow with the collection', () => {
  it('peak RSS converting 40,000 customers is within 1.3× of converting 4,000', () => {
    const dir = tmp();
    const probe = join(dir, 'rss.cjs');
    writeFileSync(probe, 'process.on("exit", () => require("fs").writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));');
    const one = json.encode(CustomerInfo, customers[1]);
    const peak = (n: number): number => {
      const input = join(dir, `in${n}.ndjson`);
      writeFileSync(input, (one + '\n').repeat(n));
      const r = spawnSync(process.execPath, ['--require', probe, bin, 'convert', input, '--type', 'CustomerInfo', '--to', 'xml', '-o', join(dir, `out${n}.xml`)], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, RSS_OUT: join(dir, `rss${n}`) },
      });
      expect({ code: r.status, err: r.stderr }).toEqual({ code: 0, err: '' });
      return Number(readFileSync(join(dir, `rss${n}`), 'utf8'));
    };
    const small = peak(4_000);
    const large = peak(40_000);
    // 40,000 customers are ~90 MB of NDJSON: holding them would double the RSS, not add 30%.
    expect(large / small).toBeLessThan(1.3);
  }, 180_000);
});
