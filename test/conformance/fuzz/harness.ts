/**
 * Negative and fuzz tests, run inside a worker thread (./worker.mjs) so that the test runner
 * can stop a case that never ends. A mutated document must either decode to a valid value
 * or be refused with a `DtoFormatError`; never another exception, never a hang, never a half
 * built object. "Valid" is checked, not assumed: the value must be a complete instance
 * (`instanceProblems`), the codec must be able to write it again, and what it writes must
 * read back as the same value (`expectedAfter`) — so a reader that returns early with a
 * partly filled object, or accepts text it cannot represent, fails here.
 *
 * Before each decode the worker writes the case number, the time and the input into shared
 * memory (the heartbeat), so when the runner stops a hung worker it can still show the input.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { dtoArbitrary, expectedAfter, firstDifference, instanceProblems, type WireFormat } from '../../../src/arbitrary/index.js';
import { evoVoice } from '../../../src/dtos/index.js';
import { DtoFormatError } from '../../../src/errors.js';
import type { Codec, DecodeOptions, EncodeOptions } from '../../../src/formats/codec.js';
import { jsonCodec } from '../../../src/formats/json/index.js';
import { jsvCodec } from '../../../src/formats/jsv/index.js';
import { xmlCodec } from '../../../src/formats/xml/index.js';
import type { ClassDescriptor, TypeDescriptor } from '../../../src/schema/descriptors.js';
import { zoo } from '../../support/zoo.js';
import { failureReport } from '../support/record.js';

export type FuzzFamily = 'exhaustive' | 'random';

/** Which registry's types the job mutates: Evo Voice (both revisions) or the scalar zoo. */
export type FuzzRegistry = 'evo' | 'zoo';

export interface FuzzJob {
  readonly format: WireFormat;
  readonly family: FuzzFamily;
  readonly registry: FuzzRegistry;
  /** Random family: fast-check runs (each decodes in every mode). */
  readonly runs: number;
  readonly seed?: number;
  readonly path?: string;
  /** A decode slower than this fails the case (a hang bound, not a speed target). */
  readonly caseLimitMs: number;
  readonly heartbeat: SharedArrayBuffer;
}

export interface FuzzResult {
  /** Mutated documents judged, each decoded in every mode of the format. */
  readonly cases: number;
  readonly passed: number;
  readonly failed: number;
  /** Decodes that returned a (valid) value / raised a DtoFormatError. */
  readonly accepted: number;
  readonly refused: number;
  readonly slowestMs: number;
  readonly failures: string[];
}

/** Heartbeat layout: Float64 [case number, start time or 0 when idle], Int32 [text length] at byte 16, UTF-16 text from byte 32. */
export const HEARTBEAT_HEADER = 32;
export const HEARTBEAT_TEXT = 1 << 20;

const CODECS: Record<WireFormat, Codec<EncodeOptions, DecodeOptions>> = { json: jsonCodec, jsv: jsvCodec, xml: xmlCodec };

/** Every reading mode of each format. */
const MODES: Record<WireFormat, readonly { name: string; options: DecodeOptions & { strict?: boolean } }[]> = {
  json: [
    { name: 'default', options: {} },
    { name: 'lenient', options: { lenient: true } },
  ],
  jsv: [
    { name: 'default', options: {} },
    { name: 'lenient', options: { lenient: true } },
  ],
  xml: [
    { name: 'default', options: {} },
    { name: 'lenient', options: { lenient: true } },
    { name: 'strict', options: { strict: true } },
  ],
};

/** Pieces worth injecting: each format's structure, escapes and entities, and what breaks scanners. */
const PIECES: Record<WireFormat, readonly string[]> = {
  json: ['{', '}', '[', ']', ',', ':', '"', '\\', 'null', 'true', 'tru', '1e999', '-', '-0', 'NaN', 'Infinity', '\\u12', '\\uD800', '"\\', '{"a":', '[[[[[[', '0x1F', '1.', '.5', '2147483648', '\u0000', '\ud800', '😀', ' ', '\n', '\r'],
  jsv: ['{', '}', '[', ']', ',', ':', '"', '""', '"a,b"', '{a:1}', '[,]', ',,', 'null', 'True', 'on', '{}', '[]', '__type:x', '\\', '2147483648', '1E+400', 'NaN', '\u0000', '\ud800', '😀', ' ', '\t', '\n', '\r\n'],
  xml: ['<', '>', '&', '"', "'", '&amp;', '&lt;', '&#0;', '&#xD800;', '&#x10FFFF;', '&#xD;', '&bogus;', '&#;', '<!--', '-->', '<![CDATA[', ']]>', '<?pi x?>', 'i:nil="true"', ' i:nil="true"', 'xmlns="urn:x"', ' xmlns:i="urn:x"', '</a>', '<a>', '<a/>', '<!DOCTYPE x>', '="', ' x="1"', '\u0000', '\ud800', '😀', ' ', '\n', '\r'],
};

