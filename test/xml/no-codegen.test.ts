/**
 * Where code generation from strings is disallowed, the writer and reader fall back to plain
 * loops; the bytes and values must not change. Fresh descriptors (a second registry) make
 * sure nothing compiled with code generation is reused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRegistry } from '../../src/schema/registry.js';
import { evoVoiceDeclaration } from '../../src/dtos/index.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { setCodeGeneration } from '../../src/formats/xml/encode.js';
import { setReaderCodeGeneration } from '../../src/formats/xml/decode.js';
import { loadVectors, referenceValue } from './helpers.js';

beforeAll(() => {
  setCodeGeneration(false);
  setReaderCodeGeneration(false);
});
afterAll(() => {
  setCodeGeneration(true);
  setReaderCodeGeneration(true);
});

it('every revision-2 vector encodes and decodes the same without generated code', () => {
  const schema = createRegistry(evoVoiceDeclaration).at(2);
  for (const v of loadVectors('vectors')) {
    const type = schema.requireClass(v.type);
    const ref = referenceValue(type, JSON.parse(v.json));
    expect(xmlCodec.encode(type, ref)).toBe(v.xml);
    expect(xmlCodec.encode(type, ref, { pretty: true })).toBe(v.indented);
    expect(xmlCodec.decode(type, v.xml)).toStrictEqual(ref);
  }
});

it('errors still carry their member path without generated code', () => {
  const type = createRegistry(evoVoiceDeclaration).at(2).requireClass('CustomerInfo');
  expect(() => xmlCodec.encode(type, { tags: [{ color: 'red' }] })).toThrow(/CustomerInfo\.tags\[0\]\.color/);
});
