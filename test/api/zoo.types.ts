// Generated from the Scalar zoo registry by `dto-formats codegen`; do not edit.

import type { DateTimeOffsetValue, DateTimeValue, TimeSpanValue } from '../../src/index.js';

/** .NET `Zoo.Types.ScalarZoo` */
export interface ScalarZoo {
  /** .NET `StringValue`: `String` */
  stringValue?: string | null;
  /** .NET `BooleanValue`: `Boolean` */
  booleanValue?: boolean;
  /** .NET `ByteValue`: `Byte` */
  byteValue?: number;
  /** .NET `SByteValue`: `SByte` */
  sByteValue?: number;
  /** .NET `Int16Value`: `Int16` */
  int16Value?: number;
  /** .NET `UInt16Value`: `UInt16` */
  uInt16Value?: number;
  /** .NET `Int32Value`: `Int32` */
  int32Value?: number;
  /** .NET `UInt32Value`: `UInt32` */
  uInt32Value?: number;
  /** .NET `Int64Value`: `Int64` */
  int64Value?: bigint;
  /** .NET `UInt64Value`: `UInt64` */
  uInt64Value?: bigint;
  /** .NET `SingleValue`: `Single` */
  singleValue?: number;
  /** .NET `DoubleValue`: `Double` */
  doubleValue?: number;
  /** .NET `DecimalValue`: `Decimal` */
  decimalValue?: string;
  /** .NET `CharValue`: `Char` */
  charValue?: string;
  /** .NET `DateTimeValue`: `DateTime` */
  dateTimeValue?: DateTimeValue;
  /** .NET `DateTimeOffsetValue`: `DateTimeOffset` */
  dateTimeOffsetValue?: DateTimeOffsetValue;
  /** .NET `TimeSpanValue`: `TimeSpan` */
  timeSpanValue?: TimeSpanValue;
  /** .NET `GuidValue`: `Guid` */
  guidValue?: string;
  /** .NET `BytesValue`: `Byte[]` */
  bytesValue?: Uint8Array | null;
  /** .NET `UriValue`: `Uri` */
  uriValue?: string | null;
}

/** .NET `Zoo.Types.NullableZoo` */
export interface NullableZoo {
  /** .NET `NullableBoolean`: `Nullable<Boolean>` */
  nullableBoolean?: boolean | null;
  /** .NET `NullableByte`: `Nullable<Byte>` */
  nullableByte?: number | null;
  /** .NET `NullableSByte`: `Nullable<SByte>` */
  nullableSByte?: number | null;
  /** .NET `NullableInt16`: `Nullable<Int16>` */
  nullableInt16?: number | null;
  /** .NET `NullableUInt16`: `Nullable<UInt16>` */
  nullableUInt16?: number | null;
  /** .NET `NullableInt32`: `Nullable<Int32>` */
  nullableInt32?: number | null;
  /** .NET `NullableUInt32`: `Nullable<UInt32>` */
  nullableUInt32?: number | null;
  /** .NET `NullableInt64`: `Nullable<Int64>` */
  nullableInt64?: bigint | null;
  /** .NET `NullableUInt64`: `Nullable<UInt64>` */
  nullableUInt64?: bigint | null;
  /** .NET `NullableSingle`: `Nullable<Single>` */
  nullableSingle?: number | null;
  /** .NET `NullableDouble`: `Nullable<Double>` */
  nullableDouble?: number | null;
  /** .NET `NullableDecimal`: `Nullable<Decimal>` */
  nullableDecimal?: string | null;
  /** .NET `NullableChar`: `Nullable<Char>` */
  nullableChar?: string | null;
  /** .NET `NullableDateTime`: `Nullable<DateTime>` */
  nullableDateTime?: DateTimeValue | null;
  /** .NET `NullableDateTimeOffset`: `Nullable<DateTimeOffset>` */
  nullableDateTimeOffset?: DateTimeOffsetValue | null;
  /** .NET `NullableTimeSpan`: `Nullable<TimeSpan>` */
  nullableTimeSpan?: TimeSpanValue | null;
  /** .NET `NullableGuid`: `Nullable<Guid>` */
  nullableGuid?: string | null;
}

