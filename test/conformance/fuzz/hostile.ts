/**
 * Hostile input generators (issue 11): documents an attacker would send rather than documents
 * a server would, for every format. Each generator is a fast-check arbitrary of `HostileCase`s:
 * - deep: nesting past `maxDepth` (and just at it) through every container kind — an object
 *   member, a list, a list of lists, a dictionary, a dictionary of lists, a class deriving
 *   from a dictionary (Evo Voice `Struct`), a nullable struct at the bottom, and unknown
 *   members the reader has to skip; closed and cut off;
 * - giant: long strings, long member names, long dictionary keys and numbers of 10⁵..10⁶
 *   digits (integer, fraction, exponent, leading zeros) in every scalar slot;
 * - flood (XML): namespace declarations and attributes by the ten thousand on one element;
 * - entity: entity-looking text (`&foo;`, `&#x0;`, `&#xD800;`, `&lt` without `;`, DOCTYPE and
 *   ENTITY declarations) as XML markup and as string data in JSON and JSV;
 * - surrogate: lone high and low halves, reversed pairs, raw and escaped, in values, member
 *   names and dictionary keys;
 * - edge: numbers at and one past every integer type's range, Decimal's 96 bits and 28
 *   places, Double/Single overflow and underflow, `-0`, `1e-400`, in scalar, nullable, list,
 *   dictionary-value and dictionary-key slots;
 * - mutation: valid documents cut at any position, with a bit of a UTF-8 byte or a UTF-16
 *   unit flipped, or a span repeated.
 *
 * This module is plain data and fast-check only (every import of the library is a type), so
 * `scripts/fuzz-long.mjs` runs the same generators against `dist/` and the test suite against
 * `src/`. What the generators need from a codec — valid documents and where their scalar
 * slots are — comes in a `HostileContext` (built by ./hostile-judge.ts).
 */
import fc from 'fast-check';
import type { SchemaDeclaration, TypeExpr } from '../../../src/schema/builder.js';
import type { ScalarName } from '../../../src/schema/scalars.js';

export type HostileFormat = 'json' | 'jsv' | 'xml';

/**
 * A type by registry and name: `hostile:Node`, `zoo:ScalarZoo`, `evo:CustomerInfo`, and the
 * list and dictionary roots `list:hostile:Node`, `dict:hostile:Node` (`List<Node>`,
 * `Dictionary<string, Node>`).
 */
export type TypeId = string;

export interface HostileCase {
  /** The generator family and variant (`deep/list`, `giant/number`): what the summary counts by. */
  readonly gen: string;
  readonly type: TypeId;
  readonly text: string;
  /** Decode options beyond the modes every case runs in (a small `maxDepth`). */
  readonly maxDepth?: number;
}

/** A valid document with the spans of its scalar slots, for splicing values in. */
export interface Template {
  readonly type: TypeId;
  readonly text: string;
  readonly holes: readonly Hole[];
}

export interface Hole {
  /** The .NET scalar the slot holds and where it sits: `Int32 value`, `Int64 key`, `Double list`. */
  readonly label: string;
  readonly scalar: string;
  readonly start: number;
  readonly end: number;
}

export interface HostileContext {
  /** Documents with scalar slots, per format. */
  readonly templates: Readonly<Record<HostileFormat, readonly Template[]>>;
  /** Small valid documents to mutate, per format. */
  readonly seeds: Readonly<Record<HostileFormat, readonly { readonly type: TypeId; readonly text: string }[]>>;
  /** The longest giant token generated (10⁶ in the long profile; less in the test suite). */
  readonly maxToken: number;
  /** The deepest nesting generated (past the default maxDepth of 512). */
  readonly maxNesting: number;
}

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
export const HOSTILE_NS = 'http://schemas.datacontract.org/2004/07/Hostile';
const EVO_DATA_NS = 'http://schemas.datacontract.org/2004/07/Voice.Api.Flows.Data';
const EVO_CUSTOMERS_NS = 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers';

const scalar = (name: ScalarName): TypeExpr => ({ kind: 'scalar', name });
const ref = (name: string): TypeExpr => ({ kind: 'ref', name });

/**
 * A registry whose one class nests through every container kind, so each can be driven past
 * maxDepth: `Next` (an object), `Kids` (a list), `Grid` (a list of lists), `Map` (a
 * dictionary), `Maps` (a dictionary of lists), and nullable structs in `Where`/`Wheres`.
 */
