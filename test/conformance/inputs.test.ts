/**
 * Kept apart from the round trips, so that what it finds does not hide everything else they
 * check: other encoder inputs (`dtoArbitrary({ shape: 'input', scalarInputs: true })`: a bigint
 * for an Int32, a number or digit string for an Int64, an `N`-form or upper-case Guid, a `Date`,
 * a byte array, an enum's number — whatever `SCALARS[…].coerce` takes, CONTRIBUTING.md) write
 * exactly the bytes their canonical value writes, in every format, over both registries.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { canonical, dtoArbitrary } from '../../src/arbitrary/index.js';
import { failWith } from './support/checks.js';
import { COMPACT } from './support/formats.js';
import { runs, TEST_TIMEOUT } from './support/profile.js';
import { checkProperty } from './support/record.js';
import { REGISTRIES, typeCase } from './support/types.js';

const RUNS = runs(200);

for (const registry of REGISTRIES) describe(`encoder inputs, ${registry.label}`, () => {
  for (const form of COMPACT) {
    it(
      `${form.label}: every other input of a scalar or enum writes its canonical value's bytes`,
      (ctx) => {
        const values = fc.oneof(
          ...registry.cases.map(({ id, type }) => dtoArbitrary(type, { format: form.format, shape: 'input', scalarInputs: true }).map((value) => ({ id, value }))),
        );
        checkProperty(
          ctx,
          `scalars › other inputs write the canonical bytes › ${form.label}${registry.row}`,
          fc.property(values, ({ id, value }) => {
            const { type } = typeCase(id);
            const want = form.encode(type, canonical(type, value));
            const got = form.encode(type, value);
            if (got !== want) failWith('the input wrote other bytes than its canonical value', ['input', got], ['canonical', want]);
          }),
          RUNS,
        );
      },
      TEST_TIMEOUT,
    );
  }
});
