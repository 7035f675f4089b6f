#!/usr/bin/env node
/**
 * The long hostile-fuzz profile (issue 11): ≥ 10⁶ generated hostile inputs per format, decoded
 * by the built library (dist/; `npm run fuzz:long` builds first) in every mode, with the
 * generators and the judge the test suite uses (test/conformance/fuzz/hostile.ts and
 * hostile-judge.ts).
 *
 *   node scripts/fuzz-long.mjs [--runs 1000000] [--format json|jsv|xml|all] [--seed N]
 *                              [--parallel N] [--hang-ms 1000] [--watchdog-ms 60000]
 *                              [--max-token 1000000] [--out DIR] [--dist DIR]
 *   node scripts/fuzz-long.mjs --replay DIR/repro-json-1.json
 *
 * Each format runs in a child process (`--parallel` of them at a time). Every decode is timed
 * in the child in CPU time (so a busy machine does not turn waits into hangs): one slower than
 * `--hang-ms` plus 2 µs per input character counts as a hang. A true infinite loop cannot
 * report itself, so before each case the child writes its number into a small progress file
 * and the parent kills a child that makes no progress for `--watchdog-ms` (wall time), saves
 * that case (regenerated from its batch seed) and starts a new child after it. Tallies are
 * written to DIR/summary.json every minute and on Ctrl-C, so a long run can be stopped.
 *
 * Prints, and writes to DIR/summary.json: inputs, decodes, accepted, DtoFormatError counts by
 * code, non-DtoFormatError exceptions and hangs (each with a reproducer file in DIR), the
 * slowest case (generator, size, ms), and the count of accepted values whose encoding in
 * another format that format refused (known, documented losses such as JSV Chars included).
 * Exit code 1 when there was any exception or hang.
 */
import { fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { register } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHILD = process.env.DTO_FUZZ_LONG_CHILD === '1';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FUZZ = join(ROOT, 'test/conformance/fuzz');
/** Cases per batch: a batch is one fast-check sample with its own seed, so any case can be regenerated from (batch seed, index). */
const BATCH = 500;

function parseArgs(argv) {
  const o = {
    runs: 1_000_000,
    format: 'all',
    seed: Date.now() % 2 ** 31,
    parallel: 1,
    hangMs: 1000,
    watchdogMs: 60_000,
    maxToken: 1_000_000,
    maxNesting: 100_000,
    out: join(tmpdir(), 'dto-formats-fuzz-long'),
    dist: join(ROOT, 'dist'),
    replay: undefined,
  };
  const numeric = { '--runs': 'runs', '--seed': 'seed', '--parallel': 'parallel', '--hang-ms': 'hangMs', '--watchdog-ms': 'watchdogMs', '--max-token': 'maxToken', '--max-nesting': 'maxNesting' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag in numeric) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} takes a non-negative integer`);
      o[numeric[flag]] = n;
    } else if (flag === '--format') o.format = value();
    else if (flag === '--out') o.out = resolve(value());
    else if (flag === '--dist') o.dist = resolve(value());
    else if (flag === '--replay') o.replay = resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${a} (--help)`);
  }
  if (!['json', 'jsv', 'xml', 'all'].includes(o.format)) throw new Error('--format is json, jsv, xml or all');
  return o;
}

// ---------------------------------------------------------------------------------------------
// worker side

async function load(dist) {
  register(pathToFileURL(join(FUZZ, 'ts-hooks.mjs')));
  const lib = await import(pathToFileURL(join(dist, 'index.js')).href);
  const H = await import(pathToFileURL(join(FUZZ, 'hostile.ts')).href);
  const J = await import(pathToFileURL(join(FUZZ, 'hostile-judge.ts')).href);
  const fc = (await import('fast-check')).default;
  const zoo = lib.parseMetadata(readFileSync(join(ROOT, 'fixtures/metadata/zoo.metadata.json'), 'utf8'));
  const r = J.resolver({ json: lib.json.codec, jsv: lib.jsv.codec, xml: lib.xml.codec, DtoFormatError: lib.DtoFormatError, createRegistry: lib.createRegistry, evo: lib.registry, zoo });
  return { H, J, fc, r };
}

function batchCases(env, format, ctx, batchSeed, n) {
  return env.fc.sample(env.H.hostileArbitrary(format, ctx), { numRuns: n, seed: batchSeed });
}

