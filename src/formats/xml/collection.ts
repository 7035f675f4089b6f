/**
 * Telling a collection document from its head: DCS names a `List<T>` root `ArrayOfT` in T's
 * contract namespace (`ArrayOfint` in the Arrays namespace for scalars), so the root start tag
 * alone says both that the document is a collection and of what.
 */
import { listOf, type NamedTypeDescriptor } from '../../schema/descriptors.js';
import type { Schema } from '../../schema/registry.js';
import { rootKey } from './contract.js';
import { readRootName } from './scanner.js';

/** The root element's local name is `ArrayOf…` (a DTO of that very name would be taken for a collection: name it with --type). */
export function isXmlCollection(head: string): boolean {
  return readRootName(head)?.local.startsWith('ArrayOf') === true;
}

const collectionKey = (t: NamedTypeDescriptor): string => rootKey(listOf(t));

/** The named type T whose `List<T>` root the head's root element is, in the schema. */
export function xmlElementType(schema: Schema, head: string): NamedTypeDescriptor | undefined {
  const root = readRootName(head);
  if (!root || !root.local.startsWith('ArrayOf')) return undefined;
  return schema.indexBy(collectionKey).get(root.ns + '\u0000' + root.local);
}
