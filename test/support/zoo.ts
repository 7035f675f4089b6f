/**
 * The "scalar zoo": a registry that exercises every .NET scalar, Nullable<> of each value type,
 * lists and dictionaries of each, DataContract/DataMember attributes, an integer enum, a flags
 * enum, an enum with [EnumMember] values, a struct, a closed generic response and a nested
 * type. `fixtures/metadata/zoo.metadata.json` is the same API as a `/types/metadata`
 * document; a test checks that the two registries are equivalent. The oracle's C# zoo DTOs
 * (fixtures/oracle/zoo/README.md) mirror these declarations.
 */
import { classType, enumType, prop, route, t, type PropertyDeclaration, type SchemaDeclaration } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import type { ScalarName } from '../../src/schema/scalars.js';

const NS = 'Zoo.Types';

/** Every scalar a DTO member can have (Object is declared apart: no format carries it). */
export const ZOO_SCALARS = [
  'String', 'Boolean', 'Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64',
  'Single', 'Double', 'Decimal', 'Char', 'DateTime', 'DateTimeOffset', 'TimeSpan', 'Guid', 'Byte[]', 'Uri',
] as const satisfies readonly ScalarName[];

/** The value-type scalars: those with a Nullable<T>. */
export const ZOO_VALUE_SCALARS = ZOO_SCALARS.filter((n) => n !== 'String' && n !== 'Byte[]' && n !== 'Uri');

/** The scalars the zoo uses as dictionary keys. */
export const ZOO_KEY_SCALARS = ['Int32', 'Int64', 'Guid', 'Boolean', 'DateTime'] as const satisfies readonly ScalarName[];

/** `Byte[]` → `Bytes`, so member names stay identifiers. */
export const memberStem = (n: ScalarName): string => (n === 'Byte[]' ? 'Bytes' : n);

const each = (make: (n: ScalarName) => [string, PropertyDeclaration], names: readonly ScalarName[]) =>
  Object.fromEntries(names.map(make));

export const zooDeclaration: SchemaDeclaration = {
  name: 'Scalar zoo',
  revisions: [{ id: 1, description: 'the only revision' }],
  types: [
    classType(NS, 'ScalarZoo', {}, each((n) => [`${memberStem(n)}Value`, prop(t.scalar(n))], ZOO_SCALARS)),
    classType(NS, 'NullableZoo', {}, each((n) => [`Nullable${memberStem(n)}`, prop(t.Nullable(t.scalar(n)))], ZOO_VALUE_SCALARS)),
    classType(NS, 'ListZoo', {}, each((n) => [`${memberStem(n)}List`, prop(t.List(t.scalar(n)))], ZOO_SCALARS)),
    classType(NS, 'DictionaryZoo', {}, {
      ...each((n) => [`${memberStem(n)}Values`, prop(t.Dictionary(t.String, t.scalar(n)))], ZOO_SCALARS),
      ...each((n) => [`${memberStem(n)}Keys`, prop(t.Dictionary(t.scalar(n), t.String))], ZOO_KEY_SCALARS),
    }),
    enumType(NS, 'Priority', { Low: 10, Medium: 20, High: 30 }, 'An integer enum (isEnumInt): JSON/JSV write numbers.', { isInt: true }),
    enumType(NS, 'Permissions', { None: 0, Read: 1, Write: 2, Execute: 4, All: 7 }, 'A [Flags] enum.', { flags: true }),
    {
      kind: 'enum',
      namespace: NS,
      name: 'Mood',
      description: 'An enum with [EnumMember(Value)] texts.',
      members: [['Calm', 0, 'calm'], ['Happy', 1, 'happy-face'], ['Grumpy', 2]],
    },
    enumType(NS, 'Color', { Red: 0, Green: 1, Blue: 2 }),
    classType(NS, 'Point', { valueType: true, description: 'A struct.' }, {
      X: prop(t.Int32),
      Y: prop(t.Int32),
    }),
    classType(NS, 'Renamed', {
      description: '[DataContract(Name = "RenamedThing", Namespace = "http://example.org/zoo")] with [DataMember] attributes.',
      dataContract: { name: 'RenamedThing', namespace: 'http://example.org/zoo' },
    }, {
      Zulu: prop(t.String, { dataMember: {} }),
      Alpha: prop(t.String, { dataMember: { name: 'first_name', order: 2 } }),
      Count: prop(t.Int32, { dataMember: { order: 1, emitDefaultValue: false } }),
      Label: prop(t.String, { dataMember: { name: 'label', emitDefaultValue: false } }),
      Needed: prop(t.Int32, { dataMember: { isRequired: true } }),
      Beta: prop(t.Boolean, { dataMember: { order: 1 } }),
    }),
    classType(NS, 'Outer', {}, { Name: prop(t.String), Inner: prop(t.ref('Zoo.Types.Outer.Inner')) }),
    classType(NS, 'Inner', { declaringType: 'Outer' }, { Depth: prop(t.Int32) }),
    classType(NS, 'Item', {}, { Id: prop(t.Int64), Name: prop(t.String) }),
    classType(NS, 'QueryResponse<Item>', { generic: { definition: 'QueryResponse', args: [t.ref('Item')] } }, {
      Offset: prop(t.Int32),
      Total: prop(t.Int32),
      Results: prop(t.List(t.ref('Item'))),
    }),
    classType(NS, 'EverythingBase', {}, { Id: prop(t.Guid), Created: prop(t.DateTime) }),
    classType(NS, 'Everything', { base: 'EverythingBase' }, {
      Priority: prop(t.ref('Priority')),
      Permissions: prop(t.ref('Permissions')),
      Mood: prop(t.ref('Mood')),
      Color: prop(t.ref('Color')),
      NullablePriority: prop(t.Nullable(t.ref('Priority'))),
      Where: prop(t.ref('Point')),
      MaybeWhere: prop(t.Nullable(t.ref('Point'))),
      Points: prop(t.List(t.ref('Point'))),
      Renamed: prop(t.ref('Renamed')),
      Outer: prop(t.ref('Outer')),
      Scalars: prop(t.ref('ScalarZoo')),
      Nullables: prop(t.ref('NullableZoo')),
      Lists: prop(t.ref('ListZoo')),
      Dictionaries: prop(t.ref('DictionaryZoo')),
      Moods: prop(t.List(t.ref('Mood'))),
      Priorities: prop(t.Dictionary(t.String, t.ref('Priority'))),
    }),
    classType(NS, 'GetZoo', {
      description: 'A request: its response is the generic QueryResponse<Item>.',
      operation: { routes: [route('GET', '/zoo/{Id}')], returns: 'QueryResponse<Item>' },
    }, { Id: prop(t.Int64), Filter: prop(t.String) }),
    classType(NS, 'ObjectHolder', { description: 'System.Object members: no format carries them, every codec says so.' }, {
      Anything: prop(t.Object),
    }),
  ],
};

export const zoo = createRegistry(zooDeclaration);
