/**
 * The DataContract XML writer. For every (type, namespace scope, depth, layout) it compiles a
 * writer once: tags, `xmlns:dNpM` declarations, `i:nil` forms and indentation are constant
 * strings by then, so writing a value is string concatenation and one escape check per text.
 *
 * The scope and the depth are part of the key because DCS's output depends on them: a member
 * declares its type's namespace only when no binding is in scope, and the prefix it declares
 * is named after the element's depth (`d5p1` on `ByHour`, `d2p1` on `Data`).
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
import { SCALARS, ScalarProblem, type ScalarName, type ScalarRow } from '../../schema/scalars.js';
import { fail, Failure } from '../common/failure.js';
import { formatXmlDouble } from '../common/numbers.js';
import { describeFound } from '../../errors.js';
import { isPlainObject } from '../common/objects.js';
import {
  ARRAYS_NS,
  carriesObject,
  childNamespaceToDeclare,
  contractName,
  contractNamespace,
  dictionaryOf,
  keyValueName,
  xmlMembers,
  XSI_NS,
} from './contract.js';
import { xmlEnum } from './enums.js';
import { dateTimeOffsetParts, XML_SCALARS, type Escape, type XmlContract, type XmlScalar } from './scalars.js';
import { Scope } from './scope.js';

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Output layout; text newlines are written as `nl` in both layouts (XmlWriter `NewLineHandling.Replace`). */
export interface Style {
  readonly pretty: boolean;
  readonly nl: '\n' | '\r\n';
}

type Writer = (v: unknown) => string;

/** Mutable per-call limit, read by compiled writers (encoding is synchronous and not re-entrant). */
const limit = { maxDepth: 512 };

// ---------------------------------------------------------------------------------------------
// Text

