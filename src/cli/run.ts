/**
 * Dispatch and exit codes: 0 success, 1 invalid input, 2 usage error. Errors are one line on
 * stderr; a stack trace only with --debug, or for a bug (anything not ours).
 */
import { createRequire } from 'node:module';
import { DtoFormatError } from '../errors.js';
import { parse, revision } from './args.js';
import type { Command } from './command.js';
import { codegen } from './commands/codegen.js';
import { convert } from './commands/convert.js';
import { describe } from './commands/describe.js';
import { sample } from './commands/sample.js';
import { types } from './commands/types.js';
import { validate } from './commands/validate.js';
import { MAIN_HELP } from './help.js';
import { InputError } from './input.js';
import type { Io } from './io.js';
import { resolveRegistry, SCHEMA_OPTIONS } from './schema-options.js';

export const COMMANDS: Readonly<Record<string, Command>> = { convert, validate, sample, types, describe, codegen };

/**
 * Parses a command's arguments, checks what needs no registry, resolves the registry once
 * from --schema and the profile flags, and runs the command with it.
 */
async function runCommand(command: Command, argv: string[], io: Io): Promise<number> {
  const args = parse(command.name, argv, { ...SCHEMA_OPTIONS, ...command.options });
  if (args.values.help === true) {
    io.out(command.help + '\n');
    return 0;
  }
  command.check?.(args);
  const rev = 'revision' in command.options ? revision(args, command.name) : undefined;
  const registry = resolveRegistry(args, command.name);
  return command.run({ registry, schema: registry.at(rev), args, io });
}

export function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      if (name === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0])) return await runCommand(COMMANDS[rest[0]]!, ['--help'], io);
      io.out(MAIN_HELP + '\n');
      return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version') {
      io.out(`dto-formats ${version()}\n`);
      return 0;
    }
    // Own properties only: `dto-formats constructor` is an unknown command, not Object's.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      io.err(`dto-formats: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (see dto-formats --help)\n`);
      return 2;
    }
    return await runCommand(command, rest, io);
  } catch (e) {
    if (e instanceof DtoFormatError) {
      io.err(`dto-formats: ${e.message}\n`);
      if (debug && e.stack) io.err(e.stack + '\n');
      return e.code === 'usage' ? 2 : 1;
    }
    if (e instanceof InputError) {
      io.err(`dto-formats: ${e.message}\n`);
      return 1;
    }
    // Not an input or usage problem: a bug. Say so, with the trace (that is what a bug report needs).
    io.err(`dto-formats: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (e instanceof Error && e.stack) io.err(e.stack + '\n');
    return 70;
  }
}