const schema2 = evoVoice.at(2);
const C = (n: string): ClassDescriptor => schema2.requireClass(n);

/** Small documents for the exhaustive family: every position of each gets cut, deleted, doubled. */
const SMALL: readonly { type: ClassDescriptor; value: unknown }[] = [
  { type: C('SetCustomerStagingMode'), value: { customerId: 'c"1: {x}, [y]', isStaging: true } },
  { type: C('Tag'), value: { id: 't', name: 'a,b <&>', color: 'GeekBlue' } },
  {
    type: C('Struct'),
    value: { k: { stringValue: 's', listValue: [{}, null], numberValue: -0 }, '': { structValue: { 'a:b': { boolValue: true } } } },
  },
  {
    type: C('PatchCustomer'),
    value: { tagIds: ['a', null, ''], overrideBillingSettings: true, billingSettings: { base: { baseCost: 1.5e-7, allowance: -1, unitCost: NaN } } },
  },
  {
    type: C('Schedule'),
    value: { inherit: true, rules: [{ priority: 7, byHour: [0, 23], byDay: [{ offset: -2, dayOfWeek: 'Friday' }], frequency: 'Weekly', isAllDay: true }] },
  },
];

const zooSchema = zoo.at(1);
const Z = (n: string): ClassDescriptor => zooSchema.requireClass(n);

/** The zoo's small documents: the new scalars at their edges, a struct, renamed members, a generic, flags. */
const ZOO_SMALL: readonly { type: ClassDescriptor; value: unknown }[] = [
  { type: Z('Item'), value: { id: 2n ** 53n + 1n, name: 'a:b' } },
  { type: Z('Point'), value: { x: -2147483648, y: 7 } },
  { type: Z('Renamed'), value: { zulu: 'z', first_name: 'a', count: 3, label: 'l', needed: 1, beta: true } },
  { type: Z('QueryResponse<Item>'), value: { offset: 1, total: 2, results: [{ id: -9223372036854775808n }, null] } },
  {
    type: Z('NullableZoo'),
    value: {
      nullableUInt64: 18446744073709551615n,
      nullableSingle: Math.fround(1 / 3),
      nullableDecimal: '-79228162514264337593543950335',
      nullableChar: ',',
      nullableDateTime: { ticks: 638396640001234567n, kind: 'Local', offsetMinutes: -300 },
      nullableDateTimeOffset: { ticks: 638396640001234567n, offsetMinutes: 330 },
      nullableTimeSpan: { ticks: -9223372036854775808n },
      nullableGuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
    },
  },
];

/** Enums of every kind, a struct and a base class: random edits only (its XML is long, so cutting it at every position costs more than it finds). */
const ZOO_LARGE: readonly { type: ClassDescriptor; value: unknown }[] = [
  {
    type: Z('Everything'),
    value: { priority: 'High', permissions: 'Read, Write', mood: 'Happy', color: 'Blue', where: { x: 1, y: 2 }, moods: ['Calm', 'Grumpy'] },
  },
];

let heartbeat: { meta: Float64Array; length: Int32Array; text: Uint16Array } | undefined;
let caseNo = 0;

function beat(text: string): void {
  if (!heartbeat) return;
  const n = Math.min(text.length, HEARTBEAT_TEXT);
  for (let i = 0; i < n; i++) heartbeat.text[i] = text.charCodeAt(i);
  heartbeat.length[0] = n;
  heartbeat.meta[0] = ++caseNo;
  heartbeat.meta[1] = Date.now();
}

