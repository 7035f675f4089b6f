/**
 * What the readers tolerate: each format's pretty form reads as the compact one (JSV pretty
 * within `jsvPrettyCanCarry`), and the default XML reader takes the members of every class
 * element in any order (reversed, or shuffled, in compact and indented documents), whereas
 * DCS itself and `strict` mode insist on the contract order.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { assertSame, failWith, valuesFor, valuesForForm } from './support/checks.js';
import { FORMS } from './support/formats.js';
import { runs, TEST_TIMEOUT } from './support/profile.js';
import { checkProperty } from './support/record.js';
import { REGISTRIES, typeCase } from './support/types.js';
import { reverseMembers, shuffleMembers } from './support/xml-shuffle.js';

const RUNS = runs(300);

for (const registry of REGISTRIES) describe(`decode tolerance, ${registry.label}`, () => {
  for (const [compact, pretty] of [
    [FORMS.json, FORMS['json-pretty']],
    [FORMS.jsv, FORMS['jsv-pretty']],
    [FORMS.xml, FORMS['xml-pretty']],
  ] as const) {
    it(
      `${pretty.label} reads as ${compact.label}`,
      (ctx) => {
        const values = fc.oneof(...registry.cases.map(({ id, type }) => valuesForForm(pretty, type).map((value) => ({ id, value }))));
        checkProperty(
          ctx,
          `tolerance › ${pretty.label} = ${compact.label}${registry.row}`,
          fc.property(values, ({ id, value }) => {
            const { type } = typeCase(id);
            const c = compact.encode(type, value);
            const p = pretty.encode(type, value);
            assertSame(type, pretty.decode(type, p), compact.decode(type, c), `${pretty.label} vs ${compact.label}`, [compact.label, c], [pretty.label, p]);
          }),
          RUNS,
        );
      },
      TEST_TIMEOUT,
    );
  }

  for (const indented of [false, true]) {
    it(
      `XML ${indented ? 'indented' : 'compact'}: members of every class element in any order read the same (default mode)`,
      (ctx) => {
        const values = fc.oneof(...registry.cases.map(({ id, type }) => valuesFor('xml', type).map((value) => ({ id, value }))));
        checkProperty(
          ctx,
          `tolerance › XML ${indented ? 'indented' : 'compact'}, members reordered${registry.row}`,
          fc.property(values, fc.integer(), ({ id, value }, seed) => {
            const { type } = typeCase(id);
            const xml = xmlCodec.encode(type, value, { pretty: indented });
            const expected = xmlCodec.decode(type, xml);
            for (const [how, moved] of [
              ['reversed', reverseMembers(xml, type)],
              ['shuffled', shuffleMembers(xml, type, seed)],
            ] as const) {
              let read: unknown;
              try {
                read = xmlCodec.decode(type, moved);
              } catch (e) {
                failWith(`members ${how}: ${e instanceof Error ? e.message : String(e)}`, ['original', xml], [how, moved]);
              }
              assertSame(type, read, expected, `members ${how}`, ['original', xml], [how, moved]);
            }
          }),
          RUNS,
        );
      },
      TEST_TIMEOUT,
    );
  }
});
