/**
 * The builder used to declare DTOs. Declarations are plain data that name other types by
 * string, so mutually recursive types (`Struct` ⇄ `Value`) can be written in any order;
 * `createRegistry` resolves them into descriptor graphs, one per API revision.
 */
import type { HttpVerb, OperationDescriptor, RegistryProfile } from './descriptors.js';
import type { ScalarName } from './scalars.js';

export type TypeExpr =
  | { readonly kind: 'scalar'; readonly name: ScalarName }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'nullable'; readonly of: TypeExpr }
  | { readonly kind: 'list'; readonly of: TypeExpr }
  | { readonly kind: 'dictionary'; readonly key: TypeExpr; readonly value: TypeExpr };

const scalarExpr = (name: ScalarName): TypeExpr => Object.freeze({ kind: 'scalar', name });

/** Type expressions, spelled as close to C# as TypeScript allows. */
export const t = {
  String: scalarExpr('String'),
  Boolean: scalarExpr('Boolean'),
  Byte: scalarExpr('Byte'),
  SByte: scalarExpr('SByte'),
  Int16: scalarExpr('Int16'),
  UInt16: scalarExpr('UInt16'),
  Int32: scalarExpr('Int32'),
  UInt32: scalarExpr('UInt32'),
  Int64: scalarExpr('Int64'),
  UInt64: scalarExpr('UInt64'),
  Single: scalarExpr('Single'),
  Double: scalarExpr('Double'),
  Decimal: scalarExpr('Decimal'),
  Char: scalarExpr('Char'),
  DateTime: scalarExpr('DateTime'),
  DateTimeOffset: scalarExpr('DateTimeOffset'),
  TimeSpan: scalarExpr('TimeSpan'),
  Guid: scalarExpr('Guid'),
  /** `byte[]`: one scalar (base64 in every format), not a list of bytes. */
  Bytes: scalarExpr('Byte[]'),
  Uri: scalarExpr('Uri'),
  Object: scalarExpr('Object'),
  /** Any scalar by its .NET name. */
  scalar: scalarExpr,
  /** A declared class or enum, by name (or .NET full name). */
  ref: (name: string): TypeExpr => ({ kind: 'ref', name }),
  Nullable: (of: TypeExpr): TypeExpr => ({ kind: 'nullable', of }),
  List: (of: TypeExpr): TypeExpr => ({ kind: 'list', of }),
  Dictionary: (key: TypeExpr, value: TypeExpr): TypeExpr => ({ kind: 'dictionary', key, value }),
} as const;

export interface PropertyDeclaration {
  readonly type: TypeExpr;
  readonly description?: string;
  /** First revision with this member (defaults to the schema's first revision). */
  readonly since?: number;
  /** The constructor assigns an empty list to it. */
  readonly initializedByConstructor?: boolean;
  /** `[DataMember(Name, Order, EmitDefaultValue, IsRequired)]`. */
  readonly dataMember?: DataMemberDeclaration;
}

export interface DataMemberDeclaration {
  readonly name?: string;
  readonly order?: number;
  readonly emitDefaultValue?: boolean;
  readonly isRequired?: boolean;
}

/** `[DataContract(Name, Namespace)]`: present (even empty) means the class is a data contract. */
export interface DataContractDeclaration {
  readonly name?: string;
  readonly namespace?: string;
}

export interface ClassDeclaration {
  readonly kind: 'class';
  readonly namespace: string;
  readonly name: string;
  readonly description?: string;
  /** Name of the base class. */
  readonly base?: string;
  /** For classes deriving from `Dictionary<K,V>`. */
  readonly dictionary?: TypeExpr;
  /** Own members in declaration order (object key order is preserved for non-numeric keys). */
  readonly properties: Readonly<Record<string, PropertyDeclaration>>;
  readonly operation?: OperationDescriptor;
  readonly dataContract?: DataContractDeclaration;
  /** A .NET struct. */
  readonly valueType?: boolean;
  /**
   * Nested in this class: its name inside the namespace (`Outer`, or `A.B` for deeper nesting).
   * The full name becomes `Namespace.Outer.Inner` and DataContract names it `Outer.Inner`.
   */
  readonly declaringType?: string;
  /** A closed generic type: the definition's name without arity, and the arguments. */
  readonly generic?: { readonly definition: string; readonly args: readonly TypeExpr[] };
}

export interface EnumDeclaration {
  readonly kind: 'enum';
  readonly namespace: string;
  readonly name: string;
  readonly description?: string;
  /** Member name → numeric value (and `[EnumMember(Value)]` text), in declaration order. */
  readonly members: readonly (readonly [name: string, value: number | bigint, wireText?: string])[];
  /** `[Flags]`. */
  readonly flags?: boolean;
  /** Written as numbers in JSON/JSV (metadata `isEnumInt`); `[Flags]` implies it. */
  readonly isInt?: boolean;
  readonly dataContract?: DataContractDeclaration;
  readonly declaringType?: string;
}

export type TypeDeclaration = ClassDeclaration | EnumDeclaration;

export interface RevisionDeclaration {
  readonly id: number;
  readonly description: string;
}

export interface SchemaDeclaration {
  readonly name: string;
  /** Ascending; the last one is the default. */
  readonly revisions: readonly RevisionDeclaration[];
  readonly types: readonly TypeDeclaration[];
  /** Host-wide switches; each one missing takes `DEFAULT_PROFILE`'s value. */
  readonly profile?: Partial<RegistryProfile>;
}

/** A member: `prop(t.String, 'The ID of the object')` or `prop(t.ref('BillingItem'), { since: 2 })`. */
export function prop(
  type: TypeExpr,
  descriptionOrOptions?: string | Omit<PropertyDeclaration, 'type'>,
  options?: Omit<PropertyDeclaration, 'type' | 'description'>,
): PropertyDeclaration {
  if (typeof descriptionOrOptions === 'string') return { type, description: descriptionOrOptions, ...options };
  return { type, ...descriptionOrOptions };
}

export function classType(
  namespace: string,
  name: string,
  options: Omit<ClassDeclaration, 'kind' | 'namespace' | 'name' | 'properties'>,
  properties: Record<string, PropertyDeclaration>,
): ClassDeclaration {
  return { kind: 'class', namespace, name, ...options, properties };
}

export function enumType(
  namespace: string,
  name: string,
  members: Readonly<Record<string, number>>,
  description?: string,
  options?: Omit<EnumDeclaration, 'kind' | 'namespace' | 'name' | 'members' | 'description'>,
): EnumDeclaration {
  return {
    kind: 'enum',
    namespace,
    name,
    members: Object.entries(members),
    ...(description === undefined ? {} : { description }),
    ...options,
  };
}

export function route(verb: HttpVerb, path: string): { verb: HttpVerb; path: string } {
  return { verb, path };
}
