/**
 * Test helpers for the JSON codec: the oracle vectors, the reference value model, what
 * ServiceStack makes of a value, and a loose reader for ServiceStack JSON (bare NaN/Infinity)
 * that keeps each number's text. Written independently of the codec so the suites do not
 * check the codec against itself.
 */
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';

export { loadVectors, type Vector } from '../support/vectors.js';

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * The value model of a vector's `dto.json` (parsed with `JSON.parse`): the same tree, with
 * the quoted `"NaN"`/`"Infinity"`/`"-Infinity"` of Double members turned into numbers.
 */
export function referenceValue(t: TypeDescriptor, raw: unknown): unknown {
  if (raw === null || raw === undefined) return raw;
  switch (t.kind) {
    case 'scalar':
      return t.name === 'Double' && typeof raw === 'string' ? NON_FINITE[raw] : raw;
    case 'enum':
      return raw;
    case 'nullable':
      return referenceValue(t.of, raw);
    case 'list':
      return (raw as unknown[]).map((e) => referenceValue(t.of, e));
    case 'dictionary':
      return mapEntries(raw, (v) => referenceValue(t.value, v), false);
    case 'class':
      if (t.dictionary) return mapEntries(raw, (v) => referenceValue(t.dictionary!.value, v), false);
      return classEntries(t, raw, referenceValue);
  }
}

/** A class instance as the .NET default constructor leaves it (what `{}` reads as). */
export function defaultsOf(c: ClassDescriptor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of c.properties) {
    const t = p.type;
    if (t.kind === 'scalar' && t.isValueType) out[p.wireName] = t.name === 'Boolean' ? false : 0;
    else if (t.kind === 'enum') out[p.wireName] = t.members.find((m) => m.value === 0n)!.name;
  }
  return out;
}

/**
 * What the value becomes in ServiceStack JSON: null dictionary values are omitted by the
 * writer, and a null POCO list element is written `{}` (`'written'`), which reads back as a
 * default instance (`'read'`).
 */
export function serviceStackView(t: TypeDescriptor, v: unknown, stage: 'written' | 'read'): unknown {
  if (v === null || v === undefined) return v;
  switch (t.kind) {
    case 'scalar':
    case 'enum':
      return v;
    case 'nullable':
      return serviceStackView(t.of, v, stage);
    case 'list': {
      const el = t.of;
      return (v as unknown[]).map((e) =>
        e === null && el.kind === 'class' && !el.dictionary
          ? stage === 'written'
            ? {}
            : defaultsOf(el)
          : serviceStackView(el, e, stage),
      );
    }
    case 'dictionary':
      return mapEntries(v, (x) => serviceStackView(t.value, x, stage), true);
    case 'class':
      if (t.dictionary) return mapEntries(v, (x) => serviceStackView(t.dictionary!.value, x, stage), true);
      return classEntries(t, v, (pt, x) => serviceStackView(pt, x, stage));
  }
}

function mapEntries(v: unknown, f: (x: unknown) => unknown, dropNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === null && dropNulls) continue;
    Object.defineProperty(out, k, { value: x === null ? null : f(x), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function classEntries(
  c: ClassDescriptor,
  v: unknown,
  f: (t: TypeDescriptor, x: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byWire = new Map(c.properties.map((p) => [p.wireName, p]));
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = byWire.get(k);
    if (!p) throw new Error(`reference has unknown member ${c.name}.${k}`);
    out[k] = f(p.type, x);
  }
  return out;
}

/** Recursively, the key order of every object (arrays by index), for order assertions. */
export function keyOrder(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(keyOrder);
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).map(([k, x]) => [k, keyOrder(x)]);
  }
  return null;
}

export interface Loose {
  readonly value: unknown;
  /** The text of every number token, in document order (NaN/Infinity included). */
  readonly numbers: string[];
}

/**
 * Reads ServiceStack JSON: standard JSON plus bare `NaN`, `Infinity`, `-Infinity`. Strings
 * are decoded with `JSON.parse`, so escapes are checked by the platform's parser.
 */
export function parseLoose(text: string): Loose {
  let i = 0;
  const numbers: string[] = [];
  const ws = (): void => {
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        if (text[i++] !== ':') throw new Error(`':' expected at ${i - 1}`);
        Object.defineProperty(o, k, { value: value(), enumerable: true, writable: true, configurable: true });
        ws();
        const d = text[i++];
        if (d === '}') return o;
        if (d !== ',') throw new Error(`',' or '}' expected at ${i - 1}`);
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        const d = text[i++];
        if (d === ']') return a;
        if (d !== ',') throw new Error(`',' or ']' expected at ${i - 1}`);
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?Infinity|NaN|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) throw new Error(`value expected at ${i}: ${text.slice(i, i + 20)}`);
    i += m[0].length;
    switch (m[0]) {
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
    }
    numbers.push(m[0]);
    return m[0] in NON_FINITE ? NON_FINITE[m[0]] : Number(m[0]);
  };
  const str = (): string => {
    if (text[i] !== '"') throw new Error(`string expected at ${i}`);
    let j = i + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    const s = JSON.parse(text.slice(i, j + 1)) as string;
    i = j + 1;
    return s;
  };
  const v = value();
  ws();
  if (i !== text.length) throw new Error(`trailing text at ${i}`);
  return { value: v, numbers };
}

export { catchDtoError } from '../support/errors.js';
