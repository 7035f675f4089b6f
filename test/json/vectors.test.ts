/**
 * Every oracle vector: the reference value read from `dto.json`, written as ServiceStack JSON
 * (values equal to the reference, doubles in .NET text), and read back.
 */
import { describe, expect, it } from 'vitest';
import { jsonCodec } from '../../src/formats/json/index.js';
import { keyOrder, loadVectors, parseLoose, referenceValue, serviceStackView } from './helpers.js';

const vectors = loadVectors();

/** .NET double text: digits, optional fraction, upper-case E with a sign and 2+ digits. */
const DOTNET_NUMBER = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:E[+-]\d{2,3})?|NaN|-?Infinity)$/;

/** .NET switches to E notation at 1e17 and below 1e-4 (the §2.4 rule with P = 17). */
function wantsExponent(x: number): boolean {
  const a = Math.abs(x);
  return Number.isFinite(a) && a !== 0 && (a >= 1e17 || a < 1e-4);
}

describe('oracle vectors', () => {
  it('covers both folders', () => {
    expect(vectors.filter((v) => v.id.startsWith('vectors/')).length).toBe(62);
    expect(vectors.filter((v) => v.id.startsWith('vectors-legacy/')).length).toBe(14);
  });

  describe.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const reference = referenceValue(v.type, JSON.parse(v.json));
    const decoded = jsonCodec.decode(v.type, v.json);
    const encoded = jsonCodec.encode(v.type, decoded);

    it('decodes dto.json to the reference value, keeping null dictionary values', () => {
      expect(decoded).toEqual(reference);
    });

    it('writes ServiceStack JSON whose values and member order are the reference', () => {
      const written = parseLoose(encoded).value;
      const expected = serviceStackView(v.type, reference, 'written');
      expect(written).toEqual(expected);
      expect(keyOrder(written)).toEqual(keyOrder(expected));
    });

    it('writes every number in .NET format', () => {
      for (const n of parseLoose(encoded).numbers) {
        expect(n).toMatch(DOTNET_NUMBER);
        expect(n.includes('E')).toBe(wantsExponent(Number(n)));
      }
    });

    it('reads its own output back (null dictionary values gone, null POCO elements now default instances)', () => {
      expect(jsonCodec.decode(v.type, encoded)).toEqual(serviceStackView(v.type, reference, 'read'));
    });

    it('is stable from the second trip on', () => {
      const second = jsonCodec.encode(v.type, jsonCodec.decode(v.type, encoded));
      expect(jsonCodec.encode(v.type, jsonCodec.decode(v.type, second))).toBe(second);
      if (!/\[null|,null/.test(v.json)) expect(second).toBe(encoded);
    });
  });

  it('writes the reference 1e+21 as 1E+21 and the non-finite doubles bare', () => {
    const v = vectors.find((x) => x.id === 'vectors/002-CustomerInfo')!;
    expect(v.json).toContain('"numberValue":1e+21');
    const out = jsonCodec.encode(v.type, jsonCodec.decode(v.type, v.json));
    expect(out).toContain('"numberValue":1E+21');
    expect(out).toContain('"baseCost":1.5E-07,"rawUnitMultiplier":NaN,"unitCost":Infinity');
    expect(out).toContain('"baseCost":-Infinity');
    expect(out).toContain('"rawUnitMultiplier":1E-05');
    expect(out).toContain('"rawUnitMultiplier":1E+20');
    expect(out).toContain('"numberValue":-0');
    // ServiceStack omits a null dictionary value; the reference keeps it.
    expect(v.json).toContain('"&":null');
    expect(out).not.toContain('"&"');
  });

  it('writes a null POCO list element as {} and a null Struct element as null', () => {
    const withNullRule = vectors.find((x) => x.json.includes('"rules":[null'));
    expect(withNullRule).toBeDefined();
    const out = jsonCodec.encode(withNullRule!.type, jsonCodec.decode(withNullRule!.type, withNullRule!.json));
    expect(out).toContain('"rules":[{},{');
    expect(out).toContain('"listValue":[null');
    // Read back, the {} is a SchedulingRule with its .NET defaults.
    const again = jsonCodec.encode(withNullRule!.type, jsonCodec.decode(withNullRule!.type, out));
    expect(again).toContain(
      '"rules":[{"priority":0,"simpleRuleType":"Always","isAllDay":false,"interval":0,"count":0,"frequency":"None"},{',
    );
  });
});