function idle(): void {
  if (heartbeat) heartbeat.meta[1] = 0;
}

function shown(text: string): string {
  const q = JSON.stringify(text);
  return q.length > 1500 ? `${q.slice(0, 1500)}… (${text.length} characters)` : q;
}

interface Tally {
  cases: number;
  accepted: number;
  refused: number;
  slowestMs: number;
}

/** Decodes `text` in one mode and judges the outcome; throws an Error describing any violation. */
function judge(format: WireFormat, type: ClassDescriptor, mode: (typeof MODES)['xml'][number], text: string, limitMs: number, tally: Tally): void {
  const codec = CODECS[format];
  const where = `${format} ${mode.name} ${type.name}@${type.revision}`;
  tally.cases++;
  beat(text);
  const t0 = performance.now();
  let value: unknown;
  let error: unknown;
  let threw = false;
  try {
    value = codec.decode(type, text, mode.options);
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - t0;
  idle();
  if (ms > tally.slowestMs) tally.slowestMs = ms;
  if (ms > limitMs) throw new Error(`${where}: one decode took ${ms.toFixed(0)} ms (bound ${limitMs} ms)\ninput: ${shown(text)}`);
  if (threw) {
    if (!(error instanceof DtoFormatError)) {
      const e = error as { constructor?: { name?: string }; message?: string; stack?: string };
      const stack = (e?.stack ?? '').split('\n').slice(1, 4).join('\n');
      throw new Error(`${where}: threw ${e?.constructor?.name ?? typeof error}, not DtoFormatError: ${e?.message ?? String(error)}\ninput: ${shown(text)}\n${stack}`);
    }
    if (error.code === 'usage') throw new Error(`${where}: bad input reported as a usage error: ${error.message}\ninput: ${shown(text)}`);
    if (error.line !== undefined && !(error.line >= 1 && (error.column ?? 1) >= 1)) {
      throw new Error(`${where}: error position ${error.line}:${error.column} is not 1-based: ${error.message}\ninput: ${shown(text)}`);
    }
    tally.refused++;
    return;
  }
  const problems = instanceProblems(type, value);
  if (problems.length > 0) throw new Error(`${where}: accepted, but not a complete instance:\n  ${problems.join('\n  ')}\ninput: ${shown(text)}`);
  let again: string;
  try {
    again = codec.encode(type, value);
  } catch (e) {
    // DCS reads a missing member as default(T) (datacontract.md §15.3) and cannot write an
    // enum value no member names (§11.4): an XML document without the member of an enum that
    // has no 0 member reads to a value the server itself could not send back. Nothing else
    // excuses a value the codec accepted but cannot write.
    if (format === 'xml' && e instanceof DtoFormatError && holdsUnnamedEnum(type, value)) {
      tally.accepted++;
      return;
    }
    throw new Error(`${where}: accepted a value it cannot write (${e instanceof Error ? e.message : String(e)})\ninput: ${shown(text)}`);
  }
  let back: unknown;
  try {
    back = codec.decode(type, again);
  } catch (e) {
    throw new Error(`${where}: accepted a value whose own encoding it refuses (${e instanceof Error ? e.message : String(e)})\ninput: ${shown(text)}\nre-encoded: ${shown(again)}`);
  }
  const d = firstDifference(type, back, expectedAfter(format, type, value));
  if (d !== undefined) throw new Error(`${where}: the accepted value does not survive its own round trip: ${d}\ninput: ${shown(text)}\nre-encoded: ${shown(again)}`);
  tally.accepted++;
}

/** Whether a decoded value holds an enum value that no member (or, for flags, no combination) names. */
function holdsUnnamedEnum(t: TypeDescriptor, v: unknown): boolean {
  if (v === null || v === undefined) return false;
  switch (t.kind) {
    case 'scalar':
      return false;
    case 'enum':
      return typeof v === 'string' && /^-?\d+$/.test(v);
    case 'nullable':
      return holdsUnnamedEnum(t.of, v);
    case 'list':
      return (v as unknown[]).some((e) => holdsUnnamedEnum(t.of, e));
    case 'dictionary':
    case 'class': {
      const d = t.kind === 'dictionary' ? t : t.dictionary;
      const o = v as Record<string, unknown>;
      if (d) return Object.keys(o).some((k) => holdsUnnamedEnum(d.value, o[k]));
      return t.kind === 'class' && t.properties.some((p) => holdsUnnamedEnum(p.type, o[p.wireName]));
    }
  }
}

function judgeAllModes(format: WireFormat, type: ClassDescriptor, text: string, limitMs: number, tally: Tally): void {
  for (const mode of MODES[format]) judge(format, type, mode, text, limitMs, tally);
}

/** The oracle vectors (main sets and the conformance set) as documents of `format` (decoded from dto.xml and re-encoded). */
interface Document {
  /** `CustomerInfo@2`: a name, so fast-check prints counterexamples without the descriptor graph. */
  readonly type: string;
  readonly text: string;
}

const typeId = (t: ClassDescriptor): string => (zooSchema.get(t.name) === t ? `${t.name}@zoo` : `${t.name}@${t.revision}`);
const typeOf = (id: string): ClassDescriptor => {
  const at = id.lastIndexOf('@');
  const name = id.slice(0, at);
  const revision = id.slice(at + 1);
  return revision === 'zoo' ? zooSchema.requireClass(name) : evoVoice.at(Number(revision)).requireClass(name);
};

function vectorDocuments(format: WireFormat): Document[] {
  const oracle = fileURLToPath(new URL('../../../fixtures/oracle/', import.meta.url));
  const out: Document[] = [];
  for (const [folder, revision] of [
    ['vectors', 2],
    ['vectors-legacy', 1],
    ['conformance/vectors', 2],
    ['conformance/vectors-legacy', 1],
  ] as const) {
    const dir = join(oracle, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, 'dto.xml');
      if (!existsSync(file)) continue;
      const type = evoVoice.at(revision).requireClass(readFileSync(join(dir, name, 'type.txt'), 'utf8').trim());
      const xml = readFileSync(file, 'utf8');
      const value = xmlCodec.decode(type, xml);
      out.push({ type: typeId(type), text: format === 'xml' ? xml : CODECS[format].encode(type, value) });
      out.push({ type: typeId(type), text: CODECS[format].encode(type, value, { pretty: true }) });
    }
  }
  return out;
}

