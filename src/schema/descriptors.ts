/**
 * Type descriptors: the registry's resolved, format-free description of .NET DTO types.
 *
 * A descriptor graph may be cyclic (`Struct` → `Value` → `List<Struct>`), so codecs must
 * compile lazily and cache per descriptor object. Every descriptor belongs to exactly one
 * revision view of a registry: the same .NET type at two API revisions is two descriptor
 * objects, which lets codecs cache compiled readers/writers by identity.
 */

import type { ScalarRow } from './scalars.js';

export type { ScalarName } from './scalars.js';

/** A .NET primitive: its row of the scalar table (`src/schema/scalars.ts`), shared by every registry. */
export interface ScalarDescriptor extends ScalarRow {
  readonly kind: 'scalar';
}

export interface EnumMember {
  readonly name: string;
  /** The numeric value (64-bit: `long`/`ulong` enums included). */
  readonly value: bigint;
  /** What JSON/JSV/XML write for it by name: `[EnumMember(Value=…)]`, else the member name. */
  readonly wireText: string;
}

export interface EnumDescriptor {
  readonly kind: 'enum';
  readonly name: string;
  /** .NET namespace (`Voice.Api.Settings`, `System`). */
  readonly namespace: string;
  readonly fullName: string;
  /** In declaration order. */
  readonly members: readonly EnumMember[];
  readonly description?: string;
  /** `[Flags]`: a value may combine members (`Read, Write`). */
  readonly isFlags: boolean;
  /**
   * JSON and JSV write the number rather than the name: `[Flags]` enums, metadata `isEnumInt`,
   * or the profile's `treatEnumAsInteger`. Resolved once by the registry.
   */
  readonly isInt: boolean;
  /** DataContract name and namespace URI (attributes, profile and defaults applied). */
  readonly contractName: string;
  readonly contractNamespace: string;
  readonly isValueType: true;
}

/** `Nullable<T>` of a value type. */
export interface NullableDescriptor {
  readonly kind: 'nullable';
  /** A value type: a scalar, an enum or a struct (`isValueType` class). */
  readonly of: ScalarDescriptor | EnumDescriptor | ClassDescriptor;
  readonly isValueType: false;
}

/** `List<T>` (and arrays, which every format writes the same way). */
export interface ListDescriptor {
  readonly kind: 'list';
  readonly of: TypeDescriptor;
  readonly isValueType: false;
}

/** `Dictionary<K,V>`; keys are scalars (ServiceStack DTOs use string keys). */
export interface DictionaryDescriptor {
  readonly kind: 'dictionary';
  readonly key: ScalarDescriptor;
  readonly value: TypeDescriptor;
  readonly isValueType: false;
}

/**
 * A route's verb. `ANY`: the route accepts every verb (a `[Route]` without verbs: metadata
 * `verbs` null, servicestack-metadata.md §1.8).
 */
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ANY';

export interface RouteDescriptor {
  readonly verb: HttpVerb;
  readonly path: string;
}

/** What a request DTO's metadata page says about the service behind it. */
export interface OperationDescriptor {
  readonly routes: readonly RouteDescriptor[];
  /** Name of the response DTO (`IReturn<T>`), or undefined for `IReturnVoid`. */
  readonly returns?: string;
  readonly roles?: readonly string[];
  readonly requiresAuthentication?: boolean;
}

export interface PropertyDescriptor {
  /** .NET member name, PascalCase (`AIInsights`). */
  readonly name: string;
  /**
   * ServiceStack's JSON/JSV name: `DataMember.Name` as written, else the .NET name in the
   * profile's text case (`ToCamelCase` by default: `aiInsights`). Also the name in error paths.
   */
  readonly wireName: string;
  /** DataContract element name: `DataMember.Name`, else the .NET name. */
  readonly xmlName: string;
  /** `DataMember.Order`, when set. */
  readonly order?: number;
  /** `DataMember.EmitDefaultValue` (true unless the attribute says false). */
  readonly emitDefaultValue: boolean;
  /** `DataMember.IsRequired`. */
  readonly isRequired: boolean;
  readonly type: TypeDescriptor;
  /** `[ApiMember(Description=…)]` text. */
  readonly description?: string;
  /** First API revision that has this member. */
  readonly since: number;
  /** The class that declares it (XML puts the element in that class's namespace). */
  readonly declaringType: ClassDescriptor;
  /** The DTO constructor assigns an empty list (`Rules = new List<SchedulingRule>{}`). */
  readonly initializedByConstructor: boolean;
}

