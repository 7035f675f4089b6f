/**
 * The JSON writer: what a ServiceStack.Text host sends (jsv-and-json.md §6.1). One writer
 * closure per descriptor, compiled on first use; a writer takes a non-null value and returns
 * its JSON text, and each container decides itself what a null member/element/value becomes.
 */
import { describeFound } from '../../errors.js';
import type { EnumDescriptor, ScalarDescriptor, TypeDescriptor } from '../../schema/descriptors.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { fail } from '../common/failure.js';
import { formatDouble } from '../common/numbers.js';
import { classWriter, dictionaryWriter, listWriter, wrongType, type Writer } from '../common/text-writer.js';
import type { NonFiniteMode } from './options.js';

// ---------------------------------------------------------------------------------------------
// Strings

/** Characters ServiceStack escapes: `"`, `\`, C0 controls and the C1 range with DEL. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f]/;

const ESCAPES: readonly string[] = (() => {
  const t: string[] = [];
  for (let c = 0; c <= 0x9f; c++) {
    if (c < 0x20 || c >= 0x7f) t[c] = '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  t[0x22] = '\\"';
  t[0x5c] = '\\\\';
  t[0x0a] = '\\n';
  t[0x0d] = '\\r';
  t[0x09] = '\\t';
  t[0x0c] = '\\f';
  t[0x08] = '\\b';
  return t;
})();

/**
 * A JSON string literal as ServiceStack.Text writes it: the seven short escapes, other control
 * characters (U+0000–U+001F, U+007F–U+009F) as `\uXXXX` in upper-case hex, everything else raw
 * (non-ASCII, `/`, `<>&'`, U+2028/U+2029, lone surrogates).
 */
export function quoteJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x9f) {
      const e = ESCAPES[c];
      if (e !== undefined) {
        out += s.slice(from, i) + e;
        from = i + 1;
      }
    }
  }
  return out + s.slice(from) + '"';
}

// ---------------------------------------------------------------------------------------------
// Compilation

/** One writer per descriptor, for each non-finite mode. */
function compileWriters(nf: NonFiniteMode): (t: TypeDescriptor) => Writer {
  const writerOf: (t: TypeDescriptor) => Writer = compiledPerDescriptor<Writer>({
    scalar: (t) => scalarWriter(t, nf),
    enum: enumWriter,
    // A present Nullable<T> is written exactly like T; absence is the container's business.
    nullable: (t) => writerOf(t.of),
    list: (t) => listWriter(t, nullElementText(t.of), writerOf),
    dictionary: (t, label) => dictionaryWriter(t, label, writerOf, quoteJsonString),
    class: (t) => classWriter(t, writerOf, jsonKey),
  });
  return writerOf;
}

const writers: Record<NonFiniteMode, (t: TypeDescriptor) => Writer> = {
  bare: compileWriters('bare'),
  string: compileWriters('string'),
};

/** The writer for `t`, compiled once per descriptor and non-finite mode. */
export function writerFor(t: TypeDescriptor, nonFinite: NonFiniteMode): Writer {
  return writers[nonFinite](t);
}

function scalarWriter(t: ScalarDescriptor, nf: NonFiniteMode): Writer {
  switch (t.name) {
    case 'String':
      return (v) => (typeof v === 'string' ? quoteJsonString(v) : wrongType('String', v));
    case 'Boolean':
      return (v) => (v === true ? 'true' : v === false ? 'false' : wrongType('Boolean', v));
    case 'Int32':
      return (v) => {
        // `(v | 0) === v` is exactly "an integer in Int32 range" (and maps -0 to 0 in the text).
        if (typeof v === 'number' && (v | 0) === v) return '' + v;
        if (typeof v === 'number' && Number.isInteger(v)) {
          fail({ code: 'range', expected: 'Int32', found: String(v), detail: 'outside the Int32 range' });
        }
        return wrongType('Int32', v);
      };
    case 'Double':
      if (nf === 'string') {
        return (v) => {
          if (typeof v !== 'number') return wrongType('Double', v);
          const s = formatDouble(v);
          return v - v === 0 ? s : '"' + s + '"';
        };
      }
      return (v) => (typeof v === 'number' ? formatDouble(v) : wrongType('Double', v));
  }
}

function enumWriter(t: EnumDescriptor): Writer {
  const quoted = new Map<string, string>();
  for (const m of t.members) quoted.set(m.name, quoteJsonString(m.name));
  const expected = `a ${t.name} member`;
  return (v) => {
    if (typeof v !== 'string') return wrongType(`${expected} name`, v);
    const q = quoted.get(v);
    if (q === undefined) fail({ code: 'enum', expected, found: describeFound(v) });
    return q;
  };
}

/**
 * What a null element becomes (§6.1): `null` for strings, nullables and dictionaries (Struct
 * included: it is written by the dictionary writer), `{}` for a POCO (ServiceStack writes an
 * empty object), and `null` for a nested list, where ServiceStack writes nothing at all
 * (`[[1],]`), which no JSON reader accepts, its own included. A non-nullable value-type element
 * cannot be null in .NET, so it is an error (undefined here).
 */
function nullElementText(t: TypeDescriptor): string | undefined {
  switch (t.kind) {
    case 'scalar':
      return t.isValueType ? undefined : 'null';
    case 'enum':
      return undefined;
    case 'class':
      return t.dictionary ? 'null' : '{}';
    case 'nullable':
    case 'list':
    case 'dictionary':
      return 'null';
  }
}

/** A member's key in a JSON object: `"wireName":`. */
function jsonKey(wire: string): string {
  return quoteJsonString(wire) + ':';
}

// ---------------------------------------------------------------------------------------------
// Pretty form

/**
 * Re-indents compact JSON with two spaces per level and `": "` after names; empty `{}`/`[]`
 * stay on one line. Works on the writer's own output only (it assumes no whitespace between
 * tokens), which is why it can be a single character loop.
 */
export function indentJson(compact: string, newline: string): string {
  let out = '';
  let indent = '';
  let from = 0;
  const n = compact.length;
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i);
    if (c === 0x22) {
      // Skip to the closing quote; an escaped quote is preceded by an odd run of backslashes.
      i++;
      while (i < n) {
        const d = compact.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      continue;
    }
    let piece: string;
    if (c === 0x7b || c === 0x5b) {
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (compact.charCodeAt(i + 1) === close) {
        i++;
        continue;
      }
      indent += '  ';
      piece = compact[i]! + newline + indent;
    } else if (c === 0x7d || c === 0x5d) {
      indent = indent.slice(2);
      piece = newline + indent + compact[i]!;
    } else if (c === 0x2c) {
      piece = ',' + newline + indent;
    } else if (c === 0x3a) {
      piece = ': ';
    } else {
      continue;
    }
    out += compact.slice(from, i) + piece;
    from = i + 1;
  }
  return out + compact.slice(from);
}
