import { usageError } from '../../errors.js';
import { typeLabel, type ClassDescriptor, type EnumDescriptor, type EnumMember, type PropertyDescriptor } from '../../schema/descriptors.js';
import { flag, type Parsed } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { requireType } from '../documents.js';
import { DESCRIBE_HELP } from '../help.js';
import { xmlRename } from './types.js';

/** JSON has no bigint: a value that fits a double exactly is a number, a wider one its decimal text. */
function enumValue(m: EnumMember): number | string {
  const n = Number(m.value);
  return Number.isSafeInteger(n) ? n : String(m.value);
}

/** What DataContract does differently for a member: its element name, order, default omission, IsRequired. */
function dataMemberNotes(p: PropertyDescriptor): string {
  const notes = [
    p.xmlName !== p.name ? `XML ${p.xmlName}` : '',
    p.order !== undefined ? `order ${p.order}` : '',
    p.emitDefaultValue ? '' : 'EmitDefaultValue=false',
    p.isRequired ? 'IsRequired' : '',
  ].filter(Boolean);
  return notes.length ? `[${notes.join(', ')}]` : '';
}

function describeClass(c: ClassDescriptor, first: number): object {
  return {
    name: c.name,
    kind: 'class',
    fullName: c.fullName,
    revision: c.revision,
    contractName: c.contractName,
    contractNamespace: c.contractNamespace,
    isValueType: c.isValueType,
    ...(c.description ? { description: c.description } : {}),
    ...(c.base ? { base: c.base.fullName } : {}),
    ...(c.dictionary ? { derivesFrom: typeLabel(c.dictionary) } : {}),
    ...(c.generic ? { generic: { definition: c.generic.definition, args: c.generic.args.map(typeLabel) } } : {}),
    ...(c.operation ? { operation: c.operation } : {}),
    properties: c.properties.map((p) => ({
      wireName: p.wireName,
      name: p.name,
      type: typeLabel(p.type),
      declaredBy: p.declaringType.name,
      xmlName: p.xmlName,
      ...(p.order !== undefined ? { order: p.order } : {}),
      ...(p.emitDefaultValue ? {} : { emitDefaultValue: false }),
      ...(p.isRequired ? { isRequired: true } : {}),
      ...(p.description ? { description: p.description } : {}),
      ...(p.since > first ? { since: p.since } : {}),
    })),
    xmlOrder: c.xmlProperties.map((p) => p.xmlName),
  };
}

function describeEnum(e: EnumDescriptor): object {
  return {
    name: e.name,
    kind: 'enum',
    fullName: e.fullName,
    isInt: e.isInt,
    isFlags: e.isFlags,
    contractName: e.contractName,
    contractNamespace: e.contractNamespace,
    ...(e.description ? { description: e.description } : {}),
    members: e.members.map((m) => ({ name: m.name, value: enumValue(m), wireText: m.wireText })),
  };
}

function check(p: Parsed): void {
  if (p.positionals.length !== 1) throw usageError('describe: name exactly one type (see dto-formats describe --help)');
}

async function run({ registry, schema, args: p, io }: CommandContext): Promise<number> {
  const t = requireType(schema, p.positionals[0]!);
  const first = registry.revisions[0]!;
  if (flag(p, 'json')) {
    io.out(JSON.stringify(t.kind === 'class' ? describeClass(t, first) : describeEnum(t), null, 2) + '\n');
    return 0;
  }
  const xml = xmlRename(t);
  if (t.kind === 'enum') {
    const traits = [t.isFlags ? '[Flags]: values combine members' : '', t.isInt ? 'JSON/JSV write numbers' : 'JSON/JSV write names'];
    io.out(`enum ${t.fullName}  (${traits.filter(Boolean).join('; ')})\n`);
    if (t.description) io.out(`  ${t.description}\n`);
    if (xml) io.out(`  ${xml}\n`);
    const width = Math.max(...t.members.map((m) => `${m.name} = ${m.value}`.length));
    for (const m of t.members) {
      const head = `${m.name} = ${m.value}`;
      io.out(`  ${m.wireText !== m.name ? `${head.padEnd(width)}  wire text "${m.wireText}"` : head}\n`);
    }
    return 0;
  }
  io.out(`${t.fullName}${t.base ? ` : ${t.base.fullName}` : ''}${t.dictionary ? ` : ${typeLabel(t.dictionary)}` : ''}  (revision ${schema.revision})\n`);
  if (t.description) io.out(`  ${t.description}\n`);
  if (t.isValueType) io.out('  struct: a .NET value type, never null (missing means default)\n');
  if (t.generic) io.out(`  generic: ${t.generic.definition}<${t.generic.args.map(typeLabel).join(',')}>\n`);
  if (xml) io.out(`  ${xml}\n`);
  if (t.operation) {
    for (const r of t.operation.routes) io.out(`  ${r.verb} ${r.path}${t.operation.returns ? ` → ${t.operation.returns}` : ''}\n`);
    if (t.operation.roles?.length) io.out(`  roles: ${t.operation.roles.join(', ')}${t.operation.requiresAuthentication ? ' (authentication required)' : ''}\n`);
  }
  if (t.properties.length) {
    io.out('\n  members (JSON/JSV order; XML: base class first, each class ordinally by element name, members with a DataMember Order after):\n');
    const rows = t.properties.map((p) => [
      p.wireName,
      p.name,
      typeLabel(p.type),
      p.declaringType === t ? '' : `(from ${p.declaringType.name})`,
      p.since > first ? `[since revision ${p.since}]` : '',
      dataMemberNotes(p),
      p.description ?? '',
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) {
      const extra = [r[3], r[4], r[5]].filter(Boolean).join(' ');
      io.out(`  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]!.padEnd(widths[2]!)}  ${[extra, r[6]].filter(Boolean).join('  ')}`.trimEnd() + '\n');
    }
  }
  return 0;
}

export const describe: Command = {
  name: 'describe',
  options: { revision: { type: 'string' }, json: { type: 'boolean' } },
  help: DESCRIBE_HELP,
  check,
  run,
};
