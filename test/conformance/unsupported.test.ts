/**
 * What no format carries: a member of type System.Object (the zoo's `ObjectHolder.Anything`).
 * The issue allows either a documented form or "a clear unsupported error naming the member";
 * the value model (CONTRIBUTING.md) chose the error. So for every format and direction, and
 * for a document that omits the member as much as one that has it, the codec raises a
 * `DtoFormatError` with code `unsupported`, the format, and the member's name in its message;
 * and the arbitrary refuses the type rather than silently leaving the member out.
 */
import { describe, it } from 'vitest';
import { dtoArbitrary } from '../../src/arbitrary/index.js';
import { DtoFormatError, type FormatName } from '../../src/errors.js';
import { catchDtoError } from '../support/errors.js';
import { zoo } from '../support/zoo.js';
import { FORMS, type WireForm } from './support/formats.js';
import { checkTable } from './support/record.js';
import { ZOO_UNSUPPORTED } from './support/types.js';

const holder = zoo.at(1).requireClass(ZOO_UNSUPPORTED[0]);

/** Documents that would hold an ObjectHolder in each format, with and without the member. */
const DOCUMENTS: Record<'json' | 'jsv' | 'xml', readonly string[]> = {
  json: ['{}', '{"anything":1}', '{"anything":"x"}'],
  jsv: ['{}', '{anything:1}'],
  xml: [
    '<ObjectHolder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Zoo.Types"/>',
    '<ObjectHolder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Zoo.Types"><Anything i:nil="true"/></ObjectHolder>',
  ],
};

const LABEL = { json: 'JSON', jsv: 'JSV', xml: 'XML' } as const satisfies Record<WireForm['format'], FormatName>;

interface Case {
  readonly form: WireForm;
  readonly direction: 'encode' | 'decode';
  readonly input: unknown;
}

const CASES: Case[] = [FORMS.json, FORMS.jsv, FORMS.xml, FORMS['json-pretty'], FORMS['jsv-pretty'], FORMS['xml-pretty']].flatMap((form) => [
  ...[{}, { anything: 1 }, { anything: null }].map((input): Case => ({ form, direction: 'encode', input })),
  ...(form.pretty ? [] : DOCUMENTS[form.format].map((input): Case => ({ form, direction: 'decode', input }))),
]);

function assertUnsupported(e: DtoFormatError, c: Case): void {
  if (e.code !== 'unsupported') throw new Error(`code ${e.code}, not unsupported: ${e.message}`);
  if (e.format !== LABEL[c.form.format]) throw new Error(`format ${String(e.format)}, not ${LABEL[c.form.format]}: ${e.message}`);
  if (!/anything/i.test(e.message)) throw new Error(`the message does not name the member: ${e.message}`);
}

describe('System.Object: carried by no format', () => {
  it('every codec refuses ObjectHolder with an unsupported error naming the member', (ctx) => {
    checkTable(ctx, 'unsupported › System.Object member, every format and direction', CASES, (c) => `${c.form.label} ${c.direction} ${JSON.stringify(c.input)}`, (c) => {
      const e = catchDtoError(() => (c.direction === 'encode' ? c.form.encode(holder, c.input) : c.form.decode(holder, c.input as string)));
      assertUnsupported(e, c);
    });
  });

  it('the arbitrary refuses ObjectHolder, naming the member', (ctx) => {
    checkTable(ctx, 'unsupported › the arbitrary refuses System.Object', ['json', 'jsv', 'xml', 'all'] as const, (f) => f, (format) => {
      let message = '';
      try {
        dtoArbitrary(holder, { format });
      } catch (e) {
        message = e instanceof Error ? e.message : String(e);
      }
      if (!message.includes('ObjectHolder.Anything') || !message.includes('System.Object')) throw new Error(`no clear refusal: ${JSON.stringify(message)}`);
    });
  });
});
