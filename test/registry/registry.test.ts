import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../../src/dtos/index.js';
import { DtoFormatError } from '../../src/errors.js';
import { defaultValue, enumFirstByValue } from '../../src/schema/defaults.js';
import { typeLabel } from '../../src/schema/descriptors.js';
import { toCamelCase } from '../../src/schema/naming.js';
import { renderTypeScript } from '../../src/schema/typescript.js';

describe('toCamelCase (ServiceStack.Text rule)', () => {
  it.each([
    ['Id', 'id'], ['ID', 'id'], ['URL', 'url'], ['URLValue', 'urlValue'], ['IDs', 'iDs'], ['ABTest', 'abTest'],
    ['SMS', 'sms'], ['ThirdPartyId', 'thirdPartyId'], ['_Foo', '_Foo'], ['AIInsights', 'aiInsights'],
    ['AILiveMinutes', 'aiLiveMinutes'], ['', ''], ['a', 'a'], ['A1', 'a1'],
  ])('%s → %s', (input, expected) => expect(toCamelCase(input)).toBe(expected));
});

describe('the Evo Voice registry', () => {
  it('declares all 21 types at every revision', () => {
    for (const r of evoVoice.revisions) expect(evoVoice.at(r).types).toHaveLength(21);
    expect(evoVoice.revisions).toEqual([1, 2]);
    expect(evoVoice.latest).toBe(2);
  });

  it('revision 2 adds exactly BillingSettings.AIInsights/AILiveMinutes and AppSettings.EnableAssistants', () => {
    const members = (r: number) =>
      evoVoice.at(r).classes().flatMap((c) => c.ownProperties.map((p) => `${c.name}.${p.name}`));
    const added = members(2).filter((m) => !members(1).includes(m));
    expect(added.sort()).toEqual(['AppSettings.EnableAssistants', 'BillingSettings.AIInsights', 'BillingSettings.AILiveMinutes']);
  });

  it('looks types up by name, .NET full name, and a codec-defined key', () => {
    const s = evoVoice.at();
    expect(s.get('CustomerInfo')?.fullName).toBe('Voice.Api.Customers.CustomerInfo');
    expect(s.byFullName('System.DayOfWeek')?.name).toBe('DayOfWeek');
    expect(s.get('Voice.Api.Flows.Data.Struct')?.name).toBe('Struct');
    const key = (t: { namespace: string; name: string }) => `${t.namespace}|${t.name}`;
    const byNs = s.indexBy(key);
    expect(byNs.get('Voice.Api.Settings|Tag')?.name).toBe('Tag');
    expect(s.indexBy(key)).toBe(byNs); // built once per key function
  });

  it('rejects unknown types and revisions with a usage error that lists the choices', () => {
    expect(() => evoVoice.require('customerinfo')).toThrow(/unknown type "customerinfo".*did you mean CustomerInfo/);
    expect(() => evoVoice.at(3)).toThrow(DtoFormatError);
    expect(() => evoVoice.at(3)).toThrow(/unknown revision 3 of Evo Voice; known revisions: 1, 2/);
  });

  it('orders members derived-first for ServiceStack.Text and keeps the declaring class', () => {
    const ci = evoVoice.at(1).requireClass('CustomerInfo');
    const names = ci.properties.map((p) => p.wireName);
    expect(names.slice(0, 3)).toEqual(['accountId', 'parentCustomerId', 'breadcrumb']);
    expect(names.slice(-5)).toEqual(['id', 'dateCreated', 'dateLastModified', 'createdBy', 'lastModifiedBy']);
    expect(ci.properties.at(-1)?.declaringType.name).toBe('EntityInfo');
  });

  it('describes dictionary-derived classes, nullables and lists', () => {
    const s = evoVoice.at();
    const struct = s.requireClass('Struct');
    expect(struct.dictionary && typeLabel(struct.dictionary)).toBe('Dictionary<String,Value>');
    const value = s.requireClass('Value');
    expect(value.properties.map((p) => typeLabel(p.type))).toEqual([
      'Nullable<Boolean>', 'String', 'Nullable<Double>', 'List<Struct>', 'Struct',
    ]);
    expect(s.requireClass('SchedulingRule').properties.filter((p) => p.initializedByConstructor)).toHaveLength(8);
  });

  it('knows .NET defaults and metadata-sample enum choice', () => {
    const s = evoVoice.at();
    const day = s.require('DayOfWeek');
    expect(day.kind === 'enum' && defaultValue(day)).toBe('Sunday');
    expect(day.kind === 'enum' && enumFirstByValue(day)).toBe('Sunday');
    const bi = s.requireClass('BillingItem');
    expect(bi.properties.map((p) => defaultValue(p.type))).toEqual([0, 0, 0, 0]);
  });

  it('keeps the routes, verbs, response and descriptions of the request DTOs', () => {
    const ops = evoVoice.at().operations().map((c) => `${c.operation!.routes.map((r) => `${r.verb} ${r.path}`).join()} → ${c.operation!.returns}`);
    expect(ops).toEqual([
      'POST /customers → CustomerInfo',
      'PATCH /customers/{customerId} → CustomerInfo',
      'POST /customers/{customerId}/staging → CustomerInfo',
    ]);
    expect(evoVoice.at().requireClass('NewCustomer').description).toBe('Creates a new customer');
  });

  it('src/dtos/types.ts is the current rendering of the registry (run npm run gen:types)', () => {
    const file = readFileSync(new URL('../../src/dtos/types.ts', import.meta.url), 'utf8');
    expect(file).toBe(renderTypeScript(evoVoice, 'EvoVoiceTypes'));
  });
});
