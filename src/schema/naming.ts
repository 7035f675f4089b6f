/**
 * ServiceStack.Text's `ToCamelCase`, restated from its documented behaviour: the leading
 * run of ASCII capitals is lower-cased, except that the last capital before a lower-case
 * letter stays (it starts the next word). `AIInsights` → `aiInsights`, `URLValue` →
 * `urlValue`, `IDs` → `iDs`, `_Foo` → `_Foo`.
 */
export function toCamelCase(name: string): string {
  const isUpper = (c: string | undefined): boolean => c !== undefined && c >= 'A' && c <= 'Z';
  let out = '';
  let i = 0;
  for (; i < name.length; i++) {
    const c = name[i]!;
    if (!isUpper(c)) break;
    // The position past the end counts as upper-case, so an all-caps name is fully lowered.
    const nextUpper = i + 1 >= name.length || isUpper(name[i + 1]);
    if (i === 0 || nextUpper) out += c.toLowerCase();
    else break;
  }
  return out + name.slice(i);
}

/** ServiceStack's `ToPascalCase` of a member name: the first letter upper-cased. */
export function toPascalCase(name: string): string {
  return name.length === 0 ? name : name[0]!.toUpperCase() + name.slice(1);
}

/**
 * ServiceStack's `ToLowercaseUnderscore` (TextCase.SnakeCase): camel-case the name, then put
 * `_` before every character that is not a lower-case letter, a digit or `_`, lower-cased:
 * `CustomerId` → `customer_id`, `AIInsights` → `ai_insights`.
 */
export function toSnakeCase(name: string): string {
  let out = '';
  for (const c of toCamelCase(name)) {
    const lower = c.toLowerCase();
    const isLowerLetter = c === lower && c !== c.toUpperCase();
    out += isLowerLetter || (c >= '0' && c <= '9') || c === '_' ? c : '_' + lower;
  }
  return out;
}

/**
 * A member's JSON/JSV name in a text case, as ServiceStack.Text's `TypePropertyWriter` picks it:
 * camel → `ToCamelCase`, snake → `ToLowercaseUnderscore`, pascal (and the default) → the .NET
 * name as declared.
 */
export function inTextCase(name: string, textCase: 'camel' | 'pascal' | 'snake'): string {
  return textCase === 'camel' ? toCamelCase(name) : textCase === 'pascal' ? name : toSnakeCase(name);
}
