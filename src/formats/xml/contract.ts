/**
 * DataContract names and namespaces, computed from descriptors the way .NET's
 * DataContractSerializer derives them for attribute-free types (datacontract.md §2–§10).
 * Nothing here is tabled per type: a DTO that moves to another CLR namespace changes its
 * namespace and every `KeyValueOf…` digest that mentions it.
 */
import { createHash } from 'node:crypto';
import type {
  ClassDescriptor,
  DictionaryDescriptor,
  PropertyDescriptor,
  ScalarName,
  TypeDescriptor,
} from '../../schema/descriptors.js';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
export const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';
export const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
export const DATACONTRACT_BASE = 'http://schemas.datacontract.org/2004/07/';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** XML Schema names of the primitives (the item element names of `List<int>` etc.). */
const PRIMITIVE_NAMES: Readonly<Record<ScalarName, string>> = {
  String: 'string',
  Boolean: 'boolean',
  Int32: 'int',
  Double: 'double',
};

/** The namespaces whose types count as built-in for the digest rule (§3.2, §10.4). */
export function isBuiltInNamespace(ns: string): boolean {
  return ns === XSD_NS || ns === SERIALIZATION_NS;
}

/**
 * `http://schemas.datacontract.org/2004/07/` + CLR namespace. DCS builds it with
 * `new Uri(base, clrNamespace).AbsoluteUri`; CLR namespaces are dotted identifiers, which
 * that resolution leaves unchanged.
 */
export function clrNamespaceUri(clrNamespace: string): string {
  return DATACONTRACT_BASE + clrNamespace;
}

/** The dictionary a type is serialized as: its own, or the one a class derives from. */
export function dictionaryOf(t: TypeDescriptor): DictionaryDescriptor | undefined {
  if (t.kind === 'dictionary') return t;
  if (t.kind === 'class') return t.dictionary;
  return undefined;
}

/** Data contract name: what the element of a root, a list item or a dictionary part is called. */
export function contractName(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
      return PRIMITIVE_NAMES[t.name];
    case 'enum':
      return t.name;
    case 'nullable':
      // Nullable<T> has T's contract.
      return contractName(t.of);
    case 'list':
      return 'ArrayOf' + contractName(t.of);
    case 'dictionary':
      return 'ArrayOf' + keyValueName(t);
    case 'class':
      return t.dictionary ? 'ArrayOf' + keyValueName(t.dictionary) : t.name;
  }
}

/** Data contract namespace of a type (§3). */
export function contractNamespace(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
      return XSD_NS;
    case 'enum':
      return clrNamespaceUri(t.namespace);
    case 'nullable':
      return contractNamespace(t.of);
    case 'list': {
      // A collection lives in its item's namespace, except that built-in items move to Arrays.
      const itemNs = contractNamespace(t.of);
      return isBuiltInNamespace(itemNs) ? ARRAYS_NS : itemNs;
    }
    case 'dictionary':
      // Items are KeyValue<K,V>, whose contract namespace is Arrays.
      return ARRAYS_NS;
    case 'class':
      return t.dictionary ? ARRAYS_NS : clrNamespaceUri(t.namespace);
  }
}

/**
 * The MD5-based suffix DCS appends to a generic contract name (§10): MD5 of the UTF-8 text
 * `" " + argCount + (" " + ns)…`, first 6 bytes, base64, `/` → `_S`, `+` → `_P`.
 * (DCS's own MD5 only finishes the first two words of the state, which are those 6 bytes.)
 */
export function namespacesDigest(argumentNamespaces: readonly string[]): string {
  let input = ' ' + String(argumentNamespaces.length);
  for (const ns of argumentNamespaces) input += ' ' + ns;
  const md5 = createHash('md5').update(input, 'utf8').digest();
  return md5.subarray(0, 6).toString('base64').replace(/=+$/, '').replace(/\//g, '_S').replace(/\+/g, '_P');
}

/** `KeyValueOf{K}{V}` plus the digest when an argument's namespace is not built-in. */
export function keyValueName(d: DictionaryDescriptor): string {
  const nsK = contractNamespace(d.key);
  const nsV = contractNamespace(d.value);
  const base = 'KeyValueOf' + contractName(d.key) + contractName(d.value);
  return isBuiltInNamespace(nsK) && isBuiltInNamespace(nsV) ? base : base + namespacesDigest([nsK, nsV]);
}

/**
 * `GetChildNamespaceToDeclare`: the namespace DCS declares (`xmlns:dNpM`) on an element whose
 * content is a `type`, written by a contract living in `ownerNamespace` — unless it is a
 * primitive or an enum, or already the owner's namespace.
 */
export function childNamespaceToDeclare(ownerNamespace: string, type: TypeDescriptor): string | undefined {
  const t = type.kind === 'nullable' ? type.of : type;
  if (t.kind === 'scalar' || t.kind === 'enum') return undefined;
  const ns = contractNamespace(t);
  return ns && ns !== ownerNamespace ? ns : undefined;
}

/** Ordinal (UTF-16 code unit) comparison, as `string.CompareOrdinal`. */
function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface XmlMember {
  readonly property: PropertyDescriptor;
  /** Element local name: the .NET member name. */
  readonly local: string;
  /** The declaring class's contract namespace. */
  readonly ns: string;
}

/**
 * Members in the order DCS writes and expects them: the most basic class's members first,
 * each class's own members in ordinal order of their .NET names (§5).
 */
export function xmlMembers(c: ClassDescriptor): XmlMember[] {
  const chain: ClassDescriptor[] = [];
  for (let k: ClassDescriptor | undefined = c; k; k = k.base) chain.unshift(k);
  const out: XmlMember[] = [];
  for (const k of chain) {
    const ns = clrNamespaceUri(k.namespace);
    const own = [...k.ownProperties].sort((a, b) => compareOrdinal(a.name, b.name));
    for (const p of own) out.push({ property: p, local: p.name, ns });
  }
  return out;
}

/** `(namespace, local name)` key of the types a document can name at its root. */
export function rootKey(t: TypeDescriptor): string {
  return contractNamespace(t) + '\u0000' + contractName(t);
}
