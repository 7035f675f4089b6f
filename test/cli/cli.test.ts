/**
 * The CLI as a user meets it: the built binary in a child process, stdin/stdout pipes, files
 * in a temp directory. `npm test` builds before running vitest, so dist/ is current.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');
const fx = (p: string) => join(root, 'fixtures', p);

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'dto-cli-'));

describe('help and version', () => {
  it('prints the main help with examples and exit codes', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Examples:\n {2}dto-formats convert /);
    expect(r.out).toMatch(/2 {2}usage error/);
  });

  it.each(['convert', 'validate', 'sample', 'types', 'describe', 'codegen'])('%s --help shows usage and an example', (cmd) => {
    const r = cli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: dto-formats ${cmd}`));
    expect(r.out).toMatch(new RegExp(`Examples:\\n {2}dto-formats ${cmd}\\b`));
  });

  it('every example in the help texts runs successfully', () => {
    for (const cmd of ['', 'convert', 'validate', 'sample', 'types', 'describe', 'codegen']) {
      const help = cli(cmd ? [cmd, '--help'] : ['--help']).out;
      const examples = help.split('Examples:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('dto-formats '));
      for (const ex of examples) {
        if (/[|]|\/tmp\/|order\.json/.test(ex)) continue; // pipelines and placeholders are covered below
        const r = cli(ex.split(/\s+/).slice(1));
        expect({ ex, code: r.code, err: r.err }).toEqual({ ex, code: 0, err: '' });
      }
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version']).out).toBe(`dto-formats ${pkg.version}\n`);
  });
});

describe('types and describe', () => {
  it('lists all 21 types', () => {
    const r = cli(['types']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(21);
    expect(r.out).toMatch(/^NewCustomer\s+Voice\.Api\.Customers\s+request {2}POST \/customers$/m);
  });

  it('--json is machine-readable and --revision changes the members', () => {
    const r = JSON.parse(cli(['types', '--json', '--revision', '1']).out) as { revision: number; types: unknown[] };
    expect(r.revision).toBe(1);
    expect(r.types).toHaveLength(21);
    const d1 = JSON.parse(cli(['describe', 'BillingSettings', '--json', '--revision', '1']).out) as { properties: unknown[] };
    const d2 = JSON.parse(cli(['describe', 'BillingSettings', '--json']).out) as { properties: unknown[] };
    expect([d1.properties.length, d2.properties.length]).toEqual([9, 11]);
  });

  it('describe shows wire names, .NET types, descriptions and the route', () => {
    const r = cli(['describe', 'PatchCustomer']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PATCH \/customers\/\{customerId\} → CustomerInfo/);
    expect(r.out).toMatch(/overrideBillingSettings\s+OverrideBillingSettings\s+Nullable<Boolean>\s+Override this customer's billing settings/);
  });
});

describe('exit codes and messages', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['convert', fx('seeds/NewCustomer.request.rev1.jsv')], /--to FORMAT is required/],
    [['convert', fx('seeds/NewCustomer.request.rev1.jsv'), '--to', 'yaml'], /unknown format "yaml" for --to; choose one of json, jsv, xml/],
    [['convert', fx('seeds/NewCustomer.request.rev1.jsv'), '--to', 'json', '--type', 'Nope'], /unknown type "Nope"/],
    [['convert', fx('seeds/NewCustomer.request.rev1.jsv'), '--to', 'json', '--type', 'NewCustomer', '--revision', '9'], /unknown revision 9/],
    [['convert', '--to', 'json', '--bogus'], /convert: Unknown option '--bogus'/],
    [['sample', 'Nope', '--format', 'jsv'], /unknown type "Nope"/],
    [['describe'], /name exactly one type/],
    [['constructor'], /unknown command "constructor"/],
  ])('usage error → 2: %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('invalid input → 1 with path and line:col, no stack trace', () => {
    const r = cli(['convert', '-', '--from', 'json', '--type', 'SetCustomerStagingMode', '--to', 'xml'], '{\n  "customerId": "a",\n  "isStaging": "maybe"\n}');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^dto-formats: cannot decode SetCustomerStagingMode\.isStaging from JSON at 3:16: expected Boolean/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('--debug adds the stack trace', () => {
    const r = cli(['convert', '-', '--from', 'json', '--type', 'SetCustomerStagingMode', '--to', 'xml', '--debug'], '{"isStaging":"maybe"}');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\n\s+at /);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /input is empty/],
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x02]), /not UTF-8 text|NUL characters/],
    ['whitespace only', Buffer.from('  \n\t'), /only whitespace/],
  ])('%s → 1 with a one-line message', (_name, bytes, message) => {
    const dir = tmp();
    const f = join(dir, 'x.json');
    writeFileSync(f, bytes);
    const r = cli(['convert', f, '--to', 'jsv', '--type', 'NewCustomer']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a JSV document may carry a NUL character (JSV writes strings raw); NUL-dense UTF-16 is refused', () => {
    const r = cli(['convert', '-', '--from', 'jsv', '--type', 'SetCustomerStagingMode', '--to', 'json'], '{customerId:a\u0000b}');
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"customerId":"a\\u0000b","isStaging":false}');
    const utf16 = cli(['convert', '-', '--type', 'SetCustomerStagingMode', '--to', 'json'], Buffer.from('{"customerId":"a"}', 'utf16le'));
    expect(utf16.code).toBe(1);
    expect(utf16.err).toMatch(/NUL characters \(UTF-16 or binary data\?\)/);
  });

  it('a missing file, an unreadable file, a directory without documents → 1', () => {
    expect(cli(['convert', '/no/such/file.json', '--to', 'xml']).err).toMatch(/no such file/);
    const dir = tmp();
    expect(cli(['convert', dir, '--to', 'xml', '-o', join(dir, 'out')]).err).toMatch(/no \.json, \.jsv, \.xml, \.ndjson, \.jsonl files/);
    if (process.getuid?.() !== 0) {
      const f = join(dir, 'locked.json');
      writeFileSync(f, '{}');
      chmodSync(f, 0);
      expect(cli(['convert', f, '--to', 'xml', '--type', 'NewCustomer']).code).toBe(1);
    }
  });

  it('a 1 GB file is refused up front with a clear message', () => {
    const dir = tmp();
    const f = join(dir, 'huge.xml');
    writeFileSync(f, '');
    // A sparse file: 1 GiB of size, no disk.
    spawnSync('truncate', ['-s', '1G', f]);
    const r = cli(['convert', f, '--to', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1\.0 GiB is over the 256\.0 MiB limit.*--max-size/);
  });
});

describe('convert', () => {
  it('writes exact bytes to stdout (no trailing newline into a pipe)', () => {
    const r = cli(['convert', fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml'), '--to', 'xml']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml'), 'utf8'));
  });

  it('reads stdin with "-" and writes -o atomically', () => {
    const dir = tmp();
    const out = join(dir, 'a', 'b.jsv');
    const r = cli(['convert', '-', '--type', 'SetCustomerStagingMode', '--to', 'jsv', '-o', out], '{"customerId":"c, 1","isStaging":true}');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('{customerId:"c, 1",isStaging:True}');
    expect(readdirSync(join(dir, 'a'))).toEqual(['b.jsv']);
  });

  it('leaves no output file behind when the input is invalid', () => {
    const dir = tmp();
    const out = join(dir, 'out.xml');
    const r = cli(['convert', '-', '--type', 'SetCustomerStagingMode', '--to', 'xml', '-o', out], '{"isStaging": tru');
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the seed JSV request converts to JSON (README example)', () => {
    const r = cli(['convert', fx('seeds/NewCustomer.request.rev1.jsv'), '--type', 'NewCustomer', '--revision', '1', '--to', 'json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(fx('seeds/json/NewCustomer.request.rev1.json'), 'utf8'));
  });

  it('round trip xml → jsv → json → xml returns the original bytes (README example)', () => {
    // Vectors whose values JSV can carry (no null dictionary values or null list elements: see the conformance notes).
    for (const v of ['000-CustomerInfo', '006-CustomerInfo', '008-PatchCustomer', '015-NewCustomer', '026-CustomerInfo']) {
      const original = readFileSync(fx(`oracle/vectors/${v}/dto.xml`), 'utf8');
      const type = readFileSync(fx(`oracle/vectors/${v}/type.txt`), 'utf8');
      const a = cli(['convert', '-', '--from', 'xml', '--to', 'jsv'], original);
      const b = cli(['convert', '-', '--from', 'jsv', '--type', type, '--to', 'json'], a.out);
      const c = cli(['convert', '-', '--from', 'json', '--type', type, '--to', 'xml'], b.out);
      expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
      expect(c.out).toBe(original);
    }
  });

  describe('sniffing the input format', () => {
    it.each([
      ['by extension .xml', ['convert', fx('seeds/CustomerInfo.response.rev2.xml'), '--to', 'json', '--verbose'], /reading xml \(file extension \.xml\) as CustomerInfo revision 2 \(the document's root names Voice\.Api\.Customers\.CustomerInfo\)/],
      ['by extension .jsv', ['convert', fx('seeds/PatchCustomer.request.rev1.jsv'), '--to', 'json', '--type', 'PatchCustomer', '--revision', '1', '--verbose'], /reading jsv \(file extension \.jsv\)/],
    ])('%s', (_n, args, message) => {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(message);
    });

    it.each([
      ['XML by "<"', '<SetCustomerStagingMode xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Customers"><IsStaging>true</IsStaging></SetCustomerStagingMode>', 'xml'],
      ['JSON by a quoted first key', '{"customerId":"x","isStaging":true}', 'json'],
      ['JSON with whitespace before the key', '\n {\n  "customerId": "x"\n}', 'json'],
      ['JSV by an unquoted first key', '{customerId:x,isStaging:True}', 'jsv'],
      ['JSV pretty form', '{\n\tcustomerId: x,\n\tisStaging: True\n}', 'jsv'],
    ])('from content: %s', (_n, input, format) => {
      const r = cli(['convert', '-', '--type', 'SetCustomerStagingMode', '--to', 'json', '--verbose'], input);
      expect(r.err).toMatch(new RegExp(`reading ${format} \\(content: `));
      expect(r.code).toBe(0);
    });

    it('JSON and JSV without --type: a usage error that lists candidate types', () => {
      const r = cli(['convert', '-', '--to', 'xml'], '{"customerId":"x"}');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/say --type NAME \(JSON documents do not name their type\); request\/response types: NewCustomer, PatchCustomer, SetCustomerStagingMode, CustomerInfo/);
    });

    it('content that is no known format → 2 asking for --from', () => {
      const r = cli(['convert', '-', '--to', 'xml', '--type', 'NewCustomer'], 'hello there');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/cannot tell the format from the content; say --from json\|jsv\|xml/);
    });
  });

  it('a directory converts file by file, keeps the tree, reports one bad file and exits 1', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'nested'), { recursive: true });
    for (const v of ['000-CustomerInfo', '001-SetCustomerStagingMode', '003-NewCustomer']) {
      writeFileSync(join(dir, 'in', v.startsWith('003') ? 'nested' : '', `${v}.xml`), readFileSync(fx(`oracle/vectors/${v}/dto.xml`)));
    }
    writeFileSync(join(dir, 'in', 'nested', 'broken.xml'), '<CustomerInfo xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Customers"><Name>x</CustomerInfo>');
    const r = cli(['convert', join(dir, 'in'), '--to', 'jsv', '-o', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/3 of 4 converted/);
    expect(r.err).toMatch(/failed: .*broken\.xml: cannot decode CustomerInfo.* from XML at 1:\d+/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['000-CustomerInfo.jsv', '001-SetCustomerStagingMode.jsv', 'nested']);
    expect(readdirSync(join(dir, 'out', 'nested'))).toEqual(['003-NewCustomer.jsv']);
  });
});

describe('validate', () => {
  it('exit 0 when all are valid', () => {
    const r = cli(['validate', fx('seeds/CustomerInfo.response.rev2.xml'), fx('seeds/SetCustomerStagingMode.request.rev2.xml')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/valid CustomerInfo \(xml, revision 2\)/);
  });

  it('reports file:line:col: path: message and exits 1', () => {
    const dir = tmp();
    const f = join(dir, 'bad.jsv');
    writeFileSync(f, '{\n\tcustomerId: x,\n\tisStaging: maybe\n}');
    const r = cli(['validate', f, '--type', 'SetCustomerStagingMode']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: SetCustomerStagingMode\\.isStaging: expected Boolean`));
  });
});

describe('sample', () => {
  it('prints the seed 001 NewCustomer request body byte for byte', () => {
    const r = cli(['sample', 'NewCustomer', '--format', 'jsv', '--pretty', '--revision', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(fx('seeds/NewCustomer.request.rev1.jsv'), 'utf8'));
  });

  it('XML samples for seed 003 (Data nil) match the oracle sample vector', () => {
    const r = cli(['sample', 'CustomerInfo', '--format', 'xml', '--data', 'nil']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(fx('oracle/vectors/000-CustomerInfo/dto.xml'), 'utf8'));
  });
});
