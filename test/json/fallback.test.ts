/**
 * Where code generation is disabled (CSP, --disallow-code-generation-from-strings) the codec
 * compiles closures instead of generated per-class functions; the output must not change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evoVoiceDeclaration } from '../../src/dtos/index.js';
import { evoVoice } from '../support/evo-voice.js';
import { jsonCodec } from '../../src/formats/json/index.js';
import { createRegistry } from '../../src/schema/registry.js';
import { loadVectors } from './helpers.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('without code generation', () => {
  it('encodes and decodes every vector exactly as the generated path does', () => {
    let refused = 0;
    vi.stubGlobal('Function', function refuse(): never {
      refused++;
      throw new EvalError('code generation from strings disallowed');
    });
    // A fresh registry: new descriptor objects, so nothing comes from the compiled caches.
    const fresh = createRegistry(evoVoiceDeclaration);
    for (const v of loadVectors()) {
      const type = fresh.at(v.type.revision).requireClass(v.type.name);
      const viaFallback = jsonCodec.decode(type, v.json);
      const textViaFallback = jsonCodec.encode(type, viaFallback);
      vi.unstubAllGlobals();
      const viaGenerated = jsonCodec.decode(v.type, v.json);
      expect(viaFallback).toEqual(viaGenerated);
      expect(textViaFallback).toBe(jsonCodec.encode(v.type, viaGenerated));
      vi.stubGlobal('Function', function refuse(): never {
        refused++;
        throw new EvalError('code generation from strings disallowed');
      });
    }
    expect(refused).toBeGreaterThan(0);
    expect(evoVoice.at(2).requireClass('CustomerInfo')).not.toBe(fresh.at(2).requireClass('CustomerInfo'));
  });
});
