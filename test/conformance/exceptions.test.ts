/**
 * Every exception in the equivalence (src/arbitrary/equivalence.ts, src/arbitrary/pretty.ts)
 * is a real behaviour of the codec, shown on one small value each: the list holds nothing
 * that could hide a bug without being exercised, and nothing outside the list changes in a
 * round trip (the properties check that part).
 */
import { describe, it } from 'vitest';
import { canonical, defaultInstance, expectedAfter, firstDifference, JSV_UNCARRIABLE_CHARS, jsvPrettyCanCarry } from '../../src/arbitrary/index.js';
import { evoVoice } from '../../src/dtos/index.js';
import { DtoFormatError } from '../../src/errors.js';
import type { ClassDescriptor } from '../../src/schema/descriptors.js';
import { zoo } from '../support/zoo.js';
import { failWith } from './support/checks.js';
import { FORMS, type FormId } from './support/formats.js';
import { checkTable } from './support/record.js';

const schema = evoVoice.at(2);
const C = (n: string): ClassDescriptor => schema.requireClass(n);
const NZ = zoo.at(1).requireClass('NullableZoo');

interface Exception {
  readonly rule: string;
  readonly form: FormId;
  readonly type: ClassDescriptor;
  readonly value: unknown;
  /** What the form reads back: differs from the canonical value, and equals `expectedAfter`. */
  readonly back: unknown;
}

const rules: Exception[] = [
  { rule: 'JSON drops a null dictionary value', form: 'json', type: C('Struct'), value: { a: null, b: {} }, back: { b: {} } },
  {
    rule: 'JSON reads a null class element as a default instance',
    form: 'json',
    type: C('Schedule'),
    value: { rules: [null] },
    back: { inherit: false, forceClosed: false, rules: [defaultInstance(C('SchedulingRule'))] },
  },
  { rule: 'JSV drops a null dictionary value', form: 'jsv', type: C('EntityIntegrationData'), value: { a: null }, back: {} },
  {
    rule: 'JSV reads a null class element as a default instance',
    form: 'jsv',
    type: C('CustomerInfo'),
    value: { breadcrumb: [{ id: 'a' }, null] },
    back: { breadcrumb: [{ id: 'a' }, {}], isStaging: false, overrideBillingSettings: false, overrideAppSettings: false },
  },
  { rule: 'JSV writes a lone null string element as an empty list', form: 'jsv', type: C('PatchCustomer'), value: { tagIds: [null] }, back: { tagIds: [] } },
  { rule: 'JSV writes a lone blank string element as a blank list', form: 'jsv', type: C('PatchCustomer'), value: { tagIds: [' \t'] }, back: { tagIds: [] } },
  { rule: 'JSV trims a list body with .NET white space (NBSP, U+2028)', form: 'jsv', type: C('PatchCustomer'), value: { tagIds: ['\u00a0\u2028'] }, back: { tagIds: [] } },
  {
    rule: 'JSV writes a lone CR Char element raw: a blank list',
    form: 'jsv',
    type: zoo.at(1).requireClass('ListZoo'),
    value: { charList: ['\r'] },
    back: { charList: [] },
  },
  { rule: 'JSV pretty mistakes ":\\n\\t{" in a string for layout', form: 'jsv-pretty', type: C('PatchCustomer'), value: { name: ':\n\t{' }, back: undefined },
  { rule: 'XML writes CR LF and CR as LF (values)', form: 'xml', type: C('Tag'), value: { name: 'a\r\nb\rc' }, back: { name: 'a\nb\nc', color: 'Magenta' } },
  { rule: 'XML writes CR LF and CR as LF (keys)', form: 'xml-pretty', type: C('Struct'), value: { 'k\r': {} }, back: { 'k\n': {} } },
  // The scalar changes (equivalence.ts SCALAR_CHANGES), on the zoo's NullableZoo (nulls are omitted, so each document is one member).
  {
    rule: 'JSON DateTime keeps whole milliseconds (\\/Date(ms)\\/)',
    form: 'json',
    type: NZ,
    value: { nullableDateTime: { ticks: 638396640001234567n, kind: 'Utc' } },
    back: { nullableDateTime: { ticks: 638396640001230000n, kind: 'Utc' } },
  },
  {
    rule: 'JSON DateTime milliseconds are truncated toward zero (before 1970: toward the epoch)',
    form: 'json',
    type: NZ,
    value: { nullableDateTime: { ticks: 621355967999999999n, kind: 'Local', offsetMinutes: 0 } },
    back: { nullableDateTime: { ticks: 621355968000000000n, kind: 'Local', offsetMinutes: 0 } },
  },
  {
    rule: 'JSON DateTimeOffset keeps whole milliseconds of the instant',
    form: 'json',
    type: NZ,
    value: { nullableDateTimeOffset: { ticks: 638396640001234567n, offsetMinutes: 330 } },
    back: { nullableDateTimeOffset: { ticks: 638396640001230000n, offsetMinutes: 330 } },
  },
  {
    rule: 'JSV DateTime at midnight is written as its date: the Kind is lost',
    form: 'jsv',
    type: NZ,
    value: { nullableDateTime: { ticks: 638396640000000000n, kind: 'Utc' } },
    back: { nullableDateTime: { ticks: 638396640000000000n, kind: 'Unspecified' } },
  },
  {
    rule: 'JSV DateTime Unspecified is written with the host offset: Local +00:00',
    form: 'jsv',
    type: NZ,
    value: { nullableDateTime: { ticks: 638396640001234567n, kind: 'Unspecified' } },
    back: { nullableDateTime: { ticks: 638396640001234567n, kind: 'Local', offsetMinutes: 0 } },
  },
  {
    rule: 'JSON TimeSpan is computed in doubles: 2^53 + 1 ticks come back as 2^53',
    form: 'json',
    type: NZ,
    value: { nullableTimeSpan: { ticks: 9007199254740993n } },
    back: { nullableTimeSpan: { ticks: 9007199254740992n } },
  },
  {
    rule: 'JSV reads an empty Byte[] (an empty token) as null: a list element',
    form: 'jsv',
    type: zoo.at(1).requireClass('ListZoo'),
    value: { bytesList: [Uint8Array.of(1), new Uint8Array(0)] },
    back: { bytesList: [Uint8Array.of(1), null] },
  },
  {
    rule: 'JSV reads an empty Byte[] (an empty token) as null: a dictionary value',
    form: 'jsv',
    type: zoo.at(1).requireClass('DictionaryZoo'),
    value: { bytesValues: { a: new Uint8Array(0) } },
    back: { bytesValues: { a: null } },
  },
  {
    rule: 'JSV TimeSpan near MaxValue is written as MaxValue\'s text and read back as MaxValue',
    form: 'jsv',
    type: NZ,
    value: { nullableTimeSpan: { ticks: 9223372036854775806n } },
    back: { nullableTimeSpan: { ticks: 9223372036854775807n } },
  },
];

