#!/usr/bin/env node
// Mutation testing of the test suite itself: breaks one codec rule at a time in a scratch
// copy of the repository, rebuilds, runs the tests, and reports which tests caught it. A
// mutation nobody catches is a hole in the suite (exit code 1). The working tree is never
// touched.
//
//   node scripts/mutation-check.mjs                 every mutation, whole suite
//   node scripts/mutation-check.mjs xml-digest      only the named mutations
//   TESTS=test/conformance node scripts/mutation-check.mjs   only some test folders
//
// Each mutation names a file, a text that must occur exactly once in it, and its replacement;
// if the code moved on and the text is gone, the mutation is reported as stale, not passed.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One broken rule each; `rule` is what the report calls it. */
const MUTATIONS = [
  {
    id: 'datamember-name-recased',
    rule: 'Registry: DataMember.Name put through the text case (ServiceStack.Text writes it as given)',
    file: 'src/schema/registry.ts',
    find: '        wireName: dm?.name ?? inTextCase(name, profile.textCase),',
    replace: '        wireName: inTextCase(dm?.name ?? name, profile.textCase),',
  },
  {
    id: 'datamember-on-plain-class',
    rule: 'Registry: DataMember Name/Order/EmitDefaultValue honoured for XML on a class without [DataContract]',
    file: 'src/schema/registry.ts',
    find: '      const dc = d.dataContract !== undefined ? dm : undefined;',
    replace: '      const dc = dm;',
  },
  {
    id: 'single-as-double-precision',
    rule: 'Numbers: Single laid out with the double precision (E notation past 17 digits, not 9)',
    file: 'src/formats/common/numbers.ts',
    find: '  return layout(x, `${trimmed}e${e}`, 9);',
    replace: '  return layout(x, `${trimmed}e${e}`, 17);',
  },
  {
    id: 'int64-through-double',
    rule: 'Scalars: an Int64 digit string goes through a double (rounds past 2^53)',
    file: 'src/schema/scalars.ts',
    find: "    } else if (typeof v === 'string' && /^[+-]?\\d+$/.test(v)) b = BigInt(v);",
    replace: "    } else if (typeof v === 'string' && /^[+-]?\\d+$/.test(v)) b = BigInt(Number(v));",
  },
  {
    id: 'xml-member-swap',
    rule: 'XML: swap the first two members of every class in the ordinal member order',
    // DataContract order is resolved once by the registry; the XML codec reads it.
    file: 'src/schema/registry.ts',
    find: '    c.xmlProperties = Object.freeze([...(base ? base.xmlProperties : []), ...ownXml]);',
    replace: '    if (ownXml.length > 1) [ownXml[0], ownXml[1]] = [ownXml[1]!, ownXml[0]!];\n    c.xmlProperties = Object.freeze([...(base ? base.xmlProperties : []), ...ownXml]);',
  },
  {
    id: 'xml-digest',
    rule: 'XML: drop the digest suffix of KeyValueOf… entry names',
    // The generic-name digest lives with the other DataContract naming rules.
    file: 'src/schema/data-contract.ts',
    find: '  return namespaces.every(isBuiltInNamespace) ? base : base + namespacesDigest(namespaces);',
    replace: '  return base;',
  },
  {
    id: 'xml-cr',
    rule: 'XML: write CR as a character reference instead of the line break',
    file: 'src/formats/xml/encode.ts',
    find: '    else if (c === 13) {\n      rep = nl;',
    replace: "    else if (c === 13) {\n      rep = '&#xD;';",
  },
  {
    id: 'xml-indent',
    rule: 'XML indented: one space per level instead of two',
    file: 'src/formats/xml/encode.ts',
    find: "INDENT.push(INDENT[INDENT.length - 1]! + '  ');",
    replace: "INDENT.push(INDENT[INDENT.length - 1]! + ' ');",
  },
  {
    id: 'xml-nil-ignored',
    rule: 'XML reader: ignore i:nil="true" (read the empty element as a value)',
    file: 'src/formats/xml/scanner.ts',
    find: "        if (ve - vs === 4 && s.startsWith('true', vs)) {\n          this.nil = true;",
    replace: "        if (ve - vs === 4 && s.startsWith('true', vs)) {\n          this.nil = false;",
  },
  {
    id: 'member-order-base-first',
    rule: 'JSON/JSV: base-class members first (registry reflection order reversed)',
    file: 'src/schema/registry.ts',
    find: '    const reflected = [...c.ownProperties, ...(base ? base.properties.filter((p) => !redeclared.has(p.name)) : [])];',
    replace: '    const reflected = [...(base ? base.properties.filter((p) => !redeclared.has(p.name)) : []), ...c.ownProperties];',
  },
  {
    id: 'jsv-blank-list',
    rule: 'JSV reader: a blank list body is not the empty list',
    file: 'src/formats/jsv/decode.ts',
    find: '    if (isDotNetWhiteSpace(c)) {',
    replace: '    if (false && isDotNetWhiteSpace(c)) {',
  },
  {
    id: 'jsv-bool-case',
    rule: 'JSV: lowercase booleans (true/false instead of True/False)',
    file: 'src/formats/jsv/encode.ts',
    find: "return v === true ? 'True' : v === false ? 'False' : wrongType('Boolean', v);",
    replace: "return v === true ? 'true' : v === false ? 'false' : wrongType('Boolean', v);",
  },
  {
    id: 'jsv-null-poco',
    rule: 'JSV: write a null class element as an empty slot instead of {}',
    file: 'src/formats/jsv/encode.ts',
    find: "      return t.dictionary ? 'null' : '{}';",
    replace: "      return t.dictionary ? 'null' : '';",
  },
  {
    id: 'jsv-quote-unescape',
    rule: 'JSV reader: keep both quotes of a doubled "" inside a quoted value',
    file: 'src/formats/jsv/decode.ts',
    find: '      s += src.slice(from, q + 1);\n      from = q + 2;',
    replace: '      s += src.slice(from, q + 2);\n      from = q + 2;',
  },
  {
    id: 'jsv-pretty-colon',
    rule: 'JSV pretty: no space after the key colon',
    file: 'src/formats/jsv/pretty.ts',
    find: "      piece = ': ';",
    replace: "      piece = ':';",
  },
  {
    id: 'double-threshold',
    rule: 'Numbers: E notation from 1E+16 instead of 1E+17 (precision 16 instead of 17)',
    file: 'src/formats/common/numbers.ts',
    find: '  return layout(x, ax.toExponential(), 17);',
    replace: '  return layout(x, ax.toExponential(), 16);',
  },
  {
    id: 'double-small-threshold',
    rule: 'Numbers: E notation below 1E-05 instead of below 1E-04',
    file: 'src/formats/common/numbers.ts',
    find: 'if (scale > Math.max(k, precision) || scale < -3) {',
    replace: 'if (scale > Math.max(k, precision) || scale < -4) {',
  },
  {
    id: 'json-nulls',
    rule: 'JSON: write null members as null instead of omitting them',
    // The class writer is shared with JSV since the text-writer refactor; JSON keys are the quoted ones.
    file: 'src/formats/common/text-writer.ts',
    find: "    code += m.defaultText === undefined ? '\\n' : ` else ${put(JSON.stringify(m.defaultText))}\\n`;",
    replace:
      "    code += m.defaultText === undefined ? (m.key.startsWith('\"') ? ` else ${put(\"'null'\")}\\n` : '\\n') : ` else ${put(JSON.stringify(m.defaultText))}\\n`;",
  },
  {
    id: 'json-null-dict-values',
    rule: 'JSON: write null dictionary values instead of omitting them',
    file: 'src/formats/common/text-writer.ts',
    find: '      if (x === null || x === undefined) continue;\n      let text: string;\n      try {\n        text = keyText(k)',
    replace:
      "      if (x === null || x === undefined) {\n        if (keyText(k).startsWith('\"')) s += (s === '' ? '{' : ',') + keyText(k) + ':null';\n        continue;\n      }\n      let text: string;\n      try {\n        text = keyText(k)",
  },
  {
    id: 'json-int32-range',
    rule: 'JSON reader: accept 2147483648 as an Int32 (range check off by one)',
    file: 'src/formats/json/decode.ts',
    find: 'if (v < INT32_MIN || v > INT32_MAX) int32OutOfRange(',
    replace: 'if (v < INT32_MIN || v > INT32_MAX + 1) int32OutOfRange(',
  },
  // The decode limits (issue 11): each one switched off where it is enforced; test/xml/limits.test.ts must notice.
  {
    id: 'limit-document-length',
    rule: 'Limits: XML decode ignores maxDocumentLength',
    file: 'src/formats/xml/index.ts',
    find: '    checkDocumentLength(text, limits);',
    replace: '    checkDocumentLength(text, { ...limits, maxDocumentLength: Infinity });',
  },
  {
    id: 'limit-string-text',
    rule: 'Limits: XML element text (the common path, no markup inside) not held to maxStringLength',
    file: 'src/formats/xml/scanner.ts',
    find: '    if (text.length > this.maxString) this.stringTooLong(start, text.length);',
    replace: '    if (false && text.length > this.maxString) this.stringTooLong(start, text.length);',
  },
  {
    id: 'limit-string-mixed',
    rule: 'Limits: XML text around comments not held to maxStringLength',
    file: 'src/formats/xml/scanner.ts',
    find: '        out += this.decode(s.slice(p, lt), p, false);\n        if (out.length > this.maxString) this.stringTooLong(start, out.length);',
    replace: '        out += this.decode(s.slice(p, lt), p, false);',
  },
  {
    id: 'limit-string-cdata',
    rule: 'Limits: XML CDATA sections not held to maxStringLength',
    file: 'src/formats/xml/scanner.ts',
    find: '        out += this.cdata(lt);\n        if (out.length > this.maxString) this.stringTooLong(start, out.length);',
    replace: '        out += this.cdata(lt);',
  },
  {
    id: 'limit-string-attribute',
    rule: 'Limits: XML attribute values not held to maxStringLength',
    file: 'src/formats/xml/scanner.ts',
    find: '    if (v.length > this.maxString) this.stringTooLong(vs, v.length);',
    replace: '',
  },
  {
    id: 'limit-collection-length',
    rule: 'Limits: XML lists ignore maxCollectionLength',
    file: 'src/formats/xml/decode.ts',
    find: '      if (i >= sc.limits.maxCollectionLength)',
    replace: '      if (false && i >= sc.limits.maxCollectionLength)',
  },
  {
    id: 'limit-dictionary-entries',
    rule: 'Limits: XML dictionaries ignore maxDictionaryEntries',
    file: 'src/formats/xml/decode.ts',
    find: '      if (entries++ >= sc.limits.maxDictionaryEntries)',
    replace: '      if (entries++ >= Infinity)',
  },
  {
    id: 'limit-name-length',
    rule: 'Limits: XML names ignore maxNameLength',
    file: 'src/formats/xml/scanner.ts',
    find: '    this.maxName = limits.maxNameLength;',
    replace: '    this.maxName = Infinity;',
  },
  {
    id: 'limit-attributes',
    rule: 'Limits: XML elements ignore maxAttributes (a flood of declarations is read to the end)',
    file: 'src/formats/xml/scanner.ts',
    find: '    this.maxAttributes = limits.maxAttributes;',
    replace: '    this.maxAttributes = Infinity;',
  },
  {
    id: 'limit-option-check',
    rule: 'Limits: a limit of 0 or a fraction accepted as an option',
    file: 'src/formats/common/options.ts',
    find: "if (typeof v !== 'number' || !(v >= 1) || !(Number.isInteger(v) || v === Infinity)) {",
    replace: "if (typeof v !== 'number') {",
  },
  // The same limits in JSON and JSV (test/conformance/text-limits.test.ts must notice).
  {
    id: 'json-limit-document-length',
    rule: 'Limits: JSON reads a document past maxDocumentLength',
    file: 'src/formats/json/index.ts',
    find: '    checkDocumentLength(text, o);',
    replace: '    checkDocumentLength(text, { ...o, maxDocumentLength: Infinity });',
  },
  {
    id: 'json-limit-string-plain',
    rule: 'Limits: a JSON string without escapes is not held to maxStringLength',
    file: 'src/formats/json/decode.ts',
    find: '    if (close - start > s.limits[max]) tooLong(s, open, max, close - start);',
    replace: '',
  },
  {
    id: 'json-limit-string-escaped',
    rule: 'Limits: a JSON string with escapes is not held to maxStringLength',
    file: 'src/formats/json/decode.ts',
    find: '  if (text.length > s.limits[max]) tooLong(s, open, max, text.length);',
    replace: '',
  },
  {
    id: 'json-limit-name-as-string',
    rule: 'Limits: JSON member names held to maxStringLength instead of maxNameLength',
    file: 'src/formats/json/decode.ts',
    find: "          const name = readMemberName(s, 'maxNameLength');",
    replace: "          const name = readMemberName(s, 'maxStringLength');",
  },
  {
    id: 'json-limit-collection-length',
    rule: 'Limits: JSON lists ignore maxCollectionLength',
    file: 'src/formats/json/decode.ts',
    find: "        if (out.length >= max) failLimit('maxCollectionLength'",
    replace: "        if (false && out.length >= max) failLimit('maxCollectionLength'",
  },
  {
    id: 'json-limit-dictionary-entries',
    rule: 'Limits: JSON dictionaries ignore maxDictionaryEntries',
    file: 'src/formats/json/decode.ts',
    find: "        if (entries++ >= maxEntries) failLimit('maxDictionaryEntries'",
    replace: "        if (false && entries++ >= maxEntries) failLimit('maxDictionaryEntries'",
  },
  {
    id: 'jsv-limit-document-length',
    rule: 'Limits: JSV reads a document past maxDocumentLength',
    file: 'src/formats/jsv/index.ts',
    find: '    checkDocumentLength(text, o);',
    replace: '    checkDocumentLength(text, { ...o, maxDocumentLength: Infinity });',
  },
  {
    id: 'jsv-limit-string',
    rule: 'Limits: a JSV string value (quoted or bracketed) is not held to maxStringLength',
    file: 'src/formats/jsv/decode.ts',
    find: '  if (s.length > r.limits.maxStringLength) tooLong(r, at, \'maxStringLength\', s.length);',
    replace: '',
  },
  {
    id: 'jsv-limit-string-bare',
    rule: 'Limits: a bare JSV string value is not held to maxStringLength',
    file: 'src/formats/jsv/decode.ts',
    find: "  if (p - start > r.limits.maxStringLength) tooLong(r, start, 'maxStringLength', p - start);",
    replace: '',
  },
  {
    id: 'jsv-limit-name-length',
    rule: 'Limits: JSV member names ignore maxNameLength',
    file: 'src/formats/jsv/decode.ts',
    find: "  if (raw.length > r.limits.maxNameLength) tooLong(r, keyAt, 'maxNameLength', raw.length);",
    replace: '',
  },
  {
    id: 'jsv-limit-collection-length',
    rule: 'Limits: JSV lists ignore maxCollectionLength',
    file: 'src/formats/jsv/decode.ts',
    find: '      if (i >= max) tooMany(r, at, i);',
    replace: '',
  },
  {
    id: 'jsv-limit-dictionary-entries',
    rule: 'Limits: JSV dictionaries ignore maxDictionaryEntries',
    file: 'src/formats/jsv/decode.ts',
    find: "        if (entries++ >= maxEntries) failLimitAt(r, keyAt,",
    replace: "        if (false && entries++ >= maxEntries) failLimitAt(r, keyAt,",
  },
  {
    id: 'lenient-eager-position',
    rule: 'Lenient JSON/JSV: every dropped value computes its line:column (quadratic in the drops)',
    file: 'src/formats/common/failure.ts',
    find: '    private locate?: Locate,\n  ) {}',
    replace: '    private locate?: Locate,\n  ) {\n    void this.detail;\n  }',
  },
  {
    id: 'xml-invalid-char-in-markup',
    rule: 'XML reader: a NUL or lone surrogate where markup was due reported as unexpected text, not as the character',
    file: 'src/formats/xml/scanner.ts',
    find: '    this.checkChars(from, Math.min(to, this.len));',
    replace: '    void from;\n    void to;',
  },
  {
    id: 'xml-invalid-char-encode-index',
    rule: 'XML writer: a character XML cannot carry refused without its index in the string',
    file: 'src/formats/xml/encode.ts',
    find: '    detail: `at index ${i} of the string (UTF-16 units); DataContractSerializer refuses it too`,',
    replace: '    detail: `the string (UTF-16 units); DataContractSerializer refuses it too${i < 0 ? "" : ""}`,',
  },
];

