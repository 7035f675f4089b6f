/**
 * The codecs cannot tell the two Evo Voice registries apart: every oracle vector at the latest
 * revision (DataContractSerializer's own bytes, fixtures/oracle/vectors) decodes to the same
 * value through the hand-declared descriptor and the one loaded from /types/metadata, and
 * encodes to the same bytes in JSON, JSV and XML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../../src/dtos/index.js';
import { codecs } from '../../src/formats/index.js';
import { evoVoiceFromMetadata } from '../support/registries.js';
import { loadVectors } from '../support/vectors.js';

const vectors = loadVectors().filter((v) => v.revision === evoVoice.latest);

describe('oracle vectors through both Evo Voice registries', () => {
  it('has vectors', () => expect(vectors.length).toBeGreaterThan(40));

  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const declared = v.type;
    const loaded = evoVoiceFromMetadata.at().requireClass(declared.name);
    const xmlText = readFileSync(new URL(`../../fixtures/oracle/${v.id}/dto.xml`, import.meta.url), 'utf8');
    const xml = codecs.find((c) => c.name === 'xml')!;
    const a = xml.decode(declared, xmlText);
    const b = xml.decode(loaded, xmlText);
    expect(b).toEqual(a);
    for (const c of codecs) expect(c.encode(loaded, b)).toBe(c.encode(declared, a));
    expect(xml.encode(loaded, b)).toBe(xmlText);
  });
});
