/**
 * The reference corpora as one table over every format: each oracle vector folder (both
 * revisions, every folder under fixtures/oracle that holds vectors), the six seed bodies of
 * the metadata pages, and what DCS read from hand-written bodies. Each row of the report is
 * one check over one corpus; a check says which direction it covers:
 *
 * - byte-exact writing where the corpus has the server's bytes (dto.xml, dto.indented.xml,
 *   the JSV seed bodies, dcs.xml, the reviewed JSON forms of the seeds);
 * - reading those bytes back to the reference value;
 * - converting the server's document through each other format and back to it: the bytes
 *   must be the server's own wherever the value survives the other format (`expectedAfter`),
 *   and otherwise what the server writes for the value as the other format delivers it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import { expectedAfter, firstDifference } from '../../src/arbitrary/index.js';
import { evoVoice } from '../../src/dtos/index.js';
import { DtoFormatError } from '../../src/errors.js';
import { jsonCodec } from '../../src/formats/json/index.js';
import { jsvCodec } from '../../src/formats/jsv/index.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import type { ClassDescriptor } from '../../src/schema/descriptors.js';
import { FIXTURES, referenceValue } from '../xml/helpers.js';
import { assertInstance, assertSame, failWith } from './support/checks.js';
import { FORMS, type WireForm } from './support/formats.js';
import { checkTable, type HasTask } from './support/record.js';

const ORACLE = join(FIXTURES, 'oracle');

interface Vector {
  readonly name: string;
  readonly type: ClassDescriptor;
  readonly xml: string;
  readonly indented: string;
  readonly reference: unknown;
  readonly json: string;
}

/** Vector folders and their API revision. A folder holding vectors but missing here fails the suite. */
const VECTOR_SETS: readonly { folder: string; revision: number }[] = [
  { folder: 'vectors', revision: 2 },
  { folder: 'vectors-legacy', revision: 1 },
  { folder: 'xml-extra/seed2', revision: 2 },
  { folder: 'xml-extra/seed2-legacy', revision: 1 },
  { folder: 'conformance/vectors', revision: 2 },
  { folder: 'conformance/vectors-legacy', revision: 1 },
];

function vectorFolders(dir: string, out: Set<string>): Set<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const p = join(dir, e.name);
    if (existsSync(join(p, 'dto.xml')) && existsSync(join(p, 'dto.json'))) out.add(relative(ORACLE, dir));
    else vectorFolders(p, out);
  }
  return out;
}

function loadSet(folder: string, revision: number): Vector[] {
  const base = join(ORACLE, folder);
  if (!existsSync(base)) return [];
  const schema = evoVoice.at(revision);
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'dto.xml')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const read = (f: string) => readFileSync(join(base, name, f), 'utf8');
      const type = schema.requireClass(read('type.txt').trim());
      const json = read('dto.json');
      return { name, type, xml: read('dto.xml'), indented: read('dto.indented.xml'), json, reference: referenceValue(type, JSON.parse(json)) };
    });
}

/** server's XML → value → `via` → value → XML: the server's bytes when `via` carries the value. */
function throughAndBack(v: Vector, via: WireForm): void {
  const value = xmlCodec.decode(v.type, v.xml);
  const text = via.encode(v.type, value);
  const back = via.decode(v.type, text);
  const survives = expectedAfter(via.format, v.type, value);
  assertSame(v.type, back, survives, `${via.label} read back`, [via.label, text]);
  const xml = xmlCodec.encode(v.type, back);
  const want = firstDifference(v.type, survives, value) === undefined ? v.xml : xmlCodec.encode(v.type, survives);
  if (xml !== want) failWith(`XML after ${via.label} is not the expected bytes`, ['got', xml], ['want', want], [via.label, text]);
}