function run(cmd, args, cwd) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
}

function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'dto-mutation-'));
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(ROOT, src);
      return !(rel === 'node_modules' || rel === '.git' || rel === 'dist' || rel.startsWith('node_modules/') || rel.startsWith('.git/') || rel.startsWith('dist/'));
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Builds and runs the tests in `dir`; returns the failing tests as "file › name". */
function failingTests(dir, tests) {
  const build = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], dir);
  if (build.status !== 0) return { error: `build failed:\n${build.stdout}${build.stderr}` };
  const out = join(dir, 'vitest-result.json');
  run(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...tests, '--reporter=json', `--outputFile=${out}`], dir);
  if (!existsSync(out)) return { error: 'vitest wrote no result' };
  const result = JSON.parse(readFileSync(out, 'utf8'));
  const failed = [];
  for (const file of result.testResults) {
    const rel = relative(dir, file.name);
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && tests.every((t) => t.status !== 'failed')) failed.push(`${rel} › (file failed to run)`);
    for (const t of tests) if (t.status === 'failed') failed.push(`${rel} › ${t.fullName}`);
  }
  return { failed, total: result.numTotalTests };
}

const only = process.argv.slice(2);
const tests = (process.env.TESTS ?? '').split(/\s+/).filter(Boolean);
const selected = MUTATIONS.filter((m) => only.length === 0 || only.includes(m.id));
if (selected.length === 0) {
  console.error(`no such mutation; known: ${MUTATIONS.map((m) => m.id).join(', ')}`);
  process.exit(2);
}

