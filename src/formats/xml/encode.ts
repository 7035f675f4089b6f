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
  NullableDescriptor,
  ScalarDescriptor,
  TypeDescriptor,
} from '../../schema/descriptors.js';
import { typeLabel } from '../../schema/descriptors.js';
import { defaultValue } from '../../schema/defaults.js';
import { fail, Failure } from '../common/failure.js';
import { formatXmlDouble, isInt32, parseDouble, parseInt32 } from '../common/numbers.js';
import { describeFound } from '../../errors.js';
import { isPlainObject } from '../common/objects.js';
import {
  ARRAYS_NS,
  childNamespaceToDeclare,
  contractName,
  contractNamespace,
  dictionaryOf,
  keyValueName,
  xmlMembers,
  XSI_NS,
} from './contract.js';
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
      if (c !== 9) fail({ code: 'type', expected: 'text XML 1.0 can carry', found: `the character ${hex(c)}` });
      continue;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) {
        fail({ code: 'type', expected: 'text XML 1.0 can carry', found: `an unpaired surrogate ${hex(c)}` });
      }
      i++;
      continue;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      fail({ code: 'type', expected: 'text XML 1.0 can carry', found: `an unpaired surrogate ${hex(c)}` });
    } else if (c === 0xfffe || c === 0xffff) {
      fail({ code: 'type', expected: 'text XML 1.0 can carry', found: `the character ${hex(c)}` });
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
// Scalars

function typeError(expected: string, v: unknown): never {
  fail({ code: 'type', expected, found: describeFound(v) });
}

/** Text of a primitive or enum value, or a Failure when `v` is of the wrong kind. */
type Format = (v: unknown) => string;

function scalarFormat(t: TypeDescriptor, esc: (s: string) => string): Format {
  switch (t.kind) {
    case 'scalar':
      switch (t.name) {
        case 'String':
          return (v) => (typeof v === 'string' ? esc(v) : typeError('String', v));
        case 'Boolean':
          return (v) => (v === true ? 'true' : v === false ? 'false' : typeError('Boolean', v));
        case 'Int32':
          return (v) => {
            if (isInt32(v)) return v === 0 ? '0' : String(v);
            if (typeof v === 'number' && Number.isInteger(v)) {
              fail({ code: 'range', expected: 'Int32', found: String(v) });
            }
            return typeError('Int32', v);
          };
        case 'Double':
          return (v) => (typeof v === 'number' ? formatXmlDouble(v) : typeError('Double', v));
      }
      break;
    case 'enum': {
      const names = new Set(t.members.map((m) => m.name));
      const label = `a ${t.name} member`;
      return (v) => {
        if (typeof v === 'string' && names.has(v)) return v;
        return fail({ code: 'enum', expected: label, found: describeFound(v) });
      };
    }
    case 'nullable':
      return scalarFormat(t.of, esc);
  }
  throw new Error(`not a scalar type: ${typeLabel(t)}`);
}

/** Text of a dictionary key (keys are object property names, so always strings in JavaScript). */
function keyFormat(t: TypeDescriptor, esc: (s: string) => string): (k: string) => string {
  if (t.kind !== 'scalar') throw new Error(`unsupported dictionary key ${typeLabel(t)}`);
  switch (t.name) {
    case 'String':
      return esc;
    case 'Int32':
      return (k) => {
        const r = parseInt32(k);
        if ('value' in r) return String(r.value);
        return fail({ code: r.error, expected: 'an Int32 key', found: describeFound(k) });
      };
    case 'Boolean':
      return (k) => (k === 'true' || k === 'false' ? k : fail({ code: 'type', expected: 'a Boolean key', found: describeFound(k) }));
    case 'Double':
      return (k) => {
        const d = parseDouble(k);
        return d === undefined ? fail({ code: 'type', expected: 'a Double key', found: describeFound(k) }) : formatXmlDouble(d);
      };
  }
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
  const writers = members.map((m) =>
    compileElement(m.property.type, m.local, m.ns, childNamespaceToDeclare(m.ns, m.property.type), scope, depth, ctx, true),
  );
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

/**
 * A primitive or enum element. Each kind gets its own closure with the formatting inline, and
 * whole elements are precomputed where the value set is small (booleans, enum members), so
 * the common member costs one property read and at most two concatenations.
 */
function scalarElement(
  t: ScalarDescriptor | EnumDescriptor | NullableDescriptor,
  open: string,
  close: string,
  nilTag: string,
  member: boolean,
  ctx: Ctx,
): Writer {
  const nullable = t.kind === 'nullable' || !t.isValueType;
  const base = t.kind === 'nullable' ? t.of : t;
  const label = typeLabel(base);
  // What a missing value writes: nil, the .NET default (members) or an error (items, keys).
  const missing: Writer = nullable
    ? () => nilTag
    : member
      ? ((d) => () => d)(open + scalarFormat(base, ctx.esc)(defaultValue(base)) + close)
      : (v) => fail({ code: 'type', expected: label, found: describeFound(v) });
  if (base.kind === 'enum') {
    const whole = new Map(base.members.map((m) => [m.name, open + m.name + close]));
    const expected = `a ${base.name} member`;
    return (v) => {
      if (typeof v === 'string') {
        const w = whole.get(v);
        if (w !== undefined) return w;
      }
      return v == null ? missing(v) : fail({ code: 'enum', expected, found: describeFound(v) });
    };
  }
  switch (base.name) {
    case 'String': {
      const special = ctx.style.nl === '\n' ? SPECIAL_LF : SPECIAL_CRLF;
      const nl = ctx.style.nl;
      return (v) => {
        if (typeof v === 'string') return open + (special.test(v) ? escapeSlow(v, nl) : v) + close;
        return v == null ? missing(v) : typeError('String', v);
      };
    }
    case 'Boolean': {
      const yes = open + 'true' + close;
      const no = open + 'false' + close;
      return (v) => (v === true ? yes : v === false ? no : v == null ? missing(v) : typeError('Boolean', v));
    }
    case 'Int32': {
      const format = scalarFormat(base, ctx.esc);
      return (v) => {
        if (typeof v === 'number' && (v | 0) === v) return open + (v === 0 ? '0' : String(v)) + close;
        return v == null ? missing(v) : open + format(v) + close;
      };
    }
    case 'Double':
      return (v) => {
        if (typeof v === 'number') return open + formatXmlDouble(v) + close;
        return v == null ? missing(v) : typeError('Double', v);
      };
  }
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

  if (t.kind === 'scalar' || t.kind === 'enum' || t.kind === 'nullable') {
    const open = `${lead}<${q}${decl}${implicit}>`;
    return scalarElement(t, open, close, nilTag, member, ctx);
  }

  // Complex: class, dictionary-derived class, dictionary or list.
  let openDecl = decl;
  if (t.kind === 'list') {
    // CollectionDataContract.ChildElementNamespace, declared on the collection element itself.
    const itemNs = childNamespaceToDeclare(contractNamespace(t), t.of);
    if (itemNs !== undefined && inner.lookup(itemNs) === undefined) {
      const p = `d${depth}p${counter++}`;
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
  return (v) => (v == null ? nilTag : isPlainObject(v) ? write(v) : typeError(expected, v));
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
  if (t.kind === 'scalar' || t.kind === 'enum' || t.kind === 'nullable') {
    const format = scalarFormat(t, ctx.esc);
    w = (v) => (v == null ? `<${local} i:nil="true"${attrs} />` : `<${local}${attrs}>${format(v)}</${local}>`);
  } else {
    const isList = t.kind === 'list';
    const expected = isList ? `${typeLabel(t)} (an array)` : `${typeLabel(t)} (an object)`;
    const tail = style.pretty ? style.nl : '';
    let content: Writer | undefined;
    w = (v) => {
      // DCS writes a null graph as a nil root (the xsi prefix declared after i:nil).
      if (v == null) return `<${local} i:nil="true"${attrs} />`;
      if (isList ? !Array.isArray(v) : !isPlainObject(v)) typeError(expected, v);
      content ??= contentWriter(t, scope, 2, ctx);
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
