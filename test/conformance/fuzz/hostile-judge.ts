/**
 * What a hostile case must do, and the context the generators of ./hostile.ts draw from. Like
 * those generators, this module takes the library as an argument (`HostileLib`) and imports
 * only its types, so the test suite judges `src/` and `scripts/fuzz-long.mjs` judges `dist/`
 * with the same rules:
 *
 * - each decode (every mode of the format, and the case's own `maxDepth`) returns a value or
 *   throws a `DtoFormatError` that is not a `usage` error — never another exception;
 * - each decode ends within a bound that grows with the input (`caseBoundMs`): a hang bound,
 *   not a speed target;
 * - a returned value can be encoded to every format without any exception but a
 *   `DtoFormatError` (XML refuses what it cannot carry, with a path), and what that encoding
 *   wrote decodes in its format without any exception but a `DtoFormatError`.
 *
 * A refusal of another format's encoding is not a violation here (it is counted, as
 * `crossRefused`, and the long profile reports it): the fuzz suite's round-trip checks hold
 * each format to its own output.
 */
import type { Codec, DecodeOptions, EncodeOptions } from '../../../src/formats/codec.js';
import type { SchemaDeclaration } from '../../../src/schema/builder.js';
import type { ClassDescriptor, TypeDescriptor } from '../../../src/schema/descriptors.js';
import type { Registry } from '../../../src/schema/registry.js';
import { HOSTILE_DECLARATION, type HostileCase, type HostileContext, type HostileFormat, type Hole, type Template, type TypeId } from './hostile.js';

type AnyCodec = Codec<EncodeOptions, DecodeOptions>;

/** The parts of the library the judge uses: `src/index.ts` in the suite, `dist/index.js` in the long run. */
export interface HostileLib {
  readonly json: AnyCodec;
  readonly jsv: AnyCodec;
  readonly xml: AnyCodec;
  readonly DtoFormatError: abstract new (...args: never[]) => Error & { readonly code: string };
  readonly createRegistry: (declaration: SchemaDeclaration) => Registry;
  /** Evo Voice. */
  readonly evo: Registry;
  /** The scalar zoo (test/support/zoo.ts, or its /types/metadata document). */
  readonly zoo: Registry;
}

export const FORMATS: readonly HostileFormat[] = ['json', 'jsv', 'xml'];

export const MODES: Readonly<Record<HostileFormat, readonly { readonly name: string; readonly options: DecodeOptions & { strict?: boolean } }[]>> = {
  json: [
    { name: 'default', options: {} },
    { name: 'lenient', options: { lenient: true } },
  ],
  jsv: [
    { name: 'default', options: {} },
    { name: 'lenient', options: { lenient: true } },
  ],
  xml: [
    { name: 'default', options: {} },
    { name: 'lenient', options: { lenient: true } },
    { name: 'strict', options: { strict: true } },
  ],
};

/** The longest one decode of `text` may take: generous (a loaded machine, a GC), linear in the size. */
export function caseBoundMs(text: string, baseMs: number): number {
  return baseMs + text.length * 0.002;
}

export interface Resolver {
  readonly lib: HostileLib;
  type(id: TypeId): TypeDescriptor;
}

