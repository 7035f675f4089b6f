/**
 * The registry: resolves declarations into descriptor graphs, one per API revision, and
 * answers lookups. It knows no wire format; codecs build their own indexes with `indexBy`.
 */
import { schemaError, usageError } from '../errors.js';
import type { ClassDeclaration, SchemaDeclaration, TypeDeclaration, TypeExpr } from './builder.js';
import { clrNamespaceUri, compareOrdinal, genericContractName } from './data-contract.js';
import type {
  ClassDescriptor,
  EnumDescriptor,
  EnumMember,
  NamedTypeDescriptor,
  PropertyDescriptor,
  RegistryProfile,
  ScalarDescriptor,
  TypeDescriptor,
} from './descriptors.js';
import { inTextCase } from './naming.js';
import { SCALARS, type ScalarName } from './scalars.js';

const SCALAR_DESCRIPTORS = Object.freeze(
  Object.fromEntries(Object.entries(SCALARS).map(([n, row]) => [n, Object.freeze({ kind: 'scalar', ...row })])),
) as unknown as Readonly<Record<ScalarName, ScalarDescriptor>>;

/** The scalar descriptors, shared by every registry. */
export function scalar(name: ScalarName): ScalarDescriptor {
  return SCALAR_DESCRIPTORS[name];
}

/** A ServiceStack host's defaults (servicestack-metadata.md §1.10, jsv-and-json.md §6.1). */
export const DEFAULT_PROFILE: RegistryProfile = Object.freeze({
  textCase: 'camel',
  treatEnumAsInteger: false,
  excludeDefaultValues: false,
  includeNullValues: false,
  contractNamespaces: Object.freeze({}),
});

/** Options of `createRegistry`. */
export interface RegistryOptions {
  /** Host-wide switches, over the declaration's own `profile` and `DEFAULT_PROFILE`. */
  readonly profile?: Partial<RegistryProfile>;
}

/** One API revision of a registry: a closed set of resolved descriptors. */
export class Schema {
  readonly revision: number;
  /** Every named type (classes and enums) in declaration order. */
  readonly types: readonly NamedTypeDescriptor[];
  private readonly byName = new Map<string, NamedTypeDescriptor>();
  private readonly byFull = new Map<string, NamedTypeDescriptor>();
  /** Short names that two namespaces declare: reachable by full name only. */
  private readonly ambiguous = new Map<string, string[]>();
  private readonly indexes = new WeakMap<object, Map<unknown, NamedTypeDescriptor>>();

  /** @internal use `Registry.at` */
  constructor(revision: number, types: readonly NamedTypeDescriptor[]) {
    this.revision = revision;
    this.types = Object.freeze([...types]);
    for (const t of types) {
      const other = this.byName.get(t.name);
      if (other || this.ambiguous.has(t.name)) {
        const names = this.ambiguous.get(t.name) ?? [other!.fullName];
        names.push(t.fullName);
        this.ambiguous.set(t.name, names);
        this.byName.delete(t.name);
      } else this.byName.set(t.name, t);
      this.byFull.set(t.fullName, t);
    }
  }

  /** By short name (`CustomerInfo`) or .NET full name (`Voice.Api.Customers.CustomerInfo`). */
  get(name: string): NamedTypeDescriptor | undefined {
    return this.byName.get(name) ?? this.byFull.get(name);
  }

  /** By .NET full name only. */
  byFullName(fullName: string): NamedTypeDescriptor | undefined {
    return this.byFull.get(fullName);
  }

  /** Like `get`, but a missing name is a usage error that lists the known names. */
  require(name: string): NamedTypeDescriptor {
    const t = this.get(name);
    if (t) return t;
    const both = this.ambiguous.get(name);
    if (both) throw usageError(`type name "${name}" is ambiguous at revision ${this.revision}: use one of ${both.join(', ')}`);
    const close = this.types.filter((x) => x.name.toLowerCase() === name.toLowerCase()).map((x) => x.name);
    const hint = close.length ? ` (did you mean ${close.join(', ')}?)` : '';
    throw usageError(
      `unknown type "${name}" at revision ${this.revision}${hint}; known types: ${this.types.map((x) => x.name).join(', ')}`,
    );
  }

