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
