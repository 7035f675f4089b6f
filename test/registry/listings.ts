/**
 * Parsers for the DTO listings on the seed metadata pages (C#, F#, Python, JavaScript) and a
 * checker that compares a listing with a registry revision. Each parser reads only what its
 * language shows; the checker compares what the listing states and nothing more (Python
 * shows no nullability, JavaScript no Int32/Double distinction, C# no enum members).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NamedTypeDescriptor, ScalarName, TypeDescriptor } from '../../src/schema/descriptors.js';
import type { Schema } from '../../src/schema/registry.js';

export type TypeSpec =
  | { kind: 'scalar'; names: ScalarName[]; nullable: 'yes' | 'no' | 'either' }
  | { kind: 'list'; of: TypeSpec }
  | { kind: 'named'; name: string };

export interface ListedProperty {
  /** .NET name where the language shows it (C#, F#), else undefined. */
  netName?: string;
  /** camelCase wire name where the language shows it (JS, Python after snake→camel). */
  wireName?: string;
  type: TypeSpec;
  description?: string;
}

export interface ListedType {
  name: string;
  kind: 'class' | 'enum';
  namespace?: string;
  base?: string;
  /** For `X : Dictionary<string, V>`: V's name, or '' when the language hides it (JS). */
  dictionaryOf?: string;
  enumMembers?: { name: string; value?: number }[];
  properties: ListedProperty[];
  description?: string;
}

export interface Listing {
  language: string;
  seed: string;
  types: ListedType[];
}