function runExhaustive(job: FuzzJob): FuzzResult {
  const codec = CODECS[job.format];
  const tally: Tally = { cases: 0, accepted: 0, refused: 0, slowestMs: 0 };
  const failures: string[] = [];
  let failed = 0;
  let documents = 0;
  const zooJob = job.registry === 'zoo';
  const numberPieces = zooJob ? ZOO_EXHAUSTIVE_NUMBER_PIECES : NUMBER_PIECES;
  const wordPieces = zooJob ? ZOO_WORD_PIECES : WORD_PIECES;
  for (const { type, value } of zooJob ? ZOO_SMALL : SMALL) {
    for (const pretty of [false, true]) {
      const doc = codec.encode(type, value, { pretty });
      const variants: string[] = [];
      for (let i = 0; i <= doc.length; i++) variants.push(doc.slice(0, i));
      for (let i = 0; i < doc.length; i++) {
        variants.push(doc.slice(0, i) + doc.slice(i + 1));
        variants.push(doc.slice(0, i + 1) + doc.slice(i));
      }
      // Every number token with every range/syntax edge, every word token with every spelling.
      const numbers = [...doc.matchAll(NUMBER_TOKEN)].length;
      for (let i = 0; i < numbers; i++) for (const piece of numberPieces) variants.push(replaceToken(doc, NUMBER_TOKEN, i, piece));
      const words = [...doc.matchAll(WORD_TOKEN)].length;
      for (let i = 0; i < words; i++) for (const piece of wordPieces) variants.push(replaceToken(doc, WORD_TOKEN, i, piece));
      for (const text of variants) {
        documents++;
        try {
          judgeAllModes(job.format, type, text, job.caseLimitMs, tally);
        } catch (e) {
          failed++;
          if (failures.length < 10) failures.push(e instanceof Error ? e.message : String(e));
        }
      }
    }
  }
  return { cases: documents, passed: documents - failed, failed, accepted: tally.accepted, refused: tally.refused, slowestMs: tally.slowestMs, failures };
}