  /** Like `require`, for a class. */
  requireClass(name: string): ClassDescriptor {
    const t = this.require(name);
    if (t.kind !== 'class') throw usageError(`"${name}" is an enum, not a DTO class`);
    return t;
  }

  classes(): ClassDescriptor[] {
    return this.types.filter((t): t is ClassDescriptor => t.kind === 'class');
  }

  /** Request DTOs: classes that carry an operation (route, verb, response). */
  operations(): ClassDescriptor[] {
    return this.classes().filter((c) => c.operation !== undefined);
  }

  /**
   * A lookup table keyed by whatever `keyOf` computes (e.g. the XML codec keys by contract
   * name + namespace). Built once per `keyOf` function and cached.
   */
  indexBy<K>(keyOf: (t: NamedTypeDescriptor) => K | undefined): ReadonlyMap<K, NamedTypeDescriptor> {
    let m = this.indexes.get(keyOf) as Map<K, NamedTypeDescriptor> | undefined;
    if (!m) {
      m = new Map();
      for (const t of this.types) {
        const k = keyOf(t);
        if (k !== undefined && !m.has(k)) m.set(k, t);
      }
      this.indexes.set(keyOf, m as Map<unknown, NamedTypeDescriptor>);
    }
    return m;
  }
}

export class Registry {
  readonly name: string;
  /** Ascending revision ids. */
  readonly revisions: readonly number[];
  /** The default revision: the newest. */
  readonly latest: number;
  readonly revisionDescriptions: ReadonlyMap<number, string>;
  /** The host-wide switches every descriptor of this registry was resolved with. */
  readonly profile: RegistryProfile;
  private readonly declaration: SchemaDeclaration;
  private readonly views = new Map<number, Schema>();

  constructor(declaration: SchemaDeclaration, options?: RegistryOptions) {
    if (declaration.revisions.length === 0) throw schemaError('a schema needs at least one revision');
    const ids = declaration.revisions.map((r) => r.id);
    for (let i = 1; i < ids.length; i++) {
      if (ids[i]! <= ids[i - 1]!) throw schemaError('revisions must be declared in ascending order');
    }
    this.name = declaration.name;
    this.declaration = declaration;
    this.profile = resolveProfile(declaration.profile, options?.profile);
    this.revisions = Object.freeze(ids);
    this.latest = ids[ids.length - 1]!;
    this.revisionDescriptions = new Map(declaration.revisions.map((r) => [r.id, r.description]));
    // Resolve every revision eagerly so a broken declaration fails at import, not at first use.
    for (const id of ids) this.at(id);
  }

  /** The descriptors as of `revision` (default: the latest). */
  at(revision: number = this.latest): Schema {
    let view = this.views.get(revision);
    if (!view) {
      if (!this.revisions.includes(revision)) {
        throw usageError(`unknown revision ${String(revision)} of ${this.name}; known revisions: ${this.revisions.join(', ')}`);
      }
      view = resolve(this.declaration, revision, this.profile);
      this.views.set(revision, view);
    }
    return view;
  }

  /** Shorthands for the latest revision. */
  get(name: string): NamedTypeDescriptor | undefined {
    return this.at().get(name);
  }
  require(name: string): NamedTypeDescriptor {
    return this.at().require(name);
  }
  get types(): readonly NamedTypeDescriptor[] {
    return this.at().types;
  }
}

export function createRegistry(declaration: SchemaDeclaration, options?: RegistryOptions): Registry {
  return new Registry(declaration, options);
}

const TEXT_CASES = ['camel', 'pascal', 'snake'];

