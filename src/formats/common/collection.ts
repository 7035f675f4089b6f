/** JSON and JSV write every list the same way: a collection document is one whose first token is `[`. */
export function startsWithBracket(head: string): boolean {
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c === 0x5b;
  }
  return false;
}
