/**
 * The DataContract XML reader: one compiled reader per descriptor, driven by the scanner.
 * Elements are matched by (namespace, local name) exactly as DCS matches them, so an element
 * in the wrong namespace is not the member (it is skipped as unknown, as DCS skips it).
 *
 * Member order: DCS only looks forward from the last member it matched and silently drops
 * the rest (datacontract.md §15.1). `order` chooses what we do instead:
 *   'any'    (default) members in any order; a duplicate member is an error;
 *   'strict' error wherever DCS would silently drop something (order, duplicates, unknown);
 *   'dcs'    drop exactly what DCS drops, silently.
 */
import type {
  ClassDescriptor,
  DictionaryDescriptor,
  EnumDescriptor,
  ListDescriptor,
  ScalarDescriptor,
  TypeDescriptor,
} from '../../schema/descriptors.js';
import { typeLabel } from '../../schema/descriptors.js';
import { defaultValue } from '../../schema/defaults.js';
import type { DtoErrorCode } from '../../errors.js';
import { compiledPerDescriptor } from '../common/compile.js';
import { fail, Failure } from '../common/failure.js';
import type { DecodeLimits } from '../common/limits.js';
import { SCALARS, ScalarProblem, type ScalarName } from '../../schema/scalars.js';
import type { DateTimeValue } from '../../schema/values.js';
import { ServerValue } from '../common/numbers.js';
import { setOwn } from '../common/objects.js';
import {
  ARRAYS_NS,
  contractName,
  carriesObject,
  contractNamespace,
  keyValueName,
  xmlMembers,
} from './contract.js';
import { xmlEnum } from './enums.js';
import { dateTimeOffsetOf, XML_SCALARS, type XmlContract, type XmlScalar } from './scalars.js';
import { END, internNamespace, Scanner, TEXT, trimXml } from './scanner.js';

export type MemberOrder = 'any' | 'strict' | 'dcs';

export interface XmlReadOptions {
  readonly maxDepth: number;
  readonly order: MemberOrder;
  /** Absent: `DEFAULT_LIMITS`. */
  readonly limits?: Readonly<DecodeLimits>;
}

/** Reads the element whose start tag was just read (not nil) through its end tag. */
type Reader = (sc: Scanner, order: MemberOrder) => unknown;

function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + '…' : s);
}

function valueFail(sc: Scanner, code: DtoErrorCode, expected: string, text: string, detail?: string): never {
  return sc.failAt(sc.textPos, code, detail === undefined ? { expected, found: quote(text) } : { expected, found: quote(text), detail });
}

// ---------------------------------------------------------------------------------------------
// Primitive values and enums (datacontract.md §11–§14; the forms are in scalars.ts)

function xmlRow(n: ScalarName): XmlScalar<ScalarName> {
  return XML_SCALARS[n] as unknown as XmlScalar<ScalarName>;
}

/** A reader per scalar, compiled once per descriptor. */
type ScalarReader = (t: ScalarDescriptor) => Reader;

/** The element's text through the scalar's XML row; what it refuses is an error at the text. */
function textReader(expected?: string): ScalarReader {
  return (t) => {
    const parse = xmlRow(t.name).parse;
    const label = expected ?? t.name;
    return (sc, order) => {
      const text = sc.readText();
      const v = parse(text);
      if (!(v instanceof ScalarProblem)) return v;
      // Lenient ('dcs'): what a .NET Core DCS reads where it differs from the text (±∞ for a
      // finite Double past the range, a rounded Decimal); otherwise the problem is reported.
      if (order === 'dcs' && v instanceof ServerValue) return v.value;
      return valueFail(sc, v.code, label, text, v instanceof ServerValue ? v.detail : undefined);
    };
  };
}

