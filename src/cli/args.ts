/**
 * Argument parsing on top of `node:util.parseArgs`, turning its exceptions into one-line
 * usage errors (exit 2) and checking the values every command shares.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies OptionSpec;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parse(command: string, argv: string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '') : String(e);
    throw usageError(`${command}: ${message} (see dto-formats ${command} --help)`);
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** `--revision N`: a positive integer; whether the registry has it is checked by the registry. */
export function revision(p: Parsed, command: string): number | undefined {
  const raw = str(p, 'revision');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw usageError(`${command}: --revision takes a whole number, got "${raw}"`);
  return Number(raw);
}
