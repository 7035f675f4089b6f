/**
 * The registry: resolves declarations into descriptor graphs, one per API revision, and
 * answers lookups. It knows no wire format; codecs build their own indexes with `indexBy`.
 */
import { usageError } from '../errors.js';
import type { SchemaDeclaration, TypeDeclaration, TypeExpr } from './builder.js';
import type {
  ClassDescriptor,
  EnumDescriptor,
  NamedTypeDescriptor,
  PropertyDescriptor,
  ScalarDescriptor,
  ScalarName,
  TypeDescriptor,
} from './descriptors.js';
import { toCamelCase } from './naming.js';

const SCALARS: Readonly<Record<ScalarName, ScalarDescriptor>> = Object.freeze({
  String: Object.freeze({ kind: 'scalar', name: 'String', fullName: 'System.String', isValueType: false }),
  Boolean: Object.freeze({ kind: 'scalar', name: 'Boolean', fullName: 'System.Boolean', isValueType: true }),
  Int32: Object.freeze({ kind: 'scalar', name: 'Int32', fullName: 'System.Int32', isValueType: true }),
  Double: Object.freeze({ kind: 'scalar', name: 'Double', fullName: 'System.Double', isValueType: true }),
});

/** The scalar descriptors, shared by every registry. */
export function scalar(name: ScalarName): ScalarDescriptor {
  return SCALARS[name];
}

/** One API revision of a registry: a closed set of resolved descriptors. */
export class Schema {
  readonly revision: number;
  /** Every named type (classes and enums) in declaration order. */
  readonly types: readonly NamedTypeDescriptor[];
  private readonly byName = new Map<string, NamedTypeDescriptor>();
  private readonly byFull = new Map<string, NamedTypeDescriptor>();
  private readonly indexes = new WeakMap<object, Map<unknown, NamedTypeDescriptor>>();

