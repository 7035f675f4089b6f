/**
 * Malformed JSV: every case is the library's error with its position, never another
 * exception, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { DtoFormatError } from '../../src/errors.js';
import { decodeJsv, decodeJsvValue, encodeJsv } from '../../src/formats/jsv/index.js';
import { catchDtoError, fixture } from './helpers.js';
import { Shapes } from './shapes.js';

type Case = [text: string, code: string, at: string, message: string];

const cases: Case[] = [
  // Truncation at every structural point.
  ['', 'syntax', '1:1', "expected '{', got end of input"],
  ['{', 'syntax', '1:2', "expected a key or '}', got end of input (the { at 1:1 is not closed)"],
  ['{name', 'syntax', '1:6', "expected ':', got end of input"],
  ['{name:', 'syntax', '1:7', "expected a value or '}', got end of input (the { at 1:1 is not closed)"],
  ['{name:x', 'syntax', '1:8', "expected ',' or '}', got end of input (the { at 1:1 is not closed)"],
  ['{name:x,', 'syntax', '1:9', "expected a key or '}', got end of input (the { at 1:1 is not closed)"],
  ['{names:[a,b', 'syntax', '1:12', "expected ',' or ']', got end of input (the [ at 1:8 is not closed)"],
  ['{item:{x:1}', 'syntax', '1:12', "expected ',' or '}', got end of input (the { at 1:1 is not closed)"],
  ['{item:{x:1,label:q}', 'syntax', '1:20', "expected ',' or '}', got end of input (the { at 1:1 is not closed)"],
  // Unterminated and stray quotes.
  ['{name:"abc', 'syntax', '1:11', 'expected a closing \'"\', got end of input (the quoted value at 1:7 is not terminated)'],
  ['{names:[a,"b]}', 'syntax', '1:15', 'expected a closing \'"\', got end of input (the quoted value at 1:11 is not terminated)'],
  ['{"name:x}', 'syntax', '1:10', 'expected a closing \'"\', got end of input (the quoted value at 1:2 is not terminated)'],
  ['{name:"a"b}', 'syntax', '1:10', 'expected \',\' or \'}\', got "b"'],
  // Unbalanced brackets, also inside skipped content.
  ['{names:[a,b}', 'syntax', '1:12', 'expected \',\' or \']\', got "}"'],
  ['{name:x}}', 'syntax', '1:9', 'expected end of input, got "}"'],
  ['{zzz:[1,2,name:x}', 'syntax', '1:18', "expected ']', got end of input (the [ at 1:6 is not closed)"],
  ['{map:{a:b,c}}', 'syntax', '1:12', 'expected \':\', got "}"'],
  ['{,}', 'syntax', '1:2', 'expected \':\', got ","'],
  ['{a:1,}', 'syntax', '1:6', 'expected a key, got "}" (a trailing comma)'],
  // Trailing garbage after the root.
  ['{name:x} extra', 'syntax', '1:10', 'expected end of input, got "e"'],
  // Bad numbers.
  ['{count:12x}', 'type', '1:8', 'expected Int32, got "12x"'],
  ['{count:1.5}', 'type', '1:8', 'expected Int32, got "1.5"'],
  ['{count:+5}', 'type', '1:8', 'expected Int32, got "+5"'],
  ['{count:99999999999}', 'range', '1:8', 'expected Int32, got "99999999999" (outside the Int32 range)'],
  ['{ratio:1.2.3}', 'type', '1:8', 'expected Double, got "1.2.3"'],
  ['{ratio:0x10}', 'type', '1:8', 'expected Double, got "0x10"'],
  ['{grid:[[1],[2,x]]}', 'type', '1:15', 'expected Int32, got "x"'],
  ['{counts:[1,,2]}', 'type', '1:12', 'expected Int32, got an empty slot'],
  ['{name:x,count:}', 'type', '1:15', 'expected Int32, got nothing'],
  ['{flag:yes}', 'type', '1:7', 'expected Boolean, got "yes"'],
  // Unknown enum members.
  ['{color:Mauve}', 'enum', '1:8', 'expected a Color member, got "Mauve"'],
  // An unnamed number is a value ("7"); one beyond Int32 overflows Enum.Parse.
  ['{colors:[Red,2147483648]}', 'enum', '1:14', 'expected a Color member, got "2147483648"'],
  // Wrong nesting.
  ['{item:[1]}', 'type', '1:7', 'expected Item ({…}), got "[1]"'],
  ['{map:[a]}', 'type', '1:6', 'expected Dictionary<String,String> ({…}), got "[a]"'],
  ['{bag:x}', 'type', '1:6', 'expected Bag ({…}), got "x"'],
  ['[1,2]', 'syntax', '1:1', 'expected \'{\', got "[" (ServiceStack requires an object to start with {)'],
  // Positions in multi-line (pretty) input are the input's.
  ['{\n\tname: x,\n\tcount: 1x\n}', 'type', '3:9', 'expected Int32, got "1x"'],
  ['{\n\tnames: \n\t[\n\t\ta\n\t,\n}', 'syntax', '6:1', 'expected \',\' or \']\', got "}"'],
  ['\ufeff{count:x}', 'type', '1:8', 'expected Int32, got "x"'],
];

describe('malformed JSV', () => {
  it('has more than 15 distinct cases', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBeGreaterThan(15);
  });

  it.each(cases)('%j: %s at %s', (text, code, at, message) => {
    const e = catchDtoError(() => decodeJsv(Shapes, text));
    const [line, column] = at.split(':').map(Number);
    expect(e.code).toBe(code);
    expect(e.format).toBe('JSV');
    expect(e.direction).toBe('decode');
    expect(e.line).toBe(line);
    expect(e.column).toBe(column);
    expect(e.message.endsWith(`at ${at}: ${message}`)).toBe(true);
  });

  it('names the member in the path', () => {
    expect(catchDtoError(() => decodeJsv(Shapes, '{items:[{x:1},{x:q}]}')).message).toBe(
      'cannot decode Shapes.items[1].x from JSV at 1:18: expected Int32, got "q"',
    );
    expect(catchDtoError(() => decodeJsv(Shapes, '{bag:{"a b":{x:}}}')).path).toBe('bag["a b"].x');
  });
});

describe('no other exception, no hang', () => {
  const info = evoVoice.at(1).requireClass('CustomerInfo');
  const seed = fixture('seeds/CustomerInfo.response.rev1.seed001.jsv');
  const compact = encodeJsv(info, decodeJsv(info, seed));

  const onlyDtoErrors = (text: string): void => {
    try {
      decodeJsv(info, text);
    } catch (e) {
      if (!(e instanceof DtoFormatError)) throw e;
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
    }
  };

  it('every truncation of a compact and a pretty body', () => {
    for (let i = 0; i < compact.length; i++) onlyDtoErrors(compact.slice(0, i));
    for (let i = 0; i < seed.length; i += 3) onlyDtoErrors(seed.slice(0, i));
  });

  it('random edits of a real body (property)', () => {
    const structural = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\n', '\t', ' ', 'null', 'x');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), structural, fc.boolean()), { minLength: 1, maxLength: 6 }), fc.boolean(), (edits, pretty) => {
        let text = pretty ? seed : compact;
        for (const [at, s, insert] of edits) {
          const i = at % (text.length + 1);
          text = insert ? text.slice(0, i) + s + text.slice(i) : text.slice(0, i) + s + text.slice(i + 1);
        }
        onlyDtoErrors(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('random text in every shape of value', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', 'a', '1', ' ', '\n', '\t') }), (s) => {
        onlyDtoErrors(s);
        onlyDtoErrors('{' + s);
        for (const t of [Shapes]) {
          try {
            decodeJsv(t, s);
            decodeJsvValue(t, s);
          } catch (e) {
            if (!(e instanceof DtoFormatError)) throw e;
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});