function resolveProfile(...layers: (Partial<RegistryProfile> | undefined)[]): RegistryProfile {
  const p: { -readonly [K in keyof RegistryProfile]: RegistryProfile[K] } = { ...DEFAULT_PROFILE };
  for (const l of layers) {
    if (!l) continue;
    for (const [k, v] of Object.entries(l)) if (v !== undefined) (p as Record<string, unknown>)[k] = v;
  }
  if (!TEXT_CASES.includes(p.textCase)) throw schemaError(`profile textCase must be camel, pascal or snake, not ${JSON.stringify(p.textCase)}`);
  for (const k of ['treatEnumAsInteger', 'excludeDefaultValues', 'includeNullValues'] as const) {
    if (typeof p[k] !== 'boolean') throw schemaError(`profile ${k} must be a boolean`);
  }
  p.contractNamespaces = Object.freeze({ ...p.contractNamespaces });
  return Object.freeze(p);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function resolve(decl: SchemaDeclaration, revision: number, profile: RegistryProfile): Schema {
  const first = decl.revisions[0]!.id;
  const named = new Map<string, Mutable<NamedTypeDescriptor>>();
  const declOf = new Map<NamedTypeDescriptor, TypeDeclaration>();

  const contractNs = (d: TypeDeclaration): string =>
    d.dataContract?.namespace ?? profile.contractNamespaces[d.namespace] ?? clrNamespaceUri(d.namespace);

  // Pass 1: a shell per named type, so references can be cyclic.
  for (const d of decl.types) {
    const fullName = fullNameOf(d);
    if (named.has(fullName)) throw schemaError(`type ${fullName} is declared twice`);
    let shell: Mutable<NamedTypeDescriptor>;
    if (d.kind === 'enum') {
      const isFlags = d.flags ?? false;
      const e: Mutable<EnumDescriptor> = {
        kind: 'enum',
        name: d.name,
        namespace: d.namespace,
        fullName,
        members: Object.freeze(
          d.members.map(([name, value, wireText]): EnumMember => Object.freeze({ name, value: BigInt(value), wireText: wireText ?? name })),
        ),
        isFlags,
        isInt: isFlags || (d.isInt ?? false) || profile.treatEnumAsInteger,
        contractName: d.dataContract?.name ?? d.name,
        contractNamespace: contractNs(d),
        isValueType: true,
      };
      if (d.description !== undefined) e.description = d.description;
      shell = e;
    } else {
      const c: Mutable<ClassDescriptor> = {
        kind: 'class',
        name: d.name,
        namespace: d.namespace,
        fullName,
        ownProperties: [],
        properties: [],
        xmlProperties: [],
        contractName: d.dataContract?.name ?? d.name,
        contractNamespace: contractNs(d),
        isDataContract: d.dataContract !== undefined,
        profile,
        revision,
        isValueType: d.valueType ?? false,
      };
      if (d.description !== undefined) c.description = d.description;
      if (d.operation !== undefined) c.operation = d.operation;
      shell = c;
    }
    // A short name shared by two namespaces stays reachable by full name only.
    if (named.has(d.name)) named.set(d.name, AMBIGUOUS);
    else named.set(d.name, shell);
    named.set(fullName, shell);
    declOf.set(shell as NamedTypeDescriptor, d);
  }

  const lookup = (name: string, where: string): NamedTypeDescriptor => {
    const t = named.get(name);
    if (t === AMBIGUOUS) {
      const options = [...declOf.keys()].filter((x) => x.name === name).map((x) => x.fullName);
      throw schemaError(`${where} refers to "${name}", which is ambiguous: ${options.join(', ')}; use the full name`);
    }
    if (!t) throw schemaError(`${where} refers to undeclared type "${name}"`);
    return t as NamedTypeDescriptor;
  };

  const typeOf = (e: TypeExpr, where: string): TypeDescriptor => {
    switch (e.kind) {
      case 'scalar': {
        const sd = SCALAR_DESCRIPTORS[e.name];
        if (!sd) throw schemaError(`${where}: unknown scalar type "${String(e.name)}"`);
        return sd;
      }
      case 'ref':
        return lookup(e.name, where);
      case 'nullable': {
        const of = typeOf(e.of, where);
        if (of.kind !== 'scalar' && of.kind !== 'enum' && of.kind !== 'class') throw schemaError(`${where}: Nullable<T> needs a value type`);
        if (!of.isValueType) throw schemaError(`${where}: Nullable<${of.name}> of a reference type`);
        return Object.freeze({ kind: 'nullable', of, isValueType: false });
      }
      case 'list':
        return Object.freeze({ kind: 'list', of: typeOf(e.of, where), isValueType: false });
      case 'dictionary': {
        const key = typeOf(e.key, where);
        if (key.kind !== 'scalar') throw schemaError(`${where}: dictionary keys must be scalars`);
        return Object.freeze({ kind: 'dictionary', key, value: typeOf(e.value, where), isValueType: false });
      }
    }
  };

  // Pass 2: fill classes (own members, dictionary bases, generic arguments, nesting).
  for (const d of decl.types) {
    const shell = named.get(fullNameOf(d))!;
    if (d.declaringType !== undefined && d.dataContract?.name === undefined) {
      lookup(d.namespace ? `${d.namespace}.${d.declaringType}` : d.declaringType, `${d.name} declaring type`);
      // DataContract names a nested type by its CLR path inside the namespace (`Outer.Inner`,
      // `A.B.Leaf`), whatever [DataContract(Name)] the declaring type has (Mono DCS oracle:
      // `[DataContract(Name = "Shell")] class Outer2 { class Inner2 }` is written `Outer2.Inner2`).
      (shell as Mutable<ClassDescriptor | EnumDescriptor>).contractName = `${d.declaringType}.${shell.contractName}`;
    }
    if (d.kind !== 'class') continue;
    const c = shell as Mutable<ClassDescriptor>;
    if (d.base !== undefined) {
      const b = lookup(d.base, `${d.name} base`);
      if (b.kind !== 'class') throw schemaError(`${d.name} derives from enum ${b.name}`);
      c.base = b;
    }
    if (d.dictionary !== undefined) {
      const dict = typeOf(d.dictionary, `${d.name} base`);
      if (dict.kind !== 'dictionary') throw schemaError(`${d.name}: dictionary base must be Dictionary<K,V>`);
      c.dictionary = dict;
    }
    if (d.generic !== undefined) {
      c.generic = Object.freeze({
        definition: d.generic.definition,
        args: Object.freeze(d.generic.args.map((a, i) => typeOf(a, `${d.name} generic argument ${i + 1}`))),
      });
    }
    const own: PropertyDescriptor[] = [];
    for (const [name, p] of Object.entries(d.properties)) {
      const since = p.since ?? first;
      if (since > revision) continue;
      const dm = p.dataMember;
      // DataContractSerializer reads [DataMember] only on a [DataContract] type (Mono oracle: on
      // a plain class its Name, Order and EmitDefaultValue change nothing); ServiceStack.Text
      // takes DataMember.Name as an alias on any class, but Order and EmitDefaultValue only on a
      // [DataContract] one (Common/WriteType.cs).
      const dc = d.dataContract !== undefined ? dm : undefined;
      const pd: Mutable<PropertyDescriptor> = {
        name,
        // ServiceStack.Text uses DataMember.Name as written in every text case (WriteType.cs).
        wireName: dm?.name ?? inTextCase(name, profile.textCase),
        xmlName: dc?.name ?? name,
        emitDefaultValue: dc?.emitDefaultValue ?? true,
        isRequired: dc?.isRequired ?? false,
        type: typeOf(p.type, `${d.name}.${name}`),
        since,
        declaringType: c as ClassDescriptor,
        initializedByConstructor: p.initializedByConstructor ?? false,
      };
      if (dc?.order !== undefined) pd.order = dc.order;
      if (p.description !== undefined) pd.description = p.description;
      own.push(Object.freeze(pd));
    }
    if (c.dictionary && own.length) throw schemaError(`${d.name} derives from a dictionary and cannot declare members`);
    c.ownProperties = Object.freeze(own);
  }

  // Generic contract names need the arguments' contract names, which pass 2 completed.
  for (const t of declOf.keys()) {
    const c = t as Mutable<NamedTypeDescriptor>;
    if (c.kind === 'class' && c.generic && (declOf.get(t) as ClassDeclaration).dataContract?.name === undefined) {
      c.contractName = genericContractName(c.generic.definition, c.generic.args);
    }
  }

  // Pass 3: full member lists, derived first (ServiceStack.Text's reflection order), and the
  // DataContract order (base first; per class unordered members ordinally, then by Order).
  const done = new Set<ClassDescriptor>();
  const complete = (c: Mutable<ClassDescriptor>, seen: Set<ClassDescriptor>): void => {
    if (done.has(c as ClassDescriptor)) return;
    if (seen.has(c as ClassDescriptor)) throw schemaError(`${c.name} inherits from itself`);
    seen.add(c as ClassDescriptor);
    const base = c.base as Mutable<ClassDescriptor> | undefined;
    if (base) {
      complete(base, seen);
      if (base.dictionary && !c.dictionary) c.dictionary = base.dictionary;
    }
    // A member the class redeclares (an `override`, as ServiceStack.Jobs.BackgroundJob.Id) is one
    // member. .NET reflection, and so ServiceStack.Text, lists it once, in the derived class's
    // place; DataContractSerializer skips overriding members and writes it once at the base
    // level, in the base's namespace (Mono DCS oracle: `Job : JobBase` with `override long Id`
    // gives `<Job><Id xmlns="…/Base.Ns">5</Id><Name xmlns="…/Base.Ns">n</Name></Job>`).
    const redeclared = new Set(c.ownProperties.map((p) => p.name));
    const reflected = [...c.ownProperties, ...(base ? base.properties.filter((p) => !redeclared.has(p.name)) : [])];
    // ServiceStack.Text sorts a [DataContract] type's members by DataMember.Order, stably
    // (an unset Order is -1, so those come first in reflection order): WriteType.cs.
    c.properties = Object.freeze(c.isDataContract ? reflected.sort((a, b) => (a.order ?? -1) - (b.order ?? -1)) : reflected);
    const inherited = new Set(base ? base.properties.map((p) => p.name) : []);
    const ownXml = c.ownProperties.filter((p) => !inherited.has(p.name)).sort(
      (a, b) => (a.order ?? -1) - (b.order ?? -1) || compareOrdinal(a.xmlName, b.xmlName),
    );
    c.xmlProperties = Object.freeze([...(base ? base.xmlProperties : []), ...ownXml]);
    done.add(c as ClassDescriptor);
  };
  for (const t of declOf.keys()) if (t.kind === 'class') complete(t as Mutable<ClassDescriptor>, new Set());

  const ordered = [...declOf.keys()].map((t) => Object.freeze(t) as NamedTypeDescriptor);
  return new Schema(revision, ordered);
}

/** `Namespace.Name`, or `Namespace.Outer.Name` for a nested type (whose CLR namespace is its declaring type's). */
function fullNameOf(d: TypeDeclaration): string {
  const local = d.declaringType !== undefined ? `${d.declaringType}.${d.name}` : d.name;
  return d.namespace ? `${d.namespace}.${local}` : local;
}

/** Marks a short name that two namespaces declare. */
const AMBIGUOUS = Object.freeze({ kind: 'enum' }) as unknown as Mutable<NamedTypeDescriptor>;
