/**
 * How decoders report a problem from deep inside a value: they throw a `Failure` (not an
 * Error: no stack trace to capture on a path that is common in validation), each enclosing
 * reader adds its path segment as it unwinds, and the codec's entry point turns it into the
 * one public `DtoFormatError`. The happy path pays nothing for paths.
 */
import { DtoFormatError, type DtoFormatErrorDetails, type FormatName } from '../../errors.js';

type Detail = Omit<DtoFormatErrorDetails, 'format' | 'direction' | 'typeName' | 'path'>;

/** Where a failure happened, as line and column; called only if the failure leaves the codec. */
export type Locate = () => { line: number; column: number };

export class Failure {
  /** Innermost first: `[0, 'byHour', 2, 'rules', 'schedule']`. */
  readonly segments: (string | number)[] = [];
  /**
   * `locate` defers line:column: finding them scans the text from its start, and a lenient
   * reader that drops a value discards its failure, so computing them eagerly made n dropped
   * values cost O(n · document).
   */
  constructor(
    private detailWithoutPosition: Detail,
    private locate?: Locate,
  ) {}

  /** The details, with line and column once asked for (computed at most once). */
  get detail(): Detail {
    if (this.locate !== undefined) {
      this.detailWithoutPosition = { ...this.detailWithoutPosition, ...this.locate() };
      this.locate = undefined;
    }
    return this.detailWithoutPosition;
  }

  /** The error code, without computing the position (what a lenient reader asks to decide whether to drop). */
  get code(): Detail['code'] {
    return this.detailWithoutPosition.code;
  }

  /** Adds the segment of the enclosing member (`'rules'`) or element (`2`) and rethrows. */
  at(segment: string | number): Failure {
    this.segments.push(segment);
    return this;
  }
}

export function fail(detail: Detail): never {
  throw new Failure(detail);
}

/** `fail` at a position that `locate` finds only when the error is reported. */
export function failLocated(locate: Locate, detail: Detail): never {
  throw new Failure(detail, locate);
}

/** Longer paths (only deep recursive data makes them) keep their ends: the outer context and the failing spot. */
const MAX_PATH_SEGMENTS = 40;

/** `schedule.rules[2].byHour[0]` from the innermost-first segments. */
export function joinPath(innermostFirst: readonly (string | number)[]): string {
  let s = '';
  const n = innermostFirst.length;
  for (let i = n - 1; i >= 0; i--) {
    if (n > MAX_PATH_SEGMENTS && i === n - 1 - MAX_PATH_SEGMENTS / 2) {
      const skipped = n - MAX_PATH_SEGMENTS;
      s += `…(${skipped} levels)…`;
      i -= skipped - 1;
      continue;
    }
    const seg = innermostFirst[i]!;
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** 1-based line and column (in UTF-16 units, as editors count) of `offset` in `text`. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Converts whatever a codec entry point caught into the public error. A `Failure` keeps its
 * details; a stack overflow becomes a depth error (a guard in case a limit was set too high);
 * anything else is a bug and is rethrown untouched.
 */
export function toDtoError(
  e: unknown,
  context: { format: FormatName; direction: 'decode' | 'encode'; typeName: string },
): DtoFormatError {
  if (e instanceof DtoFormatError) return e;
  if (e instanceof Failure) {
    return new DtoFormatError({ ...e.detail, ...context, path: joinPath(e.segments) });
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new DtoFormatError({
      ...context,
      code: 'depth',
      detail: 'nesting too deep for the JavaScript stack; lower maxDepth',
    });
  }
  throw e;
}
