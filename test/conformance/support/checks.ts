/** The assertions the properties share, each failing with the evidence (value path and document). */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import {
  dtoArbitrary,
  expectedAfter,
  firstDifference,
  instanceProblems,
  jsvPrettyCanCarry,
  type WireFormat,
} from '../../../src/arbitrary/index.js';
import type { TypeDescriptor } from '../../../src/schema/descriptors.js';
import type { WireForm } from './formats.js';

/** Shows a document in a failure message: JSON-quoted so whitespace and controls are visible. */
export function shown(text: string, max = 4000): string {
  const q = JSON.stringify(text);
  return q.length > max ? `${q.slice(0, max)}… (${text.length} characters)` : q;
}

export function failWith(message: string, ...documents: [string, string][]): never {
  throw new Error([message, ...documents.map(([label, text]) => `${label}: ${shown(text)}`)].join('\n'));
}

/**
 * Values a form can carry: both value shapes (decoded, and sparse encoder input), the
 * format's character set, and for JSV pretty only what `jsvPrettyCanCarry` admits.
 */
export function valuesFor(format: WireFormat | 'all', type: TypeDescriptor, prettyJsv = false): Arbitrary<unknown> {
  const arb = fc.oneof(dtoArbitrary(type, { format, shape: 'decoded' }), dtoArbitrary(type, { format, shape: 'input' }));
  return prettyJsv ? arb.filter((v) => jsvPrettyCanCarry(type, v)) : arb;
}

export function valuesForForm(form: WireForm, type: TypeDescriptor): Arbitrary<unknown> {
  return valuesFor(form.format, type, form.id === 'jsv-pretty');
}

/** Fails unless `value` is a complete decoded instance of `type`. */
export function assertInstance(type: TypeDescriptor, value: unknown, context: string, document?: string): void {
  const problems = instanceProblems(type, value);
  if (problems.length > 0) {
    failWith(`${context}: not a valid instance:\n  ${problems.join('\n  ')}`, ...(document === undefined ? [] : [['document', document] as [string, string]]));
  }
}

/** decode(encode(v)) is `expectedAfter(format, v)` and a valid instance; returns the text and the value read. */
export function assertRoundTrip(form: WireForm, type: TypeDescriptor, value: unknown): { text: string; back: unknown } {
  const text = form.encode(type, value);
  const back = form.decode(type, text);
  const diff = firstDifference(type, back, expectedAfter(form.format, type, value));
  if (diff !== undefined) failWith(`${form.label}: decode(encode(v)) differs at ${diff}`, [form.label, text]);
  assertInstance(type, back, `${form.label}: decode(encode(v))`, text);
  return { text, back };
}

/** Fails when two values of `type` differ. */
export function assertSame(type: TypeDescriptor, actual: unknown, expected: unknown, context: string, ...documents: [string, string][]): void {
  const diff = firstDifference(type, actual, expected);
  if (diff !== undefined) failWith(`${context}: differs at ${diff}`, ...documents);
}
