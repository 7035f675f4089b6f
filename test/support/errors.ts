import { DtoFormatError } from '../../src/errors.js';

/** Runs `f`, expecting a DtoFormatError, and returns it; anything else fails the test with what it was. */
export function catchDtoError(f: () => unknown): DtoFormatError {
  try {
    f();
  } catch (e) {
    if (e instanceof DtoFormatError) return e;
    throw new Error(`expected a DtoFormatError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  throw new Error('expected a DtoFormatError, but nothing was thrown');
}
