/**
 * The JSV reader's time grows linearly with the input on hostile shapes (issue 11): each
 * shape is decoded at two sizes 10× apart in this process and the time ratio must stay ≤ 20
 * (a linear reader gives ~10, a quadratic one ~100). A ratio, never an absolute time; the
 * method is test/xml/linear-time.test.ts's.
 *
 * Shapes that the reader refuses are timed on that refusal (`refused`): a reader that needs
 * quadratic time to say no is as open to a denial of service as one that needs it to say yes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DtoFormatError } from '../../src/errors.js';
import { jsvCodec, type JsvDecodeOptions } from '../../src/formats/jsv/index.js';
import type { TypeDescriptor } from '../../src/schema/descriptors.js';
import { createRegistry } from '../../src/schema/registry.js';
import { HOSTILE_DECLARATION } from '../conformance/fuzz/hostile.js';
import { evoVoice } from '../support/evo-voice.js';
import { zoo } from '../support/zoo.js';

const Node = createRegistry(HOSTILE_DECLARATION).at().requireClass('Node');
const Customer = evoVoice.at(2).requireClass('CustomerInfo');
const Scalars = zoo.at(1).requireClass('ScalarZoo');
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** The bound on the time ratio at 10× the size. */
const LIMIT = 20;

type Outcome = 'decodes' | 'refused';

function run(type: TypeDescriptor, doc: string, options: JsvDecodeOptions): void {
  try {
    jsvCodec.decode(type, doc, options);
  } catch (e) {
    if (!(e instanceof DtoFormatError)) throw e;
  }
}

/** CPU milliseconds of this process since `t0` (user + system): time spent descheduled on a loaded machine does not count. */
function cpuSince(t0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/**
 * CPU milliseconds per decode: batches of at least ~8 ms (so small documents are not timer
 * noise), the best of three. CPU time rather than wall time, because the machine running the
 * suite is shared (other test workers, other processes): a wall-clock batch that was
 * descheduled half-way would count the wait.
 */
function costOf(f: () => unknown): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let runs = 0;
    const t0 = process.cpuUsage();
    let t = 0;
    do {
      f();
      runs++;
      t = cpuSince(t0);
    } while (t < 8);
    best = Math.min(best, t / runs);
  }
  return best;
}

function cost(type: TypeDescriptor, doc: string, options: JsvDecodeOptions): number {
  return costOf(() => run(type, doc, options));
}

/**
 * The time ratio of `large` to `small`, warmed up. Noise (another worker, another process on
 * the machine, a GC) only ever adds time, so the best time of each is kept over rounds of
 * both, until the ratio is within the bound or 5 s have passed: a quadratic reader stays near
 * 100 however often it is measured, while a loaded machine needs more rounds to show ~10.
 */
function timeRatio(type: TypeDescriptor, small: string, large: string, options: JsvDecodeOptions, limit = LIMIT): number {
  for (let w = 0; w < 20; w++) run(type, small, options);
  run(type, large, options);
  const deadline = performance.now() + 5000;
  let a = Infinity;
  let b = Infinity;
  for (;;) {
    a = Math.min(a, cost(type, small, options));
    b = Math.min(b, cost(type, large, options));
    if (b / a <= limit || performance.now() > deadline) return b / a;
  }
}

/** The shape has the expected outcome at both sizes (so the same path is timed), then scales linearly from n to 10·n. */
function linear(type: TypeDescriptor, shape: (n: number) => string, n: number, outcome: Outcome, options: JsvDecodeOptions = {}): void {
  for (const size of [n, 10 * n]) {
    const doc = shape(size);
    if (outcome === 'decodes') jsvCodec.decode(type, doc, options);
    else expect(() => jsvCodec.decode(type, doc, options), `refused at size ${size}`).toThrow(DtoFormatError);
  }
  const r = timeRatio(type, shape(n), shape(10 * n), options);
  if (process.env.LINEAR_DEBUG) console.log(expect.getState().currentTestName, r.toFixed(1));
  expect(r, `time at 10× the size is ${r.toFixed(1)}× (linear ~10, quadratic ~100)`).toBeLessThanOrEqual(LIMIT);
}

/**
 * `linear` for shapes whose cost is mostly the engine's own: an object with thousands of
 * keys costs V8 more per key as it grows (its hash table and the GC), so `JSON.parse` of the
 * same keys scales ~15–20× at 10× the keys on its own. The bound is then 20× that engine
 * ratio over 10: the reader may scale as the engine does, and a quadratic reader (~100×
 * on top) still fails.
 */
