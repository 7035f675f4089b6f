// Generated from the Evo Voice registry by `dto-formats codegen`; do not edit.
// Members are those of the latest revision (2); `@since` marks newer ones.

/** .NET `Voice.Api.EntityInfo` */
export interface EntityInfo {
  /**
   * The ID of the object
   * .NET `Id`: `String`
   */
  id?: string | null;
  /**
   * The date the object was created
   * .NET `DateCreated`: `String`
   */
  dateCreated?: string | null;
  /**
   * The date the object was last modified
   * .NET `DateLastModified`: `String`
   */
  dateLastModified?: string | null;
  /**
   * The user that created this object
   * .NET `CreatedBy`: `String`
   */
  createdBy?: string | null;
  /**
   * The user that last modified this object
   * .NET `LastModifiedBy`: `String`
   */
  lastModifiedBy?: string | null;
}

/** .NET `Voice.Api.Customers.CustomerBreadcrumb` */
export interface CustomerBreadcrumb {
  /** .NET `Id`: `String` */
  id?: string | null;
  /** .NET `Name`: `String` */
  name?: string | null;
}

/** .NET `Voice.Api.Flows.Data.Value` */
export interface Value {
  /** .NET `BoolValue`: `Nullable<Boolean>` */
  boolValue?: boolean | null;
  /** .NET `StringValue`: `String` */
  stringValue?: string | null;
  /** .NET `NumberValue`: `Nullable<Double>` */
  numberValue?: number | null;
  /** .NET `ListValue`: `List<Struct>` */
  listValue?: (Struct | null)[] | null;
  /** .NET `StructValue`: `Struct` */
  structValue?: Struct | null;
}

/** .NET `Voice.Api.Flows.Data.Struct` */
export interface Struct {
  [key: string]: Value | null;
}

/** .NET enum `Voice.Api.Settings.TagColors` (Magenta = 0, Red = 1, Volcano = 2, Orange = 3, Gold = 4, Lime = 5, Green = 6, Cyan = 7, Blue = 8, GeekBlue = 9, Purple = 10) */
export type TagColors = 'Magenta' | 'Red' | 'Volcano' | 'Orange' | 'Gold' | 'Lime' | 'Green' | 'Cyan' | 'Blue' | 'GeekBlue' | 'Purple' | `${number}`;

/** .NET `Voice.Api.Settings.Tag` */
export interface Tag {
  /** .NET `Id`: `String` */
  id?: string | null;
  /** .NET `Name`: `String` */
  name?: string | null;
  /** .NET `Color`: `TagColors` */
  color?: TagColors;
}

/** .NET enum `Voice.Api.Scheduling.SimpleSchedulingRuleTypes` (Always = 0, CustomerState = 1, Time = 2) */
export type SimpleSchedulingRuleTypes = 'Always' | 'CustomerState' | 'Time' | `${number}`;

/** .NET `Voice.Api.Scheduling.ScheduleDay` */
export interface ScheduleDay {
  /** .NET `Offset`: `Int32` */
  offset?: number;
  /** .NET `DayOfWeek`: `DayOfWeek` */
  dayOfWeek?: DayOfWeek;
}

/** .NET enum `System.DayOfWeek` (Sunday = 0, Monday = 1, Tuesday = 2, Wednesday = 3, Thursday = 4, Friday = 5, Saturday = 6) */
export type DayOfWeek = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | `${number}`;

/** .NET enum `Voice.Api.Scheduling.SchedulingRuleFrequency` (None = 0, Secondly = 1, Minutely = 2, Hourly = 3, Daily = 4, Weekly = 5, Monthly = 6, Yearly = 7) */
export type SchedulingRuleFrequency = 'None' | 'Secondly' | 'Minutely' | 'Hourly' | 'Daily' | 'Weekly' | 'Monthly' | 'Yearly' | `${number}`;

