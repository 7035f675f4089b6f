/**
 * The one error class of the library. Every failure to read, write or look something up
 * is a `DtoFormatError`; nothing else escapes the public API on bad input.
 */

/** What went wrong, for programs that branch on it. */
export type DtoErrorCode =
  /** The text is not well-formed for its format (unbalanced brackets, bad token, truncation). */
  | 'syntax'
  /** A value is of the wrong kind for its declared type (`"x"` for an Int32). */
  | 'type'
  /** A number outside the range of its .NET type. */
  | 'range'
  /** A name that is not a member of the enum. */
  | 'enum'
  /** Nesting deeper than the configured limit. */
  | 'depth'
  /** Something the format allows but this library refuses on purpose (DOCTYPE, entities). */
  | 'forbidden'
  /** A rule the reference reader enforces (strict mode): out-of-order XML members, a null for a value type… */
  | 'strict'
  /** A value this format has no way to carry (a `System.Object` member): the message names the member. */
  | 'unsupported'
  /** A schema that cannot be resolved: bad `/types/metadata`, an unknown type reference, cyclic inheritance. */
  | 'schema'
  /** A type, format, revision or option that does not exist. */
  | 'usage'
  // The decode limits (src/formats/common/limits.ts): each code is its option's name without
  // `max`, and the message says the limit and that raising the option accepts the input.
  /** A whole document longer than `maxDocumentLength` (UTF-16 units); nothing was read. */
  | 'documentLength'
  /** One string or text value (a `Byte[]`'s base64 included), after unescaping, longer than `maxStringLength`. */
  | 'stringLength'
  /** One list with more elements than `maxCollectionLength`. */
  | 'collectionLength'
  /** One dictionary with more entries than `maxDictionaryEntries`. */
  | 'dictionaryEntries'
  /** A member, element or attribute name longer than `maxNameLength`. */
  | 'nameLength'
  /** One XML element with more attributes (namespace declarations included) than `maxAttributes`. */
  | 'attributes';

export type FormatName = 'JSON' | 'JSV' | 'XML' | 'NDJSON';

export interface DtoFormatErrorDetails {
  readonly code: DtoErrorCode;
  readonly format?: FormatName;
  readonly direction?: 'decode' | 'encode';
  /** The root DTO name (`CustomerInfo`). */
  readonly typeName?: string;
  /** The path inside the DTO in wire names: `schedule.rules[2].byHour[0]`. Empty for the root. */
  readonly path?: string;
  /** 1-based position in the input text, for decode errors. */
  readonly line?: number;
  readonly column?: number;
  /** What the reader expected (`Int32`, `'}'`, `a TagColors member`). */
  readonly expected?: string;
  /** What it found, already quoted/abridged for display. */
  readonly found?: string;
  /** Free text when expected/found do not say it all. */
  readonly detail?: string;
}

function location(d: DtoFormatErrorDetails): string {
  const where = d.typeName === undefined ? d.path ?? '' : d.path ? `${d.typeName}.${d.path}` : d.typeName;
  return where.replace(/\.\[/g, '[');
}

function compose(d: DtoFormatErrorDetails): string {
  if (d.code === 'usage') return d.detail ?? 'invalid usage';
  if (d.code === 'schema') return `invalid schema: ${d.detail ?? 'unknown problem'}`;
  const verb = d.direction === 'encode' ? 'encode' : 'decode';
  let s = `cannot ${verb}`;
  const where = location(d);
  if (where) s += ` ${where}`;
  if (d.format) s += d.direction === 'encode' ? ` to ${d.format}` : ` from ${d.format}`;
  if (d.line !== undefined && d.column !== undefined) s += ` at ${d.line}:${d.column}`;
  const parts: string[] = [];
  if (d.expected !== undefined) parts.push(`expected ${d.expected}`);
  if (d.found !== undefined) parts.push(`got ${d.found}`);
  let tail = parts.join(', ');
  if (d.detail) tail = tail ? `${tail} (${d.detail})` : d.detail;
  return tail ? `${s}: ${tail}` : s;
}

export class DtoFormatError extends Error implements DtoFormatErrorDetails {
  readonly code: DtoErrorCode;
  // `declare`: absent details stay absent (an ES2022 class field would define them as undefined).
  declare readonly format?: FormatName;
  declare readonly direction?: 'decode' | 'encode';
  declare readonly typeName?: string;
  declare readonly path?: string;
  declare readonly line?: number;
  declare readonly column?: number;
  declare readonly expected?: string;
  declare readonly found?: string;
  declare readonly detail?: string;

  constructor(details: DtoFormatErrorDetails) {
    super(compose(details));
    this.name = 'DtoFormatError';
    this.code = details.code;
    const self = this as { -readonly [K in keyof DtoFormatErrorDetails]: DtoFormatErrorDetails[K] };
    if (details.format !== undefined) self.format = details.format;
    if (details.direction !== undefined) self.direction = details.direction;
    if (details.typeName !== undefined) self.typeName = details.typeName;
    if (details.path !== undefined) self.path = details.path;
    if (details.line !== undefined) self.line = details.line;
    if (details.column !== undefined) self.column = details.column;
    if (details.expected !== undefined) self.expected = details.expected;
    if (details.found !== undefined) self.found = details.found;
    if (details.detail !== undefined) self.detail = details.detail;
  }

  /** A copy with the root type name and a path prefix filled in (codecs add context as the error unwinds). */
  withContext(extra: Partial<DtoFormatErrorDetails>): DtoFormatError {
    return new DtoFormatError({ ...this.details(), ...extra });
  }

  details(): DtoFormatErrorDetails {
    const { code, format, direction, typeName, path, line, column, expected, found, detail } = this;
    return Object.fromEntries(
      Object.entries({ code, format, direction, typeName, path, line, column, expected, found, detail }).filter(
        ([, v]) => v !== undefined,
      ),
    ) as unknown as DtoFormatErrorDetails;
  }
}

export function usageError(detail: string): DtoFormatError {
  return new DtoFormatError({ code: 'usage', detail });
}

/** A declaration or metadata document that does not resolve; the detail names the type and member. */
export function schemaError(detail: string): DtoFormatError {
  return new DtoFormatError({ code: 'schema', detail });
}

/** Shows a found value briefly: strings quoted and cut, other things by kind. */
export function describeFound(v: unknown, max = 40): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') {
    const s = v.length > max ? v.slice(0, max) + '…' : v;
    return JSON.stringify(s);
  }
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
