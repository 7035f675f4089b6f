import { usageError } from '../../errors.js';
import { codecs } from '../../formats/index.js';
import { sampleValue, type RecursiveTypeSamples } from '../../schema/sample.js';
import { str, type Parsed } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { requireClassType, requireCodec } from '../documents.js';
import { SAMPLE_HELP } from '../help.js';
import { checkWritable } from '../input.js';
import { codecOptions } from './convert.js';

const OPTIONS = {
  format: { type: 'string' },
  revision: { type: 'string' },
  pretty: { type: 'boolean' },
  'no-declaration': { type: 'boolean' },
  newline: { type: 'string' },
  data: { type: 'string' },
} as const;

function check(p: Parsed): void {
  if (p.positionals.length !== 1) throw usageError('sample: name exactly one type (see dto-formats sample --help)');
  const formatName = str(p, 'format');
  if (formatName === undefined) throw usageError(`sample: --format FORMAT is required (${codecs.map((c) => c.name).join(', ')})`);
  requireCodec(formatName, '--format');
  const data = str(p, 'data') ?? 'populated';
  if (data !== 'populated' && data !== 'nil') throw usageError(`sample: --data takes populated or nil, got "${data}"`);
  codecOptions(p, 'sample');
}

async function run({ schema, args: p, io }: CommandContext): Promise<number> {
  const codec = requireCodec(str(p, 'format')!, '--format');
  const type = requireClassType(schema, p.positionals[0]!);
  const value = sampleValue(type, { recursiveTypes: (str(p, 'data') ?? 'populated') as RecursiveTypeSamples });
  const text = codec.encode(type, value, codecOptions(p, 'sample').encode);
  checkWritable(text, '<stdout>');
  io.out(io.outIsTTY ? text + '\n' : text);
  return 0;
}

export const sample: Command = { name: 'sample', options: OPTIONS, help: SAMPLE_HELP, check, run };
