/**
 * The decode limits shared by every format (src/formats/common/limits.ts): the defaults, one
 * error code per limit, the option checks and the helpers the decoders call. What each
 * format enforces is tested in its own suite (test/xml/limits.test.ts; JSON, JSV and NDJSON:
 * test/conformance/text-limits.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DtoFormatError } from '../../src/errors.js';
import { Failure, lineCol, toDtoError } from '../../src/formats/common/failure.js';
import {
  checkDocumentLength,
  DEFAULT_LIMITS,
  failLimit,
  LIMIT_CODES,
  LIMIT_NAMES,
  limitDetail,
  type DecodeLimits,
} from '../../src/formats/common/limits.js';
import { checkLimits } from '../../src/formats/common/options.js';
import { catchDtoError } from '../support/errors.js';

/** Runs `f`, which must throw a Failure, and returns it as the codec's entry point would. */
function asError(f: () => unknown): DtoFormatError {
  try {
    f();
  } catch (e) {
    if (e instanceof Failure) return toDtoError(e, { format: 'JSON', direction: 'decode', typeName: 'CustomerInfo' });
    throw e;
  }
  throw new Error('expected a Failure');
}

describe('DEFAULT_LIMITS', () => {
  it('is frozen and holds the documented defaults', () => {
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    expect({ ...DEFAULT_LIMITS }).toEqual({
      maxDocumentLength: 268_435_456,
      maxStringLength: 16_777_216,
      maxCollectionLength: 10_000_000,
      maxDictionaryEntries: 10_000_000,
      maxNameLength: 1_048_576,
      maxAttributes: 4096,
    });
  });

  it('collections and dictionaries go well past the 400,000 entries a benchmark decodes', () => {
    expect(DEFAULT_LIMITS.maxCollectionLength).toBeGreaterThan(400_000 * 10);
    expect(DEFAULT_LIMITS.maxDictionaryEntries).toBeGreaterThan(400_000 * 10);
  });

  it('each limit has its own code, the option name without max', () => {
    expect(LIMIT_NAMES).toEqual(Object.keys(DEFAULT_LIMITS));
    const codes = LIMIT_NAMES.map((n) => LIMIT_CODES[n]);
    expect(new Set(codes).size).toBe(LIMIT_NAMES.length);
    for (const n of LIMIT_NAMES) expect(LIMIT_CODES[n]).toBe(n.charAt(3).toLowerCase() + n.slice(4));
  });
});

describe('checkLimits', () => {
  it('no options, or none of the limits: the defaults themselves (nothing allocated)', () => {
    expect(checkLimits('JSON', undefined)).toBe(DEFAULT_LIMITS);
    expect(checkLimits('JSON', {})).toBe(DEFAULT_LIMITS);
  });

  it('a positive integer or Infinity is taken; the others keep their defaults', () => {
    const l = checkLimits('JSV', { maxStringLength: 10, maxAttributes: Infinity });
    expect(l).toEqual({ ...DEFAULT_LIMITS, maxStringLength: 10, maxAttributes: Infinity });
    expect(DEFAULT_LIMITS.maxStringLength).toBe(16_777_216);
  });

  it('anything else is a usage error naming the format, the option and the value', () => {
    for (const name of LIMIT_NAMES) {
      for (const bad of [0, -5, 2.5, NaN, -Infinity, '100', null]) {
        const e = catchDtoError(() => checkLimits('XML', { [name]: bad } as unknown as Partial<DecodeLimits>));
        expect(e.code).toBe('usage');
        expect(e.message).toBe(`XML option ${name} must be a positive integer or Infinity, not ${typeof bad === 'string' ? JSON.stringify(bad) : String(bad)}`);
      }
    }
  });
});

describe('the helpers the decoders call', () => {
  it('limitDetail: the code, what was found, the limit and how to raise it', () => {
    expect(limitDetail('maxStringLength', 16_777_216, 'a text of 16777217 characters')).toEqual({
      code: 'stringLength',
      found: 'a text of 16777217 characters',
      detail: 'longer than maxStringLength (16777216); raise the option to accept it',
    });
    expect(limitDetail('maxCollectionLength', 5)).toEqual({
      code: 'collectionLength',
      detail: 'more elements than maxCollectionLength (5); raise the option to accept it',
    });
  });

  it('failLimit: a Failure at line:column of the offset, which unwinds to a DtoFormatError with the path', () => {
    const text = '{\n  "tags": [1, 2, 3]\n}';
    const at = text.indexOf('3');
    const e = asError(() => {
      try {
        failLimit('maxCollectionLength', 2, text, at, 'element [2]');
      } catch (f) {
        throw f instanceof Failure ? f.at('tags') : f;
      }
    });
    expect(e.details()).toEqual({
      code: 'collectionLength',
      format: 'JSON',
      direction: 'decode',
      typeName: 'CustomerInfo',
      path: 'tags',
      ...lineCol(text, at),
      found: 'element [2]',
      detail: 'more elements than maxCollectionLength (2); raise the option to accept it',
    });
    expect(e.message).toBe('cannot decode CustomerInfo.tags from JSON at 2:18: got element [2] (more elements than maxCollectionLength (2); raise the option to accept it)');
  });

  it('checkDocumentLength: at the limit nothing happens; past it, the first unit past the limit is the position', () => {
    const limits = { ...DEFAULT_LIMITS, maxDocumentLength: 5 };
    expect(() => checkDocumentLength('12345', limits)).not.toThrow();
    const e = asError(() => checkDocumentLength('12\n456', limits));
    expect([e.code, e.line, e.column, e.found, e.detail]).toEqual([
      'documentLength',
      2,
      3,
      'a document of 6 characters',
      'longer than maxDocumentLength (5); raise the option to accept it',
    ]);
    expect(() => checkDocumentLength('x'.repeat(1000), { ...DEFAULT_LIMITS, maxDocumentLength: Infinity })).not.toThrow();
  });
});
