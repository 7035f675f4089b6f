/**
 * The conformance report (`npm run conformance`): after the conformance tests ran, one table
 * row per corpus or property with the cases it ran, passed and failed, summed from the figures
 * each test recorded in its `task.meta` (./support/record.ts). A test that failed before it
 * could record anything still counts, as one failed case of its own row, and the process
 * exits non-zero whenever anything failed.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import type { ConformanceFigures, ConformanceMeta } from './support/record.js';
import { LONG, RUNS_OVERRIDE } from './support/profile.js';

interface Row {
  cases: number;
  passed: number;
  failed: number;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export default class ConformanceReporter implements Reporter {
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestRunEnd(testModules: readonly TestModule[]): void {
    const rows = new Map<string, Row>();
    const add = (f: ConformanceFigures): void => {
      const r = rows.get(f.row) ?? { cases: 0, passed: 0, failed: 0 };
      r.cases += f.cases;
      r.passed += f.passed;
      r.failed += f.failed;
      rows.set(f.row, r);
    };
    let tests = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        tests++;
        const figures = (t.meta() as ConformanceMeta).conformance ?? [];
        for (const f of figures) add(f);
        const state = t.result().state;
        if (state === 'failed' && figures.every((f) => f.failed === 0)) {
          add({ row: `${t.fullName} (failed before counting)`, cases: 1, passed: 0, failed: 1 });
        } else if (figures.length === 0) {
          add({ row: `${t.fullName} (recorded no figures)`, cases: 1, passed: state === 'passed' ? 1 : 0, failed: state === 'passed' ? 0 : 1 });
        }
      }
    }

    // Corpora first, then the properties, the fuzzing and the generator's own checks.
    const GROUPS = ['corpus', 'round trip', 'chain', 'determinism', 'tolerance', 'scalars', 'equivalence', 'unsupported', 'fuzz', 'arbitrary'];
    const group = (n: string): number => {
      const g = GROUPS.indexOf(n.split(' › ')[0]!);
      return g < 0 ? GROUPS.length : g;
    };
    const names = [...rows.keys()].map((n, i) => ({ n, i })).sort((a, b) => group(a.n) - group(b.n) || a.i - b.i).map((x) => x.n);
    const width = Math.max(17, ...names.map((n) => n.length));
    const total = { cases: 0, passed: 0, failed: 0 };
    const line = (name: string, r: Row): string =>
      `| ${pad(name, width)} | ${pad(fmt(r.cases), 11, true)} | ${pad(fmt(r.passed), 11, true)} | ${pad(fmt(r.failed), 6, true)} |`;
    const out: string[] = [];
    const profile = RUNS_OVERRIDE === undefined ? 'CI (default run counts)' : `${LONG ? 'long' : 'custom'} (DTO_FC_RUNS=${RUNS_OVERRIDE})`;
    out.push('', `dto-formats conformance report — profile: ${profile}, ${tests} tests, ${((Date.now() - this.started) / 1000).toFixed(1)} s`, '');
    out.push(`| ${pad('corpus / property', width)} | ${pad('cases', 11, true)} | ${pad('passed', 11, true)} | ${pad('failed', 6, true)} |`);
    out.push(`|${'-'.repeat(width + 2)}|${'-'.repeat(12)}:|${'-'.repeat(12)}:|${'-'.repeat(7)}:|`);
    for (const name of names) {
      const r = rows.get(name)!;
      total.cases += r.cases;
      total.passed += r.passed;
      total.failed += r.failed;
      out.push(line(name, r));
    }
    out.push(line('total', total));
    out.push('', total.failed === 0 ? 'All conformance checks passed.' : `${fmt(total.failed)} conformance case(s) FAILED (details above).`, '');
    const text = out.join('\n');
    process.stdout.write(`${text}\n`);
    const file = process.env.DTO_CONFORMANCE_REPORT;
    if (file) writeFileSync(file, `${text}\n`);
    if (total.failed > 0) process.exitCode = 1;
  }
}
