/**
 * Renders TypeScript declarations for a registry's DTOs (the JS shape every codec reads
 * and writes: wire names, enums as member-name strings, lists as arrays, dictionaries as
 * plain objects). `src/dtos/types.ts` is this function's output for the Evo Voice registry,
 * checked by a test so the file can never drift from the declarations.
 */
import { typeLabel, type ClassDescriptor, type NamedTypeDescriptor, type TypeDescriptor } from './descriptors.js';
import type { Registry } from './registry.js';

function tsType(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
      return t.tsType;
    case 'enum':
    case 'class':
      return t.name;
    case 'nullable':
      return `${tsType(t.of)} | null`;
    case 'list': {
      const el = tsType(t.of);
      return t.of.isValueType ? `${el}[]` : `(${el} | null)[]`;
    }
    case 'dictionary':
      return `{ [key: string]: ${tsType(t.value)}${t.value.isValueType ? '' : ' | null'} }`;
  }
}

function doc(lines: string[], indent: string): string {
  const body = lines.filter((l) => l.length > 0);
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

function renderClass(c: ClassDescriptor, first: number): string {
  const head = [c.description ?? '', `.NET \`${c.fullName}\``];
  if (c.operation) {
    for (const r of c.operation.routes) head.push(`\`${r.verb} ${r.path}\``);
    if (c.operation.returns) head.push(`Returns {@link ${c.operation.returns}}.`);
  }
  let s = doc(head, '');
  if (c.dictionary) {
    return `${s}export interface ${c.name} ${tsType(c.dictionary).replace(/^\{ /, '{\n  ').replace(/ \}$/, ';\n}')}\n`;
  }
  s += `export interface ${c.name}${c.base ? ` extends ${c.base.name}` : ''} {\n`;
  for (const p of c.ownProperties) {
    const lines = [p.description ?? '', `.NET \`${p.name}\`: \`${typeLabel(p.type)}\``];
    if (p.since > first) lines.push(`@since revision ${p.since}`);
    s += doc(lines, '  ');
    const nullable = p.type.isValueType ? '' : ' | null';
    const type = p.type.kind === 'nullable' ? tsType(p.type) : tsType(p.type) + nullable;
    s += `  ${p.wireName}?: ${type};\n`;
  }
  return `${s}}\n`;
}

function renderNamed(t: NamedTypeDescriptor, first: number): string {
  if (t.kind === 'class') return renderClass(t, first);
  const members = t.members.map((m) => `'${m.name}'`).join(' | ');
  return `${doc([t.description ?? '', `.NET enum \`${t.fullName}\` (${t.members.map((m) => `${m.name} = ${m.value}`).join(', ')})`], '')}export type ${t.name} = ${members};\n`;
}

/** The TypeScript module text: one interface/type per DTO (latest revision) and a name → type map. */
export function renderTypeScript(registry: Registry, mapName: string): string {
  const schema = registry.at();
  const first = registry.revisions[0]!;
  let s = `// Generated from the ${registry.name} registry by \`npm run gen:types\`; do not edit.\n`;
  s += `// Members are those of the latest revision (${registry.latest}); \`@since\` marks newer ones.\n\n`;
  for (const t of schema.types) s += renderNamed(t, first) + '\n';
  s += `/** Every ${registry.name} type by name: the typed codec API is keyed by it. */\n`;
  s += `export interface ${mapName} {\n`;
  for (const t of schema.types) s += `  ${t.name}: ${t.name};\n`;
  s += '}\n';
  return s;
}
