// The realistic CustomerInfo every benchmark uses (issue 2 §5, perf-anchors.md §2): 3
// breadcrumbs, 5 tags, a schedule of 4 rules with int lists and ScheduleDays (three lists
// null), 10 Data values, 3 integration entries, every billing item and app setting, and
// strings with & < > ", a newline, ñ and an em dash.

const item = (i) => ({ baseCost: 9.99 + i, rawUnitMultiplier: 1.25, unitCost: 0.0125 * (i + 1), allowance: 100 * i });
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function makeCustomer() {
  const rules = [];
  for (let r = 0; r < 4; r++) {
    rules.push({
      id: `rule-${r}`,
      name: r === 2 ? 'After hours & weekends <main>' : `Rule ${r} — business hours`,
      priority: r,
      state: r % 2 ? 'Closed' : 'Open',
      source: 'portal',
      condition: 'caller.country == "US"',
      simpleRuleType: ['Always', 'CustomerState', 'Time', 'Time'][r],
      customerState: 'Active',
      flowId: `flow-${r}`,
      isAllDay: r === 3,
      startDate: '2026-01-01',
      startTime: '08:00',
      endTime: '17:30',
      bySetPosition: [],
      byMonth: r === 1 ? [1, 6, 12] : [],
      byWeekNo: null,
      byYearDay: null,
      byMonthDay: r === 0 ? [1, 15] : [],
      byDay: days.slice(0, 1 + r).map((d, i) => ({ offset: i - 1, dayOfWeek: d })),
      byHour: [8, 12, 17].slice(0, 1 + (r % 3)),
      byMinute: [0, 15, 30, 45].slice(0, 1 + r),
      interval: 1,
      count: 0,
      untilDate: null,
      frequency: ['Daily', 'Weekly', 'Monthly', 'Yearly'][r],
    });
  }
  const data = {};
  for (let i = 0; i < 10; i++) {
    data[`field${i}`] = { boolValue: i % 2 === 0, stringValue: i === 3 ? 'Señor "Núñez"\nline two' : `value ${i} & more`, numberValue: i * 1.5 };
  }
  const billing = {};
  for (const [i, k] of ['base', 'localNumbers', 'tollFreeNumbers', 'inboundVoiceCalls', 'outboundVoiceCalls', 'inboundFaxes',
    'outboundFaxes', 'inboundSmsMessages', 'outboundSmsMessages', 'aiInsights', 'aiLiveMinutes'].entries()) billing[k] = item(i);
  return {
    accountId: 'acct-0001',
    parentCustomerId: 'cust-0000',
    breadcrumb: [0, 1, 2].map((i) => ({ id: `cust-000${i}`, name: `Level ${i} — Acme & Co` })),
    accountName: 'Acme <Holdings>',
    isStaging: false,
    name: 'Acme Widgets Ltd.',
    referenceId: 'ERP-42',
    data,
    tags: ['Magenta', 'Red', 'GeekBlue', 'Gold', 'Cyan'].map((color, i) => ({ id: `tag-${i}`, name: `Tag ${i}`, color })),
    schedule: { timeZoneId: 'America/New_York', inherit: false, forceClosed: false, rules, defaultState: 'Open' },
    integrationData: { hubspot: { thirdPartyId: 'hs-123' }, salesforce: { thirdPartyId: 'sf-456' }, zendesk: { thirdPartyId: 'zd-789' } },
    overrideBillingSettings: true,
    billingSettings: billing,
    overrideAppSettings: true,
    appSettings: {
      enablePhoneNumberManagement: true, enableDeviceManagement: true, enableDialer: false, enableCallHistory: true,
      enableAssistants: true, showFileNameInMessageCenter: false, chakraTheme: 'blue', customCss: '.x > .y { color: red; }',
      pageTitle: 'Acme Portal', stringMappings: '{"a":"b"}', logoutUrl: 'https://example.com/logout', portMyNumberUrl: 'https://example.com/port',
    },
    id: 'cust-0003',
    dateCreated: '2026-01-02T03:04:05Z',
    dateLastModified: '2026-11-20T10:00:00Z',
    createdBy: 'admin',
    lastModifiedBy: 'ñandú',
  };
}
