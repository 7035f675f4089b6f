import { clrNamespaceUri } from '../../schema/data-contract.js';
import type { NamedTypeDescriptor } from '../../schema/descriptors.js';
import { flag } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { TYPES_HELP } from '../help.js';

/** What a type is, as a short phrase: request (with its routes), response, struct, enum (int, [Flags])… */
export function role(t: NamedTypeDescriptor, responses: ReadonlySet<string>): string {
  if (t.kind === 'enum') return t.isFlags ? 'enum [Flags]' : t.isInt ? 'enum (written as numbers)' : 'enum';
  if (t.operation) return `request  ${t.operation.routes.map((r) => `${r.verb} ${r.path}`).join(', ')}`.trimEnd();
  if (responses.has(t.name) || responses.has(t.fullName)) return 'response';
  return t.dictionary ? 'dictionary' : t.isValueType ? 'struct' : 'class';
}

/** The XML name and namespace when they are not the .NET ones ([DataContract], nesting, generics, --contract-namespace). */
export function xmlRename(t: NamedTypeDescriptor): string | undefined {
  if (t.contractName === t.name && t.contractNamespace === clrNamespaceUri(t.namespace)) return undefined;
  return `XML ${t.contractName} in ${t.contractNamespace}`;
}

export function responseNames(schema: CommandContext['schema']): Set<string> {
  return new Set(schema.operations().map((c) => c.operation?.returns).filter((n): n is string => !!n));
}

async function run({ registry, schema, args: p, io }: CommandContext): Promise<number> {
  const responses = responseNames(schema);
  if (flag(p, 'json')) {
    const rows = schema.types.map((t) => ({
      name: t.name,
      kind: t.kind,
      namespace: t.namespace,
      fullName: t.fullName,
      contractName: t.contractName,
      contractNamespace: t.contractNamespace,
      ...(t.kind === 'enum' ? { isInt: t.isInt, isFlags: t.isFlags } : { isValueType: t.isValueType }),
      ...(t.kind === 'class' && t.generic ? { generic: t.generic.definition } : {}),
      ...(t.kind === 'class' && t.operation ? { operation: t.operation } : {}),
      ...(responses.has(t.name) ? { response: true } : {}),
    }));
    io.out(JSON.stringify({ registry: registry.name, revision: schema.revision, types: rows }, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...schema.types.map((t) => t.name.length));
  const nsWidth = Math.max(...schema.types.map((t) => t.namespace.length));
  for (const t of schema.types) {
    const extra = [role(t, responses), xmlRename(t)].filter(Boolean).join('  ');
    io.out(`${t.name.padEnd(width)}  ${t.namespace.padEnd(nsWidth)}  ${extra}\n`);
  }
  return 0;
}

export const types: Command = {
  name: 'types',
  options: { revision: { type: 'string' }, json: { type: 'boolean' } },
  help: TYPES_HELP,
  run,
};