/** CPU milliseconds of this process: what a decode costs, whatever else the machine is doing. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function child() {
  const job = JSON.parse(process.env.DTO_FUZZ_LONG_JOB);
  const { format, runs, firstCase, seed, hangMs, maxToken, maxNesting, dist, progressFile } = job;
  const env = await load(dist);
  const ctx = env.J.hostileContext(env.r, { maxToken, maxNesting });
  const fd = openSync(progressFile, 'w');
  const beat = Buffer.alloc(64);
  const t = {
    inputs: 0,
    decodes: 0,
    accepted: 0,
    codes: {},
    generators: {},
    crossRefused: 0,
    crossRefusedSamples: [],
    violations: [],
    slowest: { ms: 0 },
  };
  let lastPost = Date.now();
  const post = (done) => process.send({ tally: t, done });
  // The parent gone (Ctrl-C, a crash): stop, rather than fuzz for nobody.
  process.on('disconnect', () => process.exit(0));
  for (let k = firstCase; k < runs; ) {
    // Messages to the parent are written when the event loop runs (a large reproducer does not
    // fit the pipe at once): let it run between batches.
    await new Promise((res) => setImmediate(res));
    const batch = Math.floor(k / BATCH);
    const batchSeed = (seed + batch * 7919) | 0;
    const cases = batchCases(env, format, ctx, batchSeed, BATCH);
    for (let i = k % BATCH; i < BATCH && k < runs; i++, k++) {
      const c = cases[i];
      beat.fill(32);
      beat.write(`${k} ${Date.now()}`);
      writeSync(fd, beat, 0, beat.length, 0);
      const w0 = performance.now();
      const j = env.J.judgeCase(env.r, format, c, hangMs, cpuMs);
      const wallMs = performance.now() - w0;
      t.inputs++;
      t.decodes += j.decodes;
      t.accepted += j.accepted;
      t.generators[c.gen] = (t.generators[c.gen] ?? 0) + 1;
      for (const code of j.codes) t.codes[code] = (t.codes[code] ?? 0) + 1;
      t.crossRefused += j.crossRefused.length;
      if (j.crossRefused.length > 0 && t.crossRefusedSamples.length < 20) t.crossRefusedSamples.push({ gen: c.gen, type: c.type, what: j.crossRefused[0].slice(0, 300) });
      if (j.slowestMs > t.slowest.ms) t.slowest = { ms: j.slowestMs, caseWallMs: wallMs, gen: c.gen, type: c.type, size: c.text.length, case: k, batchSeed, index: i };
      if (j.violation) {
        t.violations.push({ kind: j.violation.kind, message: j.violation.message.slice(0, 4000), case: k, batchSeed, index: i, gen: c.gen, type: c.type, size: c.text.length });
        if (t.violations.length <= 50) process.send({ repro: { format, gen: c.gen, type: c.type, text: c.text, maxDepth: c.maxDepth, violation: j.violation, case: k, batchSeed, index: i } });
      }
      // Often enough that a child killed by the watchdog loses at most a second of counts; at once after a violation.
      if (j.violation || Date.now() - lastPost > 1000) {
        post(false);
        lastPost = Date.now();
      }
    }
  }
  beat.fill(32);
  beat.write('done');
  writeSync(fd, beat, 0, beat.length, 0);
  closeSync(fd);
  post(true);
  process.disconnect();
}

// ---------------------------------------------------------------------------------------------
// main side

function merge(into, t) {
  if (!t) return into;
  into.inputs += t.inputs;
  into.decodes += t.decodes;
  into.accepted += t.accepted;
  for (const [k, v] of Object.entries(t.codes)) into.codes[k] = (into.codes[k] ?? 0) + v;
  for (const [k, v] of Object.entries(t.generators)) into.generators[k] = (into.generators[k] ?? 0) + v;
  into.crossRefused += t.crossRefused;
  into.crossRefusedSamples.push(...t.crossRefusedSamples.slice(0, 20 - into.crossRefusedSamples.length));
  into.violations.push(...t.violations);
  if (t.slowest.ms > (into.slowest.ms ?? 0)) into.slowest = t.slowest;
  return into;
}

const emptyTally = () => ({ inputs: 0, decodes: 0, accepted: 0, codes: {}, generators: {}, crossRefused: 0, crossRefusedSamples: [], violations: [], slowest: { ms: 0 } });

/** The progress file: `case wallclock` of the case the child is on, or `done`. */
function readBeat(file) {
  try {
    const [k, since] = readFileSync(file, 'utf8').trim().split(' ');
    return k === 'done' || k === '' ? undefined : { case: Number(k), since: Number(since) };
  } catch {
    return undefined;
  }
}