/** Members DCS requires of a DateTimeOffset (DateTimeOffsetAdapter: both IsRequired), in its namespace. */
const dateTimeOffsetReader: ScalarReader = (t) => {
  const ns = contractNamespace(t);
  const nsId = internNamespace(ns);
  const inner = 'DateTime then OffsetMinutes';
  return (sc, order) => {
    const start = sc.tagPos;
    let dateTime: DateTimeValue | undefined;
    let offset: number | undefined;
    for (;;) {
      const tok = sc.next();
      if (tok === END) break;
      if (tok === TEXT) {
        if (sc.skipWhitespaceText()) continue;
        textInElement(sc, 'DateTimeOffset');
      }
      const here = sc.nsId === nsId;
      if (here && sc.local === 'DateTime' && dateTime === undefined) {
        const text = sc.readText();
        const v = XML_SCALARS.DateTime.parse(text);
        dateTime = v instanceof ScalarProblem ? valueFail(sc, v.code, 'DateTime', text) : v;
      } else if (here && sc.local === 'OffsetMinutes' && offset === undefined) {
        const text = sc.readText();
        const v = XML_SCALARS.Int16.parse(text);
        offset = v instanceof ScalarProblem ? valueFail(sc, v.code, 'OffsetMinutes (Int16)', text) : v;
      } else unknownElement(sc, order, inner);
    }
    if (dateTime === undefined || offset === undefined) {
      return sc.failAt(start, 'type', {
        expected: `element <${dateTime === undefined ? 'DateTime' : 'OffsetMinutes'}> in namespace ${ns}`,
        found: 'the end of the DateTimeOffset',
        detail: 'DataContractSerializer requires both members',
      });
    }
    const v = dateTimeOffsetOf(dateTime, offset);
    return v instanceof ScalarProblem ? sc.failAt(start, v.code, { expected: 'DateTimeOffset', detail: v.detail ?? 'out of range' }) : v;
  };
};

/** System.Object needs `i:type` and a schema-free value: not carried. */
function unsupportedObject(): never {
  return fail({
    code: 'unsupported',
    expected: 'a DTO member of a concrete type',
    detail: 'System.Object members are not carried by DataContract XML (DCS reads them by i:type)',
  });
}

/**
 * The reader of a scalar: its row's form (`XML_SCALARS`), with the labels errors show for a
 * few; String reads the text as it is. A new scalar needs only its row in XML_SCALARS.
 */
const SPECIAL_READERS: { readonly [N in ScalarName]?: ScalarReader } = {
  String: () => (sc) => sc.readText(),
  Boolean: textReader('Boolean (true, false, 1 or 0)'),
  Char: textReader('Char (a UTF-16 code, 0 to 65535)'),
  DateTime: textReader('DateTime (xs:dateTime)'),
  TimeSpan: textReader('TimeSpan (xs:duration)'),
  'Byte[]': textReader('Byte[] (base64)'),
};

/** By the row's contract: text, the DateTimeOffset class (the only class-contract scalar), or refused. */
const BY_CONTRACT: { readonly [C in XmlContract]: ScalarReader } = {
  primitive: textReader(),
  class: dateTimeOffsetReader,
  none: () => unsupportedObject,
};

function scalarReader(t: ScalarDescriptor): Reader {
  return (SPECIAL_READERS[t.name] ?? BY_CONTRACT[XML_SCALARS[t.name].contract])(t);
}

function enumReader(t: EnumDescriptor): Reader {
  // Exact, case-sensitive member names; no trimming, no numbers (probes C09–C14); flags: names
  // separated by spaces (enums.ts).
  const x = xmlEnum(t);
  const expected = t.isFlags ? `${t.name} members separated by spaces` : `a ${t.name} member`;
  return (sc) => {
    const text = sc.readText();
    const v = x.read(text);
    return v !== undefined ? v : valueFail(sc, 'enum', expected, text);
  };
}

// ---------------------------------------------------------------------------------------------
// Compilation

/** The reader for `t`, compiled once per descriptor (members are resolved on first read, so cycles are fine). */
const readerFor: (t: TypeDescriptor) => Reader = compiledPerDescriptor<Reader>({
  scalar: scalarReader,
  enum: enumReader,
  nullable: (t) => readerFor(t.of),
  list: compileList,
  dictionary: compileDictionary,
  class: compileClass,
});

function textInElement(sc: Scanner, what: string): never {
  const s = sc.s;
  const p = sc.pos;
  const cdata = s.startsWith('<![CDATA[', p);
  let e = cdata ? s.indexOf(']]>', p + 9) : s.indexOf('<', p);
  if (e < 0) e = s.length;
  // A character XML refuses is a syntax error first, whatever the reader expected there.
  sc.refuseInvalid(cdata ? p + 9 : p, e);
  return sc.failAt(p, 'type', {
    expected: `child elements of ${what}`,
    found: cdata ? 'a CDATA section' : `text ${quote(trimXml(s.slice(p, e)))}`,
  });
}

function unknownElement(sc: Scanner, order: MemberOrder, what: string): void {
  if (order === 'strict') {
    sc.failAt(sc.tagPos, 'strict', {
      expected: what,
      found: sc.describeElement(),
      detail: 'DataContractSerializer would skip this element silently',
    });
  }
  sc.skipContent();
}

