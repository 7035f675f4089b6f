/**
 * Every way `/types/metadata` spells a type, an enum, a contract and an operation
 * (servicestack-metadata.md §1.3–§1.8, restated from ServiceStack's `NativeTypesMetadata.ToExactType`,
 * `MetadataTypes.ToMetadataPropertyType`, `UrlExtensions.GetOperationName`/`ExpandTypeName`),
 * loaded through `fromMetadata` and checked on the resolved descriptors.
 */
import { describe, expect, it } from 'vitest';
import { codecs } from '../../src/formats/index.js';
import { genericContractName } from '../../src/schema/data-contract.js';
import { typeLabel } from '../../src/schema/descriptors.js';
import { fromMetadata, parseMetadata } from '../../src/schema/metadata.js';
import { catchDtoError } from '../support/errors.js';
import { cls, doc, enumOf, klass, NS, prop, type Json } from './helpers.js';

/** The label of member `member` of class `Holder` in a document holding `properties` (and `more` types). */
function memberType(properties: Json[], more: Json[] = [], member = (properties[0] as Json)['name'] as string): string {
  const r = fromMetadata(doc([cls('Holder', properties), ...more]));
  const p = klass(r, 'Holder').properties.find((x) => x.name === member)!;
  return typeLabel(p.type);
}

const item = cls('Item', [prop('Id', 'Int64', { isValueType: true })]);

