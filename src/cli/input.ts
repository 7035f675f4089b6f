/**
 * Reading documents: files, directories and stdin, as UTF-8 text with a size limit, and
 * writing outputs atomically (temp file + rename) so a failure never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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
    throw notUtf8(name);
  }
  return checkText(text, name);
}

function notUtf8(name: string): InputError {
  return new InputError(`${name}: not UTF-8 text (binary data?)`);
}

/** What every input must be besides UTF-8: not empty, not binary, not only white space. */
function checkText(text: string, name: string): string {
  if (text.length === 0) throw new InputError(`${name}: input is empty`);
  // JSV writes strings raw, so a document may carry a NUL character (a Char of 0); UTF-16 text
  // read as UTF-8 (valid: every other byte NUL) and binary data are NUL-dense instead.
  if (nulShare(text) > 0.1) throw new InputError(`${name}: contains NUL characters (UTF-16 or binary data?)`);
  if (text.trim().length === 0) throw new InputError(`${name}: input is only whitespace`);
  return text;
}

/**
 * A regular file as text through Node's native UTF-8 read, which frees its byte buffer at once:
 * a JavaScript Buffer of the bytes would live on until a major GC and, for a 160 MB document,
 * cost 160 MB more at the peak of the conversion. Node writes U+FFFD for invalid UTF-8, so
 * only a text that has one is checked against its bytes again.
 */
function readRegularFile(fd: number, path: string, maxBytes: number): string {
  let text: string;
  try {
    text = readFileSync(fd, 'utf8');
  } catch (e) {
    throw fsError(e, path, 'read');
  }
  // Each UTF-16 unit took at least one byte: a file that grew past the limit since fstat is caught here.
  if (text.length > maxBytes) throw tooLargeStream(path, maxBytes);
  if (text.includes('\uFFFD')) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw fsError(e, path, 'read');
    }
    if (!isUtf8(bytes)) throw notUtf8(path);
  }
  return checkText(text, path);
}

function tooLarge(name: string, size: number, max: number): InputError {
  return new InputError(
    `${name}: ${humanSize(size)} is over the ${humanSize(max)} limit for one document (whole documents are read into memory; raise it with --max-size)`,
  );
}

/** A stream (pipe, FIFO, device) has no size to check up front: it is cut off at the limit. */
export function tooLargeStream(name: string, max: number): InputError {
  return new InputError(
    `${name}: more than the ${humanSize(max)} limit for one document; stopped reading there (whole documents are read into memory; raise it with --max-size)`,
  );
}

/** What each errno means to someone who named a path; the fallback is the code and Node's text without the path. */
const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted (permission denied)',
  EISDIR: 'is a directory (a file was expected)',
  ENOTDIR: 'a component of the path is not a directory',
  ELOOP: 'too many levels of symbolic links (a symlink loop?)',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files in this process (raise the limit: ulimit -n)',
  ENFILE: 'too many open files in the system',
  ENXIO: 'no such device or address (a socket, or a device that is not there)',
  ENODEV: 'no such device',
  EIO: 'input/output error',
  EBUSY: 'device or resource busy',
  ETXTBSY: 'text file busy',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EXDEV: 'cross-device link',
  EEXIST: 'already exists',
  ENOTEMPTY: 'directory not empty',
  EINVAL: 'invalid argument',
  ESPIPE: 'illegal seek',
  EBADF: 'bad file descriptor (closed?)',
  ENOMEM: 'out of memory',
};

/** `cannot read: permission denied` from an fs error; anything not an fs error is returned as is (a bug, exit 70). */
export function fsError(e: unknown, path: string, verb: string, reasons: Readonly<Record<string, string>> = {}): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(e instanceof Error)) return e;
  const reason = reasons[code] ?? ERRNO_REASONS[code] ?? `${code}: ${e.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/, '')}`;
  return new InputError(`${path}: cannot ${verb}: ${reason}`);
}

/** Blocking reads of a descriptor someone else made non-blocking give EAGAIN: wait a little and read again. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads a descriptor to its end, counting bytes as they arrive: a regular file's size is only a
 * hint (FIFOs, pipes and character devices report 0, and a file may grow), and past `max` it
 * stops reading and refuses, so an endless device costs `max` bytes, not all memory.
 */
