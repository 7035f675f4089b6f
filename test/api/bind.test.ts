/**
 * The library's typed binding for any registry: `bind<Types>(registry)` with the name → type
 * map `renderTypeScript` writes (here for the scalar zoo, committed as ./zoo.types.ts and kept
 * current by the first test), type-level checks with `expectTypeOf` (checked by `tsc`, which
 * `npm test` runs first) and the same calls at run time. The Evo Voice exports stay as they were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bind,
  DtoFormatError,
  json,
  jsv,
  parseMetadata,
  renderTypeScript,
  xml,
  type CustomerInfo,
  type DateTimeValue,
  type TypeDescriptor,
} from '../../src/index.js';
import * as lib from '../../src/index.js';
import { zoo } from '../support/zoo.js';
import type { Color, Everything, Item, Outer, Point, QueryResponse_Item, Renamed, ZooTypes } from './zoo.types.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the zoo type map', () => {
  it('./zoo.types.ts is the current rendering of the zoo registry (update: npx vitest run test/api -u)', async () => {
    await expect(renderTypeScript(zoo, { mapName: 'ZooTypes', importFrom: '../../src/index.js' })).toMatchFileSnapshot('./zoo.types.ts');
  });

  it('the default rendering imports the value-model types from the package, and only the ones it uses', () => {
    const text = renderTypeScript(zoo, { mapName: 'ZooTypes' });
    expect(text).toContain("import type { DateTimeOffsetValue, DateTimeValue, TimeSpanValue } from 'dto-formats';\n");
    expect(text.replace("from 'dto-formats'", "from '../../src/index.js'")).toBe(readFileSync(join(root, 'test/api/zoo.types.ts'), 'utf8'));
    expect(renderTypeScript(bind(zoo).json.registry)).toMatch(/^export interface ScalarZooTypes \{$/m);
  });
});

describe('bind<Types>(registry)', () => {
  const api = bind<ZooTypes>(zoo);

  it('decode is typed by the map', () => {
    expectTypeOf(() => api.json.decode('Outer', '{}')).returns.toEqualTypeOf<Outer>();
    expectTypeOf(() => api.jsv.decode('Renamed', '{}')).returns.toEqualTypeOf<Renamed>();
    expectTypeOf(() => api.xml.decode('Everything', '')).returns.toEqualTypeOf<Everything>();
    expectTypeOf(() => api.json.decode('Item', '{}')).returns.toEqualTypeOf<Item>();
    expectTypeOf(() => api.json.decode('QueryResponse<Item>', '{}')).returns.toEqualTypeOf<QueryResponse_Item>();
    expectTypeOf(() => api.json.decode('Color', '"Red"')).returns.toEqualTypeOf<Color>();
    // The value model in the generated types: Int64 is a bigint, DateTime a DateTimeValue, a struct never null.
    expectTypeOf<NonNullable<Item['id']>>().toEqualTypeOf<bigint>();
    expectTypeOf<NonNullable<Everything['created']>>().toEqualTypeOf<DateTimeValue>();
    expectTypeOf<Everything['where']>().toEqualTypeOf<Point | undefined>();
    // A descriptor of any registry still works, untyped.
    expectTypeOf(() => api.json.decode(zoo.require('Outer'), '{}')).returns.toEqualTypeOf<unknown>();
  });

  it('names and values outside the map are compile errors', () => {
    const reject = () => {
      // @ts-expect-error not a zoo type
      api.json.decode('CustomerInfo', '{}');
      // @ts-expect-error an Outer has no `depth`
      api.json.encode('Outer', { depth: 1 });
      // @ts-expect-error a struct member is never null
      api.json.encode('Everything', { where: null });
    };
    expect(reject).toThrow(DtoFormatError);
  });

  it('decodes and encodes through the registry it was given', () => {
    const outer = api.json.decode('Outer', '{"name":"a","inner":{"depth":2}}');
    expect(outer).toEqual({ name: 'a', inner: { depth: 2 } });
    expect(api.jsv.encode('Outer', outer)).toBe('{name:a,inner:{depth:2}}');
    // DataContract order: Order (none = -1 first), then ordinal names (datacontract.md §5.2); EmitDefaultValue=false
    // omits Count's 0 and the absent label ([DataMember(EmitDefaultValue=false)], .NET DataMemberAttribute docs).
    expect(api.xml.encode('Renamed', { zulu: 'z', first_name: 'A', count: 0, needed: 1 }, { declaration: false })).toBe(
      '<RenamedThing xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://example.org/zoo">' +
        '<Needed>1</Needed><Zulu>z</Zulu><Beta>false</Beta><first_name>A</first_name></RenamedThing>',
    );
    // An enum value no member names is its decimal text (the value model: Enum.ToString()), which the type admits.
    const unnamed = api.json.decode('Everything', '{"nullablePriority":99,"permissions":3}');
    expect([unnamed.nullablePriority, unnamed.permissions]).toEqual(['99', 'Read, Write']);
    expectTypeOf<'99'>().toExtend<NonNullable<Everything['nullablePriority']>>();
    expectTypeOf<'Read, Write'>().toExtend<NonNullable<Everything['permissions']>>();
    expect(api.json.registry).toBe(zoo);
    // Evo Voice names do not resolve in the zoo: a usage error, not a silent fallback to the built-in registry.
    expect(() => (api.json.decode as (t: string, s: string) => unknown)('CustomerInfo', '{}')).toThrow(/unknown type "CustomerInfo"/);
  });

  it('without a map, names are any string and values unknown', () => {
    const loose = bind(zoo);
    expectTypeOf(() => loose.json.decode('Outer', '{}')).returns.toEqualTypeOf<unknown>();
    expect(loose.json.decode('Outer', '{"name":"x"}')).toEqual({ name: 'x' });
  });

  it('works on a registry loaded from /types/metadata', () => {
    const loaded = bind<ZooTypes>(parseMetadata(readFileSync(join(root, 'fixtures/metadata/zoo.metadata.json'), 'utf8')));
    const p = loaded.json.decode('Outer', '{"name":"n","inner":{"depth":3}}');
    expectTypeOf(p).toEqualTypeOf<Outer>();
    expect(loaded.xml.decode('Outer', loaded.xml.encode('Outer', p))).toEqual(p);
  });
});

describe('the Evo Voice exports are bind<EvoVoiceTypes>(registry)', () => {
  it('stay typed by name, with revisions', () => {
    expectTypeOf(() => json.decode('CustomerInfo', '{}')).returns.toEqualTypeOf<CustomerInfo>();
    expectTypeOf(() => xml.decode('CustomerInfo', '', { revision: 1 })).returns.toEqualTypeOf<CustomerInfo>();
    expect(json.encode('SetCustomerStagingMode', { customerId: 'c1' })).toBe('{"customerId":"c1","isStaging":false}');
    expect(jsv.encode('BillingSettings', {}, { revision: 1 })).toBe(jsv.codec.encode(jsv.registry.at(1).require('BillingSettings'), {}));
    const d: TypeDescriptor = json.registry.require('CustomerInfo');
    expectTypeOf(() => json.decode(d, '{}')).returns.toEqualTypeOf<unknown>();
  });
});

describe('the public API names the whole engine', () => {
  it('exports the loader, the profile defaults, the scalar table, the value-model helpers and the renderer', () => {
    expect([typeof lib.fromMetadata, typeof lib.parseMetadata, typeof lib.renderTypeScript, typeof lib.bind]).toEqual(['function', 'function', 'function', 'function']);
    // A ServiceStack host's defaults (servicestack-metadata.md §1.10, jsv-and-json.md §6.1).
    expect(lib.DEFAULT_PROFILE).toEqual({ textCase: 'camel', treatEnumAsInteger: false, excludeDefaultValues: false, includeNullValues: false, contractNamespaces: {} });
    expect(Object.keys(lib.SCALARS)).toEqual([...lib.SCALAR_NAMES]);
    expectTypeOf<lib.ScalarValues['Int64']>().toEqualTypeOf<bigint>();
    expectTypeOf<lib.ScalarValues['TimeSpan']>().toEqualTypeOf<lib.TimeSpanValue>();
    const epoch = lib.dateTimeFromDate(new Date(0));
    expect(epoch).toEqual({ ticks: lib.UNIX_EPOCH_TICKS, kind: 'Utc' });
    expect(lib.dateTimeToDate(epoch!).getTime()).toBe(0);
    expectTypeOf(lib.dateTimeFromDate).returns.toEqualTypeOf<lib.DateTimeValue | undefined>();
    expectTypeOf<lib.RegistryProfile['textCase']>().toEqualTypeOf<'camel' | 'pascal' | 'snake'>();
  });

  it('every value-model type the renderer imports is a type the package exports', () => {
    // zoo.types.ts imports them from src/index.ts and is type-checked with the suite; here, that the list is complete.
    const imported = /^import type \{ (.+) \} from/m.exec(readFileSync(join(root, 'test/api/zoo.types.ts'), 'utf8'))![1]!.split(', ');
    const nonBuiltIn = [...new Set(Object.values(lib.SCALARS).map((r) => r.tsType))].filter((t) => !['string', 'number', 'boolean', 'bigint', 'unknown', 'Uint8Array'].includes(t));
    expect(imported).toEqual(nonBuiltIn.sort());
  });

  it('a registry loaded from metadata renders the same declarations as the hand-declared zoo (order aside)', () => {
    const blocks = (text: string) => text.split('\n\n').slice(1, -1).sort();
    const loaded = renderTypeScript(parseMetadata(readFileSync(join(root, 'fixtures/metadata/zoo.metadata.json'), 'utf8'), { name: zoo.name }), { mapName: 'ZooTypes' });
    expect(blocks(loaded)).toEqual(blocks(renderTypeScript(zoo, { mapName: 'ZooTypes' })));
  });
});
