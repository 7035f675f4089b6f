// The fuzz worker: runs one job at a time for ./harness.ts, off the test runner's thread, so
// the runner can stop it when a single case runs too long (a hang cannot be interrupted in
// the thread that hangs).
import { register } from 'node:module';
import { parentPort } from 'node:worker_threads';

register('./ts-hooks.mjs', import.meta.url);
const { runJob } = await import('./harness.ts');

parentPort.on('message', (job) => {
  let result;
  try {
    result = runJob(job);
  } catch (e) {
    result = { error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) };
  }
  parentPort.postMessage(result);
});
parentPort.postMessage({ ready: true });
