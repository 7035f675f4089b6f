/**
 * How ServiceStack.Text turns a scalar's text into its value, for both text formats
 * (Common/DeserializeBuiltin.cs: the same parser per type for JSON and JSV, after the format
 * has unquoted the token). One row per scalar; each codec's reader table calls its row.
 * A row returns the value model's value or a `ScalarProblem` (`type`: not this type's text;
 * `range`: outside the type's range), which the codec reports at the token's position.
 */
import { base64ToBytes, SCALARS, ScalarProblem, type ScalarName, type ScalarValues } from '../../schema/scalars.js';
import { INT64_MAX, INT64_MIN, UINT64_MAX } from '../../schema/values.js';
import { readFloating } from './numbers.js';
import {
  parseDateTimeOffsetText,
  parseDateTimeText,
  parseDecimalText,
  parseGuidText,
  parseIntegerText,
  parseTimeSpanText,
} from './scalar-text.js';

const TYPE = new ScalarProblem('type');

export type ScalarParser<N extends ScalarName> = (text: string) => ScalarValues[N] | ScalarProblem;

function smallInteger(name: 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32'): (s: string) => number | ScalarProblem {
  const r = SCALARS[name].range!;
  return (s) => {
    const v = parseIntegerText(s, r.min, r.max);
    return v instanceof ScalarProblem ? v : Number(v) || 0;
  };
}

/**
 * `MemoryProvider.ParseDouble` / `ParseFloat` (NetCoreMemory.cs: invariant `Float |
 * AllowThousands`). A finite text beyond the range is a `ServerValue` holding the ±∞ a .NET
 * Core host reads (numbers.ts `readFloating`).
 */
function float(single: boolean): (s: string) => number | ScalarProblem {
  return (s) => {
    let d = readFloating(s, single);
    if (d === undefined && s.indexOf(',') >= 0) {
      const m = /^(\s*[+-]?\d[\d,]*)(.*)$/s.exec(s);
      if (m !== null) d = readFloating(m[1]!.replace(/,/g, '') + m[2]!, single);
    }
    return d === undefined ? TYPE : d;
  };
}

/** Every scalar's text parser (the ServiceStack source of each is named in its row). */
export const SCALAR_PARSERS: { readonly [N in ScalarName]: ScalarParser<N> } = {
  String: (s) => s,
  Boolean: (s) => {
    // StringSpanExtensions.ParseBoolean (also in numbers.ts for the fast paths).
    switch (s) {
      case '1': case 't': case 'T': case 'y': case 'Y': case 'on': case 'True': return true;
      case '0': case 'f': case 'F': case 'n': case 'N': case 'off': case 'False': return false;
    }
    const x = s.trim().toLowerCase();
    return x === 'true' ? true : x === 'false' ? false : TYPE;
  },
  Byte: smallInteger('Byte'),
  SByte: smallInteger('SByte'),
  Int16: smallInteger('Int16'),
  UInt16: smallInteger('UInt16'),
  Int32: smallInteger('Int32'),
  UInt32: smallInteger('UInt32'),
  // DefaultMemory.cs SignedInteger<long> / UnsignedInteger<ulong>: exact, never through a double.
  Int64: (s) => parseIntegerText(s, INT64_MIN, INT64_MAX),
  UInt64: (s) => parseIntegerText(s, 0n, UINT64_MAX),
  Single: float(true),
  Double: float(false),
  Decimal: parseDecimalText,
  // DeserializeBuiltin: empty → '\0', one character → it; longer text is refused here (the
  // server keeps its first character, silently dropping the rest).
  Char: (s) => (s.length === 0 ? '\u0000' : s.length === 1 ? s : new ScalarProblem('type', 'a Char is one character')),
  // DateTimeSerializer.ParseShortestXsdDateTime: empty → DateTime.MinValue.
  DateTime: (s) => (s === '' ? SCALARS.DateTime.defaultValue! : parseDateTimeText(s)),
  DateTimeOffset: (s) => (s === '' ? SCALARS.DateTimeOffset.defaultValue! : parseDateTimeOffsetText(s)),
  TimeSpan: (s) => {
    const t = parseTimeSpanText(s);
    return t instanceof ScalarProblem ? t : { ticks: t };
  },
  Guid: parseGuidText,
  // Convert.FromBase64String (white space ignored).
  'Byte[]': (s) => base64ToBytes(s) ?? new ScalarProblem('type', 'not base64'),
  Uri: (s) => s,
  Object: () => new ScalarProblem('type', 'System.Object is not supported'),
};

/** `an Int32 key`, `a Guid key`: the expectation of a dictionary key in messages. */
export function keyLabel(name: ScalarName): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} key`;
}
