/**
 * The builder used to declare DTOs. Declarations are plain data that name other types by
 * string, so mutually recursive types (`Struct` ⇄ `Value`) can be written in any order;
 * `createRegistry` resolves them into descriptor graphs, one per API revision.
 */
import type { HttpVerb, OperationDescriptor, ScalarName } from './descriptors.js';

export type TypeExpr =
  | { readonly kind: 'scalar'; readonly name: ScalarName }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'nullable'; readonly of: TypeExpr }
  | { readonly kind: 'list'; readonly of: TypeExpr }
  | { readonly kind: 'dictionary'; readonly key: TypeExpr; readonly value: TypeExpr };

/** Type expressions, spelled as close to C# as TypeScript allows. */
export const t = {
  String: { kind: 'scalar', name: 'String' } as TypeExpr,
  Boolean: { kind: 'scalar', name: 'Boolean' } as TypeExpr,
  Int32: { kind: 'scalar', name: 'Int32' } as TypeExpr,
  Double: { kind: 'scalar', name: 'Double' } as TypeExpr,
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
}

export interface EnumDeclaration {
  readonly kind: 'enum';
  readonly namespace: string;
  readonly name: string;
  readonly description?: string;
  /** Member name → numeric value, in declaration order. */
  readonly members: readonly (readonly [string, number])[];
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
  options: {
    description?: string;
    base?: string;
    dictionary?: TypeExpr;
    operation?: OperationDescriptor;
  },
  properties: Record<string, PropertyDeclaration>,
): ClassDeclaration {
  return { kind: 'class', namespace, name, ...options, properties };
}

export function enumType(
  namespace: string,
  name: string,
  members: Readonly<Record<string, number>>,
  description?: string,
): EnumDeclaration {
  return {
    kind: 'enum',
    namespace,
    name,
    members: Object.entries(members),
    ...(description === undefined ? {} : { description }),
  };
}

export function route(verb: HttpVerb, path: string): { verb: HttpVerb; path: string } {
  return { verb, path };
}