const PAGES = new URL('../../fixtures/seeds/pages/', import.meta.url).pathname;
export function page(prefix: string): string {
  const name = readdirSync(PAGES).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed page ${prefix}`);
  return readFileSync(join(PAGES, name), 'utf8');
}

const S = (names: ScalarName[], nullable: 'yes' | 'no' | 'either'): TypeSpec => ({ kind: 'scalar', names, nullable });

function csharpType(t: string): TypeSpec {
  t = t.trim();
  const list = /^List<(.+)>$/.exec(t);
  if (list) return { kind: 'list', of: csharpType(list[1]!) };
  const nullable = t.endsWith('?');
  const base = nullable ? t.slice(0, -1) : t;
  const scalar: Record<string, ScalarName> = { string: 'String', bool: 'Boolean', int: 'Int32', double: 'Double' };
  const s = scalar[base];
  if (s) return S([s], s === 'String' ? 'either' : nullable ? 'yes' : 'no');
  return { kind: 'named', name: base };
}

export function parseCSharp(text: string, seed: string): Listing {
  const lines = text.split('\n');
  const types: ListedType[] = [];
  let ns: string | undefined;
  let current: ListedType | undefined;
  let pendingDescription: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    let m: RegExpExecArray | null;
    if ((m = /^namespace (\S+)$/.exec(line))) ns = m[1];
    else if ((m = /^public partial class (\w+)$/.exec(line))) {
      current = { name: m[1]!, kind: 'class', properties: [], ...(ns ? { namespace: ns } : {}) };
      if (pendingDescription) current.description = pendingDescription;
      pendingDescription = undefined;
      const next = lines[i + 1]?.trim() ?? '';
      const dict = /^: Dictionary<string, (\w+)>$/.exec(next);
      const base = /^: (\w+)$/.exec(next);
      if (dict) current.dictionaryOf = dict[1]!;
      else if (base) current.base = base[1]!;
      types.push(current);
    } else if ((m = /^public enum (\w+)$/.exec(line))) {
      current = undefined;
      types.push({ name: m[1]!, kind: 'enum', properties: [], ...(ns ? { namespace: ns } : {}) });
    } else if ((m = /^\[Api(?:Member)?\(Description="(.*)"\)\]$/.exec(line))) pendingDescription = m[1];
    else if ((m = /^public virtual (.+) (\w+) \{ get; set; \}$/.exec(line)) && current) {
      const p: ListedProperty = { netName: m[2]!, type: csharpType(m[1]!) };
      if (pendingDescription) p.description = pendingDescription;
      pendingDescription = undefined;
      current.properties.push(p);
    } else if (/^(using|C# )/.test(line)) pendingDescription = undefined;
  }
  return { language: 'C#', seed, types };
}

function fsharpType(t: string): TypeSpec {
  t = t.trim();
  const list = /^ResizeArray<(.+)>$/.exec(t);
  if (list) return { kind: 'list', of: fsharpType(list[1]!) };
  const nullable = /^Nullable<(\w+)>$/.exec(t);
  const base = nullable ? nullable[1]! : t;
  if (base === 'String' || base === 'Boolean' || base === 'Int32' || base === 'Double') {
    return S([base], base === 'String' ? 'either' : nullable ? 'yes' : 'no');
  }
  return { kind: 'named', name: base };
}

export function parseFSharp(text: string, seed: string): Listing {
  const lines = text.split('\n');
  const types: ListedType[] = [];
  let current: ListedType | undefined;
  let pendingDescription: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^type (\w+)\(\) = $/.exec(raw.trimStart()) ?? /^type (\w+)\(\) =$/.exec(line))) {
      current = { name: m[1]!, kind: 'class', properties: [] };
      if (pendingDescription) current.description = pendingDescription;
      pendingDescription = undefined;
      types.push(current);
    } else if ((m = /^type (\w+) =$/.exec(line))) {
      current = { name: m[1]!, kind: 'enum', properties: [], enumMembers: [] };
      types.push(current);
    } else if ((m = /^\| (\w+) = (-?\d+)$/.exec(line)) && current?.kind === 'enum') {
      current.enumMembers!.push({ name: m[1]!, value: Number(m[2]) });
    } else if ((m = /^inherit Dictionary<String, (\w+)>\(\)$/.exec(line)) && current) current.dictionaryOf = m[1]!;
    else if ((m = /^inherit (\w+)\(\)$/.exec(line)) && current) current.base = m[1]!;
    else if ((m = /^\[<Api(?:Member)?\(Description="(.*)"\)>\]$/.exec(line))) pendingDescription = m[1];
    else if ((m = /^member val (\w+):(.+?) = .* with get,set$/.exec(line)) && current) {
      const p: ListedProperty = { netName: m[1]!, type: fsharpType(m[2]!) };
      if (pendingDescription) p.description = pendingDescription;
      pendingDescription = undefined;
      current.properties.push(p);
    }
  }
  return { language: 'F#', seed, types };
}

const snakeToCamel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function pythonType(t: string): TypeSpec {
  t = t.trim();
  const list = /^List\[(.+)\]$/.exec(t);
  if (list) return { kind: 'list', of: pythonType(list[1]!) };
  const scalar: Record<string, ScalarName> = { str: 'String', bool: 'Boolean', int: 'Int32', float: 'Double' };
  const s = scalar[t];
  if (s) return S([s], 'either');
  return { kind: 'named', name: t };
}

export function parsePython(text: string, seed: string): Listing {
  const lines = text.split('\n');
  const types: ListedType[] = [];
  let current: ListedType | undefined;
  let pendingDescription: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^class (\w+)\(str, Enum\):$/.exec(line))) {
      current = { name: m[1]!, kind: 'enum', properties: [], enumMembers: [] };
      types.push(current);
    } else if ((m = /^class (\w+)(?:\((.+)\))?:$/.exec(line))) {
      current = { name: m[1]!, kind: 'class', properties: [] };
      const parent = m[2];
      const dict = parent && /^Dict\[str,(\w+)\]$/.exec(parent);
      if (dict) current.dictionaryOf = dict[1]!;
      else if (parent && !/^I(Post|Get|Put|Patch|Delete)$/.test(parent)) current.base = parent;
      if (pendingDescription) current.description = pendingDescription;
      pendingDescription = undefined;
      types.push(current);
    } else if ((m = /^[A-Z_]+ = '(\w+)'$/.exec(line)) && current?.kind === 'enum') {
      current.enumMembers!.push({ name: m[1]! });
    } else if ((m = /^# @Api(?:Member)?\(Description="(.*)"\)$/.exec(line))) pendingDescription = m[1];
    else if ((m = /^(\w+): Optional\[(.+)\] = None$/.exec(line)) && current) {
      const p: ListedProperty = { wireName: snakeToCamel(m[1]!), type: pythonType(m[2]!) };
      if (pendingDescription) p.description = pendingDescription;
      pendingDescription = undefined;
      current.properties.push(p);
    }
  }
  return { language: 'Python', seed, types };
}

function jsType(t: string): TypeSpec {
  t = t.trim();
  if (t.endsWith('[]')) return { kind: 'list', of: jsType(t.slice(0, -2)) };
  const nullable = t.startsWith('?');
  const base = nullable ? t.slice(1) : t;
  if (base === 'string') return S(['String'], 'either');
  if (base === 'boolean') return S(['Boolean'], nullable ? 'yes' : 'no');
  if (base === 'number') return S(['Int32', 'Double'], nullable ? 'yes' : 'no');
  return { kind: 'named', name: base };
}

export function parseJavaScript(text: string, seed: string): Listing {
  const lines = text.split('\n');
  const types: ListedType[] = [];
  let current: ListedType | undefined;
  let pendingType: string | undefined;
  let pendingDescription: string | undefined;
  let pendingEnum: string[] | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^export class (\w+)(?: extends (\w+))? \{$/.exec(line))) {
      current = { name: m[1]!, kind: 'class', properties: [] };
      if (m[2] === 'Dictionary') current.dictionaryOf = '';
      else if (m[2]) current.base = m[2];
      types.push(current);
    } else if ((m = /^\/\*\* @typedef \{(.+)\} \*\/$/.exec(line))) {
      pendingEnum = m[1]!.split('|').map((s) => s.replace(/'/g, ''));
    } else if ((m = /^export var (\w+);$/.exec(line)) && pendingEnum) {
      types.push({ name: m[1]!, kind: 'enum', properties: [], enumMembers: pendingEnum.map((name) => ({ name })) });
      pendingEnum = undefined;
      current = undefined;
    } else if ((m = /@type \{(.+?)\}/.exec(line))) pendingType = m[1];
    else if ((m = /^\* @description (.*?)(?: \*\/)?$/.exec(line))) pendingDescription = m[1]!.trim();
    else if ((m = /^(\w+);$/.exec(line)) && current && pendingType) {
      const p: ListedProperty = { wireName: m[1]!, type: jsType(pendingType) };
      if (pendingDescription) p.description = pendingDescription;
      current.properties.push(p);
      pendingType = undefined;
      pendingDescription = undefined;
    }
  }
  return { language: 'JavaScript', seed, types };
}

export function matchesSpec(spec: TypeSpec, t: TypeDescriptor): boolean {
  switch (spec.kind) {
    case 'list':
      return t.kind === 'list' && matchesSpec(spec.of, t.of);
    case 'named':
      return (t.kind === 'class' || t.kind === 'enum') && t.name === spec.name;
    case 'scalar': {
      if (t.kind === 'scalar') return spec.names.includes(t.name) && (spec.nullable !== 'yes' || !t.isValueType);
      if (t.kind === 'nullable' && t.of.kind === 'scalar') return spec.names.includes(t.of.name) && spec.nullable !== 'no';
      return false;
    }
  }
}

function specLabel(spec: TypeSpec): string {
  if (spec.kind === 'list') return `List<${specLabel(spec.of)}>`;
  if (spec.kind === 'named') return spec.name;
  return `${spec.names.join('|')}${spec.nullable === 'yes' ? '?' : spec.nullable === 'either' ? '(?)' : ''}`;
}

/** Every disagreement between a listing and a registry revision, as readable lines. */
export function compareListing(listing: Listing, schema: Schema): string[] {
  const problems: string[] = [];
  const where = `${listing.language} listing (seed ${listing.seed}) vs revision ${schema.revision}`;
  for (const lt of listing.types) {
    const t: NamedTypeDescriptor | undefined = schema.get(lt.name);
    if (!t) {
      problems.push(`${where}: type ${lt.name} is missing from the registry`);
      continue;
    }
    if (t.kind !== lt.kind) {
      problems.push(`${where}: ${lt.name} is a ${lt.kind} in the listing, a ${t.kind} in the registry`);
      continue;
    }
    if (lt.namespace !== undefined && t.namespace !== lt.namespace) {
      problems.push(`${where}: ${lt.name} namespace ${lt.namespace} vs ${t.namespace}`);
    }
    if (t.kind === 'enum') {
      const listed = lt.enumMembers;
      if (listed) {
        const names = t.members.map((m) => m.name).join(',');
        if (listed.map((m) => m.name).join(',') !== names) problems.push(`${where}: ${lt.name} members ${listed.map((m) => m.name).join(',')} vs ${names}`);
        for (const m of listed) {
          const r = t.members.find((x) => x.name === m.name);
          if (m.value !== undefined && r && r.value !== BigInt(m.value)) problems.push(`${where}: ${lt.name}.${m.name} = ${m.value} vs ${r.value}`);
        }
      }
      continue;
    }
    if ((lt.base ?? '') !== (t.base?.name ?? '')) problems.push(`${where}: ${lt.name} base ${lt.base ?? 'none'} vs ${t.base?.name ?? 'none'}`);
    if (lt.dictionaryOf !== undefined) {
      if (!t.dictionary) problems.push(`${where}: ${lt.name} derives from a dictionary in the listing, not in the registry`);
      else if (lt.dictionaryOf !== '' && !matchesSpec({ kind: 'named', name: lt.dictionaryOf }, t.dictionary.value)) {
        problems.push(`${where}: ${lt.name} dictionary of ${lt.dictionaryOf}`);
      }
    } else if (t.dictionary) problems.push(`${where}: ${lt.name} is a dictionary in the registry only`);
    if (lt.description !== undefined && t.description !== lt.description) {
      problems.push(`${where}: ${lt.name} description "${lt.description}" vs "${t.description ?? ''}"`);
    }
    const before = problems.length;
    const own = t.ownProperties;
    const seen = new Set<string>();
    for (const lp of lt.properties) {
      const p = own.find((x) => (lp.netName !== undefined ? x.name === lp.netName : x.wireName === lp.wireName));
      const label = `${lt.name}.${lp.netName ?? lp.wireName}`;
      if (!p) {
        problems.push(`${where}: property ${label} is missing from the registry`);
        continue;
      }
      seen.add(p.name);
      if (!matchesSpec(lp.type, p.type)) problems.push(`${where}: ${label} is ${specLabel(lp.type)} in the listing`);
      if (lp.description !== undefined && p.description !== lp.description) {
        problems.push(`${where}: ${label} description "${lp.description}" vs "${p.description ?? ''}"`);
      }
    }
    // Declaration order matters for JSON/JSV, so the listing's order must be the registry's.
    const listedOrder = lt.properties.map((lp) => lp.netName ?? lp.wireName).join(',');
    const registryOrder = own.map((p) => (lt.properties[0]?.netName !== undefined ? p.name : p.wireName)).join(',');
    for (const p of own) if (!seen.has(p.name)) problems.push(`${where}: ${lt.name}.${p.name} is in the registry but not in the listing`);
    if (problems.length === before && listedOrder !== registryOrder) problems.push(`${where}: ${lt.name} member order ${listedOrder} vs ${registryOrder}`);
  }
  return problems;
}
