/**
 * Renders TypeScript declarations for a registry's DTOs in the value model every codec reads
 * and writes (CONTRIBUTING, "The value model"): wire names as keys, each scalar as its row's
 * `tsType`, enums as their `Enum.ToString()` texts, lists as arrays, dictionaries as
 * string-keyed objects, structs never null. The module ends with a name → type map, which
 * `bind<Types>(registry)` uses to type its codecs.
 *
 * `src/dtos/types.ts` is this function's output for the Evo Voice registry (`npm run gen:types`
 * runs `dto-formats codegen`), checked by a test so the file can never drift.
 */
import { typeLabel, type ClassDescriptor, type EnumDescriptor, type NamedTypeDescriptor, type TypeDescriptor } from './descriptors.js';
import type { Registry, Schema } from './registry.js';
import { clrNamespaceUri } from './data-contract.js';
import { SCALARS } from './scalars.js';

/** The `tsType`s of the scalar table that TypeScript itself provides; every other one is a type exported by dto-formats. */
const BUILT_IN_TS_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'bigint', 'unknown', 'Uint8Array']);

/** The dto-formats types the value model uses (`DateTimeValue`, `TimeSpanValue`…), from the scalar table. */
const VALUE_MODEL_TYPES: readonly string[] = [...new Set(Object.values(SCALARS).map((r) => r.tsType))]
  .filter((n) => !BUILT_IN_TS_TYPES.has(n))
  .sort();

/** Words a type name cannot be in TypeScript (reserved words and the built-in type names). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with implements interface let ' +
    'package private protected public static yield any bigint boolean never number object string symbol undefined unknown type ' +
    'Uint8Array Array Record Partial Readonly Date'
  ).split(' '),
);

export interface RenderOptions {
  /** The name of the name → type map interface. Default: the registry name in PascalCase + `Types` (`EvoVoiceTypes`). */
  readonly mapName?: string;
  /** Where `DateTimeValue` and the other value-model types are imported from. Default `'dto-formats'`. */
  readonly importFrom?: string;
}

/** `Evo Voice` → `EvoVoiceTypes`, `zoo` → `ZooTypes`: the default map name. */
export function defaultMapName(registryName: string): string {
  const words = registryName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const stem = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return `${/^[0-9]/.test(stem) || stem === '' ? 'Api' : ''}${stem}Types`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A member name as a TypeScript property key: bare when it is an identifier, else quoted. */
function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `QueryResponse<Item>` → `QueryResponse_Item`; `Zoo.Types.Foo` → `Zoo_Types_Foo`. */
function sanitize(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_$]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(s) || s === '' ? `_${s}` : s;
}

/**
 * A TypeScript identifier per named type, unique in the module: the .NET name when it is one
 * (`CustomerInfo`), generic names flattened (`QueryResponse<Item>` → `QueryResponse_Item`, as a
 * closed generic has no type parameters left to declare), the full name flattened when two
 * namespaces share a short name, and a trailing `_` for a reserved word or an imported type.
 */
function identifiers(schema: Schema, taken: ReadonlySet<string>): Map<NamedTypeDescriptor, string> {
  const count = new Map<string, number>();
  for (const t of schema.types) count.set(sanitize(t.name), (count.get(sanitize(t.name)) ?? 0) + 1);
  const out = new Map<NamedTypeDescriptor, string>();
  const used = new Set<string>(taken);
  for (const t of schema.types) {
    let id = count.get(sanitize(t.name)) === 1 ? sanitize(t.name) : sanitize(t.fullName);
    while (RESERVED.has(id) || used.has(id)) id += '_';
    used.add(id);
    out.set(t, id);
  }
  return out;
}

/** Names the registry resolves each type by: the short name, or the full name where the short one is ambiguous. */
function mapKeys(schema: Schema): Map<NamedTypeDescriptor, string> {
  return new Map(schema.types.map((t) => [t, schema.get(t.name) === t ? t.name : t.fullName]));
}

class Renderer {
  /** The value-model types the declarations use, for the import line. */
  readonly imports = new Set<string>();

  constructor(
    private readonly ids: ReadonlyMap<NamedTypeDescriptor, string>,
    private readonly first: number,
  ) {}

  private id(t: NamedTypeDescriptor): string {
    const id = this.ids.get(t);
    // A descriptor outside the schema is a registry bug: the renderer only sees resolved graphs.
    if (id === undefined) throw new Error(`type ${t.fullName} is referenced but not in the schema`);
    return id;
  }

  tsType(t: TypeDescriptor): string {
    switch (t.kind) {
      case 'scalar':
        if (!BUILT_IN_TS_TYPES.has(t.tsType)) this.imports.add(t.tsType);
        return t.tsType;
      case 'enum':
      case 'class':
        return this.id(t);
      case 'nullable':
        return `${this.tsType(t.of)} | null`;
      case 'list': {
        const el = this.tsType(t.of);
        return t.of.isValueType ? `${el}[]` : `(${el} | null)[]`;
      }
      case 'dictionary':
        // JavaScript object keys are strings: an Int32, Guid or DateTime key is its canonical text (ScalarRow.toKey).
        return `{ [key: string]: ${this.tsType(t.value)}${t.value.isValueType ? '' : ' | null'} }`;
    }
  }

