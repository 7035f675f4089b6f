/** The DTO types every property runs over. */
import { evoVoice } from '../../../src/dtos/index.js';
import type { ClassDescriptor } from '../../../src/schema/descriptors.js';

export interface TypeCase {
  /** `CustomerInfo@2` */
  readonly id: string;
  readonly type: ClassDescriptor;
}

const at = (revision: number, c: ClassDescriptor): TypeCase => ({ id: `${c.name}@${revision}`, type: c });

/**
 * Every class at the latest revision, and at revision 1 the four request/response DTOs plus
 * the two classes whose members differ between the revisions.
 */
export const TYPE_CASES: readonly TypeCase[] = [
  ...evoVoice.at(2).classes().map((c) => at(2, c)),
  ...['NewCustomer', 'PatchCustomer', 'SetCustomerStagingMode', 'CustomerInfo', 'BillingSettings', 'AppSettings'].map((n) =>
    at(1, evoVoice.at(1).requireClass(n)),
  ),
];

export function typeCase(id: string): TypeCase {
  const c = TYPE_CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no type case ${id}`);
  return c;
}
