/**
 * What the XML codec needs of DataContract names and namespaces. The names themselves are
 * .NET facts the registry resolves once (src/schema/data-contract.ts, datacontract.md §2–§10:
 * attributes, nesting, generic digests, the profile's namespace overrides) and the codec only
 * reads them: `contractName`/`contractNamespace` of a type, `xmlName` of a member, the
 * declaring class's `contractNamespace` for a member's element. Here: the re-exports, the
 * member-declaration rule and the root index key.
 */
import type { ClassDescriptor, PropertyDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import { contractName, contractNamespace } from '../../schema/data-contract.js';
import { XML_SCALARS } from './scalars.js';

export {
  ARRAYS_NS,
  clrNamespaceUri,
  contractName,
  contractNamespace,
  DATACONTRACT_BASE,
  dictionaryOf,
  isBuiltInNamespace,
  keyValueName,
  namespacesDigest,
  SERIALIZATION_NS,
  XSD_NS,
} from '../../schema/data-contract.js';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * `GetChildNamespaceToDeclare`: the namespace DCS declares (`xmlns:dNpM`) on an element whose
 * content is a `type`, written by a contract living in `ownerNamespace` — unless it is a
 * primitive or an enum, or already the owner's namespace.
 */
export function childNamespaceToDeclare(ownerNamespace: string, type: TypeDescriptor): string | undefined {
  const t = type.kind === 'nullable' ? type.of : type;
  // DateTimeOffset is a class contract (in …/System), so it declares like one.
  if ((t.kind === 'scalar' && XML_SCALARS[t.name].contract !== 'class') || t.kind === 'enum') return undefined;
  const ns = contractNamespace(t);
  return ns && ns !== ownerNamespace ? ns : undefined;
}

/** Whether values of `t` are System.Object (directly or as items/values of collections). */
export function carriesObject(t: TypeDescriptor): boolean {
  switch (t.kind) {
    case 'scalar':
      return XML_SCALARS[t.name].contract === 'none';
    case 'nullable':
    case 'list':
      return carriesObject(t.of);
    case 'dictionary':
      return carriesObject(t.key) || carriesObject(t.value);
    default:
      return false;
  }
}

export interface XmlMember {
  readonly property: PropertyDescriptor;
  /** Element local name: `DataMember.Name` or the .NET member name. */
  readonly local: string;
  /** The declaring class's contract namespace. */
  readonly ns: string;
}

/** Members in the order DCS writes and expects them, as the registry resolved it (§5). */
export function xmlMembers(c: ClassDescriptor): XmlMember[] {
  return c.xmlProperties.map((p) => ({ property: p, local: p.xmlName, ns: p.declaringType.contractNamespace }));
}

/** `(namespace, local name)` key of the types a document can name at its root. */
export function rootKey(t: TypeDescriptor): string {
  return contractNamespace(t) + '\u0000' + contractName(t);
}