export const HOSTILE_DECLARATION: SchemaDeclaration = {
  name: 'Hostile',
  revisions: [{ id: 1, description: 'the only revision' }],
  types: [
    { kind: 'class', namespace: 'Hostile', name: 'Pt', valueType: true, properties: { X: { type: scalar('Int32') }, Y: { type: scalar('Int32') } } },
    {
      kind: 'class',
      namespace: 'Hostile',
      name: 'Node',
      properties: {
        Name: { type: scalar('String') },
        Num: { type: scalar('Int32') },
        Next: { type: ref('Node') },
        Kids: { type: { kind: 'list', of: ref('Node') } },
        Grid: { type: { kind: 'list', of: { kind: 'list', of: ref('Node') } } },
        Map: { type: { kind: 'dictionary', key: scalar('String'), value: ref('Node') } },
        Maps: { type: { kind: 'dictionary', key: scalar('String'), value: { kind: 'list', of: ref('Node') } } },
        Where: { type: { kind: 'nullable', of: ref('Pt') } },
        Wheres: { type: { kind: 'list', of: { kind: 'nullable', of: ref('Pt') } } },
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// deep nesting

export type Container = 'object' | 'list' | 'grid' | 'dictionary' | 'dictionary-of-lists' | 'struct-dictionary' | 'struct-list' | 'nullable' | 'unknown' | 'jsv-quoted';

interface Nest {
  readonly type: TypeId;
  /** The document around the nesting. */
  readonly open: string;
  readonly close: string;
  /** One level, opened and closed. */
  readonly down: string;
  readonly up: string;
  /** What sits at the bottom. */
  readonly leaf: string;
}

const xmlRoot = (name: string, ns: string) => `<${name} xmlns:i="${XSI}" xmlns:a="${ARRAYS}" xmlns="${ns}">`;

function nest(format: HostileFormat, kind: Exclude<Container, 'jsv-quoted'>): Nest {
  if (format === 'xml') {
    const node = { type: 'hostile:Node', open: xmlRoot('Node', HOSTILE_NS), close: '</Node>' };
    switch (kind) {
      case 'object':
        return { ...node, down: '<Next>', up: '</Next>', leaf: '<Name>x</Name>' };
      case 'list':
        return { ...node, down: '<Kids><Node>', up: '</Node></Kids>', leaf: '' };
      case 'grid':
        return { ...node, down: '<Grid><ArrayOfNode><Node>', up: '</Node></ArrayOfNode></Grid>', leaf: '' };
      case 'dictionary':
        return { ...node, down: '<Map><a:KeyValueOfstringNodevCaxnceu><a:Key>k</a:Key><a:Value>', up: '</a:Value></a:KeyValueOfstringNodevCaxnceu></Map>', leaf: '' };
      case 'dictionary-of-lists':
        return { ...node, down: '<Maps><a:KeyValueOfstringArrayOfNodevCaxnceu><a:Key>k</a:Key><a:Value><Node>', up: '</Node></a:Value></a:KeyValueOfstringArrayOfNodevCaxnceu></Maps>', leaf: '' };
      case 'nullable':
        return { ...node, down: '<Next>', up: '</Next>', leaf: '<Where><X>1</X></Where><Wheres><Pt i:nil="true"/><Pt><Y>2</Y></Pt></Wheres>' };
      case 'struct-dictionary':
        return {
          type: 'evo:Struct',
          open: xmlRoot('Struct', EVO_DATA_NS),
          close: '</Struct>',
          down: '<a:KeyValueOfstringValuevCaxnceu><a:Key>k</a:Key><a:Value><StructValue>',
          up: '</StructValue></a:Value></a:KeyValueOfstringValuevCaxnceu>',
          leaf: '',
        };
      case 'struct-list':
        return {
          type: 'evo:Struct',
          open: xmlRoot('Struct', EVO_DATA_NS),
          close: '</Struct>',
          down: '<a:KeyValueOfstringValuevCaxnceu><a:Key>k</a:Key><a:Value><ListValue><Struct>',
          up: '</Struct></ListValue></a:Value></a:KeyValueOfstringValuevCaxnceu>',
          leaf: '',
        };
      case 'unknown':
        return { type: 'evo:CustomerInfo', open: xmlRoot('CustomerInfo', EVO_CUSTOMERS_NS), close: '</CustomerInfo>', down: '<Zz><y>', up: '</y></Zz>', leaf: 'text' };
    }
  }
  const q = format === 'json' ? (s: string) => `"${s}"` : (s: string) => s;
  const member = (name: string) => `{${q(name)}:`;
  switch (kind) {
    case 'object':
      return { type: 'hostile:Node', open: '', close: '', down: member('next'), up: '}', leaf: `{${q('name')}:${q('x')}}` };
    case 'list':
      return { type: 'hostile:Node', open: '', close: '', down: `${member('kids')}[`, up: ']}', leaf: '{}' };
    case 'grid':
      return { type: 'hostile:Node', open: '', close: '', down: `${member('grid')}[[`, up: ']]}', leaf: '{}' };
    case 'dictionary':
      return { type: 'hostile:Node', open: '', close: '', down: `${member('map')}{${q('k')}:`, up: '}}', leaf: '{}' };
    case 'dictionary-of-lists':
      return { type: 'hostile:Node', open: '', close: '', down: `${member('maps')}{${q('k')}:[`, up: ']}}', leaf: '{}' };
    case 'nullable':
      return {
        type: 'hostile:Node',
        open: '',
        close: '',
        down: member('next'),
        up: '}',
        leaf: `{${q('where')}:{${q('x')}:1},${q('wheres')}:[${format === 'json' ? 'null' : ''},{${q('y')}:2}]}`,
      };
    case 'struct-dictionary':
      return { type: 'evo:Struct', open: '', close: '', down: `{${q('k')}:{${q('structValue')}:`, up: '}}', leaf: '{}' };
    case 'struct-list':
      return { type: 'evo:Struct', open: '', close: '', down: `{${q('k')}:{${q('listValue')}:[`, up: ']}}', leaf: '{}' };
    case 'unknown':
      return { type: 'evo:CustomerInfo', open: `{${q('zz')}:`, close: '}', down: `[{${q('y')}:`, up: '}]', leaf: '1' };
  }
}

/**
 * JSV's quoting nests too: a string member holding a quoted JSV object that holds a quoted
 * JSV object…, each level doubling the quotes of the one inside (ServiceStack's CSV-style
 * escaping), so `depth` levels are 2^depth quotes deep — bounded here by the text length.
 */
function jsvQuoted(depth: number): string {
  let inner = 'x';
  for (let d = 0; d < depth && inner.length < 200_000; d++) inner = `"{name:${inner.replace(/"/g, '""')},num:1}"`;
  return `{name:${inner}}`;
}

const CONTAINERS: readonly Exclude<Container, 'jsv-quoted'>[] = ['object', 'list', 'grid', 'dictionary', 'dictionary-of-lists', 'struct-dictionary', 'struct-list', 'nullable', 'unknown'];

function deepArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const maxDepth = fc.constantFrom<number | undefined>(undefined, undefined, 1, 2, 8, 100, 1000);
  const nested = fc
    .record({
      kind: fc.constantFrom(...CONTAINERS),
      maxDepth,
      // Around each limit, and far past it.
      depth: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 500, max: 530 }), fc.integer({ min: 990, max: 1010 }), fc.integer({ min: 1, max: ctx.maxNesting })),
      // Closed, cut off at the bottom, or closed one level short / one level too many.
      end: fc.constantFrom('closed', 'closed', 'cut', 'short', 'extra'),
    })
    .map(({ kind, maxDepth, depth, end }): HostileCase => {
      const n = nest(format, kind);
      const downs = n.down.repeat(depth);
      const ups = end === 'short' ? n.up.repeat(Math.max(0, depth - 1)) : end === 'extra' ? n.up.repeat(depth + 1) : n.up.repeat(depth);
      const text = end === 'cut' ? n.open + downs : n.open + downs + n.leaf + ups + n.close;
      return { gen: `deep/${kind}${end === 'closed' ? '' : `-${end}`}`, type: n.type, text: text === '' ? n.leaf : text, ...(maxDepth === undefined ? {} : { maxDepth }) };
    });
  if (format !== 'jsv') return nested;
  const quoted = fc.integer({ min: 1, max: 18 }).map((d): HostileCase => ({ gen: 'deep/jsv-quoted', type: 'hostile:Node', text: jsvQuoted(d) }));
  return fc.oneof({ weight: 5, arbitrary: nested }, { weight: 1, arbitrary: quoted });
}

