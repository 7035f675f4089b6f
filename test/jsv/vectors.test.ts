/**
 * Every oracle vector through JSV: the reference value written as JSV and read back gives the
 * reference, except where JSV itself cannot carry a value (listed in one test below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJsv, encodeJsv, formatJsv } from '../../src/formats/jsv/index.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { FIXTURES, jsvView, keyOrder, loadVectors, referenceValue } from './helpers.js';

const vectors = loadVectors();

/** A difference between the reference and what came back, by kind. */
type Loss = 'null dictionary value dropped' | 'null POCO element read as a default instance' | 'lone null String element read as []';

/** Walks the reference and the value read back, naming every difference (or 'other'). */
function losses(t: TypeDescriptor, ref: unknown, got: unknown, path: string, out: [string, Loss | 'other'][]): void {
  if (ref === null || ref === undefined || got === null || got === undefined) {
    if (ref !== got && !(ref == null && got == null)) out.push([path, 'other']);
    return;
  }
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      if (!Object.is(ref, got)) out.push([path, 'other']);
      return;
    case 'nullable':
      return losses(t.of, ref, got, path, out);
    case 'list': {
      const a = ref as unknown[];
      const b = got as unknown[];
      if (t.of.kind === 'scalar' && t.of.name === 'String' && a.length === 1 && a[0] === null && b.length === 0) {
        out.push([path, 'lone null String element read as []']);
        return;
      }
      if (a.length !== b.length) {
        out.push([path, 'other']);
        return;
      }
      a.forEach((x, i) => {
        if (x === null && t.of.kind === 'class' && !t.of.dictionary && b[i] !== null) out.push([`${path}[${i}]`, 'null POCO element read as a default instance']);
        else losses(t.of, x, b[i], `${path}[${i}]`, out);
      });
      return;
    }
    case 'dictionary':
    case 'class': {
      const a = ref as Record<string, unknown>;
      const b = got as Record<string, unknown>;
      if (t.kind === 'dictionary' || t.dictionary) {
        const vt = t.kind === 'dictionary' ? t.value : t.dictionary!.value;
        for (const k of Object.keys(a)) {
          if (a[k] === null && !Object.prototype.hasOwnProperty.call(b, k)) out.push([`${path}[${JSON.stringify(k)}]`, 'null dictionary value dropped']);
          else losses(vt, a[k], b[k], `${path}[${JSON.stringify(k)}]`, out);
        }
        for (const k of Object.keys(b)) if (!Object.prototype.hasOwnProperty.call(a, k)) out.push([`${path}[${JSON.stringify(k)}]`, 'other']);
        return;
      }
      for (const p of t.properties) losses(p.type, a[p.wireName], b[p.wireName], `${path}.${p.wireName}`, out);
      return;
    }
  }
}

