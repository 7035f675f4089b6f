/**
 * fixtures/oracle/xml-extra/dcs-reads: hand-written bodies and what DataContractSerializer
 * read from each (or the exception it threw). `lenient` must read exactly what DCS read; the
 * default and `strict` modes must agree with it or refuse where DCS silently dropped data;
 * re-encoding what DCS read must give DCS's own bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { FIXTURES, referenceValue, catchDtoError as decodeError } from './helpers.js';

const schema = evoVoice.at(2);
const base = join(FIXTURES, 'oracle', 'xml-extra', 'dcs-reads');
const cases = readdirSync(base).filter((d) => existsSync(join(base, d, 'input.xml'))).sort();

/** Where DCS dropped something silently: the default mode's verdict ('error', or the value it reads). */
const defaultMode: Record<string, 'error' | Record<string, unknown>> = {
  'order-reversed': { customerId: 'abc', isStaging: true },
  'order-duplicate': 'error',
  'order-base-after-derived': { id: 'x', accountId: 'a', name: 'n', isStaging: false, overrideBillingSettings: false, overrideAppSettings: false },
  'order-nested-class': {
    isStaging: false,
    overrideBillingSettings: false,
    overrideAppSettings: false,
    billingSettings: { base: { allowance: 1, baseCost: 2, rawUnitMultiplier: 0, unitCost: 3 } },
  },
  'dict-key-twice': 'error',
  'dict-value-twice': 'error',
};

/** Cases where DCS skipped an element: `strict` refuses them. */
const skipsSomething = new Set([
  'order-reversed',
  'order-duplicate',
  'order-base-after-derived',
  'order-nested-class',
  'order-unknown-between',
  'ns-wrong-namespace-member',
  'ns-prefix-rebound',
  'dict-unknown-before-value',
  'dict-unknown-after-value',
  'dict-unknown-before-key',
  'dict-key-twice',
  'dict-value-twice',
  'list-string-items',
]);

/** Lists the DTO constructor creates: DCS shows them as [] when omitted; the default model omits them. */
function dropEmptyCtorLists(t: TypeDescriptor, v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return t.kind === 'list' ? v.map((x) => dropEmptyCtorLists(t.of, x)) : v;
  const dict = t.kind === 'dictionary' ? t : t.kind === 'class' ? t.dictionary : undefined;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (dict) {
    for (const k of Object.keys(o)) {
      Object.defineProperty(out, k, { value: dropEmptyCtorLists(dict.value, o[k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (t.kind !== 'class') return v;
  for (const p of t.properties) {
    if (!(p.wireName in o)) continue;
    const x = o[p.wireName];
    if (p.initializedByConstructor && Array.isArray(x) && x.length === 0) continue;
    out[p.wireName] = dropEmptyCtorLists(p.type, x);
  }
  return out;
}

describe('what DCS reads from odd bodies (oracle dcs-reads)', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const dir of cases) {
    const name = dir.replace(/^\d+-/, '');
    const read = (f: string) => readFileSync(join(base, dir, f), 'utf8');
    const type = schema.requireClass(read('type.txt').trim());
    const input = read('input.xml');

    if (existsSync(join(base, dir, 'dcs.error.txt'))) {
      it(`${name}: DCS refuses it, so does every mode (${read('dcs.error.txt').slice(0, 60)}…)`, () => {
        for (const options of [{}, { lenient: true }, { strict: true }]) {
          const e = decodeError(() => xmlCodec.decode(type, input, options));
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
        }
      });
      continue;
    }

    const dcs = referenceValue(type, JSON.parse(read('dcs.json')));
    it(`${name}: lenient reads what DCS read`, () => {
      expect(xmlCodec.decode(type, input, { lenient: true })).toStrictEqual(dcs);
    });
    it(`${name}: encoding what DCS read gives DCS's bytes`, () => {
      expect(xmlCodec.encode(type, dcs)).toBe(read('dcs.xml'));
    });
    it(`${name}: default mode`, () => {
      const expected = defaultMode[name];
      if (expected === 'error') {
        expect(decodeError(() => xmlCodec.decode(type, input)).code).toBe('strict');
      } else {
        expect(dropEmptyCtorLists(type, xmlCodec.decode(type, input))).toStrictEqual(expected ?? dropEmptyCtorLists(type, dcs));
      }
    });
    it(`${name}: strict mode ${skipsSomething.has(name) ? 'refuses what DCS would drop' : 'agrees'}`, () => {
      if (skipsSomething.has(name)) {
        const e = decodeError(() => xmlCodec.decode(type, input, { strict: true }));
        expect(e.code).toBe('strict');
        expect(e.line).toBe(1);
      } else {
        expect(dropEmptyCtorLists(type, xmlCodec.decode(type, input, { strict: true }))).toStrictEqual(dropEmptyCtorLists(type, dcs));
      }
    });
  }
});