// ---------------------------------------------------------------------------------------------
// giant tokens and spliced values

/** A size from 1 to `max`, spread evenly over the orders of magnitude so giant and small both come up. */
function sizeArbitrary(max: number): fc.Arbitrary<number> {
  const top = Math.log10(Math.max(10, max));
  return fc.double({ min: 0, max: top, noNaN: true }).map((e) => Math.max(1, Math.min(max, Math.round(10 ** e))));
}

function giantNumber(shape: string, n: number): string {
  switch (shape) {
    case 'digits':
      return '9'.repeat(n);
    case 'negative':
      return `-${'9'.repeat(n)}`;
    case 'leading-zeros':
      return `${'0'.repeat(n)}1`;
    case 'fraction':
      return `0.${'3'.repeat(n)}`;
    case 'fraction-zeros':
      return `1.${'0'.repeat(n)}`;
    case 'exponent':
      return `1e${'9'.repeat(Math.min(n, 1000))}`;
    case 'negative-exponent':
      return `1e-${'9'.repeat(Math.min(n, 1000))}`;
    case 'exponent-zeros':
      return `1e${'0'.repeat(n)}1`;
    default:
      return `${'1'.repeat(n)}.${'1'.repeat(n)}e-${n}`;
  }
}
const NUMBER_SHAPES = ['digits', 'negative', 'leading-zeros', 'fraction', 'fraction-zeros', 'exponent', 'negative-exponent', 'exponent-zeros', 'mixed'];