/** Characters that need a look: markup, line breaks, XML-invalid code units, surrogates. */
const SPECIAL_LF = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL_CRLF = /[&<>\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

function hex(c: number): string {
  return '0x' + c.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * A character XML 1.0 cannot carry, at index `i` of the string being written: refused as the
 * server's XmlWriter refuses it (ArgumentException "…, hexadecimal value 0x00, is an invalid
 * character"), with where it is, so the caller can find it in a long text.
 */
function invalidChar(c: number, i: number, lone: boolean): never {
  return fail({
    code: 'type',
    expected: 'text XML 1.0 can carry',
    found: lone ? `an unpaired surrogate ${hex(c)}` : `the character ${hex(c)}`,
    detail: `at index ${i} of the string (UTF-16 units); DataContractSerializer refuses it too`,
  });
}

/**
 * Element text as XmlWriter writes it: `& < >` escaped, every line break (`\r\n`, `\r`, `\n`)
 * written as `nl`, and characters XML 1.0 cannot carry refused (`CheckCharacters`).
 */
function escapeSlow(s: string, nl: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 13) {
      rep = nl;
      if (s.charCodeAt(i + 1) === 10) {
        out += s.slice(from, i) + rep;
        i++;
        from = i + 1;
        continue;
      }
    } else if (c === 10) {
      if (nl === '\n') continue;
      rep = nl;
    } else if (c < 32) {
      if (c !== 9) invalidChar(c, i, false);
      continue;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) invalidChar(c, i, true);
      i++;
      continue;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      invalidChar(c, i, true);
    } else if (c === 0xfffe || c === 0xffff) {
      invalidChar(c, i, false);
    } else continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function escapeLf(s: string): string {
  return SPECIAL_LF.test(s) ? escapeSlow(s, '\n') : s;
}
function escapeCrlf(s: string): string {
  return SPECIAL_CRLF.test(s) ? escapeSlow(s, '\r\n') : s;
}

// ---------------------------------------------------------------------------------------------
// Scalars and enums

function typeError(expected: string, v: unknown): never {
  fail({ code: 'type', expected, found: describeFound(v) });
}

/** A value `coerce` refused: a `type` or `range` error naming the .NET type. */
function refused(p: ScalarProblem, expected: string, v: unknown): never {
  fail({ code: p.code, expected, found: describeFound(v), ...(p.detail !== undefined ? { detail: p.detail } : {}) });
}

/** System.Object needs `i:type` and a schema-free value: no member of that type is written. */
function unsupportedObject(): never {
  fail({
    code: 'unsupported',
    expected: 'a DTO member of a concrete type',
    detail: 'System.Object members are not carried by DataContract XML (DCS writes them with i:type)',
  });
}

function enumRefused(t: EnumDescriptor, v: unknown): never {
  return fail({
    code: 'enum',
    expected: `a ${t.name} member${t.isFlags ? ' or a combination of members' : ''}`,
    found: describeFound(v),
    detail: typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? 'DataContractSerializer writes only member names' : undefined,
  });
}

/** Text of a dictionary key: keys are object property names, the canonical key text of `ScalarRow.toKey`. */
function keyFormat<N extends ScalarName>(t: TypeDescriptor, esc: Escape): (k: string) => string {
  if (t.kind !== 'scalar') throw new Error(`unsupported dictionary key ${typeLabel(t)}`);
  if (t.name === 'String') return esc;
  const row = SCALARS[t.name as N];
  const xml = XML_SCALARS[t.name as N];
  if (xml.contract !== 'primitive') {
    return () => fail({ code: 'unsupported', detail: `a ${t.name} dictionary key is not carried by DataContract XML` });
  }
  const expected = `a ${t.name} key`;
  return (k) => {
    const c = row.fromKey(k);
    return c instanceof ScalarProblem ? refused(c, expected, k) : xml.format(c, esc);
  };
}

// ---------------------------------------------------------------------------------------------
// Compilation

interface Ctx {
  readonly style: Style;
  readonly esc: (s: string) => string;
  readonly key: string;
}

const INDENT: string[] = [''];
function indent(level: number): string {
  while (INDENT.length <= level) INDENT.push(INDENT[INDENT.length - 1]! + '  ');
  return INDENT[level]!;
}

/** Line break + indentation written before an element at `depth` (root = 1) in pretty layout. */
function leadOf(ctx: Ctx, depth: number): string {
  return ctx.style.pretty ? ctx.style.nl + indent(depth - 1) : '';
}

/**
 * Content writers of complex types (the children of an element, each with its lead), cached
 * per descriptor, then by layout + scope + depth of the children.
 */
const contentCache = new WeakMap<TypeDescriptor, Map<string, Writer>>();

function contentWriter(t: TypeDescriptor, scope: Scope, depth: number, ctx: Ctx): Writer {
  let byKey = contentCache.get(t);
  if (!byKey) {
    byKey = new Map();
    contentCache.set(t, byKey);
  }
  const key = `${ctx.key}|${scope.id}|${depth}`;
  let w = byKey.get(key);
  if (!w) {
    // Stand-in first, so that a cyclic type compiled below finds an entry.
    let real: Writer | undefined;
    byKey.set(key, (v) => real!(v));
    real = compileContent(t, scope, depth, ctx);
    byKey.set(key, real);
    w = real;
  }
  return w;
}

function compileContent(t: TypeDescriptor, scope: Scope, depth: number, ctx: Ctx): Writer {
  const dict = dictionaryOf(t);
  if (dict) return compileDictionary(dict, scope, depth, ctx);
  if (t.kind === 'list') return compileList(t, scope, depth, ctx);
  if (t.kind === 'class') return compileClass(t, scope, depth, ctx);
  throw new Error(`not a complex type: ${typeLabel(t)}`);
}

function compileClass(c: ClassDescriptor, scope: Scope, depth: number, ctx: Ctx): Writer {
  const members = xmlMembers(c);
  const n = members.length;
  const wires = members.map((m) => m.property.wireName);
  const writers = members.map((m): Writer => {
    // System.Object: refused whatever the value (null included), so the member is named at once.
    if (carriesObject(m.property.type)) return unsupportedObject;
    const w = compileElement(m.property.type, m.local, m.ns, childNamespaceToDeclare(m.ns, m.property.type), scope, depth, ctx, true);
    return m.property.emitDefaultValue ? w : omittingDefault(m.property.type, w);
  });
  const loop: Writer = (obj) => {
    const o = obj as Record<string, unknown>;
    let s = '';
    let i = 0;
    try {
      for (; i < n; i++) s += writers[i]!(o[wires[i]!]);
    } catch (e) {
      if (e instanceof Failure) throw e.at(wires[i]!);
      throw e;
    }
    return s;
  };
  return unrolled(wires, writers) ?? loop;
}

/**
 * `[DataMember(EmitDefaultValue = false)]`: DCS leaves the member out when it holds
 * `default(T)` (null for reference types and `Nullable<T>`, 0/false/… for value types, as
 * .NET's equality sees it: `0.00m` and `-0.0` are defaults too).
 */
function omittingDefault(t: TypeDescriptor, w: Writer): Writer {
  if (t.kind === 'scalar') {
    const row = schemaRow(t.name);
    const xml = xmlRow(t.name);
    return (v) => {
      if (v == null) return '';
      const c = row.coerce(v);
      return !(c instanceof ScalarProblem) && xml.isDefault(c) ? '' : w(v);
    };
  }
  if (t.kind === 'enum') {
    const x = xmlEnum(t);
    return (v) => (v == null || x.isDefault(v) ? '' : w(v));
  }
  // Reference types, Nullable<T> and structs (whose member-wise equality is not compared here): null only.
  return (v) => (v == null ? '' : w(v));
}

let codegen = true;

/** Turns the unrolled class writers off (as if code generation were disallowed); for tests. */
export function setCodeGeneration(enabled: boolean): void {
  codegen = enabled;
}

/**
 * The member loop unrolled into straight-line code: each member's writer is called from its
 * own call site with a named property read, which V8 can inline and cache, where the loop's
 * one call site goes megamorphic on a 20-member class (measured: 1.17× → 1.0× the hand-written
 * emitter). Only property names enter the generated text, as JSON string literals. Where code
 * generation from strings is disallowed, the loop runs instead.
 */
function unrolled(wires: readonly string[], writers: readonly Writer[]): Writer | undefined {
  if (!codegen || wires.length === 0) return undefined;
  let body = "'use strict';\nlet i = 0;\ntry {\n  let s = '';\n";
  wires.forEach((w, i) => {
    body += `  i = ${i}; s += w${i}(o[${JSON.stringify(w)}]);\n`;
  });
  body += '  return s;\n} catch (e) {\n  if (e instanceof F) throw e.at(names[i]);\n  throw e;\n}';
  try {
    const params = ['F', 'names', ...writers.map((_, i) => `w${i}`)];
    const make = new Function(...params, `return function (o) {\n${body}\n};`) as (...args: unknown[]) => Writer;
    return make(Failure, wires, ...writers);
  } catch {
    codegen = false;
    return undefined;
  }
}

function compileList(t: ListDescriptor, scope: Scope, depth: number, ctx: Ctx): Writer {
  const ns = contractNamespace(t);
  // Items never carry a member-style declaration; the collection declared what they need.
  const item = compileElement(t.of, contractName(t.of), ns, undefined, scope, depth, ctx, false);
  return (v) => {
    const a = v as unknown[];
    let s = '';
    let i = 0;
    try {
      for (; i < a.length; i++) s += item(a[i]);
    } catch (e) {
      if (e instanceof Failure) throw e.at(i);
      throw e;
    }
    return s;
  };
}

function compileDictionary(d: DictionaryDescriptor, scope: Scope, depth: number, ctx: Ctx): Writer {
  // Each entry is a KeyValue<K,V> class in Arrays with the members Key and Value.
  const entryLocal = keyValueName(d);
  const entryPrefix = scope.lookup(ARRAYS_NS);
  const entryQ = entryPrefix ? `${entryPrefix}:${entryLocal}` : entryLocal;
  const entryImplicit = entryPrefix === undefined ? ` xmlns="${ARRAYS_NS}"` : '';
  const entryScope = entryPrefix === undefined ? scope.bind('', ARRAYS_NS) : scope;
  const open = `${leadOf(ctx, depth)}<${entryQ}${entryImplicit}>`;
  const close = `${leadOf(ctx, depth)}</${entryQ}>`;
  const keyText = keyFormat(d.key, ctx.esc);
  // Key is a primitive in Arrays, which the entry's scope always binds (prefix or default).
  const keyQ = qualified(entryScope, ARRAYS_NS, 'Key');
  const keyOpen = `${leadOf(ctx, depth + 1)}<${keyQ}>`;
  const keyClose = `</${keyQ}>`;
  const valueEl = compileElement(
    d.value,
    'Value',
    ARRAYS_NS,
    childNamespaceToDeclare(ARRAYS_NS, d.value),
    entryScope,
    depth + 1,
    ctx,
    false,
  );
  return (v) => {
    const o = v as Record<string, unknown>;
    let s = '';
    for (const k of Object.keys(o)) {
      let kv: string;
      try {
        kv = keyOpen + keyText(k) + keyClose + valueEl(o[k]);
      } catch (e) {
        if (e instanceof Failure) throw e.at(k);
        throw e;
      }
      s += open + kv + close;
    }
    return s;
  };
}

function qualified(scope: Scope, ns: string, local: string): string {
  const p = scope.lookup(ns);
  return p ? `${p}:${local}` : local;
}

/** The tags of one element, fixed at compile time (each with its lead in the indented layout). */
interface ElementShape {
  /** Lead + start tag. */
  readonly open: string;
  /** End tag (no lead: text content ends on the same line). */
  readonly close: string;
  /** Lead + `<q … />`. */
  readonly empty: string;
  /** Lead + `<q … i:nil="true" />`. */
  readonly nilTag: string;
  /** The namespace bindings inside the element. */
  readonly inner: Scope;
  /** Depth of the element (root = 1). */
  readonly depth: number;
}

/** An element writer for a scalar: `missing` is what a null/undefined value writes. */
type ScalarElement = (t: ScalarDescriptor, shape: ElementShape, missing: Writer, ctx: Ctx) => Writer;

function schemaRow(n: ScalarName): ScalarRow<ScalarName> {
  return SCALARS[n] as unknown as ScalarRow<ScalarName>;
}
function xmlRow(n: ScalarName): XmlScalar<ScalarName> {
  return XML_SCALARS[n] as unknown as XmlScalar<ScalarName>;
}

/** The generic text element: `coerce` the input, format it with the scalar's XML row. */
const textElement: ScalarElement = (t, shape, missing, ctx) => {
  const row = schemaRow(t.name);
  const xml = xmlRow(t.name);
  const { open, close } = shape;
  const empty = xml.emptyIsSelfClosing ? shape.empty : open + close;
  const esc = ctx.esc;
  const label = t.name;
  return (v) => {
    if (v == null) return missing(v);
    const c = row.coerce(v);
    if (c instanceof ScalarProblem) return refused(c, label, v);
    const text = xml.format(c, esc);
    return text === '' ? empty : open + text + close;
  };
};

/** `<p:local>` (or with `xmlns="ns"` when nothing binds `ns`) inside `scope`. */
function childTags(scope: Scope, ns: string, local: string): { open: string; close: string } {
  const p = scope.lookup(ns);
  const q = p ? `${p}:${local}` : local;
  return { open: `<${q}${p === undefined ? ` xmlns="${ns}"` : ''}>`, close: `</${q}>` };
}

/** DateTimeOffset: DCS's `DateTimeOffsetAdapter` class, `<DateTime>` (UTC) then `<OffsetMinutes>`, in System. */
const dateTimeOffsetElement: ScalarElement = (t, shape, missing, ctx) => {
  const row = SCALARS.DateTimeOffset;
  const ns = contractNamespace(t);
  const lead = leadOf(ctx, shape.depth + 1);
  const dt = childTags(shape.inner, ns, 'DateTime');
  const om = childTags(shape.inner, ns, 'OffsetMinutes');
  const end = (ctx.style.pretty ? ctx.style.nl + indent(shape.depth - 1) : '') + shape.close;
  return (v) => {
    if (v == null) return missing(v);
    const c = row.coerce(v);
    if (c instanceof ScalarProblem) return refused(c, 'DateTimeOffset', v);
    const p = dateTimeOffsetParts(c);
    return shape.open + lead + dt.open + p.utc + dt.close + lead + om.open + p.offset + om.close + end;
  };
};

/**
 * The element writer of a scalar: its row's form (`XML_SCALARS`: a text element, the
 * DateTimeOffset class, or Object's refusal), except that the four scalars of the Evo Voice
 * DTOs have their formatting inline and whole elements precomputed where the value set is
 * small, so the common member costs one property read and at most two concatenations. A new
 * scalar needs only its row in XML_SCALARS.
 */
const FAST_ELEMENTS: { readonly [N in ScalarName]?: ScalarElement } = {
  String: (_t, { open, close }, missing, ctx) => {
    const special = ctx.style.nl === '\n' ? SPECIAL_LF : SPECIAL_CRLF;
    const nl = ctx.style.nl;
    return (v) => {
      if (typeof v === 'string') return open + (special.test(v) ? escapeSlow(v, nl) : v) + close;
      return v == null ? missing(v) : typeError('String', v);
    };
  },
  Boolean: (_t, { open, close }, missing) => {
    const yes = open + 'true' + close;
    const no = open + 'false' + close;
    return (v) => (v === true ? yes : v === false ? no : v == null ? missing(v) : typeError('Boolean', v));
  },
  Int32: (t, shape, missing, ctx) => {
    const { open, close } = shape;
    const slow = textElement(t, shape, missing, ctx);
    return (v) => (typeof v === 'number' && (v | 0) === v ? open + (v === 0 ? '0' : String(v)) + close : slow(v));
  },
  Double: (_t, { open, close }, missing) => (v) => {
    if (typeof v === 'number') return open + formatXmlDouble(v) + close;
    return v == null ? missing(v) : typeError('Double', v);
  },
};

/** By the row's contract: text, the DateTimeOffset class (the only class-contract scalar), or refused. */
const BY_CONTRACT: { readonly [C in XmlContract]: ScalarElement } = {
  primitive: textElement,
  class: dateTimeOffsetElement,
  none: () => unsupportedObject,
};

function scalarElementWriter(t: ScalarDescriptor): ScalarElement {
  return FAST_ELEMENTS[t.name] ?? BY_CONTRACT[XML_SCALARS[t.name].contract];
}

/** What a missing value-type member writes: its .NET default, computed on first need (DCS may be unable to write it). */
function memberDefault(write: Writer, value: unknown): Writer {
  let text: string | undefined;
  return () => (text ??= write(value));
}

/** Enum elements: whole elements precomputed per member name; flag combinations and numbers computed. */
function enumElement(t: EnumDescriptor, shape: ElementShape, missing: Writer): Writer {
  const x = xmlEnum(t);
  const { open, close } = shape;
  const whole = new Map<string, string>();
  for (const m of t.members) {
    const text = x.write(m.name);
    if (text !== undefined && !whole.has(m.name)) whole.set(m.name, text === '' ? shape.empty : open + text + close);
  }
  return (v) => {
    if (typeof v === 'string') {
      const w = whole.get(v);
      if (w !== undefined) return w;
    }
    if (v == null) return missing(v);
    const text = x.write(v);
    if (text === undefined) return enumRefused(t, v);
    return text === '' ? shape.empty : open + text + close;
  };
}

/**
 * A primitive or enum element (nullable unwrapped by the caller): `nullable` says whether a
 * missing value is nil; otherwise a member writes its .NET default and an item is an error.
 */
function scalarElement(base: ScalarDescriptor | EnumDescriptor, shape: ElementShape, nullable: boolean, member: boolean, ctx: Ctx): Writer {
  const label = typeLabel(base);
  const fail_: Writer = (v) => fail({ code: 'type', expected: label, found: describeFound(v) });
  const build = (missing: Writer): Writer =>
    base.kind === 'enum' ? enumElement(base, shape, missing) : scalarElementWriter(base)(base, shape, missing, ctx);
  if (nullable || !base.isValueType) {
    const nil = shape.nilTag;
    return build(() => nil);
  }
  if (!member) return build(fail_);
  const dflt = defaultValue(base);
  let missing: Writer = fail_;
  const w = build((v) => missing(v));
  missing = memberDefault(build(fail_), dflt);
  return w;
}

/**
 * The writer of one element holding a value of type `t`: a member (`member` = true: a
 * missing value-type member is written as its default) or a list item / dictionary part.
 */
function compileElement(
  t: TypeDescriptor,
  local: string,
  ns: string,
  declNs: string | undefined,
  scope: Scope,
  depth: number,
  ctx: Ctx,
  member: boolean,
): Writer {
  // XmlWriter: use the innermost binding of the namespace, else redeclare the default one.
  const prefix = scope.lookup(ns);
  const q = prefix ? `${prefix}:${local}` : local;
  const implicit = prefix === undefined ? ` xmlns="${ns}"` : '';
  let inner = prefix === undefined ? scope.bind('', ns) : scope;
  // DCS: WriteXmlnsAttribute writes `xmlns:d{depth}p{n}` only when nothing binds the namespace.
  let counter = 1;
  let decl = '';
  if (declNs !== undefined && inner.lookup(declNs) === undefined) {
    const p = `d${depth}p${counter++}`;
    decl = ` xmlns:${p}="${declNs}"`;
    inner = inner.bind(p, declNs);
  }
  const lead = leadOf(ctx, depth);
  const nilTag = `${lead}<${q}${decl} i:nil="true"${implicit} />`;
  const close = `</${q}>`;
  const nullable = t.kind === 'nullable';
  const base = t.kind === 'nullable' ? t.of : t;

  if (base.kind === 'scalar' || base.kind === 'enum') {
    const shape: ElementShape = {
      open: `${lead}<${q}${decl}${implicit}>`,
      close,
      empty: `${lead}<${q}${decl}${implicit} />`,
      nilTag,
      inner,
      depth,
    };
    return scalarElement(base, shape, nullable, member, ctx);
  }
  return complexElement(base, nullable, member, q, decl, implicit, nilTag, inner, depth, ctx);
}

/** Class, struct, dictionary-derived class, dictionary or list. */
function complexElement(
  t: TypeDescriptor,
  nullable: boolean,
  member: boolean,
  q: string,
  decl: string,
  implicit: string,
  nilTag: string,
  scope: Scope,
  depth: number,
  ctx: Ctx,
): Writer {
  let inner = scope;
  let openDecl = decl;
  const lead = leadOf(ctx, depth);
  const close = `</${q}>`;
  if (t.kind === 'list') {
    // CollectionDataContract.ChildElementNamespace, declared on the collection element itself.
    const itemNs = childNamespaceToDeclare(contractNamespace(t), t.of);
    if (itemNs !== undefined && inner.lookup(itemNs) === undefined) {
      const p = `d${depth}p${decl === '' ? 1 : 2}`;
      openDecl += ` xmlns:${p}="${itemNs}"`;
      inner = inner.bind(p, itemNs);
    }
  }
  const open = `${lead}<${q}${openDecl}${implicit}>`;
  const empty = `${lead}<${q}${openDecl}${implicit} />`;
  // In the indented layout the end tag of an element with children goes on its own line.
  const end = (ctx.style.pretty ? ctx.style.nl + indent(depth - 1) : '') + close;
  const childDepth = depth + 1;
  const innerScope = inner;
  let content: Writer | undefined;
  const write = (v: unknown): string => {
    if (childDepth > limit.maxDepth) {
      fail({ code: 'depth', detail: `nesting deeper than maxDepth (${limit.maxDepth}) elements` });
    }
    content ??= contentWriter(t, innerScope, childDepth, ctx);
    const c = content(v);
    return c === '' ? empty : open + c + end;
  };
  if (t.kind === 'list') {
    const expected = `${typeLabel(t)} (an array)`;
    return (v) => (v == null ? nilTag : Array.isArray(v) ? write(v) : typeError(expected, v));
  }
  const expected = `${typeLabel(t)} (an object)`;
  // A struct is never null: a missing member is default(T); a missing item cannot be written.
  let missing: Writer = () => nilTag;
  if (t.kind === 'class' && t.isValueType && !nullable) {
    const label = typeLabel(t);
    missing = member ? () => write(defaultValue(t)) : (v) => fail({ code: 'type', expected: label, found: describeFound(v) });
  }
  return (v) => (v == null ? missing(v) : isPlainObject(v) ? write(v) : typeError(expected, v));
}

// ---------------------------------------------------------------------------------------------
// Entry point

const rootCache = new WeakMap<TypeDescriptor, Map<string, Writer>>();

function contextFor(style: Style): Ctx {
  return {
    style,
    esc: style.nl === '\n' ? escapeLf : escapeCrlf,
    key: (style.pretty ? 'p' : 'c') + (style.nl === '\n' ? 'n' : 'r'),
  };
}

/** The root element writer of `t` (its contract name and namespace, `xmlns:i` then `xmlns`). */
function rootWriter(t: TypeDescriptor, style: Style): Writer {
  const ctx = contextFor(style);
  let byKey = rootCache.get(t);
  if (!byKey) {
    byKey = new Map();
    rootCache.set(t, byKey);
  }
  let w = byKey.get(ctx.key);
  if (w) return w;
  const local = contractName(t);
  const ns = contractNamespace(t);
  const attrs = ` xmlns:i="${XSI_NS}" xmlns="${ns}"`;
  const scope = Scope.EMPTY.bind('', ns).bind('i', XSI_NS);
  const base = t.kind === 'nullable' ? t.of : t;
  if (base.kind === 'scalar' || base.kind === 'enum') {
    const shape: ElementShape = {
      open: `<${local}${attrs}>`,
      close: `</${local}>`,
      empty: `<${local}${attrs} />`,
      nilTag: `<${local} i:nil="true"${attrs} />`,
      inner: scope,
      depth: 1,
    };
    // DCS writes a null graph as a nil root, whatever its type.
    w = scalarElement(base, shape, true, false, ctx);
  } else {
    const isList = base.kind === 'list';
    const expected = isList ? `${typeLabel(base)} (an array)` : `${typeLabel(base)} (an object)`;
    const tail = style.pretty ? style.nl : '';
    let content: Writer | undefined;
    w = (v) => {
      // DCS writes a null graph as a nil root (the xsi prefix declared after i:nil).
      if (v == null) return `<${local} i:nil="true"${attrs} />`;
      if (isList ? !Array.isArray(v) : !isPlainObject(v)) typeError(expected, v);
      content ??= contentWriter(base, scope, 2, ctx);
      const c = content(v);
      return c === '' ? `<${local}${attrs} />` : `<${local}${attrs}>${c}${tail}</${local}>`;
    };
  }
  byKey.set(ctx.key, w);
  return w;
}

/** Writes `value` as DCS writes an instance of `type`; throws `Failure` on bad input. */
export function encodeXml(
  type: TypeDescriptor,
  value: unknown,
  style: Style,
  declaration: boolean,
  maxDepth: number,
): string {
  limit.maxDepth = maxDepth;
  const body = rootWriter(type, style)(value);
  if (!declaration) return body;
  return XML_DECLARATION + (style.pretty ? style.nl : '') + body;
}
