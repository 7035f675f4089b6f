/**
 * Run counts. The CI profile keeps the whole conformance suite near a minute on two cores;
 * `DTO_FC_RUNS=100000` (what `npm run conformance:long` sets) is the release profile: that
 * many runs for every property and fuzz target. `DTO_FC_SEED` (and `DTO_FC_PATH`, both printed
 * with every failure) replays one failing case.
 */
const env = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

function positive(name: string): number | undefined {
  const v = env(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(v)}`);
  return n;
}

/** Set for the long profile: every property and fuzz target runs this many cases. */
export const RUNS_OVERRIDE = positive('DTO_FC_RUNS');

export const LONG = RUNS_OVERRIDE !== undefined && RUNS_OVERRIDE >= 10_000;

/** The CI count `ci` unless the profile overrides it. */
export function runs(ci: number): number {
  return RUNS_OVERRIDE ?? ci;
}

/** fast-check parameters that replay a reported failure when the environment asks for it. */
export function replay(): { seed?: number; path?: string } {
  const seed = env('DTO_FC_SEED');
  const path = env('DTO_FC_PATH');
  const out: { seed?: number; path?: string } = {};
  if (seed !== undefined) out.seed = Number(seed);
  if (path !== undefined) out.path = path;
  return out;
}

/** Per-test timeout: generous in CI, unbounded in spirit for the long profile. */
export const TEST_TIMEOUT = LONG ? 24 * 3600_000 : 120_000;
