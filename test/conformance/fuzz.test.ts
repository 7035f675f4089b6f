/**
 * Negative and fuzz tests for every format, over the Evo Voice registry and the scalar zoo
 * (./fuzz/harness.ts says what is judged):
 * - exhaustive: small documents (compact and pretty) cut at every position, with every single
 *   character deleted, every single character doubled, every number token replaced by every
 *   range/syntax edge (2147483648, 1e999, -0, 0x10, …) and every boolean/enum word by every
 *   other spelling;
 * - random: corpus and generated documents under 1–4 random edits (replace a number with a
 *   range or syntax edge, replace a boolean or enum word, cut, delete, insert a
 *   format-specific piece, replace, duplicate, swap), shrunk by fast-check on failure.
 * Each mutated document is decoded in every mode of its format.
 *
 * The cases run in a worker thread; this side watches its heartbeat and stops it when one
 * case runs longer than HANG_MS, failing with that case's input. A case slower than
 * CASE_LIMIT_MS fails inside the worker. Both are hang bounds, not speed targets: the
 * documents are at most a few kilobytes and decode in microseconds.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, it } from 'vitest';
import type { WireFormat } from '../../src/arbitrary/index.js';
import { HEARTBEAT_HEADER, HEARTBEAT_TEXT, type FuzzFamily, type FuzzJob, type FuzzRegistry, type FuzzResult } from './fuzz/harness.js';
import { replay, runs, TEST_TIMEOUT } from './support/profile.js';
import { record } from './support/record.js';

const HANG_MS = 15_000;
const CASE_LIMIT_MS = 2_000;
const RANDOM_RUNS = runs(1500);
/** The zoo's documents are larger (every scalar), so fewer random runs keep the suite's time in bounds. */
const ZOO_RANDOM_RUNS = runs(600);

type Outcome = FuzzResult | { error: string } | { hang: { case: number; ms: number; input: string } };

/** One worker, reused across jobs, replaced after a hang. */
class FuzzWorker {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly heartbeat = new SharedArrayBuffer(HEARTBEAT_HEADER + 2 * HEARTBEAT_TEXT);
  private readonly meta = new Float64Array(this.heartbeat, 0, 2);

  private start(): Promise<void> {
    if (!this.ready) {
      const w = new Worker(new URL('./fuzz/worker.mjs', import.meta.url));
      this.worker = w;
      this.ready = new Promise((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
      });
    }
    return this.ready;
  }

  private input(): string {
    const n = new Int32Array(this.heartbeat, 16, 1)[0]!;
    const text = new Uint16Array(this.heartbeat, HEARTBEAT_HEADER, n);
    let s = '';
    for (let i = 0; i < n; i += 4096) s += String.fromCharCode(...text.subarray(i, Math.min(n, i + 4096)));
    return s;
  }

  async run(job: Omit<FuzzJob, 'heartbeat'>): Promise<Outcome> {
    await this.start();
    const w = this.worker!;
    this.meta[1] = 0;
    return new Promise<Outcome>((resolve, reject) => {
      const watch = setInterval(() => {
        const since = this.meta[1]!;
        if (since > 0 && Date.now() - since > HANG_MS) {
          clearInterval(watch);
          const hang = { case: this.meta[0]!, ms: Date.now() - since, input: this.input() };
          void w.terminate();
          this.worker = undefined;
          this.ready = undefined;
          resolve({ hang });
        }
      }, 100);
      w.once('message', (m: Outcome) => {
        clearInterval(watch);
        resolve(m);
      });
      w.once('error', (e) => {
        clearInterval(watch);
        reject(e);
      });
      w.postMessage({ ...job, heartbeat: this.heartbeat });
    });
  }

  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
  }
}

const pool = new FuzzWorker();
afterAll(() => pool.close());

const LABEL: Record<WireFormat, string> = { json: 'JSON', jsv: 'JSV', xml: 'XML' };
const FAMILY: Record<FuzzFamily, string> = {
  exhaustive: 'every cut, deletion, doubling and scalar swap of small documents',
  random: 'random edits of corpus and generated documents',
};

/** Evo Voice rows keep their names; the zoo's carry a suffix. */
const REGISTRY: Record<FuzzRegistry, { label: string; row: string; runs: number }> = {
  evo: { label: 'Evo Voice', row: '', runs: RANDOM_RUNS },
  zoo: { label: 'scalar zoo', row: ' › scalar zoo', runs: ZOO_RANDOM_RUNS },
};

describe('fuzz: mutated documents decode to a valid value or raise DtoFormatError', () => {
  for (const registry of ['evo', 'zoo'] as const) for (const format of ['json', 'jsv', 'xml'] as const) {
    for (const family of ['exhaustive', 'random'] as const) {
      it(
        `${LABEL[format]}, ${REGISTRY[registry].label}: ${FAMILY[family]}`,
        async (ctx) => {
          const row = `fuzz › ${LABEL[format]} › ${family === 'exhaustive' ? 'every cut/deletion/doubling/scalar swap' : 'random edits'}${REGISTRY[registry].row}`;
          const outcome = await pool.run({ format, family, registry, runs: REGISTRY[registry].runs, caseLimitMs: CASE_LIMIT_MS, ...replay() });
          if ('hang' in outcome) {
            record(ctx, { row, cases: 1, passed: 0, failed: 1 });
            throw new Error(`decode #${outcome.hang.case} did not finish in ${outcome.hang.ms} ms; worker stopped. Input: ${JSON.stringify(outcome.hang.input)}`);
          }
          if ('error' in outcome) {
            record(ctx, { row, cases: 0, passed: 0, failed: 1 });
            throw new Error(`the fuzz job itself failed: ${outcome.error}`);
          }
          record(ctx, { row, cases: outcome.cases, passed: outcome.passed, failed: outcome.failed });
          if (outcome.failed > 0) {
            throw new Error(`${outcome.failed} of ${outcome.cases} mutated documents misbehaved:\n\n${outcome.failures.join('\n\n')}`);
          }
          // The mutations must reach both outcomes, or the check proves little.
          if (outcome.accepted === 0 || outcome.refused === 0) {
            throw new Error(`degenerate fuzzing: ${outcome.accepted} decodes accepted, ${outcome.refused} refused`);
          }
        },
        TEST_TIMEOUT,
      );
    }
  }
});
