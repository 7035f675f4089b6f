/**
 * Lone surrogates (issue 11; README "Lone surrogates"): JSON and JSV carry them in the string
 * as ServiceStack.Text does (read from JSON's `\uD800` escape, written raw: EscapeUnicode is
 * off), so the library's text is what the server's writer holds before UTF-8; XML refuses them
 * with the path, as XmlReader/XmlWriter do. Nothing is altered without an error.
 */
import { describe, expect, it } from 'vitest';
import { json, jsv, xml } from '../../src/index.js';
import { catchDtoError } from '../support/errors.js';

const HIGH = '\ud800';
const LOW = '\udc00';

describe('lone surrogates', () => {
  it('JSON reads the \\u escape of either half into the string, as .NET does', () => {
    expect(json.decode('Value', '{"stringValue":"a\\ud800b"}').stringValue).toBe(`a${HIGH}b`);
    expect(json.decode('Value', '{"stringValue":"\\udc00"}').stringValue).toBe(LOW);
    // A pair written as two escapes is one character.
    expect(json.decode('Value', '{"stringValue":"\\ud83d\\ude00"}').stringValue).toBe('😀');
  });

  it('JSON and JSV write it raw, not escaped and not replaced', () => {
    expect(json.encode('Value', { stringValue: `a${HIGH}b` })).toBe(`{"stringValue":"a${HIGH}b"}`);
    expect(jsv.encode('Value', { stringValue: `a${HIGH}b` })).toBe(`{stringValue:a${HIGH}b}`);
  });

  it('JSON and JSV read back what they wrote', () => {
    for (const s of [HIGH, LOW, `x${LOW}${HIGH}y`]) {
      expect(json.decode('Value', json.encode('Value', { stringValue: s })).stringValue).toBe(s);
      expect(jsv.decode('Value', jsv.encode('Value', { stringValue: s })).stringValue).toBe(s);
    }
  });

  it('as UTF-8 (what .NET and TextEncoder send) the half becomes U+FFFD: the bytes a server sends', () => {
    const bytes = Buffer.from(json.encode('Value', { stringValue: HIGH }));
    expect(bytes.toString('hex')).toBe(Buffer.from('{"stringValue":"\ufffd"}').toString('hex'));
  });

  it('XML refuses it on encode with the path and index, so a JSON string never turns into broken XML', () => {
    const value = json.decode('Value', '{"stringValue":"ab\\ud800"}');
    const e = catchDtoError(() => xml.encode('Value', value));
    expect([e.code, e.format, e.path]).toEqual(['type', 'XML', 'stringValue']);
    expect(e.detail).toContain('at index 2 of the string');
  });

  it('XML refuses it on decode as a character reference', () => {
    const doc = xml.encode('Value', { stringValue: 'PLACEHOLDER' }).replace('PLACEHOLDER', '&#xD800;');
    expect(catchDtoError(() => xml.decode('Value', doc)).code).toBe('syntax');
  });
});