function linearAsEngine(type: TypeDescriptor, shape: (n: number) => string, engine: (n: number) => string, n: number): void {
  jsvCodec.decode(type, shape(n));
  jsvCodec.decode(type, shape(10 * n));
  const small = engine(n);
  const large = engine(10 * n);
  const parse = (text: string) => JSON.parse(text) as unknown;
  for (let w = 0; w < 20; w++) parse(small);
  let e = Infinity;
  for (let round = 0; round < 3; round++) e = Math.min(e, costOf(() => parse(large)) / costOf(() => parse(small)));
  const bound = LIMIT * Math.max(1, e / 10);
  const r = timeRatio(type, shape(n), shape(10 * n), {}, bound);
  if (process.env.LINEAR_DEBUG) console.log(expect.getState().currentTestName, r.toFixed(1), `engine ${e.toFixed(1)}`);
  expect(r, `time at 10× the size is ${r.toFixed(1)}× (JSON.parse of the same keys: ${e.toFixed(1)}×; bound ${bound.toFixed(1)})`).toBeLessThanOrEqual(bound);
}

const LENIENT: JsvDecodeOptions = { lenient: true };

beforeAll(() => {
  // The reader's code optimized before the first measurement.
  const doc = '{name:"a""b,c",num:1,kids:[{},{map:{k:{}}}],u:[1,{x:y}],where:{x:1}}';
  for (let i = 0; i < 2000; i++) jsvCodec.decode(Node, doc, LENIENT);
});

/**
 * A string member holding a quoted JSV object that holds a quoted JSV object…: each level
 * doubles the quotes of the one inside, so the text is sized by `chars` (the levels it takes
 * to reach that size), padded to exactly that size with an unknown member.
 */
function deeplyQuoted(chars: number): string {
  let inner = 'x';
  while (inner.length * 2 + 20 < chars) inner = `"{name:${inner.replace(/"/g, '""')},num:1}"`;
  const doc = `{name:${inner},zz:`;
  return `${doc}${'p'.repeat(Math.max(0, chars - doc.length - 1))}}`;
}

describe('many small things', () => {
  it('many tiny list elements', () => {
    linear(Node, (n) => `{kids:[${times(n, () => '{}').replace(/}{/g, '},{')}]}`, 1000, 'decodes');
  });

  it('many unknown members, skipped', () => {
    linear(Node, (n) => `{${times(n, (i) => `u${i}:[1,{a:"b,c"}],`)}num:1}`, 500, 'decodes');
  });

  it('a dictionary with many keys', () => {
    linearAsEngine(Node, (n) => `{map:{${times(n, (i) => `k${i}:{},`)}last:{}}}`, (n) => `{${times(n, (i) => `"k${i}":{},`)}"last":{}}`, 500);
  });

  it('many dictionary keys that collide ignoring case (distinct keys, one folded form)', () => {
    const variant = (i: number) => times(12, (b) => ((i >> b) & 1 ? 'K' : 'k'));
    linearAsEngine(Node, (n) => `{map:{${times(n, (i) => `${variant(i)}:{},`)}last:{}}}`, (n) => `{${times(n, (i) => `"${variant(i)}":{},`)}"last":{}}`, 400);
  });

  it('one member name repeated in many spellings that collide ignoring case', () => {
    const variant = (i: number) => ['num', 'NUM', 'Num', 'nUm', 'nuM'][i % 5];
    linear(Node, (n) => `{${times(n, (i) => `${variant(i)}:${i % 100},`)}name:a}`, 1000, 'decodes');
  });

  it('many list elements of every scalar kind', () => {
    linear(zoo.at(1).requireClass('ListZoo'), (n) => `{int64List:[${times(n, (i) => `${i},`)}0],doubleList:[${times(n, () => '1.5E-07,')}0],stringList:[${times(n, () => '"a,b",')}c]}`, 500, 'decodes');
  });

  it('the pretty form (formatJsv layout) of a long list', () => {
    linear(Node, (n) => jsvCodec.encode(Node, { kids: Array.from({ length: n }, (_, i) => ({ name: `n${i}`, where: { x: i, y: 1 } })) }, { pretty: true }), 300, 'decodes');
  });
});

