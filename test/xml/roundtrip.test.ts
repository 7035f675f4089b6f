/**
 * Property tests over generated DTO values: what the writer produces reads back to the same
 * value (compact, indented, and in strict mode, which proves member order and namespaces are
 * exactly what the reader expects), is well-formed for fast-xml-parser's validator, and puts
 * every element in the namespace DCS expects according to xmlbuilder2's independent
 * namespace resolution.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import type { ClassDescriptor, TypeDescriptor } from '../../src/schema/descriptors.js';
import { INT32_MAX, INT32_MIN } from '../../src/formats/common/numbers.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { ARRAYS_NS, contractName, contractNamespace, dictionaryOf, keyValueName, xmlMembers, XSI_NS } from '../../src/formats/xml/contract.js';

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g;
const text = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', ' ', '  padded  ', '<&>', ']]>', 'a\nb', '\t', '"\'', '\u0085\u2028', '😀', 'String'),
  )
  .map((s) => s.replace(XML_INVALID, ''));

/** Values in the decoder's normal form: value-type members present, absent reference members omitted. */
function arb(t: TypeDescriptor, depth: number): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case 'scalar':
      switch (t.name) {
        case 'String':
          return text;
        case 'Boolean':
          return fc.boolean();
        case 'Int32':
          return fc.integer({ min: INT32_MIN, max: INT32_MAX }).map((x) => (x === 0 ? 0 : x));
        case 'Double':
          return fc.double();
      }
      break;
    case 'enum':
      return fc.constantFrom(...t.members.map((m) => m.name));
    case 'nullable':
      return arb(t.of, depth);
    case 'list': {
      const item = t.of.isValueType ? arb(t.of, depth + 1) : fc.option(arb(t.of, depth + 1), { nil: null, freq: 5 });
      return fc.array(item, { maxLength: depth > 2 ? 0 : 3 });
    }
    case 'dictionary':
    case 'class': {
      const dict = dictionaryOf(t);
      if (dict) {
        const v = dict.value.isValueType ? arb(dict.value, depth + 1) : fc.option(arb(dict.value, depth + 1), { nil: null, freq: 4 });
        const key = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', '7'));
        return fc.dictionary(key, v, { maxKeys: depth > 2 ? 0 : 3, noNullPrototype: true });
      }
      const c = t as ClassDescriptor;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const p of c.properties) {
        if (!p.type.isValueType && depth > 3) continue;
        model[p.wireName] = arb(p.type, depth + 1);
        if (p.type.isValueType) required.push(p.wireName);
      }
      // A plain object even for an empty model (fast-check may then give a null-prototype one).
      return fc.record(model, { requiredKeys: required, noNullPrototype: true }).map((o) => ({ ...o }));
    }
  }
  throw new Error('unreachable');
}

/** The part of xmlbuilder2's DOM nodes used here (the project compiles without the DOM lib). */
interface DomElement {
  readonly nodeType: number;
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly childNodes: ArrayLike<DomElement>;
  getAttributeNS(ns: string, local: string): string | null;
}

/** Walks xmlbuilder2's DOM alongside the descriptor: every element's (namespace, name) as DCS names it. */
function checkNamespaces(el: DomElement, t: TypeDescriptor): void {
  if (el.getAttributeNS(XSI_NS, 'nil') === 'true') return;
  const children = Array.from(el.childNodes).filter((n) => n.nodeType === 1);
  const expect2 = (e: DomElement | undefined, ns: string, local: string) => {
    expect(e, `missing <${local}> in ${el.localName}`).toBeDefined();
    expect(`{${e!.namespaceURI}}${e!.localName}`).toBe(`{${ns}}${local}`);
  };
  const dict = dictionaryOf(t);
  if (t.kind === 'scalar' || t.kind === 'enum' || t.kind === 'nullable') {
    expect(children).toHaveLength(0);
  } else if (dict) {
    for (const entry of children) {
      expect2(entry, ARRAYS_NS, keyValueName(dict));
      const kv = Array.from(entry.childNodes).filter((n) => n.nodeType === 1);
      expect(kv).toHaveLength(2);
      expect2(kv[0], ARRAYS_NS, 'Key');
      expect2(kv[1], ARRAYS_NS, 'Value');
      checkNamespaces(kv[1]!, dict.value);
    }
  } else if (t.kind === 'list') {
    for (const item of children) {
      expect2(item, contractNamespace(t), contractName(t.of));
      checkNamespaces(item, t.of);
    }
  } else {
    const members = xmlMembers(t as ClassDescriptor);
    expect(children).toHaveLength(members.length);
    members.forEach((m, i) => {
      expect2(children[i], m.ns, m.local);
      checkNamespaces(children[i]!, m.property.type);
    });
  }
}

for (const revision of [1, 2]) {
  const schema = evoVoice.at(revision);
  describe(`round trips at revision ${revision}`, () => {
    for (const type of schema.operations().concat(schema.requireClass('CustomerInfo'))) {
      it(`${type.name}: decode(encode(v)) = v, well-formed, namespaces as DCS puts them`, () => {
        fc.assert(
          fc.property(arb(type, 0), (v) => {
            const xml = xmlCodec.encode(type, v);
            // node:util's comparison: vitest's strict equality misreads an own `constructor` key.
            const same = (w: unknown) => expect(isDeepStrictEqual(w, v), `${JSON.stringify(w)}\n≠ ${JSON.stringify(v)}`).toBe(true);
            same(xmlCodec.decode(type, xml));
            same(xmlCodec.decode(type, xml, { strict: true }));
            same(xmlCodec.decode(type, xmlCodec.encode(type, v, { pretty: true })));
            expect(XMLValidator.validate(xml)).toBe(true);
            const root = create(xml).root().node as unknown as DomElement;
            expect(`{${root.namespaceURI}}${root.localName}`).toBe(`{${contractNamespace(type)}}${contractName(type)}`);
            checkNamespaces(root, type);
          }),
          { numRuns: 60 },
        );
      });
    }
  });
}
