/**
 * PENDING REPRODUCER (issue 11) — fails on the current code; not part of `npm test`.
 * Run: npx vitest run --config test/conformance/fuzz/repro/vitest.repro.config.ts
 *
 * Lenient JSON and JSV decoding is quadratic in the number of member values it drops. In
 * lenient mode a member whose value does not fit its type (`"num":"x"` for an Int32) is
 * dropped, as ServiceStack does, and reading carries on. Each drop starts as a `Failure` that
 * already holds the line and column of the bad value, and computing them scans the text from
 * its start (`lineCol` in src/formats/common/failure.ts): JSON `failAt` (json/decode.ts:114,
 * `lineCol(s.src, at)`), JSV `where(r, at)` (jsv/decode.ts:115). The catch that drops the value
 * then throws that position away (JSON: the class reader, json/decode.ts:935 `if (!(s.lenient
 * && lenientCode(…))) throw …`, then rewinds and skips; JSV: `dropMember`,
 * jsv/decode.ts:1073; line numbers at 3f99fc3). n drops cost O(n · size). Measured on this
 * machine at e49401c (still quadratic at 293e017 and 3f99fc3, after both scanner rewrites):
 * `{"num":"x", … ×50,000}` (0.5 MB) 42 s in JSON, `{num:x, … ×50,000}` (0.3 MB) 21 s in JSV;
 * scripts/fuzz-long.mjs found mutated JSV documents of 200–290 KB that take 1.7–18 s. The default (strict) mode stops at
 * the first bad value, so only `lenient: true` callers are exposed — but lenient is what a
 * server mimicking ServiceStack would use on untrusted input.
 *
 * Cause confirmed: with `lineCol` made O(1) in a copy of dist/ (and nothing else changed),
 * the two fuzz-found JSV documents (200 KB and 290 KB) go from 3.1 s and 3.4 s to 44 ms and
 * 40 ms, and 20,000 JSON drops (340 KB) from 17.7 s to 0.27 s.
 *
 * Suggested fix: compute line:column only when an error leaves the codec — keep the offset in
 * the Failure and turn it into line:column once, in `toDtoError` (or from a line-start table
 * built once per document, binary-searched) — so a dropped value costs O(1) beyond reading it.
 * `Failure.at(path)` and the messages need no change.
 *
 * When fixed, these shapes belong in test/json/linear-time.test.ts and
 * test/jsv/linear-time.test.ts (same helper, `LENIENT`, 'decodes').
 */
import { describe, expect, it } from 'vitest';
import { jsonCodec } from '../../../../src/formats/json/index.js';
import { jsvCodec } from '../../../../src/formats/jsv/index.js';
import type { Codec, DecodeOptions, EncodeOptions } from '../../../../src/formats/codec.js';
import type { TypeDescriptor } from '../../../../src/schema/descriptors.js';
import { createRegistry } from '../../../../src/schema/registry.js';
import { evoVoice } from '../../../support/evo-voice.js';
import { HOSTILE_DECLARATION } from '../hostile.js';

const Node = createRegistry(HOSTILE_DECLARATION).at().requireClass('Node');
const Customer = evoVoice.at(2).requireClass('CustomerInfo');
const LENIENT = { lenient: true };
const LIMIT = 20;

type AnyCodec = Codec<EncodeOptions, DecodeOptions>;

function cost(codec: AnyCodec, type: TypeDescriptor, doc: string): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let runs = 0;
    const t0 = performance.now();
    let t = t0;
    do {
      codec.decode(type, doc, LENIENT);
      runs++;
      t = performance.now();
    } while (t - t0 < 4);
    best = Math.min(best, (t - t0) / runs);
  }
  return best;
}

function linear(codec: AnyCodec, type: TypeDescriptor, shape: (n: number) => string, n: number): void {
  codec.decode(type, shape(n), LENIENT);
  codec.decode(type, shape(10 * n), LENIENT);
  for (let w = 0; w < 20; w++) codec.decode(type, shape(n), LENIENT);
  let a = Infinity;
  let b = Infinity;
  for (let round = 0; round < 3; round++) {
    a = Math.min(a, cost(codec, type, shape(n)));
    b = Math.min(b, cost(codec, type, shape(10 * n)));
    if (b / a <= LIMIT) break;
  }
  expect(b / a, `time at 10× the drops is ${(b / a).toFixed(1)}× (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(LIMIT);
}

describe('lenient mode: dropping many member values is linear', () => {
  it('JSON: an Int32 member given a string, many times ({"num":"x",…})', () => {
    linear(jsonCodec, Node, (n) => `{${'"num":"x",'.repeat(n)}"name":"a"}`, 500);
  });

  it('JSON: a nullable struct member given a number, many times ({"where":1,…})', () => {
    linear(jsonCodec, Node, (n) => `{${'"where":1,'.repeat(n)}"name":"a"}`, 500);
  });

  it('JSON: a Boolean member of an Evo Voice DTO given a string, many times', () => {
    linear(jsonCodec, Customer, (n) => `{${'"isStaging":"x",'.repeat(n)}"accountName":"a"}`, 500);
  });

  it('JSON: many list elements each with a value to drop ({"kids":[{"num":"x"},…]})', () => {
    linear(jsonCodec, Node, (n) => `{"kids":[${'{"num":"x"},'.repeat(n)}{}]}`, 300);
  });

  it('JSV: an Int32 member given a word, many times ({num:x,…})', () => {
    linear(jsvCodec, Node, (n) => `{${'num:x,'.repeat(n)}name:a}`, 500);
  });

  it('JSV: a List<List<Node>> member whose value starts with a space (each ` {num:0` is then dropped as a bare value: n drops)', () => {
    // Found by scripts/fuzz-long.mjs (mutation/repeat of a pretty List<Node>): 250,113 characters took 18 s.
    linear(jsvCodec, Node, (n) => `{num:0,grid: ${' {num:0,grid: '.repeat(n)}x}`, 300);
  });
});
