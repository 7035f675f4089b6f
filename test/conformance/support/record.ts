/**
 * Every conformance test states what it counted: a row of the conformance report (corpus or
 * property), how many cases it ran, how many passed and failed. The figures travel in the
 * test's `task.meta`, which vitest hands to the reporter (../reporter.ts), so the report
 * counts exactly what the tests checked.
 */
import fc from 'fast-check';
import type { IProperty } from 'fast-check';
import { replay } from './profile.js';

export interface ConformanceFigures {
  /** Report row: `group › what`, e.g. `round trip › XML indented`. */
  readonly row: string;
  readonly cases: number;
  readonly passed: number;
  readonly failed: number;
}

export interface ConformanceMeta {
  conformance?: ConformanceFigures[];
}

/** The part of vitest's test context used here. */
export interface HasTask {
  readonly task: { readonly meta: object };
}

export function record(ctx: HasTask, figures: ConformanceFigures): void {
  const meta = ctx.task.meta as ConformanceMeta;
  (meta.conformance ??= []).push(figures);
}

/**
 * Runs a fast-check property, records its figures under `row`, and fails the test with
 * fast-check's own report (seed, path, shrunk counterexample, the error) when it fails.
 */
export function checkProperty<Ts>(ctx: HasTask, row: string, property: IProperty<Ts>, numRuns: number): void {
  const details = fc.check(property, { numRuns, ...replay() });
  const failed = details.failed ? 1 : 0;
  record(ctx, { row, cases: details.numRuns, passed: details.numRuns - failed, failed });
  if (details.failed) throw new Error(failureReport(details));
}

/** fast-check's report (seed, path, shrunk counterexample) plus the error itself and how to replay it. */
export function failureReport<Ts>(details: fc.RunDetails<Ts>): string {
  const error = details.errorInstance;
  const why = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  return [
    fc.defaultReportMessage(details),
    why === '' ? '' : `\nThe property failed with:\n${why}`,
    `\nReplay with DTO_FC_SEED=${details.seed} DTO_FC_PATH=${JSON.stringify(details.counterexamplePath)}`,
  ].join('\n');
}

/**
 * Table tests: runs `check` on every case, records the figures, and fails with every failing
 * case's message (not just the first) so one run shows the whole picture.
 */
export function checkTable<C>(ctx: HasTask, row: string, cases: readonly C[], name: (c: C) => string, check: (c: C) => void): void {
  const failures: string[] = [];
  for (const c of cases) {
    try {
      check(c);
    } catch (e) {
      failures.push(`${name(c)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  record(ctx, { row, cases: cases.length, passed: cases.length - failures.length, failed: failures.length });
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${cases.length} failed:\n${failures.slice(0, 20).join('\n\n')}${failures.length > 20 ? `\n… and ${failures.length - 20} more` : ''}`);
  }
}
