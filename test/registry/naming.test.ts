/**
 * Member names and order as ServiceStack.Text resolves them for JSON/JSV (Common/WriteType.cs,
 * `TypePropertyWriter.GetPropertyName` and the `OrderBy(propertyOrder)` after collecting the
 * writers): `DataMember.Name` is used as written in every text case; otherwise camel case is
 * `ToCamelCase`, snake case `ToLowercaseUnderscore`, and Pascal case (the default outside a host)
 * the .NET name as declared. On a `[DataContract]` class the members are stably sorted by
 * `DataMember.Order`, an unset Order (-1) first.
 */
import { describe, expect, it } from 'vitest';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { toSnakeCase } from '../../src/schema/naming.js';
import { zooDeclaration } from '../support/zoo.js';

const wire = (textCase: 'camel' | 'pascal' | 'snake') =>
  createRegistry(zooDeclaration, { profile: { textCase } }).at().requireClass('Renamed').properties.map((p) => p.wireName);

describe('JSON/JSV member names and order', () => {
  it('a [DataContract] class is ordered by DataMember.Order, stably, unset first', () => {
    expect(wire('camel')).toEqual(['zulu', 'label', 'needed', 'count', 'beta', 'first_name']);
  });

  it('DataMember.Name is written as given in every text case; other names follow the case', () => {
    expect(wire('pascal')).toEqual(['Zulu', 'label', 'Needed', 'Count', 'Beta', 'first_name']);
    expect(wire('snake')).toEqual(['zulu', 'label', 'needed', 'count', 'beta', 'first_name']);
  });

  it('a DataMember.Name that a text case would change is still written as given', () => {
    const reg = (textCase: 'camel' | 'pascal' | 'snake') =>
      createRegistry(
        { name: 'n', revisions: [{ id: 1, description: '' }], types: [classType('N', 'C', { dataContract: {} }, { A: prop(t.String, { dataMember: { name: 'FirstName' } }), B: prop(t.String, { dataMember: { name: 'xmlId' } }) })] },
        { profile: { textCase } },
      ).at().requireClass('C').properties.map((p) => p.wireName);
    for (const c of ['camel', 'pascal', 'snake'] as const) expect(reg(c)).toEqual(['FirstName', 'xmlId']);
  });

  it('Pascal case is the declared .NET name (no upper-casing), snake case is ToLowercaseUnderscore', () => {
    const reg = (textCase: 'pascal' | 'snake') =>
      createRegistry(
        { name: 'n', revisions: [{ id: 1, description: '' }], types: [classType('N', 'C', {}, { eTag: prop(t.String), AIInsights: prop(t.Int32), CustomerId: prop(t.String) })] },
        { profile: { textCase } },
      ).at().requireClass('C').properties.map((p) => p.wireName);
    expect(reg('pascal')).toEqual(['eTag', 'AIInsights', 'CustomerId']);
    expect(reg('snake')).toEqual(['e_tag', 'ai_insights', 'customer_id']);
    expect(toSnakeCase('URLValue')).toBe('url_value');
  });

  it('a class without [DataContract]: DataMember.Name is a JSON/JSV alias, and nothing else of DataMember counts', () => {
    const c = createRegistry({
      name: 'n',
      revisions: [{ id: 1, description: '' }],
      types: [classType('N', 'C', {}, { B: prop(t.String, { dataMember: { order: 2 } }), A: prop(t.String, { dataMember: { order: 1, name: 'aa', emitDefaultValue: false } }) })],
    }).at().requireClass('C');
    expect(c.properties.map((p) => p.wireName)).toEqual(['b', 'aa']);
    // DCS ignores [DataMember] on a type without [DataContract] (Mono oracle: `[DataMember(Name =
    // "zz", Order = 1)] B` on a plain class is written <B>, ordinally, and EmitDefaultValue = false
    // still writes <A>0</A>).
    expect(c.xmlProperties.map((p) => [p.xmlName, p.order, p.emitDefaultValue])).toEqual([['A', undefined, true], ['B', undefined, true]]);
  });
});
