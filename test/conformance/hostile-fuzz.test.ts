/**
 * Hostile input (issue 11), every format: deep nesting through every container kind, giant
 * tokens, XML namespace and attribute floods, entity-looking text, surrogate halves, numbers at
 * and past every range edge, and mutations of valid documents (./fuzz/hostile.ts). Each case
 * is decoded in every mode of its format and must either return a value or throw a
 * `DtoFormatError`, within a bound that grows with its size; a returned value must encode to
 * every format, and read back there, without any exception but a `DtoFormatError`
 * (./fuzz/hostile-judge.ts).
 *
 * Bounded for `npm test` (a hundred cases per family, tokens up to 10⁵ characters, and a
 * table of 10⁶-digit numbers in every numeric slot); `npm run fuzz:long` runs the same
 * generators for 10⁶ inputs per format against dist/. The cases run in this thread: a case
 * that never ended would time the test out rather than pass.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createRegistry, DtoFormatError, json, jsv, registry, xml } from '../../src/index.js';
import { zoo } from '../support/zoo.js';
import { FAMILIES, familyArbitrary, truncations, type Hole, type HostileCase, type HostileFormat } from './fuzz/hostile.js';
import { hostileContext, judgeCase, resolver, seedValues, type HostileLib } from './fuzz/hostile-judge.js';
import { runs } from './support/profile.js';
import { checkProperty, checkTable } from './support/record.js';

const lib: HostileLib = { json: json.codec, jsv: jsv.codec, xml: xml.codec, DtoFormatError, createRegistry, evo: registry, zoo };
const r = resolver(lib);
const ctx = hostileContext(r, { maxToken: 100_000, maxNesting: 20_000 });

const LABEL: Record<HostileFormat, string> = { json: 'JSON', jsv: 'JSV', xml: 'XML' };
const RUNS = runs(100);
const NUMERIC = new Set(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Single', 'Double', 'Decimal']);

/** fast-check shows a case by its generator and an abridged text, not a 10⁵-character string. */
function shown(c: HostileCase): HostileCase {
  const head = JSON.stringify(c.text.slice(0, 300));
  return Object.assign({ ...c }, { [fc.toStringMethod]: () => `${c.gen} ${c.type} ${head}${c.text.length > 300 ? `… (${c.text.length} characters)` : ''}` });
}

function check(format: HostileFormat, c: HostileCase): void {
  const j = judgeCase(r, format, c);
  if (j.violation) throw new Error(`${j.violation.kind}: ${j.violation.message}`);
}

describe('hostile input: a value or a DtoFormatError, in bounded time, and what is accepted re-encodes', () => {
  for (const format of ['json', 'jsv', 'xml'] as const) {
    for (const family of FAMILIES[format]) {
      it(`${LABEL[format]}: ${family}`, (tc) => {
        checkProperty(
          tc,
          `hostile › ${LABEL[format]} › ${family}`,
          fc.property(familyArbitrary(format, family, ctx).map(shown), (c) => check(format, c)),
          RUNS,
        );
      });
    }

    it(`${LABEL[format]}: every truncation of small documents of every root kind`, (tc) => {
      const cases = ctx.seeds[format].filter((s) => s.text.length < 700).flatMap(truncations);
      checkTable(tc, `hostile › ${LABEL[format]} › every truncation`, cases, (c) => `${c.type} cut at ${c.text.length}`, (c) => check(format, c));
    });

    it(`${LABEL[format]}: numbers of 10⁶ digits in every numeric slot`, (tc) => {
      const cases: HostileCase[] = [];
      for (const t of ctx.templates[format]) {
        // Every numeric scalar as a member; Int64 as a list element, Int32 as a dictionary key.
        const wanted = (h: Hole) => NUMERIC.has(h.scalar) && (t.type === 'zoo:ScalarZoo' || h.label === 'Int64 list' || h.label === 'Int32 dictionary key');
        for (const h of t.holes.filter(wanted)) {
          for (const num of ['9'.repeat(1e6), `-0.${'0'.repeat(1e6)}1`]) {
            cases.push({ gen: 'giant/number-1e6', type: t.type, text: t.text.slice(0, h.start) + num + t.text.slice(h.end) });
          }
        }
      }
      checkTable(tc, `hostile › ${LABEL[format]} › 10⁶-digit numbers`, cases, (c) => `${c.type} ${c.text.slice(0, 40)}`, (c) => check(format, c));
    });
  }

  it('the seeds are valid documents (the mutations start from something the reader accepts)', (tc) => {
    const cases = (['json', 'jsv', 'xml'] as const).flatMap((f) => ctx.seeds[f].map((s) => ({ f, s })));
    checkTable(tc, 'hostile › seeds decode', cases, ({ f, s }) => `${f} ${s.type}`, ({ f, s }) => {
      lib[f].decode(r.type(s.type), s.text);
    });
    if (seedValues().length < 8) throw new Error('seed set shrank');
  });
});
