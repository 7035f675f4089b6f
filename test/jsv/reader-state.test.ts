/**
 * The JSV reader's state belongs to one decode (a `JsvScanner`), not to the module: a decode
 * that starts while another is under way, or one that failed, leaves the other's text,
 * position, depth and options alone. With module-level state (before issue 10) the getter
 * tests below failed: the inner decode replaced the shared text and position under the outer
 * one, and its `finally` emptied them.
 */
import { describe, expect, it } from 'vitest';
import { JsvScanner, readerFor } from '../../src/formats/jsv/decode.js';
import { decodeJsv, encodeJsv } from '../../src/formats/jsv/index.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import { evoVoice } from '../support/evo-voice.js';
import { catchDtoError } from '../support/errors.js';

const schema = evoVoice.at(2);
const Breadcrumb = schema.requireClass('CustomerBreadcrumb');
const Tag = schema.requireClass('Tag');
const ScheduleDay = schema.requireClass('ScheduleDay');
const listOf = (of: TypeDescriptor): TypeDescriptor => Object.freeze({ kind: 'list', of, isValueType: false });

/**
 * A copy of `Breadcrumb` whose member list is read through a getter that runs `inner`: the
 * readers resolve members at the first `{`, i.e. in the middle of the outer decode.
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
    const inner: unknown[] = [];
    const decodes = (): unknown[] => [
      decodeJsv(Tag, '{id:inner,name:t,color:Red}'),
      // A failing inner decode (strict mode, on line 3 of its own pretty text) must not disturb it either.
      catchDtoError(() => decodeJsv(Tag, '{\n\tid: inner,\n\tcolor: Nope\n}')).line,
      // Nor one with other options: lenient drops the bad member instead of failing.
      decodeJsv(Tag, '{id:x,color:Nope}', { lenient: true }),
    ];
    const outerType = reentrantBreadcrumb(() => inner.push(...decodes()));
    // The outer list is pretty (its text is replaced by the compact form); the getter runs at
    // the first element's `{`, and all three elements are read after it.
    const outerText = '[\n\t{\n\t\tid: a,\n\t\tname: A\n\t},\n\t{\n\t\tid: b,\n\t\tname: B\n\t},\n\t{\n\t\tid: c\n\t}\n]';
    const first = decodeJsv(listOf(Breadcrumb), '[{id:z}]');
    expect(first).toEqual([{ id: 'z' }]);
    const outer = decodeJsv(listOf(outerType), outerText);
    expect(outer).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c' },
    ]);
    expect(inner).toEqual(decodes());
    expect(inner.slice(0, 2)).toEqual([{ id: 'inner', name: 't', color: 'Red' }, 3]);
  });

  it('an error in the outer decode after an inner one still reports the outer position', () => {
    const outerType = reentrantBreadcrumb(() => {
      decodeJsv(Tag, '{id:inner,name:a-much-longer-inner-document-than-the-outer-one}');
    });
    const e = catchDtoError(() => decodeJsv(listOf(outerType), '[{id:a,name:A},{id:b,name:B}x]'));
    expect(e.code).toBe('syntax');
    expect([e.line, e.column]).toEqual([1, 29]);
  });

  it('two scanners read their documents element by element, interleaved', () => {
    const read = readerFor(ScheduleDay);
    const a = new JsvScanner('[{offset:1,dayOfWeek:Monday},{offset:2}]', 512, false);
    const b = new JsvScanner('[{offset:-5,dayOfWeek:Friday},{dayOfWeek:Sunday}]', 512, false);
    a.pos = 1;
    b.pos = 1;
    const out: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      for (const r of [a, b]) {
        out.push(read(r, true));
        // Each scanner stands on its own separator or closer.
        expect(r.src[r.pos]).toBe(i === 0 ? ',' : ']');
        r.pos++;
      }
    }
    // What each element is when decoded on its own.
    const alone = ['{offset:1,dayOfWeek:Monday}', '{offset:-5,dayOfWeek:Friday}', '{offset:2}', '{dayOfWeek:Sunday}'];
    expect(out).toEqual(alone.map((text) => decodeJsv(ScheduleDay, text)));
    expect(out[1]).toMatchObject({ offset: -5, dayOfWeek: 'Friday' });
    expect([a.depth, b.depth]).toEqual([0, 0]);
  });

  it('a scanner that failed is left where it failed; a new decode of the same text is unaffected', () => {
    const read = readerFor(Tag);
    const r = new JsvScanner('{id:a,color:Nope}', 512, false);
    expect(() => read(r, false)).toThrow();
    // The failure leaves the depth it had entered, on this scanner only.
    expect(r.depth).toBe(1);
    expect(decodeJsv(Tag, '{id:a,color:Red}')).toEqual({ id: 'a', color: 'Red' });
    expect(encodeJsv(Tag, { id: 'a', color: 'Red' })).toBe('{id:a,color:Red}');
  });
});
