/**
 * `--schema FILE` and the profile flags through the built binary: every command on a loaded
 * `/types/metadata` document (the scalar zoo and a small shop API with a short name in two
 * namespaces), bad metadata as invalid input (exit 1, one line), ambiguous names as usage
 * errors, the profile switches changing the wire, and `codegen`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMetadata } from '../../src/schema/metadata.js';
import { renderTypeScript } from '../../src/schema/typescript.js';
import { zooDeclaration } from '../support/zoo.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');
const ZOO = 'fixtures/metadata/zoo.metadata.json';
const SHOP = 'test/cli/fixtures/shop.metadata.json';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'dto-schema-'));
const ok = (r: ReturnType<typeof cli>) => expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });

describe('--schema on every command', () => {
  it('types lists every type of the metadata with its role, int/flags enums, structs and XML renames', () => {
    const r = cli(['types', '--schema', ZOO]);
    ok(r);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(zooDeclaration.types.length);
    expect(r.out).toMatch(/^GetZoo\s+Zoo\.Types\s+request {2}GET \/zoo\/\{Id\}$/m);
    expect(r.out).toMatch(/^QueryResponse<Item>\s+Zoo\.Types\s+response {2}XML QueryResponseOfItem\S+ in http:\/\/schemas\.datacontract\.org\/2004\/07\/Zoo\.Types$/m);
    expect(r.out).toMatch(/^Priority\s+Zoo\.Types\s+enum \(written as numbers\)$/m);
    expect(r.out).toMatch(/^Permissions\s+Zoo\.Types\s+enum \[Flags\]$/m);
    expect(r.out).toMatch(/^Point\s+Zoo\.Types\s+struct$/m);
    expect(r.out).toMatch(/^Renamed\s+Zoo\.Types\s+class {2}XML RenamedThing in http:\/\/example\.org\/zoo$/m);
    expect(r.out).toMatch(/^Inner\s+Zoo\.Types\s+class {2}XML Outer\.Inner in /m);
    const json = JSON.parse(cli(['types', '--schema', ZOO, '--json']).out) as { registry: string; types: { name: string; isFlags?: boolean }[] };
    expect(json.registry).toBe('zoo');
    expect(json.types.find((t) => t.name === 'Permissions')?.isFlags).toBe(true);
  });

  it('describe shows DataMember names, order, EmitDefaultValue and IsRequired, and the XML contract', () => {
    const r = cli(['describe', 'Renamed', '--schema', ZOO]);
    ok(r);
    expect(r.out).toMatch(/^Zoo\.Types\.Renamed {2}\(revision 1\)$/m);
    expect(r.out).toMatch(/^ {2}XML RenamedThing in http:\/\/example\.org\/zoo$/m);
    expect(r.out).toMatch(/^ {2}first_name\s+Alpha\s+String\s+\[XML first_name, order 2\]/m);
    expect(r.out).toMatch(/^ {2}count\s+Count\s+Int32\s+\[order 1, EmitDefaultValue=false\]/m);
    expect(r.out).toMatch(/^ {2}label\s+Label\s+String\s+\[XML label, EmitDefaultValue=false\]/m);
    expect(r.out).toMatch(/^ {2}needed\s+Needed\s+Int32\s+\[IsRequired\]/m);
    const json = JSON.parse(cli(['describe', 'Renamed', '--schema', ZOO, '--json']).out) as { xmlOrder: string[] };
    // DataContract order: no Order ordinally (Needed, Zulu, label), then Order 1 (Beta, Count), then Order 2 (first_name).
    expect(json.xmlOrder).toEqual(['Needed', 'Zulu', 'label', 'Beta', 'Count', 'first_name']);
  });

  it('describe shows enum values, [Flags], integer writing and [EnumMember] wire texts', () => {
    const flags = cli(['describe', 'Permissions', '--schema', ZOO]);
    ok(flags);
    expect(flags.out).toMatch(/^enum Zoo\.Types\.Permissions {2}\(\[Flags\]: values combine members; JSON\/JSV write numbers\)$/m);
    expect(flags.out).toMatch(/^ {2}All = 7$/m);
    const mood = cli(['describe', 'Mood', '--schema', ZOO]);
    expect(mood.out).toMatch(/^enum Zoo\.Types\.Mood {2}\(JSON\/JSV write names\)$/m);
    expect(mood.out).toMatch(/^ {2}Happy = 1\s+wire text "happy-face"$/m);
    expect(mood.out).toMatch(/^ {2}Grumpy = 2$/m);
    const json = JSON.parse(cli(['describe', 'Priority', '--schema', ZOO, '--json']).out) as { isInt: boolean; members: unknown[] };
    expect(json.isInt).toBe(true);
    expect(json.members[0]).toEqual({ name: 'Low', value: 10, wireText: 'Low' });
  });

  it('describe shows structs and generic arguments', () => {
    expect(cli(['describe', 'Point', '--schema', ZOO]).out).toMatch(/^ {2}struct: a \.NET value type, never null/m);
    const g = cli(['describe', 'QueryResponse<Item>', '--schema', ZOO]);
    ok(g);
    expect(g.out).toMatch(/^ {2}generic: QueryResponse<Item>$/m);
    expect(g.out).toMatch(/^ {2}results\s+Results\s+List<Item>/m);
  });

  it('sample, then convert without --type: the XML root names the loaded type (a renamed contract too)', () => {
    for (const type of ['Renamed', 'Outer']) {
      const xml = cli(['sample', type, '--schema', ZOO, '--format', 'xml']);
      ok(xml);
      const back = cli(['convert', '-', '--schema', ZOO, '--to', 'xml', '--verbose'], xml.out);
      expect(back.code).toBe(0);
      expect(back.err).toMatch(new RegExp(`as ${type} revision 1 \\(the document's root names Zoo\\.Types\\.${type}\\)`));
      expect(back.out).toBe(xml.out);
    }
    const renamed = cli(['sample', 'Renamed', '--schema', ZOO, '--format', 'xml', '--no-declaration']).out;
    expect(renamed).toMatch(/^<RenamedThing xmlns:i="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance" xmlns="http:\/\/example\.org\/zoo">/);
  });

  it('validate reads files against a loaded type', () => {
    const dir = tmp();
    const f = join(dir, 'outer.xml');
    writeFileSync(f, cli(['sample', 'Outer', '--schema', ZOO, '--format', 'xml']).out);
    const r = cli(['validate', f, '--schema', ZOO]);
    ok(r);
    expect(r.out).toBe(`${f}: valid Outer (xml, revision 1)\n`);
  });

  it('codegen writes the renderer output for the loaded registry; -o writes the file', () => {
    const expected = renderTypeScript(parseMetadata(readFileSync(join(root, ZOO), 'utf8'), { name: 'zoo' }));
    const r = cli(['codegen', '--schema', ZOO]);
    ok(r);
    expect(r.out).toBe(expected);
    expect(r.out).toMatch(/^export interface ZooTypes \{$/m);
    expect(r.out).toMatch(/^ {2}'QueryResponse<Item>': QueryResponse_Item;$/m);
    const dir = tmp();
    ok(cli(['codegen', '--schema', ZOO, '--map-name', 'Zoo', '-o', join(dir, 'zoo.dtos.ts')]));
    expect(readFileSync(join(dir, 'zoo.dtos.ts'), 'utf8')).toMatch(/^export interface Zoo \{$/m);
  });

  it('codegen on the built-in registry reproduces src/dtos/types.ts exactly (what npm run gen:types runs)', () => {
    const r = cli(['codegen', '--map-name', 'EvoVoiceTypes']);
    ok(r);
    expect(r.out).toBe(readFileSync(join(root, 'src/dtos/types.ts'), 'utf8'));
    expect(cli(['codegen']).out).toBe(r.out); // EvoVoiceTypes is also the default map name of "Evo Voice"
    expect(readFileSync(join(root, 'scripts/gen-types.mjs'), 'utf8')).toMatch(/'codegen', '--map-name', 'EvoVoiceTypes', '-o', 'src\/dtos\/types\.ts'/);
  });

  it('the Evo Voice metadata document converts every oracle vector to the bytes the built-in registry gives', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    for (const v of readdirSync(join(root, 'fixtures/oracle/vectors')).filter((n) => /^\d{3}-/.test(n))) {
      copyFileSync(join(root, 'fixtures/oracle/vectors', v, 'dto.xml'), join(dir, 'in', `${v}.xml`));
    }
    for (const [name, extra] of [['builtin', []], ['loaded', ['--schema', 'fixtures/metadata/evo-voice.metadata.json']]] as const) {
      for (const to of ['jsv', 'json']) {
        const r = cli(['convert', join(dir, 'in'), '--to', to, '-o', join(dir, name, to), ...extra]);
        expect(r.code).toBe(0);
      }
    }
    const files = readdirSync(join(dir, 'builtin'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const rel = join(f.parentPath, f.name).slice(join(dir, 'builtin').length);
      expect(readFileSync(join(dir, 'loaded', rel), 'utf8'), rel).toBe(readFileSync(join(dir, 'builtin', rel), 'utf8'));
    }
  });

  it('--revision applies to registries with revisions: a loaded document has one', () => {
    const r = cli(['types', '--schema', ZOO, '--revision', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown revision 2 of zoo; known revisions: 1/);
  });
});

describe('short and full .NET names', () => {
  it('an ambiguous short name is a usage error listing the full names', () => {
    for (const args of [['describe', 'Item'], ['sample', 'Item', '--format', 'json'], ['convert', '-', '--to', 'json', '--type', 'Item']]) {
      const r = cli([...args, '--schema', SHOP], '{}');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/"Item" is ambiguous.*Shop\.Catalog\.Item, Shop\.Orders\.Item/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('the full name resolves it, in every command', () => {
    const d = cli(['describe', 'Shop.Orders.Item', '--schema', SHOP]);
    ok(d);
    expect(d.out).toMatch(/^ {2}status\s+Status\s+OrderStatus/m);
    const s = cli(['sample', 'Shop.Catalog.Item', '--schema', SHOP, '--format', 'jsv']);
    ok(s);
    expect(s.out).toBe('{sku:String,price:0}');
    const c = cli(['convert', '-', '--schema', SHOP, '--type', 'Shop.Orders.Item', '--from', 'json', '--to', 'jsv'], '{"quantity":2,"status":"Shipped"}');
    ok(c);
    expect(c.out).toBe('{quantity:2,status:Shipped}');
  });

  it('a nested type by its C# name inside the namespace (Outer.Inner, or reflection\'s Outer+Inner), a namespace tail', () => {
    for (const name of ['Outer.Inner', 'Outer+Inner', 'Zoo.Types.Outer.Inner', 'Inner']) {
      const r = cli(['describe', name, '--schema', ZOO]);
      ok(r);
      expect(r.out).toMatch(/^Zoo\.Types\.Outer\.Inner {2}\(revision 1\)$/m);
    }
    // The oracle names the type the way its type.txt does.
    const dir = join(root, 'fixtures/oracle/zoo/vectors/022-Outer.Inner-edge');
    const type = readFileSync(join(dir, 'type.txt'), 'utf8').trim();
    const r = cli(['convert', join(dir, 'dto.xml'), '--schema', ZOO, '--type', type, '--to', 'xml']);
    ok(r);
    expect(r.out).toBe(readFileSync(join(dir, 'dto.xml'), 'utf8'));
    ok(cli(['sample', 'Catalog.Item', '--schema', SHOP, '--format', 'json']));
  });

  it('a short name resolves where it is unique; a full name does too', () => {
    ok(cli(['describe', 'Voice.Api.Customers.CustomerInfo']));
    const r = cli(['convert', '-', '--schema', SHOP, '--type', 'Hello', '--to', 'json'], '{name:World,visits:9007199254740993}');
    ok(r);
    // Int64 beyond 2^53 stays exact (jsv-and-json.md §6.1: "Longs are exact digits").
    expect(r.out).toBe('{"name":"World","visits":9007199254740993}');
  });
});

describe('bad metadata: invalid input, exit 1, one line naming the file', () => {
  const bad = (name: string, text: string) => {
    const f = join(tmp(), name);
    writeFileSync(f, text);
    return f;
  };

  it.each([
    ['malformed JSON', '{"types": [', /invalid schema: .*bad\.json: /],
    ['an unresolvable type reference', JSON.stringify({
      types: [{ name: 'Broken', namespace: 'X', properties: [{ name: 'Thing', type: 'Nowhere', namespace: 'X' }] }],
      operations: [],
    }), /invalid schema: .*bad\.json: .*Broken.*Thing|invalid schema: .*bad\.json: .*Nowhere/],
    ['not a metadata document', '[1, 2, 3]', /invalid schema: .*bad\.json: /],
  ])('%s', (_name, text, message) => {
    const f = bad('bad.json', text);
    for (const args of [['types'], ['describe', 'Broken'], ['sample', 'Broken', '--format', 'json'], ['convert', '-', '--to', 'json'], ['validate', f], ['codegen']]) {
      const r = cli([...args, '--schema', f], '{}');
      expect({ args, code: r.code }).toEqual({ args, code: 1 });
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.out).toBe('');
    }
  });

  it('a missing or empty schema file', () => {
    const missing = cli(['types', '--schema', '/no/such/api.json']);
    expect([missing.code, missing.err]).toEqual([1, 'dto-formats: /no/such/api.json: cannot read: no such file\n']);
    const empty = cli(['types', '--schema', bad('empty.json', '')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty\.json: input is empty/);
  });

  it('a flag error is still a usage error (2), found before the schema is read', () => {
    const r = cli(['sample', 'Item', '--schema', '/no/such/api.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format FORMAT is required/);
  });
});

describe('profile flags change the wire (jsv-and-json.md §6.1, servicestack-metadata.md §1.10)', () => {
  const staging = '{"customerId":"c1","isStaging":false}';
  const toJson = (flags: string[], input = staging) => cli(['convert', '-', '--type', 'SetCustomerStagingMode', '--from', 'json', '--to', 'json', ...flags], input);

  it('--case pascal|snake|camel: JsConfig.TextCase names the JSON/JSV members', () => {
    // From XML, whose element names are the .NET names whatever the text case.
    const xml = '<SetCustomerStagingMode xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Customers"><CustomerId>c1</CustomerId><IsStaging>false</IsStaging></SetCustomerStagingMode>';
    const fromXml = (textCase: string) => cli(['convert', '-', '--to', 'json', '--case', textCase], xml).out;
    expect(fromXml('pascal')).toBe('{"CustomerId":"c1","IsStaging":false}');
    expect(fromXml('snake')).toBe('{"customer_id":"c1","is_staging":false}');
    expect(fromXml('camel')).toBe(staging);
    expect(toJson(['--case', 'pascal']).out).toBe('{"CustomerId":"c1","IsStaging":false}'); // names are read case-insensitively
    const jsv = cli(['sample', 'Hello', '--schema', SHOP, '--format', 'jsv', '--case', 'pascal']);
    ok(jsv);
    expect(jsv.out).toBe('{Name:String,Visits:0,Tags:[String]}');
  });

  it('--exclude-default-values omits members at their default; --include-null-values writes nulls', () => {
    expect(toJson(['--exclude-default-values']).out).toBe('{"customerId":"c1"}');
    expect(toJson(['--include-null-values'], '{"isStaging":true}').out).toBe('{"customerId":null,"isStaging":true}');
  });

  it('--enum-as-integer writes enums as numbers (JsConfig.TreatEnumAsInteger)', () => {
    expect(cli(['sample', 'Tag', '--format', 'json']).out).toBe('{"id":"String","name":"String","color":"Magenta"}');
    expect(cli(['sample', 'Tag', '--format', 'json', '--enum-as-integer']).out).toBe('{"id":"String","name":"String","color":0}');
    expect(cli(['types', '--enum-as-integer']).out).toMatch(/^TagColors\s+Voice\.Api\.Settings\s+enum \(written as numbers\)$/m);
  });

  it('--contract-namespace CLRNS=URI moves the XML namespace of that .NET namespace', () => {
    const r = cli(['sample', 'SetCustomerStagingMode', '--format', 'xml', '--no-declaration', '--contract-namespace', 'Voice.Api.Customers=urn:evo']);
    ok(r);
    expect(r.out).toBe('<SetCustomerStagingMode xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:evo"><CustomerId>String</CustomerId><IsStaging>false</IsStaging></SetCustomerStagingMode>');
    // …and the root detection follows it: the default namespace no longer names the type.
    const back = cli(['convert', '-', '--to', 'json', '--contract-namespace', 'Voice.Api.Customers=urn:evo'], r.out);
    ok(back);
    expect(back.out).toBe('{"customerId":"String","isStaging":false}');
  });

  it('the profile reaches codegen: TypeScript keys are the wire names', () => {
    const r = cli(['codegen', '--case', 'snake']);
    ok(r);
    expect(r.out).toMatch(/^ {2}customer_id\?: string \| null;$/m);
  });

  it.each([
    [['--case', 'kebab'], /--case takes camel, pascal, snake, got "kebab"/],
    [['--contract-namespace', 'Voice.Api'], /--contract-namespace takes CLRNS=URI/],
    [['--contract-namespace', 'A=urn:a', '--contract-namespace', 'A=urn:b'], /names A twice/],
  ])('bad values are usage errors: %j', (flags, message) => {
    const r = cli(['types', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('help', () => {
  it.each(['convert', 'validate', 'sample', 'types', 'describe', 'codegen'])('%s --help documents --schema and every profile flag', (cmd) => {
    const r = cli([cmd, '--help']);
    expect(r.code).toBe(0);
    for (const f of ['--schema FILE', '--case CASE', '--enum-as-integer', '--exclude-default-values', '--include-null-values', '--contract-namespace CLRNS=URI']) {
      expect(r.out).toContain(f);
    }
    expect(r.out).toMatch(/Examples:\n(?: {2}dto-formats .*\n)*? {2}dto-formats .*--schema /);
  });
});
