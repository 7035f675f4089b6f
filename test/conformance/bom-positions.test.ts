/**
 * A leading BOM is not a column: every reader (whole documents and streams, every format)
 * reports positions in the text after it, as editors count them. The JSON and XML readers
 * once counted it as column 1 of line 1 while JSV and the streams did not, so the same
 * document's error moved by one column with the API.
 */
import { describe, expect, it } from 'vitest';
import { DtoFormatError } from '../../src/errors.js';
import { json, jsv, ndjson, xml } from '../../src/index.js';
import { catchDtoError } from '../support/errors.js';

const BOM = '\ufeff';

async function streamError(stream: AsyncIterable<unknown>): Promise<DtoFormatError> {
  try {
    for await (const _ of stream) void _;
  } catch (e) {
    if (e instanceof DtoFormatError) return e;
    throw e;
  }
  throw new Error('expected the stream to fail');
}

const position = (e: DtoFormatError) => [e.code, e.line, e.column];

describe('a BOM is not counted in positions', () => {
  const bad = {
    json: '{"customerId":"c1","isStaging":"x"}',
    jsv: '{customerId:c1,isStaging:x}',
    xml: xml.encode('SetCustomerStagingMode', { customerId: 'c1', isStaging: true }, { declaration: false }).replace('>true<', '>x<'),
  };

  it('whole documents: the same line:column with and without a BOM, in every format', () => {
    const decoders = {
      json: (text: string) => json.decode('SetCustomerStagingMode', text),
      jsv: (text: string) => jsv.decode('SetCustomerStagingMode', text),
      xml: (text: string) => xml.decode('SetCustomerStagingMode', text),
    };
    for (const name of ['json', 'jsv', 'xml'] as const) {
      const plain = catchDtoError(() => decoders[name](bad[name]));
      const withBom = catchDtoError(() => decoders[name](BOM + bad[name]));
      expect([name, ...position(withBom)]).toEqual([name, ...position(plain)]);
      expect(plain.line).toBe(1);
      expect(plain.column).toBe(bad[name].indexOf(name === 'xml' ? 'x<' : name === 'json' ? '"x"' : ':x') + (name === 'jsv' ? 2 : 1));
    }
  });

  it('a syntax error at the very start is column 1 after the BOM', () => {
    for (const codec of [json, jsv, xml]) {
      const e = catchDtoError(() => codec.decode('SetCustomerStagingMode', BOM + '!'));
      expect([e.line, e.column]).toEqual([1, 1]);
    }
  });

  it('streams agree with the whole reader on the same bytes', async () => {
    const lists = {
      json: '[{"customerId":"c1","isStaging":true},{"customerId":"c2","isStaging":"x"}]',
      jsv: '[{customerId:c1,isStaging:True},{customerId:c2,isStaging:x}]',
      ndjson: '{"customerId":"c1","isStaging":true}\n{"customerId":"c2","isStaging":"x"}\n',
    };
    const list = { kind: 'list', of: json.registry.require('SetCustomerStagingMode'), isValueType: false } as const;
    for (const [name, codec] of [['json', json], ['jsv', jsv], ['ndjson', ndjson]] as const) {
      const text = BOM + lists[name];
      const whole = catchDtoError(() => codec.decode(list, text));
      const streamed = await streamError(codec.decodeStream('SetCustomerStagingMode', Buffer.from(text)));
      expect([name, ...position(streamed), streamed.path]).toEqual([name, ...position(whole), whole.path]);
    }
  });
});
