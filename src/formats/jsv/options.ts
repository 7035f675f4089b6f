/**
 * Options of the JSV codec. Every field is optional; the frozen `*Defaults` objects say what
 * an absent field means, so callers can spread them (`{ ...jsvEncodeDefaults, pretty: true }`).
 */
import { DEFAULT_LIMITS } from '../common/limits.js';
import { DEFAULT_MAX_DEPTH, type DecodeOptions, type EncodeOptions } from '../codec.js';

export interface JsvEncodeOptions extends EncodeOptions {
  /**
   * The layout of ServiceStack's metadata pages and `.Dump()` (`JsvFormatter.Format`): one TAB
   * per level, `key: value`, nested openers on their own line under `key: ` (with its trailing
   * space), including the formatter's quirks (jsv-and-json.md §4). Display only: ServiceStack
   * cannot read it back (this codec can). Default false: the compact wire form.
   */
  readonly pretty?: boolean;
  /**
   * Line break of the pretty form: .NET's `Environment.NewLine`, `'\n'` (default) on a Linux
   * host, `'\r\n'` on a Windows one. Ignored unless `pretty`.
   */
  readonly newline?: '\n' | '\r\n';
}

export interface JsvDecodeOptions extends DecodeOptions {
  /**
   * Deepest nesting of objects, lists and dictionaries accepted, counting the root as 1 and
   * including content skipped inside unknown properties. Deeper input is a `depth` error,
   * never a stack overflow. Default 512.
   */
  readonly maxDepth?: number;
  /**
   * `false` (default): a value ServiceStack.Text would silently drop is an error: a wrong
   * type (`type`), an out-of-range Int32 (`range`), an unknown enum member (`enum`), an empty
   * slot in a list of a value type (`type`). The default is strict because a dropped value is
   * data loss nobody sees: a client that sends `count:1.5` would otherwise learn nothing.
   * `true` mimics ServiceStack: the property whose value fails keeps what it had (its .NET
   * default unless an earlier duplicate set it) and reading goes on; a failure inside a list
   * or dictionary drops the whole property, as ServiceStack drops the whole collection;
   * empty slots of `List<Double>`/`List<Boolean>`/enum lists read as the default and a
   * trailing comma in a `List<Int32>` is ignored, as ServiceStack does.
   * Malformed text (unbalanced brackets, an unterminated quote, text after the root) and
   * depth errors are raised either way.
   */
  readonly lenient?: boolean;
}

export const jsvEncodeDefaults: Readonly<Required<JsvEncodeOptions>> = Object.freeze({
  pretty: false,
  newline: '\n',
});

export const jsvDecodeDefaults: Readonly<Required<JsvDecodeOptions>> = Object.freeze({
  maxDepth: DEFAULT_MAX_DEPTH,
  lenient: false,
  ...DEFAULT_LIMITS,
});