/** Text a string slot can hold, in the spelling of `format` (JSON escapes, JSV quoting, XML references). */
function quoted(format: HostileFormat, raw: string): string {
  if (format === 'json') return JSON.stringify(raw);
  if (format === 'xml') return raw.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return /[,:{}[\]"\s]/.test(raw) || raw === '' ? `"${raw.replace(/"/g, '""')}"` : raw;
}

function giantString(format: HostileFormat, shape: string, n: number): string {
  switch (shape) {
    case 'plain':
      return quoted(format, 'x'.repeat(n));
    case 'escapes':
      return format === 'json' ? `"${'\\\\\\"\\u0041\\n'.repeat(Math.ceil(n / 4))}"` : format === 'jsv' ? `"${'""'.repeat(n)}"` : '&amp;&lt;&#65;&#x1F600;'.repeat(Math.ceil(n / 4));
    case 'quotes':
      return format === 'jsv' ? '"'.repeat(n) : format === 'json' ? `"${'\\"'.repeat(n)}"` : '&quot;'.repeat(n);
    case 'unterminated':
      return format === 'xml' ? `${'x'.repeat(n)}<` : `"${'x'.repeat(n)}`;
    case 'whitespace':
      return ` ${' \t\r\n'.repeat(Math.ceil(n / 4))}`;
    default:
      return quoted(format, '😀\u0000\u001f\u2028'.repeat(Math.ceil(n / 4)));
  }
}
const STRING_SHAPES = ['plain', 'escapes', 'quotes', 'unterminated', 'whitespace', 'unicode'];

function splice(t: Template, h: Hole, text: string): string {
  return t.text.slice(0, h.start) + text + t.text.slice(h.end);
}

function templateHole(ctx: HostileContext, format: HostileFormat, want: (h: Hole) => boolean): fc.Arbitrary<{ t: Template; h: Hole }> {
  const pairs = ctx.templates[format].flatMap((t) => t.holes.filter(want).map((h) => ({ t, h })));
  if (pairs.length === 0) throw new Error(`no ${format} template has a matching slot`);
  return fc.constantFrom(...pairs);
}

const NUMERIC = new Set(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32', 'Int64', 'UInt64', 'Single', 'Double', 'Decimal']);

function giantArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const size = sizeArbitrary(ctx.maxToken);
  const numbers = fc
    .tuple(templateHole(ctx, format, (h) => NUMERIC.has(h.scalar)), fc.constantFrom(...NUMBER_SHAPES), size, fc.boolean())
    .map(([{ t, h }, shape, n, quote]): HostileCase => {
      const num = giantNumber(shape, n);
      // ServiceStack reads quoted numbers in JSON; XML has no quotes.
      const text = quote && format === 'json' ? `"${num}"` : num;
      return { gen: `giant/number-${shape}`, type: t.type, text: splice(t, h, text) };
    });
  const strings = fc
    .tuple(templateHole(ctx, format, () => true), fc.constantFrom(...STRING_SHAPES), size)
    .map(([{ t, h }, shape, n]): HostileCase => ({ gen: `giant/string-${shape}`, type: t.type, text: splice(t, h, giantString(format, shape, n)) }));
  const names = fc.tuple(fc.constantFrom('member', 'key', 'element', 'prefix'), size).map(([where, n]): HostileCase => {
    const name = 'n'.repeat(n);
    if (format === 'xml') {
      const root = xmlRoot('Node', HOSTILE_NS);
      if (where === 'key') return { gen: 'giant/name-key', type: 'hostile:Node', text: `${root}<Map><a:KeyValueOfstringNodevCaxnceu><a:Key>${name}</a:Key><a:Value/></a:KeyValueOfstringNodevCaxnceu></Map></Node>` };
      if (where === 'prefix') return { gen: 'giant/name-prefix', type: 'hostile:Node', text: `${root}<${name}:x xmlns:${name}="urn:x"/><Name>a</Name></Node>` };
      return { gen: `giant/name-${where}`, type: 'hostile:Node', text: `${root}<${name}>v</${name}><${name}/></Node>` };
    }
    const q = format === 'json' ? `"${name}"` : name;
    if (where === 'key') return { gen: 'giant/name-key', type: 'hostile:Node', text: `{${format === 'json' ? '"map"' : 'map'}:{${q}:{}}}` };
    return { gen: `giant/name-${where}`, type: 'hostile:Node', text: `{${q}:1,${format === 'json' ? '"num":1' : 'num:1'}}` };
  });
  // Many tiny members, elements or list items: a size in count rather than in one token.
  const many = fc.tuple(fc.constantFrom('list', 'unknown', 'keys', 'case-keys'), size).map(([what, n0]): HostileCase => {
    const n = Math.max(1, Math.floor(n0 / 8));
    const gen = `giant/many-${what}`;
    if (format === 'xml') {
      const root = xmlRoot('Node', HOSTILE_NS);
      if (what === 'list') return { gen, type: 'hostile:Node', text: `${root}<Kids>${'<Node/>'.repeat(n)}</Kids></Node>` };
      if (what === 'unknown') return { gen, type: 'hostile:Node', text: `${root}${'<u/>'.repeat(n)}</Node>` };
      const kv = (k: string) => `<a:KeyValueOfstringNodevCaxnceu><a:Key>${k}</a:Key><a:Value/></a:KeyValueOfstringNodevCaxnceu>`;
      return { gen, type: 'hostile:Node', text: `${root}<Map>${Array.from({ length: n }, (_, i) => kv(what === 'keys' ? `k${i}` : i % 2 ? 'K' : 'k')).join('')}</Map></Node>` };
    }
    const q = (s: string) => (format === 'json' ? `"${s}"` : s);
    if (what === 'list') return { gen, type: 'hostile:Node', text: `{${q('kids')}:[${Array(n).fill('{}').join(',')}]}` };
    if (what === 'unknown') return { gen, type: 'hostile:Node', text: `{${Array.from({ length: n }, (_, i) => `${q(`u${i}`)}:1`).join(',')}}` };
    if (what === 'keys') return { gen, type: 'hostile:Node', text: `{${q('map')}:{${Array.from({ length: n }, (_, i) => `${q(`k${i}`)}:{}`).join(',')}}}` };
    // Member names that collide ignoring case: NAME, Name, name, nAmE…
    return { gen, type: 'hostile:Node', text: `{${Array.from({ length: n }, (_, i) => `${q(i % 3 ? 'NUM' : 'nUm')}:${i % 100}`).join(',')}}` };
  });
  return fc.oneof({ weight: 3, arbitrary: numbers }, { weight: 3, arbitrary: strings }, { weight: 1, arbitrary: names }, { weight: 1, arbitrary: many });
}

// ---------------------------------------------------------------------------------------------
// numbers at the range edges

const RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  Byte: [0n, 255n],
  SByte: [-128n, 127n],
  Int16: [-32768n, 32767n],
  UInt16: [0n, 65535n],
  Int32: [-2147483648n, 2147483647n],
  UInt32: [0n, 4294967295n],
  Int64: [-9223372036854775808n, 9223372036854775807n],
  UInt64: [0n, 18446744073709551615n],
};

/** Every integer type's ends and one past them, and the floating and decimal edges. */
export const EDGE_NUMBERS: readonly string[] = [
  ...Object.values(RANGES).flatMap(([lo, hi]) => [lo - 1n, lo, hi, hi + 1n, -hi - 2n].map(String)),
  '79228162514264337593543950335', '79228162514264337593543950336', '-79228162514264337593543950336',
  '0.0000000000000000000000000001', '0.00000000000000000000000000001', '7.9228162514264337593543950335', '1e28', '1E29', '7.9228162514264337593543950336E28',
  '1.7976931348623157E+308', '1.7976931348623158e308', '1.7976931348623159e308', '1e309', '-1e309', '4.9E-324', '2e-324', '1e-400', '-1e-400',
  '3.4028235E+38', '3.4028236E+38', '3.5e38', '1.4E-45', '1e-46',
  '-0', '-0.0', '0e0', '+1', '1.0', '1.', '.1', '1e2', '1E+2', '0x10', '1_000', '١٢', '１', 'NaN', '-NaN', 'Infinity', '-Infinity', 'INF', '∞', '',
  '9007199254740993', '-9007199254740993', '18446744073709551615.0', '255.5', '1e0',
];

function edgeArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  return fc
    .tuple(templateHole(ctx, format, (h) => NUMERIC.has(h.scalar)), fc.constantFrom(...EDGE_NUMBERS), fc.constantFrom('bare', 'bare', 'quoted', 'spaced'))
    .map(([{ t, h }, num, how]): HostileCase => {
      const text = how === 'quoted' && format === 'json' ? `"${num}"` : how === 'spaced' ? ` ${num} ` : num;
      return { gen: `edge/${h.scalar}`, type: t.type, text: splice(t, h, text) };
    });
}

