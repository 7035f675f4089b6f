/**
 * What a CLI command is: its options, its help and a function of the registry the
 * dispatcher resolved from `--schema` and the profile flags (src/cli/schema-options.ts).
 */
import type { Registry, Schema } from '../schema/registry.js';
import type { OptionSpec, Parsed } from './args.js';
import type { Io } from './io.js';

export interface CommandContext {
  /** The registry of `--schema` (default: the built-in Evo Voice DTOs), with the profile flags applied. */
  readonly registry: Registry;
  /** Its revision `--revision` names (the latest when absent or when the command takes none). */
  readonly schema: Schema;
  readonly args: Parsed;
  readonly io: Io;
}

export interface Command {
  readonly name: string;
  /** The command's own options; the schema options and --help/--debug are added to them. */
  readonly options: OptionSpec;
  readonly help: string;
  /**
   * Checks what needs no registry (required flags, option values), so that a typo is a usage
   * error before any schema file is read. Optional.
   */
  check?(args: Parsed): void;
  run(context: CommandContext): Promise<number>;
}
