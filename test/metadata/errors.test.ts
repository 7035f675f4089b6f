/**
 * Bad metadata: each problem is ONE DtoFormatError with code 'schema' whose message names the
 * type and, where there is one, the member (issue 9 §1).
 */
import { describe, expect, it } from 'vitest';
import { fromMetadata, parseMetadata } from '../../src/schema/metadata.js';
import { catchDtoError } from '../support/errors.js';
import { cls, doc, NS, prop, type Json } from './helpers.js';

/** The schema error `fromMetadata(d)` raises; its message must contain every `parts`. */
function schemaProblem(d: unknown, ...parts: string[]): string {
  const e = catchDtoError(() => fromMetadata(d));
  expect(e.code).toBe('schema');
  expect(e.message.startsWith('invalid schema: ')).toBe(true);
  for (const p of parts) expect(e.message).toContain(p);
  return e.message;
}

describe('a malformed document', () => {
  it.each([
    ['null', null, 'must be a JSON object, got null'],
    ['an array', [], 'must be a JSON object, got an array'],
    ['a string', 'types', 'must be a JSON object, got "types"'],
    ['neither MetadataTypes nor AppMetadata', { config: {} }, 'expected "types" and "operations"'],
    ['an AppMetadata whose api is not an object', { api: 3 }, 'expected "types" and "operations"'],
    ['no operations', { types: [] }, '"operations" must be an array, got nothing'],
    ['no types', { operations: [] }, '"types" must be an array, got nothing'],
    ['types not an array', { types: {}, operations: [] }, '"types" must be an array, got an object'],
  ])('%s', (_what, d, part) => {
    schemaProblem(d, part);
  });

  it('text that is not JSON (parseMetadata)', () => {
    const e = catchDtoError(() => parseMetadata('{"types": [}'));
    expect(e.code).toBe('schema');
    expect(e.message).toMatch(/^invalid schema: metadata document is not JSON: /);
  });

  it('parseMetadata reads a BOM-prefixed text', () => {
    expect(parseMetadata('\uFEFF' + JSON.stringify(doc([cls('A')]))).types).toHaveLength(1);
  });

  it.each([
    ['a type that is not an object', doc(['Foo' as unknown as Json]), ['types[0]', 'a type must be an object, got "Foo"']],
    ['a type without a name', doc([{ namespace: NS, properties: [] }]), ['types[0]', '"name" must be a non-empty string, got nothing']],
    ['a property without a name', doc([cls('Holder', [{ type: 'String' }])]), ['Test.Api.Holder', 'types[0].properties[0]', '"name" must be a non-empty string']],
    ['a property without a type', doc([cls('Holder', [{ name: 'Count' }])]), ['Test.Api.Holder.Count (types[0].properties[0])', '"type" must be a non-empty string, got nothing']],
    ['a property type that is a number', doc([cls('Holder', [{ name: 'Count', type: 3 }])]), ['Test.Api.Holder.Count', '"type" must be a non-empty string, got 3']],
    ['genericArgs not an array', doc([cls('Holder', [prop('L', 'List`1', { genericArgs: 'Int32' })])]), ['Test.Api.Holder.L', '"genericArgs" must be an array']],
    ['genericArgs with a number', doc([cls('Holder', [prop('L', 'List`1', { genericArgs: [1] })])]), ['Test.Api.Holder.L', '"genericArgs"[0] must be a string, got 1']],
    ['too few genericArgs', doc([cls('Holder', [prop('D', 'Dictionary`2', { genericArgs: ['String'] })])]), ['Test.Api.Holder.D', '"Dictionary`2" takes 2 generic arguments, genericArgs has 1']],
    ['no genericArgs for a generic name', doc([cls('Holder', [prop('N', 'Nullable`1', { isValueType: true })])]), ['Test.Api.Holder.N', 'generic of arity 1 but no genericArgs']],
    ['an unparsable generic argument', doc([cls('Holder', [prop('L', 'List`1', { genericArgs: ['List<Int32'] })])]), ['Test.Api.Holder.L', 'cannot parse type name "List<Int32"', 'expected "," or ">" at the end']],
    ['a multi-dimensional array', doc([cls('Holder', [prop('M', 'Int32[,]')])]), ['Test.Api.Holder.M', 'only one-dimensional arrays']],
    ['a flag that is not a boolean', doc([cls('Holder', [prop('C', 'Int32', { isValueType: 'yes' })])]), ['Test.Api.Holder.C', '"isValueType" must be a boolean, got "yes"']],
    ['a DataMember order that is not an integer', doc([cls('Holder', [prop('C', 'Int32', { dataMember: { order: 1.5 } })])]), ['Test.Api.Holder.C', 'dataMember', '"order" must be an integer, got 1.5']],
    ['an operation without a request', doc([], [{ response: cls('R') }]), ['operations[0]', 'needs a "request" type']],
    ['a route without a path', doc([], [{ request: cls('R'), routes: [{ verbs: 'GET' }] }]), ['Test.Api.R (operations[0]) routes[0]', '"path" must be a non-empty string']],
  ] as const)('%s', (_what, d, parts) => {
    schemaProblem(d, ...parts);
  });
});

