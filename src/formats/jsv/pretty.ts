/**
 * The pretty form of the metadata pages (`JsvFormatter.Format`, jsv-and-json.md §4) and its
 * exact inverse. The formatter is a single textual pass over the compact string, not a
 * re-serialization, so its quirks (braces inside quoted strings re-indent, the "first colon"
 * space lands inside list elements and quoted keys) are reproduced by doing the same pass.
 */

const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;
const QUOTE = 0x22;
const TAB = 0x09;
const SPACE = 0x20;

function tabs(n: number): string {
  return n > 0 ? '\t'.repeat(n) : '';
}

/**
 * Lays out compact JSV as `JsvFormatter.Format` does: for every character of the compact text,
 * with `prev`/`next` its neighbours there,
 * - `{`/`[` after `:` and before an immediate closer stays inline with it (`meta: {}`);
 *   otherwise it goes on its own line when it follows `:`, and opens a level (newline + TABs);
 * - `}`/`]` closes a level on a new line (the count may go negative: no TABs then);
 * - `,` outside quotes ends the line (quotes protect only the comma);
 * - the first `:` after any of those gets one space after it.
 * Nothing trails the final character. The empty string stays empty (.NET returns null).
 */
export function formatJsv(compact: string, newline: '\n' | '\r\n' = '\n'): string {
  let out = '';
  let depth = 0;
  let firstColon = true;
  let inQuotes = false;
  let from = 0;
  const n = compact.length;
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i);
    let piece: string;
    if (c === LBRACE || c === LBRACK) {
      const prev = i > 0 ? compact.charCodeAt(i - 1) : 0;
      if (prev === COLON) {
        const next = compact.charCodeAt(i + 1);
        if (next === RBRACE || next === RBRACK) {
          i++;
          continue;
        }
        piece = newline + tabs(depth) + compact[i]!;
      } else {
        piece = compact[i]!;
      }
      depth++;
      piece += newline + tabs(depth);
      firstColon = true;
    } else if (c === RBRACE || c === RBRACK) {
      depth--;
      piece = newline + tabs(depth) + compact[i]!;
      firstColon = true;
    } else if (c === QUOTE) {
      inQuotes = !inQuotes;
      continue;
    } else if (c === COMMA && !inQuotes) {
      piece = ',' + newline + tabs(depth);
      firstColon = true;
    } else if (c === COLON && firstColon) {
      piece = ': ';
      firstColon = false;
    } else {
      continue;
    }
    out += compact.slice(from, i) + piece;
    from = i + 1;
  }
  return out + compact.slice(from);
}

/** Compact text recovered from a pretty one, with where each of its characters came from. */
export interface Unformatted {
  readonly compact: string;
  /** `origin[i]` is the offset in the pretty text of compact character `i`; `origin[compact.length]` is the pretty text's length. */
  readonly origin: Int32Array;
}

/**
 * The line break of a pretty document, or undefined when `text` is compact: the formatter
 * always puts one right after the root's opener, and compact JSV never has a raw line break
 * outside quotes (a string containing one is quoted), so this cannot misfire on compact input.
 */
export function prettyNewline(text: string, start: number): '\n' | '\r\n' | undefined {
  const c = text.charCodeAt(start);
  if (c !== LBRACE && c !== LBRACK) return undefined;
  const d = text.charCodeAt(start + 1);
  if (d === 0x0a) return '\n';
  if (d === 0x0d && text.charCodeAt(start + 2) === 0x0a) return '\r\n';
  return undefined;
}

/**
 * Undoes `formatJsv` exactly by running the same state machine backwards: at each point it
 * knows what the formatter must have inserted (a line break and the current number of TABs
 * after an opener or a comma, the same before a closer or before an opener that follows a
 * key's colon, one space after the first colon of a segment) and removes only that, so string
 * content, including leading spaces and TABs, is never trimmed. `unformatJsv(formatJsv(x)) === x`
 * for anything the writer produces but one case the formatter itself makes ambiguous: inside
 * a quoted string, a `:` followed by a line break and the current indentation before `{` or
 * `[` is read as the layout the formatter puts before a nested value. Outside quotes any
 * indentation is accepted before an opener or closer (hand-edited text); elsewhere the
 * characters the formatter did not insert are kept and the reader judges them.
 */
