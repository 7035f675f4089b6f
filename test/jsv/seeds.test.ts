/**
 * The four JSV bodies of the seed metadata pages (revision 1): each reads and writes back,
 * in the pretty layout, to itself, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { decodeJsv, encodeJsv, jsvCodec } from '../../src/formats/jsv/index.js';
import { fixture } from './helpers.js';

const bodies = [
  ['NewCustomer', 'seeds/NewCustomer.request.rev1.jsv'],
  ['CustomerInfo', 'seeds/CustomerInfo.response.rev1.seed001.jsv'],
  ['PatchCustomer', 'seeds/PatchCustomer.request.rev1.jsv'],
  ['CustomerInfo', 'seeds/CustomerInfo.response.rev1.seed002.jsv'],
] as const;

describe.each(bodies)('%s (%s)', (name, file) => {
  const type = evoVoice.at(1).require(name);
  const text = fixture(file);

  it('is the pretty layout the writer produces from what the reader makes of it', () => {
    expect(encodeJsv(type, decodeJsv(type, text), { pretty: true })).toBe(text);
  });

  it('reads the same from its compact form, and the compact form is stable', () => {
    const value = decodeJsv(type, text);
    const compact = encodeJsv(type, value);
    expect(compact).not.toMatch(/[\t\n]/);
    expect(decodeJsv(type, compact)).toEqual(value);
    expect(encodeJsv(type, decodeJsv(type, compact))).toBe(compact);
  });

  it('reads the CRLF variant of the page the same', () => {
    expect(decodeJsv(type, text.replace(/\n/g, '\r\n'))).toEqual(decodeJsv(type, text));
  });

  it('is recognized as JSV from its first characters', () => {
    expect(jsvCodec.sniff!(text).score).toBeGreaterThan(0.8);
  });
});

it('reads the seed\'s innermost `listValue: [ null ]` as a null Struct element', () => {
  const type = evoVoice.at(1).requireClass('NewCustomer');
  const value = decodeJsv(type, fixture('seeds/NewCustomer.request.rev1.jsv')) as {
    data: Record<string, { listValue: Record<string, { listValue: Record<string, { listValue: unknown[]; structValue?: unknown }>[] }>[] }>;
  };
  const inner = value.data['String']!.listValue[0]!['String']!.listValue[0]!['String']!;
  expect(inner.listValue).toEqual([null]);
  expect('structValue' in inner).toBe(false);
});