// ---------------------------------------------------------------------------------------------
// XML floods and entity-looking text

function floodArbitrary(ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const count = sizeArbitrary(Math.max(10, Math.floor(ctx.maxToken / 20)));
  return fc.tuple(fc.constantFrom('xmlns', 'xmlns-same', 'xmlns-default', 'attributes', 'attributes-dup', 'prefixed', 'nested-xmlns', 'nil'), count).map(([what, n]): HostileCase => {
    const gen = `flood/${what}`;
    const attrs = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
    const on = (a: string, body = '<Name>a</Name>') => `<Node xmlns:i="${XSI}" xmlns="${HOSTILE_NS}"${a}>${body}</Node>`;
    switch (what) {
      case 'xmlns':
        return { gen, type: 'hostile:Node', text: on(attrs((i) => ` xmlns:p${i}="urn:u${i}"`)) };
      case 'xmlns-same':
        return { gen, type: 'hostile:Node', text: on(attrs((i) => ` xmlns:p${i}="${HOSTILE_NS}"`), `<p${n - 1}:Name>a</p${n - 1}:Name>`) };
      case 'xmlns-default':
        return { gen, type: 'hostile:Node', text: on('', attrs(() => `<x xmlns="urn:x"><y xmlns="${HOSTILE_NS}"/></x>`)) };
      case 'attributes':
        return { gen, type: 'hostile:Node', text: on(attrs((i) => ` a${i}="x"`)) };
      case 'attributes-dup':
        return { gen, type: 'hostile:Node', text: on(`${attrs((i) => ` a${i}="x"`)} a0="y"`) };
      case 'prefixed':
        return { gen, type: 'hostile:Node', text: on(` xmlns:p="urn:p"${attrs((i) => ` p:a${i}="x"`)}`) };
      case 'nested-xmlns':
        return { gen, type: 'hostile:Node', text: on('', `${attrs((i) => `<Next xmlns:q${i}="urn:q">`)}${'</Next>'.repeat(n)}`), maxDepth: n + 10 };
      default:
        return { gen, type: 'hostile:Node', text: on('', `<Name${attrs(() => ' i:nil="true"')}>a</Name>`) };
    }
  });
}