export function unformatJsv(text: string, start: number, newline: '\n' | '\r\n'): Unformatted {
  const n = text.length;
  const nl = newline.length;
  const origin = new Int32Array(n - start + 1);
  let out = '';
  let o = 0;
  let runFrom = start;
  let p = start;
  let depth = 0;
  let firstColon = true;
  let inQuotes = false;
  let prev = 0;

  // Characters from runFrom to p are copied; `cut` flushes them and skips to `to`.
  const cut = (to: number): void => {
    if (p > runFrom) {
      out += text.slice(runFrom, p);
      for (let q = runFrom; q < p; q++) origin[o++] = q;
    }
    p = to;
    runFrom = to;
  };
  const isNewline = (at: number): boolean =>
    nl === 1 ? text.charCodeAt(at) === 0x0a : text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a;
  // After a line break: exactly `count` TABs when `exact`, else any run of TABs and spaces; returns the
  // offset after them, or -1 when `at` is not a line break.
  const afterBreak = (at: number, count: number, exact: boolean): number => {
    if (!isNewline(at)) return -1;
    let q = at + nl;
    if (exact) {
      for (let k = 0; k < count; k++, q++) if (text.charCodeAt(q) !== TAB) return -1;
      return q;
    }
    for (let d = text.charCodeAt(q); d === TAB || d === SPACE; d = text.charCodeAt(++q));
    return q;
  };
  // The line break + indentation the formatter puts after an opener or a comma: TABs beyond
  // the depth belong to the value (a bare string may begin with a TAB).
  const skipIndent = (): void => {
    if (!isNewline(p)) return;
    let q = p + nl;
    for (let k = 0; k < depth && text.charCodeAt(q) === TAB; k++) q++;
    cut(q);
  };

  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === LBRACE || c === LBRACK) {
      const next = text.charCodeAt(p + 1);
      if (prev === COLON && (next === RBRACE || next === RBRACK)) {
        p += 2;
        prev = next;
        continue;
      }
      p++;
      prev = c;
      depth++;
      skipIndent();
      firstColon = true;
      continue;
    }
    if (isNewline(p)) {
      // Outside quotes a line break is always layout (compact JSV has none there), so the
      // indentation before an opener or closer need not match exactly; inside quotes (the
      // formatter re-indents braces in strings too) it must, to tell it from content.
      const exact = inQuotes;
      if (prev === COLON) {
        const q = afterBreak(p, depth, exact);
        const d = q < 0 ? 0 : text.charCodeAt(q);
        if (d === LBRACE || d === LBRACK) {
          cut(q);
          continue;
        }
      }
      const q = afterBreak(p, depth - 1, exact);
      const d = q < 0 ? 0 : text.charCodeAt(q);
      if (d === RBRACE || d === RBRACK) {
        cut(q);
        p++;
        prev = d;
        depth--;
        firstColon = true;
        continue;
      }
      prev = text.charCodeAt(p);
      p++;
      continue;
    }
    p++;
    prev = c;
    if (c === RBRACE || c === RBRACK) {
      depth--;
      firstColon = true;
    } else if (c === QUOTE) {
      inQuotes = !inQuotes;
    } else if (c === COMMA && !inQuotes) {
      skipIndent();
      firstColon = true;
    } else if (c === COLON && firstColon) {
      firstColon = false;
      if (text.charCodeAt(p) === SPACE) cut(p + 1);
    }
  }
  cut(p);
  origin[o] = n;
  return { compact: out, origin: origin.subarray(0, o + 1) };
}
