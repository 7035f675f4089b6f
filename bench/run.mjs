// `npm run bench`: every codec against its peers on three documents (the small request, the
// realistic CustomerInfo, 1,000 CustomerInfo), encode and decode, interleaved in one process,
// medians over rounds, printed as ratios and MB/s and written to bench/results.json.
// Method and reference figures: shared/docs/perf-anchors.md. Timings never gate `npm test`;
// `npm run bench:check` compares a short run with the targets (bench/targets.mjs).
//
//   node bench/run.mjs [--rounds N] [--batch MS] [--docs small,realistic,collection] [--out FILE|-] [--quiet]
//
// Each document is timed in its own process (every bench of that document interleaved in it):
// the collection's benches leave hundreds of MB of heap whose collection then lands in the
// small documents' batches, and it hits an allocating decoder harder than JSON.parse — the
// realistic json.decode measured 1.46x JSON.parse next to them and 1.20x apart.
// `--one-process` times them all in one process, as before.
import { spawnSync } from 'node:child_process';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parse as txmlParse } from 'txml';
import { create } from 'xmlbuilder2';
import { json, jsv, xml, registry } from '../dist/index.js';
import { makeCustomer } from './document.mjs';
import { formatNs, runInterleaved } from './harness.mjs';
import { handwrittenCustomerInfoXml } from './handwritten-xml.mjs';
import { fastJsonStringifyFor, zodSchemaOf } from './peers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i < 0 ? dflt : args[i + 1];
};
const rounds = Number(opt('--rounds', 15));
const batchMs = Number(opt('--batch', 40));
const out = opt('--out', new URL('./results.json', import.meta.url).pathname);
const quiet = args.includes('--quiet');
const log = quiet ? () => {} : (s = '') => console.log(s);

const small = { type: registry.require('SetCustomerStagingMode'), value: { customerId: 'cust-0003', isStaging: true } };
const realistic = { type: registry.require('CustomerInfo'), value: makeCustomer() };
// A root List<CustomerInfo>: ServiceStack sends it as ArrayOfCustomerInfo in XML, an array in JSON/JSV.
const listType = Object.freeze({ kind: 'list', of: registry.require('CustomerInfo'), isValueType: false });
const collection = { type: listType, value: Array.from({ length: 1000 }, () => makeCustomer()) };
const wanted = opt('--docs', 'small,realistic,collection').split(',');
const documents = Object.fromEntries(Object.entries({ small, realistic, collection }).filter(([d]) => wanted.includes(d)));
/** A child's run: the documents it was given, no headline ratios, results as JSON on stdout. */
const partial = args.includes('--partial');
if (!documents.realistic && !partial) throw new Error('bench: the realistic document carries the headline ratios; keep it in --docs');
if (!partial && !args.includes('--one-process') && Object.keys(documents).length > 1) {
  await runEachDocumentApart();
  process.exit(0);
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
// xmlbuilder2 building the same document: the element tree is taken from our output once (not
// timed), namespaces are declared where DCS declares them, and the result must be identical.
function xmlbuilder2For(xmlText) {
  const tree = txmlParse(xmlText.replace(/^<\?xml[^>]*\?>/, ''), { keepWhitespace: true })[0];
  const build = (parent, node, scope) => {
    const attrs = node.attributes ?? {};
    const inScope = { ...scope };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') inScope[''] = v;
      else if (k.startsWith('xmlns:')) inScope[k.slice(6)] = v;
    }
    const colon = node.tagName.indexOf(':');
    const el = parent.ele(inScope[colon < 0 ? '' : node.tagName.slice(0, colon)] ?? null, node.tagName);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) el.att(XMLNS, k, v);
      else if (k.startsWith('i:')) el.att(XSI, k, v);
      else el.att(k, v);
    }
    for (const c of node.children) {
      if (typeof c === 'string') el.txt(c);
      else build(el, c, inScope);
    }
  };
  return () => {
    const doc = create({ version: '1.0', encoding: 'utf-8' });
    build(doc, tree, {});
    return doc.end({ spaceBeforeSlash: true });
  };
}

