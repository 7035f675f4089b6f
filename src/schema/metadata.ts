/**
 * A registry from a ServiceStack `/types/metadata` document (`MetadataTypes`), or from the
 * `/metadata/app.json` `AppMetadata` that wraps one in `api` (servicestack-metadata.md §1, §5).
 *
 * The document is read into one `SchemaDeclaration` (a single revision) and handed to
 * `createRegistry`, so a loaded API and a hand-declared one resolve by the same rules. What the
 * loader must know about ServiceStack's document, restated from its builder
 * (`NativeTypesMetadata.ToExactType`, `ToMetadataPropertyType`, `AppMetadataUtils.GetCache`):
 *
 * - request and response DTOs appear only under `operations`; the loader unions `types`,
 *   `operations[].request` and `operations[].response`, deduplicated by namespace + name;
 * - type references are CLR names (`type-names.ts`); arguments inside `genericArgs` carry no
 *   namespace, so a user type there is found by its short name;
 * - a generic type definition (`QueryResponse`1`, `isGenericTypeDef`, `genericArgs: ["T"]`) is a
 *   template: every closed use (`inherits`, a member, an operation response) declares the closed
 *   type `QueryResponse<Item>` with T substituted. A closed *response* is written with the
 *   definition's parameter names in `genericArgs` (`GetGenericTypeArgs`) and already-closed
 *   members; its arguments come from the operation's `returnType`;
 * - `MetadataType` has no value-type flag: a struct is known from the members that use it
 *   (`isValueType` describes the member's underlying type) or from `Nullable<T>` of it. A
 *   type-level `isValueType` is accepted too;
 * - `[Flags]` is the exported `Flags` attribute in the enum's `attributes`; `isEnumInt`
 *   (flags or the host's `TreatEnumAsInteger`) makes JSON/JSV write numbers;
 * - false flags and empty lists are often absent (`NullIfFalse`); the pre-v6 `typeNamespace` is
 *   `namespace`; unknown keys (UI hints, `meta`, `isSystemType`) are ignored;
 * - the document is written in the host's `TextCase` (camelCase keys on a host, PascalCase
 *   without `UseCamelCase`, snake_case), so its key casing — or an AppMetadata's
 *   `app.jsTextCase` — is the registry's text case unless the caller's profile says otherwise;
 * - System enums (`DayOfWeek`) and ServiceStack's own DTOs (`ResponseStatus`, `QueryResponse<T>`,
 *   `QueryDb<T>`…) are referenced but not listed by default: the loader holds them, and types
 *   of ServiceStack's CLR namespaces take the assemblies' `[ContractNamespace]`.
 *
 * Not representable (a clear `schema` error): classes deriving from a list, interfaces as member
 * types, multi-dimensional arrays, System types without a scalar row (DateOnly, TimeOnly).
 * Not in the metadata at all (§1.10): which lists a constructor initialises.
 *
 * Every problem is one `DtoFormatError` with code `'schema'` naming the type and member.
 */
import { schemaError } from '../errors.js';
import {
  t,
  type ClassDeclaration,
  type DataContractDeclaration,
  type DataMemberDeclaration,
  type EnumDeclaration,
  type PropertyDeclaration,
  type SchemaDeclaration,
  type TypeDeclaration,
  type TypeExpr,
} from './builder.js';
import type { HttpVerb, OperationDescriptor, RegistryProfile, RouteDescriptor, TextCase } from './descriptors.js';
import { toPascalCase, toSnakeCase } from './naming.js';
import { createRegistry, type Registry } from './registry.js';
import { isScalarName } from './scalars.js';
import { arityOf, formatTypeName, parseTypeName, TypeNameProblem, type TypeName } from './type-names.js';

/** Options of `fromMetadata`. */
export interface MetadataOptions {
  /** The registry's name (default: `config.baseUrl` of the document, else `ServiceStack API`). */
  readonly name?: string;
  /** Host-wide switches the metadata does not carry (§1.10); missing ones take ServiceStack's defaults. */
  readonly profile?: Partial<RegistryProfile>;
  /**
   * Members whose DTO constructor assigns an empty collection (`Rules = new List<…>()`), by
   * full name (`Voice.Api.Scheduling.Schedule.Rules`). The metadata cannot say it (§1.10), and
   * only one reader observes it: DataContractSerializer runs the constructor of a class without
   * `[DataContract]`, so an omitted member keeps that empty list (the XML codec's `lenient` mode).
   * A name that matches no member is a `schema` error.
   */
  readonly initializedCollections?: readonly string[];
}

/** A registry from a parsed `MetadataTypes` or `AppMetadata` document. */
export function fromMetadata(doc: unknown, options?: MetadataOptions): Registry {
  const declaration = metadataDeclaration(doc, options);
  const mine = options?.profile;
  if (mine === undefined) return createRegistry(declaration);
  // The caller's contract namespaces add to those of ServiceStack's own assemblies rather than replace them.
  const ours = declaration.profile?.contractNamespaces;
  const profile = ours && mine.contractNamespaces ? { ...mine, contractNamespaces: { ...ours, ...mine.contractNamespaces } } : mine;
  return createRegistry(declaration, { profile });
}

