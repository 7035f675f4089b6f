/**
 * What the JSV pretty form (`JsvFormatter.Format`, jsv-and-json.md §4) can carry.
 *
 * The formatter is a textual pass that treats braces, brackets and colons inside quoted
 * strings as structure too; ServiceStack cannot read its output back at all. This project's
 * reader undoes the pass exactly by replaying it (src/formats/jsv/pretty.ts), which works for
 * every string but one shape: the formatter writes a nested value after a key as
 * `key:` + space + line break + TABs + `{` (or `[`), so a string that itself contains a colon
 * followed by a line break, as many TABs as the string's depth, and an opener reads as that
 * layout (`{name:":\n\t{"}` comes back without its TAB). Found by exhaustive search over
 * strings of up to five characters from `{ } [ ] : , " space TAB LF a` in every position
 * (member, list element, dictionary key, nested value) and by random search; nothing else
 * differs. The check below ignores the TAB count (a superset: it does not know the depth).
 */
import type { TypeDescriptor } from '../schema/descriptors.js';

/** A colon, a line break, any TABs, an opener: the formatter's own layout before a nested value. */
const AMBIGUOUS = /:\r?\n\t*[{[]/;

/** Whether JSV's pretty form carries `s` (a string value or a dictionary key). */
export function jsvPrettyCanCarryText(s: string): boolean {
  return !AMBIGUOUS.test(s);
}

/** Whether every string and dictionary key in `value` (of `type`) survives the JSV pretty form. */
export function jsvPrettyCanCarry(type: TypeDescriptor, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (type.kind) {
    case 'scalar':
      return typeof value !== 'string' || jsvPrettyCanCarryText(value);
    case 'enum':
      return true;
    case 'nullable':
      return jsvPrettyCanCarry(type.of, value);
    case 'list':
      return !Array.isArray(value) || value.every((e: unknown) => jsvPrettyCanCarry(type.of, e));
    case 'dictionary':
    case 'class': {
      if (typeof value !== 'object') return true;
      const o = value as Record<string, unknown>;
      const dict = type.kind === 'dictionary' ? type : type.dictionary;
      if (dict) return Object.keys(o).every((k) => jsvPrettyCanCarryText(k) && jsvPrettyCanCarry(dict.value, o[k]));
      if (type.kind !== 'class') return true;
      return type.properties.every((p) => !Object.prototype.hasOwnProperty.call(o, p.wireName) || jsvPrettyCanCarry(p.type, o[p.wireName]));
    }
  }
}