function nilValueType(sc: Scanner, t: TypeDescriptor): never {
  return sc.failAt(sc.tagPos, 'strict', {
    expected: typeLabel(t),
    found: 'i:nil="true"',
    detail: `a ${typeLabel(t)} cannot be null`,
  });
}

function compileClass(c: ClassDescriptor): Reader {
  const members = xmlMembers(c);
  const n = members.length;
  const locals = members.map((m) => m.local);
  const nsIds = members.map((m) => internNamespace(m.ns));
  const wires = members.map((m) => m.property.wireName);
  const types = members.map((m) => m.property.type);
  const valueTypes = types.map((t) => t.isValueType);
  const defaults = types.map((t) => defaultValue(t));
  // A struct default is a fresh object per read (the caller may change it).
  const structDefaults = types.map((t) => t.kind === 'class' && t.isValueType);
  // DCS runs the constructor of a class without [DataContract] only (4.4): a [DataContract]
  // class is created uninitialized, so an omitted list stays null even in 'dcs' order.
  const ctorLists = members.map((m) => !c.isDataContract && m.property.initializedByConstructor && m.property.type.kind === 'list');
  const required = members.map((m) => m.property.isRequired);
  const anyRequired = required.includes(true);
  const objectMember = members.findIndex((m) => carriesObject(m.property.type));
  const readers: (Reader | undefined)[] = new Array<Reader | undefined>(n).fill(undefined);
  const expectedMember = `a member of ${c.name}`;
  const big = n > 31;
  const store = storer(wires);

  const find = (sc: Scanner, from: number): number => {
    const id = sc.nsId;
    for (let i = from; i < n; i++) if (nsIds[i] === id && sc.local === locals[i]!) return i;
    for (let i = 0; i < from && i < n; i++) if (nsIds[i] === id && sc.local === locals[i]!) return i;
    return -1;
  };

  if (objectMember >= 0) {
    const wire = wires[objectMember]!;
    return () => {
      try {
        return unsupportedObject();
      } catch (e) {
        throw e instanceof Failure ? e.at(wire) : e;
      }
    };
  }

  return (sc, order) => {
    const start = sc.tagPos;
    const obj: Record<string, unknown> = {};
    let last = -1;
    let seen = 0;
    const seenBig = big ? new Uint8Array(n) : undefined;
    for (;;) {
      const tok = sc.next();
      if (tok === END) break;
      if (tok === TEXT) {
        if (sc.skipWhitespaceText()) continue;
        textInElement(sc, c.name);
      }
      const i = find(sc, last + 1);
      if (i < 0) {
        unknownElement(sc, order, expectedMember);
        continue;
      }
      const wasSeen = big ? seenBig![i] === 1 : ((seen >>> i) & 1) === 1;
      if (i <= last) {
        // DCS has moved past this member: it drops the element without a word.
        if (order === 'dcs') {
          sc.skipContent();
          continue;
        }
        if (wasSeen || order === 'strict') {
          sc.failAt(sc.tagPos, 'strict', {
            found: sc.describeElement(),
            detail: wasSeen
              ? `${locals[i]} appears twice; DataContractSerializer would keep the first and drop this one`
              : `${locals[i]} comes after ${locals[last]} but DataContract order puts it before; DataContractSerializer would drop it`,
          });
        }
      } else last = i;
      if (big) seenBig![i] = 1;
      else seen |= 1 << i;
      try {
        if (sc.nil) {
          if (valueTypes[i]) nilValueType(sc, types[i]!);
          sc.skipContent();
        } else {
          const r = readers[i] ?? (readers[i] = readerFor(types[i]!));
          store(obj, i, r(sc, order));
        }
      } catch (e) {
        if (e instanceof Failure) throw e.at(wires[i]!);
        throw e;
      }
    }
    for (let i = 0; i < n; i++) {
      if (big ? seenBig![i] === 1 : ((seen >>> i) & 1) === 1) continue;
      if (anyRequired && required[i]) {
        // [DataMember(IsRequired = true)] absent: DCS refuses the document ("Expecting element 'Needed'").
        sc.failAt(start, 'type', {
          expected: `element <${locals[i]}> in namespace ${members[i]!.ns}`,
          found: `no ${locals[i]} in ${c.name}`,
          detail: `${locals[i]} is a required member (DataMember IsRequired); DataContractSerializer rejects the document`,
        });
      }
      if (valueTypes[i]) obj[wires[i]!] = structDefaults[i] ? defaultValue(types[i]!) : defaults[i];
      else if (order === 'dcs' && ctorLists[i]) obj[wires[i]!] = [];
    }
    return obj;
  };
}