/** `fromMetadata` of a JSON text: text that is not JSON is a `schema` error too. */
export function parseMetadata(text: string, options?: MetadataOptions): Registry {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw schemaError(`metadata document is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return fromMetadata(doc, options);
}

/** The declaration `fromMetadata` resolves: one revision, every type of the document. */
export function metadataDeclaration(doc: unknown, options?: MetadataOptions): SchemaDeclaration {
  const read = readDocument(doc);
  const declaration = withInitializedCollections(
    new Loader(read).declaration(options?.name ?? read.baseUrl ?? 'ServiceStack API'),
    options?.initializedCollections ?? [],
  );
  const profile: { -readonly [K in keyof RegistryProfile]?: RegistryProfile[K] } = {};
  // The document's own text case is the host's; an explicit profile (the caller's) still wins.
  if (read.textCase) profile.textCase = read.textCase;
  const used = Object.keys(SERVICESTACK_CONTRACT_NAMESPACES).filter((ns) => declaration.types.some((t) => t.namespace === ns));
  if (used.length) profile.contractNamespaces = Object.fromEntries(used.map((ns) => [ns, SERVICESTACK_CONTRACT_NAMESPACES[ns]!]));
  return Object.keys(profile).length ? { ...declaration, profile } : declaration;
}

/** The declaration with `initializedByConstructor` set on the named members. */
function withInitializedCollections(d: SchemaDeclaration, names: readonly string[]): SchemaDeclaration {
  if (names.length === 0) return d;
  const wanted = new Set(names);
  const types = d.types.map((t) => {
    if (t.kind !== 'class') return t;
    const full = [t.namespace, t.declaringType, t.name].filter((x) => x).join('.');
    // A null prototype: a member may be called __proto__.
    const properties = Object.create(null) as Record<string, PropertyDeclaration>;
    for (const [name, p] of Object.entries(t.properties)) {
      const hit = wanted.delete(`${full}.${name}`);
      properties[name] = hit ? { ...p, initializedByConstructor: true } : p;
    }
    return { ...t, properties };
  });
  if (wanted.size) throw schemaError(`initializedCollections names no member of the document: ${[...wanted].join(', ')}`);
  return { ...d, types };
}

// ---------------------------------------------------------------------------------------------
// Reading: the document's shape, checked, with PascalCase keys and pre-v6 names accepted.

type Json = Record<string, unknown>;

interface MetaTypeName {
  readonly name: string;
  readonly namespace?: string;
  readonly genericArgs?: readonly string[];
}

interface MetaProperty {
  readonly name: string;
  readonly type: string;
  readonly namespace?: string;
  readonly genericArgs?: readonly string[];
  readonly isValueType: boolean;
  readonly isEnum: boolean;
  readonly description?: string;
  readonly dataMember?: DataMemberDeclaration;
  /** `Voice.Api.Foo.Bar (types[3].properties[1])`. */
  readonly where: string;
}

interface MetaType {
  readonly name: string;
  readonly namespace: string;
  readonly genericArgs?: readonly string[];
  readonly inherits?: MetaTypeName;
  readonly isNested: boolean;
  readonly isEnum: boolean;
  readonly isEnumInt: boolean;
  readonly isInterface: boolean;
  readonly isGenericTypeDef: boolean;
  readonly isValueType: boolean;
  readonly dataContract?: DataContractDeclaration;
  readonly properties?: readonly MetaProperty[];
  readonly attributes: readonly string[];
  readonly innerTypes: readonly MetaTypeName[];
  readonly enumNames?: readonly string[];
  readonly enumValues?: readonly string[];
  readonly enumMemberValues?: readonly string[];
  readonly description?: string;
  /** Where in the document: `types[3]`, `operations[0].response`. */
  readonly path: string;
  readonly fromOperation: boolean;
}

interface MetaRoute {
  readonly path: string;
  readonly verbs?: string;
}

interface MetaOperation {
  readonly request: MetaType;
  readonly response?: MetaType;
  readonly returnsVoid: boolean;
  readonly returnType?: MetaTypeName;
  readonly routes: readonly MetaRoute[];
  readonly requiresAuth: boolean;
  readonly requiresAnyRole?: readonly string[];
  readonly path: string;
}

interface MetaDocument {
  readonly baseUrl?: string;
  readonly textCase?: TextCase;
  readonly types: readonly MetaType[];
  readonly operations: readonly MetaOperation[];
}

const own = (o: Json, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A key in the host's text case: the document is written by ServiceStack.Text with the host's
 * `TextCase` (§1.1), so its own keys are camelCase (`UseCamelCase`, the default), PascalCase
 * (`UseCamelCase = false`) or snake_case (`TextCase.SnakeCase`).
 */
function field(o: Json, camel: string): unknown {
  if (own(o, camel)) return o[camel];
  const pascal = toPascalCase(camel);
  if (own(o, pascal)) return o[pascal];
  const snake = toSnakeCase(camel);
  return snake !== camel && own(o, snake) ? o[snake] : undefined;
}

/**
 * The host's text case, as its metadata document shows it: an AppMetadata's `app.jsTextCase`
 * (`JsConfig.TextCase`), else the casing of the document's own multi-word keys. Undefined when
 * nothing tells (then the profile default, camel, holds).
 */
function documentTextCase(doc: Json, api: Json): TextCase | undefined {
  const app = api === doc ? undefined : field(doc, 'app');
  if (isObject(app)) {
    const tc = field(app, 'jsTextCase');
    if (tc === 'CamelCase') return 'camel';
    if (tc === 'SnakeCase') return 'snake';
    // `Default` leaves member names as declared: PascalCase .NET names.
    if (tc === 'PascalCase' || tc === 'Default') return 'pascal';
  }
  let budget = 10_000;
  const walk = (v: unknown): TextCase | undefined => {
    if (--budget < 0 || typeof v !== 'object' || v === null) return undefined;
    if (Array.isArray(v)) {
      for (const x of v) {
        const r = walk(x);
        if (r) return r;
      }
      return undefined;
    }
    for (const [k, x] of Object.entries(v)) {
      // Only the document's own keys: `meta` maps and `config` hold free-form or host-named keys.
      if (k === 'meta' || k === 'Meta' || k === 'config' || k === 'Config') continue;
      if (/^[A-Z]/.test(k)) return 'pascal';
      if (/^[a-z]+(_[a-z]+)+$/.test(k)) return 'snake';
      if (/^[a-z]+[A-Z]/.test(k)) return 'camel';
      const r = walk(x);
      if (r) return r;
    }
    return undefined;
  };
  return walk(api);
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class DocReader {
  str(o: Json, key: string, where: string): string {
    const v = field(o, key);
    if (typeof v !== 'string' || v === '') throw schemaError(`${where}: "${key}" must be a non-empty string, got ${shown(v)}`);
    return v;
  }

  optStr(o: Json, key: string, where: string): string | undefined {
    const v = field(o, key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw schemaError(`${where}: "${key}" must be a string, got ${shown(v)}`);
    return v;
  }

  /** "True or absent": the server writes false as null (§1.1). */
  flag(o: Json, key: string, where: string): boolean {
    const v = field(o, key);
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') throw schemaError(`${where}: "${key}" must be a boolean, got ${shown(v)}`);
    return v;
  }

  optInt(o: Json, key: string, where: string): number | undefined {
    const v = field(o, key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw schemaError(`${where}: "${key}" must be an integer, got ${shown(v)}`);
    return v;
  }

  optObj(o: Json, key: string, where: string): Json | undefined {
    const v = field(o, key);
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) throw schemaError(`${where}: "${key}" must be an object, got ${shown(v)}`);
    return v;
  }

  optArr(o: Json, key: string, where: string): readonly unknown[] | undefined {
    const v = field(o, key);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw schemaError(`${where}: "${key}" must be an array, got ${shown(v)}`);
    return v;
  }

  optStrings(o: Json, key: string, where: string): readonly string[] | undefined {
    const a = this.optArr(o, key, where);
    if (a === undefined) return undefined;
    a.forEach((x, i) => {
      if (typeof x !== 'string') throw schemaError(`${where}: "${key}"[${i}] must be a string, got ${shown(x)}`);
    });
    return a as readonly string[];
  }

  typeName(o: Json, where: string): MetaTypeName {
    const r: { -readonly [K in keyof MetaTypeName]: MetaTypeName[K] } = { name: this.str(o, 'name', where) };
    const ns = this.optStr(o, 'namespace', where);
    if (ns !== undefined) r.namespace = ns;
    const args = this.optStrings(o, 'genericArgs', where);
    if (args?.length) r.genericArgs = args;
    return r;
  }

  property(o: unknown, owner: string, path: string): MetaProperty {
    if (!isObject(o)) throw schemaError(`${owner} (${path}): a property must be an object, got ${shown(o)}`);
    const rawName = field(o, 'name');
    const label = typeof rawName === 'string' && rawName ? `${owner}.${rawName} (${path})` : `${owner} (${path})`;
    const name = this.str(o, 'name', label);
    const p: { -readonly [K in keyof MetaProperty]: MetaProperty[K] } = {
      name,
      type: this.str(o, 'type', label),
      isValueType: this.flag(o, 'isValueType', label),
      isEnum: this.flag(o, 'isEnum', label),
      where: label,
    };
    // `typeNamespace` is the pre-v6 name of `namespace` (§1.5, §1.11).
    const ns = this.optStr(o, 'namespace', label) ?? this.optStr(o, 'typeNamespace', label);
    if (ns !== undefined) p.namespace = ns;
    const args = this.optStrings(o, 'genericArgs', label);
    if (args?.length) p.genericArgs = args;
    const description = this.optStr(o, 'description', label);
    if (description !== undefined) p.description = description;
    const dm = this.optObj(o, 'dataMember', label);
    if (dm) {
      const d: { -readonly [K in keyof DataMemberDeclaration]: DataMemberDeclaration[K] } = {};
      const w = `${label} dataMember`;
      const n = this.optStr(dm, 'name', w);
      if (n !== undefined) d.name = n;
      const order = this.optInt(dm, 'order', w);
      if (order !== undefined && order >= 0) d.order = order;
      const edv = field(dm, 'emitDefaultValue');
      if (edv !== undefined && edv !== null) {
        if (typeof edv !== 'boolean') throw schemaError(`${w}: "emitDefaultValue" must be a boolean, got ${shown(edv)}`);
        d.emitDefaultValue = edv;
      }
      if (this.flag(dm, 'isRequired', w)) d.isRequired = true;
      p.dataMember = d;
    }
    return p;
  }

  type(o: unknown, path: string, fromOperation: boolean): MetaType {
    if (!isObject(o)) throw schemaError(`${path}: a type must be an object, got ${shown(o)}`);
    const name = this.str(o, 'name', path);
    const namespace = this.optStr(o, 'namespace', path) ?? this.optStr(o, 'typeNamespace', path) ?? '';
    const full = namespace ? `${namespace}.${name}` : name;
    const where = `${full} (${path})`;
    const m: { -readonly [K in keyof MetaType]: MetaType[K] } = {
      name,
      namespace,
      isNested: this.flag(o, 'isNested', where),
      isEnum: this.flag(o, 'isEnum', where),
      isEnumInt: this.flag(o, 'isEnumInt', where),
      isInterface: this.flag(o, 'isInterface', where),
      isGenericTypeDef: this.flag(o, 'isGenericTypeDef', where),
      isValueType: this.flag(o, 'isValueType', where),
      attributes: [],
      innerTypes: [],
      path,
      fromOperation,
    };
    const args = this.optStrings(o, 'genericArgs', where);
    if (args?.length) m.genericArgs = args;
    const inh = this.optObj(o, 'inherits', where);
    if (inh) m.inherits = this.typeName(inh, `${where} inherits`);
    const dc = this.optObj(o, 'dataContract', where);
    if (dc) {
      const d: { -readonly [K in keyof DataContractDeclaration]: DataContractDeclaration[K] } = {};
      const n = this.optStr(dc, 'name', `${where} dataContract`);
      if (n !== undefined) d.name = n;
      const ns = this.optStr(dc, 'namespace', `${where} dataContract`);
      if (ns !== undefined) d.namespace = ns;
      m.dataContract = d;
    }
    const props = this.optArr(o, 'properties', where);
    if (props) m.properties = props.map((p, i) => this.property(p, full, `${path}.properties[${i}]`));
    const attrs = this.optArr(o, 'attributes', where) ?? [];
    // Only the names matter here (`Flags`); the server abridges nothing, but hand-written documents may list strings.
    m.attributes = attrs.map((a) => (isObject(a) ? field(a, 'name') : a)).filter((n): n is string => typeof n === 'string');
    const inner = this.optArr(o, 'innerTypes', where) ?? [];
    m.innerTypes = inner.map((x, i) => {
      if (!isObject(x)) throw schemaError(`${where}: innerTypes[${i}] must be an object, got ${shown(x)}`);
      return this.typeName(x, `${where} innerTypes[${i}]`);
    });
    const names = this.optStrings(o, 'enumNames', where);
    if (names) m.enumNames = names;
    const values = this.optStrings(o, 'enumValues', where);
    if (values) m.enumValues = values;
    const memberValues = this.optStrings(o, 'enumMemberValues', where);
    if (memberValues) m.enumMemberValues = memberValues;
    const description = this.optStr(o, 'description', where);
    if (description !== undefined) m.description = description;
    return m;
  }

  operation(o: unknown, path: string): MetaOperation {
    if (!isObject(o)) throw schemaError(`${path}: an operation must be an object, got ${shown(o)}`);
    const req = field(o, 'request');
    if (req === undefined || req === null) throw schemaError(`${path}: an operation needs a "request" type`);
    const request = this.type(req, `${path}.request`, true);
    const where = `${request.namespace ? request.namespace + '.' : ''}${request.name} (${path})`;
    const op: { -readonly [K in keyof MetaOperation]: MetaOperation[K] } = {
      request,
      returnsVoid: this.flag(o, 'returnsVoid', where),
      routes: [],
      requiresAuth: this.flag(o, 'requiresAuth', where),
      path,
    };
    const res = field(o, 'response');
    if (res !== undefined && res !== null) op.response = this.type(res, `${path}.response`, true);
    const rt = this.optObj(o, 'returnType', where);
    if (rt) op.returnType = this.typeName(rt, `${where} returnType`);
    const routes = this.optArr(o, 'routes', where) ?? [];
    op.routes = routes.map((r, i) => {
      if (!isObject(r)) throw schemaError(`${where}: routes[${i}] must be an object, got ${shown(r)}`);
      const route: { path: string; verbs?: string } = { path: this.str(r, 'path', `${where} routes[${i}]`) };
      const verbs = this.optStr(r, 'verbs', `${where} routes[${i}]`);
      if (verbs !== undefined) route.verbs = verbs;
      return route;
    });
    const roles = this.optStrings(o, 'requiresAnyRole', where);
    if (roles?.length) op.requiresAnyRole = roles;
    return op;
  }
}

function readDocument(doc: unknown): MetaDocument {
  if (!isObject(doc)) throw schemaError(`a metadata document must be a JSON object, got ${shown(doc)}`);
  let api = doc;
  if (field(doc, 'types') === undefined && field(doc, 'operations') === undefined) {
    // `/metadata/app.json`: an AppMetadata whose `api` is the MetadataTypes (§1.1).
    const inner = field(doc, 'api');
    if (!isObject(inner)) {
      throw schemaError('not a ServiceStack metadata document: expected "types" and "operations" (/types/metadata) or "api" (/metadata/app.json)');
    }
    api = inner;
  }
  const r = new DocReader();
  const types = field(api, 'types');
  const operations = field(api, 'operations');
  if (!Array.isArray(types)) throw schemaError(`metadata document: "types" must be an array, got ${shown(types)}`);
  if (!Array.isArray(operations)) throw schemaError(`metadata document: "operations" must be an array, got ${shown(operations)}`);
  const out: { -readonly [K in keyof MetaDocument]: MetaDocument[K] } = {
    types: types.map((x, i) => r.type(x, `types[${i}]`, false)),
    operations: operations.map((x, i) => r.operation(x, `operations[${i}]`)),
  };
  const textCase = documentTextCase(doc, api);
  if (textCase) out.textCase = textCase;
  const config = field(api, 'config');
  if (isObject(config)) {
    const base = field(config, 'baseUrl');
    if (typeof base === 'string' && base) out.baseUrl = base;
  }
  return out;
}

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : String(v);
}

// ---------------------------------------------------------------------------------------------
// Built-in .NET types the metadata refers to but never lists (§1.7, §5.4).

/** Generic collections that every format writes as a list (TypeScript generator's array families, §2.4). */
const LIST_FAMILIES = new Set([
  'List', 'IList', 'ICollection', 'IEnumerable', 'IReadOnlyList', 'IReadOnlyCollection', 'HashSet', 'ISet', 'SortedSet', 'Collection',
]);
/** Generic dictionaries (§2.4). */
const DICTIONARY_FAMILIES = new Set(['Dictionary', 'IDictionary', 'IReadOnlyDictionary', 'SortedDictionary', 'SortedList', 'ConcurrentDictionary']);

/**
 * System enums a DTO may use without the host exporting them: only their names reach the
 * metadata (`{"type":"DayOfWeek","namespace":"System","isEnum":true}`), so their members are
 * .NET facts held here. Values from the .NET reference (`System.DayOfWeek`, `System.DateTimeKind`).
 */
const SYSTEM_ENUMS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  DayOfWeek: [['Sunday', 0], ['Monday', 1], ['Tuesday', 2], ['Wednesday', 3], ['Thursday', 4], ['Friday', 5], ['Saturday', 6]],
  DateTimeKind: [['Unspecified', 0], ['Utc', 1], ['Local', 2]],
};

/**
 * ServiceStack's own DTOs, which `/types/metadata` leaves out (`IgnoreTypesInNamespaces` holds
 * `ServiceStack` by default, §1.2) although responses and AutoQuery requests use them. Their
 * members, in the metadata's own shape, restated from `ServiceStack.Interfaces` (`ResponseStatus.cs`,
 * `ResponseError.cs`, `IQuery.cs`): each is a `[DataContract]` with ordered `[DataMember]`s, in the
 * contract namespace the assembly's `[ContractNamespace]` gives the `ServiceStack` CLR namespace.
 * A document that lists one of them (a host that exports it) is used instead.
 */
const SERVICESTACK_NS = 'ServiceStack';
/**
 * `[assembly: ContractNamespace("http://schemas.servicestack.net/types", ClrNamespace = …)]` of
 * ServiceStack's assemblies (ServiceStack, .Interfaces, .Client, .Common, .Api.OpenApi
 * `Properties/AssemblyInfo.cs`): the XML namespace of every type in these CLR namespaces,
 * [DataContract] or not, unless the type names its own. Applied as the profile's
 * `contractNamespaces` when the document declares such types.
 */
const SERVICESTACK_CONTRACT_NAMESPACES: Readonly<Record<string, string>> = {
  ServiceStack: 'http://schemas.servicestack.net/types',
  'ServiceStack.Auth': 'http://schemas.servicestack.net/types',
  'ServiceStack.Admin': 'http://schemas.servicestack.net/types',
  'ServiceStack.Api.OpenApi': 'http://schemas.servicestack.net/types',
};
// [DataContract] with no Namespace: the assembly's ContractNamespace gives it (above).
const SERVICESTACK_CONTRACT = {};
const sp = (name: string, type: string, order: number, genericArgs?: string[]): Json => ({
  name, type, namespace: 'System', dataMember: { order }, ...(genericArgs ? { genericArgs } : {}),
});
const STRING_MAP = ['String', 'String'];
const QUERY_BASE = { name: 'QueryBase', namespace: SERVICESTACK_NS };
const SERVICESTACK_TYPES: readonly Json[] = [
  {
    name: 'ResponseStatus', namespace: SERVICESTACK_NS, dataContract: SERVICESTACK_CONTRACT,
    properties: [sp('ErrorCode', 'String', 1), sp('Message', 'String', 2), sp('StackTrace', 'String', 3),
      sp('Errors', 'List`1', 4, ['ResponseError']), sp('Meta', 'Dictionary`2', 5, STRING_MAP)],
  },
  {
    name: 'ResponseError', namespace: SERVICESTACK_NS, dataContract: SERVICESTACK_CONTRACT,
    properties: [sp('ErrorCode', 'String', 1), sp('FieldName', 'String', 2), sp('Message', 'String', 3),
      sp('Meta', 'Dictionary`2', 4, STRING_MAP)],
  },
  {
    name: 'QueryBase', namespace: SERVICESTACK_NS, dataContract: SERVICESTACK_CONTRACT, isAbstract: true,
    properties: [sp('Skip', 'Nullable`1', 1, ['Int32']), sp('Take', 'Nullable`1', 2, ['Int32']), sp('OrderBy', 'String', 3),
      sp('OrderByDesc', 'String', 4), sp('Include', 'String', 5), sp('Fields', 'String', 6), sp('Meta', 'Dictionary`2', 7, STRING_MAP)],
  },
  // `QueryDb<T>` and friends declare no members of their own.
  ...[['QueryDb`1', ['T']], ['QueryDb`2', ['From', 'Into']], ['QueryData`1', ['T']], ['QueryData`2', ['From', 'Into']]].map(
    ([name, args]) => ({ name, namespace: SERVICESTACK_NS, genericArgs: args, isGenericTypeDef: true, isAbstract: true, inherits: QUERY_BASE, properties: [] }),
  ),
  {
    name: 'QueryResponse`1', namespace: SERVICESTACK_NS, genericArgs: ['T'], isGenericTypeDef: true, dataContract: SERVICESTACK_CONTRACT,
    properties: [sp('Offset', 'Int32', 1), sp('Total', 'Int32', 2), { ...sp('Results', 'List`1', 3, ['T']), namespace: 'System.Collections.Generic' },
      sp('Meta', 'Dictionary`2', 4, STRING_MAP), { ...sp('ResponseStatus', 'ResponseStatus', 5), namespace: SERVICESTACK_NS }],
  },
];

