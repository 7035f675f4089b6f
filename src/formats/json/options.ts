/**
 * Options of the JSON codec. Every field is optional; the frozen `*Defaults` objects say what
 * an absent field means, so callers can spread them (`{ ...jsonEncodeDefaults, pretty: true }`).
 */
import { DEFAULT_LIMITS } from '../common/limits.js';
import { DEFAULT_MAX_DEPTH, type DecodeOptions, type EncodeOptions } from '../codec.js';

/**
 * How DateTime and DateTimeOffset are written (`JsConfig.DateHandler`): `'timestampOffset'`,
 * ServiceStack's default, the WCF form `\/Date(ms±hhmm)\/`, which carries milliseconds only;
 * `'iso8601'`, what a host configured with `DateHandler.ISO8601` writes (`ToString("o")`),
 * which keeps every tick. The reader takes both whatever this says.
 */
export type DateHandler = 'timestampOffset' | 'iso8601';

/** How NaN and ±Infinity are written. */
export type NonFiniteMode = 'bare' | 'string';

export interface JsonEncodeOptions extends EncodeOptions {
  /**
   * `'bare'` (default) writes `NaN`, `Infinity`, `-Infinity` unquoted, exactly as a
   * ServiceStack.Text host does. That is not valid JSON: `JSON.parse` and most strict parsers
   * reject it. `'string'` writes them as the JSON strings `"NaN"`, `"Infinity"`, `"-Infinity"`
   * instead, which any JSON parser accepts and which ServiceStack's reader (and this codec's)
   * still reads back as the double.
   */
  readonly nonFinite?: NonFiniteMode;
  /** See `DateHandler`. Default `'timestampOffset'`, as a ServiceStack host writes. */
  readonly dateHandler?: DateHandler;
  /**
   * Two-space indentation, `"name": value`. Display only: ServiceStack never pretty-prints
   * JSON (its metadata pages show the compact form), so the bytes no longer match the server's;
   * the decoder reads it back like any JSON. Default false.
   */
  readonly pretty?: boolean;
  /** Line break of the pretty form. Default `'\n'`. Ignored unless `pretty`. */
  readonly newline?: '\n' | '\r\n';
}

export interface JsonDecodeOptions extends DecodeOptions {
  /**
   * Deepest nesting of objects and arrays accepted, counting the root object as 1, including
   * content skipped inside unknown properties. Deeper input is a `depth` error. Default 512;
   * a positive integer or `Infinity` (then the JavaScript stack is the limit, still reported
   * as a `depth` error).
   */
  readonly maxDepth?: number;
  /**
   * `false` (default): a value ServiceStack would silently drop is an error — `null` for a
   * non-nullable value type (`strict`), a wrong type (`type`), an out-of-range Int32 (`range`),
   * an unknown enum member (`enum`). `true` mimics ServiceStack.Text: the member whose value
   * failed keeps what it had (its .NET default unless an earlier duplicate set it) and reading
   * goes on. A bad element of a list, or a bad value of a dictionary, drops the member holding
   * that collection, as ServiceStack drops the whole collection; a bad member of an object
   * inside a collection only costs that member. Malformed JSON and depth errors are raised
   * either way.
   */
  readonly lenient?: boolean;
}

export const jsonEncodeDefaults: Readonly<Required<JsonEncodeOptions>> = Object.freeze({
  nonFinite: 'bare',
  dateHandler: 'timestampOffset',
  pretty: false,
  newline: '\n',
});

export const jsonDecodeDefaults: Readonly<Required<JsonDecodeOptions>> = Object.freeze({
  maxDepth: DEFAULT_MAX_DEPTH,
  lenient: false,
  ...DEFAULT_LIMITS,
});