  /** @internal use `Registry.at` */
  constructor(revision: number, types: readonly NamedTypeDescriptor[]) {
    this.revision = revision;
    this.types = Object.freeze([...types]);
    for (const t of types) {
      this.byName.set(t.name, t);
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
  private readonly declaration: SchemaDeclaration;
  private readonly views = new Map<number, Schema>();

  constructor(declaration: SchemaDeclaration) {
    if (declaration.revisions.length === 0) throw usageError('a schema needs at least one revision');
    const ids = declaration.revisions.map((r) => r.id);
    for (let i = 1; i < ids.length; i++) {
      if (ids[i]! <= ids[i - 1]!) throw usageError('revisions must be declared in ascending order');
    }
    this.name = declaration.name;
    this.declaration = declaration;
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
      view = resolve(this.declaration, revision);
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

export function createRegistry(declaration: SchemaDeclaration): Registry {
  return new Registry(declaration);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function resolve(decl: SchemaDeclaration, revision: number): Schema {
  const first = decl.revisions[0]!.id;
  const named = new Map<string, Mutable<NamedTypeDescriptor>>();
  const declOf = new Map<string, TypeDeclaration>();

  // Pass 1: a shell per named type, so references can be cyclic.
  for (const d of decl.types) {
    const fullName = d.namespace ? `${d.namespace}.${d.name}` : d.name;
    if (named.has(d.name) || named.has(fullName)) throw usageError(`type ${fullName} is declared twice`);
    let shell: Mutable<NamedTypeDescriptor>;
    if (d.kind === 'enum') {
      const e: Mutable<EnumDescriptor> = {
        kind: 'enum',
        name: d.name,
        namespace: d.namespace,
        fullName,
        members: Object.freeze(d.members.map(([name, value]) => Object.freeze({ name, value }))),
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
        revision,
        isValueType: false,
      };
      if (d.description !== undefined) c.description = d.description;
      if (d.operation !== undefined) c.operation = d.operation;
      shell = c;
    }
    named.set(d.name, shell);
    named.set(fullName, shell);
    declOf.set(d.name, d);
  }

  const lookup = (name: string, where: string): NamedTypeDescriptor => {
    const t = named.get(name);
    if (!t) throw usageError(`${where} refers to undeclared type "${name}"`);
    return t as NamedTypeDescriptor;
  };

  const typeOf = (e: TypeExpr, where: string): TypeDescriptor => {
    switch (e.kind) {
      case 'scalar':
        return SCALARS[e.name];
      case 'ref':
        return lookup(e.name, where);
      case 'nullable': {
        const of = typeOf(e.of, where);
        if (of.kind !== 'scalar' && of.kind !== 'enum') throw usageError(`${where}: Nullable<T> needs a value type`);
        if (!of.isValueType) throw usageError(`${where}: Nullable<${of.name}> of a reference type`);
        return Object.freeze({ kind: 'nullable', of, isValueType: false });
      }
      case 'list':
        return Object.freeze({ kind: 'list', of: typeOf(e.of, where), isValueType: false });
      case 'dictionary': {
        const key = typeOf(e.key, where);
        if (key.kind !== 'scalar') throw usageError(`${where}: dictionary keys must be scalars`);
        return Object.freeze({ kind: 'dictionary', key, value: typeOf(e.value, where), isValueType: false });
      }
    }
  };

  // Pass 2: fill classes (own members and dictionary bases).
  for (const d of decl.types) {
    if (d.kind !== 'class') continue;
    const c = named.get(d.name) as Mutable<ClassDescriptor>;
    if (d.base !== undefined) {
      const b = lookup(d.base, `${d.name} base`);
      if (b.kind !== 'class') throw usageError(`${d.name} derives from enum ${b.name}`);
      c.base = b;
    }
    if (d.dictionary !== undefined) {
      const dict = typeOf(d.dictionary, `${d.name} base`);
      if (dict.kind !== 'dictionary') throw usageError(`${d.name}: dictionary base must be Dictionary<K,V>`);
      c.dictionary = dict;
    }
    const own: PropertyDescriptor[] = [];
    for (const [name, p] of Object.entries(d.properties)) {
      const since = p.since ?? first;
      if (since > revision) continue;
      const pd: Mutable<PropertyDescriptor> = {
        name,
        wireName: toCamelCase(name),
        type: typeOf(p.type, `${d.name}.${name}`),
        since,
        declaringType: c as ClassDescriptor,
        initializedByConstructor: p.initializedByConstructor ?? false,
      };
      if (p.description !== undefined) pd.description = p.description;
      own.push(Object.freeze(pd));
    }
    if (c.dictionary && own.length) throw usageError(`${d.name} derives from a dictionary and cannot declare members`);
    c.ownProperties = Object.freeze(own);
  }

  // Pass 3: full member lists, derived first (ServiceStack.Text's reflection order).
  const done = new Set<ClassDescriptor>();
  const complete = (c: Mutable<ClassDescriptor>, seen: Set<ClassDescriptor>): void => {
    if (done.has(c as ClassDescriptor)) return;
    if (seen.has(c as ClassDescriptor)) throw usageError(`${c.name} inherits from itself`);
    seen.add(c as ClassDescriptor);
    const base = c.base as Mutable<ClassDescriptor> | undefined;
    if (base) {
      complete(base, seen);
      if (base.dictionary && !c.dictionary) c.dictionary = base.dictionary;
    }
    c.properties = Object.freeze([...c.ownProperties, ...(base ? base.properties : [])]);
    done.add(c as ClassDescriptor);
  };
  for (const d of decl.types) if (d.kind === 'class') complete(named.get(d.name) as Mutable<ClassDescriptor>, new Set());

  const ordered = decl.types.map((d) => {
    const t = named.get(d.name)!;
    return Object.freeze(t) as NamedTypeDescriptor;
  });
  return new Schema(revision, ordered);
}