export interface ClassDescriptor {
  readonly kind: 'class';
  readonly name: string;
  readonly namespace: string;
  readonly fullName: string;
  readonly description?: string;
  readonly base?: ClassDescriptor;
  /**
   * Set when the class derives from `Dictionary<K,V>` (`Struct : Dictionary<string,Value>`):
   * every format then writes it as that dictionary, and it has no properties of its own.
   */
  readonly dictionary?: DictionaryDescriptor;
  /** Members declared on this class, in declaration order. */
  readonly ownProperties: readonly PropertyDescriptor[];
  /**
   * All members in the order ServiceStack.Text writes them (JSON/JSV): .NET reflection order,
   * the most-derived class's own members first, then its base's; on a `[DataContract]` class
   * stably sorted by `DataMember.Order` (members without one first).
   */
  readonly properties: readonly PropertyDescriptor[];
  /**
   * Members in DataContract order: the most basic class's first; within a class, members
   * without `Order` ordinally by element name, then those with `Order` by order and name.
   */
  readonly xmlProperties: readonly PropertyDescriptor[];
  readonly operation?: OperationDescriptor;
  /** DataContract name and namespace URI of the class (attributes, nesting, profile, defaults applied). */
  readonly contractName: string;
  readonly contractNamespace: string;
  /** `[DataContract]` is on the class (DCS then builds it without running its constructor). */
  readonly isDataContract: boolean;
  /**
   * A closed generic type (`QueryResponse<Customer>`): its definition's name without the
   * arity (`QueryResponse`) and the arguments. DataContract names it `QueryResponseOfCustomer…`.
   */
  readonly generic?: { readonly definition: string; readonly args: readonly TypeDescriptor[] };
  /** The host-wide serializer switches of the registry this descriptor belongs to. */
  readonly profile: RegistryProfile;
  /** The API revision of the view this descriptor belongs to. */
  readonly revision: number;
  /** A .NET struct: never null, `default(T)` is an instance with every member at its default. */
  readonly isValueType: boolean;
}

/** How a host writes member names in JSON and JSV (`JsConfig.TextCase`). */
export type TextCase = 'camel' | 'pascal' | 'snake';

/**
 * ServiceStack's host-wide switches that the metadata does not carry (servicestack-metadata.md
 * §1.10). Defaults are a ServiceStack host's: see `DEFAULT_PROFILE`.
 */
export interface RegistryProfile {
  /** `HostConfig.UseCamelCase` / `JsConfig.TextCase`: `camel` on a host, `pascal` for ServiceStack.Text alone. */
  readonly textCase: TextCase;
  /** `JsConfig.TreatEnumAsInteger`: every enum is written as its number in JSON/JSV. */
  readonly treatEnumAsInteger: boolean;
  /** `JsConfig.ExcludeDefaultValues`: JSON/JSV omit members holding their type's default. */
  readonly excludeDefaultValues: boolean;
  /** `JsConfig.IncludeNullValues`: JSON/JSV write null members (`"name":null`). */
  readonly includeNullValues: boolean;
  /**
   * XML contract namespace per CLR namespace (`[assembly: ContractNamespace(uri, ClrNamespace = ns)]`),
   * for types without `[DataContract(Namespace)]`.
   */
  readonly contractNamespaces: Readonly<Record<string, string>>;
}

export type NamedTypeDescriptor = ClassDescriptor | EnumDescriptor;

export type TypeDescriptor =
  | ScalarDescriptor
  | EnumDescriptor
  | NullableDescriptor
  | ListDescriptor
  | DictionaryDescriptor
  | ClassDescriptor;

/** A C#-style spelling of a type reference: `List<Struct>`, `Nullable<Boolean>`, `Dictionary<String,Value>`. */
export function typeLabel(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
    case 'enum':
    case 'class':
      return t.name;
    case 'nullable':
      return `Nullable<${typeLabel(t.of)}>`;
    case 'list':
      return `List<${typeLabel(t.of)}>`;
    case 'dictionary':
      return `Dictionary<${t.key.name},${typeLabel(t.value)}>`;
  }
}

const lists = new WeakMap<TypeDescriptor, ListDescriptor>();

/**
 * `List<of>` as one descriptor per element type, so codecs that cache by descriptor (and the
 * streaming readers, which read a collection of any type) compile it once.
 */
export function listOf(of: TypeDescriptor): ListDescriptor {
  let l = lists.get(of);
  if (l === undefined) {
    l = Object.freeze({ kind: 'list', of, isValueType: false });
    lists.set(of, l);
  }
  return l;
}
