/**
 * Small DTO shapes the Evo Voice set does not have (lists of value types, nested lists,
 * Int32-keyed maps, a self-referencing node, an enum with a negative member), for the JSV and
 * sample suites.
 */
import { classType, createRegistry, enumType, prop, t } from '../../src/index.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import { scalar } from '../../src/schema/registry.js';

const { String, Boolean, Int32, Double, Nullable, List, Dictionary, ref } = t;

export const shapes = createRegistry({
  name: 'Shapes',
  revisions: [{ id: 1, description: 'test shapes' }],
  types: [
    enumType('Test', 'Color', { Red: 0, Green: 1, Blue: 2 }),
    enumType('Test', 'Odd', { A: 5, B: -1, C: 2 }),
    enumType('Test', 'NoZero', { One: 1, Two: 2 }),
    classType('Test', 'Item', {}, { X: prop(Int32), Label: prop(String) }),
    classType('Test', 'Bag', { dictionary: Dictionary(String, ref('Item')) }, {}),
    classType('Test', 'Node', {}, { Name: prop(String), Children: prop(List(ref('Node'))) }),
    classType('Test', 'Shapes', {}, {
      Name: prop(String),
      Count: prop(Int32),
      Ratio: prop(Double),
      Flag: prop(Boolean),
      MaybeFlag: prop(Nullable(Boolean)),
      MaybeCount: prop(Nullable(Int32)),
      Color: prop(ref('Color')),
      MaybeColor: prop(Nullable(ref('Color'))),
      Item: prop(ref('Item')),
      Bag: prop(ref('Bag')),
      Names: prop(List(String)),
      Counts: prop(List(Int32)),
      Ratios: prop(List(Double)),
      Flags: prop(List(Boolean)),
      Colors: prop(List(ref('Color'))),
      MaybeCounts: prop(List(Nullable(Int32))),
      Grid: prop(List(List(Int32))),
      Items: prop(List(ref('Item'))),
      Bags: prop(List(ref('Bag'))),
      Maps: prop(List(Dictionary(String, String))),
      Map: prop(Dictionary(String, String)),
      IntMap: prop(Dictionary(Int32, String)),
      Constructor: prop(String),
    }),
    classType('Test', 'Samples', {}, {
      Odd: prop(ref('Odd')),
      MaybeOdd: prop(Nullable(ref('Odd'))),
      NoZero: prop(Nullable(ref('NoZero'))),
      IntMap: prop(Dictionary(Int32, ref('Item'))),
      Grid: prop(List(List(String))),
      Node: prop(ref('Node')),
    }),
  ],
});

export const S = shapes.at(1);
export const Shapes = S.requireClass('Shapes');
export const Item = S.requireClass('Item');
export const Bag = S.requireClass('Bag');
export const Node = S.requireClass('Node');

export function list(of: TypeDescriptor): TypeDescriptor {
  return { kind: 'list', of, isValueType: false };
}

export function dict(value: TypeDescriptor, key: TypeDescriptor = scalar('String')): TypeDescriptor {
  return { kind: 'dictionary', key: key as ReturnType<typeof scalar>, value, isValueType: false };
}

export const STRING = scalar('String');
export const INT32 = scalar('Int32');
export const DOUBLE = scalar('Double');
export const BOOLEAN = scalar('Boolean');

export function member(c: ClassDescriptor, wire: string): TypeDescriptor {
  return c.properties.find((p) => p.wireName === wire)!.type;
}
