/** Properties over generated input: escaping, doubles, and that only DtoFormatError escapes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { DtoFormatError } from '../../src/errors.js';
import { jsonCodec } from '../../src/formats/json/index.js';
import { loadVectors } from './helpers.js';

const schema = evoVoice.at(2);
const Breadcrumb = schema.requireClass('CustomerBreadcrumb');
const BillingItem = schema.requireClass('BillingItem');
const Struct = schema.requireClass('Struct');

describe('properties', () => {
  it('any string (lone surrogates included) round-trips and JSON.parse reads it the same', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('\\u0041', 'a\\\u0001', '\\\\u')), (s) => {
        const text = jsonCodec.encode(Breadcrumb, { name: s });
        expect(jsonCodec.decode(Breadcrumb, text)).toEqual({ name: s });
        expect(JSON.parse(text)).toEqual({ name: s });
        // Nothing outside the escape set is escaped.
        expect(text.replace(/\\\\/g, '').includes('\\u')).toBe(/[\u0000-\u0007\u000b\u000e-\u001f\u007f-\u009f]/.test(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('any double round-trips bit for bit, and strict mode is JSON.parse-compatible', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const bare = jsonCodec.encode(BillingItem, { baseCost: x });
        expect(Object.is((jsonCodec.decode(BillingItem, bare) as { baseCost: number }).baseCost, x)).toBe(true);
        const strict = jsonCodec.encode(BillingItem, { baseCost: x }, { nonFinite: 'string' });
        const parsed = (JSON.parse(strict) as { baseCost: number | string }).baseCost;
        if (Number.isFinite(x)) expect(Object.is(parsed, x)).toBe(true);
        else expect(parsed).toBe(String(x));
      }),
      { numRuns: 2000 },
    );
  });

  it('any dictionary key round-trips as an own key', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.constant({ boolValue: true })), (d) => {
        const decoded = jsonCodec.decode(Struct, jsonCodec.encode(Struct, d)) as Record<string, unknown>;
        expect(Object.keys(decoded).sort()).toEqual(Object.keys(d).sort());
        expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it('a mangled document is read or refused with a DtoFormatError, nothing else', () => {
    const vectors = loadVectors();
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '\\', 'null', '1e999', '-', 'NaN', '\\u12', ' ', '\n'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: vectors.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (which, edits, lenient) => {
          const v = vectors[which]!;
          let text = v.json;
          for (const [at, cut, piece] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + piece + text.slice(i + cut);
          }
          try {
            jsonCodec.decode(v.type, text, { lenient });
          } catch (e) {
            if (!(e instanceof DtoFormatError)) throw e;
            expect(e.code).not.toBe('usage');
            if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
