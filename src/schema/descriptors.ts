/**
 * Type descriptors: the registry's resolved, format-free description of .NET DTO types.
 *
 * A descriptor graph may be cyclic (`Struct` → `Value` → `List<Struct>`), so codecs must
 * compile lazily and cache per descriptor object. Every descriptor belongs to exactly one
 * revision view of a registry: the same .NET type at two API revisions is two descriptor
 * objects, which lets codecs cache compiled readers/writers by identity.
 */

/** The .NET primitive types a DTO member can have. Codecs keep one small function per name. */
export type ScalarName = 'String' | 'Boolean' | 'Int32' | 'Double';

export interface ScalarDescriptor {
  readonly kind: 'scalar';
  readonly name: ScalarName;
  /** e.g. `System.Int32` */
  readonly fullName: string;
  /** .NET value type (has a non-null default) vs reference type (`String`). */
  readonly isValueType: boolean;
}

export interface EnumMember {
  readonly name: string;
  readonly value: number;
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
  readonly isValueType: true;
}

/** `Nullable<T>` of a value type. */
export interface NullableDescriptor {
  readonly kind: 'nullable';
  readonly of: ScalarDescriptor | EnumDescriptor;
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

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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
  /** .NET member name, PascalCase (`AIInsights`). Used by DataContract XML. */
  readonly name: string;
  /** ServiceStack wire name (`ToCamelCase`: `aiInsights`). Used by JSON/JSV and in error paths. */
  readonly wireName: string;
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
   * All members in .NET reflection order as ServiceStack.Text walks them: the most-derived
   * class's own members first, then its base's, and so on.
   */
  readonly properties: readonly PropertyDescriptor[];
  readonly operation?: OperationDescriptor;
  /** The API revision of the view this descriptor belongs to. */
  readonly revision: number;
  readonly isValueType: false;
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
      return `Nullable<${t.of.name}>`;
    case 'list':
      return `List<${typeLabel(t.of)}>`;
    case 'dictionary':
      return `Dictionary<${t.key.name},${typeLabel(t.value)}>`;
  }
}