function readToEnd(fd: number, name: string, max: number, sizeHint: number): Buffer {
  let data = Buffer.allocUnsafe(Math.min(max + 1, Math.max(sizeHint + 1, 64 * 1024)));
  let total = 0;
  for (;;) {
    if (total === data.length) {
      if (total > max) throw tooLargeStream(name, max);
      const grown = Buffer.allocUnsafe(Math.min(max + 1, data.length * 2));
      data.copy(grown, 0, 0, total);
      data = grown;
    }
    let n: number;
    try {
      n = readSync(fd, data, total, data.length - total, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      throw fsError(e, name, 'read');
    }
    if (n === 0) break;
    total += n;
  }
  if (total > max) throw tooLargeStream(name, max);
  return data.subarray(0, total);
}

/** Reads a file (or a FIFO, a device, /dev/stdin) as UTF-8 text; a regular file over `maxBytes` is refused before reading. */
export function readFileText(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    // Where a file is expected, a missing one is "no such file" (as this message always said).
    throw fsError(e, path, 'read', { ENOENT: 'no such file' });
  }
  try {
    let st;
    try {
      st = fstatSync(fd);
    } catch (e) {
      throw fsError(e, path, 'read');
    }
    if (st.isDirectory()) throw new InputError(`${path}: cannot read: ${ERRNO_REASONS.EISDIR}`);
    if (st.isFile() && st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    if (st.isFile()) return readRegularFile(fd, path, maxBytes);
    return decodeText(readToEnd(fd, path, maxBytes, 0), path);
  } finally {
    closeSync(fd);
  }
}

/** Node opens /dev/null for a closed stdin (`<&-`), so the two read alike: say both. */
export const EMPTY_STDIN = '<stdin>: input is empty (nothing was piped in: stdin is empty, closed or /dev/null; name a FILE or pipe a document in)';

export interface InputFile {
  /** Path to read. */
  path: string;
  /** Path relative to the directory argument it was found under ('' root for plain files). */
  relative: string;
  /** A directory under an argument that could not be listed: reported as this entry's failure. */
  error?: InputError;
}

export interface Inputs {
  files: InputFile[];
  fromDirectory: boolean;
  /** The directory arguments, as given. */
  directories: string[];
}

/**
 * Expands directory arguments into the files under them whose extension a codec knows (paths
 * only: each file is read when it is converted). A subdirectory that cannot be listed becomes a
 * failed entry; an argument that cannot be read at all is an InputError.
 */
export function expandInputs(args: readonly string[], extensions: readonly string[]): Inputs {
  const files: InputFile[] = [];
  const directories: string[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      throw fsError(e, arg, 'read');
    }
    if (!st.isDirectory()) {
      files.push({ path: arg, relative: basename(arg) });
      continue;
    }
    directories.push(arg);
    const before = files.length;
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        const error = fsError(e, dir, 'list the directory');
        if (!(error instanceof InputError)) throw error;
        files.push({ path: dir, relative: relative(arg, dir), error });
        return;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.isFile() && extensions.some((x) => entry.name.toLowerCase().endsWith(x))) files.push({ path: p, relative: relative(arg, p) });
      }
    };
    walk(arg);
    if (files.length === before) throw new InputError(`${arg}: no ${extensions.join(', ')} files in this directory`);
  }
  return { files, fromDirectory: directories.length > 0, directories };
}

/** A file's identity (device and inode): the same file by any spelling, symlink or hard link. */
export function fileId(st: { dev: number; ino: number }): string {
  return `${st.dev}:${st.ino}`;
}

/** The identity of the file at `path` (symlinks followed), or undefined when there is none. */
export function pathId(path: string): string | undefined {
  try {
    return fileId(statSync(path));
  } catch {
    return undefined;
  }
}

/** The identity of stdin when it is a regular file (`< a.json`), the one case an output can be it. */
export function stdinId(): string | undefined {
  try {
    const st = fstatSync(0);
    return st.isFile() ? fileId(st) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The real path of `path`, which need not exist: the real path of its deepest existing
 * ancestor, with the rest appended.
 */
export function realPathOf(path: string): string {
  const rest: string[] = [];
  let p = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(p), ...rest.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return join(p, ...rest.reverse());
      rest.push(basename(p));
      p = parent;
    }
  }
}

/** Whether `inner` is `outer` or lies under it (both real paths). */
export function isWithin(inner: string, outer: string): boolean {
  const r = relative(outer, inner);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** An unpaired surrogate: UTF-8 cannot carry it, and Node's encoder would write U+FFFD in its place. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text that would not be written as it is: the CLI writes UTF-8, and a lone surrogate
 * (a JSON "\ud800" escape read into a string) would silently become U+FFFD. Names the
 * position in the output (line:column, columns in UTF-16 code units, and the offset).
 */
export function checkWritable(text: string, what: string): void {
  new OutputCheck(what).check(text);
}

/**
 * `checkWritable` over an output written in pieces: positions are in the whole output. Lines
 * are counted only when a piece is refused, from the pieces' line counts kept on the way.
 */
export class OutputCheck {
  private line = 1;
  private lineStart = 0;
  private offset = 0;
  constructor(private readonly what: string) {}

  check(text: string): void {
    const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed;
    const ok = wellFormed ? wellFormed.call(text) : !LONE_SURROGATE.test(text);
    // A pair split between two pieces is two lone halves here; the encoders never split one.
    if (ok) {
      this.advance(text, text.length);
      return;
    }
    const m = LONE_SURROGATE.exec(text)!;
    this.advance(text, m.index);
    const at = this.offset;
    const unit = text.charCodeAt(m.index).toString(16).toUpperCase();
    throw new InputError(
      `${this.what}: the output has an unpaired surrogate U+${unit} at ${this.line}:${at - this.lineStart + 1} (UTF-16 offset ${at}); ` +
        'UTF-8 cannot carry it (it would be written as U+FFFD), so nothing was written',
    );
  }

  private advance(text: string, end: number): void {
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = this.offset + i + 1;
    }
    this.offset += end;
  }
}

