/** Carrying a value through a sequence of wire forms. */
import type { TypeDescriptor } from '../../../src/schema/descriptors.js';
import type { WireForm } from './formats.js';

export interface Lap {
  /** The document each form wrote, in order. */
  readonly texts: string[];
  /** The value each form read back, in order. */
  readonly values: unknown[];
  readonly last: unknown;
}

/** value → form[0] → value → form[1] → …: every document and every value read. */
export function lap(forms: readonly WireForm[], type: TypeDescriptor, value: unknown): Lap {
  const texts: string[] = [];
  const values: unknown[] = [];
  let v = value;
  for (const f of forms) {
    const text = f.encode(type, v);
    v = f.decode(type, text);
    texts.push(text);
    values.push(v);
  }
  return { texts, values, last: v };
}

export const chainLabel = (forms: readonly WireForm[]): string => forms.map((f) => f.label.replace(' compact', '')).join(' → ');