describe('an unresolvable type reference', () => {
  it('names the type, the member and the reference', () => {
    schemaProblem(doc([cls('Holder', [prop('Thing', 'Widget', { namespace: NS })])]), 'Test.Api.Holder.Thing (types[0].properties[0])', 'unknown type Test.Api.Widget');
  });

  it('inside genericArgs', () => {
    schemaProblem(doc([cls('Holder', [prop('L', 'List`1', { namespace: 'System.Collections.Generic', genericArgs: ['Widget'] })])]), 'Test.Api.Holder.L', 'unknown type Widget');
  });

  it('in a base class', () => {
    schemaProblem(doc([cls('Derived', [], { inherits: { name: 'Missing', namespace: NS } })]), 'Test.Api.Derived (types[0]) inherits Missing', 'unknown type Test.Api.Missing');
  });

  it('in a returnType', () => {
    schemaProblem(doc([], [{ request: cls('Req'), returnType: { name: 'Nope', namespace: NS } }]), 'Test.Api.Req (operations[0]) returnType', 'unknown type Test.Api.Nope');
  });

  it('a user type in the wrong namespace', () => {
    const item = { name: 'Item', namespace: 'Other', properties: [] };
    schemaProblem(doc([cls('Holder', [prop('I', 'Item', { namespace: NS })]), item]), 'Test.Api.Holder.I', 'unknown type Test.Api.Item');
  });

  it('a generic definition used without arguments', () => {
    const def = cls('Page`1', [], { genericArgs: ['T'], isGenericTypeDef: true });
    schemaProblem(doc([def, cls('Holder', [prop('P', 'Page', { namespace: NS })])]), 'Test.Api.Holder.P', 'unknown type Test.Api.Page');
  });

  it('a member typed as an interface', () => {
    const iface = { name: 'IThing', namespace: NS, isInterface: true };
    schemaProblem(doc([iface, cls('Holder', [prop('T', 'IThing', { namespace: NS })])]), 'Test.Api.Holder.T', 'Test.Api.IThing is an interface');
  });

  it('a member marked isEnum whose type is a class', () => {
    schemaProblem(doc([cls('Point'), cls('Holder', [prop('P', 'Point', { namespace: NS, isValueType: true, isEnum: true })])]), 'Test.Api.Holder.P', 'marked isEnum, but Point is not an enum');
  });

  it('an ambiguous short name inside genericArgs, from a third namespace', () => {
    const a = { name: 'Item', namespace: 'A', properties: [] };
    const b = { name: 'Item', namespace: 'B', properties: [] };
    const holder = { name: 'Holder', namespace: 'C', properties: [prop('L', 'List`1', { genericArgs: ['Item'] })] };
    schemaProblem(doc([a, b, holder]), 'C.Holder.L', 'type Item is ambiguous: A.Item, B.Item');
  });

  it('Nullable of a reference type (the registry’s rule, named by member)', () => {
    schemaProblem(doc([cls('Holder', [prop('N', 'Nullable`1', { genericArgs: ['String'] })])]), 'Holder.N', 'Nullable<String> of a reference type');
  });
});

