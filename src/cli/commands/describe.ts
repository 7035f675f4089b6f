import { evoVoice } from '../../dtos/index.js';
import { usageError } from '../../errors.js';
import { typeLabel, type ClassDescriptor, type EnumDescriptor } from '../../schema/descriptors.js';
import { flag, parse, revision } from '../args.js';
import { DESCRIBE_HELP } from '../help.js';
import type { Io } from '../io.js';

function describeClass(c: ClassDescriptor, first: number): object {
  return {
    name: c.name,
    kind: 'class',
    fullName: c.fullName,
    revision: c.revision,
    ...(c.description ? { description: c.description } : {}),
    ...(c.base ? { base: c.base.fullName } : {}),
    ...(c.dictionary ? { derivesFrom: typeLabel(c.dictionary) } : {}),
    ...(c.operation ? { operation: c.operation } : {}),
    properties: c.properties.map((p) => ({
      wireName: p.wireName,
      name: p.name,
      type: typeLabel(p.type),
      declaredBy: p.declaringType.name,
      ...(p.description ? { description: p.description } : {}),
      ...(p.since > first ? { since: p.since } : {}),
    })),
  };
}

function describeEnum(e: EnumDescriptor): object {
  return { name: e.name, kind: 'enum', fullName: e.fullName, members: e.members };
}

export async function describe(argv: string[], io: Io): Promise<number> {
  const p = parse('describe', argv, { revision: { type: 'string' }, json: { type: 'boolean' } });
  if (flag(p, 'help')) {
    io.out(DESCRIBE_HELP + '\n');
    return 0;
  }
  if (p.positionals.length !== 1) throw usageError('describe: name exactly one type (see dto-formats describe --help)');
  const schema = evoVoice.at(revision(p, 'describe'));
  const t = schema.require(p.positionals[0]!);
  const first = evoVoice.revisions[0]!;
  if (flag(p, 'json')) {
    io.out(JSON.stringify(t.kind === 'class' ? describeClass(t, first) : describeEnum(t), null, 2) + '\n');
    return 0;
  }
  if (t.kind === 'enum') {
    io.out(`enum ${t.fullName}\n`);
    for (const m of t.members) io.out(`  ${m.name} = ${m.value}\n`);
    return 0;
  }
  io.out(`${t.fullName}${t.base ? ` : ${t.base.fullName}` : ''}${t.dictionary ? ` : ${typeLabel(t.dictionary)}` : ''}  (revision ${schema.revision})\n`);
  if (t.description) io.out(`  ${t.description}\n`);
  if (t.operation) {
    for (const r of t.operation.routes) io.out(`  ${r.verb} ${r.path}${t.operation.returns ? ` → ${t.operation.returns}` : ''}\n`);
    if (t.operation.roles?.length) io.out(`  roles: ${t.operation.roles.join(', ')}${t.operation.requiresAuthentication ? ' (authentication required)' : ''}\n`);
  }
  if (t.properties.length) {
    io.out('\n  members (JSON/JSV order; XML sorts base members first, then by .NET name):\n');
    const rows = t.properties.map((p) => [p.wireName, p.name, typeLabel(p.type), p.declaringType === t ? '' : `(from ${p.declaringType.name})`, p.since > first ? `[since revision ${p.since}]` : '', p.description ?? '']);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) {
      const extra = [r[3], r[4]].filter(Boolean).join(' ');
      io.out(`  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${[extra, r[5]].filter(Boolean).join('  ')}`.trimEnd() + '\n');
    }
  }
  return 0;
}