/** Text that looks like markup or references: XML must refuse or resolve it exactly; JSON and JSV hold it as data. */
export const ENTITY_TEXTS: readonly string[] = [
  '&foo;', '&#x0;', '&#0;', '&#xD800;', '&#xDFFF;', '&#xD800;&#xDC00;', '&#x110000;', '&#xFFFE;', '&#xFFFF;', '&#1114112;', '&#99999999999999999999;',
  '&lt', '&amp', '&#65', '&#x41', '&#;', '&#x;', '&;', '& ', '&lt;&gt;&amp;&quot;&apos;', '&LT;', '&Amp;', '&#X41;', '&#x41 ;', '&#-1;',
  '&a:b;', '&%pe;', '%pe;', ']]>', '<![CDATA[x]]>', '<!-- -- -->', '<?xml version="1.0"?>', '<!ENTITY x "y">', '&x;&x;&x;',
];

const DOCTYPES: readonly string[] = [
  '<!DOCTYPE Node>',
  '<!DOCTYPE Node [<!ENTITY x "y">]>',
  '<!DOCTYPE Node [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!DOCTYPE Node SYSTEM "file:///etc/passwd">',
  '<!DOCTYPE Node [<!ENTITY % pe SYSTEM "http://example.invalid/x.dtd"> %pe;]>',
  '<!DOCTYPE Node [<!ENTITY x.y "z"><!ENTITY (a|b) "z">]>',
  '<!doctype Node>',
  '<!DOCTYPE',
];

function entityArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const texts = fc.array(fc.constantFrom(...ENTITY_TEXTS), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
  const inSlot = fc.tuple(templateHole(ctx, format, () => true), texts).map(([{ t, h }, e]): HostileCase => {
    // XML: as markup, raw; JSON and JSV: as string data (JSON quoted, JSV quoted when needed).
    const text = format === 'xml' ? e : format === 'json' ? JSON.stringify(e) : quoted('jsv', e);
    return { gen: 'entity/text', type: t.type, text: splice(t, h, text) };
  });
  if (format !== 'xml') return inSlot;
  const root = `<Node xmlns:i="${XSI}" xmlns="${HOSTILE_NS}"><Name>&x;</Name></Node>`;
  const doctype = fc.tuple(fc.constantFrom(...DOCTYPES), fc.constantFrom('', '<?xml version="1.0" encoding="utf-8"?>', '\uFEFF')).map(([d, decl]): HostileCase => ({
    gen: 'entity/doctype',
    type: 'hostile:Node',
    text: `${decl}${d}${root}`,
  }));
  const inNames = fc.constantFrom(...ENTITY_TEXTS).map((e): HostileCase => ({ gen: 'entity/in-markup', type: 'hostile:Node', text: `<Node xmlns="${HOSTILE_NS}" a="${e}"><N${e}/><Name>${e}</Name></Node>` }));
  return fc.oneof({ weight: 3, arbitrary: inSlot }, { weight: 2, arbitrary: doctype }, { weight: 1, arbitrary: inNames });
}

// ---------------------------------------------------------------------------------------------
// surrogate halves

const HALVES = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800', '\ud800\ud800', 'a\ud800b', '\ud83d'];
const ESCAPED_HALVES = ['\\ud800', '\\uDBFF', '\\udc00', '\\uDFFF', '\\udc00\\ud800', '\\ud800\\u0041', '\\ud83d"', '\\ud83d\\ude00', '\\uD800\\uD800'];

function surrogateArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const raw = fc.constantFrom(...HALVES);
  const value = fc.tuple(templateHole(ctx, format, () => true), raw, fc.boolean()).map(([{ t, h }, s, esc]): HostileCase => {
    let text: string;
    if (format === 'json') text = esc ? `"${ESCAPED_HALVES[s.length % ESCAPED_HALVES.length]}"` : `"${s}"`;
    else if (format === 'xml') text = esc ? `&#x${s.charCodeAt(0).toString(16)};` : s;
    else text = esc ? `"${s},"` : s;
    return { gen: `surrogate/value${esc ? '-escaped' : ''}`, type: t.type, text: splice(t, h, text) };
  });
  const named = fc.tuple(raw, fc.constantFrom('member', 'key')).map(([s, where]): HostileCase => {
    const gen = `surrogate/${where}`;
    if (format === 'xml') {
      const root = xmlRoot('Node', HOSTILE_NS);
      if (where === 'key') return { gen, type: 'hostile:Node', text: `${root}<Map><a:KeyValueOfstringNodevCaxnceu><a:Key>${s}</a:Key><a:Value/></a:KeyValueOfstringNodevCaxnceu></Map></Node>` };
      return { gen, type: 'hostile:Node', text: `${root}<N${s}>v</N${s}><Name>a</Name></Node>` };
    }
    const q = (x: string) => (format === 'json' ? `"${x}"` : x);
    if (where === 'key') return { gen, type: 'hostile:Node', text: `{${q('map')}:{${q(s)}:{},${q('k')}:{}}}` };
    return { gen, type: 'hostile:Node', text: `{${q(s)}:1,${q(`name${s}`)}:2,${q('num')}:3}` };
  });
  const escapedName = fc.constantFrom(...ESCAPED_HALVES).map((e): HostileCase => ({ gen: 'surrogate/escaped-name', type: 'hostile:Node', text: format === 'json' ? `{"${e}":1,"map":{"${e}":{}}}` : format === 'jsv' ? `{map:{"${e}":{}}}` : `<Node xmlns="${HOSTILE_NS}"><Name>&#xD800;</Name></Node>` }));
  return fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: named }, { weight: 1, arbitrary: escapedName });
}