const isSystemNamespace = (ns: string): boolean => ns === 'System' || ns.startsWith('System.');

/** Bases the metadata reports but which are no base for a codec (`ToExactType` skips them; hand-written documents may not). */
const IGNORED_BASES = new Set(['System.Object', 'System.ValueType']);

const VERBS: ReadonlySet<string> = new Set<HttpVerb>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

// ---------------------------------------------------------------------------------------------
// Loading: entries for the document's types, closed generics, System enums, then declarations.

/** A user type of the document. */
interface Entry {
  readonly meta: MetaType;
  readonly kind: 'class' | 'enum' | 'definition' | 'interface';
  /** Declared name: the CLR name, without the arity for a definition. */
  readonly name: string;
  readonly namespace: string;
  /** `Outer.Inner` for a nested type, else the name. */
  localPath: string;
  declaringType?: string;
  /** `Namespace.Outer.Inner`: the registry's full name. */
  fullName: string;
  /** The document's key: `namespace.name` (with the backtick arity for a definition). */
  readonly key: string;
  operation?: MetaOperation;
  struct: boolean;
  /** A definition's parameter names (`["T"]`). */
  readonly params: readonly string[];
  /** One of `SERVICESTACK_TYPES`: declared only when something uses it. */
  readonly builtin: boolean;
  used: boolean;
}

