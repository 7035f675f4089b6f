/**
 * The XML bodies of the seed pages: seed 003's two samples (revision 2) read and re-encode to
 * the page's text, and seed 004's surviving namespace-bearing lines (revision 1, Data and
 * FlowParams populated) all appear, in order and equally indented, in our indented output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evoVoice } from '../support/evo-voice.js';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { FIXTURES } from './helpers.js';

const seed = (f: string) => readFileSync(join(FIXTURES, 'seeds', f), 'utf8');
const vector = (folder: string, dir: string) => readFileSync(join(FIXTURES, 'oracle', folder, dir, 'dto.xml'), 'utf8');
/** Whitespace between elements does not count (the pages were scraped with odd spacing). */
const squeeze = (xml: string) => xml.replace(/>\s+</g, '><').trim();

describe('seed 003 (revision 2)', () => {
  const schema = evoVoice.at(2);
  const bodies = [
    { file: 'SetCustomerStagingMode.request.rev2.xml', type: 'SetCustomerStagingMode', oracle: '001-SetCustomerStagingMode' },
    { file: 'CustomerInfo.response.rev2.xml', type: 'CustomerInfo', oracle: '000-CustomerInfo' },
  ];
  for (const b of bodies) {
    const type = schema.requireClass(b.type);
    const text = seed(b.file);

    it(`${b.file} decodes and re-encodes (pretty, no declaration) to the page's text`, () => {
      const value = xmlCodec.decode(type, text);
      const again = xmlCodec.encode(type, value, { pretty: true, declaration: false });
      expect(squeeze(again)).toBe(squeeze(text));
      expect(again.startsWith(`<${b.type} xmlns:i=`)).toBe(true);
    });

    it(`${b.file}: the compact re-encode is the oracle's bytes for the same instance`, () => {
      expect(xmlCodec.encode(type, xmlCodec.decode(type, text))).toBe(vector('vectors', b.oracle));
    });

    it(`${b.file} names its own type`, () => {
      expect(xmlCodec.detectType!(schema, text)).toBe(type);
    });
  }
});

// The metadata-page sample the oracle builds (Sample.CustomerInfo in shared/oracle), by hand.
function sampleCustomerInfo(revision: 1 | 2): Record<string, unknown> {
  const item = () => ({ baseCost: 0, rawUnitMultiplier: 0, unitCost: 0, allowance: 0 });
  const billing: Record<string, unknown> = {};
  const items = ['base', 'localNumbers', 'tollFreeNumbers', 'inboundVoiceCalls', 'outboundVoiceCalls', 'inboundFaxes', 'outboundFaxes', 'inboundSmsMessages', 'outboundSmsMessages'];
  if (revision === 2) items.push('aiInsights', 'aiLiveMinutes');
  for (const k of items) billing[k] = item();
  const rule = {
    id: 'String', name: 'String', priority: 0, state: 'String', source: 'String', condition: 'String',
    simpleRuleType: 'Always', customerState: 'String', flowId: 'String', isAllDay: false,
    startDate: 'String', startTime: 'String', endTime: 'String',
    bySetPosition: [0], byMonth: [0], byWeekNo: [0], byYearDay: [0], byMonthDay: [0],
    byDay: [{ offset: 0, dayOfWeek: 'Sunday' }], byHour: [0], byMinute: [0],
    interval: 0, count: 0, untilDate: 'String', frequency: 'None',
  };
  return {
    id: 'String', dateCreated: 'String', dateLastModified: 'String', createdBy: 'String', lastModifiedBy: 'String',
    accountId: 'String', parentCustomerId: 'String', breadcrumb: [{ id: 'String', name: 'String' }],
    accountName: 'String', isStaging: false, name: 'String', referenceId: 'String',
    tags: [{ id: 'String', name: 'String', color: 'Magenta' }],
    schedule: { timeZoneId: 'String', inherit: false, forceClosed: false, rules: [rule], defaultState: 'String' },
    integrationData: { String: { thirdPartyId: 'String' } },
    overrideBillingSettings: false, billingSettings: billing, overrideAppSettings: false,
    appSettings: {
      enablePhoneNumberManagement: false, enableDeviceManagement: false, enableDialer: false, enableCallHistory: false,
      ...(revision === 2 ? { enableAssistants: false } : {}), showFileNameInMessageCenter: false,
      chakraTheme: 'String', customCss: 'String', pageTitle: 'String', stringMappings: 'String', logoutUrl: 'String', portMyNumberUrl: 'String',
    },
  };
}

/** Older pages populate Struct members: a level-n Value (n < 3) nests level n+1 Structs; level 3 ends with [null]. */
function sampleValue(level: number): Record<string, unknown> {
  const v: Record<string, unknown> = { boolValue: false, stringValue: 'String', numberValue: 0 };
  if (level < 3) {
    v.listValue = [sampleStruct(level + 1)];
    v.structValue = sampleStruct(level + 1);
  } else {
    v.listValue = [null];
  }
  return v;
}
function sampleStruct(level: number): Record<string, unknown> {
  return { String: sampleValue(level) };
}

describe('seed 004 (revision 1, Data/FlowParams populated)', () => {
  const type = evoVoice.at(1).requireClass('CustomerInfo');
  const excerpt = seed('CustomerInfo.response.rev1.seed004-excerpt.xml').split('\n').filter((l) => l.trim() !== '');

  it('the excerpt has the 38 namespace-bearing lines', () => {
    expect(excerpt).toHaveLength(38);
    for (const line of excerpt) expect(line).toMatch(/xmlns|i:nil/);
  });

  it('every excerpt line appears in our indented output, in order, with identical indentation', () => {
    const c = sampleCustomerInfo(1);
    c.data = sampleStruct(1);
    ((c.schedule as { rules: Record<string, unknown>[] }).rules[0]!).flowParams = sampleStruct(1);
    const lines = xmlCodec.encode(type, c, { pretty: true, declaration: false }).split('\n');
    let j = 0;
    for (const want of excerpt) {
      while (j < lines.length && lines[j] !== want.trimEnd()) j++;
      expect(j, `line not found in order: ${want}`).toBeLessThan(lines.length);
      j++;
    }
  });

  it('the revision-1 sample without Data is the oracle legacy vector 000', () => {
    expect(xmlCodec.encode(type, sampleCustomerInfo(1))).toBe(vector('vectors-legacy', '000-CustomerInfo'));
  });
});

it('the revision-2 sample built by hand is the oracle vector 000', () => {
  expect(xmlCodec.encode(evoVoice.at(2).requireClass('CustomerInfo'), sampleCustomerInfo(2))).toBe(vector('vectors', '000-CustomerInfo'));
});
