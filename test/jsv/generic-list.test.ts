/**
 * ServiceStack.Text reads a JSV list of anything but String through its generic list reader
 * (Common/DeserializeListWithElements.cs, `ParseGenericList`): an empty slot adds a default, but
 * when the separator it eats is the last character it adds the default for the final empty slot
 * instead and skips its own, so two trailing empty slots read as one null. `List<string>` has a
 * reader of its own (`ParseStringList`) that keeps every slot. The writer writes a null element
 * of these lists as an empty slot (jsv-and-json.md §2.6), so such lists lose their last null on
 * a round trip, as they do on the server (src/arbitrary/equivalence.ts, JSV rule 3a).
 */
import { describe, expect, it } from 'vitest';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { jsvCodec } from '../../src/formats/jsv/index.js';

const C = createRegistry({
  name: 'lists',
  revisions: [{ id: 1, description: '' }],
  types: [classType('N', 'C', {}, {
    A: prop(t.List(t.Nullable(t.Int32))),
    B: prop(t.List(t.Uri)),
    C: prop(t.List(t.List(t.Int32))),
    D: prop(t.List(t.String)),
    E: prop(t.List(t.Bytes)),
  })],
}).at().requireClass('C');

describe('JSV lists with empty slots', () => {
  it('two trailing empty slots of a non-String list read as one null', () => {
    expect(jsvCodec.decode(C, '{a:[,],b:[,],c:[,],e:[,]}')).toEqual({ a: [null], b: [null], c: [null], e: [null] });
    expect(jsvCodec.decode(C, '{a:[1,,],b:[x,,],c:[[1],,]}')).toEqual({ a: [1, null], b: ['x', null], c: [[1], null] });
    expect(jsvCodec.decode(C, '{a:[,,],b:[,,]}')).toEqual({ a: [null, null], b: [null, null] });
  });

  it('an empty slot elsewhere, or a single trailing one, is one null', () => {
    expect(jsvCodec.decode(C, '{a:[,1],b:[x,],c:[,[2]]}')).toEqual({ a: [null, 1], b: ['x', null], c: [null, [2]] });
  });

  it('List<String> keeps every slot', () => {
    expect(jsvCodec.decode(C, '{d:[,]}')).toEqual({ d: [null, null] });
    expect(jsvCodec.decode(C, '{d:[x,,]}')).toEqual({ d: ['x', null, null] });
  });

  it('the writer gives such a list the empty slots the reader then merges', () => {
    expect(jsvCodec.encode(C, { a: [null, null], b: [null, null], e: [new Uint8Array(0), null] })).toBe('{a:[,],b:[,],e:[,]}');
  });
});