/** .NET `Voice.Api.Scheduling.SchedulingRule` */
export interface SchedulingRule {
  /** .NET `Id`: `String` */
  id?: string | null;
  /** .NET `Name`: `String` */
  name?: string | null;
  /** .NET `Priority`: `Int32` */
  priority?: number;
  /** .NET `State`: `String` */
  state?: string | null;
  /** .NET `Source`: `String` */
  source?: string | null;
  /** .NET `Condition`: `String` */
  condition?: string | null;
  /** .NET `SimpleRuleType`: `SimpleSchedulingRuleTypes` */
  simpleRuleType?: SimpleSchedulingRuleTypes;
  /** .NET `CustomerState`: `String` */
  customerState?: string | null;
  /** .NET `FlowId`: `String` */
  flowId?: string | null;
  /** .NET `FlowParams`: `Struct` */
  flowParams?: Struct | null;
  /** .NET `IsAllDay`: `Boolean` */
  isAllDay?: boolean;
  /** .NET `StartDate`: `String` */
  startDate?: string | null;
  /** .NET `StartTime`: `String` */
  startTime?: string | null;
  /** .NET `EndTime`: `String` */
  endTime?: string | null;
  /** .NET `BySetPosition`: `List<Int32>` */
  bySetPosition?: number[] | null;
  /** .NET `ByMonth`: `List<Int32>` */
  byMonth?: number[] | null;
  /** .NET `ByWeekNo`: `List<Int32>` */
  byWeekNo?: number[] | null;
  /** .NET `ByYearDay`: `List<Int32>` */
  byYearDay?: number[] | null;
  /** .NET `ByMonthDay`: `List<Int32>` */
  byMonthDay?: number[] | null;
  /** .NET `ByDay`: `List<ScheduleDay>` */
  byDay?: (ScheduleDay | null)[] | null;
  /** .NET `ByHour`: `List<Int32>` */
  byHour?: number[] | null;
  /** .NET `ByMinute`: `List<Int32>` */
  byMinute?: number[] | null;
  /** .NET `Interval`: `Int32` */
  interval?: number;
  /** .NET `Count`: `Int32` */
  count?: number;
  /** .NET `UntilDate`: `String` */
  untilDate?: string | null;
  /** .NET `Frequency`: `SchedulingRuleFrequency` */
  frequency?: SchedulingRuleFrequency;
}

/** .NET `Voice.Api.Scheduling.Schedule` */
export interface Schedule {
  /** .NET `TimeZoneId`: `String` */
  timeZoneId?: string | null;
  /** .NET `Inherit`: `Boolean` */
  inherit?: boolean;
  /** .NET `ForceClosed`: `Boolean` */
  forceClosed?: boolean;
  /** .NET `Rules`: `List<SchedulingRule>` */
  rules?: (SchedulingRule | null)[] | null;
  /** .NET `DefaultState`: `String` */
  defaultState?: string | null;
}

/** .NET `Voice.Api.Integrations.IntegrationData` */
export interface IntegrationData {
  /** .NET `ThirdPartyId`: `String` */
  thirdPartyId?: string | null;
}

/** .NET `Voice.Api.Integrations.EntityIntegrationData` */
export interface EntityIntegrationData {
  [key: string]: IntegrationData | null;
}

/** .NET `Voice.Api.Accounts.BillingItem` */
export interface BillingItem {
  /** .NET `BaseCost`: `Double` */
  baseCost?: number;
  /** .NET `RawUnitMultiplier`: `Double` */
  rawUnitMultiplier?: number;
  /** .NET `UnitCost`: `Double` */
  unitCost?: number;
  /** .NET `Allowance`: `Int32` */
  allowance?: number;
}

/** .NET `Voice.Api.Accounts.BillingSettings` */
export interface BillingSettings {
  /** .NET `Base`: `BillingItem` */
  base?: BillingItem | null;
  /** .NET `LocalNumbers`: `BillingItem` */
  localNumbers?: BillingItem | null;
  /** .NET `TollFreeNumbers`: `BillingItem` */
  tollFreeNumbers?: BillingItem | null;
  /** .NET `InboundVoiceCalls`: `BillingItem` */
  inboundVoiceCalls?: BillingItem | null;
  /** .NET `OutboundVoiceCalls`: `BillingItem` */
  outboundVoiceCalls?: BillingItem | null;
  /** .NET `InboundFaxes`: `BillingItem` */
  inboundFaxes?: BillingItem | null;
  /** .NET `OutboundFaxes`: `BillingItem` */
  outboundFaxes?: BillingItem | null;
  /** .NET `InboundSmsMessages`: `BillingItem` */
  inboundSmsMessages?: BillingItem | null;
  /** .NET `OutboundSmsMessages`: `BillingItem` */
  outboundSmsMessages?: BillingItem | null;
  /**
   * .NET `AIInsights`: `BillingItem`
   * @since revision 2
   */
  aiInsights?: BillingItem | null;
  /**
   * .NET `AILiveMinutes`: `BillingItem`
   * @since revision 2
   */
  aiLiveMinutes?: BillingItem | null;
}

