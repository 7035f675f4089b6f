/**
 * Cross-format chains (over the Evo Voice registry and the scalar zoo, a row each): a value
 * carried through several formats in turn ends as the
 * composition of each format's equivalence (`expectedAfterAll`), and once it is at the fixed
 * point of every format (`expectedAfterAll` over all three), a second lap writes identical
 * bytes in every format and every intermediate value is that same value.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectedAfterAll, firstDifference } from '../../src/arbitrary/index.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { assertSame, failWith, valuesFor } from './support/checks.js';
import { COMPACT, FORMATS, FORMS, type WireForm } from './support/formats.js';
import { chainLabel, lap } from './support/laps.js';
import { runs, TEST_TIMEOUT } from './support/profile.js';
import { checkProperty } from './support/record.js';
import { REGISTRIES, typeCase, type TypeCase } from './support/types.js';

const RUNS = runs(300);

const CHAINS: WireForm[][] = [
  [FORMS.json, FORMS.jsv, FORMS.xml, FORMS.json],
  // Every ordered pair, there and back.
  ...COMPACT.flatMap((a) => COMPACT.filter((b) => b !== a).map((b) => [a, b, a])),
  // The display forms chained: each reads the previous one's pretty output's value.
  [FORMS['json-pretty'], FORMS['jsv-pretty'], FORMS['xml-pretty'], FORMS['json-pretty']],
];

/**
 * The value at the fixed point of every format: `expectedAfterAll` over all three, repeated
 * until it no longer changes. Once is not always enough: ServiceStack's JSON DateTime takes
 * the milliseconds of the instant through a double (equivalence.ts, JSON DateTime), so a
 * millisecond-aligned instant far from 1970 can lose one more millisecond each time it is
 * written, until the double is exact enough; a few steps reach the fixed point.
 */
function fixedPoint(type: TypeDescriptor, value: unknown): unknown {
  let v = expectedAfterAll(FORMATS, type, value);
  for (let i = 0; i < 16; i++) {
    const next = expectedAfterAll(FORMATS, type, v);
    if (firstDifference(type, next, v) === undefined) return v;
    v = next;
  }
  throw new Error('expectedAfterAll reaches no fixed point in 16 steps');
}

/** A value of any type case, named by id so counterexamples print small. */
function anyTypeValue(cases: readonly TypeCase[], prettyJsv: boolean): fc.Arbitrary<{ id: string; value: unknown }> {
  return fc.oneof(...cases.map(({ id, type }) => valuesFor('all', type, prettyJsv).map((value) => ({ id, value }))));
}

for (const registry of REGISTRIES) describe(`cross-format chains, ${registry.label}`, () => {
  for (const forms of CHAINS) {
    const label = chainLabel(forms);
    const formats = forms.map((f) => f.format);
    it(
      `${label}: the value is the composed equivalence; a second lap writes the same bytes`,
      (ctx) => {
        const prettyJsv = forms.includes(FORMS['jsv-pretty']);
        checkProperty(
          ctx,
          `chain › ${label}${registry.row}`,
          fc.property(anyTypeValue(registry.cases, prettyJsv), ({ id, value }) => {
            const { type } = typeCase(id);
            const first = lap(forms, type, value);
            assertSame(type, first.last, expectedAfterAll(formats, type, value), `${label} from the generated value`, ...forms.map((f, i): [string, string] => [f.label, first.texts[i]!]));

            const fixed = fixedPoint(type, value);
            const one = lap(forms, type, fixed);
            one.values.forEach((v, i) => assertSame(type, v, fixed, `lap 1, after ${forms[i]!.label}`, [forms[i]!.label, one.texts[i]!]));
            const two = lap(forms, type, one.last);
            two.texts.forEach((t, i) => {
              if (t !== one.texts[i]) failWith(`lap 2 wrote other bytes in ${forms[i]!.label}`, ['lap 1', one.texts[i]!], ['lap 2', t]);
            });
          }),
          RUNS,
        );
      },
      TEST_TIMEOUT,
    );
  }
});
