/**
 * The registry the codec suites use in their `metadata-registry` run (test/support/evo-voice.ts)
 * is the hand-declared Evo Voice registry at both revisions, as far as a metadata document can
 * tell (constructor-initialised lists aside: no metadata carries them).
 */
import { describe, expect, test } from 'vitest';
import { evoVoice as declared } from '../../src/dtos/index.js';
import { evoVoiceFromMetadataFixture } from '../support/evo-voice.js';
import { registryDifferences } from '../support/registry-differences.js';

describe('Evo Voice from /types/metadata, at both revisions', () => {
  test('is the hand-declared registry at each revision', () => {
    const evoVoice = evoVoiceFromMetadataFixture();
    expect(evoVoice).not.toBe(declared);
    expect(evoVoice.revisions).toEqual([1, 2]);
    for (const r of [1, 2]) {
      expect(registryDifferences(evoVoice.at(r), declared.at(r), { ignore: ['initializedByConstructor'] })).toEqual([]);
    }
    expect(evoVoice.at(1).requireClass('BillingSettings').properties.length).toBe(9);
    expect(evoVoice.at(2).requireClass('BillingSettings').properties.length).toBe(11);
  });
});
