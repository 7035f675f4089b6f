/**
 * Reading documents: files, directories and stdin, as UTF-8 text with a size limit, and
 * writing outputs atomically (temp file + rename) so a failure never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** Whole documents are held in memory; past this a clear message beats an out-of-memory crash. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** A problem with the input itself (not its content): unreadable, empty, binary, too large. Exit 1. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function humanSize(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function nulShare(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\u0000'); i !== -1; i = text.indexOf('\u0000', i + 1)) n++;
  return n / text.length;
}

/** Decodes UTF-8 (a BOM is kept for the codecs, which accept it) and refuses binary data. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: input is empty`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${name}: not UTF-8 text (binary data?)`);
  }
  // JSV writes strings raw, so a document may carry a NUL character (a Char of 0); UTF-16 text
  // read as UTF-8 (valid: every other byte NUL) and binary data are NUL-dense instead.
  if (nulShare(text) > 0.1) throw new InputError(`${name}: contains NUL characters (UTF-16 or binary data?)`);
  if (text.trim().length === 0) throw new InputError(`${name}: input is only whitespace`);
  return text;
}

function tooLarge(name: string, size: number, max: number): InputError {
  return new InputError(
    `${name}: ${humanSize(size)} is over the ${humanSize(max)} limit for one document (whole documents are read into memory; raise it with --max-size)`,
  );
}

export function readFileText(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new InputError(`${path}: cannot read: ${why}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory`);
    if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return decodeText(buf.subarray(0, off), path);
  } finally {
    closeSync(fd);
  }
}

export async function readStdinText(maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > maxBytes) throw tooLarge('<stdin>', total, maxBytes);
    chunks.push(b);
  }
  return decodeText(Buffer.concat(chunks), '<stdin>');
}

export interface InputFile {
  /** Path to read. */
  path: string;
  /** Path relative to the directory argument it was found under ('' root for plain files). */
  relative: string;
}

/** Expands directory arguments into the files under them whose extension a codec knows. */
export function expandInputs(args: readonly string[], extensions: readonly string[]): { files: InputFile[]; fromDirectory: boolean } {
  const files: InputFile[] = [];
  let fromDirectory = false;
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new InputError(`${arg}: cannot read: no such file or directory`);
    }
    if (!st.isDirectory()) {
      files.push({ path: arg, relative: basename(arg) });
      continue;
    }
    fromDirectory = true;
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.isFile() && extensions.some((x) => entry.name.toLowerCase().endsWith(x))) found.push(p);
      }
    };
    walk(arg);
    if (found.length === 0) throw new InputError(`${arg}: no ${extensions.join(', ')} files in this directory`);
    for (const p of found) files.push({ path: p, relative: relative(arg, p) });
  }
  return { files, fromDirectory };
}

/** Writes via a temp file in the same directory and a rename, so readers never see a partial file. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${path}: cannot write: ${(e as Error).message}`);
  }
}

/** `--max-size 300M`, `2G`, `1048576`. */
export function parseSize(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}
