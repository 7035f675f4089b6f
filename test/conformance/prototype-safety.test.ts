/**
 * Prototype safety (issue 11): in every codec and through every decoding entry point, the
 * names `__proto__`, `constructor`, `prototype`, `toString`, `hasOwnProperty` and `valueOf`
 * are plain data:
 * - as dictionary keys they survive as own keys, with their values, and read back after a
 *   round trip;
 * - as unknown member names (JSON and JSV keys, XML element names such as `<__proto__>`)
 *   they are ignored: the result is an ordinary DTO with no extra property and
 *   `Object.prototype` as its prototype;
 * - as declared member names they are ordinary own properties;
 * - as scalar, enum and key text (`"flag":"constructor"`, `&toString;`, a `constructor:`
 *   prefix) they are what .NET makes of them — never a value looked up on a prototype: every
 *   accepted result must be a complete, valid instance (`instanceProblems`);
 * and `Object.prototype` (and `Array.prototype`) are untouched: a sentinel property and the
 * own property names and descriptors are compared before and after each decode. In every
 * mode (default, lenient, and XML strict).
 *
 * Entry points are one table (`ENTRY_POINTS`): whole-document `decode` with a class, a list
 * and a dictionary root, the bound API (`bind(registry).json.decode('Name', …)`), JSV's
 * `decodeJsvValue`, and `decodeStream` for every codec that has one (a collection read
 * element by element). A new entry point is one row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { instanceProblems } from '../../src/arbitrary/index.js';
import { DtoFormatError } from '../../src/errors.js';
import type { Codec, DecodeOptions, EncodeOptions } from '../../src/formats/codec.js';
import { codecs } from '../../src/formats/index.js';
import { decodeJsvValue } from '../../src/formats/jsv/index.js';
import { ndjsonCodec } from '../../src/formats/ndjson/index.js';
import { bind } from '../../src/index.js';
import { classType, enumType, prop, t, type SchemaDeclaration } from '../../src/schema/builder.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import { createRegistry } from '../../src/schema/registry.js';

type AnyCodec = Codec<EncodeOptions, DecodeOptions>;

/** Every codec of the public table, and NDJSON (its own entry point until the table lists it). */
const CODECS: readonly AnyCodec[] = codecs.some((c) => c.name === ndjsonCodec.name) ? codecs : [...codecs, ndjsonCodec as AnyCodec];

const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const NS = 'Proto.Types';
const XMLNS = `http://schemas.datacontract.org/2004/07/${NS}`;
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

const declaration: SchemaDeclaration = {
  name: 'Prototype safety',
  revisions: [{ id: 1, description: 'the only revision' }],
  types: [
    enumType(NS, 'Color', { Red: 0, Green: 1 }),
    enumType(NS, 'Perms', { None: 0, Read: 1, Write: 2 }, undefined, { flags: true }),
    classType(NS, 'Plain', {}, {
      Name: prop(t.String),
      Flag: prop(t.Boolean),
      Count: prop(t.Int32),
      Color: prop(t.ref('Color')),
      Perms: prop(t.ref('Perms')),
      Map: prop(t.Dictionary(t.String, t.String)),
      Nodes: prop(t.Dictionary(t.String, t.ref('Plain'))),
      Ids: prop(t.Dictionary(t.Int32, t.String)),
      Kids: prop(t.List(t.ref('Plain'))),
    }),
    // Members whose wire names are the names an object inherits.
    classType(NS, 'Named', {}, {
      Constructor: prop(t.String),
      Prototype: prop(t.String),
      ToString: prop(t.String),
      HasOwnProperty: prop(t.Boolean),
      ValueOf: prop(t.Int32),
    }),
    classType(NS, 'Bag', { dictionary: t.Dictionary(t.String, t.String) }, {}),
  ],
};
const registry = createRegistry(declaration);
const schema = registry.at();
const Plain = schema.requireClass('Plain');
const Named = schema.requireClass('Named');
const Bag = schema.requireClass('Bag');
const stringType = Plain.properties.find((p) => p.wireName === 'name')!.type as Extract<TypeDescriptor, { kind: 'scalar' }>;
const listOfPlain: TypeDescriptor = { kind: 'list', of: Plain, isValueType: false };
const dictOfPlain: TypeDescriptor = { kind: 'dictionary', key: stringType, value: Plain, isValueType: false };
const dictOfString: TypeDescriptor = { kind: 'dictionary', key: stringType, value: stringType, isValueType: false };

