/**
 * The CLI on broken and hostile inputs (issue 11): FIFOs and devices, unreadable paths and
 * their errno, outputs that are inputs, missing output directories, closed stdin, thousands of
 * files, and output text UTF-8 cannot carry. End to end through the built binary
 * (dist/cli/main.js; `npm test` builds first), plus the errno mapping on its own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, statSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmdirSync, chmodSync, symlinkSync, writeFileSync, readFileSync as rf } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWritable, fsError, InputError } from '../../src/cli/input.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'dist/cli/main.js');
const fx = (p: string) => join(root, 'fixtures', p);
const tmp = () => mkdtempSync(join(tmpdir(), 'dto-hostile-'));

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Through sh, for redirections (`<&-`, `< file`, `ulimit`); the binary is "$CLI". */
function sh(script: string) {
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', cwd: root, timeout: 60_000, env: { ...process.env, CLI: `${process.execPath} ${bin}` } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * The tests run as root, where chmod 000 denies nothing: the CLI then runs under setpriv with
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped from its bounding and inheritable sets, so
 * root is held to the permission bits like anyone else and the kernel gives a real EACCES.
 */
function cliWithoutDacOverride(args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const cmd = asRoot ? 'setpriv' : process.execPath;
  const argv = asRoot
    ? ['--bounding-set', '-dac_override,-dac_read_search', '--inh-caps', '-dac_override,-dac_read_search', process.execPath, bin, ...args]
    : [bin, ...args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: root, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, error: r.error };
}

const oneLine = (s: string) => s.trim().split('\n').length === 1;

describe('FIFOs, pipes and character devices (size 0 in fstat) are read to their end', () => {
  it('a FIFO whose writer sent {"name": and closed is a syntax error at 1:9, not "input is empty"', () => {
    const dir = tmp();
    const fifo = join(dir, 'f.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The writer blocks until the CLI opens the FIFO for reading, writes, and closes.
    const writer = spawn('sh', ['-c', `printf '{"name":' > "${fifo}"`]);
    const r = cli(['convert', fifo, '--type', 'NewCustomer', '--to', 'xml']);
    writer.kill();
    expect(r.err).not.toMatch(/empty/);
    expect(r.err).toMatch(/^dto-formats: cannot decode NewCustomer\.name from JSON at 1:9: /);
    expect(r.code).toBe(1);
  });

  it('a FIFO carrying a whole document converts exactly', () => {
    const dir = tmp();
    const fifo = join(dir, 'g.xml');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat "${fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml')}" > "${fifo}"`]);
    const r = cli(['convert', fifo, '--to', 'xml']);
    writer.kill();
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml'), 'utf8'));
  });

  it('an endless device (/dev/zero) is refused at --max-size without reading on (it would never end)', () => {
    const r = cli(['convert', '/dev/zero', '--to', 'json', '--type', 'NewCustomer', '--max-size', '1M']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^dto-formats: \/dev\/zero: more than the 1\.0 MiB limit for one document; stopped reading there .*--max-size/);
    expect(oneLine(r.err)).toBe(true);
  });

  it('stdin from an endless device is refused the same way; the message never says "1.0 MiB is over 1.0 MiB"', () => {
    const r = sh('$CLI convert - --to json --type NewCustomer --max-size 1M < /dev/zero');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/<stdin>: more than the 1\.0 MiB limit for one document; stopped reading there/);
  });

  it('/dev/stdin as a FILE reads the pipe (was "input is empty")', () => {
    const r = sh(`printf '{"customerId":"c1","isStaging":true}' | $CLI convert /dev/stdin --from json --type SetCustomerStagingMode --to jsv`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('{customerId:c1,isStaging:True}');
  });

  it('/dev/stdin that is a socket cannot be opened: ENXIO, said so', () => {
    // spawnSync hands the child a socket pair as stdin; open(2) of /proc/self/fd/0 then fails.
    const r = cli(['convert', '/dev/stdin', '--from', 'json', '--type', 'SetCustomerStagingMode', '--to', 'jsv'], '{}');
    expect(r.err).toBe('dto-formats: /dev/stdin: cannot read: no such device or address (a socket, or a device that is not there)\n');
    expect(r.code).toBe(1);
  });

  it('a regular file over the limit is still refused before any of it is read', () => {
    const dir = tmp();
    const f = join(dir, 'big.json');
    writeFileSync(f, '{"customerId":"' + 'x'.repeat(5000) + '"}');
    const r = cli(['convert', f, '--to', 'jsv', '--type', 'SetCustomerStagingMode', '--max-size', '1K']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/4\.9 KiB is over the 1\.0 KiB limit/);
  });
});

describe('closed and empty stdin', () => {
  it.each([
    ['closed (<&-)', '$CLI convert - --to json --type NewCustomer <&-'],
    ['empty', '$CLI convert - --to json --type NewCustomer < /dev/null'],
    ['an empty pipe', 'printf "" | $CLI convert --to json --type NewCustomer'],
  ])('%s: exit 1 with a message that says what to do', (_n, script) => {
    const r = sh(script);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'dto-formats: <stdin>: input is empty (nothing was piped in: stdin is empty, closed or /dev/null; name a FILE or pipe a document in)\n',
    );
  });
});

describe('every errno its own message (exit 1)', () => {
  it('permission denied on a file under a directory it may not search (real EACCES; was "no such file or directory")', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'a.json'), '{}');
    chmodSync(join(dir, 'locked'), 0);
    const r = cliWithoutDacOverride(['convert', join(dir, 'locked', 'a.json'), '--to', 'xml', '--type', 'NewCustomer']);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.error).toBeUndefined();
    expect(r.err).toBe(`dto-formats: ${join(dir, 'locked', 'a.json')}: cannot read: permission denied\n`);
    expect(r.code).toBe(1);
  });

  it('permission denied on the file itself (chmod 000)', () => {
    const dir = tmp();
    const f = join(dir, 'a.json');
    writeFileSync(f, '{}');
    chmodSync(f, 0);
    const r = cliWithoutDacOverride(['convert', f, '--to', 'xml', '--type', 'NewCustomer']);
    expect(r.err).toBe(`dto-formats: ${f}: cannot read: permission denied\n`);
    expect(r.code).toBe(1);
  });

  it('a subdirectory that cannot be listed is one listed failure of the batch (was an internal error, 70)', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a.xml'), readFileSync(fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml')));
    chmodSync(join(dir, 'in', 'sub'), 0);
    const r = cliWithoutDacOverride(['convert', join(dir, 'in'), '--to', 'jsv', '-o', join(dir, 'out')]);
    chmodSync(join(dir, 'in', 'sub'), 0o755);
    expect(r.err).toMatch(new RegExp(`failed: ${join(dir, 'in', 'sub')}: cannot list the directory: permission denied`));
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.jsv']);
    const v = cliWithoutDacOverride(['validate', join(dir, 'in')]);
    expect(v.code).toBe(0); // listable again after the chmod back
  });

  it('a path through a file is "not a directory" (ENOTDIR; was "no such file or directory")', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file.json'), '{}');
    const r = cli(['convert', join(dir, 'file.json', 'x.json'), '--to', 'xml']);
    expect(r.err).toBe(`dto-formats: ${join(dir, 'file.json', 'x.json')}: cannot read: a component of the path is not a directory\n`);
    expect(r.code).toBe(1);
  });

  it('a symlink loop is ELOOP (was "no such file or directory")', () => {
    const dir = tmp();
    symlinkSync(join(dir, 'b.json'), join(dir, 'a.json'));
    symlinkSync(join(dir, 'a.json'), join(dir, 'b.json'));
    const r = cli(['convert', join(dir, 'a.json'), '--to', 'xml']);
    expect(r.err).toMatch(/a\.json: cannot read: too many levels of symbolic links \(a symlink loop\?\)\n$/);
    expect(r.code).toBe(1);
  });

  it('a directory where a file was expected (--schema DIR) is EISDIR', () => {
    const r = cli(['types', '--schema', fx('metadata')]);
    expect(r.err).toBe(`dto-formats: ${fx('metadata')}: cannot read: is a directory (a file was expected)\n`);
    expect(r.code).toBe(1);
  });

  it('a name too long is ENAMETOOLONG', () => {
    const r = cli(['convert', join(tmpdir(), 'x'.repeat(300) + '.json'), '--to', 'xml']);
    expect(r.err).toMatch(/: cannot read: file name too long\n$/);
    expect(r.code).toBe(1);
  });

  it('the mapping itself, on real fs errors, and on the codes no test can provoke here (EMFILE…)', () => {
    const dir = tmp();
    const real = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error('no error');
    };
    writeFileSync(join(dir, 'f'), '');
    const cases: [unknown, RegExp][] = [
      [real(() => rf(join(dir, 'none'))), /: cannot read: no such file or directory$/],
      [fsError(real(() => rf(join(dir, 'none'))), '/x', 'read', { ENOENT: 'no such file' }), /: cannot read: no such file$/],
      [real(() => rf(dir)), /: cannot read: is a directory \(a file was expected\)$/],
      [real(() => rf(join(dir, 'f', 'g'))), /: cannot read: a component of the path is not a directory$/],
      [real(() => rmdirSync(join(dir, 'f'))), /: cannot read: a component of the path is not a directory$/],
      [real(() => openSync(join(dir, 'y'.repeat(300)), 'r')), /: cannot read: file name too long$/],
      [Object.assign(new Error('EMFILE: too many open files, open \'/x\''), { code: 'EMFILE' }), /: cannot read: too many open files in this process \(raise the limit: ulimit -n\)$/],
      [Object.assign(new Error('EACCES: permission denied, open \'/x\''), { code: 'EACCES' }), /: cannot read: permission denied$/],
      [Object.assign(new Error('EPERM: operation not permitted, open \'/x\''), { code: 'EPERM' }), /: cannot read: operation not permitted \(permission denied\)$/],
      [Object.assign(new Error('EWEIRD: something odd, open \'/x\''), { code: 'EWEIRD' }), /: cannot read: EWEIRD: something odd$/],
    ];
    for (const [e, message] of cases) {
      const mapped = fsError(e, '/x', 'read');
      expect(mapped).toBeInstanceOf(InputError);
      expect((mapped as Error).message).toMatch(message);
    }
    // Not an fs error: left alone (a bug, exit 70).
    const bug = new TypeError('boom');
    expect(fsError(bug, '/x', 'read')).toBe(bug);
  });
});

describe('an output never destroys an input', () => {
  const setup = () => {
    const dir = tmp();
    const input = join(dir, 'c.xml');
    writeFileSync(input, readFileSync(fx('seeds/CustomerInfo.response.rev2.xml')));
    return { dir, input, original: readFileSync(input) };
  };

  it.each([
    ['the same path', (dir: string, input: string) => input],
    ['another spelling', (dir: string) => join(dir, '..', dir.split('/').pop()!, '.', 'c.xml')],
    ['a symlink to it', (dir: string, input: string) => (symlinkSync(input, join(dir, 'link.xml')), join(dir, 'link.xml'))],
    ['a hard link to it', (dir: string, input: string) => (linkSync(input, join(dir, 'hard.xml')), join(dir, 'hard.xml'))],
  ])('-o %s: usage error (2), input unchanged (was: replaced by the JSV)', (_n, outputOf) => {
    const { dir, input, original } = setup();
    const output = outputOf(dir, input);
    const r = cli(['convert', input, '--to', 'jsv', '-o', output]);
    expect(r.err).toMatch(/^dto-formats: convert: -o .* is the input .*c\.xml \(the same file\); refusing to overwrite an input\n$/);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(original);
  });

  it('stdin redirected from the output file (< c.xml -o c.xml)', () => {
    const { input, original } = setup();
    const r = sh(`$CLI convert - --to jsv -o "${input}" < "${input}"`);
    expect(r.err).toMatch(/is the file stdin reads \(the same file\)/);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(original);
  });

  it('-o the --schema file (convert and codegen)', () => {
    const dir = tmp();
    const schema = join(dir, 'zoo.metadata.json');
    writeFileSync(schema, readFileSync(fx('metadata/zoo.metadata.json')));
    const original = readFileSync(schema);
    const a = cli(['convert', fx('oracle/zoo/vectors/023-Item-edge/dto.xml'), '--schema', schema, '--to', 'json', '-o', schema]);
    const b = cli(['codegen', '--schema', schema, '-o', schema]);
    expect([a.code, b.code]).toEqual([2, 2]);
    expect(b.err).toMatch(/codegen: -o .* is the --schema file/);
    expect(readFileSync(schema)).toEqual(original);
  });

  it('-o DIR inside (or equal to) an input directory: refused before anything is written (was: outputs among the inputs)', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'c.xml'), readFileSync(fx('seeds/CustomerInfo.response.rev2.xml')));
    const inside = cli(['convert', join(dir, 'in'), '--to', 'jsv', '-o', join(dir, 'in', 'out')]);
    expect(inside.err).toMatch(/-o .*in\/out is inside the input directory .*in: outputs would land among \(or over\) the inputs/);
    expect(inside.code).toBe(2);
    const same = cli(['convert', join(dir, 'in'), '--to', 'xml', '-o', join(dir, 'in')]);
    expect(same.code).toBe(2);
    expect(readdirSync(join(dir, 'in'))).toEqual(['c.xml']);
    expect(readFileSync(join(dir, 'in', 'c.xml'))).toEqual(readFileSync(fx('seeds/CustomerInfo.response.rev2.xml')));
  });

  it('plain FILE arguments with -o their own directory, same format: refused, inputs unchanged', () => {
    const { dir, input, original } = setup();
    writeFileSync(join(dir, 'd.xml'), original);
    const r = cli(['convert', input, join(dir, 'd.xml'), '--to', 'xml', '--pretty', '-o', dir]);
    expect(r.err).toMatch(/would write .*c\.xml, which is an input; refusing to overwrite it/);
    expect(r.code).toBe(2);
    expect(readFileSync(input)).toEqual(original);
  });
});

describe('output directories', () => {
  it('missing directories on the -o path are created, for one output and for a batch (documented)', () => {
    const dir = tmp();
    const one = cli(['convert', fx('seeds/CustomerInfo.response.rev2.xml'), '--to', 'jsv', '-o', join(dir, 'a', 'b', 'c.jsv')]);
    expect(one.code).toBe(0);
    expect(existsSync(join(dir, 'a', 'b', 'c.jsv'))).toBe(true);
    const batch = cli(['convert', fx('oracle/vectors'), '--to', 'jsv', '-o', join(dir, 'x', 'y')]);
    expect(batch.err).toMatch(/converted to/);
    expect(readdirSync(join(dir, 'x', 'y')).length).toBeGreaterThan(10);
    expect(cli(['convert', '--help']).out).toMatch(/Missing directories on the\n {2}-o path are created/);
  });

  it('an -o path through a file: exit 1 "not a directory" (was an internal error, 70, with a trace)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    const r = cli(['convert', fx('seeds/CustomerInfo.response.rev2.xml'), '--to', 'jsv', '-o', join(dir, 'file', 'c.jsv')]);
    expect(r.err).toBe(`dto-formats: ${join(dir, 'file', 'c.jsv')}: cannot write: a component of the path is not a directory\n`);
    expect(r.code).toBe(1);
  });

  it('-o an existing directory for one input: "is a directory", nothing left behind', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'out'));
    const r = cli(['convert', fx('seeds/CustomerInfo.response.rev2.xml'), '--to', 'jsv', '-o', join(dir, 'out')]);
    expect(r.err).toBe(`dto-formats: ${join(dir, 'out')}: cannot write: is a directory (a file was expected)\n`);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});

describe('-o a device, a FIFO or a symlink', () => {
  it('-o a character device writes into it, never replaces it with a regular file (was: the device node replaced)', () => {
    const dir = tmp();
    const dev = join(dir, 'null');
    // A private /dev/null (char 1:3): what `-o /dev/null` would do as root, without touching /dev.
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    const r = cli(['convert', fx('seeds/CustomerInfo.response.rev2.xml'), '--to', 'jsv', '-o', dev]);
    expect(r.code).toBe(0);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('-o /dev/stdout writes to stdout (a private link to /proc/self/fd/1: the old code replaced the link itself)', () => {
    const dir = tmp();
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    const r = sh(`$CLI convert "${fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml')}" --to xml -o "${join(dir, 'stdout')}" | cat`);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
    expect(r.out).toBe(readFileSync(fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml'), 'utf8'));
  });

  it('-o a FIFO writes into it', () => {
    const dir = tmp();
    const fifo = join(dir, 'out.fifo');
    spawnSync('mkfifo', [fifo]);
    const r = sh(`timeout 10 cat "${fifo}" > "${join(dir, 'got')}" & $CLI convert "${fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml')}" --to xml -o "${fifo}"; s=$?; wait; exit $s`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'got'), 'utf8')).toBe(readFileSync(fx('oracle/vectors/005-SetCustomerStagingMode/dto.xml'), 'utf8'));
  });

  it('-o a symlink to a file replaces the file it points to; the link stays (was: the link replaced by a regular file)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'real.jsv'), 'old');
    symlinkSync('real.jsv', join(dir, 'link.jsv'));
    const r = cli(['convert', fx('seeds/SetCustomerStagingMode.request.rev2.xml'), '--to', 'jsv', '-o', join(dir, 'link.jsv')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.jsv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.jsv'), 'utf8')).toMatch(/^\{customerId:/);
    expect(readdirSync(dir).sort()).toEqual(['link.jsv', 'real.jsv']);
  });
});

describe('a directory of thousands of files', () => {
  it('2,000 files convert under a 40-descriptor limit (one file open at a time), progress and summary unchanged', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, 'in', `${i}.json`), `{"customerId":"c${i}","isStaging":true}`);
    const r = sh(`ulimit -n 40 && $CLI convert "${join(dir, 'in')}" --type SetCustomerStagingMode --to jsv -o "${join(dir, 'out')}"`);
    expect(r.err).toBe(`2000 of 2000 converted to ${join(dir, 'out')}\n`);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(2000);
    expect(readFileSync(join(dir, 'out', '1999.jsv'), 'utf8')).toBe('{customerId:c1999,isStaging:True}');
  });
});

describe('a directory of thousands of files: bounded memory', () => {
  it('peak RSS converting 200 documents of 200 KB is within 1.5× of converting 20 (one document in memory at a time)', () => {
    const dir = tmp();
    const probe = join(dir, 'rss.cjs');
    writeFileSync(probe, 'process.on("exit", () => require("fs").writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));');
    // 200 KB each: holding all 200 (40 MB) would be plain next to the ~65 MB of a node process.
    const doc = readFileSync(fx('seeds/CustomerInfo.response.rev2.xml'), 'utf8').replace('<Name>String</Name>', `<Name>${'x'.repeat(200_000)}</Name>`);
    const peak = (n: number): number => {
      mkdirSync(join(dir, `in${n}`));
      for (let i = 0; i < n; i++) writeFileSync(join(dir, `in${n}`, `${i}.xml`), doc);
      const r = spawnSync(process.execPath, ['--require', probe, bin, 'convert', join(dir, `in${n}`), '--to', 'jsv', '-o', join(dir, `out${n}`)], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, RSS_OUT: join(dir, `rss${n}`) },
      });
      expect(r.stderr).toBe(`${n} of ${n} converted to ${join(dir, `out${n}`)}\n`);
      return Number(readFileSync(join(dir, `rss${n}`), 'utf8'));
    };
    const small = peak(20);
    const large = peak(200);
    expect(large / small).toBeLessThan(1.5);
  });
});

describe('the CLI never writes bytes that differ from what the library returned', () => {
  const lone = '{"customerId":"a\\ud800b","isStaging":true}';

  it.each(['jsv', 'json'])('a lone surrogate in the %s output → 1 with its position (was: written as U+FFFD, exit 0)', (to) => {
    const r = cli(['convert', '-', '--from', 'json', '--type', 'SetCustomerStagingMode', '--to', to], lone);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^dto-formats: <stdout>: the output has an unpaired surrogate U\+D800 at 1:\d+ \(UTF-16 offset \d+\); UTF-8 cannot carry it \(it would be written as U\+FFFD\), so nothing was written\n$/);
    expect(r.code).toBe(1);
  });

  it('to -o FILE: refused, no file (not even a temp file) left', () => {
    const dir = tmp();
    const r = cli(['convert', '-', '--from', 'json', '--type', 'SetCustomerStagingMode', '--to', 'jsv', '-o', join(dir, 'o.jsv')], lone);
    expect(r.err).toMatch(/o\.jsv: the output has an unpaired surrogate U\+D800 at 1:14 \(UTF-16 offset 13\)/);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in a batch: that file fails, the others are written', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'bad.json'), lone);
    writeFileSync(join(dir, 'in', 'good.json'), '{"customerId":"a\\ud83d\\ude00b"}');
    const r = cli(['convert', join(dir, 'in'), '--type', 'SetCustomerStagingMode', '--to', 'jsv', '-o', join(dir, 'out')]);
    expect(r.err).toMatch(/failed: .*bad\.jsv: the output has an unpaired surrogate/);
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, 'out'))).toEqual(['good.jsv']);
    expect(readFileSync(join(dir, 'out', 'good.jsv'), 'utf8')).toBe('{customerId:a😀b,isStaging:False}');
  });

  it('codegen from a --schema whose description has a lone surrogate: refused on stdout and -o (was: U+FFFD, exit 0)', () => {
    const dir = tmp();
    const schema = join(dir, 'lone.metadata.json');
    const text = readFileSync(fx('metadata/zoo.metadata.json'), 'utf8');
    expect(text).toContain('"description":"A [Flags] enum."');
    writeFileSync(schema, text.replace('"description":"A [Flags] enum."', '"description":"A \\ud800 enum."'));
    const out = cli(['codegen', '--schema', schema]);
    expect(out.out).toBe('');
    expect(out.err).toMatch(/^dto-formats: <stdout>: the output has an unpaired surrogate U\+D800 at \d+:\d+ /);
    expect(out.code).toBe(1);
    const file = cli(['codegen', '--schema', schema, '-o', join(dir, 'types.ts')]);
    expect(file.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['lone.metadata.json']);
  });

  it('the check: pairs pass; lone high, lone low, at the end, after newlines are found with line:col', () => {
    expect(() => checkWritable('a😀b\n\u00e9', 'x')).not.toThrow();
    const at = (s: string) => {
      try {
        checkWritable(s, 'x');
      } catch (e) {
        return (e as Error).message.match(/U\+[0-9A-F]+ at \d+:\d+ \(UTF-16 offset \d+\)/)![0];
      }
      return 'ok';
    };
    expect(at('ab\ud800')).toBe('U+D800 at 1:3 (UTF-16 offset 2)');
    expect(at('a\nbc\udc00d')).toBe('U+DC00 at 2:3 (UTF-16 offset 4)');
    expect(at('\ud800\ud800\udc00')).toBe('U+D800 at 1:1 (UTF-16 offset 0)');
    expect(at('\ud83d\ude00\ude00')).toBe('U+DE00 at 1:3 (UTF-16 offset 2)');
  });
});