const dir = scratchCopy();
const results = [];
try {
  process.stdout.write('baseline (no mutation)… ');
  const base = failingTests(dir, tests);
  if (base.error) throw new Error(base.error);
  console.log(`${base.total} tests, ${base.failed.length} failing`);
  const baseline = new Set(base.failed);

  for (const m of selected) {
    const file = join(dir, m.file);
    const original = readFileSync(file, 'utf8');
    const count = original.split(m.find).length - 1;
    if (count !== 1) {
      results.push({ m, stale: `the text to replace occurs ${count} times in ${m.file}` });
      console.log(`${m.id}: STALE (${count} occurrences)`);
      continue;
    }
    writeFileSync(file, original.replace(m.find, m.replace));
    try {
      process.stdout.write(`${m.id}… `);
      const r = failingTests(dir, tests);
      if (r.error) {
        results.push({ m, stale: r.error.slice(0, 300) });
        console.log('ERROR');
      } else {
        const caught = r.failed.filter((t) => !baseline.has(t));
        results.push({ m, caught });
        console.log(caught.length > 0 ? `caught by ${caught.length} tests` : 'SURVIVED');
      }
    } finally {
      writeFileSync(file, original);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n## Mutation results\n');
for (const { m, caught, stale } of results) {
  console.log(`### ${m.id}: ${m.rule}`);
  if (stale) console.log(`  STALE/ERROR: ${stale}`);
  else if (caught.length === 0) console.log('  SURVIVED: no test failed');
  else {
    const byFile = new Map();
    for (const t of caught) {
      const [f, ...rest] = t.split(' › ');
      if (!byFile.has(f)) byFile.set(f, []);
      byFile.get(f).push(rest.join(' › '));
    }
    console.log(`  caught by ${caught.length} tests in ${byFile.size} files:`);
    for (const [f, names] of byFile) console.log(`  - ${f} (${names.length}): ${names.slice(0, 4).join('; ')}${names.length > 4 ? '; …' : ''}`);
  }
  console.log('');
}
const bad = results.filter((r) => r.stale || r.caught.length === 0);
process.exit(bad.length > 0 ? 1 : 0);