describe('inheritance problems', () => {
  it('cyclic inheritance names the chain', () => {
    const a = cls('A', [], { inherits: { name: 'B', namespace: NS } });
    const b = cls('B', [], { inherits: { name: 'A', namespace: NS } });
    schemaProblem(doc([a, b]), 'cyclic inheritance: Test.Api.A → Test.Api.B → Test.Api.A');
  });

  it('a class that inherits from itself', () => {
    schemaProblem(doc([cls('A', [], { inherits: { name: 'A', namespace: NS } })]), 'cyclic inheritance: Test.Api.A → Test.Api.A');
  });

  it('a list-derived class is refused (no descriptor for it)', () => {
    const list = { name: 'Names', namespace: NS, inherits: { name: 'List`1', namespace: 'System.Collections.Generic', genericArgs: ['String'] } };
    schemaProblem(doc([list]), 'Test.Api.Names (types[0]) inherits List<String>', 'classes deriving from a list are not supported');
  });

  it('a class deriving from an enum or a scalar', () => {
    const e = { name: 'E', namespace: NS, isEnum: true, enumNames: ['A'] };
    schemaProblem(doc([e, cls('C', [], { inherits: { name: 'E', namespace: NS } })]), 'Test.Api.C (types[1]) inherits E', 'not a class or a Dictionary<K,V>');
    schemaProblem(doc([cls('C', [], { inherits: { name: 'Exception', namespace: 'System' } })]), 'Test.Api.C (types[0]) inherits Exception', 'unsupported .NET type System.Exception');
  });

  it('a dictionary-derived class with members of its own', () => {
    const bag = cls('Bag', [prop('Extra', 'String')], { inherits: { name: 'Dictionary`2', namespace: 'System.Collections.Generic', genericArgs: ['String', 'String'] } });
    schemaProblem(doc([bag]), 'Bag derives from a dictionary and cannot declare members');
  });
});

describe('duplicates', () => {
  it('two types with one name in one namespace', () => {
    schemaProblem(doc([cls('Item'), cls('Item')]), 'two types named Test.Api.Item: types[0] and types[1]');
  });

  it('two operations with one request', () => {
    schemaProblem(doc([], [{ request: cls('Req') }, { request: cls('Req') }]), 'two operations with the request Test.Api.Req: operations[0] and operations[1]');
  });

  it('two members with one name', () => {
    schemaProblem(doc([cls('Holder', [prop('A', 'String'), prop('A', 'Int32')])]), 'Test.Api.Holder.A (types[0].properties[1])', 'a second member named A');
  });
});

describe('enums and other types', () => {
  const en = (extra: Json): Json => ({ name: 'E', namespace: NS, isEnum: true, ...extra });

  it('an enum without enumNames', () => {
    schemaProblem(doc([en({})]), 'Test.Api.E (types[0])', 'an enum needs enumNames');
  });

  it('enumValues of another length', () => {
    schemaProblem(doc([en({ enumNames: ['A', 'B'], enumValues: ['0'] })]), 'Test.Api.E', 'enumValues has 1 entries, enumNames 2');
  });

  it('enumMemberValues of another length', () => {
    schemaProblem(doc([en({ enumNames: ['A', 'B'], enumMemberValues: ['a'] })]), 'Test.Api.E', 'enumMemberValues has 1 entries, enumNames 2');
  });

  it('an enum value that is not an integer', () => {
    schemaProblem(doc([en({ enumNames: ['A'], enumValues: ['x1'] })]), 'Test.Api.E', 'enumValues[0] (A) is not an integer: "x1"');
  });

  it('a nested type no type declares', () => {
    schemaProblem(doc([cls('Inner', [], { isNested: true })]), 'Test.Api.Inner (types[0])', 'isNested, but no type lists it in innerTypes');
  });

  it('a generic type definition without its parameter names', () => {
    schemaProblem(doc([cls('Page`1', [], { isGenericTypeDef: true })]), 'Test.Api.Page`1 (types[0])', 'needs 1 parameter name in genericArgs');
  });

  it('a request DTO that is an enum', () => {
    schemaProblem(doc([], [{ request: en({ enumNames: ['A'] }) }]), 'Test.Api.E (operations[0].request)', 'a request DTO must be a class, not an enum');
  });

  it('a closed generic response without its arguments', () => {
    const op = { request: cls('Req'), response: cls('Page`1', [], { genericArgs: ['T'] }) };
    schemaProblem(doc([], [op]), 'Test.Api.Page`1 (operations[0].response)', "come from the operation's returnType", 'genericArgs ["T"] do not resolve');
  });

  it('a route with an unknown verb', () => {
    schemaProblem(doc([], [{ request: cls('Req'), routes: [{ path: '/x', verbs: 'GET,FETCH' }] }]), 'Test.Api.Req (operations[0])', 'route /x has an unknown verb "FETCH"');
  });
});
