import { evoVoice } from '../../dtos/index.js';
import type { NamedTypeDescriptor } from '../../schema/descriptors.js';
import { flag, parse, revision } from '../args.js';
import { TYPES_HELP } from '../help.js';
import type { Io } from '../io.js';

function role(t: NamedTypeDescriptor, responses: Set<string>): string {
  if (t.kind === 'enum') return 'enum';
  if (t.operation) return `request  ${t.operation.routes.map((r) => `${r.verb} ${r.path}`).join(', ')}`;
  if (responses.has(t.name)) return 'response';
  return t.dictionary ? 'dictionary' : 'class';
}

export async function types(argv: string[], io: Io): Promise<number> {
  const p = parse('types', argv, { revision: { type: 'string' }, json: { type: 'boolean' } });
  if (flag(p, 'help')) {
    io.out(TYPES_HELP + '\n');
    return 0;
  }
  const schema = evoVoice.at(revision(p, 'types'));
  const responses = new Set(schema.operations().map((c) => c.operation?.returns).filter((n): n is string => !!n));
  if (flag(p, 'json')) {
    const rows = schema.types.map((t) => ({
      name: t.name,
      kind: t.kind,
      namespace: t.namespace,
      fullName: t.fullName,
      ...(t.kind === 'class' && t.operation ? { operation: t.operation } : {}),
      ...(responses.has(t.name) ? { response: true } : {}),
    }));
    io.out(JSON.stringify({ registry: evoVoice.name, revision: schema.revision, types: rows }, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...schema.types.map((t) => t.name.length));
  const nsWidth = Math.max(...schema.types.map((t) => t.namespace.length));
  for (const t of schema.types) {
    io.out(`${t.name.padEnd(width)}  ${t.namespace.padEnd(nsWidth)}  ${role(t, responses)}\n`);
  }
  return 0;
}