/** .NET `Zoo.Types.ListZoo` */
export interface ListZoo {
  /** .NET `StringList`: `List<String>` */
  stringList?: (string | null)[] | null;
  /** .NET `BooleanList`: `List<Boolean>` */
  booleanList?: boolean[] | null;
  /** .NET `ByteList`: `List<Byte>` */
  byteList?: number[] | null;
  /** .NET `SByteList`: `List<SByte>` */
  sByteList?: number[] | null;
  /** .NET `Int16List`: `List<Int16>` */
  int16List?: number[] | null;
  /** .NET `UInt16List`: `List<UInt16>` */
  uInt16List?: number[] | null;
  /** .NET `Int32List`: `List<Int32>` */
  int32List?: number[] | null;
  /** .NET `UInt32List`: `List<UInt32>` */
  uInt32List?: number[] | null;
  /** .NET `Int64List`: `List<Int64>` */
  int64List?: bigint[] | null;
  /** .NET `UInt64List`: `List<UInt64>` */
  uInt64List?: bigint[] | null;
  /** .NET `SingleList`: `List<Single>` */
  singleList?: number[] | null;
  /** .NET `DoubleList`: `List<Double>` */
  doubleList?: number[] | null;
  /** .NET `DecimalList`: `List<Decimal>` */
  decimalList?: string[] | null;
  /** .NET `CharList`: `List<Char>` */
  charList?: string[] | null;
  /** .NET `DateTimeList`: `List<DateTime>` */
  dateTimeList?: DateTimeValue[] | null;
  /** .NET `DateTimeOffsetList`: `List<DateTimeOffset>` */
  dateTimeOffsetList?: DateTimeOffsetValue[] | null;
  /** .NET `TimeSpanList`: `List<TimeSpan>` */
  timeSpanList?: TimeSpanValue[] | null;
  /** .NET `GuidList`: `List<Guid>` */
  guidList?: string[] | null;
  /** .NET `BytesList`: `List<Byte[]>` */
  bytesList?: (Uint8Array | null)[] | null;
  /** .NET `UriList`: `List<Uri>` */
  uriList?: (string | null)[] | null;
}

/** .NET `Zoo.Types.DictionaryZoo` */
export interface DictionaryZoo {
  /** .NET `StringValues`: `Dictionary<String,String>` */
  stringValues?: { [key: string]: string | null } | null;
  /** .NET `BooleanValues`: `Dictionary<String,Boolean>` */
  booleanValues?: { [key: string]: boolean } | null;
  /** .NET `ByteValues`: `Dictionary<String,Byte>` */
  byteValues?: { [key: string]: number } | null;
  /** .NET `SByteValues`: `Dictionary<String,SByte>` */
  sByteValues?: { [key: string]: number } | null;
  /** .NET `Int16Values`: `Dictionary<String,Int16>` */
  int16Values?: { [key: string]: number } | null;
  /** .NET `UInt16Values`: `Dictionary<String,UInt16>` */
  uInt16Values?: { [key: string]: number } | null;
  /** .NET `Int32Values`: `Dictionary<String,Int32>` */
  int32Values?: { [key: string]: number } | null;
  /** .NET `UInt32Values`: `Dictionary<String,UInt32>` */
  uInt32Values?: { [key: string]: number } | null;
  /** .NET `Int64Values`: `Dictionary<String,Int64>` */
  int64Values?: { [key: string]: bigint } | null;
  /** .NET `UInt64Values`: `Dictionary<String,UInt64>` */
  uInt64Values?: { [key: string]: bigint } | null;
  /** .NET `SingleValues`: `Dictionary<String,Single>` */
  singleValues?: { [key: string]: number } | null;
  /** .NET `DoubleValues`: `Dictionary<String,Double>` */
  doubleValues?: { [key: string]: number } | null;
  /** .NET `DecimalValues`: `Dictionary<String,Decimal>` */
  decimalValues?: { [key: string]: string } | null;
  /** .NET `CharValues`: `Dictionary<String,Char>` */
  charValues?: { [key: string]: string } | null;
  /** .NET `DateTimeValues`: `Dictionary<String,DateTime>` */
  dateTimeValues?: { [key: string]: DateTimeValue } | null;
  /** .NET `DateTimeOffsetValues`: `Dictionary<String,DateTimeOffset>` */
  dateTimeOffsetValues?: { [key: string]: DateTimeOffsetValue } | null;
  /** .NET `TimeSpanValues`: `Dictionary<String,TimeSpan>` */
  timeSpanValues?: { [key: string]: TimeSpanValue } | null;
  /** .NET `GuidValues`: `Dictionary<String,Guid>` */
  guidValues?: { [key: string]: string } | null;
  /** .NET `BytesValues`: `Dictionary<String,Byte[]>` */
  bytesValues?: { [key: string]: Uint8Array | null } | null;
  /** .NET `UriValues`: `Dictionary<String,Uri>` */
  uriValues?: { [key: string]: string | null } | null;
  /** .NET `Int32Keys`: `Dictionary<Int32,String>` */
  int32Keys?: { [key: string]: string | null } | null;
  /** .NET `Int64Keys`: `Dictionary<Int64,String>` */
  int64Keys?: { [key: string]: string | null } | null;
  /** .NET `GuidKeys`: `Dictionary<Guid,String>` */
  guidKeys?: { [key: string]: string | null } | null;
  /** .NET `BooleanKeys`: `Dictionary<Boolean,String>` */
  booleanKeys?: { [key: string]: string | null } | null;
  /** .NET `DateTimeKeys`: `Dictionary<DateTime,String>` */
  dateTimeKeys?: { [key: string]: string | null } | null;
}