describe('one big thing', () => {
  it('one huge string, bare and quoted', () => {
    linear(Node, (n) => `{name:${'x'.repeat(n)},kids:[{name:"${'y'.repeat(n)}"}]}`, 20_000, 'decodes');
  });

  it('a string made only of escaped quotes ("""" …)', () => {
    linear(Node, (n) => `{name:"${'""'.repeat(n)}"}`, 5000, 'decodes');
  });

  it('a string made only of quotes and separators that need them', () => {
    linear(Node, (n) => `{name:"${'"",{}[]:'.repeat(n)}"}`, 2000, 'decodes');
  });

  it('a string of backslash escapes JSV keeps verbatim (\\\\, \\", \\u0041)', () => {
    linear(Node, (n) => `{name:${'\\\\\\u0041'.repeat(n)},kids:[{name:"${'\\""'.repeat(n)}"}]}`, 2000, 'decodes');
  });

  it('deeply quoted JSV: a string holding quoted JSV holding quoted JSV …', () => {
    linear(Node, deeplyQuoted, 20_000, 'decodes');
  });

  it('long runs of whitespace around the document, in a blank list body and in a quoted string', () => {
    linear(Node, (n) => {
      const ws = ' \n\t\r'.repeat(n);
      return `${ws}{kids:[${ws}],name:"${ws}"}${ws}`;
    }, 2000, 'decodes');
  });

  it('a very long unknown member name', () => {
    linear(Node, (n) => `{${'n'.repeat(n)}:1,num:2}`, 20_000, 'decodes');
  });

  it('a very long dictionary key, bare and quoted', () => {
    linear(Node, (n) => `{map:{${'k'.repeat(n)}:{},"${'q,'.repeat(n)}":{}}}`, 10_000, 'decodes');
  });

  it('a very long unknown quoted value, skipped', () => {
    linear(Customer, (n) => `{zz:"${'""x'.repeat(n)}",accountName:a}`, 5000, 'decodes');
  });
});

describe('numbers of 10⁵ digits', () => {
  it('a Double with 10⁴ → 10⁵ fraction digits', () => {
    linear(Scalars, (n) => `{doubleValue:0.${'3'.repeat(n)}}`, 10_000, 'decodes');
  });

  it('a Decimal with 10⁴ → 10⁵ fraction digits: refused (more than 28 places), and rounded in lenient mode', () => {
    linear(Scalars, (n) => `{decimalValue:0.${'3'.repeat(n)}}`, 10_000, 'refused');
    linear(Scalars, (n) => `{decimalValue:0.${'3'.repeat(n)}}`, 10_000, 'decodes', LENIENT);
  });

  it('a Double with 10⁴ → 10⁵ leading zeros', () => {
    linear(Scalars, (n) => `{doubleValue:0.${'0'.repeat(n)}1}`, 10_000, 'decodes');
  });

  it('an Int64 of 10⁴ → 10⁵ digits (out of range: refused)', () => {
    linear(Scalars, (n) => `{int64Value:${'9'.repeat(n)}}`, 10_000, 'refused');
  });

  it('an Int32 of 10⁴ → 10⁵ digits, quoted (out of range: refused)', () => {
    linear(Scalars, (n) => `{int32Value:"${'9'.repeat(n)}"}`, 10_000, 'refused');
  });

  it('a Decimal of 10⁴ → 10⁵ integer digits (out of range: refused)', () => {
    linear(Scalars, (n) => `{decimalValue:${'9'.repeat(n)}}`, 10_000, 'refused');
  });

  it('an unknown member holding a 10⁴ → 10⁵-digit number, skipped', () => {
    linear(Customer, (n) => `{zz:${'9'.repeat(n)}.${'9'.repeat(n)}E-${'9'.repeat(50)},accountName:a}`, 10_000, 'decodes');
  });
});

describe('nesting', () => {
  it('deeply nested objects up to the depth limit (each size at its own limit)', () => {
    const nested = (n: number) => `${'{next:'.repeat(n - 1)}{}${'}'.repeat(n - 1)}`;
    linear(Node, nested, 200, 'decodes', { maxDepth: 2000 });
  });

  it('deeply nested unknown lists, skipped', () => {
    linear(Customer, (n) => `{zz:${'['.repeat(n)}${']'.repeat(n)},accountName:a}`, 200, 'decodes', { maxDepth: 2001 });
  });

  it('nesting past maxDepth is refused as soon as the limit is passed', () => {
    linear(Node, (n) => `${'{kids:['.repeat(n)}${']}'.repeat(n)}`, 1000, 'refused');
  });
});

describe('lenient mode: values dropped as ServiceStack drops them', () => {
  // Each drop once computed its line:column (a scan from the document's start) and then threw
  // it away: n drops cost O(n · size), 21 s for 50,000 in 0.3 MB.
  it('an Int32 member given a word, many times ({num:x,…})', () => {
    linear(Node, (n) => `{${'num:x,'.repeat(n)}name:a}`, 500, 'decodes', LENIENT);
  });

  it('a List<List<Node>> member whose value starts with a space (each ` {num:0` is then dropped as a bare value: n drops)', () => {
    // Found by scripts/fuzz-long.mjs (mutation/repeat of a pretty List<Node>): 250,113 characters took 18 s.
    linear(Node, (n) => `{num:0,grid: ${' {num:0,grid: '.repeat(n)}x}`, 300, 'decodes', LENIENT);
  });
});