/** A closed generic type the document uses: `QueryResponse<Item>`. */
interface Closed {
  readonly kind: 'closed';
  readonly name: string;
  readonly namespace: string;
  readonly fullName: string;
  readonly definition: string;
  readonly args: readonly TypeExpr[];
  /** The definition, when the document lists it. */
  readonly def?: Entry;
  /** A closed operation response: the members as the server wrote them (already closed). */
  readonly source?: MetaType;
  readonly subst: ReadonlyMap<string, TypeExpr>;
  struct: boolean;
}

interface SystemEnum {
  readonly kind: 'system-enum';
  readonly name: string;
  readonly fullName: string;
}

type Slot = { readonly entry: Entry } | { readonly closed: Closed } | { readonly system: SystemEnum };

/** Where a reference is resolved: for messages, the substitution of type parameters, and the namespace to prefer. */
interface Scope {
  readonly where: string;
  readonly subst: ReadonlyMap<string, TypeExpr>;
  /** The referencing type's namespace: preferred when a bare short name is ambiguous. */
  readonly near: string;
}

interface Resolved {
  readonly expr: TypeExpr;
  /** The user class or closed generic a plain reference names (so `isValueType` can mark it a struct). */
  readonly target?: Entry | Closed;
}

class Loader {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  /** Qualified spellings (`ns.name`, `ns.Outer.Inner`, `Outer.Inner`) → entry. */
  private readonly byQualified = new Map<string, Entry[]>();
  private readonly byShort = new Map<string, Entry[]>();
  /** Registry full name (`Ns.Outer.Inner`, `Ns.Page<Item>`) → what declares it. */
  private readonly byFullName = new Map<string, Entry | Closed>();
  private readonly closed = new Map<string, Closed>();
  private readonly systemEnums = new Map<string, SystemEnum>();
  /** Output order: the document's order, with closed generics and System enums after their first user. */
  private readonly slots: Slot[] = [];
  /** Closed generics and used built-ins whose members are still to resolve. */
  private readonly pending: (Closed | Entry)[] = [];
  private readonly props = new Map<Entry | Closed, PropertyDecls>();
  /** Request entry → full name of its response DTO. */
  private readonly returnsOf = new Map<Entry, string | undefined>();