/** Values a scalar token is replaced with: each format's range and syntax edges. */
const NUMBER_PIECES = ['2147483648', '-2147483649', '2147483647', '-2147483648', '4294967296', '1e999', '-1e999', '1E+400', '1e-400', '-0', '+1', '0x10', '1.5', '1.', '.5', '', ' 7 ', '007', 'NaN', 'Infinity', '-Infinity', 'INF', '-INF', '9007199254740993', '1,5'];
const WORD_PIECES = ['True', 'true', 'FALSE', 'false', '1', '0', 'yes', 'on', 't', 'null', '', ' true ', 'Magenta', 'magenta', '11', '-1', 'NotAMember'];

/**
 * The zoo's scalars have edges of their own: each integer type's range (one past each end),
 * 64-bit values past 2^53 and past the type, decimal past 2^96 and past 28 places, Single
 * overflow and underflow, and the date, duration, Guid and base64 forms.
 */
const ZOO_NUMBER_PIECES = [
  ...NUMBER_PIECES,
  '256', '-1', '-129', '128', '32768', '-32769', '65536', '9007199254740993', '9223372036854775807', '9223372036854775808',
  '-9223372036854775809', '18446744073709551615', '18446744073709551616', '79228162514264337593543950335', '79228162514264337593543950336',
  '0.00000000000000000000000000001', '1.50', '3.4028235E+38', '3.4028236E+38', '1E-46', '\\/Date(0)\\/', '\\/Date(-62135596800001)\\/',
  '\\/Date(253402300800000)\\/', '\\/Date(0+1500)\\/', '0001-01-01', '9999-12-31T23:59:59.9999999Z', '2024-02-30', 'PT0S', 'P1DT2H',
  '-P10675199DT2H48M5.4775391S', 'P10675200D', 'PT1.00000001S', '0f8fad5bd9cb469fa16570867728950e', '0f8fad5b-d9cb-469f-a165-70867728950', 'AQID', 'AQI', '====',
];
/** The exhaustive family tries every piece at every number token, so it takes the sharpest dozen only. */
const ZOO_EXHAUSTIVE_NUMBER_PIECES = [
  ...NUMBER_PIECES,
  '256', '-129', '65536', '9223372036854775808', '18446744073709551616', '79228162514264337593543950336',
  '0.00000000000000000000000000001', '3.4028236E+38', '\\/Date(253402300800000)\\/', 'PT0S', '-P10675199DT2H48M5.4775391S',
  '0f8fad5b-d9cb-469f-a165-70867728950', 'AQI',
];
const ZOO_WORD_PIECES = [...WORD_PIECES, 'Read, Write', 'Read Write', 'Read,Write', 'All', 'None', '8', 'happy-face', 'HAPPY-FACE', 'Happy', 'calm', '30', '31', 'Utc', 'Local'];

type Edit =
  | { op: 'number'; at: number; piece: string }
  | { op: 'word'; at: number; piece: string }
  | { op: 'cut'; at: number }
  | { op: 'delete'; at: number; n: number }
  | { op: 'insert'; at: number; piece: string }
  | { op: 'replace'; at: number; n: number; piece: string }
  | { op: 'duplicate'; at: number; n: number }
  | { op: 'swap'; at: number; to: number };

/** Replaces the `at`-th (modulo the count) match of `pattern` with `piece`. */
function replaceToken(text: string, pattern: RegExp, at: number, piece: string): string {
  const found = [...text.matchAll(pattern)];
  if (found.length === 0) return text;
  const m = found[at % found.length]!;
  return text.slice(0, m.index) + piece + text.slice(m.index + m[0].length);
}

const NUMBER_TOKEN = /-?\d[\d.eE+-]*|NaN|-?INF(?:inity)?/g;
/** Booleans and enum names as every format spells them (JSON quotes enums; XML wraps them in tags). */
const WORD_TOKEN = /\b(?:true|false|True|False|[A-Z][a-z]+(?:[A-Z][a-z]+)*)\b/g;