const vectorChecks: readonly { what: string; check: (v: Vector) => void }[] = [
  {
    what: 'XML encode = dto.xml (bytes)',
    check: (v) => {
      const got = xmlCodec.encode(v.type, v.reference);
      if (got !== v.xml) failWith('bytes differ', ['got', got], ['dto.xml', v.xml]);
    },
  },
  {
    what: 'XML indented encode = dto.indented.xml (bytes)',
    check: (v) => {
      const got = xmlCodec.encode(v.type, v.reference, { pretty: true });
      if (got !== v.indented) failWith('bytes differ', ['got', got], ['dto.indented.xml', v.indented]);
    },
  },
  {
    what: 'XML decode dto.xml, dto.indented.xml = reference',
    check: (v) => {
      for (const [name, text] of [
        ['dto.xml', v.xml],
        ['dto.indented.xml', v.indented],
      ] as const) {
        const read = xmlCodec.decode(v.type, text);
        assertSame(v.type, read, v.reference, name);
        assertInstance(v.type, read, name);
      }
    },
  },
  {
    what: 'JSON decode dto.json = reference',
    check: (v) => assertSame(v.type, jsonCodec.decode(v.type, v.json), v.reference, 'dto.json'),
  },
  { what: 'dto.xml → JSON → XML', check: (v) => throughAndBack(v, FORMS.json) },
  { what: 'dto.xml → JSV → XML', check: (v) => throughAndBack(v, FORMS.jsv) },
  { what: 'dto.xml → JSV pretty → XML', check: (v) => throughAndBack(v, FORMS['jsv-pretty']) },
];

describe('oracle vectors', () => {
  it('every vector folder under fixtures/oracle is in the table', (ctx) => {
    const found = [...vectorFolders(ORACLE, new Set())].sort();
    checkTable(ctx, 'corpus › oracle folders covered', found, (f) => f, (f) => {
      if (!VECTOR_SETS.some((s) => s.folder === f)) throw new Error(`${f} holds vectors but is not listed in VECTOR_SETS`);
    });
  });

  for (const { folder, revision } of VECTOR_SETS) {
    const vectors = loadSet(folder, revision);
    if (vectors.length === 0) continue;
    describe(`${folder} (revision ${revision}, ${vectors.length} vectors)`, () => {
      for (const { what, check } of vectorChecks) {
        it(what, (ctx: HasTask) => {
          checkTable(ctx, `corpus › oracle ${folder} › ${what}`, vectors, (v) => v.name, check);
        });
      }
    });
  }
});

/** The six sample bodies of the metadata pages (fixtures/README.md). */
const SEEDS = [
  { name: 'NewCustomer.request.rev1', type: 'NewCustomer', revision: 1, format: 'jsv' },
  { name: 'CustomerInfo.response.rev1.seed001', type: 'CustomerInfo', revision: 1, format: 'jsv' },
  { name: 'CustomerInfo.response.rev1.seed002', type: 'CustomerInfo', revision: 1, format: 'jsv' },
  { name: 'PatchCustomer.request.rev1', type: 'PatchCustomer', revision: 1, format: 'jsv' },
  { name: 'SetCustomerStagingMode.request.rev2', type: 'SetCustomerStagingMode', revision: 2, format: 'xml' },
  { name: 'CustomerInfo.response.rev2', type: 'CustomerInfo', revision: 2, format: 'xml' },
] as const;

const seeds = SEEDS.map((s) => {
  const read = (p: string) => readFileSync(join(FIXTURES, 'seeds', p), 'utf8');
  return { ...s, type: evoVoice.at(s.revision).requireClass(s.type), body: read(`${s.name}.${s.format}`), json: read(`json/${s.name}.json`) };
});
type Seed = (typeof seeds)[number];

/** The scraped XML bodies keep the page's whitespace between elements, nothing else differs. */
const squeeze = (s: string) => s.replace(/>\s+</g, '><').trim();

function readSeed(s: Seed): unknown {
  return s.format === 'jsv' ? jsvCodec.decode(s.type, s.body) : xmlCodec.decode(s.type, s.body);
}

