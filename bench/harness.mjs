// An interleaved ratio harness (method of shared/docs/perf-anchors.md): every round runs each
// benchmark once, in a rotated order, for a calibrated batch of about `batchMs`; a benchmark's
// figure is the median ns/op over the rounds. Interleaving makes the ratios robust to the
// drift and noise of a shared 2-core machine. No forced GC between samples (it distorts
// ms-scale benchmarks 2–4×).

const now = () => Number(process.hrtime.bigint());

function calibrate(fn, batchMs) {
  let n = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; i++) fn();
    const ms = (now() - t0) / 1e6;
    if (ms >= batchMs / 4) return Math.max(1, Math.round((n * batchMs) / ms));
    n *= 4;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * @param {{ name: string, group: string, fn: () => unknown }[]} benches
 * @returns {Map<string, { group: string, ns: number, spread: [number, number] }>}
 */
export function runInterleaved(benches, { rounds = 15, batchMs = 40 } = {}) {
  for (const b of benches) for (let i = 0; i < 50; i++) b.fn(); // warm up the JIT
  const counts = benches.map((b) => calibrate(b.fn, batchMs));
  const samples = benches.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < benches.length; k++) {
      const i = (k + r) % benches.length;
      const { fn } = benches[i];
      const n = counts[i];
      const t0 = now();
      for (let j = 0; j < n; j++) fn();
      samples[i].push((now() - t0) / n);
    }
  }
  const out = new Map();
  benches.forEach((b, i) => {
    const s = samples[i];
    out.set(b.name, { group: b.group, ns: median(s), spread: [Math.min(...s), Math.max(...s)] });
  });
  return out;
}

export function formatNs(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}
