import { evoVoice } from '../../dtos/index.js';
import { usageError } from '../../errors.js';
import { codecs } from '../../formats/index.js';
import { sampleValue, type RecursiveTypeSamples } from '../../schema/sample.js';
import { flag, parse, revision, str } from '../args.js';
import { requireCodec } from '../documents.js';
import { SAMPLE_HELP } from '../help.js';
import type { Io } from '../io.js';
import { codecOptions } from './convert.js';

const OPTIONS = {
  format: { type: 'string' },
  revision: { type: 'string' },
  pretty: { type: 'boolean' },
  'no-declaration': { type: 'boolean' },
  newline: { type: 'string' },
  data: { type: 'string' },
} as const;

export async function sample(argv: string[], io: Io): Promise<number> {
  const p = parse('sample', argv, OPTIONS);
  if (flag(p, 'help')) {
    io.out(SAMPLE_HELP + '\n');
    return 0;
  }
  if (p.positionals.length !== 1) throw usageError('sample: name exactly one type (see dto-formats sample --help)');
  const formatName = str(p, 'format');
  if (formatName === undefined) throw usageError(`sample: --format FORMAT is required (${codecs.map((c) => c.name).join(', ')})`);
  const codec = requireCodec(formatName, '--format');
  const data = str(p, 'data') ?? 'populated';
  if (data !== 'populated' && data !== 'nil') throw usageError(`sample: --data takes populated or nil, got "${data}"`);
  const schema = evoVoice.at(revision(p, 'sample'));
  const type = schema.requireClass(p.positionals[0]!);
  const value = sampleValue(type, { recursiveTypes: data as RecursiveTypeSamples });
  const text = codec.encode(type, value, codecOptions(p, 'sample').encode);
  io.out(io.outIsTTY ? text + '\n' : text);
  return 0;
}
