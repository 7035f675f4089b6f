import { DtoFormatError, usageError } from '../../errors.js';
import { codecs } from '../../formats/index.js';
import { flag, str, type Parsed } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { chooseInputCodec, chooseType, requireClassType, requireCodec } from '../documents.js';
import { VALIDATE_HELP } from '../help.js';
import { expandInputs, InputError, readFileText } from '../input.js';
import { codecOptions, maxSize } from './convert.js';

const OPTIONS = {
  type: { type: 'string' },
  from: { type: 'string' },
  revision: { type: 'string' },
  strict: { type: 'boolean' },
  lenient: { type: 'boolean' },
  'max-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** `file:line:col: path: message`, the shape editors and compilers use. */
function report(file: string, e: DtoFormatError): string {
  const pos = e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}` : file;
  const where = e.typeName !== undefined ? (e.path ? `${e.typeName}.${e.path}`.replace(/\.\[/g, '[') : e.typeName) : undefined;
  const parts = [e.expected !== undefined ? `expected ${e.expected}` : '', e.found !== undefined ? `got ${e.found}` : ''].filter(Boolean);
  let msg = parts.join(', ');
  if (e.detail) msg = msg ? `${msg} (${e.detail})` : e.detail;
  if (!msg) msg = e.message;
  return `${pos}: ${where ? `${where}: ` : ''}${msg} [${e.format ?? 'input'} ${e.code}]`;
}

function check(p: Parsed): void {
  if (p.positionals.length === 0) throw usageError('validate: name at least one FILE or DIR (see dto-formats validate --help)');
  if (str(p, 'from') !== undefined) requireCodec(str(p, 'from')!, '--from');
  codecOptions(p, 'validate');
  maxSize(p, 'validate');
}

async function run({ schema, args: p, io }: CommandContext): Promise<number> {
  if (str(p, 'type') !== undefined) requireClassType(schema, str(p, 'type')!);
  const { decode } = codecOptions(p, 'validate');
  const max = maxSize(p, 'validate');
  const { files } = expandInputs(p.positionals, codecs.flatMap((c) => c.extensions));
  let bad = 0;
  for (const f of files) {
    try {
      if (f.error) throw f.error;
      const text = readFileText(f.path, max);
      const codec = chooseInputCodec(str(p, 'from'), f.path, text).value;
      const type = chooseType(schema, str(p, 'type'), codec, text, f.path).value;
      codec.decode(type, text, decode);
      if (!flag(p, 'quiet')) io.out(`${f.path}: valid ${type.name} (${codec.name}, revision ${schema.revision})\n`);
    } catch (e) {
      bad++;
      if (e instanceof InputError) io.out(`${e.message}\n`);
      // A usage error here (no --type for JSON, an unknown format) already names the file.
      else if (e instanceof DtoFormatError) io.out(e.code === 'usage' ? `${e.message}\n` : `${report(f.path, e)}\n`);
      else throw e;
    }
  }
  if (files.length > 1) io.err(`${files.length - bad} valid, ${bad} invalid\n`);
  return bad ? 1 : 0;
}

export const validate: Command = { name: 'validate', options: OPTIONS, help: VALIDATE_HELP, check, run };