/** Runs `format` in a child process; resolves with its tally, restarting past a case the watchdog had to kill. */
async function runFormat(o, format, onReport, live) {
  const total = emptyTally();
  let first = 0;
  const killed = [];
  const t0 = Date.now();
  const progressFile = join(o.out, `.progress-${format}`);
  while (first < o.runs) {
    writeFileSync(progressFile, '');
    const job = { format, runs: o.runs, firstCase: first, seed: o.seed, hangMs: o.hangMs, maxToken: o.maxToken, maxNesting: o.maxNesting, dist: o.dist, progressFile };
    const c = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, DTO_FUZZ_LONG_CHILD: '1', DTO_FUZZ_LONG_JOB: JSON.stringify(job) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let latest;
    live[format] = () => merge(structuredClone(total), latest);
    const outcome = await new Promise((res) => {
      const watch = setInterval(() => {
        const b = readBeat(progressFile);
        if (b && Date.now() - b.since > o.watchdogMs) {
          clearInterval(watch);
          c.kill('SIGKILL');
          res({ killed: b.case });
        }
      }, 500);
      c.on('message', (m) => {
        if (m.repro) onReport(m.repro);
        if (m.tally) {
          latest = m.tally;
          if (m.done) {
            clearInterval(watch);
            res({ done: true });
          }
        }
      });
      c.on('exit', (code, signal) => {
        clearInterval(watch);
        res({ crashed: `child exited (${signal ?? code})` });
      });
    });
    merge(total, latest);
    if (outcome.done) break;
    // The child hung or died: the case it was on is a finding; carry on after it.
    const k = outcome.killed ?? readBeat(progressFile)?.case ?? first + (latest?.inputs ?? 0);
    const batch = Math.floor(k / BATCH);
    const info = { case: k, batchSeed: (o.seed + batch * 7919) | 0, index: k % BATCH, why: outcome.crashed ?? `no progress for ${o.watchdogMs} ms` };
    killed.push(info);
    onReport({ killed: { format, ...info } });
    first = k + 1;
    total.inputs = first;
  }
  live[format] = () => total;
  return { ...total, killed, seconds: (Date.now() - t0) / 1000 };
}

async function regenerate(o, format, batchSeed, index) {
  const env = await load(o.dist);
  const ctx = env.J.hostileContext(env.r, { maxToken: o.maxToken, maxNesting: o.maxNesting });
  return batchCases(env, format, ctx, batchSeed, BATCH)[index];
}

async function replay(o) {
  const saved = JSON.parse(readFileSync(o.replay, 'utf8'));
  const env = await load(o.dist);
  const c = saved.text === undefined ? await regenerate({ ...o, maxToken: saved.maxToken ?? o.maxToken, maxNesting: saved.maxNesting ?? o.maxNesting }, saved.format, saved.batchSeed, saved.index) : saved;
  const j = env.J.judgeCase(env.r, saved.format, c, o.hangMs);
  console.log(JSON.stringify({ format: saved.format, gen: c.gen, type: c.type, size: c.text.length, ...j }, null, 2));
  process.exitCode = j.violation ? 1 : 0;
}

function summarize(o, formats, tallies, reproFiles, complete) {
  const summary = {
    when: new Date().toISOString(),
    complete,
    node: process.version,
    seed: o.seed,
    runsPerFormat: o.runs,
    hangMs: o.hangMs,
    hangRule: `a decode over ${o.hangMs} ms + 2 µs per input character of CPU time, or ${o.watchdogMs} ms without progress`,
    maxToken: o.maxToken,
    maxNesting: o.maxNesting,
    formats: {},
    reproducers: reproFiles,
  };
  let bad = 0;
  for (const f of formats) {
    const r = tallies[f];
    if (!r) continue;
    const exceptions = r.violations.filter((v) => v.kind !== 'slow');
    const killed = r.killed ?? [];
    const hangs = r.violations.filter((v) => v.kind === 'slow').length + killed.length;
    bad += exceptions.length + hangs;
    summary.formats[f] = {
      inputs: r.inputs,
      decodes: r.decodes,
      accepted: r.accepted,
      refusedByCode: Object.fromEntries(Object.entries(r.codes).sort((a, b) => b[1] - a[1])),
      exceptions: exceptions.length,
      exceptionKinds: exceptions.reduce((m, v) => ((m[v.kind] = (m[v.kind] ?? 0) + 1), m), {}),
      hangs,
      killedByWatchdog: killed,
      slowest: r.slowest,
      crossFormatRefusals: r.crossRefused,
      crossFormatRefusalSamples: r.crossRefusedSamples,
      seconds: r.seconds,
      generators: Object.fromEntries(Object.entries(r.generators).sort()),
      violations: r.violations.slice(0, 50),
    };
  }
  return { summary, bad };
}

