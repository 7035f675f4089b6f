/**
 * What `convert` and `validate` share: choosing the input format (flag, extension, sniffing)
 * and the DTO type (flag, or the document's own root for formats that carry it).
 */
import { extname } from 'node:path';
import { usageError } from '../errors.js';
import { codecByExtension, codecByName, codecs, type AnyCodec } from '../formats/index.js';
import type { ClassDescriptor, NamedTypeDescriptor } from '../schema/descriptors.js';
import type { Schema } from '../schema/registry.js';

export function requireCodec(name: string, flagName: string): AnyCodec {
  const c = codecByName(name);
  if (!c) throw usageError(`unknown format "${name}" for ${flagName}; choose one of ${codecs.map((x) => x.name).join(', ')}`);
  return c;
}

export interface Choice<T> {
  value: T;
  reason: string;
}

/** --from, else the file extension, else the codec most sure of the content. */
export function chooseInputCodec(from: string | undefined, path: string | undefined, text: string): Choice<AnyCodec> {
  if (from !== undefined) return { value: requireCodec(from, '--from'), reason: '--from' };
  if (path !== undefined) {
    const byExt = codecByExtension(extname(path).toLowerCase());
    if (byExt) return { value: byExt, reason: `file extension ${extname(path)}` };
  }
  let best: { codec: AnyCodec; score: number; reason: string } | undefined;
  for (const c of codecs) {
    const s = c.sniff?.(text);
    if (s && s.score > 0 && (!best || s.score > best.score)) best = { codec: c, score: s.score, reason: s.reason };
  }
  if (!best) {
    throw usageError(`${path ?? '<stdin>'}: cannot tell the format from the content; say --from ${codecs.map((x) => x.name).join('|')}`);
  }
  return { value: best.codec, reason: `content: ${best.reason}` };
}

/**
 * A type by the name a user types: short (`Inner`), .NET full (`Zoo.Types.Outer.Inner`), or
 * the trailing part of a full name on a dot (`Outer.Inner`, how C# spells a nested type inside
 * its namespace); a reflection `+` (`Outer+Inner`) is read as a dot. Anything else, or a name
 * two types share, is the registry's usage error (which lists the full names).
 */
export function requireType(schema: Schema, name: string): NamedTypeDescriptor {
  const dotted = name.replace(/\+/g, '.');
  const exact = schema.get(dotted);
  if (exact) return exact;
  if (dotted.includes('.')) {
    const tail = schema.types.filter((t) => t.fullName.endsWith(`.${dotted}`));
    if (tail.length === 1) return tail[0]!;
  }
  return schema.require(name);
}

export function requireClassType(schema: Schema, name: string): ClassDescriptor {
  const t = requireType(schema, name);
  return t.kind === 'class' ? t : schema.requireClass(t.fullName);
}

/** --type, else the type the document names (XML root), else a usage error listing candidates. */
export function chooseType(schema: Schema, typeName: string | undefined, codec: AnyCodec, text: string, where: string): Choice<ClassDescriptor> {
  if (typeName !== undefined) return { value: requireClassType(schema, typeName), reason: '--type' };
  const named = codec.detectType?.(schema, text);
  if (named?.kind === 'class') return { value: named, reason: `the document's root names ${named.fullName}` };
  const requests = schema.operations().map((c) => c.name);
  const responses = [...new Set(schema.operations().map((c) => c.operation?.returns).filter((n): n is string => !!n))];
  const candidates = [...requests, ...responses.filter((r) => !requests.includes(r))];
  const carries = codec.detectType ? 'its root element names no registered type' : `${codec.label} documents do not name their type`;
  throw usageError(`${where}: say --type NAME (${carries}); request/response types: ${candidates.join(', ')}; all types: dto-formats types`);
}
