/**
 * The Evo Voice customer DTOs, declared once, as the seeds show them (../shared/seeds):
 * namespaces and C# types from the C# listing (seed 004), enum values from the F# listing
 * (seed 000), member order from every listing (JSON/JSV write in declaration order),
 * descriptions from the `[ApiMember]` attributes, routes from the metadata pages.
 *
 * Revision 1 is the API of seeds 000, 001, 002 and 004. Revision 2 (seed 003) adds
 * `BillingSettings.AIInsights`, `BillingSettings.AILiveMinutes` and `AppSettings.EnableAssistants`.
 */
import { classType, enumType, prop, route, t, type SchemaDeclaration } from '../schema/builder.js';

const { String, Boolean, Int32, Double, Nullable, List, Dictionary, ref } = t;

const ROLES = ['SystemAdministrator', 'Manager', 'Customer'] as const;
const listInit = { initializedByConstructor: true } as const;

export const evoVoiceDeclaration: SchemaDeclaration = {
  name: 'Evo Voice',
  revisions: [
    { id: 1, description: 'seeds 000, 001, 002, 004: BillingSettings has 9 items, AppSettings has no EnableAssistants' },
    { id: 2, description: 'seed 003: adds BillingSettings.AIInsights/AILiveMinutes and AppSettings.EnableAssistants' },
  ],
  types: [
    classType('Voice.Api', 'EntityInfo', {}, {
      Id: prop(String, 'The ID of the object'),
      DateCreated: prop(String, 'The date the object was created'),
      DateLastModified: prop(String, 'The date the object was last modified'),
      CreatedBy: prop(String, 'The user that created this object'),
      LastModifiedBy: prop(String, 'The user that last modified this object'),
    }),
    classType('Voice.Api.Customers', 'CustomerBreadcrumb', {}, {
      Id: prop(String),
      Name: prop(String),
    }),
    classType('Voice.Api.Flows.Data', 'Value', {}, {
      BoolValue: prop(Nullable(Boolean)),
      StringValue: prop(String),
      NumberValue: prop(Nullable(Double)),
      ListValue: prop(List(ref('Struct')), listInit),
      StructValue: prop(ref('Struct')),
    }),
    classType('Voice.Api.Flows.Data', 'Struct', { dictionary: Dictionary(String, ref('Value')) }, {}),
    enumType('Voice.Api.Settings', 'TagColors', {
      Magenta: 0, Red: 1, Volcano: 2, Orange: 3, Gold: 4, Lime: 5,
      Green: 6, Cyan: 7, Blue: 8, GeekBlue: 9, Purple: 10,
    }),
    classType('Voice.Api.Settings', 'Tag', {}, {
      Id: prop(String),
      Name: prop(String),
      Color: prop(ref('TagColors')),
    }),
    enumType('Voice.Api.Scheduling', 'SimpleSchedulingRuleTypes', { Always: 0, CustomerState: 1, Time: 2 }),
    classType('Voice.Api.Scheduling', 'ScheduleDay', {}, {
      Offset: prop(Int32),
      DayOfWeek: prop(ref('System.DayOfWeek')),
    }),
    enumType('System', 'DayOfWeek', {
      Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6,
    }),
    enumType('Voice.Api.Scheduling', 'SchedulingRuleFrequency', {
      None: 0, Secondly: 1, Minutely: 2, Hourly: 3, Daily: 4, Weekly: 5, Monthly: 6, Yearly: 7,
    }),
    classType('Voice.Api.Scheduling', 'SchedulingRule', {}, {
      Id: prop(String),
      Name: prop(String),
      Priority: prop(Int32),
      State: prop(String),
      Source: prop(String),
      Condition: prop(String),
      SimpleRuleType: prop(ref('SimpleSchedulingRuleTypes')),
      CustomerState: prop(String),
      FlowId: prop(String),
      FlowParams: prop(ref('Struct')),
      IsAllDay: prop(Boolean),
      StartDate: prop(String),
      StartTime: prop(String),
      EndTime: prop(String),
      BySetPosition: prop(List(Int32), listInit),
      ByMonth: prop(List(Int32), listInit),
      ByWeekNo: prop(List(Int32), listInit),
      ByYearDay: prop(List(Int32), listInit),
      ByMonthDay: prop(List(Int32), listInit),
      ByDay: prop(List(ref('ScheduleDay')), listInit),
      ByHour: prop(List(Int32), listInit),
      ByMinute: prop(List(Int32), listInit),
      Interval: prop(Int32),
      Count: prop(Int32),
      UntilDate: prop(String),
      Frequency: prop(ref('SchedulingRuleFrequency')),
    }),
    classType('Voice.Api.Scheduling', 'Schedule', {}, {
      TimeZoneId: prop(String),
      Inherit: prop(Boolean),
      ForceClosed: prop(Boolean),
      Rules: prop(List(ref('SchedulingRule')), listInit),
      DefaultState: prop(String),
    }),
    classType('Voice.Api.Integrations', 'IntegrationData', {}, {
      ThirdPartyId: prop(String),
    }),
    classType('Voice.Api.Integrations', 'EntityIntegrationData', {
      dictionary: Dictionary(String, ref('IntegrationData')),
    }, {}),
    classType('Voice.Api.Accounts', 'BillingItem', {}, {
      BaseCost: prop(Double),
      RawUnitMultiplier: prop(Double),
      UnitCost: prop(Double),
      Allowance: prop(Int32),
    }),
    classType('Voice.Api.Accounts', 'BillingSettings', {}, {
      Base: prop(ref('BillingItem')),
      LocalNumbers: prop(ref('BillingItem')),
      TollFreeNumbers: prop(ref('BillingItem')),
      InboundVoiceCalls: prop(ref('BillingItem')),
      OutboundVoiceCalls: prop(ref('BillingItem')),
      InboundFaxes: prop(ref('BillingItem')),
      OutboundFaxes: prop(ref('BillingItem')),
      InboundSmsMessages: prop(ref('BillingItem')),
      OutboundSmsMessages: prop(ref('BillingItem')),
      AIInsights: prop(ref('BillingItem'), { since: 2 }),
      AILiveMinutes: prop(ref('BillingItem'), { since: 2 }),
    }),
    classType('Voice.Api.Customers', 'AppSettings', {}, {
      EnablePhoneNumberManagement: prop(Boolean),
      EnableDeviceManagement: prop(Boolean),
      EnableDialer: prop(Boolean),
      EnableCallHistory: prop(Boolean),
      EnableAssistants: prop(Boolean, { since: 2 }),
      ShowFileNameInMessageCenter: prop(Boolean),
      ChakraTheme: prop(String),
      CustomCss: prop(String),
      PageTitle: prop(String),
      StringMappings: prop(String),
      LogoutUrl: prop(String),
      PortMyNumberUrl: prop(String),
    }),
    classType('Voice.Api.Customers', 'CustomerInfo', { base: 'EntityInfo' }, {
      AccountId: prop(String, 'The ID of the account associated with this customer'),
      ParentCustomerId: prop(String, 'The parent customer ID for this customer'),
      Breadcrumb: prop(List(ref('CustomerBreadcrumb')), 'The breadcrumb to this customer', listInit),
      AccountName: prop(String, 'The name of the account associated with this customer'),
      IsStaging: prop(Boolean, 'Is this customer staging or production?'),
      Name: prop(String, 'The name of the company'),
      ReferenceId: prop(String, 'The reference ID for this company'),
      Data: prop(ref('Struct'), "This customer's data values"),
      Tags: prop(List(ref('Tag')), 'The list of tags for this customer', listInit),
      Schedule: prop(ref('Schedule'), "This customer's schedule"),
      IntegrationData: prop(ref('EntityIntegrationData'), 'Integration data for this customer'),
      OverrideBillingSettings: prop(Boolean, "Override this customer's billing settings? Otherwise inherits from parent"),
      BillingSettings: prop(ref('BillingSettings'), 'Billing settings for this customer'),
      OverrideAppSettings: prop(Boolean, "Should this customer override the parent customer's app settings"),
      AppSettings: prop(ref('AppSettings'), 'App / Portal settings for this customer'),
    }),
    classType('Voice.Api.Customers', 'NewCustomer', {
      description: 'Creates a new customer',
      operation: {
        routes: [route('POST', '/customers')],
        returns: 'CustomerInfo',
        roles: ROLES,
        requiresAuthentication: true,
      },
    }, {
      AccountId: prop(String, 'The account ID to associate this customer with'),
      Name: prop(String, 'The name of the customer'),
      ParentCustomerId: prop(String, 'The parent customer for this customer'),
      ReferenceId: prop(String, 'The reference ID for this customer (e.g. in a third party system)'),
      Data: prop(ref('Struct'), 'Data values for this customer'),
    }),
    classType('Voice.Api.Customers', 'PatchCustomer', {
      description: 'Update a specific customer',
      operation: {
        routes: [route('PATCH', '/customers/{customerId}')],
        returns: 'CustomerInfo',
        roles: ROLES,
        requiresAuthentication: true,
      },
    }, {
      CustomerId: prop(String, 'The ID of the customer you want to update'),
      Name: prop(String, 'The name for the customer'),
      ParentCustomerId: prop(String, 'The parent customer for this customer'),
      ReferenceId: prop(String, 'The reference ID for this customer (e.g. in a third party system)'),
      Data: prop(ref('Struct'), 'Data values for this customer'),
      TagIds: prop(List(String), 'The list of tag IDs for this customer', listInit),
      Schedule: prop(ref('Schedule'), "This customer's schedule"),
      OverrideBillingSettings: prop(Nullable(Boolean), "Override this customer's billing settings? Otherwise inherits from parent"),
      BillingSettings: prop(ref('BillingSettings'), 'Updated billing settings for this customer'),
      OverrideAppSettings: prop(Nullable(Boolean), "Should this customer override the parent customer's app settings"),
      AppSettings: prop(ref('AppSettings'), 'App / Portal settings for this customer'),
    }),
    classType('Voice.Api.Customers', 'SetCustomerStagingMode', {
      description: "Change the customer's routing between production and staging",
      operation: {
        routes: [route('POST', '/customers/{customerId}/staging')],
        returns: 'CustomerInfo',
        roles: ROLES,
        requiresAuthentication: true,
      },
    }, {
      CustomerId: prop(String, 'The ID of the customer you want to update'),
      IsStaging: prop(Boolean, "Should this customer's phone numbers route to the staging server"),
    }),
  ],
};
