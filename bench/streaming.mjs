// Streaming conversion of large collections through the CLI (issue 10 §3): generates an
// ArrayOfCustomerInfo XML, a JSON array and an NDJSON file of about --size bytes in a temporary
// directory (never committed), converts XML → JSON, JSON → XML and NDJSON → JSV with
// `dto-formats convert`, and measures wall time and the child's peak RSS. Writes the figures
// to bench/results.json under `streaming` (the rest of the file is kept).
//
//   npm run build && node bench/streaming.mjs [--size 1G] [--dir /tmp] [--keep] [--out FILE]
//
// Peak RSS is the converting process's own (`process.resourceUsage().maxRSS`, reported by
// bench/streaming-child.mjs when it exits); MB/s is input bytes over wall time, 1 MB = 10⁶ bytes.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, ndjson, xml } from '../dist/index.js';
import { makeCustomer } from './document.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
if (args.includes('--help')) {
  console.log('usage: node bench/streaming.mjs [--size 1G] [--dir DIR] [--keep] [--out bench/results.json]');
  process.exit(0);
}
const parseSize = (s) => {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(s);
  if (!m) throw new Error(`--size takes a size such as 1G or 200M, got ${s}`);
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6, g: 1e9 }[m[2].toLowerCase()]);
};
const target = parseSize(opt('--size', '1G'));
const dir = mkdtempSync(join(opt('--dir', tmpdir()), 'dto-stream-'));
const out = opt('--out', new URL('./results.json', import.meta.url).pathname);
const bin = new URL('../dist/cli/main.js', import.meta.url).pathname;
const child = new URL('./streaming-child.mjs', import.meta.url).pathname;

/** Customers that differ from one another (ids, names, numbers), as a real export's do. */
function customer(i) {
  const c = makeCustomer();
  c.accountId = `acct-${i}`;
  c.name = `Customer ${i} — Acme Widgets Ltd.`;
  c.referenceId = `ERP-${i * 7}`;
  c.data.field1.numberValue = i * 0.5;
  return c;
}

/**
 * Writes a collection of about `target` bytes: the library's own stream encoder writes it,
 * so the file is exactly what a server would send. 64 distinct customers repeat.
 */
async function generate(path, codec) {
  const fd = openSync(path, 'w');
  const one = codec.encode('CustomerInfo', customer(0)).length;
  const count = Math.ceil(target / (one + 1));
  const items = (function* () {
    const pool = Array.from({ length: 64 }, (_, i) => customer(i));
    for (let i = 0; i < count; i++) yield pool[i % 64];
  })();
  for await (const chunk of codec.encodeStream('CustomerInfo', items)) writeSync(fd, chunk);
  closeSync(fd);
  return count;
}

function convert(input, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [child, bin, 'convert', input, ...args, '-o', join(dir, 'out')], {
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`convert ${input} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const usage = JSON.parse(r.stderr.trim().split('\n').pop());
  const inputMb = statSync(input).size / 1e6;
  const outputMb = statSync(join(dir, 'out')).size / 1e6;
  rmSync(join(dir, 'out'));
  return {
    inputMb: Math.round(inputMb),
    outputMb: Math.round(outputMb),
    seconds: Math.round(seconds * 10) / 10,
    mbPerS: Math.round((inputMb / seconds) * 10) / 10,
    peakRssMb: Math.round(usage.maxRssKb / 1024),
  };
}

try {
  const files = { xml: join(dir, 'customers.xml'), json: join(dir, 'customers.json'), ndjson: join(dir, 'customers.ndjson') };
  for (const [name, codec] of [['xml', xml], ['json', json], ['ndjson', ndjson]]) {
    const n = await generate(files[name], codec);
    console.error(`generated ${files[name]}: ${n} customers, ${(statSync(files[name]).size / 1e6).toFixed(0)} MB`);
  }
  const streaming = {
    xmlToJson: convert(files.xml, ['--to', 'json']),
    jsonToXml: convert(files.json, ['--to', 'xml', '--type', 'CustomerInfo']),
    ndjsonToJsv: convert(files.ndjson, ['--to', 'jsv', '--type', 'CustomerInfo']),
  };
  console.log(JSON.stringify(streaming, null, 2));
  const results = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
  results.streaming = { date: new Date().toISOString().slice(0, 10), node: process.version, cpu: cpus()[0]?.model, ...streaming };
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.error(`wrote ${out}`);
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}