type Store = (o: Record<string, unknown>, i: number, v: unknown) => void;

let codegen = true;

/** Turns the generated member stores off (as if code generation were disallowed); for tests. */
export function setReaderCodeGeneration(enabled: boolean): void {
  codegen = enabled;
}

/**
 * `o[wires[i]] = v` as a switch of named stores, which V8 caches per member instead of one
 * megamorphic keyed store for the whole class. Only property names enter the generated text,
 * as JSON string literals; without code generation the keyed store is used.
 */
function storer(wires: readonly string[]): Store {
  const keyed: Store = (o, i, v) => {
    setOwn(o, wires[i]!, v);
  };
  // A member named `__proto__` (legal in C#) must stay data: only setOwn guarantees that.
  if (!codegen || wires.length === 0 || wires.includes('__proto__')) return keyed;
  let body = "'use strict';\nswitch (i) {\n";
  wires.forEach((w, i) => {
    body += `  case ${i}: o[${JSON.stringify(w)}] = v; return;\n`;
  });
  body += '}';
  try {
    return new Function('o', 'i', 'v', body) as Store;
  } catch {
    codegen = false;
    return keyed;
  }
}

function compileList(t: ListDescriptor): Reader {
  const itemLocal = contractName(t.of);
  const itemNs = internNamespace(contractNamespace(t));
  const itemType = t.of;
  const itemValueType = t.of.isValueType;
  const what = `${typeLabel(t)} items <${itemLocal}>`;
  let item: Reader | undefined;
  return (sc, order) => {
    const arr: unknown[] = [];
    for (;;) {
      const tok = sc.next();
      if (tok === END) return arr;
      if (tok === TEXT) {
        if (sc.skipWhitespaceText()) continue;
        textInElement(sc, typeLabel(t));
      }
      if (sc.nsId !== itemNs || sc.local !== itemLocal) {
        unknownElement(sc, order, what);
        continue;
      }
      const i = arr.length;
      if (i >= sc.limits.maxCollectionLength) sc.failLimit(sc.tagPos, 'maxCollectionLength', `element [${i}]`);
      try {
        if (sc.nil) {
          if (itemValueType) nilValueType(sc, itemType);
          sc.skipContent();
          arr.push(null);
        } else {
          arr.push((item ??= readerFor(itemType))(sc, order));
        }
      } catch (e) {
        if (e instanceof Failure) throw e.at(i);
        throw e;
      }
    }
  };
}

/** The text of a key element as the dictionary key: the key's canonical text (`ScalarRow.toKey`). */
function keyReader<N extends ScalarName>(t: ScalarDescriptor): (sc: Scanner, text: string, order: MemberOrder) => string {
  if (t.name === 'String') return (_sc, text) => text;
  const xml = xmlRow(t.name);
  if (xml.contract !== 'primitive') {
    return (sc) => sc.failAt(sc.tagPos, 'unsupported', { detail: `a ${t.name} dictionary key is not carried by DataContract XML` });
  }
  const row = SCALARS[t.name as N];
  const toKey = row.toKey as (v: unknown) => string;
  const label = `a ${t.name} key`;
  return (sc, text, order) => {
    let v = xml.parse(text);
    if (order === 'dcs' && v instanceof ServerValue) v = v.value;
    return v instanceof ScalarProblem ? valueFail(sc, v.code, label, text, v instanceof ServerValue ? v.detail : undefined) : toKey(v);
  };
}

/** An element DCS would drop without a word: dropped in 'dcs' order, an error otherwise. */
function dropped(sc: Scanner, order: MemberOrder, detail: string): void {
  if (order !== 'dcs') sc.failAt(sc.tagPos, 'strict', { found: sc.describeElement(), detail });
  sc.skipContent();
}

