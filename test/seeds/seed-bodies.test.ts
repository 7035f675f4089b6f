/**
 * The six sample bodies of the seed pages across formats: each decodes, its reviewed JSON
 * form (fixtures/seeds/json) is exactly what the engine writes, and the JSON form converts
 * back to the original body (JSV byte for byte; XML modulo the whitespace the scraper left
 * between elements).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json, jsv, xml, type EvoVoiceTypeName } from '../../src/index.js';

const fx = (p: string) => readFileSync(new URL(`../../fixtures/seeds/${p}`, import.meta.url), 'utf8');
const squeeze = (s: string) => s.replace(/>\s+</g, '><').trim();

const bodies: [string, EvoVoiceTypeName, number, 'jsv' | 'xml'][] = [
  ['NewCustomer.request.rev1', 'NewCustomer', 1, 'jsv'],
  ['CustomerInfo.response.rev1.seed001', 'CustomerInfo', 1, 'jsv'],
  ['CustomerInfo.response.rev1.seed002', 'CustomerInfo', 1, 'jsv'],
  ['PatchCustomer.request.rev1', 'PatchCustomer', 1, 'jsv'],
  ['SetCustomerStagingMode.request.rev2', 'SetCustomerStagingMode', 2, 'xml'],
  ['CustomerInfo.response.rev2', 'CustomerInfo', 2, 'xml'],
];

describe.each(bodies)('seed body %s', (name, type, revision, format) => {
  const body = fx(`${name}.${format}`);
  const codec = format === 'jsv' ? jsv : xml;

  it('decodes, and its JSON form is the reviewed fixture', () => {
    const value = codec.decode(type, body, { revision });
    expect(json.encode(type, value, { revision })).toBe(fx(`json/${name}.json`));
  });

  it('converts back from JSON to the original body', () => {
    const value = json.decode(type, fx(`json/${name}.json`), { revision });
    if (format === 'jsv') expect(jsv.encode(type, value, { revision, pretty: true })).toBe(body);
    else expect(squeeze(xml.encode(type, value, { revision, pretty: true, declaration: false }))).toBe(squeeze(body));
  });
});
