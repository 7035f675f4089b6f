/**
 * `dto-formats/arbitrary`: fast-check arbitraries for any registered DTO type, and the
 * equivalence every round trip is judged by. Needs `fast-check` ^4 (an optional peer
 * dependency: only this entry point imports it).
 *
 * ```ts
 * import fc from 'fast-check';
 * import { registry, xml } from 'dto-formats';
 * import { dtoArbitrary, expectedAfter, firstDifference } from 'dto-formats/arbitrary';
 *
 * const t = registry.require('PatchCustomer');
 * fc.assert(fc.property(dtoArbitrary(t, { format: 'xml' }), (v) => {
 *   const back = xml.decode(t, xml.encode(t, v));
 *   return firstDifference(t, back, expectedAfter('xml', t, v)) === undefined;
 * }));
 * ```
 */
export { dtoArbitrary, type DtoArbitraryOptions, type ValueShape } from './arbitrary.js';
export { textArbitrary, keyArbitrary, AWKWARD_KEYS, isXmlChar, xmlCanCarry, type ArbitraryFormat } from './text.js';
export { int32Arbitrary, doubleArbitrary, singleArbitrary, intArbitrary, bigIntArbitrary } from './numbers.js';
export {
  SCALAR_ARBITRARIES,
  JSV_UNCARRIABLE_CHARS,
  scalarArbitrary,
  decimalText,
  type ScalarArbitraryRow,
  type ScalarArbitraryTable,
  type ScalarRefusal,
} from './scalars.js';
export { enumArbitrary, enumText, enumValueOf, isEnumText } from './enums.js';
export {
  SCALAR_CHANGES,
  keyAfterAll,
  sameScalarValue,
  showValue,
  type ScalarChange,
  canonical,
  defaultInstance,
  expectedAfter,
  expectedAfterAll,
  firstDifference,
  sameValue,
  type WireFormat,
} from './equivalence.js';
export { instanceProblems } from './instance.js';
export { jsvPrettyCanCarry, jsvPrettyCanCarryText } from './pretty.js';