/** The page's own layout: JSV pretty byte for byte; XML indented, equal up to the scraper's whitespace. */
function assertPageBody(s: Seed, value: unknown, via: string): void {
  if (s.format === 'jsv') {
    const got = jsvCodec.encode(s.type, value, { pretty: true });
    if (got !== s.body) failWith(`${via}: JSV pretty is not the page's body`, ['got', got], ['page', s.body]);
  } else {
    const got = xmlCodec.encode(s.type, value, { pretty: true, declaration: false });
    if (squeeze(got) !== squeeze(s.body)) failWith(`${via}: XML is not the page's body`, ['got', got], ['page', s.body]);
  }
}

const seedChecks: readonly { what: string; check: (s: Seed) => void }[] = [
  { what: 'decode, re-encode = page body', check: (s) => assertPageBody(s, readSeed(s), 'decoded') },
  {
    what: 'JSON form = reviewed fixture (bytes), and back to the page body',
    check: (s) => {
      const value = readSeed(s);
      const json = jsonCodec.encode(s.type, value);
      if (json !== s.json) failWith('JSON differs from fixtures/seeds/json', ['got', json], ['fixture', s.json]);
      assertPageBody(s, jsonCodec.decode(s.type, json), 'from JSON');
    },
  },
  {
    what: 'through every other form and back to the page body',
    check: (s) => {
      const value = readSeed(s);
      for (const via of Object.values(FORMS)) {
        const back = via.decode(s.type, via.encode(s.type, value));
        assertInstance(s.type, back, via.label);
        assertPageBody(s, back, `through ${via.label}`);
      }
    },
  },
];

describe('seed bodies', () => {
  for (const { what, check } of seedChecks) {
    it(what, (ctx: HasTask) => {
      checkTable(ctx, `corpus › seed bodies › ${what}`, seeds, (s) => s.name, check);
    });
  }
});

/** fixtures/oracle/xml-extra/dcs-reads: what DCS read from odd bodies (lenient mode reads the same). */
const DCS = join(ORACLE, 'xml-extra', 'dcs-reads');
const dcsCases = existsSync(DCS)
  ? readdirSync(DCS)
      .filter((d) => existsSync(join(DCS, d, 'input.xml')))
      .sort()
      .map((name) => {
        const read = (f: string) => readFileSync(join(DCS, name, f), 'utf8');
        const type = evoVoice.at(2).requireClass(read('type.txt').trim());
        const error = existsSync(join(DCS, name, 'dcs.error.txt'));
        return {
          name,
          type,
          input: read('input.xml'),
          error,
          read: error ? undefined : referenceValue(type, JSON.parse(read('dcs.json'))),
          xml: error ? '' : read('dcs.xml'),
        };
      })
  : [];
type DcsCase = (typeof dcsCases)[number];

const dcsChecks: readonly { what: string; check: (c: DcsCase) => void }[] = [
  {
    what: 'lenient reads what DCS read, or refuses what DCS refused',
    check: (c) => {
      let got: unknown;
      try {
        got = xmlCodec.decode(c.type, c.input, { lenient: true });
      } catch (e) {
        if (c.error && e instanceof DtoFormatError) return;
        throw e;
      }
      if (c.error) failWith('read a body DCS refuses', ['input', c.input]);
      assertSame(c.type, got, c.read, 'lenient read', ['input', c.input]);
    },
  },
  {
    what: 'encoding what DCS read = dcs.xml (bytes), also after JSON and JSV',
    check: (c) => {
      if (c.error) return;
      const got = xmlCodec.encode(c.type, c.read);
      if (got !== c.xml) failWith('bytes differ', ['got', got], ['dcs.xml', c.xml]);
      for (const via of [FORMS.json, FORMS.jsv]) {
        const back = via.decode(c.type, via.encode(c.type, c.read));
        const want = xmlCodec.encode(c.type, expectedAfter(via.format, c.type, c.read));
        const again = xmlCodec.encode(c.type, back);
        if (again !== want) failWith(`after ${via.label}`, ['got', again], ['want', want]);
      }
    },
  },
];

describe('DCS reads (xml-extra/dcs-reads)', () => {
  for (const { what, check } of dcsChecks) {
    it(what, (ctx: HasTask) => {
      checkTable(ctx, `corpus › dcs-reads › ${what}`, dcsCases, (c) => c.name, check);
    });
  }
});