const fxp = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, removeNSPrefix: false });
const benches = [];
const texts = {};
/**
 * A document as a decoder gets it from a file or a socket (`readFileSync(f, 'utf8')`,
 * `Buffer#toString`): one flat string. An encoder's output is a rope of pieces (V8 joins `a + b`
 * lazily); a decoder reading a rope pays an indirection on every character until a garbage
 * collection replaces it with its flat copy, which for a rope already in the old generation
 * may never come: measured 1.38x JSON.parse for the same decoder that reads the flat text at
 * 1.15x. Every decoder, ours and the peers, reads the same flat texts.
 */
const asRead = (text) => Buffer.from(text, 'utf8').toString('utf8');
for (const [doc, { type, value }] of Object.entries(documents)) {
  const plainJson = asRead(JSON.stringify(value));
  const t = { json: asRead(json.encode(type, value)), jsv: asRead(jsv.encode(type, value)), xml: asRead(xml.encode(type, value)), plainJson };
  texts[doc] = t;
  const fjs = fastJsonStringifyFor(type);
  const zod = zodSchemaOf(type);
  // The peers must do the same job, or the ratios mean nothing.
  if (!isDeepStrictEqual(JSON.parse(fjs(value)), JSON.parse(plainJson))) throw new Error(`bench: fast-json-stringify does not write the document for ${doc}`);
  zod.parse(JSON.parse(plainJson));
  const add = (group, name, fn, bytes) => benches.push({ group: `${doc}: ${group}`, name: `${doc}: ${name}`, doc, label: name, fn, bytes });
  add('JSON encode', 'JSON.stringify', () => JSON.stringify(value), plainJson.length);
  add('JSON encode', 'fast-json-stringify', () => fjs(value), plainJson.length);
  add('JSON encode', 'json.encode', () => json.encode(type, value), t.json.length);
  add('JSON decode', 'JSON.parse', () => JSON.parse(plainJson), plainJson.length);
  add('JSON decode', 'JSON.parse + zod', () => zod.parse(JSON.parse(plainJson)), plainJson.length);
  add('JSON decode', 'json.decode', () => json.decode(type, t.json), t.json.length);
  add('JSV encode', 'jsv.encode', () => jsv.encode(type, value), t.jsv.length);
  add('JSV decode', 'jsv.decode', () => jsv.decode(type, t.jsv), t.jsv.length);
  if (doc === 'realistic') {
    if (handwrittenCustomerInfoXml(value) !== t.xml) throw new Error('bench: the hand-written emitter and xml.encode disagree');
    const xb2 = xmlbuilder2For(t.xml);
    if (xb2() !== t.xml) throw new Error('bench: the xmlbuilder2 baseline does not reproduce xml.encode');
    add('XML encode', 'hand-written emitter', () => handwrittenCustomerInfoXml(value), t.xml.length);
    add('XML encode', 'xmlbuilder2 (same bytes)', xb2, t.xml.length);
  }
  add('XML encode', 'xml.encode', () => xml.encode(type, value), t.xml.length);
  add('XML decode', 'txml.parse', () => txmlParse(t.xml), t.xml.length);
  add('XML decode', 'fast-xml-parser', () => fxp.parse(t.xml), t.xml.length);
  add('XML decode', 'xml.decode', () => xml.decode(type, t.xml), t.xml.length);
}

log(`dto-formats bench: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${rounds} rounds × ~${batchMs} ms, interleaved`);
for (const [doc, t] of Object.entries(texts)) {
  log(`${doc}: JSON ${t.plainJson.length} chars (ServiceStack ${t.json.length}), JSV ${t.jsv.length}, XML ${t.xml.length}`);
}
const r = runInterleaved(benches, { rounds, batchMs });
const ns = (doc, label) => r.get(`${doc}: ${label}`).ns;

