/**
 * Determinism of every writer (Evo Voice and scalar zoo): the same value gives the same bytes twice, a copy whose
 * class instances list their members in another order gives the same bytes (members are
 * written in the type's order, not the object's), and encoding leaves its input untouched.
 * Dictionary entries keep their order in every format, so only class members are shuffled.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { firstDifference } from '../../src/arbitrary/index.js';
import { failWith, valuesForForm } from './support/checks.js';
import { ALL_FORMS } from './support/formats.js';
import { runs, TEST_TIMEOUT } from './support/profile.js';
import { checkProperty } from './support/record.js';
import { REGISTRIES, typeCase } from './support/types.js';
import { deepCopy, shuffledMembers } from './support/values.js';

const RUNS = runs(300);

for (const registry of REGISTRIES) describe(`determinism, ${registry.label}`, () => {
  for (const form of ALL_FORMS) {
    it(
      `${form.label}: same bytes twice, whatever the member order of the input; input untouched`,
      (ctx) => {
        const values = fc.oneof(...registry.cases.map(({ id, type }) => valuesForForm(form, type).map((value) => ({ id, value }))));
        checkProperty(
          ctx,
          `determinism › ${form.label}${registry.row}`,
          fc.property(values, fc.integer(), ({ id, value }, seed) => {
            const { type } = typeCase(id);
            const before = deepCopy(type, value);
            const a = form.encode(type, value);
            const b = form.encode(type, value);
            if (a !== b) failWith('two encodings of one value differ', ['first', a], ['second', b]);
            const untouched = firstDifference(type, value, before);
            if (untouched !== undefined) failWith(`encoding changed its input at ${untouched}`, ['document', a]);
            const c = form.encode(type, shuffledMembers(type, value, seed));
            if (c !== a) failWith('member order of the input changed the output', ['in declared order', a], ['shuffled', c]);
          }),
          RUNS,
        );
      },
      TEST_TIMEOUT,
    );
  }
});
