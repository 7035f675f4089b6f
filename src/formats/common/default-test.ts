/**
 * `Equals(default(T), value)` as ServiceStack.Text's `ShouldWriteProperty` evaluates it for
 * `ExcludeDefaultValues` and `EmitDefaultValue = false`: by value, as .NET's `Equals` of each
 * value type compares (`0.00m` equals `0m`; `-0.0` equals `0.0`; DateTime compares ticks only,
 * not the Kind; DateTimeOffset compares the UTC instant; a struct compares every member).
 * Reference types are default only when null, which the writers handle before asking.
 */
import type { ClassDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import { SCALARS, ScalarProblem, type ScalarName, type ScalarValues } from '../../schema/scalars.js';
import { TICKS_PER_MINUTE } from '../../schema/values.js';
import { compileEnum } from './enums.js';
import { isPlainObject } from './objects.js';

type Test = (v: unknown) => boolean;

const never: Test = () => false;

function scalarTest<N extends ScalarName>(name: N, isZero: (v: ScalarValues[N]) => boolean): Test {
  const coerce = SCALARS[name].coerce;
  return (v) => {
    const c = coerce(v);
    return !(c instanceof ScalarProblem) && isZero(c as ScalarValues[N]);
  };
}

const zero = (v: number | bigint): boolean => v == 0;

/** One row per scalar: is a (coerced) value `default(T)`? */
const SCALAR_DEFAULT_TESTS: { readonly [N in ScalarName]: Test } = {
  String: never,
  Boolean: (v) => v === false,
  Byte: scalarTest('Byte', zero),
  SByte: scalarTest('SByte', zero),
  Int16: scalarTest('Int16', zero),
  UInt16: scalarTest('UInt16', zero),
  Int32: scalarTest('Int32', zero),
  UInt32: scalarTest('UInt32', zero),
  Int64: scalarTest('Int64', zero),
  UInt64: scalarTest('UInt64', zero),
  Single: (v) => v === 0,
  Double: (v) => v === 0,
  Decimal: scalarTest('Decimal', (v) => /^-?0(?:\.0*)?$/.test(v)),
  Char: (v) => v === '\u0000',
  DateTime: scalarTest('DateTime', (v) => v.ticks === 0n),
  DateTimeOffset: scalarTest('DateTimeOffset', (v) => v.ticks - BigInt(v.offsetMinutes) * TICKS_PER_MINUTE === 0n),
  TimeSpan: scalarTest('TimeSpan', (v) => v.ticks === 0n),
  Guid: scalarTest('Guid', (v) => v === '00000000-0000-0000-0000-000000000000'),
  'Byte[]': never,
  Uri: never,
  Object: never,
};

function structTest(c: ClassDescriptor): Test {
  let members: { wire: string; test: Test }[] | undefined;
  return (v) => {
    if (!isPlainObject(v)) return false;
    members ??= c.properties.map((p) => ({ wire: p.wireName, test: defaultTest(p.type) }));
    for (const m of members) {
      const x = Object.prototype.hasOwnProperty.call(v, m.wire) ? v[m.wire] : undefined;
      // A missing member is at its default; a present one must equal it.
      if (x !== null && x !== undefined && !m.test(x)) return false;
    }
    return true;
  };
}

/** The default test of a type (value types; everything else is never default once non-null). */
export function defaultTest(t: TypeDescriptor): Test {
  switch (t.kind) {
    case 'scalar':
      return SCALAR_DEFAULT_TESTS[t.name];
    case 'class':
      return t.isValueType && !t.dictionary ? structTest(t) : never;
    case 'enum': {
      // Reached only through a struct's members (enum members are always written:
      // `IncludeDefaultEnums`): a struct field equals default(E) when its value is 0.
      const e = compileEnum(t);
      return (v) => e.valueOf(v) === 0n;
    }
    default:
      return never;
  }
}
