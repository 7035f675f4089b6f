/**
 * The JSON scanner's state belongs to one decode (a `JsonScanner`), not to the module: a
 * decode that starts while another is under way, or one that failed, leaves the other's
 * position, depth and options alone. With module-level state (before issue 10) the getter
 * test below failed: the inner decode reset the shared text and position under the outer one.
 */
import { describe, expect, it } from 'vitest';
import { DtoFormatError } from '../../src/errors.js';
import { JsonScanner, readerFor, skipWhitespace } from '../../src/formats/json/decode.js';
import { jsonCodec } from '../../src/formats/json/index.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import { evoVoice } from '../support/evo-voice.js';
import { catchDtoError } from './helpers.js';

const schema = evoVoice.at(2);
const Breadcrumb = schema.requireClass('CustomerBreadcrumb');
const Tag = schema.requireClass('Tag');
const ScheduleDay = schema.requireClass('ScheduleDay');

/**
 * A copy of `Breadcrumb` whose member list is read through a getter that decodes another
 * document: the readers resolve members on first use, i.e. in the middle of the outer decode.
 */
function reentrantBreadcrumb(inner: () => void): ClassDescriptor {
  const copy = { ...Breadcrumb } as { properties: ClassDescriptor['properties'] };
  Object.defineProperty(copy, 'properties', {
    get: () => {
      inner();
      return Breadcrumb.properties;
    },
  });
  return copy as unknown as ClassDescriptor;
}

describe('two decodes at once', () => {
  it('a decode started inside another (a descriptor getter) leaves the outer one intact', () => {
      const innerResults: unknown[] = [];
      const outerType = reentrantBreadcrumb(() => {
        innerResults.push(jsonCodec.decode(Tag, '{"id":"inner","name":"t","color":"Red"}'));
        // A failing inner decode must not disturb the outer one either.
        innerResults.push(catchDtoError(() => jsonCodec.decode(Tag, '{"id":"inner",\n "color":"Nope"}')).line);
      });
      // White space before the members puts the outer position well past 0 when the getter runs.
      const outer = jsonCodec.decode(outerType, '{    "id" : "outer-id",   "name":"outer-name"   }');
      expect(outer).toEqual({ id: 'outer-id', name: 'outer-name' });
      expect(innerResults.length).toBeGreaterThan(0);
      expect(innerResults[0]).toEqual({ id: 'inner', name: 't', color: 'Red' });
      expect(innerResults[1]).toBe(2);
  });

  it('two scanners read their documents element by element, interleaved', () => {
    const read = readerFor(ScheduleDay);
    const a = new JsonScanner('  {"offset":1,"dayOfWeek":"Monday"} {"offset":2}', 512, false);
    const b = new JsonScanner('{"offset":-5,"dayOfWeek":"Friday"}\n{"dayOfWeek":"Sunday"}', 512, false);
    const out: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      for (const s of [a, b]) {
        skipWhitespace(s);
        out.push(read(s));
      }
    }
    expect(out).toEqual([
      { offset: 1, dayOfWeek: 'Monday' },
      { offset: -5, dayOfWeek: 'Friday' },
      { offset: 2, dayOfWeek: 'Sunday' },
      { offset: 0, dayOfWeek: 'Sunday' },
    ]);
    expect(a.pos).toBe(a.src.length);
    expect(b.pos).toBe(b.src.length);
  });

  it('each scanner keeps its own options (maxDepth, lenient)', () => {
    const read = readerFor(ScheduleDay) as (s: JsonScanner) => unknown;
    const strict = new JsonScanner('{"offset":"x","dayOfWeek":"Monday"}', 512, false);
    const lenient = new JsonScanner('{"offset":"x","dayOfWeek":"Monday"}', 512, true);
    expect(read(lenient)).toEqual({ offset: 0, dayOfWeek: 'Monday' });
    expect(() => read(strict)).toThrow();
    const shallow = new JsonScanner('{"offset":1}', 0, false);
    expect(() => read(shallow)).toThrow();
    expect(read(new JsonScanner('{"offset":1}', 1, false))).toEqual({ offset: 1, dayOfWeek: 'Sunday' });
  });
});

describe('state after a failure', () => {
  // Value → structValue: Struct → "structValue": Value → …, one level per brace.
  const deep = (n: number) => '{"structValue":'.repeat(n) + '{}' + '}'.repeat(n);
  const Value = schema.requireClass('Value') as TypeDescriptor;

  it('a depth error, a syntax error or a type error leaves nothing behind for the next decode', () => {
      expect(catchDtoError(() => jsonCodec.decode(Value, deep(10), { maxDepth: 5 })).code).toBe('depth');
      // Depth starts again at 0: 3 levels fit in 8.
      expect(jsonCodec.decode(Value, deep(3), { maxDepth: 8 })).toBeTruthy();
      expect(catchDtoError(() => jsonCodec.decode(Tag, '{"id":"a\\q"}')).code).toBe('syntax');
      // The escape position cache belongs to that decode: a clean string after it reads whole.
      expect(jsonCodec.decode(Tag, '{"id":"plain","name":"n"}')).toEqual({ id: 'plain', name: 'n', color: 'Magenta' });
      expect(catchDtoError(() => jsonCodec.decode(Tag, '{"color":"Nope"}', { lenient: false })).code).toBe('enum');
      expect(jsonCodec.decode(Tag, '{"color":"Nope","id":"x"}', { lenient: true })).toEqual({ id: 'x', color: 'Magenta' });
  });

  it('only DtoFormatError escapes a decode that failed inside another', () => {
    const outerType = reentrantBreadcrumb(() => {
      expect(() => jsonCodec.decode(Tag, '{')).toThrow(DtoFormatError);
    });
    expect(jsonCodec.decode(outerType, '{"id":"o"}')).toEqual({ id: 'o' });
  });
});