function printSummary(summary) {
  console.log('\nformat  inputs     decodes    accepted   exceptions  hangs  slowest decode (CPU)');
  for (const [f, s] of Object.entries(summary.formats)) {
    const sl = s.slowest;
    const slow = sl.size === undefined ? '-' : `${sl.ms.toFixed(1)} ms, ${sl.size} chars, ${sl.gen} (${sl.type})`;
    console.log(`${f.padEnd(6)}  ${String(s.inputs).padEnd(9)}  ${String(s.decodes).padEnd(9)}  ${String(s.accepted).padEnd(9)}  ${String(s.exceptions).padEnd(10)}  ${String(s.hangs).padEnd(5)}  ${slow}`);
    console.log(`        refused by code: ${JSON.stringify(s.refusedByCode)}; cross-format refusals ${s.crossFormatRefusals}`);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.replay) return replay(o);
  mkdirSync(o.out, { recursive: true });
  const formats = o.format === 'all' ? ['json', 'jsv', 'xml'] : [o.format];
  // More children than cores only shares the cores (each decode is timed in CPU time); warn, do not cap.
  const parallel = Math.max(1, Math.min(o.parallel, formats.length));
  if (parallel > cpus().length) console.log(`note: ${parallel} formats at a time on ${cpus().length} cores`);
  console.log(`fuzz:long ${o.runs} inputs per format (${formats.join(', ')}), seed ${o.seed}, ${parallel} at a time, dist ${o.dist}, out ${o.out}`);
  let repros = 0;
  const reproFiles = [];
  const onReport = (m) => {
    if (m.killed) {
      const file = join(o.out, `repro-${m.killed.format}-killed-${m.killed.case}.json`);
      writeFileSync(file, JSON.stringify({ format: m.killed.format, batchSeed: m.killed.batchSeed, index: m.killed.index, why: m.killed.why, maxToken: o.maxToken, maxNesting: o.maxNesting }, null, 2));
      reproFiles.push(file);
      console.log(`  ${m.killed.format}: case ${m.killed.case} killed (${m.killed.why}); reproducer ${file}`);
      return;
    }
    const file = join(o.out, `repro-${m.format}-${++repros}.json`);
    writeFileSync(file, JSON.stringify(m, null, 2));
    reproFiles.push(file);
    console.log(`  ${m.format}: ${m.violation.kind} at case ${m.case} [${m.gen}]; reproducer ${file}`);
  };
  const results = {};
  /** Per format, the tally so far (of the running child, or final). */
  const live = {};
  const current = () => Object.fromEntries(formats.filter((f) => results[f] || live[f]).map((f) => [f, results[f] ?? live[f]()]));
  const file = join(o.out, 'summary.json');
  const started = Date.now();
  const ticker = setInterval(() => {
    const now = current();
    console.log(`  … ${((Date.now() - started) / 1000).toFixed(0)} s: ${Object.entries(now).map(([f, t]) => `${f} ${t.inputs}`).join(', ')}`);
    writeFileSync(file, JSON.stringify(summarize(o, formats, now, reproFiles, false).summary, null, 2));
  }, 60_000);
  process.once('SIGINT', () => {
    clearInterval(ticker);
    const { summary } = summarize(o, formats, current(), reproFiles, false);
    writeFileSync(file, JSON.stringify(summary, null, 2));
    printSummary(summary);
    console.log(`\nstopped; partial summary: ${file}`);
    process.exit(130);
  });
  const queue = [...formats];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        results[f] = await runFormat(o, f, onReport, live);
        console.log(`  ${f}: ${results[f].inputs} inputs in ${results[f].seconds.toFixed(0)} s`);
      }
    }),
  );
  clearInterval(ticker);
  const { summary, bad } = summarize(o, formats, results, reproFiles, true);
  writeFileSync(file, JSON.stringify(summary, null, 2));
  printSummary(summary);
  console.log(`\nsummary: ${file}`);
  process.exitCode = bad > 0 ? 1 : 0;
}

if (CHILD) {
  await child();
} else {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  });
}
