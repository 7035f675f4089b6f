// `npm run bench:check`: a short interleaved run of the small and realistic documents, each
// headline ratio compared with its target (bench/targets.mjs) plus a noise margin. For
// release checks only: timings never gate `npm test`. Exit 1 when a ratio misses.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NOISE_MARGIN, targets } from './targets.mjs';

const run = spawnSync(process.execPath, [fileURLToPath(new URL('./run.mjs', import.meta.url)), '--rounds', '9', '--batch', '30', '--docs', 'small,realistic', '--out', '-', '--quiet'], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  console.error('bench:check: the benchmark itself failed');
  process.exit(2);
}
const results = JSON.parse(run.stdout.trim().split('\n').pop());
let failed = 0;
console.log(`bench:check on ${results.cpu}, Node ${results.node} (margin ${Math.round(NOISE_MARGIN * 100)} %)`);
for (const [name, t] of Object.entries(targets)) {
  const ratio = results.ratios[name];
  const max = t.max(results.peers);
  const ok = ratio <= max * (1 + NOISE_MARGIN);
  if (!ok) failed++;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${name.padEnd(11)} ${ratio.toFixed(2)}× (target ≤ ${max.toFixed(2)}×: ${t.why})`);
}
console.log(`${Object.keys(targets).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