/** Values the XML writer must refuse: outside what XML 1.0 carries (not an equivalence). */
const unwritable = ['\u0000', '\u0001', '\u001f', '\ufffe', '\uffff', '\ud800', 'a\udc00b'];

describe('the equivalence exceptions are real', () => {
  it('XML keys that differ only in line breaks arrive as one key twice, which the reader refuses', (ctx) => {
    const dict: Record<string, unknown> = { '\n': {}, '\r\n': {}, '\r': null };
    checkTable(ctx, 'equivalence › XML cannot carry keys differing only in CR', [FORMS.xml, FORMS['xml-pretty']], (f) => f.label, (form) => {
      const text = form.encode(C('Struct'), dict);
      try {
        form.decode(C('Struct'), text);
      } catch (e) {
        if (e instanceof DtoFormatError && /duplicate/.test(e.message)) return;
        throw e;
      }
      failWith('read back without complaint', [form.label, text]);
    });
  });

  it('each listed loss happens, and expectedAfter predicts it', (ctx) => {
    checkTable(ctx, 'equivalence › every listed exception is real', rules, (r) => r.rule, (r) => {
      const form = FORMS[r.form];
      const text = form.encode(r.type, r.value);
      const back = form.decode(r.type, text);
      if (r.form === 'jsv-pretty') {
        // Outside the pretty property's domain: it differs, and jsvPrettyCanCarry says so.
        if (jsvPrettyCanCarry(r.type, r.value)) failWith('jsvPrettyCanCarry admits it');
        if (firstDifference(r.type, back, expectedAfter('jsv', r.type, r.value)) === undefined) failWith('the pretty form carried it after all', ['pretty', text]);
        return;
      }
      if (firstDifference(r.type, back, canonical(r.type, r.value)) === undefined) failWith('no loss: it came back unchanged', [form.label, text]);
      const d = firstDifference(r.type, back, r.back);
      if (d !== undefined) failWith(`reads back otherwise: ${d}`, [form.label, text]);
      const e = firstDifference(r.type, back, expectedAfter(form.format, r.type, r.value));
      if (e !== undefined) failWith(`expectedAfter does not predict it: ${e}`, [form.label, text]);
    });
  });

  it('JSV cannot carry what the arbitrary leaves out for it: six Chars, DateTime keys with a time of day', (ctx) => {
    // If one of these starts to travel, the arbitrary (src/arbitrary/scalars.ts) should make it for JSV again.
    const cases: { what: string; type: ClassDescriptor; value: unknown; read: (v: Record<string, unknown>) => unknown; want: unknown }[] = [
      // As a list element (`]` alone would travel as a member, but not in a list).
      ...JSV_UNCARRIABLE_CHARS.map((c) => ({
        what: `Char ${JSON.stringify(c)}`,
        type: zoo.at(1).requireClass('ListZoo'),
        value: { charList: [c, 'a'] },
        read: (v: Record<string, unknown>) => (v.charList as unknown[] | undefined)?.[0],
        want: c,
      })),
      {
        what: 'DateTime key 2024-01-01T00:00:00.0010000Z',
        type: zoo.at(1).requireClass('DictionaryZoo'),
        value: { dateTimeKeys: { '2024-01-01T00:00:00.0010000Z': 'x' } },
        read: (v) => Object.keys((v.dateTimeKeys ?? {}) as object)[0],
        want: '2024-01-01T00:00:00.0010000Z',
      },
    ];
    checkTable(ctx, 'equivalence › JSV cannot carry what its arbitrary leaves out', cases, (c) => c.what, (c) => {
      for (const form of [FORMS.jsv, FORMS['jsv-pretty']]) {
        const text = form.encode(c.type, c.value);
        let back: unknown;
        try {
          back = c.read(form.decode(c.type, text) as Record<string, unknown>);
        } catch (e) {
          if (e instanceof DtoFormatError) continue;
          throw e;
        }
        if (back === c.want) failWith(`${form.label} carried it: widen the JSV arbitrary`, [form.label, text]);
      }
    });
  });

  it('XML refuses what XML 1.0 cannot carry, with a DtoFormatError', (ctx) => {
    checkTable(ctx, 'equivalence › XML refuses uncarriable text', unwritable, (s) => JSON.stringify(s), (s) => {
      try {
        FORMS.xml.encode(C('Tag'), { name: s });
      } catch (e) {
        if (e instanceof DtoFormatError) return;
        throw e;
      }
      throw new Error('written');
    });
  });
});
