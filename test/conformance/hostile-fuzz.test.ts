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
import { describe, expect, it } from 'vitest';
import { instanceProblems } from '../../src/arbitrary/index.js';
import type { Codec, DecodeOptions, EncodeOptions } from '../../src/formats/codec.js';
import { codecs } from '../../src/formats/index.js';
import { ndjsonCodec } from '../../src/formats/ndjson/index.js';
import { createRegistry, DtoFormatError, json, jsv, registry, xml } from '../../src/index.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { zoo } from '../support/zoo.js';
import { FAMILIES, familyArbitrary, truncations, type Hole, type HostileCase, type HostileFormat } from './fuzz/hostile.js';
import { hostileContext, judgeCase, resolver, seedValues, type HostileLib } from './fuzz/hostile-judge.js';
import { replay, runs } from './support/profile.js';
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

/** CPU milliseconds of this process: the suite shares the machine, and a decode's bound is about its work, not its waits. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function check(format: HostileFormat, c: HostileCase): void {
  const j = judgeCase(r, format, c, 250, cpuMs);
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

// ---------------------------------------------------------------------------------------------
// streaming readers

type AnyCodec = Codec<EncodeOptions, DecodeOptions>;
/** Every codec with a streaming reader (NDJSON too, until the public table lists it). */
const STREAMING: readonly AnyCodec[] = [...codecs, ...(codecs.some((c) => c.name === ndjsonCodec.name) ? [] : [ndjsonCodec as AnyCodec])].filter((c) => c.decodeStream !== undefined);

const utf8 = new TextEncoder();

/** `text` as UTF-8 chunks cut at `cuts` (any byte: a chunk may end inside a character). */
function chunks(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = utf8.encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

/** Reads the whole stream: the items it yielded, and the error it ended with (if any). */
async function drain(codec: AnyCodec, element: TypeDescriptor, source: Uint8Array[], options: DecodeOptions): Promise<{ items: unknown[]; error?: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of codec.decodeStream!(element, source, options)) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

describe('hostile input to the streaming readers: elements complete, a DtoFormatError at the end, chunk boundaries anywhere', () => {
  const Node = r.type('hostile:Node');
  const list = r.type('list:hostile:Node');
  it('there is a streaming reader to test', () => {
    expect(STREAMING.map((c) => c.name)).toContain('ndjson');
  });
  for (const codec of STREAMING) {
    const docs = [
      codec.encode(list, seedValues().find((s) => s.type === 'list:hostile:Node')!.value),
      codec.encode(list, [{ name: 'a,"b"<&>\u2028😀', kids: [{ map: { k: { num: 1 } } }] }, { where: { x: 1, y: 2 }, wheres: [null, { x: 3, y: 4 }] }, {}]),
    ];
    it(`${codec.label}: every truncation, byte flips and random chunking, read as the whole reader reads them`, async () => {
      const mutated = fc.tuple(
        fc.constantFrom(...docs),
        fc.oneof(
          fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1))),
          fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([at, bit]) => (t: string) => {
            const b = utf8.encode(t);
            if (b.length > 0) b[at % b.length] = b[at % b.length]! ^ (1 << bit);
            return new TextDecoder().decode(b);
          }),
          fc.constant((t: string) => t),
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
      );
      await fc.assert(
        fc.asyncProperty(mutated, async ([doc, mutate, cuts, lenient]) => {
          const text = mutate(doc);
          const options: DecodeOptions = lenient ? { lenient: true } : {};
          const { items, error } = await drain(codec, Node, chunks(text, cuts), options);
          if (error !== undefined) {
            if (!(error instanceof DtoFormatError)) throw new Error(`threw ${String(error)} (${(error as Error)?.stack?.split('\n')[1] ?? ''}), not a DtoFormatError: ${JSON.stringify(text)}`);
            expect(error.code, error.message).not.toBe('usage');
          }
          // What was yielded before an error is complete, and the stream reads what the
          // whole-document reader reads: the same elements, or the same error at the same place.
          for (const item of items) expect(instanceProblems(Node, item)).toEqual([]);
          let whole: unknown;
          let wholeError: DtoFormatError | undefined;
          try {
            whole = codec.decode(list, text, options);
          } catch (e) {
            if (!(e instanceof DtoFormatError)) throw e;
            wholeError = e;
          }
          const sh = (e: unknown) => (e instanceof DtoFormatError ? { code: e.code, path: e.path, line: e.line, column: e.column } : e);
          if (wholeError === undefined) {
            expect({ text, error: sh(error), items }).toEqual({ text, error: undefined, items: whole });
          } else {
            // The stream names the element it was in where the whole reader, at the list's own level, has no path.
            const got = sh(error) as Record<string, unknown> | undefined;
            const want = sh(wholeError) as Record<string, unknown>;
            expect({ text, error: got && want.path === '' ? { ...got, path: '' } : got }).toEqual({ text, error: want });
          }
        }),
        { numRuns: RUNS * 3, ...replay() },
      );
      // Each size of cut, all of them, in one chunk each.
      for (const doc of docs) {
        for (let i = 0; i <= doc.length; i++) {
          const { error } = await drain(codec, Node, [utf8.encode(doc.slice(0, i))], {});
          if (error !== undefined && !(error instanceof DtoFormatError)) throw new Error(`cut at ${i}: threw ${String(error)}`);
        }
      }
    });
  }
});
