// A hand-written, CustomerInfo-only DataContract XML emitter: template literals and one
// escape function, no schema, no generality. It is the speed anchor the XML encoder is
// measured against (target ≤ 1.2×), and run.mjs checks that both give identical bytes.
import { formatXmlDouble } from '../dist/formats/common/numbers.js';

const NS = 'http://schemas.datacontract.org/2004/07/';
const ARR = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

const esc = (s) => (/[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);
const str = (tag, v) => (v == null ? `<${tag} i:nil="true" />` : `<${tag}>${esc(v)}</${tag}>`);
const baseStr = (tag, v) =>
  v == null ? `<${tag} i:nil="true" xmlns="${NS}Voice.Api" />` : `<${tag} xmlns="${NS}Voice.Api">${esc(v)}</${tag}>`;
const bool = (tag, v) => `<${tag}>${v ? 'true' : 'false'}</${tag}>`;
const num = (tag, v) => `<${tag}>${formatXmlDouble(v ?? 0)}</${tag}>`;
const int = (tag, v) => `<${tag}>${v ?? 0}</${tag}>`;

const billingItem = (tag, b) =>
  b == null
    ? `<d2p1:${tag} i:nil="true" />`
    : `<d2p1:${tag}>${int('d2p1:Allowance', b.allowance)}${num('d2p1:BaseCost', b.baseCost)}${num('d2p1:RawUnitMultiplier', b.rawUnitMultiplier)}${num('d2p1:UnitCost', b.unitCost)}</d2p1:${tag}>`;

const intList = (tag, xs) => {
  if (xs == null) return `<d2p1:${tag} xmlns:d5p1="${ARR}" i:nil="true" />`;
  if (xs.length === 0) return `<d2p1:${tag} xmlns:d5p1="${ARR}" />`;
  let s = `<d2p1:${tag} xmlns:d5p1="${ARR}">`;
  for (const x of xs) s += `<d5p1:int>${x}</d5p1:int>`;
  return s + `</d2p1:${tag}>`;
};

function rule(r) {
  let s = '<d2p1:SchedulingRule><d2p1:ByDay>';
  for (const d of r.byDay) s += `<d2p1:ScheduleDay><d2p1:DayOfWeek>${d.dayOfWeek}</d2p1:DayOfWeek><d2p1:Offset>${d.offset}</d2p1:Offset></d2p1:ScheduleDay>`;
  s += '</d2p1:ByDay>';
  s += intList('ByHour', r.byHour) + intList('ByMinute', r.byMinute) + intList('ByMonth', r.byMonth) + intList('ByMonthDay', r.byMonthDay);
  s += intList('BySetPosition', r.bySetPosition) + intList('ByWeekNo', r.byWeekNo) + intList('ByYearDay', r.byYearDay);
  s += str('d2p1:Condition', r.condition) + int('d2p1:Count', r.count) + str('d2p1:CustomerState', r.customerState);
  s += str('d2p1:EndTime', r.endTime) + str('d2p1:FlowId', r.flowId) + `<d2p1:FlowParams xmlns:d5p1="${ARR}" i:nil="true" />`;
  s += `<d2p1:Frequency>${r.frequency}</d2p1:Frequency>` + str('d2p1:Id', r.id) + int('d2p1:Interval', r.interval);
  s += bool('d2p1:IsAllDay', r.isAllDay) + str('d2p1:Name', r.name) + int('d2p1:Priority', r.priority);
  s += `<d2p1:SimpleRuleType>${r.simpleRuleType}</d2p1:SimpleRuleType>` + str('d2p1:Source', r.source);
  s += str('d2p1:StartDate', r.startDate) + str('d2p1:StartTime', r.startTime) + str('d2p1:State', r.state) + str('d2p1:UntilDate', r.untilDate);
  return s + '</d2p1:SchedulingRule>';
}

export function handwrittenCustomerInfoXml(c) {
  let s = `<?xml version="1.0" encoding="utf-8"?><CustomerInfo xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${NS}Voice.Api.Customers">`;
  s += baseStr('CreatedBy', c.createdBy) + baseStr('DateCreated', c.dateCreated) + baseStr('DateLastModified', c.dateLastModified);
  s += baseStr('Id', c.id) + baseStr('LastModifiedBy', c.lastModifiedBy);
  s += str('AccountId', c.accountId) + str('AccountName', c.accountName);
  const a = c.appSettings;
  s += `<AppSettings>${str('ChakraTheme', a.chakraTheme)}${str('CustomCss', a.customCss)}${bool('EnableAssistants', a.enableAssistants)}`;
  s += `${bool('EnableCallHistory', a.enableCallHistory)}${bool('EnableDeviceManagement', a.enableDeviceManagement)}${bool('EnableDialer', a.enableDialer)}`;
  s += `${bool('EnablePhoneNumberManagement', a.enablePhoneNumberManagement)}${str('LogoutUrl', a.logoutUrl)}${str('PageTitle', a.pageTitle)}`;
  s += `${str('PortMyNumberUrl', a.portMyNumberUrl)}${bool('ShowFileNameInMessageCenter', a.showFileNameInMessageCenter)}${str('StringMappings', a.stringMappings)}</AppSettings>`;
  const b = c.billingSettings;
  s += `<BillingSettings xmlns:d2p1="${NS}Voice.Api.Accounts">`;
  s += billingItem('AIInsights', b.aiInsights) + billingItem('AILiveMinutes', b.aiLiveMinutes) + billingItem('Base', b.base);
  s += billingItem('InboundFaxes', b.inboundFaxes) + billingItem('InboundSmsMessages', b.inboundSmsMessages);
  s += billingItem('InboundVoiceCalls', b.inboundVoiceCalls) + billingItem('LocalNumbers', b.localNumbers);
  s += billingItem('OutboundFaxes', b.outboundFaxes) + billingItem('OutboundSmsMessages', b.outboundSmsMessages);
  s += billingItem('OutboundVoiceCalls', b.outboundVoiceCalls) + billingItem('TollFreeNumbers', b.tollFreeNumbers) + '</BillingSettings>';
  s += '<Breadcrumb>';
  for (const x of c.breadcrumb) s += `<CustomerBreadcrumb>${str('Id', x.id)}${str('Name', x.name)}</CustomerBreadcrumb>`;
  s += `</Breadcrumb><Data xmlns:d2p1="${ARR}">`;
  for (const k of Object.keys(c.data)) {
    const v = c.data[k];
    s += `<d2p1:KeyValueOfstringValue8Ahp2kgT><d2p1:Key>${esc(k)}</d2p1:Key><d2p1:Value xmlns:d4p1="${NS}Voice.Api.Flows.Data">`;
    s += v.boolValue == null ? '<d4p1:BoolValue i:nil="true" />' : bool('d4p1:BoolValue', v.boolValue);
    s += '<d4p1:ListValue i:nil="true" />';
    s += v.numberValue == null ? '<d4p1:NumberValue i:nil="true" />' : num('d4p1:NumberValue', v.numberValue);
    s += str('d4p1:StringValue', v.stringValue) + '<d4p1:StructValue i:nil="true" /></d2p1:Value></d2p1:KeyValueOfstringValue8Ahp2kgT>';
  }
  s += `</Data><IntegrationData xmlns:d2p1="${ARR}">`;
  for (const k of Object.keys(c.integrationData)) {
    s += `<d2p1:KeyValueOfstringIntegrationDataY_SkqLnhh><d2p1:Key>${esc(k)}</d2p1:Key><d2p1:Value xmlns:d4p1="${NS}Voice.Api.Integrations">`;
    s += `${str('d4p1:ThirdPartyId', c.integrationData[k].thirdPartyId)}</d2p1:Value></d2p1:KeyValueOfstringIntegrationDataY_SkqLnhh>`;
  }
  s += '</IntegrationData>';
  s += bool('IsStaging', c.isStaging) + str('Name', c.name) + bool('OverrideAppSettings', c.overrideAppSettings);
  s += bool('OverrideBillingSettings', c.overrideBillingSettings) + str('ParentCustomerId', c.parentCustomerId) + str('ReferenceId', c.referenceId);
  const sc = c.schedule;
  s += `<Schedule xmlns:d2p1="${NS}Voice.Api.Scheduling">${str('d2p1:DefaultState', sc.defaultState)}${bool('d2p1:ForceClosed', sc.forceClosed)}`;
  s += `${bool('d2p1:Inherit', sc.inherit)}<d2p1:Rules>`;
  for (const r of sc.rules) s += rule(r);
  s += `</d2p1:Rules>${str('d2p1:TimeZoneId', sc.timeZoneId)}</Schedule>`;
  s += `<Tags xmlns:d2p1="${NS}Voice.Api.Settings">`;
  for (const t of c.tags) s += `<d2p1:Tag><d2p1:Color>${t.color}</d2p1:Color>${str('d2p1:Id', t.id)}${str('d2p1:Name', t.name)}</d2p1:Tag>`;
  return s + '</Tags></CustomerInfo>';
}
