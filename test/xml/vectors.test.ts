/**
 * Every oracle vector, both revisions: encode(reference) is dto.xml byte for byte and
 * dto.indented.xml with `pretty`; decoding either file gives the reference value back.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { loadVectors, referenceValue } from './helpers.js';

const sets = [
  { folder: 'vectors', revision: 2, count: 62 },
  { folder: 'vectors-legacy', revision: 1, count: 14 },
  // Generated for this codec with another seed (fixtures/oracle/xml-extra/README.md).
  { folder: 'xml-extra/seed2', revision: 2, count: 22 },
  { folder: 'xml-extra/seed2-legacy', revision: 1, count: 14 },
] as const;

for (const { folder, revision, count } of sets) {
  const schema = evoVoice.at(revision);
  const vectors = loadVectors(folder);

  describe(`oracle ${folder} (revision ${revision})`, () => {
    it('has the expected number of vectors', () => {
      expect(vectors.length).toBe(count);
    });

    for (const v of vectors) {
      const type = schema.requireClass(v.type);
      const ref = referenceValue(type, JSON.parse(v.json));

      it(`${v.dir}: encode = dto.xml`, () => {
        expect(xmlCodec.encode(type, ref)).toBe(v.xml);
      });
      it(`${v.dir}: encode pretty = dto.indented.xml`, () => {
        expect(xmlCodec.encode(type, ref, { pretty: true })).toBe(v.indented);
      });
      it(`${v.dir}: decode dto.xml = reference`, () => {
        expect(xmlCodec.decode(type, v.xml)).toStrictEqual(ref);
      });
      it(`${v.dir}: decode dto.indented.xml = reference`, () => {
        expect(xmlCodec.decode(type, v.indented)).toStrictEqual(ref);
      });
      it(`${v.dir}: names its own type`, () => {
        expect(xmlCodec.detectType!(schema, v.xml)).toBe(type);
      });
    }
  });
}