/** An object whose own keys are the hostile names (`__proto__` defined, not assigned). */
function hostileKeys<V>(value: (name: string) => V): Record<string, V> {
  const o: Record<string, V> = {};
  for (const n of NAMES) Object.defineProperty(o, n, { value: value(n), enumerable: true, writable: true, configurable: true });
  return o;
}

// ---------------------------------------------------------------------------------------------
// Object.prototype watch

const SENTINEL = 'polluted';

interface Snapshot {
  readonly names: string[];
  readonly values: unknown[];
  readonly arrayNames: string[];
}

function snapshot(): Snapshot {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  const values = names.map((n) => {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, n)!;
    return d.value ?? d.get;
  });
  return { names, values, arrayNames: Object.getOwnPropertyNames(Array.prototype).sort() };
}

let before: Snapshot;
beforeAll(() => {
  before = snapshot();
});

function expectPrototypesUntouched(): void {
  const after = snapshot();
  expect(after.names).toEqual(before.names);
  expect(after.arrayNames).toEqual(before.arrayNames);
  after.values.forEach((v, i) => expect(v, `Object.prototype.${after.names[i]}`).toBe(before.values[i]));
  expect(({} as Record<string, unknown>)[SENTINEL]).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)[SENTINEL]).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

// ---------------------------------------------------------------------------------------------
// entry points

const MODES: readonly { name: string; options: DecodeOptions & { strict?: boolean } }[] = [
  { name: 'default', options: {} },
  { name: 'lenient', options: { lenient: true } },
];
const modesOf = (codec: AnyCodec) => (codec.name === 'xml' ? [...MODES, { name: 'strict', options: { strict: true } }] : MODES);

type Root = 'class' | 'list' | 'dictionary';

interface EntryPoint {
  readonly name: string;
  /** The root kinds it reads. */
  readonly roots: readonly Root[];
  readonly applies: (codec: AnyCodec) => boolean;
  /** Decodes `text` as `type` (for a streaming entry point: the list `type`, read element by element). */
  readonly decode: (codec: AnyCodec, type: TypeDescriptor, text: string, options: DecodeOptions) => Promise<unknown>;
}

const bound = bind(registry);
const boundCodec = (codec: AnyCodec) => (bound as unknown as Record<string, { decode(name: string, text: string, o: DecodeOptions): unknown } | undefined>)[codec.name];

const ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'decode', roots: ['class', 'list', 'dictionary'], applies: () => true, decode: async (c, type, text, o) => c.decode(type, text, o) },
  {
    name: 'bound decode by type name',
    roots: ['class'],
    applies: (c) => boundCodec(c) !== undefined,
    decode: async (c, type, text, o) => boundCodec(c)!.decode((type as ClassDescriptor).name, text, o),
  },
  { name: 'decodeJsvValue', roots: ['class', 'list', 'dictionary'], applies: (c) => c.name === 'jsv', decode: async (_c, type, text, o) => decodeJsvValue(type, text, o) },
  {
    name: 'decodeStream',
    roots: ['list'],
    applies: (c) => c.decodeStream !== undefined,
    decode: async (c, type, text, o) => {
      const out: unknown[] = [];
      for await (const item of c.decodeStream!((type as Extract<TypeDescriptor, { kind: 'list' }>).of, text, o)) out.push(item);
      return out;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// documents

/** A Plain whose dictionaries are keyed by every hostile name. */
function plainValue(): Record<string, unknown> {
  return {
    name: 'n',
    map: hostileKeys((n) => `v:${n}`),
    nodes: hostileKeys((n) => ({ name: `node:${n}` })),
    kids: [{ map: hostileKeys((n) => `kid:${n}`) }],
  };
}

/** Unknown members with hostile names, as the format spells a member: JSON and JSV keys, XML elements. */
function unknownMembers(format: string): string | undefined {
  switch (format) {
    case 'json':
    case 'ndjson':
      return NAMES.map((n) => `"${n}":{"${SENTINEL}":"yes","prototype":{"${SENTINEL}":"yes"}},`).join('');
    case 'jsv':
      return NAMES.map((n) => `${n}:{${SENTINEL}:yes,prototype:{${SENTINEL}:yes}},`).join('');
    case 'xml':
      return NAMES.map((n) => `<${n}><${SENTINEL}>yes</${SENTINEL}><prototype><${SENTINEL}>yes</${SENTINEL}></prototype></${n}>`).join('');
    default:
      return undefined;
  }
}

/** `text` with `members` spliced in as the first members of every Plain object that is a root or a list element (never into a dictionary). */
function inject(format: string, text: string, members: string): string {
  if (format === 'xml') return text.replace(/<Plain(?: [^>]*[^/])?>/g, (m) => `${m}${members}`);
  // A Plain object opens with its first member, `name` or (when name is null) `flag`, which a value type always has.
  return format === 'json' || format === 'ndjson' ? text.replace(/\{(?="(?:name|flag)":)/g, `{${members}`) : text.replace(/\{(?=(?:name|flag):)/g, `{${members}`);
}

interface Doc {
  readonly label: string;
  readonly root: Root;
  readonly type: TypeDescriptor;
  readonly text: string;
  /** Checks the decoded value. */
  readonly check: (v: unknown) => void;
  /** Modes that refuse the document by design (XML strict mode refuses unknown elements, as DCS would skip them silently). */
  readonly refusedIn?: readonly string[];
}

function expectHostileKeys(o: unknown, value: (n: string) => unknown, where: string): void {
  expect(o, where).toBeTypeOf('object');
  const r = o as Record<string, unknown>;
  const proto = Object.getPrototypeOf(r) as unknown;
  expect(proto === Object.prototype || proto === null, `${where}: prototype`).toBe(true);
  for (const n of NAMES) {
    const d = Object.getOwnPropertyDescriptor(r, n);
    expect(d, `${where}: own key ${n}`).toBeDefined();
    expect(d!.value, `${where}[${n}]`).toEqual(value(n));
  }
  expect(r[SENTINEL], `${where}.${SENTINEL}`).toBeUndefined();
}

function expectPlain(v: unknown, where: string): void {
  expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  const r = v as Record<string, unknown>;
  for (const n of NAMES) expect(Object.prototype.hasOwnProperty.call(r, n), `${where}: own ${n}`).toBe(false);
  expect(r[SENTINEL], `${where}.${SENTINEL}`).toBeUndefined();
  expect(instanceProblems(Plain, v), where).toEqual([]);
}

function checkPlain(v: unknown, where = 'Plain'): void {
  expectPlain(v, where);
  const r = v as Record<string, Record<string, unknown>>;
  expectHostileKeys(r.map, (n) => `v:${n}`, `${where}.map`);
  expectHostileKeys(r.nodes, (n) => ({ ...(r.nodes![n] as object), name: `node:${n}` }), `${where}.nodes`);
  for (const n of NAMES) expectPlain(r.nodes![n], `${where}.nodes[${n}]`);
  const kids = r.kids as unknown as Record<string, unknown>[];
  expectPlain(kids[0], `${where}.kids[0]`);
  expectHostileKeys(kids[0]!.map, (n) => `kid:${n}`, `${where}.kids[0].map`);
}

function documents(codec: AnyCodec): Doc[] {
  const f = codec.name;
  const plain = codec.encode(Plain, plainValue());
  const list = codec.encode(listOfPlain, [plainValue(), plainValue()]);
  const docs: Doc[] = [
    { label: 'dictionary keys, class root', root: 'class', type: Plain, text: plain, check: (v) => checkPlain(v) },
    {
      label: 'dictionary keys, list root',
      root: 'list',
      type: listOfPlain,
      text: list,
      check: (v) => {
        expect(Array.isArray(v)).toBe(true);
        (v as unknown[]).forEach((e, i) => checkPlain(e, `[${i}]`));
      },
    },
    {
      label: 'dictionary keys, dictionary root',
      root: 'dictionary',
      type: dictOfPlain,
      text: codec.encode(dictOfPlain, hostileKeys(() => plainValue())),
      check: (v) => {
        expectHostileKeys(v, (n) => (v as Record<string, unknown>)[n], 'root');
        for (const n of NAMES) checkPlain((v as Record<string, unknown>)[n], `[${n}]`);
      },
    },
    {
      label: 'dictionary keys, Dictionary<string,string> root',
      root: 'dictionary',
      type: dictOfString,
      text: codec.encode(dictOfString, hostileKeys((n) => `s:${n}`)),
      check: (v) => expectHostileKeys(v, (n) => `s:${n}`, 'root'),
    },
    {
      label: 'keys of a class deriving from Dictionary',
      root: 'class',
      type: Bag,
      text: codec.encode(Bag, hostileKeys((n) => `b:${n}`)),
      check: (v) => expectHostileKeys(v, (n) => `b:${n}`, 'Bag'),
    },
    {
      label: 'declared members named constructor, prototype, toString, hasOwnProperty, valueOf',
      root: 'class',
      type: Named,
      text: codec.encode(Named, { constructor: 'c', prototype: 'p', toString: 't', hasOwnProperty: true, valueOf: 7 }),
      check: (v) => {
        const r = v as Record<string, unknown>;
        expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
        for (const [k, want] of Object.entries({ constructor: 'c', prototype: 'p', toString: 't', hasOwnProperty: true, valueOf: 7 })) {
          expect(Object.getOwnPropertyDescriptor(r, k)?.value, k).toBe(want);
        }
      },
    },
  ];
  const members = unknownMembers(f);
  if (members !== undefined) {
    docs.push(
      { label: 'unknown members named like the prototype, class root', root: 'class', type: Plain, text: inject(f, plain, members), check: (v) => checkPlain(v), refusedIn: ['strict'] },
      {
        label: 'unknown members named like the prototype, list root',
        root: 'list',
        type: listOfPlain,
        text: inject(f, list, members),
        check: (v) => (v as unknown[]).forEach((e, i) => checkPlain(e, `[${i}]`)),
        refusedIn: ['strict'],
      },
    );
  }
  return docs;
}

/** Scalar, enum, key and reference text spelled as inherited names: refused, or read as .NET reads the text, never looked up. */
function wordDocuments(format: string): { label: string; type: TypeDescriptor; text: string }[] {
  const out: { label: string; type: TypeDescriptor; text: string }[] = [];
  for (const n of NAMES) {
    if (format === 'json' || format === 'ndjson') {
      out.push(
        { label: `Boolean "${n}"`, type: Plain, text: `{"flag":"${n}"}` },
        { label: `Int32 "${n}"`, type: Plain, text: `{"count":"${n}"}` },
        { label: `enum "${n}"`, type: Plain, text: `{"color":"${n}"}` },
        { label: `flags enum "Read, ${n}"`, type: Plain, text: `{"perms":"Read, ${n}"}` },
        { label: `Int32 key "${n}"`, type: Plain, text: `{"ids":{"${n}":"x"}}` },
      );
    } else if (format === 'jsv') {
      out.push(
        { label: `Boolean ${n}`, type: Plain, text: `{flag:${n}}` },
        { label: `Int32 ${n}`, type: Plain, text: `{count:${n}}` },
        { label: `enum ${n}`, type: Plain, text: `{color:${n}}` },
        { label: `flags enum "Read, ${n}"`, type: Plain, text: `{perms:"Read, ${n}"}` },
        { label: `Int32 key ${n}`, type: Plain, text: `{ids:{${n}:x}}` },
      );
    } else if (format === 'xml') {
      const root = (body: string, attrs = '') => `<Plain xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${XMLNS}"${attrs}>${body}</Plain>`;
      out.push(
        { label: `Boolean ${n}`, type: Plain, text: root(`<Flag>${n}</Flag>`) },
        { label: `Int32 ${n}`, type: Plain, text: root(`<Count>${n}</Count>`) },
        { label: `enum ${n}`, type: Plain, text: root(`<Color>${n}</Color>`) },
        { label: `flags enum "Read ${n}"`, type: Plain, text: root(`<Perms>Read ${n}</Perms>`) },
        { label: `Int32 key ${n}`, type: Plain, text: root(`<Ids xmlns:a="${ARRAYS}"><a:KeyValueOfintstring><a:Key>${n}</a:Key><a:Value>x</a:Value></a:KeyValueOfintstring></Ids>`) },
        { label: `entity reference &${n};`, type: Plain, text: root(`<Name>&${n};</Name>`) },
        { label: `undeclared prefix ${n}: on an element`, type: Plain, text: root(`<${n}:Name>x</${n}:Name>`) },
        { label: `undeclared prefix ${n}: on an attribute`, type: Plain, text: root('<Name>x</Name>', ` ${n}:a="1"`) },
        { label: `prefix ${n} declared, then used`, type: Plain, text: root(`<${n}:Name>x</${n}:Name>`, ` xmlns:${n}="${XMLNS}"`) },
        { label: `attribute named ${n}`, type: Plain, text: root('<Name>x</Name>', ` ${n}="1"`) },
        { label: `i:type="${n}"`, type: Plain, text: root(`<Kids><Plain i:type="${n}"/></Kids>`) },
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('prototype safety: inherited names are plain data in every codec and entry point', () => {
  for (const codec of CODECS) {
    describe(codec.label, () => {
      for (const entry of ENTRY_POINTS.filter((e) => e.applies(codec))) {
        for (const doc of documents(codec).filter((d) => entry.roots.includes(d.root))) {
          for (const mode of modesOf(codec)) {
            it(`${entry.name}, ${mode.name}: ${doc.label}`, async () => {
              if (doc.refusedIn?.includes(mode.name)) {
                await expect(entry.decode(codec, doc.type, doc.text, mode.options)).rejects.toThrow(DtoFormatError);
                expectPrototypesUntouched();
                return;
              }
              const v = await entry.decode(codec, doc.type, doc.text, mode.options);
              doc.check(v);
              expectPrototypesUntouched();
              // What was read is written and read back with the same keys.
              const again = await entry.decode(codec, doc.type, codec.encode(doc.type, v), mode.options);
              doc.check(again);
              expectPrototypesUntouched();
            });
          }
        }
      }

      const words = wordDocuments(codec.name);
      if (words.length > 0) {
        for (const mode of modesOf(codec)) {
          it(`${mode.name}: scalar, enum, key and reference text spelled as inherited names is never looked up`, () => {
            const accepted: string[] = [];
            for (const w of words) {
              let v: unknown;
              try {
                v = codec.decode(w.type, w.text, mode.options);
              } catch (e) {
                if (!(e instanceof DtoFormatError)) throw new Error(`${w.label}: threw ${String(e)}`);
                continue;
              }
              accepted.push(w.label);
              expect(instanceProblems(w.type, v), `${w.label} → ${JSON.stringify(v)}`).toEqual([]);
              expectPlain(v, w.label);
            }
            expectPrototypesUntouched();
            // The declared prefix is the one document here a well-formed reader must accept.
            if (codec.name === 'xml') expect(accepted.filter((l) => l.startsWith('prefix '))).toHaveLength(NAMES.length);
          });
        }
      }
    });
  }
});
