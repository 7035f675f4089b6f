import { defineConfig } from 'vitest/config';

// The codec suites run twice: against the hand-declared Evo Voice registry, and against the one
// its /types/metadata document yields (test/support/evo-voice.ts), so the loader is held to
// every byte the declarations are.
const CODEC_SUITES = ['test/json/**/*.test.ts', 'test/jsv/**/*.test.ts', 'test/xml/**/*.test.ts'];

export default defineConfig({
  test: {
    // Property and fuzz suites are CPU-bound; two workers match the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'declared', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'metadata-registry', include: CODEC_SUITES, env: { DTO_TEST_REGISTRY: 'metadata' } } },
    ],
  },
});
