/**
 * decode(encode(x)) ≡ x for every DTO class (Evo Voice at both revisions, and the scalar zoo)
 * in every wire form, where ≡ is `expectedAfter` (src/arbitrary/equivalence.ts: the one list
 * of what each format may change). The decoded value must also be a complete instance of the
 * type.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ALL_FORMS } from './support/formats.js';
import { assertRoundTrip, valuesForForm } from './support/checks.js';
import { runs, TEST_TIMEOUT } from './support/profile.js';
import { checkProperty } from './support/record.js';
import { REGISTRIES } from './support/types.js';

const RUNS = runs(150);

for (const registry of REGISTRIES) {
  for (const form of ALL_FORMS) {
    describe(`round trip, ${form.label}, ${registry.label}`, () => {
      for (const { id, type } of registry.cases) {
        it(
          `${id}: decode(encode(x)) ≡ x`,
          (ctx) => {
            checkProperty(
              ctx,
              `round trip › ${form.label}${registry.row}`,
              fc.property(valuesForForm(form, type), (v) => {
                assertRoundTrip(form, type, v);
              }),
              RUNS,
            );
          },
          TEST_TIMEOUT,
        );
      }
    });
  }
}
