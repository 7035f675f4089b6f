/** Contract names and namespaces computed from descriptors (datacontract.md §3, §8–§10). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { createRegistry, scalar } from '../../src/schema/registry.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import {
  ARRAYS_NS,
  contractName,
  contractNamespace,
  keyValueName,
  namespacesDigest,
  xmlMembers,
  XSD_NS,
} from '../../src/formats/xml/contract.js';

const schema = evoVoice.at(2);
const cls = (name: string) => schema.requireClass(name);
const member = (c: string, wire: string): TypeDescriptor => cls(c).properties.find((p) => p.wireName === wire)!.type;
const DC = 'http://schemas.datacontract.org/2004/07/';

describe('the digest of generic contract names (§10)', () => {
  it.each([
    [`${XSD_NS} ${DC}Voice.Api.Integrations`, 'Y_SkqLnhh', '63f92a2e7861'],
    [`${XSD_NS} ${DC}Voice.Api.Flows.Data`, '8Ahp2kgT', 'f00869da4813'],
    [`${XSD_NS} ${ARRAYS_NS}`, 'ty7Ep6D1', 'b72ec4a7a0f5'],
  ])('" 2 %s" → %s', (namespaces, suffix, md5Head) => {
    const input = ` 2 ${namespaces}`;
    expect(createHash('md5').update(input, 'utf8').digest('hex').slice(0, 12)).toBe(md5Head);
    expect(namespacesDigest(namespaces.split(' '))).toBe(suffix);
  });

  it('rewrites / and + of the base64 text as _S and _P', () => {
    // 'Y/kqLnhh' is the raw base64 of the first row; find an input whose digest has a '+'.
    let found: string | undefined;
    for (let i = 0; i < 500 && !found; i++) {
      const b64 = createHash('md5').update(` 1 urn:x${i}`, 'utf8').digest().subarray(0, 6).toString('base64');
      if (b64.includes('+')) found = `urn:x${i}`;
    }
    expect(found).toBeDefined();
    const d = namespacesDigest([found!]);
    expect(d).toContain('_P');
    expect(d).not.toMatch(/[+/=]/);
  });
});

describe('contract names and namespaces', () => {
  it('names dictionaries KeyValueOf{K}{V}{digest} from the namespaces, not from a table', () => {
    expect(contractName(cls('EntityIntegrationData'))).toBe('ArrayOfKeyValueOfstringIntegrationDataY_SkqLnhh');
    expect(contractName(cls('Struct'))).toBe('ArrayOfKeyValueOfstringValue8Ahp2kgT');
    expect(contractNamespace(cls('Struct'))).toBe(ARRAYS_NS);
    expect(keyValueName({ kind: 'dictionary', key: scalar('String'), value: scalar('String'), isValueType: false })).toBe('KeyValueOfstringstring');
    const listOfString: TypeDescriptor = { kind: 'list', of: scalar('String'), isValueType: false };
    expect(keyValueName({ kind: 'dictionary', key: scalar('Int32'), value: listOfString, isValueType: false })).toBe('KeyValueOfintArrayOfstringty7Ep6D1');
  });

  it('moves with the CLR namespace: IntegrationData elsewhere changes the digest', () => {
    const reg = createRegistry({
      name: 'moved',
      revisions: [{ id: 1, description: '' }],
      types: [
        classType('Elsewhere', 'IntegrationData', {}, { ThirdPartyId: prop(t.String) }),
        classType('Voice.Api.Integrations', 'EntityIntegrationData', { dictionary: t.Dictionary(t.String, t.ref('IntegrationData')) }, {}),
      ],
    });
    const name = contractName(reg.at(1).requireClass('EntityIntegrationData'));
    expect(name).toMatch(/^ArrayOfKeyValueOfstringIntegrationData/);
    expect(name).not.toBe('ArrayOfKeyValueOfstringIntegrationDataY_SkqLnhh');
    expect(name.slice('ArrayOfKeyValueOfstringIntegrationData'.length)).toBe(namespacesDigest([XSD_NS, `${DC}Elsewhere`]));
  });

  it('names primitive items after XML Schema and puts their lists in Arrays', () => {
    expect(contractName(member('PatchCustomer', 'tagIds'))).toBe('ArrayOfstring');
    expect(contractNamespace(member('PatchCustomer', 'tagIds'))).toBe(ARRAYS_NS);
    const rule = cls('SchedulingRule');
    expect(contractName(rule.properties.find((p) => p.name === 'ByHour')!.type)).toBe('ArrayOfint');
    expect(contractName(scalar('Boolean'))).toBe('boolean');
    expect(contractName(scalar('Double'))).toBe('double');
    expect(contractNamespace(scalar('Int32'))).toBe(XSD_NS);
  });

  it('puts lists of classes in the item namespace, named ArrayOf{Item}', () => {
    const tags = member('CustomerInfo', 'tags');
    expect(contractName(tags)).toBe('ArrayOfTag');
    expect(contractNamespace(tags)).toBe(`${DC}Voice.Api.Settings`);
    expect(contractName(member('Value', 'listValue'))).toBe('ArrayOfArrayOfKeyValueOfstringValue8Ahp2kgT');
    expect(contractNamespace(member('Value', 'listValue'))).toBe(ARRAYS_NS);
  });

  it('orders members base first, then ordinally (§5)', () => {
    expect(xmlMembers(cls('BillingSettings')).map((m) => m.local)).toEqual([
      'AIInsights', 'AILiveMinutes', 'Base', 'InboundFaxes', 'InboundSmsMessages', 'InboundVoiceCalls',
      'LocalNumbers', 'OutboundFaxes', 'OutboundSmsMessages', 'OutboundVoiceCalls', 'TollFreeNumbers',
    ]);
    const ci = xmlMembers(cls('CustomerInfo'));
    expect(ci.slice(0, 6).map((m) => `${m.local}@${m.ns.slice(DC.length)}`)).toEqual([
      'CreatedBy@Voice.Api', 'DateCreated@Voice.Api', 'DateLastModified@Voice.Api', 'Id@Voice.Api', 'LastModifiedBy@Voice.Api',
      'AccountId@Voice.Api.Customers',
    ]);
    // Ordinal, not culture order: the Mono observation of §5.3.
    const reg = createRegistry({
      name: 'ordinal',
      revisions: [{ id: 1, description: '' }],
      types: [classType('Q', 'O', {}, Object.fromEntries(['Zeta', 'aa', 'AIb', 'Ab', '_x', 'B', 'Éclair', 'Ea'].map((n) => [n, prop(t.Int32)])))],
    });
    expect(xmlMembers(reg.at(1).requireClass('O') as ClassDescriptor).map((m) => m.local)).toEqual(['AIb', 'Ab', 'B', 'Ea', 'Zeta', '_x', 'aa', 'Éclair']);
  });
});
