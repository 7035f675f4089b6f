/**
 * The CLR type-name spellings of `/types/metadata` (servicestack-metadata.md §1.4–§1.5):
 * `Type.Name` with its backtick arity plus `genericArgs`, and the inline `ExpandTypeName` /
 * `GetFullyQualifiedName` form (`Dictionary<String,List<Int32>>`, no namespaces, no arity).
 */
import { describe, expect, it } from 'vitest';
import { arityOf, formatTypeName, parseTypeName, TypeNameProblem, type TypeName } from '../../src/schema/type-names.js';

const parsed = (text: string, args?: string[]): TypeName => {
  const r = parseTypeName(text, args);
  if (r instanceof TypeNameProblem) throw new Error(r.detail);
  return r;
};
const problem = (text: string, args?: string[]): string => {
  const r = parseTypeName(text, args);
  if (!(r instanceof TypeNameProblem)) throw new Error(`"${text}" parsed`);
  return r.detail;
};

describe('parseTypeName', () => {
  it.each([
    ['Int32', undefined, 'Int32'],
    ['Nullable`1', ['Int32'], 'Nullable<Int32>'],
    ['List`1', ['String'], 'List<String>'],
    ['Dictionary`2', ['String', 'List<Int32>'], 'Dictionary<String,List<Int32>>'],
    ['Int32[]', undefined, 'Int32[]'],
    ['Int32[][]', undefined, 'Int32[][]'],
    ['Nullable`1[]', ['Int32'], 'Nullable<Int32>[]'],
    ['List<Int32>', undefined, 'List<Int32>'],
    ['Dictionary<String,List<Int32>>', undefined, 'Dictionary<String,List<Int32>>'],
    ['Dictionary<String, List<Nullable<Int32>>>', undefined, 'Dictionary<String,List<Nullable<Int32>>>'],
    ['QueryResponse`1', ['Item'], 'QueryResponse<Item>'],
    ['List<Byte[]>', undefined, 'List<Byte[]>'],
    ['Outer.Inner', undefined, 'Outer.Inner'],
    ['Outer+Inner', undefined, 'Outer.Inner'],
    ['Voice.Api.Item', undefined, 'Voice.Api.Item'],
    ['Überschrift', undefined, 'Überschrift'],
    // An explicit arity written inline too (`List`1<Int32>`) is accepted when it agrees.
    ['List`1<Int32>', undefined, 'List<Int32>'],
  ])('%s %j → %s', (text, args, shown) => {
    expect(formatTypeName(parsed(text, args))).toBe(shown);
  });

  it('builds the tree: arity, arguments, array rank', () => {
    expect(parsed('Nullable`1[]', ['Int32'])).toEqual({ name: 'Nullable', arity: 1, arrays: 1, args: [{ name: 'Int32', args: [], arrays: 0 }] });
    const d = parsed('Dictionary<String,List<Int32>>');
    expect(arityOf(d)).toBe(2);
    expect(d.arity).toBeUndefined();
    expect(d.args[1]).toEqual({ name: 'List', args: [{ name: 'Int32', args: [], arrays: 0 }], arrays: 0 });
  });

  it('ignores genericArgs for a name without arity (a collection element’s args, §1.5)', () => {
    expect(formatTypeName(parsed('Struct', ['String', 'Value']))).toBe('Struct');
    expect(formatTypeName(parsed('Foo[]', ['Int32']))).toBe('Foo[]');
  });

  it.each([
    ['', undefined, 'expected a type name at the end'],
    ['List<', undefined, 'expected a type name at the end'],
    ['List<Int32', undefined, 'expected "," or ">" at the end'],
    ['List<Int32>>', undefined, 'unexpected text at position 12'],
    ['Int32[', undefined, 'expected "]"'],
    ['Int32[,]', undefined, 'only one-dimensional arrays'],
    ['List`', undefined, 'expected the generic arity after "`"'],
    ['List`0', ['Int32'], 'expected the generic arity after "`"'],
    ['List`1<Int32,String>', undefined, 'arity 1 but 2 generic arguments'],
    ['List`1', undefined, '"List`1" is generic of arity 1 but no genericArgs are given'],
    ['Dictionary`2', ['String'], '"Dictionary`2" takes 2 generic arguments, genericArgs has 1'],
    ['List`1', ['Int32', 'Int32'], '"List`1" takes 1 generic argument, genericArgs has 2'],
    ['List`1', ['List<'], 'cannot parse type name "List<"'],
    ['Foo.', undefined, 'expected a name after "."'],
    ['1Foo', undefined, 'expected a type name at position 1'],
  ])('refuses %j %j: %s', (text, args, detail) => {
    expect(problem(text, args)).toContain(detail);
  });
});
