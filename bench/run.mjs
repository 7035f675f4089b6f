// `npm run bench`: each codec against the baselines the issues name, interleaved in one
// process, printed as ratios. Reference numbers and method: shared/docs/perf-anchors.md.
//   node bench/run.mjs [rounds] [batchMs]
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as txmlParse } from 'txml';
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

// xmlbuilder2 building the same document: the element tree is taken from our output once (not
// timed), namespaces are declared where DCS declares them, and the result must be identical.
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const tree = txmlParse(xmlText.replace(/^<\?xml[^>]*\?>/, ''), { keepWhitespace: true })[0];
function buildWithXmlbuilder2(parent, node, scope) {
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
    else buildWithXmlbuilder2(el, c, inScope);
  }
}
function xmlbuilder2Emit() {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  buildWithXmlbuilder2(doc, tree, {});
  return doc.end({ spaceBeforeSlash: true });
}
if (xmlbuilder2Emit() !== xmlText) {
  console.error('bench: the xmlbuilder2 baseline does not reproduce xml.encode; fix it before timing');
  process.exit(1);
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
  { group: 'XML encode', name: 'xmlbuilder2 (same bytes, tree prebuilt)', fn: () => xmlbuilder2Emit() },
  { group: 'XML decode', name: 'txml.parse (untyped, no namespaces)', fn: () => txmlParse(xmlText) },
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
  ['xmlbuilder2 / xml.encode', ns('xmlbuilder2 (same bytes, tree prebuilt)') / ns('xml.encode'), 'why the encoder writes strings'],
  ['xml.decode / txml.parse', ns('xml.decode (typed, namespace-checked)') / ns('txml.parse (untyped, no namespaces)'), 'target ≤ 1.0 (issue 4)'],
  ['fast-xml-parser / xml.decode', ns('fast-xml-parser parse') / ns('xml.decode (typed, namespace-checked)'), ''],
];
console.log('\nratios (median of interleaved rounds; < 1 means dto-formats is faster)');
for (const [name, ratio, note] of ratios) console.log(`  ${name.padEnd(36)} ${ratio.toFixed(2).padStart(6)}×   ${note}`);