describe('type references (§1.5: type + namespace + genericArgs)', () => {
  it.each([
    // [metadata member, resolved label]
    [prop('A', 'String'), 'String'],
    [prop('A', 'Int32', { isValueType: true }), 'Int32'],
    [prop('A', 'Nullable`1', { isValueType: true, genericArgs: ['Int32'] }), 'Nullable<Int32>'],
    [prop('A', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['String'] }), 'List<String>'],
    [prop('A', 'Dictionary`2', { namespace: 'System.Collections.Generic', genericArgs: ['String', 'Int32'] }), 'Dictionary<String,Int32>'],
    // Arrays: `GetOperationName` is the element's name + "[]"; the element's generic args come apart.
    [prop('A', 'Int32[]'), 'List<Int32>'],
    [prop('A', 'String[]'), 'List<String>'],
    [prop('A', 'Nullable`1[]', { genericArgs: ['Int32'] }), 'List<Nullable<Int32>>'],
    [prop('A', 'Int32[][]'), 'List<List<Int32>>'],
    // `byte[]` is the one array that is a scalar (base64).
    [prop('A', 'Byte[]'), 'Byte[]'],
    [prop('A', 'Byte[][]'), 'List<Byte[]>'],
    [prop('A', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Byte[]'] }), 'List<Byte[]>'],
    // Generic args are expanded recursively with no arity and no namespace (`ExpandTypeName`).
    [prop('A', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['List<Int32>'] }), 'List<List<Int32>>'],
    [prop('A', 'Dictionary`2', { namespace: 'System.Collections.Generic', genericArgs: ['String', 'List<Int32>'] }), 'Dictionary<String,List<Int32>>'],
    [prop('A', 'Dictionary`2', { namespace: 'System.Collections.Generic', genericArgs: ['String', 'Dictionary<String,List<Nullable<Int32>>>'] }), 'Dictionary<String,Dictionary<String,List<Nullable<Int32>>>>'],
    [prop('A', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Nullable<Guid>'] }), 'List<Nullable<Guid>>'],
    // The other collection interfaces and classes are written the same way.
    [prop('A', 'IEnumerable`1', { namespace: 'System.Collections.Generic', genericArgs: ['Int32'] }), 'List<Int32>'],
    [prop('A', 'HashSet`1', { namespace: 'System.Collections.Generic', genericArgs: ['String'] }), 'List<String>'],
    [prop('A', 'IDictionary`2', { namespace: 'System.Collections.Generic', genericArgs: ['String', 'String'] }), 'Dictionary<String,String>'],
    // The other .NET scalars of the table.
    [prop('A', 'Uri'), 'Uri'],
    [prop('A', 'Object'), 'Object'],
    [prop('A', 'TimeSpan', { isValueType: true }), 'TimeSpan'],
    [prop('A', 'DateTimeOffset', { isValueType: true }), 'DateTimeOffset'],
    [prop('A', 'Decimal', { isValueType: true }), 'Decimal'],
    [prop('A', 'Char', { isValueType: true }), 'Char'],
  ] as const)('%j → %s', (p, label) => {
    expect(memberType([p])).toBe(label);
  });

  it('resolves user types by namespace + name, and inside genericArgs by short name (§1.4)', () => {
    expect(memberType([prop('A', 'Item', { namespace: NS })], [item])).toBe('Item');
    expect(memberType([prop('A', 'Item[]', { namespace: NS })], [item])).toBe('List<Item>');
    expect(memberType([prop('A', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Item'] })], [item])).toBe('List<Item>');
    expect(memberType([prop('A', 'Dictionary`2', { namespace: 'System.Collections.Generic', genericArgs: ['String', 'List<Item>'] })], [item])).toBe('Dictionary<String,List<Item>>');
    const r = fromMetadata(doc([cls('Holder', [prop('A', 'Item', { namespace: NS })]), item]));
    expect(klass(r, 'Holder').properties[0]!.type).toBe(klass(r, 'Item'));
  });

  it('reads the backtick written as \\u0060, which is JSON escaping only', () => {
    const text = JSON.stringify(doc([cls('Holder', [prop('A', 'Nullable`1', { isValueType: true, genericArgs: ['Boolean'] })])])).replace(/`/g, '\\u0060');
    expect(text).toContain('Nullable\\u00601');
    expect(typeLabel(klass(parseMetadata(text), 'Holder').properties[0]!.type)).toBe('Nullable<Boolean>');
  });

  it('accepts the pre-v6 typeNamespace for namespace (§1.5, §1.11)', () => {
    const p = { name: 'A', type: 'Item', typeNamespace: NS };
    expect(memberType([p], [item])).toBe('Item');
  });

  it('ignores genericArgs on a non-generic name (ServiceStack lists the collection element’s args there)', () => {
    // `ToGenericArgs` of a class deriving from a generic collection: the element's generic args.
    const struct = cls('Struct', undefined, { inherits: { name: 'Dictionary`2', namespace: 'System.Collections.Generic', genericArgs: ['String', 'Nullable<Int32>'] } });
    delete (struct as Record<string, unknown>)['properties'];
    expect(memberType([prop('A', 'Struct', { namespace: NS, genericArgs: ['Int32'] })], [struct])).toBe('Struct');
  });

  it('keeps a member named __proto__ (a valid C# identifier) as an ordinary member', () => {
    const r = fromMetadata(doc([cls('Holder', [prop('__proto__', 'String'), prop('constructor', 'Int32', { isValueType: true })])]));
    expect(klass(r, 'Holder').properties.map((p) => `${p.name}:${typeLabel(p.type)}`)).toEqual(['__proto__:String', 'constructor:Int32']);
  });

  it('ignores unknown keys (UI hints, isSystemType, attributes, meta)', () => {
    const p = prop('A', 'Int32', { isValueType: true, isSystemType: true, isPrimaryKey: true, input: { type: 'number' }, format: {}, uploadTo: 'x', meta: { a: 'b' } });
    expect(memberType([p], [])).toBe('Int32');
  });
});

describe('System types the document never lists (§1.7)', () => {
  it('declares System.DayOfWeek when a member uses it, as the .NET enum', () => {
    const r = fromMetadata(doc([cls('Holder', [prop('Day', 'DayOfWeek', { isValueType: true, isEnum: true })])]));
    const e = enumOf(r, 'System.DayOfWeek');
    expect(e.members.map((m) => [m.name, m.value])).toEqual([
      ['Sunday', 0n], ['Monday', 1n], ['Tuesday', 2n], ['Wednesday', 3n], ['Thursday', 4n], ['Friday', 5n], ['Saturday', 6n],
    ]);
    expect(e.contractNamespace).toBe('http://schemas.datacontract.org/2004/07/System');
    expect(klass(r, 'Holder').properties[0]!.type).toBe(e);
  });

  it('declares System.DateTimeKind, also as Nullable<DateTimeKind>, and only the System enums used', () => {
    const r = fromMetadata(doc([cls('Holder', [prop('K', 'Nullable`1', { isValueType: true, isEnum: true, genericArgs: ['DateTimeKind'] })])]));
    expect(enumOf(r, 'DateTimeKind').members.map((m) => m.name)).toEqual(['Unspecified', 'Utc', 'Local']);
    expect(r.get('DayOfWeek')).toBeUndefined();
  });

  it('uses the document’s own System.DayOfWeek when the host exports it', () => {
    const exported = { name: 'DayOfWeek', namespace: 'System', isEnum: true, enumNames: ['Sun', 'Mon'] };
    const r = fromMetadata(doc([cls('Holder', [prop('Day', 'DayOfWeek', { isValueType: true, isEnum: true })]), exported]));
    expect(enumOf(r, 'DayOfWeek').members.map((m) => m.name)).toEqual(['Sun', 'Mon']);
  });

  it('refuses a System type without a scalar row (DateOnly, TimeOnly, IntPtr) with a schema error naming the member', () => {
    for (const type of ['DateOnly', 'TimeOnly', 'IntPtr']) {
      const e = catchDtoError(() => fromMetadata(doc([cls('Holder', [prop('When', type, { isValueType: true })])])));
      expect(e.code).toBe('schema');
      expect(e.message).toContain(`Test.Api.Holder.When`);
      expect(e.message).toContain(`unsupported .NET type System.${type}`);
    }
  });
});

describe("ServiceStack's own DTOs, left out of /types/metadata by IgnoreTypesInNamespaces (§1.2)", () => {
  it('declares ResponseStatus and ResponseError when a response uses them, with their DataContract order and namespace', () => {
    const res = cls('ItemResponse', [prop('ResponseStatus', 'ResponseStatus', { namespace: 'ServiceStack' })]);
    const r = fromMetadata(doc([res]));
    const rs = klass(r, 'ResponseStatus');
    expect(rs.fullName).toBe('ServiceStack.ResponseStatus');
    expect(rs.isDataContract).toBe(true);
    // ServiceStack.Interfaces: [assembly: ContractNamespace("http://schemas.servicestack.net/types", ClrNamespace = "ServiceStack")].
    expect(rs.contractNamespace).toBe('http://schemas.servicestack.net/types');
    expect(rs.properties.map((p) => `${p.name}:${typeLabel(p.type)}:${p.order}`)).toEqual([
      'ErrorCode:String:1', 'Message:String:2', 'StackTrace:String:3', 'Errors:List<ResponseError>:4', 'Meta:Dictionary<String,String>:5',
    ]);
    expect(klass(r, 'ResponseError').properties.map((p) => p.name)).toEqual(['ErrorCode', 'FieldName', 'Message', 'Meta']);
    expect(r.get('QueryBase')).toBeUndefined();
  });

  it('puts every type of the ServiceStack CLR namespace in http://schemas.servicestack.net/types (the assemblies’ [ContractNamespace])', () => {
    // The closed response as the server writes it: [DataContract] without a Namespace.
    const response = { name: 'QueryResponse`1', namespace: 'ServiceStack', genericArgs: ['T'], dataContract: {}, properties: [
      prop('Total', 'Int32', { isValueType: true, dataMember: { order: 2 } }),
      prop('ResponseStatus', 'ResponseStatus', { namespace: 'ServiceStack', dataMember: { order: 5 } }),
    ] };
    const op = { request: cls('GetItems'), response, returnType: { name: 'QueryResponse`1', namespace: 'ServiceStack', genericArgs: ['Item'] } };
    const r = fromMetadata(doc([item], [op]), { profile: { contractNamespaces: { 'Test.Api': 'urn:test' } } });
    expect(klass(r, 'QueryResponse<Item>').contractNamespace).toBe('http://schemas.servicestack.net/types');
    expect(klass(r, 'ResponseStatus').contractNamespace).toBe('http://schemas.servicestack.net/types');
    // The caller's namespaces add to ServiceStack's.
    expect(klass(r, 'Item').contractNamespace).toBe('urn:test');
    // A document without ServiceStack types keeps the default profile.
    expect(fromMetadata(doc([item])).profile.contractNamespaces).toEqual({});
  });

  it('closes QueryDb<T> and QueryResponse<T> for an AutoQuery request', () => {
    const query = cls('FindItems', [prop('Name', 'String')], {
      inherits: { name: 'QueryDb`1', namespace: 'ServiceStack', genericArgs: ['Item'] },
    });
    const op = {
      request: query,
      response: { name: 'QueryResponse`1', namespace: 'ServiceStack', genericArgs: ['T'], implements: [], properties: [] },
      returnType: { name: 'QueryResponse`1', namespace: 'ServiceStack', genericArgs: ['Item'] },
      routes: [{ path: '/items', verbs: 'GET' }],
    };
    const r = fromMetadata(doc([item], [op]));
    const find = klass(r, 'FindItems');
    expect(find.base?.fullName).toBe('ServiceStack.QueryDb<Item>');
    expect(find.properties.map((p) => p.name)).toEqual(['Name', 'Skip', 'Take', 'OrderBy', 'OrderByDesc', 'Include', 'Fields', 'Meta']);
    expect(find.operation?.returns).toBe('QueryResponse<Item>');
    // The response the server wrote has no members here: the built-in definition is not used for it.
    expect(klass(r, 'QueryResponse<Item>').properties).toEqual([]);
  });
});

describe('generic user types (§1.3 isGenericTypeDef, §1.8 closed responses)', () => {
  const def = cls('Page`1', [
    prop('Total', 'Int32', { isValueType: true }),
    prop('Results', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['T'] }),
    prop('First', 'T'),
    prop('ByKey', 'Dictionary`2', { namespace: 'System.Collections.Generic', genericArgs: ['String', 'T'] }),
  ], { genericArgs: ['T'], isGenericTypeDef: true });

  it('substitutes T when a subclass closes the definition, and names the closed type like C# (Page<Item>)', () => {
    const sub = cls('ItemPage', [prop('Extra', 'String')], { inherits: { name: 'Page`1', namespace: NS, genericArgs: ['Item'] } });
    const r = fromMetadata(doc([def, sub, item]));
    const closed = klass(r, 'Page<Item>');
    expect(closed.fullName).toBe('Test.Api.Page<Item>');
    expect(closed.generic?.definition).toBe('Page');
    expect(closed.generic?.args.map(typeLabel)).toEqual(['Item']);
    expect(closed.properties.map((p) => `${p.name}:${typeLabel(p.type)}`)).toEqual([
      'Total:Int32', 'Results:List<Item>', 'First:Item', 'ByKey:Dictionary<String,Item>',
    ]);
    expect(closed.contractName).toBe(genericContractName('Page', [klass(r, 'Item')]));
    expect(klass(r, 'ItemPage').base).toBe(closed);
    // The definition itself is no type a format can write.
    expect(r.get('Page`1')).toBeUndefined();
    expect(r.types.map((t) => t.name).sort()).toEqual(['Item', 'ItemPage', 'Page<Item>']);
  });

  it('declares one closed type per argument list, shared by every use', () => {
    const holder = cls('Holder', [
      prop('A', 'Page`1', { namespace: NS, genericArgs: ['Item'] }),
      prop('B', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Page<Item>'] }),
      prop('C', 'Page`1', { namespace: NS, genericArgs: ['List<Int32>'] }),
      prop('D', 'Page`1', { namespace: NS, genericArgs: ['Page<Item>'] }),
    ]);
    const r = fromMetadata(doc([holder, def, item]));
    const h = klass(r, 'Holder');
    expect(h.properties.map((p) => typeLabel(p.type))).toEqual(['Page<Item>', 'List<Page<Item>>', 'Page<List<Int32>>', 'Page<Page<Item>>']);
    expect(h.properties[0]!.type).toBe(klass(r, 'Page<Item>'));
    expect(typeLabel(klass(r, 'Page<Page<Item>>').properties[2]!.type)).toBe('Page<Item>');
  });

  it('takes a closed response’s arguments from returnType (ToExactType writes the parameter names in genericArgs)', () => {
    const request = cls('GetItems', [], { implements: [{ name: 'IGet', namespace: 'ServiceStack' }] });
    const response = cls('Page`1', [
      prop('Total', 'Int32', { isValueType: true }),
      prop('Results', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Item'] }),
    ], { genericArgs: ['T'] });
    const op = { request, response, returnType: { name: 'Page`1', namespace: NS, genericArgs: ['Item'] }, routes: [] };
    const r = fromMetadata(doc([item], [op]));
    expect(klass(r, 'GetItems').operation?.returns).toBe('Page<Item>');
    expect(klass(r, 'Page<Item>').properties.map((p) => typeLabel(p.type))).toEqual(['Int32', 'List<Item>']);
  });

  it('closes a generic base of a generic definition', () => {
    const derived = cls('Sorted`1', [prop('Key', 'String')], { genericArgs: ['T'], isGenericTypeDef: true, inherits: { name: 'Page`1', namespace: NS, genericArgs: ['T'] } });
    const holder = cls('Holder', [prop('S', 'Sorted`1', { namespace: NS, genericArgs: ['Item'] })]);
    const r = fromMetadata(doc([def, derived, holder, item]));
    expect(klass(r, 'Sorted<Item>').base?.name).toBe('Page<Item>');
    expect(klass(r, 'Sorted<Item>').properties.map((p) => p.name)).toEqual(['Key', 'Total', 'Results', 'First', 'ByKey']);
  });
});

describe('nested types (§1.3 isNested + innerTypes)', () => {
  const outer = cls('Outer', [prop('Inner', 'Inner', { namespace: NS }), prop('Mode', 'Mode', { namespace: NS, isValueType: true, isEnum: true })], {
    innerTypes: [{ name: 'Inner', namespace: NS }, { name: 'Mode', namespace: NS }],
  });
  const inner = cls('Inner', [prop('Depth', 'Int32', { isValueType: true })], { isNested: true });
  const mode = { name: 'Mode', namespace: NS, isNested: true, isEnum: true, enumNames: ['A', 'B'] };

  it('names the nested type after its declaring type (full name and DataContract name Outer.Inner)', () => {
    const r = fromMetadata(doc([outer, inner, mode]));
    const i = klass(r, 'Inner');
    expect(i.fullName).toBe('Test.Api.Outer.Inner');
    expect(i.contractName).toBe('Outer.Inner');
    expect(enumOf(r, 'Mode').fullName).toBe('Test.Api.Outer.Mode');
    expect(enumOf(r, 'Mode').contractName).toBe('Outer.Mode');
    expect(klass(r, 'Outer').properties[0]!.type).toBe(i);
  });

  it('resolves the spellings Outer.Inner and Outer+Inner', () => {
    const holder = cls('Holder', [
      prop('A', 'Outer.Inner', { namespace: NS }),
      prop('B', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Outer.Inner'] }),
      prop('C', 'Outer+Inner', { namespace: NS }),
    ]);
    const r = fromMetadata(doc([holder, outer, inner, mode]));
    expect(klass(r, 'Holder').properties.map((p) => typeLabel(p.type))).toEqual(['Inner', 'List<Inner>', 'Inner']);
  });

  it('nests two levels deep', () => {
    const a = cls('A', [], { innerTypes: [{ name: 'B', namespace: NS }] });
    const b = cls('B', [], { isNested: true, innerTypes: [{ name: 'C', namespace: NS }] });
    const c = cls('C', [prop('X', 'Int32', { isValueType: true })], { isNested: true });
    const r = fromMetadata(doc([c, b, a]));
    expect(klass(r, 'C').fullName).toBe('Test.Api.A.B.C');
    expect(klass(r, 'C').contractName).toBe('A.B.C');
  });
});

describe('value-type classes (.NET structs)', () => {
  const point = cls('Point', [prop('X', 'Int32', { isValueType: true })]);

  it('knows a struct from a member’s isValueType (MetadataType itself has no such flag)', () => {
    const r = fromMetadata(doc([cls('Holder', [prop('P', 'Point', { namespace: NS, isValueType: true })]), point]));
    expect(klass(r, 'Point').isValueType).toBe(true);
  });

  it('knows a struct from Nullable<Point>', () => {
    const r = fromMetadata(doc([cls('Holder', [prop('P', 'Nullable`1', { isValueType: true, genericArgs: ['Point'] })]), point]));
    expect(klass(r, 'Point').isValueType).toBe(true);
    expect(typeLabel(klass(r, 'Holder').properties[0]!.type)).toBe('Nullable<Point>');
  });

  it('accepts isValueType on the type itself', () => {
    const r = fromMetadata(doc([{ ...point, isValueType: true }]));
    expect(klass(r, 'Point').isValueType).toBe(true);
  });

  it('leaves a class a class when nothing says otherwise', () => {
    const r = fromMetadata(doc([cls('Holder', [prop('P', 'Point', { namespace: NS })]), point]));
    expect(klass(r, 'Point').isValueType).toBe(false);
  });
});

describe('inheritance', () => {
  it('from a user class: derived members first, base members last; DataContract order base first (§5.5)', () => {
    const base = cls('Base', [prop('Zeta', 'String'), prop('Alpha', 'String')]);
    const derived = cls('Derived', [prop('Beta', 'String')], { inherits: { name: 'Base', namespace: NS } });
    const r = fromMetadata(doc([derived, base]));
    const d = klass(r, 'Derived');
    expect(d.base).toBe(klass(r, 'Base'));
    expect(d.properties.map((p) => p.name)).toEqual(['Beta', 'Zeta', 'Alpha']);
    expect(d.xmlProperties.map((p) => p.name)).toEqual(['Alpha', 'Zeta', 'Beta']);
  });

  it('a member the derived class redeclares (override) is one member: derived place for JSON/JSV, base level for XML', () => {
    // As ServiceStack.Jobs.BackgroundJob (`public override long Id`) over BackgroundJobBase (`public virtual long Id`).
    // JSON/JSV: Type.GetProperties lists the override once, with the derived members (ServiceStack.Text GetPublicProperties).
    // XML: the Mono DCS oracle writes `<Job><Id xmlns="…/Base.Ns">5</Id><Name xmlns="…/Base.Ns">n</Name></Job>`.
    const base = { name: 'JobBase', namespace: 'Base.Ns', properties: [prop('Id', 'Int64', { isValueType: true }), prop('Name', 'String')] };
    const job = { name: 'Job', namespace: 'Derived.Ns', properties: [prop('Id', 'Int64', { isValueType: true })], inherits: { name: 'JobBase', namespace: 'Base.Ns' } };
    const j = klass(fromMetadata(doc([job, base])), 'Job');
    expect(j.properties.map((p) => `${p.declaringType.name}.${p.name}`)).toEqual(['Job.Id', 'JobBase.Name']);
    expect(j.xmlProperties.map((p) => `${p.declaringType.contractNamespace} ${p.xmlName}`)).toEqual([
      'http://schemas.datacontract.org/2004/07/Base.Ns Id', 'http://schemas.datacontract.org/2004/07/Base.Ns Name',
    ]);
    expect(j.ownProperties.map((p) => p.name)).toEqual(['Id']);
    const xml = codecs.find((c) => c.name === 'xml')!;
    expect(xml.encode(j, { id: 5n, name: 'n' })).toBe(
      '<?xml version="1.0" encoding="utf-8"?><Job xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Derived.Ns">' +
        '<Id xmlns="http://schemas.datacontract.org/2004/07/Base.Ns">5</Id><Name xmlns="http://schemas.datacontract.org/2004/07/Base.Ns">n</Name></Job>',
    );
    expect(codecs.find((c) => c.name === 'json')!.encode(j, { id: 5n, name: 'n' })).toBe('{"id":5,"name":"n"}');
  });

  it('from Dictionary`2: the class is that dictionary (the worked example’s Struct, §1.9)', () => {
    const value = cls('Value', [prop('S', 'String')]);
    const struct = { name: 'Struct', namespace: NS, implements: [], inherits: { name: 'Dictionary`2', namespace: 'System.Collections.Generic', genericArgs: ['String', 'Value'] } };
    const r = fromMetadata(doc([struct, value]));
    expect(typeLabel(klass(r, 'Struct').dictionary!)).toBe('Dictionary<String,Value>');
    expect(klass(r, 'Struct').properties).toEqual([]);
  });

  it('from a class that derives from a dictionary: the dictionary is inherited', () => {
    const struct = { name: 'Bag', namespace: NS, inherits: { name: 'Dictionary`2', namespace: 'System.Collections.Generic', genericArgs: ['String', 'Int32'] } };
    const sub = { name: 'SubBag', namespace: NS, inherits: { name: 'Bag', namespace: NS } };
    const r = fromMetadata(doc([struct, sub]));
    expect(typeLabel(klass(r, 'SubBag').dictionary!)).toBe('Dictionary<String,Int32>');
  });

  it('ignores Object and ValueType bases, which ToExactType never writes but a hand-written document may', () => {
    const r = fromMetadata(doc([cls('A', [], { inherits: { name: 'Object', namespace: 'System' } })]));
    expect(klass(r, 'A').base).toBeUndefined();
  });
});

describe('enums (§1.3, §1.7)', () => {
  const en = (extra: Json): Json => ({ name: 'E', namespace: NS, implements: [], isEnum: true, ...extra });

  it('enumNames alone: values 0..n-1, wire texts the names', () => {
    const e = enumOf(fromMetadata(doc([en({ enumNames: ['A', 'B', 'C'] })])), 'E');
    expect(e.members).toEqual([{ name: 'A', value: 0n, wireText: 'A' }, { name: 'B', value: 1n, wireText: 'B' }, { name: 'C', value: 2n, wireText: 'C' }]);
    expect([e.isInt, e.isFlags]).toEqual([false, false]);
  });

  it('enumValues (Convert.ToInt64 text): 64-bit values kept exactly', () => {
    const e = enumOf(fromMetadata(doc([en({ enumNames: ['Low', 'Big', 'Neg'], enumValues: ['10', '9007199254740993', '-5'] })])), 'E');
    expect(e.members.map((m) => m.value)).toEqual([10n, 9007199254740993n, -5n]);
  });

  it('enumMemberValues ([EnumMember(Value)]) become the wire texts', () => {
    const e = enumOf(fromMetadata(doc([en({ enumNames: ['Calm', 'Happy'], enumMemberValues: ['calm', 'happy-face'] })])), 'E');
    expect(e.members.map((m) => m.wireText)).toEqual(['calm', 'happy-face']);
  });

  it('isEnumInt: written as numbers (isInt)', () => {
    const e = enumOf(fromMetadata(doc([en({ enumNames: ['A'], enumValues: ['0'], isEnumInt: true })])), 'E');
    expect([e.isInt, e.isFlags]).toEqual([true, false]);
  });

  it('[Flags] is the exported Flags attribute (NativeTypesFeature ExportAttributes holds FlagsAttribute)', () => {
    const flags = en({ enumNames: ['None', 'Read', 'Write'], enumValues: ['0', '1', '2'], isEnumInt: true, attributes: [{ name: 'Flags' }] });
    const e = enumOf(fromMetadata(doc([flags])), 'E');
    expect([e.isInt, e.isFlags]).toEqual([true, true]);
  });

  it('isEnumInt with power-of-two values but no Flags attribute is an int enum, not flags (TreatEnumAsInteger)', () => {
    const e = enumOf(fromMetadata(doc([en({ enumNames: ['A', 'B', 'C'], enumValues: ['1', '2', '4'], isEnumInt: true })])), 'E');
    expect([e.isInt, e.isFlags]).toEqual([true, false]);
  });

  it('description and DataContract name', () => {
    const e = enumOf(fromMetadata(doc([en({ enumNames: ['A'], description: 'An enum.', dataContract: { name: 'Renamed', namespace: 'urn:x' } })])), 'E');
    expect([e.description, e.contractName, e.contractNamespace]).toEqual(['An enum.', 'Renamed', 'urn:x']);
  });
});

describe('DataContract and DataMember (§1.6)', () => {
  it('renames, orders, and marks members as .NET does', () => {
    const renamed = cls('R', [
      prop('Zulu', 'String', { dataMember: {} }),
      prop('Alpha', 'String', { dataMember: { name: 'first_name', order: 2 } }),
      prop('Count', 'Int32', { isValueType: true, dataMember: { order: 1, emitDefaultValue: false } }),
      prop('Needed', 'Int32', { isValueType: true, dataMember: { isRequired: true } }),
    ], { dataContract: { name: 'RenamedThing', namespace: 'http://example.org/zoo' } });
    const c = klass(fromMetadata(doc([renamed])), 'R');
    expect([c.contractName, c.contractNamespace, c.isDataContract]).toEqual(['RenamedThing', 'http://example.org/zoo', true]);
    // JSON/JSV: reflection order stably sorted by DataMember.Order, unset (-1) first; DataMember.Name
    // as written (ServiceStack.Text Common/WriteType.cs, TypePropertyWriter).
    expect(c.properties.map((p) => [p.wireName, p.xmlName, p.order, p.emitDefaultValue, p.isRequired])).toEqual([
      ['zulu', 'Zulu', undefined, true, false],
      ['needed', 'Needed', undefined, true, true],
      ['count', 'Count', 1, false, false],
      ['first_name', 'first_name', 2, true, false],
    ]);
    // Unordered members ordinally, then by Order.
    expect(c.xmlProperties.map((p) => p.xmlName)).toEqual(['Needed', 'Zulu', 'Count', 'first_name']);
  });

  it('an empty dataContract {} still makes a data contract', () => {
    const c = klass(fromMetadata(doc([cls('D', [], { dataContract: {} })])), 'D');
    expect([c.isDataContract, c.contractName, c.contractNamespace]).toEqual([true, 'D', 'http://schemas.datacontract.org/2004/07/Test.Api']);
  });

  it('carries descriptions of types and members', () => {
    const c = klass(fromMetadata(doc([cls('D', [prop('A', 'String', { description: 'The A' })], { description: 'The D' })])), 'D');
    expect([c.description, c.properties[0]!.description]).toEqual(['The D', 'The A']);
  });
});

describe('operations (§1.8)', () => {
  const response = cls('Res', [prop('Ok', 'Boolean', { isValueType: true })]);
  const op = (extra: Json): Json => ({ request: cls('Req', [prop('Id', 'String')]), response, ...extra });
  const operation = (extra: Json) => klass(fromMetadata(doc([], [op(extra)])), 'Req').operation!;

  it('routes: verbs split on "," and spaces, upper-cased; no verbs means any verb', () => {
    const o = operation({ routes: [{ path: '/a', verbs: 'GET,PUT' }, { path: '/b', verbs: 'get post' }, { path: '/c' }, { path: '/d', verbs: 'DELETE, PATCH' }] });
    expect(o.routes).toEqual([
      { verb: 'GET', path: '/a' }, { verb: 'PUT', path: '/a' }, { verb: 'GET', path: '/b' }, { verb: 'POST', path: '/b' },
      { verb: 'ANY', path: '/c' }, { verb: 'DELETE', path: '/d' }, { verb: 'PATCH', path: '/d' },
    ]);
  });

  it('IReturn<T>: returns the returnType; without one, the response', () => {
    expect(operation({ returnType: { name: 'Res', namespace: NS } }).returns).toBe('Res');
    expect(operation({}).returns).toBe('Res');
  });

  it('IReturnVoid: no response', () => {
    expect(operation({ returnsVoid: true, response: undefined }).returns).toBeUndefined();
  });

  it('IReturn<List<T>> names no DTO', () => {
    const list = { request: cls('Req', []), returnType: { name: 'List`1', namespace: 'System.Collections.Generic', genericArgs: ['Res'] } };
    expect(klass(fromMetadata(doc([response], [list])), 'Req').operation!.returns).toBeUndefined();
  });

  it('returns the full name when the response’s short name is ambiguous', () => {
    const a = { name: 'Res', namespace: 'A', properties: [] };
    const b = { name: 'Res', namespace: 'B', properties: [] };
    const r = fromMetadata(doc([a, b], [{ request: cls('Req', []), returnType: { name: 'Res', namespace: 'B' } }]));
    expect(klass(r, 'Req').operation!.returns).toBe('B.Res');
    expect(r.require(klass(r, 'Req').operation!.returns!)).toBe(r.require('B.Res'));
  });

  it('requiresAuth and requiresAnyRole', () => {
    const o = operation({ requiresAuth: true, requiresAnyRole: ['Admin', 'Manager'] });
    expect([o.requiresAuthentication, o.roles]).toEqual([true, ['Admin', 'Manager']]);
    const plain = operation({});
    expect([plain.requiresAuthentication, plain.roles]).toEqual([undefined, undefined]);
  });

  it('request and response DTOs appear only under operations; a response repeated by two operations is one type', () => {
    const r = fromMetadata(doc([], [op({}), { request: cls('Req2', []), response }]));
    expect(r.types.map((t) => t.name).sort()).toEqual(['Req', 'Req2', 'Res']);
    expect(klass(r, 'Req2').operation?.returns).toBe('Res');
  });
});

describe('documents and options', () => {
  it('takes an AppMetadata (/metadata/app.json) by its api member', () => {
    const r = fromMetadata({ app: { baseUrl: 'https://x' }, api: doc([cls('A', [prop('B', 'String')])]) });
    expect(klass(r, 'A').properties[0]!.wireName).toBe('b');
  });

  it('tolerates PascalCase keys throughout', () => {
    const r = fromMetadata({
      Types: [{ Name: 'A', Namespace: NS, Properties: [{ Name: 'Count', Type: 'Nullable`1', Namespace: 'System', IsValueType: true, GenericArgs: ['Int32'] }] }],
      Operations: [],
    });
    expect(r.profile.textCase).toBe('pascal');
    expect(typeLabel(klass(r, 'A').properties[0]!.type)).toBe('Nullable<Int32>');
    expect(klass(r, 'A').properties[0]!.wireName).toBe('Count');
  });

  it('applies the caller’s profile and name', () => {
    const r = fromMetadata(doc([cls('A', [prop('BigName', 'String')])]), { name: 'Mine', profile: { textCase: 'snake', treatEnumAsInteger: true } });
    expect([r.name, r.profile.textCase, r.profile.treatEnumAsInteger]).toEqual(['Mine', 'snake', true]);
    expect(klass(r, 'A').properties[0]!.wireName).toBe('big_name');
  });

  it('an ambiguous short name (one name in two namespaces) is reachable by full name', () => {
    const a = { name: 'Item', namespace: 'A', properties: [prop('X', 'String')] };
    const b = { name: 'Item', namespace: 'B', properties: [prop('Y', 'String')] };
    const holder = { name: 'Holder', namespace: 'A', properties: [prop('I', 'Item', { namespace: 'B' })] };
    const r = fromMetadata(doc([a, b, holder]));
    const e = catchDtoError(() => r.require('Item'));
    expect(e.code).toBe('usage');
    expect(e.message).toContain('ambiguous');
    expect(e.message).toContain('A.Item, B.Item');
    expect(klass(r, 'A.Item').properties[0]!.name).toBe('X');
    expect(klass(r, 'B.Item').properties[0]!.name).toBe('Y');
    expect(klass(r, 'Holder').properties[0]!.type).toBe(r.require('B.Item'));
  });

  it('an ambiguous short name inside genericArgs prefers the referencing type’s namespace', () => {
    const a = { name: 'Item', namespace: 'A', properties: [] };
    const b = { name: 'Item', namespace: 'B', properties: [] };
    const holder = { name: 'Holder', namespace: 'B', properties: [prop('L', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Item'] })] };
    const r = fromMetadata(doc([a, b, holder]));
    const l = klass(r, 'Holder').properties[0]!.type;
    expect(l.kind === 'list' && l.of).toBe(r.require('B.Item'));
  });
});