function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  switch (e.op) {
    case 'number':
      return replaceToken(text, NUMBER_TOKEN, e.at, e.piece);
    case 'word':
      return replaceToken(text, WORD_TOKEN, e.at, e.piece);
    case 'cut':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.n);
    case 'insert':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'replace':
      return text.slice(0, at) + e.piece + text.slice(at + e.n);
    case 'duplicate':
      return text.slice(0, at + e.n) + text.slice(at, at + e.n) + text.slice(at + e.n);
    case 'swap': {
      if (text.length < 2) return text;
      const i = at % text.length;
      const j = e.to % text.length;
      const a = [...text.split('')];
      [a[i], a[j]] = [a[j]!, a[i]!];
      return a.join('');
    }
  }
}

function editArbitrary(format: WireFormat, numberPieces: readonly string[], wordPieces: readonly string[]): fc.Arbitrary<Edit> {
  const at = fc.nat();
  const n = fc.integer({ min: 1, max: 12 });
  const piece = fc.oneof(fc.constantFrom(...PIECES[format]), fc.string({ maxLength: 3 }));
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('number' as const), at, piece: fc.constantFrom(...numberPieces) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('word' as const), at, piece: fc.constantFrom(...wordPieces) }) },
    fc.record({ op: fc.constant('cut' as const), at }),
    fc.record({ op: fc.constant('delete' as const), at, n }),
    fc.record({ op: fc.constant('insert' as const), at, piece }),
    fc.record({ op: fc.constant('replace' as const), at, n, piece }),
    fc.record({ op: fc.constant('duplicate' as const), at, n }),
    fc.record({ op: fc.constant('swap' as const), at, to: at }),
  );
}

const TYPES: readonly ClassDescriptor[] = [...schema2.classes(), ...evoVoice.at(1).operations()];
/** Every zoo class but ObjectHolder (no format carries its System.Object member). */
const ZOO_TYPES: readonly ClassDescriptor[] = zooSchema.classes().filter((c) => c.name !== 'ObjectHolder');

function runRandom(job: FuzzJob): FuzzResult {
  const codec = CODECS[job.format];
  const tally: Tally = { cases: 0, accepted: 0, refused: 0, slowestMs: 0 };
  const zooJob = job.registry === 'zoo';
  const small = zooJob ? [...ZOO_SMALL, ...ZOO_LARGE] : SMALL;
  const pool: Document[] = [
    ...(zooJob ? [] : vectorDocuments(job.format)),
    ...small.map(({ type, value }) => ({ type: typeId(type), text: codec.encode(type, value) })),
  ];
  const numberPieces = zooJob ? ZOO_NUMBER_PIECES : NUMBER_PIECES;
  const wordPieces = zooJob ? ZOO_WORD_PIECES : WORD_PIECES;
  // A document: a corpus one, or a freshly generated value of any type in either layout.
  const generated = fc
    .tuple(fc.constantFrom(...(zooJob ? ZOO_TYPES : TYPES).map(typeId)), fc.boolean())
    .chain(([id, pretty]) => dtoArbitrary(typeOf(id), { format: job.format, maxLength: 3 }).map((v): Document => ({ type: id, text: codec.encode(typeOf(id), v, { pretty }) })));
  const documents = fc.oneof(fc.constantFrom(...pool), generated);
  const property = fc.property(documents, fc.array(editArbitrary(job.format, numberPieces, wordPieces), { minLength: 1, maxLength: 4 }), ({ type, text }, edits) => {
    const mutated = edits.reduce(applyEdit, text);
    judgeAllModes(job.format, typeOf(type), mutated, job.caseLimitMs, tally);
  });
  const details = fc.check(property, {
    numRuns: job.runs,
    ...(job.seed === undefined ? {} : { seed: job.seed }),
    ...(job.path === undefined ? {} : { path: job.path }),
  });
  const failures = details.failed ? [failureReport(details)] : [];
  // A failing run counts once (fast-check stops at the first failure and shrinks it).
  const runs = details.numRuns;
  return { cases: runs, passed: runs - failures.length, failed: failures.length, accepted: tally.accepted, refused: tally.refused, slowestMs: tally.slowestMs, failures };
}

export function runJob(job: FuzzJob): FuzzResult {
  heartbeat = {
    meta: new Float64Array(job.heartbeat, 0, 2),
    length: new Int32Array(job.heartbeat, 16, 1),
    text: new Uint16Array(job.heartbeat, HEARTBEAT_HEADER, HEARTBEAT_TEXT),
  };
  return job.family === 'exhaustive' ? runExhaustive(job) : runRandom(job);
}
