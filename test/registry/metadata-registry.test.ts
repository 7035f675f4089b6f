/**
 * The registry the codec suites use in their `metadata-registry` run (test/support/evo-voice.ts)
 * is the hand-declared Evo Voice registry at both revisions, as far as a metadata document can
 * tell, with the constructor-initialised lists (which no metadata carries) given as
 * `fromMetadata`'s `initializedCollections` option.
 */
import { describe, expect, test } from 'vitest';
import { evoVoice as declared } from '../../src/dtos/index.js';
import { readFileSync } from 'node:fs';
import { fromMetadata } from '../../src/schema/metadata.js';
import { catchDtoError } from '../support/errors.js';
import { evoVoiceFromMetadataFixture } from '../support/evo-voice.js';
import { registryDifferences } from '../support/registry-differences.js';

describe('Evo Voice from /types/metadata, at both revisions', () => {
  test('is the hand-declared registry at each revision', () => {
    const evoVoice = evoVoiceFromMetadataFixture();
    expect(evoVoice).not.toBe(declared);
    expect(evoVoice.revisions).toEqual([1, 2]);
    for (const r of [1, 2]) {
      expect(registryDifferences(evoVoice.at(r), declared.at(r))).toEqual([]);
    }
    expect(evoVoice.at(1).requireClass('BillingSettings').properties.length).toBe(9);
    expect(evoVoice.at(2).requireClass('BillingSettings').properties.length).toBe(11);
  });

  test('initializedCollections must name members of the document', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../fixtures/metadata/evo-voice.metadata.json', import.meta.url), 'utf8'));
    const e = catchDtoError(() => fromMetadata(doc, { initializedCollections: ['Voice.Api.Scheduling.Schedule.Rulez'] }));
    expect(e.code).toBe('schema');
    expect(e.message).toContain('Voice.Api.Scheduling.Schedule.Rulez');
    const ok = fromMetadata(doc, { initializedCollections: ['Voice.Api.Scheduling.Schedule.Rules'] });
    expect(ok.at().requireClass('Schedule').properties.find((p) => p.name === 'Rules')!.initializedByConstructor).toBe(true);
    expect(ok.at().requireClass('SchedulingRule').properties.find((p) => p.name === 'ByDay')!.initializedByConstructor).toBe(false);
  });
});
