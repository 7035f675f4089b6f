/**
 * The one place the CLI chooses its registry: `--schema FILE` (a `/types/metadata` or
 * `/metadata/app.json` document) or the built-in Evo Voice DTOs, with the host profile from
 * `--case`, `--enum-as-integer`, `--exclude-default-values`, `--include-null-values` and
 * `--contract-namespace` (their help: SCHEMA_HELP in help.ts). The dispatcher resolves it once and hands it to the command; no
 * command imports a registry.
 */
import { basename } from 'node:path';
import { evoVoice, evoVoiceDeclaration } from '../dtos/index.js';
import { DtoFormatError, schemaError, usageError } from '../errors.js';
import type { RegistryProfile, TextCase } from '../schema/descriptors.js';
import { parseMetadata } from '../schema/metadata.js';
import { createRegistry, type Registry } from '../schema/registry.js';
import { flag, str, type OptionSpec, type Parsed } from './args.js';
import { DEFAULT_MAX_BYTES, readFileText } from './input.js';

/** The options of every command that resolves a registry. */
export const SCHEMA_OPTIONS = {
  schema: { type: 'string' },
  case: { type: 'string' },
  'enum-as-integer': { type: 'boolean' },
  'exclude-default-values': { type: 'boolean' },
  'include-null-values': { type: 'boolean' },
  'contract-namespace': { type: 'string', multiple: true },
} as const satisfies OptionSpec;

const CASES: readonly TextCase[] = ['camel', 'pascal', 'snake'];

/** The profile switches the flags set; undefined when none is given (the registry's own defaults then). */
export function profileFromFlags(p: Parsed, command: string): Partial<RegistryProfile> | undefined {
  const profile: { -readonly [K in keyof RegistryProfile]?: RegistryProfile[K] } = {};
  const textCase = str(p, 'case');
  if (textCase !== undefined) {
    if (!(CASES as readonly string[]).includes(textCase)) throw usageError(`${command}: --case takes ${CASES.join(', ')}, got "${textCase}"`);
    profile.textCase = textCase as TextCase;
  }
  if (flag(p, 'enum-as-integer')) profile.treatEnumAsInteger = true;
  if (flag(p, 'exclude-default-values')) profile.excludeDefaultValues = true;
  if (flag(p, 'include-null-values')) profile.includeNullValues = true;
  const pairs = p.values['contract-namespace'];
  if (Array.isArray(pairs) && pairs.length) {
    const map: Record<string, string> = {};
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0 || eq === pair.length - 1) throw usageError(`${command}: --contract-namespace takes CLRNS=URI (e.g. MyApp.Dtos=http://example.org/types), got "${pair}"`);
      const ns = pair.slice(0, eq);
      if (map[ns] !== undefined) throw usageError(`${command}: --contract-namespace names ${ns} twice`);
      map[ns] = pair.slice(eq + 1);
    }
    profile.contractNamespaces = map;
  }
  return Object.keys(profile).length ? profile : undefined;
}

/** `zoo.metadata.json` → `zoo`: a loaded registry is named after its file. */
function registryName(path: string): string {
  const base = basename(path);
  const stem = base.split('.')[0];
  return stem ? stem : base;
}

/**
 * The registry the options name. A metadata file that cannot be read or resolved is invalid
 * input (exit 1) and the message names the file; a bad flag is a usage error (exit 2).
 */
export function resolveRegistry(p: Parsed, command: string): Registry {
  const profile = profileFromFlags(p, command);
  const file = str(p, 'schema');
  if (file === undefined) return profile ? createRegistry(evoVoiceDeclaration, { profile }) : evoVoice;
  const text = readFileText(file, DEFAULT_MAX_BYTES);
  try {
    return parseMetadata(text, profile ? { name: registryName(file), profile } : { name: registryName(file) });
  } catch (e) {
    if (e instanceof DtoFormatError && e.code === 'schema') throw schemaError(`${file}: ${oneLine(e.detail ?? e.message)}`);
    throw e;
  }
}

/** The CLI prints one line per error. */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}