export function resolver(lib: HostileLib): Resolver {
  const hostile = lib.createRegistry(HOSTILE_DECLARATION).at();
  const node = hostile.requireClass('Node');
  const string = node.properties.find((p) => p.wireName === 'name')!.type;
  const roots: Record<string, TypeDescriptor> = {
    'list:hostile:Node': { kind: 'list', of: node, isValueType: false },
    'dict:hostile:Node': { kind: 'dictionary', key: string as Extract<TypeDescriptor, { kind: 'scalar' }>, value: node, isValueType: false },
  };
  const cache = new Map<TypeId, TypeDescriptor>();
  return {
    lib,
    type(id) {
      let t = cache.get(id) ?? roots[id];
      if (t) return t;
      const at = id.indexOf(':');
      const registry = id.slice(0, at);
      const name = id.slice(at + 1);
      t = registry === 'hostile' ? hostile.requireClass(name) : registry === 'zoo' ? lib.zoo.at().requireClass(name) : lib.evo.at(2).requireClass(name);
      cache.set(id, t);
      return t;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// context: templates with scalar slots, and seeds

/** An in-range value per scalar, written in a way that is easy to find after its member name. */
const SENTINEL: Readonly<Record<string, unknown>> = {
  Byte: 201,
  SByte: 101,
  Int16: 30011,
  UInt16: 60011,
  Int32: 1234567,
  UInt32: 3234567,
  Int64: 7234567890123n,
  UInt64: 17234567890123n,
  Single: 1.5,
  Double: 2.25,
  Decimal: '3.75',
  String: 'hOlEsTr',
  Char: 'Q',
  Guid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  Uri: 'http://hole.example/',
  Boolean: true,
};
const KEY_SENTINEL: Readonly<Record<string, unknown>> = { Int32: 1234567, Int64: 7234567890123n, Guid: '0f8fad5b-d9cb-469f-a165-70867728950e', Boolean: true };

function memberMarker(format: HostileFormat, wire: string, xml: string): string {
  return format === 'json' ? `"${wire}":` : format === 'jsv' ? `${wire}:` : `<${xml}`;
}

/** Where `needle` is after the member marker (and before the next member), or undefined. */
function locate(text: string, marker: string, needle: string): [number, number] | undefined {
  for (let m = text.indexOf(marker); m >= 0; m = text.indexOf(marker, m + 1)) {
    const i = text.indexOf(needle, m + marker.length);
    if (i >= 0 && i - m <= 400) return [i, i + needle.length];
  }
  return undefined;
}

function scalarName(t: TypeDescriptor): string | undefined {
  if (t.kind === 'scalar') return t.name;
  if (t.kind === 'nullable' && t.of.kind === 'scalar') return t.of.name;
  return undefined;
}

/**
 * A zoo class written with one sentinel per scalar member (`ScalarZoo`, `NullableZoo`),
 * list element (`ListZoo`), dictionary value or key (`DictionaryZoo`), and the span of each
 * sentinel in each format's text.
 */
function zooTemplates(r: Resolver, format: HostileFormat): Template[] {
  const codec = r.lib[format];
  const out: Template[] = [];
  for (const name of ['ScalarZoo', 'NullableZoo', 'ListZoo', 'DictionaryZoo']) {
    const type = r.type(`zoo:${name}`) as ClassDescriptor;
    const value: Record<string, unknown> = {};
    const wanted: { label: string; scalar: string; marker: string; sentinel: unknown }[] = [];
    for (const p of type.properties) {
      const t = p.type;
      let s: string | undefined;
      let v: unknown;
      let where = 'value';
      let sentinel: unknown;
      if ((s = scalarName(t)) !== undefined && s in SENTINEL) {
        v = sentinel = SENTINEL[s];
        where = t.kind === 'nullable' ? 'nullable' : 'value';
      } else if (t.kind === 'list' && (s = scalarName(t.of)) !== undefined && s in SENTINEL) {
        sentinel = SENTINEL[s];
        v = [sentinel];
        where = 'list';
      } else if (t.kind === 'dictionary' && t.key.name === 'String' && (s = scalarName(t.value)) !== undefined && s in SENTINEL) {
        sentinel = SENTINEL[s];
        v = { k: sentinel };
        where = 'dictionary value';
      } else if (t.kind === 'dictionary' && t.key.name in KEY_SENTINEL) {
        s = t.key.name;
        sentinel = KEY_SENTINEL[s];
        v = { [String(sentinel)]: 'v' };
        where = 'dictionary key';
      } else continue;
      value[p.wireName] = v;
      wanted.push({ label: `${s} ${where}`, scalar: s!, marker: memberMarker(format, p.wireName, p.xmlName), sentinel });
    }
    let text: string;
    try {
      text = codec.encode(type, value);
    } catch {
      continue;
    }
    const holes: Hole[] = [];
    for (const w of wanted) {
      const spelled = typeof w.sentinel === 'boolean' ? [w.sentinel ? 'true' : 'false', 'True'] : [String(w.sentinel), String(w.sentinel).replace(/-/g, '')];
      for (const needle of spelled) {
        const at = locate(text, w.marker, needle);
        if (at) {
          holes.push({ label: w.label, scalar: w.scalar, start: at[0], end: at[1] });
          break;
        }
      }
    }
    out.push({ type: `zoo:${name}`, text, holes });
  }
  // A string slot and a number slot in a nested Evo Voice and Hostile document.
  const node = { name: 'hOlEsTr', num: 1234567, map: { k: { num: 1 } }, kids: [{ name: 'x' }], where: { x: 1, y: 2 } };
  const ntext = codec.encode(r.type('hostile:Node'), node);
  const holes: Hole[] = [];
  const s = locate(ntext, memberMarker(format, 'name', 'Name'), 'hOlEsTr');
  if (s) holes.push({ label: 'String value', scalar: 'String', start: s[0], end: s[1] });
  const n = locate(ntext, memberMarker(format, 'num', 'Num'), '1234567');
  if (n) holes.push({ label: 'Int32 value', scalar: 'Int32', start: n[0], end: n[1] });
  out.push({ type: 'hostile:Node', text: ntext, holes });
  return out;
}

/** Small valid documents of every root kind (class, list, dictionary, a class deriving from one) for the mutation family. */
export function seedValues(): { type: TypeId; value: unknown }[] {
  return [
    { type: 'hostile:Node', value: { name: 'a,b:"c"<&>', num: -7, next: { kids: [{ name: '' }, { num: 2 }] }, map: { 'k:1': { wheres: [null, { x: 1, y: -1 }] } }, where: { x: 3, y: 4 } } },
    { type: 'list:hostile:Node', value: [{ name: 'x' }, { grid: [[{ num: 1 }], []] }] },
    { type: 'dict:hostile:Node', value: { a: { name: 'y' }, '': { maps: { z: [{ num: 5 }] } } } },
    { type: 'evo:Struct', value: { k: { stringValue: 's', listValue: [{}], numberValue: -0.5 }, j: { structValue: { q: { boolValue: true } } } } },
    { type: 'evo:Tag', value: { id: 't', name: 'a,b <&>', color: 'GeekBlue' } },
    { type: 'zoo:Item', value: { id: 2n ** 53n + 1n, name: 'a:b' } },
    { type: 'zoo:Point', value: { x: -2147483648, y: 7 } },
    {
      type: 'zoo:NullableZoo',
      value: {
        nullableUInt64: 18446744073709551615n,
        nullableDecimal: '-79228162514264337593543950335',
        nullableChar: ';',
        nullableDateTime: { ticks: 638396640001234567n, kind: 'Local', offsetMinutes: -300 },
        nullableTimeSpan: { ticks: -9223372036854775808n },
        nullableGuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
      },
    },
  ];
}

export function hostileContext(r: Resolver, options: { maxToken: number; maxNesting: number }): HostileContext {
  const templates = {} as Record<HostileFormat, Template[]>;
  const seeds = {} as Record<HostileFormat, { type: TypeId; text: string }[]>;
  for (const f of FORMATS) {
    templates[f] = zooTemplates(r, f);
    seeds[f] = seedValues().flatMap(({ type, value }) => [false, true].map((pretty) => ({ type, text: r.lib[f].encode(r.type(type), value, { pretty }) })));
  }
  return { templates, seeds, ...options };
}

// ---------------------------------------------------------------------------------------------
// the judge

export type Violation = 'exception' | 'usage' | 'slow' | 'encode-exception' | 'redecode-exception';

export interface Judged {
  /** Decodes run (modes × the case's options). */
  readonly decodes: number;
  readonly accepted: number;
  /** `DtoFormatError` codes of the refusals. */
  readonly codes: readonly string[];
  /** Another format's encoding of an accepted value that the format's reader then refused. */
  readonly crossRefused: readonly string[];
  /** The slowest single decode. */
  readonly slowestMs: number;
  readonly violation?: { readonly kind: Violation; readonly message: string };
}

const show = (text: string): string => {
  const q = JSON.stringify(text);
  return q.length > 600 ? `${q.slice(0, 600)}… (${text.length} characters)` : q;
};

function describe(e: unknown): string {
  const x = e as { constructor?: { name?: string }; message?: string; stack?: string } | undefined;
  const stack = (x?.stack ?? '').split('\n').slice(1, 6).join('\n');
  return `${x?.constructor?.name ?? typeof e}: ${x?.message ?? String(e)}\n${stack}`;
}

/** Milliseconds from an arbitrary origin: wall time by default; the long profile passes the process's CPU time. */
export type Clock = () => number;

/**
 * Decodes `c` in every mode of `format` and judges each outcome; stops at the first
 * violation. The first accepted value (the default mode's, when it accepts) is also encoded
 * to every format and read back there.
 */
export function judgeCase(r: Resolver, format: HostileFormat, c: HostileCase, baseMs = 250, clock: Clock = () => performance.now()): Judged {
  const { lib } = r;
  const type = r.type(c.type);
  const codes: string[] = [];
  const crossRefused: string[] = [];
  let decodes = 0;
  let accepted = 0;
  let slowestMs = 0;
  const bound = caseBoundMs(c.text, baseMs);
  const done = (violation?: Judged['violation']): Judged => ({ decodes, accepted, codes, crossRefused, slowestMs, ...(violation ? { violation } : {}) });
  for (const mode of MODES[format]) {
    const options = c.maxDepth === undefined ? mode.options : { ...mode.options, maxDepth: c.maxDepth };
    const where = `${format} ${mode.name}${c.maxDepth === undefined ? '' : ` maxDepth ${c.maxDepth}`} ${c.type} [${c.gen}]`;
    decodes++;
    const t0 = clock();
    let value: unknown;
    let error: unknown;
    let threw = false;
    try {
      value = lib[format].decode(type, c.text, options);
    } catch (e) {
      threw = true;
      error = e;
    }
    const ms = clock() - t0;
    if (ms > slowestMs) slowestMs = ms;
    if (ms > bound) return done({ kind: 'slow', message: `${where}: one decode took ${ms.toFixed(0)} ms (bound ${bound.toFixed(0)} ms for ${c.text.length} characters)\ninput: ${show(c.text)}` });
    if (threw) {
      if (!(error instanceof lib.DtoFormatError)) return done({ kind: 'exception', message: `${where}: threw ${describe(error)}\ninput: ${show(c.text)}` });
      if (error.code === 'usage') return done({ kind: 'usage', message: `${where}: bad input reported as a usage error: ${error.message}\ninput: ${show(c.text)}` });
      codes.push(error.code);
      continue;
    }
    accepted++;
    // One value per case goes through the other formats: the modes read mostly the same value, and this is the costly part.
    if (accepted > 1) continue;
    for (const target of FORMATS) {
      let again: string;
      try {
        again = lib[target].encode(type, value);
      } catch (e) {
        if (e instanceof lib.DtoFormatError) continue;
        return done({ kind: 'encode-exception', message: `${where}: accepted, then encoding to ${target} threw ${describe(e)}\ninput: ${show(c.text)}` });
      }
      try {
        // XML counts wrapper elements (a dictionary entry is three levels), so the other format gets room for them.
        lib[target].decode(type, again, { maxDepth: 4 * (c.maxDepth ?? 512) });
      } catch (e) {
        if (!(e instanceof lib.DtoFormatError)) {
          return done({ kind: 'redecode-exception', message: `${where}: accepted; its ${target} encoding then threw ${describe(e)} on decode\ninput: ${show(c.text)}\n${target}: ${show(again)}` });
        }
        crossRefused.push(`${where} → ${target}: ${e.message}`);
      }
    }
  }
  return done();
}