/** Where streamed output goes: a file via a temporary one (renamed into place by `commit`), or stdout. */
export interface OutputSink {
  /** UTF-16 units written so far. */
  written: number;
  write(text: string): Promise<void> | void;
  /** The output is complete: put it in place. */
  commit(): void;
  /** Something failed: leave no partial file behind (a device or FIFO keeps what it was given). */
  abort(): void;
}

/**
 * Writes via a temp file in the same directory and a rename, so readers never see a partial
 * file; missing directories on the way are created. A symlink stays a symlink (its target is
 * what is replaced), and a device, FIFO or socket (-o /dev/null, -o /dev/stdout) is written
 * into, never replaced by a regular file. Errors name the path and the errno's meaning.
 */
export function writeFileAtomic(outputPath: string, text: string): void {
  checkWritable(text, outputPath);
  const sink = openOutput(outputPath);
  try {
    sink.write(text);
  } catch (e) {
    sink.abort();
    throw e;
  }
  sink.commit();
}

/**
 * UTF-16 units per write: big enough that the system calls do not matter, small enough to cost
 * no memory. One buffer is reused (a fresh Buffer per slice would be garbage that only a major
 * GC frees: for a 160 MB output, 160 MB more at the peak); a unit takes at most 3 bytes.
 */
const WRITE_SLICE = 1 << 18;
const writeBuffer = Buffer.allocUnsafe(3 * WRITE_SLICE);

/** A write to a pipe or FIFO may take only part of the bytes, or none yet (EAGAIN): loop until all are out. */
function writeAll(fd: number, bytes: Buffer): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

/** `writeFileAtomic` in pieces: each `write` is checked (a lone surrogate is refused with its position) and appended. */
export function openOutput(outputPath: string): OutputSink {
  let path = outputPath;
  let st;
  try {
    st = statSync(outputPath);
  } catch {
    st = undefined; // absent (or a dangling symlink, which the rename then replaces)
  }
  const check = new OutputCheck(outputPath);
  const direct = st !== undefined && !st.isFile() && !st.isDirectory();
  if (st?.isFile()) {
    try {
      path = realpathSync(outputPath);
    } catch (e) {
      throw fsError(e, outputPath, 'write');
    }
  }
  const dir = dirname(path);
  const target = direct ? outputPath : join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  if (!direct) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      // mkdir -p says EEXIST when a component is a file: the path's real problem is ENOTDIR.
      const code = (e as NodeJS.ErrnoException).code;
      throw fsError(code === 'EEXIST' ? Object.assign(new Error(), { code: 'ENOTDIR' }) : e, outputPath, 'write');
    }
  }
  let fd: number | undefined;
  const cleanUp = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (!direct) rmSync(target, { force: true });
  };
  try {
    fd = openSync(target, direct ? 'w' : 'wx');
  } catch (e) {
    throw fsError(e, outputPath, 'write');
  }
  const sink: OutputSink = {
    written: 0,
    write(text: string): void {
      check.check(text);
      try {
        // In slices: one Buffer of the whole text would double the output's memory at the end.
        for (let i = 0; i < text.length; ) {
          let end = Math.min(i + WRITE_SLICE, text.length);
          // Never between the halves of a surrogate pair (each half would be written as U+FFFD).
          if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
          const n = writeBuffer.write(end - i === text.length ? text : text.slice(i, end), 'utf8');
          writeAll(fd!, writeBuffer.subarray(0, n));
          i = end;
        }
      } catch (e) {
        cleanUp();
        throw fsError(e, outputPath, 'write');
      }
      sink.written += text.length;
    },
    commit(): void {
      try {
        closeSync(fd!);
        fd = undefined;
        if (!direct) renameSync(target, path);
      } catch (e) {
        cleanUp();
        throw fsError(e, outputPath, 'write');
      }
    },
    abort: cleanUp,
  };
  return sink;
}

/** `--max-size 300M`, `2G`, `1048576`. */
export function parseSize(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}