/**
 * An integer enum (isEnumInt): JSON/JSV write numbers.
 * .NET enum `Zoo.Types.Priority` (Low = 10, Medium = 20, High = 30)
 * JSON/JSV write its number.
 */
export type Priority = 'Low' | 'Medium' | 'High' | `${number}`;

/**
 * A [Flags] enum.
 * .NET enum `Zoo.Types.Permissions` (None = 0, Read = 1, Write = 2, Execute = 4, All = 7)
 * [Flags]: a value may combine members (`'Read, Write'`); JSON/JSV write its number.
 */
export type Permissions = 'None' | 'Read' | 'Write' | 'Execute' | 'All' | `${string}, ${string}` | `${number}`;

/**
 * An enum with [EnumMember(Value)] texts.
 * .NET enum `Zoo.Types.Mood` (Calm = 0 ("calm"), Happy = 1 ("happy-face"), Grumpy = 2)
 */
export type Mood = 'Calm' | 'Happy' | 'Grumpy' | `${number}`;

/** .NET enum `Zoo.Types.Color` (Red = 0, Green = 1, Blue = 2) */
export type Color = 'Red' | 'Green' | 'Blue' | `${number}`;

/**
 * A struct.
 * .NET `Zoo.Types.Point` (struct: never null)
 */
export interface Point {
  /** .NET `X`: `Int32` */
  x?: number;
  /** .NET `Y`: `Int32` */
  y?: number;
}

/**
 * [DataContract(Name = "RenamedThing", Namespace = "http://example.org/zoo")] with [DataMember] attributes.
 * .NET `Zoo.Types.Renamed`
 * XML: `RenamedThing` in `http://example.org/zoo`
 */
export interface Renamed {
  /** .NET `Zulu`: `String` */
  zulu?: string | null;
  /** .NET `Alpha`: `String` */
  first_name?: string | null;
  /** .NET `Count`: `Int32` */
  count?: number;
  /** .NET `Label`: `String` */
  label?: string | null;
  /** .NET `Needed`: `Int32` */
  needed?: number;
  /** .NET `Beta`: `Boolean` */
  beta?: boolean;
}

/** .NET `Zoo.Types.Outer` */
export interface Outer {
  /** .NET `Name`: `String` */
  name?: string | null;
  /** .NET `Inner`: `Inner` */
  inner?: Inner | null;
}