  constructor(private readonly doc: MetaDocument) {
    this.collect();
    this.nest();
    this.index();
  }

  /** The union of `types`, `operations[].request` and `operations[].response` (§1.2, §5.2). */
  private collect(): void {
    const add = (m: MetaType, builtin = false): Entry | undefined => {
      const backtick = m.name.indexOf('`');
      const generic = backtick >= 0;
      // A closed generic response (`ToExactType` of `QueryResponse<Item>`) is no definition: it is declared per use.
      if (generic && m.fromOperation && !m.isGenericTypeDef) return undefined;
      const key = m.namespace ? `${m.namespace}.${m.name}` : m.name;
      const existing = this.byKey.get(key);
      if (existing) {
        // The server repeats a response under every operation that returns it; two listings in `types` are a broken document.
        if (!m.fromOperation && !existing.meta.fromOperation) {
          throw schemaError(`two types named ${key}: ${existing.meta.path} and ${m.path}`);
        }
        return existing;
      }
      const name = generic ? m.name.slice(0, backtick) : m.name;
      if (generic) {
        const arity = Number(m.name.slice(backtick + 1));
        if (!Number.isInteger(arity) || arity < 1) throw schemaError(`${key} (${m.path}): bad generic arity in the name`);
        if (m.genericArgs?.length !== arity) {
          throw schemaError(`${key} (${m.path}): a generic type definition needs ${arity} parameter name${arity === 1 ? '' : 's'} in genericArgs`);
        }
      }
      const kind = generic ? 'definition' : m.isInterface ? 'interface' : m.isEnum ? 'enum' : 'class';
      const fullName = m.namespace ? `${m.namespace}.${name}` : name;
      const e: Entry = {
        meta: m, kind, name, namespace: m.namespace, localPath: name, fullName, key,
        struct: m.isValueType, params: generic ? m.genericArgs! : [], builtin, used: false,
      };
      this.entries.push(e);
      this.byKey.set(key, e);
      return e;
    };
    for (const m of this.doc.types) add(m);
    const requests = new Map<Entry, MetaOperation>();
    for (const op of this.doc.operations) {
      const e = add(op.request);
      if (!e) throw schemaError(`${op.request.name} (${op.request.path}): a request DTO cannot be a closed generic type`);
      const other = requests.get(e);
      if (other) throw schemaError(`two operations with the request ${e.key}: ${other.path} and ${op.path}`);
      if (e.kind !== 'class') {
        throw schemaError(`${e.key} (${op.request.path}): a request DTO must be a class, not ${e.kind === 'definition' ? 'a generic type definition' : `an ${e.kind}`}`);
      }
      requests.set(e, op);
      e.operation = op;
      if (op.response) add(op.response);
    }
    const reader = new DocReader();
    for (const b of SERVICESTACK_TYPES) {
      const m = reader.type(b, `built-in ${SERVICESTACK_NS}.${String(b['name'])}`, false);
      if (!this.byKey.has(`${m.namespace}.${m.name}`)) add(m, true);
    }
  }

  /** Nested types: the declaring type is the one that lists it in `innerTypes` (§1.3). */
  private nest(): void {
    const outerOf = new Map<Entry, Entry>();
    for (const outer of this.entries) {
      for (const inner of outer.meta.innerTypes) {
        const e = this.byKey.get(inner.namespace ? `${inner.namespace}.${inner.name}` : inner.name);
        if (e) outerOf.set(e, outer);
      }
    }
    const done = new Set<Entry>();
    const place = (e: Entry, seen: Set<Entry>): void => {
      if (done.has(e) || !e.meta.isNested) return;
      if (seen.has(e)) throw schemaError(`${e.key} (${e.meta.path}): nested in itself through innerTypes`);
      seen.add(e);
      const outer = outerOf.get(e);
      if (!outer) throw schemaError(`${e.key} (${e.meta.path}): isNested, but no type lists it in innerTypes`);
      place(outer, seen);
      e.declaringType = outer.localPath;
      e.localPath = `${outer.localPath}.${e.name}`;
      e.fullName = e.namespace ? `${e.namespace}.${e.localPath}` : e.localPath;
      done.add(e);
    };
    for (const e of this.entries) place(e, new Set());
  }

