/** The DTO types every property runs over: the Evo Voice registry and the scalar zoo. */
import { evoVoice } from '../../../src/dtos/index.js';
import type { ClassDescriptor } from '../../../src/schema/descriptors.js';
import { zoo } from '../../support/zoo.js';

export interface TypeCase {
  /** `CustomerInfo@2`, `ScalarZoo@zoo` */
  readonly id: string;
  readonly type: ClassDescriptor;
}

/** A registry the properties run over, with the suffix its report rows carry. */
export interface RegistryCases {
  /** `Evo Voice`, `scalar zoo`. */
  readonly label: string;
  /** Appended to each report row (`round trip › XML compact › scalar zoo`); empty for Evo Voice, whose rows keep their names. */
  readonly row: string;
  readonly cases: readonly TypeCase[];
}

const at = (revision: number, c: ClassDescriptor): TypeCase => ({ id: `${c.name}@${revision}`, type: c });

/**
 * Every class at the latest revision, and at revision 1 the four request/response DTOs plus
 * the two classes whose members differ between the revisions.
 */
export const EVO_VOICE_CASES: readonly TypeCase[] = [
  ...evoVoice.at(2).classes().map((c) => at(2, c)),
  ...['NewCustomer', 'PatchCustomer', 'SetCustomerStagingMode', 'CustomerInfo', 'BillingSettings', 'AppSettings'].map((n) =>
    at(1, evoVoice.at(1).requireClass(n)),
  ),
];

/** Classes of the zoo no format carries: `ObjectHolder` (a System.Object member); ./unsupported.test.ts checks that every codec says so. */
export const ZOO_UNSUPPORTED = ['ObjectHolder'] as const;

/** Every zoo class but those, at its only revision. */
export const ZOO_CASES: readonly TypeCase[] = zoo
  .at(1)
  .classes()
  .filter((c) => !(ZOO_UNSUPPORTED as readonly string[]).includes(c.name))
  .map((c) => ({ id: `${c.name}@zoo`, type: c }));

export const REGISTRIES: readonly RegistryCases[] = [
  { label: 'Evo Voice', row: '', cases: EVO_VOICE_CASES },
  { label: 'scalar zoo', row: ' › scalar zoo', cases: ZOO_CASES },
];

/** Every type case of every registry. */
export const TYPE_CASES: readonly TypeCase[] = [...EVO_VOICE_CASES, ...ZOO_CASES];

const byId = new Map(TYPE_CASES.map((c) => [c.id, c]));

export function typeCase(id: string): TypeCase {
  const c = byId.get(id);
  if (!c) throw new Error(`no type case ${id}`);
  return c;
}