function compileDictionary(d: DictionaryDescriptor, label: string): Reader {
  // Entries are KeyValue<K,V> classes in Arrays whose members Key and Value are both required
  // and read in that order; anything else inside an entry is skipped, as DCS skips it.
  const entryLocal = keyValueName(d);
  const arrays = internNamespace(ARRAYS_NS);
  const keyOf = keyReader(d.key);
  const valueType = d.value;
  const valueIsValueType = d.value.isValueType;
  const what = `${label} entries <${entryLocal}>`;
  const inEntry = `Key then Value in <${entryLocal}>`;
  let valueRead: Reader | undefined;

  const readEntry = (sc: Scanner, order: MemberOrder, obj: Record<string, unknown>): void => {
    const entryPos = sc.tagPos;
    if (sc.nil) nilValueType(sc, d);
    let key: string | undefined;
    let keyPos = 0;
    let hasValue = false;
    let value: unknown = null;
    for (;;) {
      const tok = sc.next();
      if (tok === END) break;
      if (tok === TEXT) {
        if (sc.skipWhitespaceText()) continue;
        textInElement(sc, entryLocal);
      }
      const isKey = sc.nsId === arrays && sc.local === 'Key';
      const isValue = !isKey && sc.nsId === arrays && sc.local === 'Value';
      if (isKey && key === undefined) {
        if (sc.nil) sc.failAt(sc.tagPos, 'type', { expected: 'a key', found: 'i:nil="true"', detail: 'dictionary keys cannot be null' });
        keyPos = sc.tagPos;
        key = keyOf(sc, sc.readText(), order);
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          sc.failAt(keyPos, 'type', { found: `the key ${quote(key)} again`, detail: 'duplicate dictionary key' });
        }
      } else if (isValue && key === undefined) {
        sc.failAt(sc.tagPos, 'type', { expected: `element <Key> in namespace ${ARRAYS_NS}`, found: sc.describeElement(), detail: 'a dictionary entry holds Key then Value' });
      } else if (isValue && !hasValue) {
        hasValue = true;
        try {
          if (sc.nil) {
            if (valueIsValueType) nilValueType(sc, valueType);
            sc.skipContent();
          } else {
            value = (valueRead ??= readerFor(valueType))(sc, order);
          }
        } catch (e) {
          if (e instanceof Failure) throw e.at(key!);
          throw e;
        }
      } else if (isKey || isValue) {
        dropped(sc, order, `${isKey ? 'Key' : 'Value'} appears twice in a dictionary entry; DataContractSerializer would keep the first`);
      } else {
        unknownElement(sc, order, inEntry);
      }
    }
    if (key === undefined || !hasValue) {
      sc.failAt(entryPos, 'type', {
        expected: `element <${key === undefined ? 'Key' : 'Value'}> in namespace ${ARRAYS_NS}`,
        found: `the end of <${entryLocal}>`,
        detail: 'a dictionary entry holds Key then Value',
      });
    }
    setOwn(obj, key, value);
  };

  return (sc, order) => {
    const obj: Record<string, unknown> = {};
    let entries = 0;
    for (;;) {
      const tok = sc.next();
      if (tok === END) return obj;
      if (tok === TEXT) {
        if (sc.skipWhitespaceText()) continue;
        textInElement(sc, label);
      }
      if (sc.nsId !== arrays || sc.local !== entryLocal) {
        unknownElement(sc, order, what);
        continue;
      }
      if (entries++ >= sc.limits.maxDictionaryEntries) sc.failLimit(sc.tagPos, 'maxDictionaryEntries', `entry [${entries - 1}]`);
      readEntry(sc, order, obj);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Entry point

const interned = new WeakSet<TypeDescriptor>();

/**
 * Interns every namespace reachable from `root` before scanning, so the scanner can give each
 * declaration its id as it meets it (readers below are compiled lazily, later).
 */
function internReachable(root: TypeDescriptor): void {
  if (interned.has(root)) return;
  const seen = new Set<TypeDescriptor>();
  const stack: TypeDescriptor[] = [root];
  while (stack.length) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    internNamespace(contractNamespace(t));
    switch (t.kind) {
      case 'nullable':
      case 'list':
        stack.push(t.of);
        break;
      case 'dictionary':
        stack.push(t.key, t.value);
        break;
      case 'class':
        if (t.dictionary) stack.push(t.dictionary);
        for (const m of xmlMembers(t)) {
          internNamespace(m.ns);
          stack.push(m.property.type);
        }
        break;
    }
  }
  interned.add(root);
}

/** Reads `text` as an instance of `type`; throws `Failure`. A nil root reads as null. */
export function decodeXml(type: TypeDescriptor, text: string, options: XmlReadOptions): unknown {
  internReachable(type);
  const sc = new Scanner(text, options.maxDepth, options.limits);
  sc.prolog();
  const local = contractName(type);
  const ns = contractNamespace(type);
  if (sc.nsId !== internNamespace(ns) || sc.local !== local) {
    sc.failAt(sc.tagPos, 'type', { expected: `root element <${local}> in namespace ${ns}`, found: sc.describeElement() });
  }
  let result: unknown;
  if (sc.nil) {
    sc.skipContent();
    result = null;
  } else {
    result = readerFor(type)(sc, options.order);
  }
  sc.epilog();
  return result;
}
