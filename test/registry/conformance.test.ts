import { describe, expect, it } from 'vitest';
import { evoVoice, evoVoiceDeclaration } from '../../src/dtos/index.js';
import type { ClassDeclaration, SchemaDeclaration } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { compareListing, page, parseCSharp, parseFSharp, parseJavaScript, parsePython, type Listing } from './listings.js';

const listings: [Listing, number][] = [
  [parseCSharp(page('004'), '004'), 1],
  [parseFSharp(page('000'), '000'), 1],
  [parseFSharp(page('002'), '002'), 1],
  [parsePython(page('001'), '001'), 1],
  [parseJavaScript(page('003'), '003'), 2],
];

describe('registry conformance with the seed DTO listings', () => {
  it.each(listings)('the $language listing of seed $seed matches the registry', (listing, revision) => {
    // The parsers must have found something substantial, or the comparison proves nothing.
    expect(listing.types.length).toBeGreaterThanOrEqual(17);
    expect(listing.types.reduce((n, t) => n + t.properties.length, 0)).toBeGreaterThan(80);
    expect(compareListing(listing, evoVoice.at(revision))).toEqual([]);
  });

  it('every registered type appears in some listing', () => {
    const listed = new Set(listings.flatMap(([l]) => l.types.map((t) => t.name)));
    const missing = evoVoice.types.map((t) => t.name).filter((n) => !listed.has(n) && n !== 'DayOfWeek');
    expect(missing).toEqual([]);
  });

  it('revision 1 listings disagree with revision 2 (the three newer members)', () => {
    const problems = compareListing(listings[0]![0], evoVoice.at(2));
    expect(problems.join('\n')).toMatch(/BillingSettings\.AIInsights is in the registry but not in the listing/);
    expect(problems.join('\n')).toMatch(/AppSettings\.EnableAssistants is in the registry but not in the listing/);
  });

  const mutate = (fn: (c: ClassDeclaration) => ClassDeclaration): SchemaDeclaration => ({
    ...evoVoiceDeclaration,
    types: evoVoiceDeclaration.types.map((t) => (t.kind === 'class' ? fn(t) : t)),
  });

  it('fails when a property is removed from the registry', () => {
    const broken = createRegistry(
      mutate((c) => {
        if (c.name !== 'SchedulingRule') return c;
        const { ByHour: _dropped, ...rest } = c.properties;
        return { ...c, properties: rest };
      }),
    );
    for (const [listing, revision] of listings) {
      expect(compareListing(listing, broken.at(revision)).join('\n')).toMatch(/SchedulingRule\.(ByHour|byHour) is missing from the registry/);
    }
  });

  it('fails when a property has the wrong type', () => {
    const broken = createRegistry(
      mutate((c) =>
        c.name !== 'PatchCustomer'
          ? c
          : { ...c, properties: { ...c.properties, OverrideBillingSettings: { type: { kind: 'scalar', name: 'Boolean' } } } },
      ),
    );
    const fsharp002 = listings[2]![0];
    expect(compareListing(fsharp002, broken.at(1)).join('\n')).toMatch(/PatchCustomer\.OverrideBillingSettings is Boolean\? in the listing/);
  });
});