describe('oracle vectors', () => {
  it('covers both folders', () => {
    expect(vectors.filter((v) => v.id.startsWith('vectors/')).length).toBe(62);
    expect(vectors.filter((v) => v.id.startsWith('vectors-legacy/')).length).toBe(14);
  });

  describe.each(vectors.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const reference = referenceValue(v.type, JSON.parse(v.json));
    const compact = encodeJsv(v.type, reference);
    const decoded = decodeJsv(v.type, compact);

    it('reads back what it wrote: the reference, minus what JSV cannot carry', () => {
      expect(decoded).toEqual(jsvView(v.type, reference));
      expect(keyOrder(decoded)).toEqual(keyOrder(jsvView(v.type, reference)));
    });

    it('writes compact JSV: no line breaks outside quotes, nothing around the root', () => {
      expect(compact.startsWith('{') && compact.endsWith('}')).toBe(true);
      expect(compact.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[\r\n]/);
    });

    it('gives the same bytes when what it read is written again (from the second trip on, for null POCO elements)', () => {
      const again = encodeJsv(v.type, decoded);
      // A `{}` written for a null POCO element reads back as a default instance, written in full.
      const out: [string, Loss | 'other'][] = [];
      losses(v.type, reference, decoded, '', out);
      if (!out.some(([, kind]) => kind === 'null POCO element read as a default instance')) expect(again).toBe(compact);
      expect(encodeJsv(v.type, decodeJsv(v.type, again))).toBe(again);
    });

    it('reads its pretty form to the same value', () => {
      expect(decodeJsv(v.type, formatJsv(compact))).toEqual(decoded);
      expect(decodeJsv(v.type, formatJsv(compact, '\r\n'))).toEqual(decoded);
    });
  });

  it('loses only what JSV cannot carry, and these are all the cases in the vectors', () => {
    const found: [string, string, string][] = [];
    for (const v of vectors) {
      const reference = referenceValue(v.type, JSON.parse(v.json));
      const out: [string, Loss | 'other'][] = [];
      losses(v.type, reference, decodeJsv(v.type, encodeJsv(v.type, reference)), '', out);
      for (const [path, kind] of out) found.push([v.id, path, kind]);
    }
    expect(found.filter(([, , kind]) => kind === 'other')).toEqual([]);
    const byKind = (k: Loss): string[] => found.filter(([, , kind]) => kind === k).map(([id, path]) => `${id} ${path}`);
    // JSV writes a null String element as an empty slot: alone in its list that is `[]`.
    expect(byKind('lone null String element read as []')).toEqual(['vectors/032-PatchCustomer .tagIds']);
    // A null POCO element is written `{}` and reads back as a default instance.
    expect(byKind('null POCO element read as a default instance')).toEqual([
      'vectors/016-PatchCustomer .schedule.rules[0]',
      'vectors/018-CustomerInfo .schedule.rules[0].byDay[2]',
      'vectors/036-PatchCustomer .schedule.rules[0].byDay[1]',
      'vectors/038-CustomerInfo .breadcrumb[1]',
      'vectors/042-CustomerInfo .breadcrumb[0]',
      'vectors/058-CustomerInfo .breadcrumb[1]',
    ]);
    // JSV writes no null dictionary values.
    const dropped = byKind('null dictionary value dropped');
    expect(dropped.length).toBeGreaterThan(20);
    expect(dropped).toContain('vectors/002-CustomerInfo .data["key79"].listValue[1]["&"]');
  });

  it('writes the vector 002 numbers in .NET format and -0 as -0', () => {
    const v = vectors.find((x) => x.id === 'vectors/002-CustomerInfo')!;
    const out = encodeJsv(v.type, referenceValue(v.type, JSON.parse(v.json)));
    expect(out).toContain('numberValue:1E+21');
    expect(out).toContain('tollFreeNumbers:{baseCost:1.5E-07,rawUnitMultiplier:NaN,unitCost:Infinity,allowance:0}');
    expect(out).toContain('baseCost:-Infinity');
    expect(out).toContain('rawUnitMultiplier:1E-05');
    expect(out).toContain('rawUnitMultiplier:1E+20');
    expect(out).toContain('numberValue:-0');
    expect(out).toContain('accountId:\t,parentCustomerId:"\n"');
    expect(out).toContain('{name:"say ""hi""",color:Red}');
    expect(out).toContain('dateLastModified:"",createdBy: ,lastModifiedBy:   }');
  });

  describe('XML → JSV → XML gives the oracle bytes where JSV carries the value', () => {
    const carried = vectors.filter((v) => {
      const ref = referenceValue(v.type, JSON.parse(v.json));
      return JSON.stringify(jsvView(v.type, ref)) === JSON.stringify(ref);
    });
    it('has most vectors to check', () => {
      expect(carried.length).toBeGreaterThan(40);
    });
    it.each(carried.map((v) => [v.id, v] as const))('%s', (_id, v) => {
      const xml = readFileSync(join(FIXTURES, 'oracle', v.id, 'dto.xml'), 'utf8');
      const viaJsv = decodeJsv(v.type, encodeJsv(v.type, xmlCodec.decode(v.type, xml)));
      expect(xmlCodec.encode(v.type, viaJsv)).toBe(xml);
    });
  });
});
