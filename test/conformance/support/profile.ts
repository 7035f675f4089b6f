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

/**
 * The seed every property uses in CI (`CI` set) unless `DTO_FC_SEED` says otherwise. CI gates
 * what lands, so its verdict must be reproducible: a fresh seed there would turn a rare,
 * genuine finding into a red build nobody can replay. Local runs and `conformance:long` draw
 * fresh seeds, which is where new cases get found.
 */
export const CI_SEED = 20261124;

const IN_CI = env('CI') !== undefined && env('CI') !== 'false' && env('CI') !== '0';

/** fast-check parameters: a reported failure's replay when the environment asks for it, else the CI seed in CI. */
export function replay(): { seed?: number; path?: string } {
  const seed = env('DTO_FC_SEED');
  const path = env('DTO_FC_PATH');
  const out: { seed?: number; path?: string } = {};
  if (seed !== undefined) out.seed = Number(seed);
  else if (IN_CI && !LONG) out.seed = CI_SEED;
  if (path !== undefined) out.path = path;
  return out;
}

/** Per-test timeout: generous in CI, unbounded in spirit for the long profile. */
export const TEST_TIMEOUT = LONG ? 24 * 3600_000 : 120_000;