/**
 * .NET `Zoo.Types.Outer.Inner`
 * XML: `Outer.Inner` in `http://schemas.datacontract.org/2004/07/Zoo.Types`
 */
export interface Inner {
  /** .NET `Depth`: `Int32` */
  depth?: number;
}

/** .NET `Zoo.Types.Item` */
export interface Item {
  /** .NET `Id`: `Int64` */
  id?: bigint;
  /** .NET `Name`: `String` */
  name?: string | null;
}

/**
 * .NET `Zoo.Types.QueryResponse<Item>`
 * XML: `QueryResponseOfItem1_S_SeQ_Poj` in `http://schemas.datacontract.org/2004/07/Zoo.Types`
 */
export interface QueryResponse_Item {
  /** .NET `Offset`: `Int32` */
  offset?: number;
  /** .NET `Total`: `Int32` */
  total?: number;
  /** .NET `Results`: `List<Item>` */
  results?: (Item | null)[] | null;
}

/** .NET `Zoo.Types.EverythingBase` */
export interface EverythingBase {
  /** .NET `Id`: `Guid` */
  id?: string;
  /** .NET `Created`: `DateTime` */
  created?: DateTimeValue;
}

/** .NET `Zoo.Types.Everything` */
export interface Everything extends EverythingBase {
  /** .NET `Priority`: `Priority` */
  priority?: Priority;
  /** .NET `Permissions`: `Permissions` */
  permissions?: Permissions;
  /** .NET `Mood`: `Mood` */
  mood?: Mood;
  /** .NET `Color`: `Color` */
  color?: Color;
  /** .NET `NullablePriority`: `Nullable<Priority>` */
  nullablePriority?: Priority | null;
  /** .NET `Where`: `Point` */
  where?: Point;
  /** .NET `MaybeWhere`: `Nullable<Point>` */
  maybeWhere?: Point | null;
  /** .NET `Points`: `List<Point>` */
  points?: Point[] | null;
  /** .NET `Renamed`: `Renamed` */
  renamed?: Renamed | null;
  /** .NET `Outer`: `Outer` */
  outer?: Outer | null;
  /** .NET `Scalars`: `ScalarZoo` */
  scalars?: ScalarZoo | null;
  /** .NET `Nullables`: `NullableZoo` */
  nullables?: NullableZoo | null;
  /** .NET `Lists`: `ListZoo` */
  lists?: ListZoo | null;
  /** .NET `Dictionaries`: `DictionaryZoo` */
  dictionaries?: DictionaryZoo | null;
  /** .NET `Moods`: `List<Mood>` */
  moods?: Mood[] | null;
  /** .NET `Priorities`: `Dictionary<String,Priority>` */
  priorities?: { [key: string]: Priority } | null;
}

/**
 * A request: its response is the generic QueryResponse<Item>.
 * .NET `Zoo.Types.GetZoo`
 * `GET /zoo/{Id}`
 * Returns {@link QueryResponse_Item}.
 */
export interface GetZoo {
  /** .NET `Id`: `Int64` */
  id?: bigint;
  /** .NET `Filter`: `String` */
  filter?: string | null;
}

/**
 * System.Object members: no format carries them, every codec says so.
 * .NET `Zoo.Types.ObjectHolder`
 */
export interface ObjectHolder {
  /** .NET `Anything`: `Object` */
  anything?: unknown;
}

/** Every Scalar zoo type by name: the typed codec API is keyed by it. */
export interface ZooTypes {
  ScalarZoo: ScalarZoo;
  NullableZoo: NullableZoo;
  ListZoo: ListZoo;
  DictionaryZoo: DictionaryZoo;
  Priority: Priority;
  Permissions: Permissions;
  Mood: Mood;
  Color: Color;
  Point: Point;
  Renamed: Renamed;
  Outer: Outer;
  Inner: Inner;
  Item: Item;
  'QueryResponse<Item>': QueryResponse_Item;
  EverythingBase: EverythingBase;
  Everything: Everything;
  GetZoo: GetZoo;
  ObjectHolder: ObjectHolder;
}
