/**
 * `__proto__` is a legal C# member name, and ToCamelCase keeps it. Whatever a registry
 * declares, no codec may let a member name reach an object's prototype.
 */
import { describe, expect, it } from 'vitest';
import { classType, createRegistry, json, jsv, prop, t, xml } from '../../src/index.js';

const registry = createRegistry({
  name: 'Weird',
  revisions: [{ id: 1, description: 'one' }],
  types: [classType('X.Y', 'Weird', {}, { ['__proto__']: prop(t.String), Name: prop(t.String) })],
});
const weird = registry.at().requireClass('Weird');

describe('a member whose wire name is __proto__', () => {
  it.each([
    ['JSON', () => json.decode(weird, '{"__proto__":"a","name":"b"}')],
    ['JSV', () => jsv.decode(weird, '{__proto__:a,name:b}')],
    ['XML', () => xml.decode(weird, '<Weird xmlns="http://schemas.datacontract.org/2004/07/X.Y"><Name>b</Name><__proto__>a</__proto__></Weird>')],
  ])('%s decodes it as an own property, prototype untouched', (_format, decode) => {
    const v = decode() as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toBe('a');
    expect(v.name).toBe('b');
  });

  it('encodes it in every format', () => {
    const v = JSON.parse('{"__proto__":"a","name":"b"}') as Record<string, unknown>;
    expect(json.encode(weird, v)).toBe('{"__proto__":"a","name":"b"}');
    expect(jsv.encode(weird, v)).toBe('{__proto__:a,name:b}');
    expect(xml.encode(weird, v, { declaration: false })).toBe(
      '<Weird xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/X.Y"><Name>b</Name><__proto__>a</__proto__></Weird>',
    );
  });
});
