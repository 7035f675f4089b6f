import { usageError } from '../../errors.js';
import { defaultMapName, renderTypeScript } from '../../schema/typescript.js';
import { str, type Parsed } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { CODEGEN_HELP } from '../help.js';
import { checkWritable, pathId, writeFileAtomic } from '../input.js';
import { refuseInputAsOutput } from './convert.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function check(p: Parsed): void {
  if (p.positionals.length) throw usageError(`codegen: takes no FILE arguments (got "${p.positionals[0]}"); say --schema FILE for the metadata, -o FILE for the output`);
  const mapName = str(p, 'map-name');
  if (mapName !== undefined && !IDENTIFIER.test(mapName)) throw usageError(`codegen: --map-name must be a TypeScript identifier, got "${mapName}"`);
}

async function run({ registry, args: p, io }: CommandContext): Promise<number> {
  const text = renderTypeScript(registry, { mapName: str(p, 'map-name') ?? defaultMapName(registry.name) });
  const output = str(p, 'output');
  const schemaFile = str(p, 'schema');
  if (output !== undefined) {
    if (schemaFile !== undefined) refuseInputAsOutput(output, [{ id: pathId(schemaFile), name: `the --schema file ${schemaFile}` }], 'codegen');
    writeFileAtomic(output, text);
  } else {
    checkWritable(text, '<stdout>');
    io.out(text);
  }
  return 0;
}

export const codegen: Command = {
  name: 'codegen',
  options: { output: { type: 'string', short: 'o' }, 'map-name': { type: 'string' } },
  help: CODEGEN_HELP,
  check,
  run,
};