/** .NET `Voice.Api.Customers.AppSettings` */
export interface AppSettings {
  /** .NET `EnablePhoneNumberManagement`: `Boolean` */
  enablePhoneNumberManagement?: boolean;
  /** .NET `EnableDeviceManagement`: `Boolean` */
  enableDeviceManagement?: boolean;
  /** .NET `EnableDialer`: `Boolean` */
  enableDialer?: boolean;
  /** .NET `EnableCallHistory`: `Boolean` */
  enableCallHistory?: boolean;
  /**
   * .NET `EnableAssistants`: `Boolean`
   * @since revision 2
   */
  enableAssistants?: boolean;
  /** .NET `ShowFileNameInMessageCenter`: `Boolean` */
  showFileNameInMessageCenter?: boolean;
  /** .NET `ChakraTheme`: `String` */
  chakraTheme?: string | null;
  /** .NET `CustomCss`: `String` */
  customCss?: string | null;
  /** .NET `PageTitle`: `String` */
  pageTitle?: string | null;
  /** .NET `StringMappings`: `String` */
  stringMappings?: string | null;
  /** .NET `LogoutUrl`: `String` */
  logoutUrl?: string | null;
  /** .NET `PortMyNumberUrl`: `String` */
  portMyNumberUrl?: string | null;
}

/** .NET `Voice.Api.Customers.CustomerInfo` */
export interface CustomerInfo extends EntityInfo {
  /**
   * The ID of the account associated with this customer
   * .NET `AccountId`: `String`
   */
  accountId?: string | null;
  /**
   * The parent customer ID for this customer
   * .NET `ParentCustomerId`: `String`
   */
  parentCustomerId?: string | null;
  /**
   * The breadcrumb to this customer
   * .NET `Breadcrumb`: `List<CustomerBreadcrumb>`
   */
  breadcrumb?: (CustomerBreadcrumb | null)[] | null;
  /**
   * The name of the account associated with this customer
   * .NET `AccountName`: `String`
   */
  accountName?: string | null;
  /**
   * Is this customer staging or production?
   * .NET `IsStaging`: `Boolean`
   */
  isStaging?: boolean;
  /**
   * The name of the company
   * .NET `Name`: `String`
   */
  name?: string | null;
  /**
   * The reference ID for this company
   * .NET `ReferenceId`: `String`
   */
  referenceId?: string | null;
  /**
   * This customer's data values
   * .NET `Data`: `Struct`
   */
  data?: Struct | null;
  /**
   * The list of tags for this customer
   * .NET `Tags`: `List<Tag>`
   */
  tags?: (Tag | null)[] | null;
  /**
   * This customer's schedule
   * .NET `Schedule`: `Schedule`
   */
  schedule?: Schedule | null;
  /**
   * Integration data for this customer
   * .NET `IntegrationData`: `EntityIntegrationData`
   */
  integrationData?: EntityIntegrationData | null;
  /**
   * Override this customer's billing settings? Otherwise inherits from parent
   * .NET `OverrideBillingSettings`: `Boolean`
   */
  overrideBillingSettings?: boolean;
  /**
   * Billing settings for this customer
   * .NET `BillingSettings`: `BillingSettings`
   */
  billingSettings?: BillingSettings | null;
  /**
   * Should this customer override the parent customer's app settings
   * .NET `OverrideAppSettings`: `Boolean`
   */
  overrideAppSettings?: boolean;
  /**
   * App / Portal settings for this customer
   * .NET `AppSettings`: `AppSettings`
   */
  appSettings?: AppSettings | null;
}

