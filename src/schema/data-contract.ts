/**
 * DataContract names and namespaces: the .NET rules (`DataContract.GetStableName`) by which a
 * type is named in DataContractSerializer XML (datacontract.md §2–§10). They are .NET facts
 * about types, not about XML text, so the registry resolves them once for every class and
 * enum (attributes, nesting, generic arguments, the profile's namespace overrides), and the XML
 * codec asks here only for the structural names of lists and dictionaries.
 */
import { createHash } from 'node:crypto';
import type { DictionaryDescriptor, TypeDescriptor } from './descriptors.js';

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
export const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';
export const ARRAYS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
export const DATACONTRACT_BASE = 'http://schemas.datacontract.org/2004/07/';

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
      return t.xmlName;
    case 'enum':
      return t.contractName;
    case 'nullable':
      // Nullable<T> has T's contract.
      return contractName(t.of);
    case 'list':
      return 'ArrayOf' + contractName(t.of);
    case 'dictionary':
      return 'ArrayOf' + keyValueName(t);
    case 'class':
      return t.dictionary ? 'ArrayOf' + keyValueName(t.dictionary) : t.contractName;
  }
}

/** Data contract namespace of a type (§3). */
export function contractNamespace(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
      return t.xmlNamespace;
    case 'enum':
      return t.contractNamespace;
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
      return t.dictionary ? ARRAYS_NS : t.contractNamespace;
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

/**
 * The contract name of a closed generic type: definition + `Of` + each argument's contract
 * name, plus the digest of the arguments' namespaces unless every one is built-in.
 */
export function genericContractName(definition: string, args: readonly TypeDescriptor[]): string {
  const namespaces = args.map(contractNamespace);
  const base = definition + 'Of' + args.map(contractName).join('');
  return namespaces.every(isBuiltInNamespace) ? base : base + namespacesDigest(namespaces);
}

/** `KeyValueOf{K}{V}` plus the digest when an argument's namespace is not built-in. */
export function keyValueName(d: DictionaryDescriptor): string {
  return genericContractName('KeyValue', [d.key, d.value]);
}

/** Ordinal (UTF-16 code unit) comparison, as `string.CompareOrdinal`. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
