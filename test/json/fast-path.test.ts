/**
 * The JSON scanner's fast paths (issue 10 §1) must read exactly what the general paths read:
 * - a plain decimal Double (`-?digits[.digits]`, up to 15 digits) is read in place as one
 *   division, which must give the double `+token` gives, bit for bit (`-0` included), while
 *   longer numbers, exponents and words still go through the token and its checks;
 * - a member name is matched against the expected wire name in place (a slice compared once),
 *   which must bind exactly the names the general lookup binds: no prefix, no longer name, no
 *   name that only shares the first character and the length.
 * Each property compares with an oracle written independently of the reader (`+text`,
 * `JSON.parse`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCodec } from '../../src/formats/json/index.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { evoVoice } from '../support/evo-voice.js';
import { catchDtoError } from './helpers.js';

const BillingItem = evoVoice.at(2).requireClass('BillingItem');
const decode = jsonCodec.decode.bind(jsonCodec);

const baseCost = (text: string): unknown => (decode(BillingItem, `{"baseCost":${text}}`) as { baseCost: unknown }).baseCost;

describe('plain decimals read in place', () => {
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

  it('give the double +token gives, for every length up to and past 15 digits', () => {
    fc.assert(
      fc.property(fc.boolean(), digits(1, 18), fc.option(digits(0, 18)), fc.constantFrom('', ' ', '\n'), (negative, int, frac, after) => {
        const text = `${negative ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`;
        expect(Object.is(baseCost(text + after), +text), text).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('give the double +token gives near the exactness limits (15 and 16 digits, 2^53, long fractions)', () => {
    const texts = [
      '999999999999999', '9999999999999999', '999999999999999.9', '0.999999999999999', '0.9999999999999999',
      '9007199254740993', '900719925474099.3', '0.1', '0.2', '0.3', '0.30000000000000004', '1.7976931348623157',
      '0.000000000000001', '0.0000000000000001', '123456789012345', '12345678901234.5', '1.00000000000000',
      '-0', '-0.0', '0', '0.', '1.', '-1.', '007', '-007.50', '4.35', '2.675', '1.005', '0.0125', '0.037500000000000006',
    ];
    for (const text of texts) expect(Object.is(baseCost(text), +text), text).toBe(true);
  });

  it('leave exponents, huge and non-finite texts and bad tokens to the token reader', () => {
    expect(baseCost('1E-05')).toBe(1e-5);
    expect(baseCost('1.5e+300')).toBe(1.5e300);
    expect(baseCost('NaN')).toBeNaN();
    expect(baseCost('-Infinity')).toBe(-Infinity);
    expect(catchDtoError(() => baseCost('1e999')).code).toBe('range');
    expect(decode(BillingItem, '{"baseCost":1e999}', { lenient: true })).toEqual({ baseCost: Infinity, rawUnitMultiplier: 0, unitCost: 0, allowance: 0 });
    for (const bad of ['1x', '1.2.3', '-', '1-', '--1', '1.5x', '12345678901234567x']) {
      const e = catchDtoError(() => baseCost(bad));
      expect(e.code, bad).toBe('syntax');
      expect(e.column, bad).toBe(13);
    }
    // The position after a plain decimal is right: what follows is still checked.
    expect(catchDtoError(() => decode(BillingItem, '{"baseCost":1.5 2}')).column).toBe(17);
    expect(decode(BillingItem, '{"baseCost":1.5\t,"unitCost":-2}')).toMatchObject({ baseCost: 1.5, unitCost: -2 });
  });
});

describe('member names matched in place', () => {
  const r = createRegistry({
    name: 'names',
    revisions: [{ id: 1, description: '' }],
    types: [
      classType('N', 'Names', {}, {
        Id: prop(t.String),
        Idx: prop(t.String),
        IdY: prop(t.String),
        Ab: prop(t.Int32),
        Ac: prop(t.Int32),
        LongMemberNameOne: prop(t.Int32),
        LongMemberNameTwo: prop(t.Int32),
      }),
    ],
  });
  const Names = r.at().requireClass('Names');
  const wires = ['id', 'idx', 'idY', 'ab', 'ac', 'longMemberNameOne', 'longMemberNameTwo'];
  const near = ['i', 'idz', 'Id', 'ID', 'IDX', 'a', 'abc', 'aB', 'longMemberNameOn', 'longMemberNameOneX', 'longMemberNameThree', 'longmembernametwo', '\\u0069d', 'i\\u0064x', ''];

  /** What the names mean, by an oracle: JSON.parse for the names, ASCII case folding for the binding. */
  function expected(members: [string, number][]): Record<string, unknown> {
    const out: Record<string, unknown> = { ab: 0, ac: 0, longMemberNameOne: 0, longMemberNameTwo: 0 };
    for (const [raw, value] of members) {
      const name = JSON.parse(`"${raw}"`) as string;
      const exact = wires.find((w) => w === name) ?? wires.find((w) => w.toLowerCase() === name.toLowerCase());
      if (exact === undefined) continue;
      out[exact] = ['id', 'idx', 'idY'].includes(exact) ? String(value) : value;
    }
    return out;
  }

  it('bind exactly the names the general lookup binds, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...wires, ...near), fc.integer({ min: 0, max: 99 })), { maxLength: 8 }), (members) => {
        // One occurrence per member, so the last-one-wins rule does not enter.
        const seen = new Set<string>();
        const unique = members.filter(([raw]) => {
          const name = (JSON.parse(`"${raw}"`) as string).toLowerCase();
          if (seen.has(name)) return false;
          seen.add(name);
          return true;
        });
        const text = `{${unique.map(([raw, v]) => (['id', 'idx', 'idy'].includes((JSON.parse(`"${raw}"`) as string).toLowerCase()) ? `"${raw}":"${v}"` : `"${raw}":${v}`)).join(',')}}`;
        expect(decode(Names, text), text).toEqual(expected(unique));
      }),
      { numRuns: 3000 },
    );
  });

  it('a name cut short by the end of the text is a syntax error at its quote', () => {
    for (const text of ['{"id', '{"id"', '{"longMemberName', '{"', '{"id":"a","ab']) {
      const e = catchDtoError(() => decode(Names, text));
      expect(e.code, text).toBe('syntax');
    }
    expect(catchDtoError(() => decode(Names, '{"id":"a","ab')).column).toBe(11);
  });
});