/**
 * Creates a new customer
 * .NET `Voice.Api.Customers.NewCustomer`
 * `POST /customers`
 * Returns {@link CustomerInfo}.
 */
export interface NewCustomer {
  /**
   * The account ID to associate this customer with
   * .NET `AccountId`: `String`
   */
  accountId?: string | null;
  /**
   * The name of the customer
   * .NET `Name`: `String`
   */
  name?: string | null;
  /**
   * The parent customer for this customer
   * .NET `ParentCustomerId`: `String`
   */
  parentCustomerId?: string | null;
  /**
   * The reference ID for this customer (e.g. in a third party system)
   * .NET `ReferenceId`: `String`
   */
  referenceId?: string | null;
  /**
   * Data values for this customer
   * .NET `Data`: `Struct`
   */
  data?: Struct | null;
}

/**
 * Update a specific customer
 * .NET `Voice.Api.Customers.PatchCustomer`
 * `PATCH /customers/{customerId}`
 * Returns {@link CustomerInfo}.
 */
export interface PatchCustomer {
  /**
   * The ID of the customer you want to update
   * .NET `CustomerId`: `String`
   */
  customerId?: string | null;
  /**
   * The name for the customer
   * .NET `Name`: `String`
   */
  name?: string | null;
  /**
   * The parent customer for this customer
   * .NET `ParentCustomerId`: `String`
   */
  parentCustomerId?: string | null;
  /**
   * The reference ID for this customer (e.g. in a third party system)
   * .NET `ReferenceId`: `String`
   */
  referenceId?: string | null;
  /**
   * Data values for this customer
   * .NET `Data`: `Struct`
   */
  data?: Struct | null;
  /**
   * The list of tag IDs for this customer
   * .NET `TagIds`: `List<String>`
   */
  tagIds?: (string | null)[] | null;
  /**
   * This customer's schedule
   * .NET `Schedule`: `Schedule`
   */
  schedule?: Schedule | null;
  /**
   * Override this customer's billing settings? Otherwise inherits from parent
   * .NET `OverrideBillingSettings`: `Nullable<Boolean>`
   */
  overrideBillingSettings?: boolean | null;
  /**
   * Updated billing settings for this customer
   * .NET `BillingSettings`: `BillingSettings`
   */
  billingSettings?: BillingSettings | null;
  /**
   * Should this customer override the parent customer's app settings
   * .NET `OverrideAppSettings`: `Nullable<Boolean>`
   */
  overrideAppSettings?: boolean | null;
  /**
   * App / Portal settings for this customer
   * .NET `AppSettings`: `AppSettings`
   */
  appSettings?: AppSettings | null;
}

/**
 * Change the customer's routing between production and staging
 * .NET `Voice.Api.Customers.SetCustomerStagingMode`
 * `POST /customers/{customerId}/staging`
 * Returns {@link CustomerInfo}.
 */
export interface SetCustomerStagingMode {
  /**
   * The ID of the customer you want to update
   * .NET `CustomerId`: `String`
   */
  customerId?: string | null;
  /**
   * Should this customer's phone numbers route to the staging server
   * .NET `IsStaging`: `Boolean`
   */
  isStaging?: boolean;
}

/** Every Evo Voice type by name: the typed codec API is keyed by it. */
export interface EvoVoiceTypes {
  EntityInfo: EntityInfo;
  CustomerBreadcrumb: CustomerBreadcrumb;
  Value: Value;
  Struct: Struct;
  TagColors: TagColors;
  Tag: Tag;
  SimpleSchedulingRuleTypes: SimpleSchedulingRuleTypes;
  ScheduleDay: ScheduleDay;
  DayOfWeek: DayOfWeek;
  SchedulingRuleFrequency: SchedulingRuleFrequency;
  SchedulingRule: SchedulingRule;
  Schedule: Schedule;
  IntegrationData: IntegrationData;
  EntityIntegrationData: EntityIntegrationData;
  BillingItem: BillingItem;
  BillingSettings: BillingSettings;
  AppSettings: AppSettings;
  CustomerInfo: CustomerInfo;
  NewCustomer: NewCustomer;
  PatchCustomer: PatchCustomer;
  SetCustomerStagingMode: SetCustomerStagingMode;
}