// ---------------------------------------------------------------------------------------------
// mutations of valid documents

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

function mutationArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const seeds = ctx.seeds[format];
  if (seeds.length === 0) throw new Error(`no ${format} seeds`);
  const seed = fc.constantFrom(...seeds);
  const cut = fc.tuple(seed, fc.nat()).map(([s, at]): HostileCase => ({ gen: 'mutation/cut', type: s.type, text: s.text.slice(0, at % (s.text.length + 1)) }));
  const byte = fc.tuple(seed, fc.nat(), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 3 })).map(([s, at, bit, times]): HostileCase => {
    const bytes = encoder.encode(s.text);
    for (let k = 0; k < times; k++) {
      const i = (at * (k + 1) + k * 7919) % bytes.length;
      bytes[i] = bytes[i]! ^ (1 << bit);
    }
    return { gen: 'mutation/byte-flip', type: s.type, text: decoder.decode(bytes) };
  });
  const unit = fc.tuple(seed, fc.nat(), fc.integer({ min: 0, max: 15 })).map(([s, at, bit]): HostileCase => {
    const i = at % Math.max(1, s.text.length);
    const c = String.fromCharCode(s.text.charCodeAt(i) ^ (1 << bit));
    return { gen: 'mutation/unit-flip', type: s.type, text: s.text.slice(0, i) + c + s.text.slice(i + 1) };
  });
  const repeat = fc.tuple(seed, fc.nat(), fc.integer({ min: 1, max: 40 }), sizeArbitrary(Math.max(10, Math.floor(ctx.maxToken / 100)))).map(([s, at, n, times]): HostileCase => {
    const i = at % Math.max(1, s.text.length);
    const piece = s.text.slice(i, i + n);
    return { gen: 'mutation/repeat', type: s.type, text: s.text.slice(0, i) + piece.repeat(times) + s.text.slice(i) };
  });
  return fc.oneof({ weight: 3, arbitrary: cut }, { weight: 2, arbitrary: byte }, { weight: 2, arbitrary: unit }, { weight: 1, arbitrary: repeat });
}

// ---------------------------------------------------------------------------------------------

export type Family = 'deep' | 'giant' | 'edge' | 'flood' | 'entity' | 'surrogate' | 'mutation';

export const FAMILIES: Readonly<Record<HostileFormat, readonly Family[]>> = {
  json: ['deep', 'giant', 'edge', 'entity', 'surrogate', 'mutation'],
  jsv: ['deep', 'giant', 'edge', 'entity', 'surrogate', 'mutation'],
  xml: ['deep', 'giant', 'edge', 'flood', 'entity', 'surrogate', 'mutation'],
};

export function familyArbitrary(format: HostileFormat, family: Family, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  switch (family) {
    case 'deep':
      return deepArbitrary(format, ctx);
    case 'giant':
      return giantArbitrary(format, ctx);
    case 'edge':
      return edgeArbitrary(format, ctx);
    case 'flood':
      return floodArbitrary(ctx);
    case 'entity':
      return entityArbitrary(format, ctx);
    case 'surrogate':
      return surrogateArbitrary(format, ctx);
    case 'mutation':
      return mutationArbitrary(format, ctx);
  }
}

/** Every family of `format`, the cheap ones weighted up so a long run is not all giant tokens. */
export function hostileArbitrary(format: HostileFormat, ctx: HostileContext): fc.Arbitrary<HostileCase> {
  const weight: Record<Family, number> = { deep: 2, giant: 1, edge: 4, flood: 1, entity: 3, surrogate: 3, mutation: 6 };
  return fc.oneof(...FAMILIES[format].map((f) => ({ weight: weight[f], arbitrary: familyArbitrary(format, f, ctx) })));
}

/** Every position of a small document cut off: the exhaustive truncation family. */
export function truncations(seed: { readonly type: TypeId; readonly text: string }): HostileCase[] {
  return Array.from({ length: seed.text.length }, (_, i) => ({ gen: 'mutation/cut-every', type: seed.type, text: seed.text.slice(0, i) }));
}
