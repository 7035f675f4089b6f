// `npm run bench`: each codec against the baselines the issues name, interleaved in one
// process, printed as ratios. Reference numbers and method: shared/docs/perf-anchors.md.
//   node bench/run.mjs [rounds] [batchMs]
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import txml from 'txml';
import { create } from 'xmlbuilder2';
import { json, jsv, xml } from '../dist/index.js';
import { makeCustomer } from './document.mjs';
import { formatNs, runInterleaved } from './harness.mjs';
import { handwrittenCustomerInfoXml } from './handwritten-xml.mjs';

const rounds = Number(process.argv[2] ?? 15);
const batchMs = Number(process.argv[3] ?? 40);

const customer = makeCustomer();
const T = 'CustomerInfo';
const jsonText = JSON.stringify(customer);
const ssJson = json.encode(T, customer);
const jsvText = jsv.encode(T, customer);
const xmlText = xml.encode(T, customer);

// The baselines must do the same job, or the ratios mean nothing.
if (handwrittenCustomerInfoXml(customer) !== xmlText) {
  console.error('bench: the hand-written emitter and xml.encode disagree; fix one before timing');
  process.exit(1);
}
const fxp = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, removeNSPrefix: false });

function xmlbuilder2Emit(c) {
  // A DOM-building emitter for the same document shape (only its cost matters here).
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele('http://schemas.datacontract.org/2004/07/Voice.Api.Customers', 'CustomerInfo');
  root.att('http://www.w3.org/2000/xmlns/', 'xmlns:i', 'http://www.w3.org/2001/XMLSchema-instance');
  for (const [k, v] of Object.entries(c)) {
    if (v === null || typeof v !== 'object') root.ele(k).txt(String(v));
    else root.ele(k).txt(JSON.stringify(v));
  }
  return doc.end({ headless: false, spaceBeforeSlash: true });
}

const benches = [
  { group: 'JSON encode', name: 'JSON.stringify(obj)', fn: () => JSON.stringify(customer) },
  { group: 'JSON encode', name: 'json.encode', fn: () => json.encode(T, customer) },
  { group: 'JSON decode', name: 'JSON.parse(text)', fn: () => JSON.parse(jsonText) },
  { group: 'JSON decode', name: 'json.decode', fn: () => json.decode(T, ssJson) },
  { group: 'JSV encode', name: 'jsv.encode', fn: () => jsv.encode(T, customer) },
  { group: 'JSV decode', name: 'jsv.decode', fn: () => jsv.decode(T, jsvText) },
  { group: 'XML encode', name: 'hand-written string-concat emitter', fn: () => handwrittenCustomerInfoXml(customer) },
  { group: 'XML encode', name: 'xml.encode', fn: () => xml.encode(T, customer) },
  { group: 'XML encode', name: 'xmlbuilder2 (DOM + end)', fn: () => xmlbuilder2Emit(customer) },
  { group: 'XML decode', name: 'txml.parse (untyped, no namespaces)', fn: () => txml.parse(xmlText) },
  { group: 'XML decode', name: 'xml.decode (typed, namespace-checked)', fn: () => xml.decode(T, xmlText) },
  { group: 'XML decode', name: 'fast-xml-parser parse', fn: () => fxp.parse(xmlText) },
  { group: 'XML decode', name: 'fast-xml-parser XMLValidator.validate', fn: () => XMLValidator.validate(xmlText) },
];

console.log(`dto-formats bench: Node ${process.version}, ${rounds} rounds × ~${batchMs} ms, interleaved`);
console.log(`document: CustomerInfo, JSON ${jsonText.length} chars, ServiceStack JSON ${ssJson.length}, JSV ${jsvText.length}, XML ${xmlText.length}\n`);
const r = runInterleaved(benches, { rounds, batchMs });
const ns = (name) => r.get(name).ns;

let group = '';
for (const b of benches) {
  if (b.group !== group) {
    group = b.group;
    console.log(`\n${group}`);
  }
  const x = r.get(b.name);
  console.log(`  ${b.name.padEnd(42)} ${formatNs(x.ns).padStart(10)}   (${formatNs(x.spread[0])} – ${formatNs(x.spread[1])})`);
}

const ratios = [
  ['json.encode / JSON.stringify', ns('json.encode') / ns('JSON.stringify(obj)'), 'ServiceStack JSON vs plain JSON'],
  ['json.decode / JSON.parse', ns('json.decode') / ns('JSON.parse(text)'), 'typed, validating decode'],
  ['jsv.encode / JSON.stringify', ns('jsv.encode') / ns('JSON.stringify(obj)'), 'target ≤ 1.0 (issue 3)'],
  ['jsv.decode / JSON.parse', ns('jsv.decode') / ns('JSON.parse(text)'), 'target ≤ 1.5 (issue 3)'],
  ['xml.encode / hand-written emitter', ns('xml.encode') / ns('hand-written string-concat emitter'), 'target ≤ 1.2 (issue 4)'],
  ['xmlbuilder2 / xml.encode', ns('xmlbuilder2 (DOM + end)') / ns('xml.encode'), 'why the encoder writes strings'],
  ['xml.decode / txml.parse', ns('xml.decode (typed, namespace-checked)') / ns('txml.parse (untyped, no namespaces)'), 'target ≤ 1.0 (issue 4)'],
  ['fast-xml-parser / xml.decode', ns('fast-xml-parser parse') / ns('xml.decode (typed, namespace-checked)'), ''],
];
console.log('\nratios (median of interleaved rounds; < 1 means dto-formats is faster)');
for (const [name, ratio, note] of ratios) console.log(`  ${name.padEnd(36)} ${ratio.toFixed(2).padStart(6)}×   ${note}`);