  private index(): void {
    const put = (m: Map<string, Entry[]>, k: string, e: Entry): void => {
      const list = m.get(k);
      if (!list) m.set(k, [e]);
      else if (!list.includes(e)) list.push(e);
    };
    for (const e of this.entries) {
      if (e.kind !== 'definition') this.byFullName.set(e.fullName, e);
      const nameKey = e.kind === 'definition' ? `${e.name}\`${e.params.length}` : e.name;
      put(this.byShort, nameKey, e);
      const ns = e.namespace ? e.namespace + '.' : '';
      put(this.byQualified, ns + nameKey, e);
      if (e.declaringType !== undefined) {
        const local = `${e.declaringType}.${nameKey}`;
        put(this.byQualified, ns + local, e);
        put(this.byQualified, local, e);
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  declaration(name: string): SchemaDeclaration {
    for (const e of this.entries) {
      if ((e.kind === 'class' || e.kind === 'enum') && !e.builtin) {
        this.slots.push({ entry: e });
        if (e.kind === 'class') this.props.set(e, this.classMembers(e.meta, this.scopeOf(e.meta, new Map())));
        // The response DTO is resolved now, so a closed generic it names is declared with the rest.
        if (e.operation) this.returnsOf.set(e, e.operation.returnsVoid ? undefined : this.returns(e.operation, `${e.fullName} (${e.operation.path})`));
      }
    }
    // Closed generics found on the way (their members may close further ones).
    while (this.pending.length) {
      const c = this.pending.shift()!;
      if (c.kind !== 'closed') {
        this.props.set(c, this.classMembers(c.meta, this.scopeOf(c.meta, new Map())));
        continue;
      }
      const m = c.source ?? c.def!.meta;
      this.props.set(c, this.classMembers(m, { where: `${c.fullName} (${m.path})`, subst: c.subst, near: c.namespace }));
    }
    const types = this.slots.map((s) => this.emit(s));
    this.checkInheritance(types);
    return {
      name,
      revisions: [{ id: 1, description: 'from the /types/metadata document' }],
      types,
    };
  }

  private scopeOf(m: MetaType, subst: ReadonlyMap<string, TypeExpr>): Scope {
    return { where: `${m.namespace ? m.namespace + '.' : ''}${m.name} (${m.path})`, subst, near: m.namespace };
  }

  /** Members and base of a class (or closed generic) as the builder declares them. */
  private classMembers(m: MetaType, scope: Scope): PropertyDecls {
    // No prototype: a C# member may be called `__proto__`, and it must stay an ordinary key.
    const out: PropertyDecls = { properties: Object.create(null) as Record<string, PropertyDeclaration> };
    if (m.inherits) {
      const inh = m.inherits;
      const qualified = inh.namespace ? `${inh.namespace}.${inh.name}` : inh.name;
      if (!IGNORED_BASES.has(qualified)) {
        const tn = this.parse(inh.name, inh.genericArgs, `${scope.where} inherits`);
        const base = this.resolve(tn, inh.namespace, { ...scope, where: `${scope.where} inherits ${formatTypeName(tn)}` });
        const b = base.expr;
        if (b.kind === 'dictionary') out.dictionary = b;
        else if (b.kind === 'ref' && base.target && (base.target.kind === 'closed' || base.target.kind === 'class')) out.base = b.name;
        else if (b.kind === 'list') {
          // The descriptors have no list-derived class: every codec would have to learn one. Refuse it clearly.
          throw schemaError(`${scope.where} inherits ${formatTypeName(tn)}: classes deriving from a list are not supported`);
        } else {
          throw schemaError(`${scope.where} inherits ${formatTypeName(tn)}, which is not a class or a Dictionary<K,V>`);
        }
      }
    }
    for (const p of m.properties ?? []) {
      if (own(out.properties, p.name)) throw schemaError(`${p.where}: a second member named ${p.name}`);
      const pScope = { ...scope, where: p.where };
      const tn = this.parse(p.type, p.genericArgs, p.where);
      const r = this.resolve(tn, p.namespace, pScope);
      const underlying = r.expr.kind === 'nullable' ? r.expr.of : r.expr;
      if (p.isEnum && !(underlying.kind === 'ref' && this.isEnumRef(underlying.name))) {
        throw schemaError(`${p.where}: marked isEnum, but ${formatTypeName(tn)} is not an enum`);
      }
      // `isValueType` describes the member's type: on a user class it says the class is a struct.
      if (p.isValueType && r.target) this.markStruct(r.target);
      const decl: { -readonly [K in keyof PropertyDeclaration]: PropertyDeclaration[K] } = { type: r.expr };
      if (p.description !== undefined) decl.description = p.description;
      if (p.dataMember !== undefined) decl.dataMember = p.dataMember;
      out.properties[p.name] = decl;
    }
    return out;
  }

  private isEnumRef(fullName: string): boolean {
    const e = this.byFullName.get(fullName);
    return this.systemEnums.has(fullName) || (e !== undefined && e.kind === 'enum');
  }

  private markStruct(target: Entry | Closed): void {
    target.struct = true;
    if (target.kind === 'closed' && target.def) target.def.struct = true;
  }

  private parse(text: string, genericArgs: readonly string[] | undefined, where: string): TypeName {
    const tn = parseTypeName(text, genericArgs);
    if (tn instanceof TypeNameProblem) throw schemaError(`${where}: ${tn.detail}`);
    return tn;
  }

  /**
   * A type reference → a builder expression. `namespace` is the one the document gives with
   * the reference (a member's or a base's); arguments inside `genericArgs` have none.
   */
  private resolve(tn: TypeName, namespace: string | undefined, scope: Scope): Resolved {
    if (tn.arrays > 0) {
      const el: TypeName = { ...tn, arrays: tn.arrays - 1 };
      // `byte[]` is one scalar (base64 in every format), not a list of bytes.
      if (el.arrays === 0 && el.args.length === 0 && el.arity === undefined && (el.name === 'Byte' || el.name === 'System.Byte')) {
        if (namespace === undefined || isSystemNamespace(namespace)) return { expr: t.Bytes };
      }
      return { expr: t.List(this.resolve(el, namespace, scope).expr) };
    }
    const arity = arityOf(tn);
    if (arity === 0 && tn.name.indexOf('.') < 0) {
      const param = scope.subst.get(tn.name);
      if (param) return { expr: param };
    }
    // A bare name without namespace (a `genericArgs` entry) is a built-in first: `String` is
    // System.String even if some user namespace declares a `String`. A name the document
    // qualifies is the document's type first (a host may export System types, §1.7).
    if (namespace === undefined && tn.name.indexOf('.') < 0) {
      const builtin = this.builtin(tn.name, tn, scope);
      if (builtin) return builtin;
    }
    const declared = this.findDeclared(tn, namespace, scope);
    if (declared) return this.named(declared, tn, scope);

    let short = tn.name;
    let ns = namespace;
    const dot = tn.name.lastIndexOf('.');
    if (dot >= 0) {
      ns = tn.name.slice(0, dot);
      short = tn.name.slice(dot + 1);
    }
    if (ns === undefined || isSystemNamespace(ns)) {
      const builtin = this.builtin(short, tn, scope);
      if (builtin) return builtin;
      if (ns !== undefined) {
        throw schemaError(`${scope.where}: unsupported .NET type ${ns}.${formatTypeName({ ...tn, name: short })}`);
      }
    }
    const spelled = formatTypeName(tn);
    throw schemaError(
      `${scope.where}: unknown type ${ns !== undefined && dot < 0 ? `${ns}.${spelled}` : spelled} (not in the document's types or operations, and not a built-in .NET type)`,
    );
  }

  private builtin(short: string, tn: TypeName, scope: Scope): Resolved | undefined {
    const arity = arityOf(tn);
    const arg = (i: number): Resolved => this.resolve(tn.args[i]!, undefined, scope);
    if (arity === 1 && short === 'Nullable') {
      const of = arg(0);
      if (of.target) this.markStruct(of.target);
      return { expr: t.Nullable(of.expr) };
    }
    if (arity === 1 && LIST_FAMILIES.has(short)) return { expr: t.List(arg(0).expr) };
    if (arity === 2 && DICTIONARY_FAMILIES.has(short)) return { expr: t.Dictionary(arg(0).expr, arg(1).expr) };
    if (arity !== 0) return undefined;
    if (isScalarName(short) && short !== 'Byte[]') return { expr: t.scalar(short) };
    const members = SYSTEM_ENUMS[short];
    if (members) {
      const fullName = `System.${short}`;
      // Exported by the host (listed in `types`): the document's declaration is the one.
      const exported = this.byKey.get(fullName);
      if (exported) return this.named(exported, tn, scope);
      if (!this.systemEnums.has(fullName)) {
        const s: SystemEnum = { kind: 'system-enum', name: short, fullName };
        this.systemEnums.set(fullName, s);
        this.slots.push({ system: s });
      }
      return { expr: t.ref(fullName) };
    }
    return undefined;
  }

  /** The document's type a reference names, if any (ambiguity is an error here, not a guess). */
  private findDeclared(tn: TypeName, namespace: string | undefined, scope: Scope): Entry | undefined {
    const arity = arityOf(tn);
    const nameKey = arity > 0 ? `${tn.name}\`${arity}` : tn.name;
    const pick = (list: Entry[] | undefined, how: string): Entry | undefined => {
      if (!list || list.length === 0) return undefined;
      if (list.length === 1) return list[0];
      // A document's own type wins over a ServiceStack built-in of the same short name.
      const doc = list.filter((e) => !e.builtin);
      if (doc.length === 1) return doc[0];
      const near = list.filter((e) => e.namespace === scope.near);
      if (near.length === 1) return near[0];
      throw schemaError(`${scope.where}: type ${how} is ambiguous: ${list.map((e) => e.fullName).join(', ')}`);
    };
    if (namespace !== undefined) {
      const hit = pick(this.byQualified.get(`${namespace}.${nameKey}`), `${namespace}.${nameKey}`);
      if (hit) return hit;
    }
    if (tn.name.indexOf('.') >= 0) return pick(this.byQualified.get(nameKey), nameKey);
    // A bare name: a member whose namespace the document gives is found by it above; a
    // `genericArgs` name has none and is found by its short name (§1.4).
    return namespace === undefined ? pick(this.byShort.get(nameKey), nameKey) : undefined;
  }

  private named(e: Entry, tn: TypeName, scope: Scope): Resolved {
    if (e.builtin && !e.used && (e.kind === 'class' || e.kind === 'enum')) {
      e.used = true;
      this.slots.push({ entry: e });
      if (e.kind === 'class') this.pending.push(e);
    }
    if (e.kind === 'interface') throw schemaError(`${scope.where}: ${e.fullName} is an interface, which no format can instantiate`);
    if (e.kind === 'definition') {
      const args = tn.args.map((a) => this.resolve(a, undefined, scope).expr);
      const c = this.close(e, args, undefined, scope.where);
      return { expr: t.ref(c.fullName), target: c };
    }
    return e.kind === 'class' ? { expr: t.ref(e.fullName), target: e } : { expr: t.ref(e.fullName) };
  }

  /**
   * The closed type `Definition<Args>`, declared once per argument list and named like a C#
   * reference with short names (`QueryResponse<Item>`), in the definition's namespace.
   */
  private close(def: Entry | undefined, args: readonly TypeExpr[], source: MetaType | undefined, where: string, id?: { namespace: string; name: string; params: readonly string[] }): Closed {
    const namespace = def?.namespace ?? id!.namespace;
    const definition = def?.name ?? id!.name;
    const params = def?.params ?? id!.params;
    const key = `${namespace}.${definition}\`${args.length}<${args.map((a) => this.exprKey(a)).join(',')}>`;
    const existing = this.closed.get(key);
    if (existing) return existing;
    const name = `${definition}<${args.map((a) => this.exprLabel(a)).join(',')}>`;
    const fullName = namespace ? `${namespace}.${name}` : name;
    if (this.byFullName.has(fullName)) throw schemaError(`${where}: the closed type ${fullName} would have the name of another type`);
    const subst = new Map<string, TypeExpr>();
    params.forEach((p, i) => {
      if (args[i]) subst.set(p, args[i]!);
    });
    const c: Closed = {
      kind: 'closed', name, namespace, fullName, definition, args, subst, struct: def?.struct ?? false,
      ...(def ? { def } : {}),
      ...(source ? { source } : {}),
    };
    this.closed.set(key, c);
    this.byFullName.set(fullName, c);
    this.slots.push({ closed: c });
    this.pending.push(c);
    return c;
  }

  /** A canonical text of an expression: equal texts, equal types. */
  private exprKey(e: TypeExpr): string {
    switch (e.kind) {
      case 'scalar':
        return e.name;
      case 'ref':
        return e.name;
      case 'nullable':
        return `Nullable<${this.exprKey(e.of)}>`;
      case 'list':
        return `List<${this.exprKey(e.of)}>`;
      case 'dictionary':
        return `Dictionary<${this.exprKey(e.key)},${this.exprKey(e.value)}>`;
    }
  }

  /** Like `typeLabel` of the resolved descriptor: short names. */
  private exprLabel(e: TypeExpr): string {
    switch (e.kind) {
      case 'scalar':
        return e.name;
      case 'ref':
        return this.byFullName.get(e.name)?.name ?? this.systemEnums.get(e.name)?.name ?? e.name;
      case 'nullable':
        return `Nullable<${this.exprLabel(e.of)}>`;
      case 'list':
        return `List<${this.exprLabel(e.of)}>`;
      case 'dictionary':
        return `Dictionary<${this.exprLabel(e.key)},${this.exprLabel(e.value)}>`;
    }
  }

  /**
   * The closed response of an operation. `ToExactType` writes the definition's parameter names
   * in `genericArgs` and the closed members; the arguments are those of `returnType` (§1.8).
   */
  private closedResponse(op: MetaOperation): Closed {
    const res = op.response!;
    const backtick = res.name.indexOf('`');
    const arity = Number(res.name.slice(backtick + 1));
    const where = `${res.namespace ? res.namespace + '.' : ''}${res.name} (${res.path})`;
    if (!Number.isInteger(arity) || arity < 1) throw schemaError(`${where}: bad generic arity in the name`);
    const rt = op.returnType;
    const sameType = rt !== undefined && rt.name === res.name && (rt.namespace === undefined || rt.namespace === res.namespace);
    const argTexts = sameType && rt.genericArgs ? rt.genericArgs : res.genericArgs;
    if (argTexts?.length !== arity) {
      throw schemaError(`${where}: a closed generic response needs ${arity} generic argument${arity === 1 ? '' : 's'} (from returnType or genericArgs)`);
    }
    const scope: Scope = { where, subst: new Map(), near: res.namespace };
    let args: TypeExpr[];
    try {
      args = argTexts.map((a) => this.resolve(this.parse(a, undefined, where), undefined, scope).expr);
    } catch (e) {
      if (sameType && rt.genericArgs) throw e;
      // ToExactType writes the definition's parameter names (`T`) here; the arguments are in returnType.
      throw schemaError(
        `${where}: the arguments of a closed generic response come from the operation's returnType, which does not give them (genericArgs ${JSON.stringify(argTexts)} do not resolve)`,
      );
    }
    const def = this.byKey.get(res.namespace ? `${res.namespace}.${res.name}` : res.name);
    const params = def?.params ?? (sameType && rt.genericArgs && res.genericArgs?.length === arity ? res.genericArgs : []);
    const definition = res.name.slice(0, backtick);
    return this.close(def?.kind === 'definition' ? def : undefined, args, res, where, { namespace: res.namespace, name: definition, params });
  }

  // -------------------------------------------------------------------------------------------

  private emit(s: Slot): TypeDeclaration {
    if ('system' in s) {
      const members = SYSTEM_ENUMS[s.system.name]!;
      return { kind: 'enum', namespace: 'System', name: s.system.name, members: members.map(([n, v]) => [n, v] as const) };
    }
    if ('closed' in s) {
      const c = s.closed;
      const meta = c.source ?? c.def!.meta;
      const decl = this.classDecl(meta, c.namespace, c.name, this.props.get(c)!, c.struct || (c.def?.struct ?? false));
      return { ...decl, generic: { definition: c.definition, args: c.args } };
    }
    const e = s.entry;
    if (e.kind === 'enum') return this.enumDecl(e);
    const decl = this.classDecl(e.meta, e.namespace, e.name, this.props.get(e)!, e.struct);
    const withNesting: ClassDeclaration = e.declaringType === undefined ? decl : { ...decl, declaringType: e.declaringType };
    return e.operation ? { ...withNesting, operation: this.operation(e) } : withNesting;
  }

  private classDecl(m: MetaType, namespace: string, name: string, members: PropertyDecls, struct: boolean): ClassDeclaration {
    const d: { -readonly [K in keyof ClassDeclaration]: ClassDeclaration[K] } = { kind: 'class', namespace, name, properties: members.properties };
    if (m.description !== undefined) d.description = m.description;
    if (members.base !== undefined) d.base = members.base;
    if (members.dictionary !== undefined) d.dictionary = members.dictionary;
    if (m.dataContract !== undefined) d.dataContract = m.dataContract;
    if (struct) d.valueType = true;
    return d;
  }

  private enumDecl(e: Entry): EnumDeclaration {
    const m = e.meta;
    const where = `${e.fullName} (${m.path})`;
    const names = m.enumNames;
    if (!names) throw schemaError(`${where}: an enum needs enumNames`);
    if (m.enumValues && m.enumValues.length !== names.length) {
      throw schemaError(`${where}: enumValues has ${m.enumValues.length} entries, enumNames ${names.length}`);
    }
    if (m.enumMemberValues && m.enumMemberValues.length !== names.length) {
      throw schemaError(`${where}: enumMemberValues has ${m.enumMemberValues.length} entries, enumNames ${names.length}`);
    }
    const members = names.map((n, i): readonly [string, bigint, string?] => {
      // Null enumValues means the values are exactly 0..n-1 (§1.3).
      const text = m.enumValues ? m.enumValues[i]! : String(i);
      if (!/^-?\d+$/.test(text)) throw schemaError(`${where}: enumValues[${i}] (${n}) is not an integer: ${JSON.stringify(text)}`);
      const wire = m.enumMemberValues?.[i];
      return wire !== undefined && wire !== n ? [n, BigInt(text), wire] : [n, BigInt(text)];
    });
    const d: { -readonly [K in keyof EnumDeclaration]: EnumDeclaration[K] } = { kind: 'enum', namespace: e.namespace, name: e.name, members };
    if (m.description !== undefined) d.description = m.description;
    if (m.attributes.some((a) => a === 'Flags' || a === 'FlagsAttribute')) d.flags = true;
    if (m.isEnumInt) d.isInt = true;
    if (m.dataContract !== undefined) d.dataContract = m.dataContract;
    if (e.declaringType !== undefined) d.declaringType = e.declaringType;
    return d;
  }

  private operation(e: Entry): OperationDescriptor {
    const op = e.operation!;
    const where = `${e.fullName} (${op.path})`;
    const routes: RouteDescriptor[] = [];
    for (const r of op.routes) {
      // `verbs` is the [Route] attribute's raw text: "GET", "GET,PUT", "GET POST"; none means any verb (§1.8).
      const verbs = (r.verbs ?? '').split(/[\s,]+/).filter((v) => v !== '').map((v) => v.toUpperCase());
      if (verbs.length === 0) routes.push({ verb: 'ANY', path: r.path });
      for (const v of verbs) {
        if (!VERBS.has(v)) throw schemaError(`${where}: route ${r.path} has an unknown verb ${JSON.stringify(v)}`);
        routes.push({ verb: v as HttpVerb, path: r.path });
      }
    }
    const d: { -readonly [K in keyof OperationDescriptor]: OperationDescriptor[K] } = { routes };
    const returns = this.returnsOf.get(e);
    if (returns !== undefined) {
      // The short name when it is unique (what `Schema.require` resolves), else the full name.
      const short = this.byFullName.get(returns)?.name ?? returns;
      d.returns = this.shortNameCounts().get(short) === 1 ? short : returns;
    }
    if (op.requiresAnyRole) d.roles = op.requiresAnyRole;
    if (op.requiresAuth) d.requiresAuthentication = true;
    return d;
  }

  /** The response DTO's name: `IReturn<T>`'s T, else the operation's response type. */
  private returns(op: MetaOperation, where: string): string | undefined {
    let fullName: string | undefined;
    if (op.response && op.response.name.includes('`') && !op.response.isGenericTypeDef) {
      fullName = this.closedResponse(op).fullName;
    } else if (op.returnType) {
      const rt = op.returnType;
      const tn = this.parse(rt.name, rt.genericArgs, `${where} returnType`);
      const r = this.resolve(tn, rt.namespace, { where: `${where} returnType`, subst: new Map(), near: op.request.namespace });
      // IReturn<List<T>> or IReturn<string> has no DTO to name.
      if (r.expr.kind === 'ref') fullName = r.expr.name;
    } else if (op.response) {
      const key = op.response.namespace ? `${op.response.namespace}.${op.response.name}` : op.response.name;
      fullName = this.byKey.get(key)?.fullName;
    }
    return fullName;
  }

  /** How many declared types share each short name (built once, when every type is known). */
  private shortNameCounts(): Map<string, number> {
    if (!this.shortCounts) {
      const counts = new Map<string, number>();
      for (const s of this.slots) {
        const n = 'entry' in s ? s.entry.name : 'closed' in s ? s.closed.name : s.system.name;
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
      this.shortCounts = counts;
    }
    return this.shortCounts;
  }
  private shortCounts?: Map<string, number>;

  /** Cyclic inheritance, named by its chain (the registry would only name one type). */
  private checkInheritance(types: readonly TypeDeclaration[]): void {
    const baseOf = new Map<string, string>();
    const full = (d: TypeDeclaration): string => {
      const local = d.declaringType !== undefined ? `${d.declaringType}.${d.name}` : d.name;
      return d.namespace ? `${d.namespace}.${local}` : local;
    };
    for (const d of types) if (d.kind === 'class' && d.base !== undefined) baseOf.set(full(d), d.base);
    for (const start of baseOf.keys()) {
      const chain = [start];
      for (let b = baseOf.get(start); b !== undefined; b = baseOf.get(b)) {
        if (b === start) throw schemaError(`cyclic inheritance: ${[...chain, b].join(' → ')}`);
        if (chain.includes(b)) break;
        chain.push(b);
      }
    }
  }
}

interface PropertyDecls {
  properties: Record<string, PropertyDeclaration>;
  base?: string;
  dictionary?: TypeExpr;
}