const results = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), rounds, batchMs, documents: {} };
let group = '';
for (const b of benches) {
  if (b.group !== group) {
    group = b.group;
    log(`\n${group}`);
  }
  const x = r.get(b.name);
  const mbPerS = b.bytes / x.ns / 1e-9 / 1e6;
  log(`  ${b.label.padEnd(28)} ${formatNs(x.ns).padStart(10)}   (${formatNs(x.spread[0])} – ${formatNs(x.spread[1])})  ${mbPerS.toFixed(0).padStart(5)} MB/s`);
  results.documents[b.doc] ??= { bytes: { json: texts[b.doc].json.length, jsv: texts[b.doc].jsv.length, xml: texts[b.doc].xml.length }, benches: {} };
  results.documents[b.doc].benches[b.label] = { ns: Math.round(x.ns), mbPerS: Number(mbPerS.toFixed(1)) };
}

const ratiosOf = (doc) => ({
  jsonEncode: ns(doc, 'json.encode') / ns(doc, 'JSON.stringify'),
  jsonDecode: ns(doc, 'json.decode') / ns(doc, 'JSON.parse'),
  jsvEncode: ns(doc, 'jsv.encode') / ns(doc, 'JSON.stringify'),
  jsvDecode: ns(doc, 'jsv.decode') / ns(doc, 'JSON.parse'),
  ...(doc === 'realistic' ? { xmlEncode: ns(doc, 'xml.encode') / ns(doc, 'hand-written emitter') } : {}),
  xmlDecode: ns(doc, 'xml.decode') / ns(doc, 'txml.parse'),
});
const peersOf = (doc) => ({
  fastJsonStringify: ns(doc, 'fast-json-stringify') / ns(doc, 'JSON.stringify'),
  zodDecode: ns(doc, 'JSON.parse + zod') / ns(doc, 'JSON.parse'),
  fastXmlParser: ns(doc, 'fast-xml-parser') / ns(doc, 'txml.parse'),
  ...(doc === 'realistic' ? { xmlbuilder2: ns(doc, 'xmlbuilder2 (same bytes)') / ns(doc, 'hand-written emitter') } : {}),
});
const round2 = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v.toFixed(3))]));
results.byDocument = Object.fromEntries(Object.keys(documents).map((d) => [d, { ratios: round2(ratiosOf(d)), peers: round2(peersOf(d)) }]));
if (partial) {
  process.stdout.write(JSON.stringify(results) + '\n');
  process.exit(0);
}
finish(results);

/** The headline ratios (the realistic CustomerInfo's, the document the issues' targets name), printed and written. */
function finish(results) {
  results.ratios = results.byDocument.realistic.ratios;
  results.peers = results.byDocument.realistic.peers;
  // Streaming figures come from bench/streaming.mjs (a 1 GB run takes minutes); keep the last ones.
  const previous = out !== '-' && existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
  results.streaming = previous?.streaming ?? null;

  log('\nratios, realistic CustomerInfo (dto-formats ÷ baseline; < 1 means dto-formats is faster)');
  for (const [k, v] of Object.entries(results.ratios)) log(`  ${k.padEnd(18)} ${v.toFixed(2).padStart(6)}×`);
  log('peers, same run (peer ÷ its baseline)');
  for (const [k, v] of Object.entries(results.peers)) log(`  ${k.padEnd(18)} ${v.toFixed(2).padStart(6)}×`);
  if (out === '-') process.stdout.write(JSON.stringify(results) + '\n');
  else {
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    log(`\nwritten: ${out}`);
  }
}

/** Runs each document in a child process of its own and merges what they measured. */
async function runEachDocumentApart() {
  const self = fileURLToPath(import.meta.url);
  const merged = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), rounds, batchMs, processes: 'one per document', documents: {}, byDocument: {} };
  log(`dto-formats bench: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${rounds} rounds × ~${batchMs} ms, interleaved, one process per document`);
  for (const doc of Object.keys(documents)) {
    const child = spawnSync(process.execPath, [self, '--docs', doc, '--partial', '--rounds', String(rounds), '--batch', String(batchMs), ...(quiet ? ['--quiet'] : [])], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`bench: the ${doc} run failed (exit ${child.status})`);
    const lines = child.stdout.trimEnd().split('\n');
    const part = JSON.parse(lines.pop());
    // The child's table, without its own banner (printed once above).
    for (const line of lines.slice(1)) log(line);
    Object.assign(merged.documents, part.documents);
    Object.assign(merged.byDocument, part.byDocument);
  }
  finish(merged);
}
