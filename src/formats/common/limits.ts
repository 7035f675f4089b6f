/**
 * The decode limits, one set for every format (issue 11). Each bounds one dimension of a
 * document an attacker controls, so that memory and time stay proportional to what a real
 * ServiceStack payload needs; each has its own error code, which is the option's name without
 * `max` (`maxStringLength` → `stringLength`), and every error says the limit and how to raise it.
 *
 * The defaults are far above anything a ServiceStack host sends or accepts. .NET's
 * `XmlDictionaryReaderQuotas` defaults (WCF: MaxDepth 32, MaxStringContentLength 8192,
 * MaxArrayLength 16384, MaxNameTableCharCount 16384) are not the anchor: ServiceStack reads
 * XML with `XmlDictionaryReaderQuotas.Max`, i.e. no quota at all, so a default here must never
 * refuse what the server accepts; it only stops what no server would ever produce.
 *
 * All lengths are in UTF-16 code units of JavaScript strings (what `.length` counts). `Infinity`
 * turns a limit off. Nesting depth stays where it was (`maxDepth`, code `depth`, default 512).
 */
import type { DtoErrorCode } from '../../errors.js';
import { failLocated, lineCol } from './failure.js';

export interface DecodeLimits {
  /**
   * Longest document accepted by a whole-document API, in UTF-16 units of the input string;
   * checked before anything is read. Default 2²⁸ = 268,435,456: the CLI's `--max-size` (256 MiB)
   * of ASCII text, so nothing the CLI reads is refused by the library, and half of V8's longest
   * string (2²⁹ − 24). Decoding needs memory linear in the document (measured: JSON ≈ 7× the
   * input), so a server should lower it to its request-body limit (Kestrel: 30,000,000 bytes).
   */
  readonly maxDocumentLength: number;
  /**
   * Longest single string or text value, after unescaping: a String member, list item or
   * dictionary key, and the base64 text of a `Byte[]`. Default 2²⁴ = 16,777,216 (32 MB of
   * UTF-16; a base64 `Byte[]` of 12 MiB). Names, notes and ids are far shorter; a larger file
   * belongs in a multipart upload, not a DTO string. For streaming readers, where no document
   * length applies, this is what keeps one token from filling memory.
   */
  readonly maxStringLength: number;
  /**
   * Most elements in one list (array). Default 10⁷: a real list (a page of records, a report's
   * rows) stays well below, and benchmarks decode 400,000-entry collections. Each element
   * costs at least an 8-byte slot for at least 2 characters of input (`0,`), so a list at the
   * limit takes ≥ 80 MB of slots for a ≥ 20 MB document: bounded, and linear. Elements that are
   * objects of a class with many value-type members are filled with their defaults, about
   * 10–20 bytes per member for 2–15 characters of input (`{}`, `<CustomerInfo/>`): a server
   * that accepts such lists from untrusted clients should lower this limit.
   */
  readonly maxCollectionLength: number;
  /**
   * Most entries in one dictionary. Default 10⁷, as for lists (benchmarks decode a
   * 400,000-entry dictionary). An entry of a hash-table object costs about 50–100 bytes with
   * its key, for at least ~8 characters of input (keys are distinct, so they grow with the
   * count): under 1 GB at the limit, linear in the input, with amortized O(1) inserts.
   */
  readonly maxDictionaryEntries: number;
  /**
   * Longest member, element or attribute name as written (an XML qualified name counts its
   * prefix). Dictionary keys are strings, under `maxStringLength`. Default 2²⁰ = 1,048,576.
   * C# refuses identifiers over 511 characters (CS0645) and CLR metadata names over 1023 UTF-8
   * bytes, so no contract or member name comes near. Names cost time and memory linear in
   * their length (an unknown name is compared, never copied: an open element holds a slice of
   * the input), so the limit is not what keeps time linear; it caps what one open element
   * holds in a streaming reader (`maxDepth` of them) and gives a clear error early. It is set
   * high enough for the hostile-shape tests of linear time (200,000-character prefixes and
   * names) to run on the defaults.
   */
  readonly maxNameLength: number;
  /**
   * Most attributes, namespace declarations included, on one XML element. Default 4096: DCS
   * writes at most a handful (`xmlns`, `xmlns:i`, a `xmlns:d2p1`, `i:nil`, `i:type`), and a
   * hand-written document declaring every namespace on the root a few dozen. Duplicate checks
   * and prefix lookups are linear (hashed past a few), so what the limit bounds is the
   * per-element memory of those tables (a few words per attribute) and the in-scope bindings
   * (at most `maxDepth` × this); a flood of 10⁶ declarations is refused after 4096.
   */
  readonly maxAttributes: number;
}

export type LimitName = keyof DecodeLimits;

export const DEFAULT_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxDocumentLength: 2 ** 28,
  maxStringLength: 2 ** 24,
  maxCollectionLength: 10_000_000,
  maxDictionaryEntries: 10_000_000,
  maxNameLength: 2 ** 20,
  maxAttributes: 4096,
});

/** The option names, in documentation order (option validation walks them). */
export const LIMIT_NAMES: readonly LimitName[] = Object.freeze(Object.keys(DEFAULT_LIMITS) as LimitName[]);

/** The error code of each limit: the option's name without `max`. */
export const LIMIT_CODES: { readonly [N in LimitName]: DtoErrorCode } = Object.freeze({
  maxDocumentLength: 'documentLength',
  maxStringLength: 'stringLength',
  maxCollectionLength: 'collectionLength',
  maxDictionaryEntries: 'dictionaryEntries',
  maxNameLength: 'nameLength',
  maxAttributes: 'attributes',
});

/** How each limit is exceeded, in messages: `longer than …`, `more than … elements`. */
const OVER: { readonly [N in LimitName]: (limit: string) => string } = {
  maxDocumentLength: (l) => `longer than maxDocumentLength (${l})`,
  maxStringLength: (l) => `longer than maxStringLength (${l})`,
  maxCollectionLength: (l) => `more elements than maxCollectionLength (${l})`,
  maxDictionaryEntries: (l) => `more entries than maxDictionaryEntries (${l})`,
  maxNameLength: (l) => `longer than maxNameLength (${l})`,
  maxAttributes: (l) => `more attributes than maxAttributes (${l})`,
};

/** The fields of a limit error other than the position: code, what was found, and how to raise it. */
export function limitDetail(name: LimitName, limit: number, found?: string): { code: DtoErrorCode; found?: string; detail: string } {
  const detail = `${OVER[name](String(limit))}; raise the option to accept it`;
  return found === undefined ? { code: LIMIT_CODES[name], detail } : { code: LIMIT_CODES[name], found, detail };
}

/**
 * Throws the `Failure` of limit `name` exceeded at `offset` of `text` (line:column computed
 * only now, on the error path). `found` says what was there (`a string of 20000000 characters`).
 */
export function failLimit(name: LimitName, limit: number, text: string, offset: number, found?: string): never {
  return failLocated(() => lineCol(text, offset), limitDetail(name, limit, found));
}

/**
 * The whole-document check, first thing inside a codec's decode (so the entry point adds the
 * format and type as for every failure). The position is the first unit past the limit.
 */
export function checkDocumentLength(text: string, limits: DecodeLimits): void {
  const max = limits.maxDocumentLength;
  if (text.length > max) failLimit('maxDocumentLength', max, text, max, `a document of ${text.length} characters`);
}
