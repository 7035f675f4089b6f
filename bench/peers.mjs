// The peers' schemas for a DTO, derived from its descriptor so they describe exactly the
// document dto-formats handles: a JSON Schema for fast-json-stringify and a zod schema for
// `JSON.parse` + validation. Bench-only code: the peers are the comparison, not a dependency.
import fastJsonStringify from 'fast-json-stringify';
import { z } from 'zod';

const INTEGERS = new Set(['Byte', 'SByte', 'Int16', 'UInt16', 'Int32', 'UInt32']);

/** fast-json-stringify's JSON Schema for a descriptor; named classes become definitions (Struct ⇄ Value recurse). */
export function jsonSchemaOf(root) {
  const definitions = {};
  const of = (t) => {
    switch (t.kind) {
      case 'scalar':
        if (t.name === 'Boolean') return { type: 'boolean' };
        if (INTEGERS.has(t.name)) return { type: 'integer' };
        if (t.name === 'Double' || t.name === 'Single') return { type: 'number' };
        return { type: 'string' };
      case 'enum':
        return { type: 'string' };
      case 'nullable':
        return orNull(of(t.of));
      case 'list':
        return { type: 'array', items: member(t.of) };
      case 'dictionary':
        return { type: 'object', additionalProperties: member(t.value) };
      case 'class': {
        if (!(t.name in definitions)) {
          definitions[t.name] = {};
          definitions[t.name] = t.dictionary
            ? { type: 'object', additionalProperties: member(t.dictionary.value) }
            : { type: 'object', properties: Object.fromEntries(t.properties.map((p) => [p.wireName, member(p.type)])) };
        }
        return { $ref: `#/definitions/${t.name}` };
      }
    }
    throw new Error(`no JSON Schema for ${t.kind}`);
  };
  const orNull = (s) => (s.type ? { ...s, type: [s.type, 'null'] } : { anyOf: [s, { type: 'null' }] });
  // Reference-typed members, elements and values may be null in the value model.
  const member = (t) => (t.isValueType || t.kind === 'nullable' ? of(t) : orNull(of(t)));
  const top = of(root);
  return { ...top, definitions };
}

export function fastJsonStringifyFor(descriptor) {
  return fastJsonStringify(jsonSchemaOf(descriptor));
}

/** A zod schema for a descriptor: optional members, nullable references, lazy recursion. */
export function zodSchemaOf(root) {
  const named = new Map();
  const of = (t) => {
    switch (t.kind) {
      case 'scalar':
        if (t.name === 'Boolean') return z.boolean();
        if (INTEGERS.has(t.name)) return z.number().int();
        if (t.name === 'Double' || t.name === 'Single') return z.number();
        return z.string();
      case 'enum':
        return z.enum(t.members.map((m) => m.name));
      case 'nullable':
        return of(t.of).nullable();
      case 'list':
        return z.array(t.of.isValueType ? of(t.of) : of(t.of).nullable());
      case 'dictionary':
        return z.record(z.string(), of(t.value).nullable());
      case 'class': {
        let s = named.get(t);
        if (!s) {
          s = z.lazy(() => built);
          named.set(t, s);
          const built = t.dictionary
            ? z.record(z.string(), of(t.dictionary.value).nullable())
            : z.object(Object.fromEntries(t.properties.map((p) => [p.wireName, (p.type.isValueType ? of(p.type) : of(p.type).nullable()).optional()])));
          return built;
        }
        return s;
      }
    }
    throw new Error(`no zod schema for ${t.kind}`);
  };
  return of(root);
}