  private renderClass(c: ClassDescriptor): string {
    const head = [c.description ?? '', `.NET \`${c.fullName}\`${c.isValueType ? ' (struct: never null)' : ''}`];
    // XML names it otherwise than by its .NET name and namespace ([DataContract], nesting, generics, profile).
    if (c.contractName !== c.name || c.contractNamespace !== clrNamespaceUri(c.namespace)) {
      head.push(`XML: \`${c.contractName}\` in \`${c.contractNamespace}\``);
    }
    if (c.operation) {
      for (const r of c.operation.routes) head.push(`\`${r.verb} ${r.path}\``);
      if (c.operation.returns) head.push(`Returns {@link ${this.returnsId(c.operation.returns)}}.`);
    }
    let s = doc(head, '');
    if (c.dictionary) {
      return `${s}export interface ${this.id(c)} ${this.tsType(c.dictionary).replace(/^\{ /, '{\n  ').replace(/ \}$/, ';\n}')}\n`;
    }
    s += `export interface ${this.id(c)}${c.base ? ` extends ${this.id(c.base)}` : ''} {\n`;
    for (const p of c.ownProperties) {
      const lines = [p.description ?? '', `.NET \`${p.name}\`: \`${typeLabel(p.type)}\``];
      if (p.since > this.first) lines.push(`@since revision ${p.since}`);
      s += doc(lines, '  ');
      // `unknown` (System.Object) already includes null.
      const nullable = p.type.isValueType || (p.type.kind === 'scalar' && p.type.tsType === 'unknown') ? '' : ' | null';
      const type = p.type.kind === 'nullable' ? this.tsType(p.type) : this.tsType(p.type) + nullable;
      s += `  ${propertyKey(p.wireName)}?: ${type};\n`;
    }
    return `${s}}\n`;
  }

  /** `returns` names a type of the schema; link its identifier (they differ for generics). */
  private returnsId(name: string): string {
    for (const [t, id] of this.ids) if (t.name === name || t.fullName === name) return id;
    return name;
  }

  private renderEnum(e: EnumDescriptor): string {
    const values = e.members.map((m) => `${m.name} = ${m.value}${m.wireText !== m.name ? ` ("${m.wireText}")` : ''}`).join(', ');
    const head = [e.description ?? '', `.NET enum \`${e.fullName}\` (${values})`];
    if (e.isFlags) head.push("[Flags]: a value may combine members (`'Read, Write'`); JSON/JSV write its number.");
    else if (e.isInt) head.push('JSON/JSV write its number.');
    // The value model is `Enum.ToString()`: a member name; for [Flags] also a combination
    // (`'Read, Write'`); and for a value no member (combination) spells, which a JSON or JSV
    // number can carry into any enum as it can in .NET, its decimal text (`'42'`).
    const names = e.members.map((m) => `'${m.name}'`).join(' | ');
    const union = `${names}${e.isFlags ? ' | `${string}, ${string}`' : ''} | \`\${number}\``;
    return `${doc(head, '')}export type ${this.id(e)} = ${union};\n`;
  }

  named(t: NamedTypeDescriptor): string {
    return t.kind === 'class' ? this.renderClass(t) : this.renderEnum(t);
  }
}

function doc(lines: string[], indent: string): string {
  const body = lines.filter((l) => l.length > 0).map((l) => l.replace(/\*\//g, '*\\/'));
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

/**
 * The TypeScript module text for a registry: one interface or type per DTO (members of the
 * latest revision; `@since` marks those newer than the first), the `import type` of the
 * value-model types it uses, and the name → type map.
 */
export function renderTypeScript(registry: Registry, options?: string | RenderOptions): string {
  const o: RenderOptions = typeof options === 'string' ? { mapName: options } : (options ?? {});
  const mapName = o.mapName ?? defaultMapName(registry.name);
  if (!IDENTIFIER.test(mapName)) throw new TypeError(`the type map name must be a TypeScript identifier, not "${mapName}"`);
  const schema = registry.at();
  const ids = identifiers(schema, new Set([...VALUE_MODEL_TYPES, mapName]));
  const r = new Renderer(ids, registry.revisions[0]!);
  const body = schema.types.map((t) => r.named(t) + '\n').join('');

  let s = `// Generated from the ${registry.name} registry by \`dto-formats codegen\`; do not edit.\n`;
  if (registry.revisions.length > 1) {
    s += `// Members are those of the latest revision (${registry.latest}); \`@since\` marks newer ones.\n`;
  }
  s += '\n';
  if (r.imports.size) s += `import type { ${[...r.imports].sort().join(', ')} } from '${o.importFrom ?? 'dto-formats'}';\n\n`;
  s += body;
  s += `/** Every ${registry.name} type by name: the typed codec API is keyed by it. */\n`;
  s += `export interface ${mapName} {\n`;
  for (const [t, key] of mapKeys(schema)) s += `  ${propertyKey(key)}: ${ids.get(t)!};\n`;
  s += '}\n';
  return s;
}
