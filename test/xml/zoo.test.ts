/**
 * The scalar zoo in DataContract XML, against the Mono DataContractSerializer oracle
 * (fixtures/oracle/zoo/README.md says how the vectors were made).
 *
 * - Every vector: encode(value) is dto.xml / dto.indented.xml byte for byte, except where .NET
 *   Core and Mono write a Single or a Double differently: there the expected bytes are the
 *   vector's with the Mono text replaced by the .NET Core text, one row of MONO_VS_NETCORE each
 *   (both texts shown). decode(dto.xml) and decode(dto.indented.xml) give value.json's value.
 * - What DCS reads and refuses (probed with the same oracle, `zoo.exe read`), the errors with
 *   their paths and positions, and the DataContract attributes.
 */
import { describe, expect, it } from 'vitest';
import { xmlCodec } from '../../src/formats/xml/index.js';
import { namespacesDigest } from '../../src/formats/xml/contract.js';
import { formatDuration, formatXmlSingle, parseDateTime, parseDuration } from '../../src/formats/xml/scalars.js';
import { formatXmlDouble } from '../../src/formats/common/numbers.js';
import type { ClassDescriptor } from '../../src/schema/descriptors.js';
import { classType, prop, t } from '../../src/schema/builder.js';
import { createRegistry } from '../../src/schema/registry.js';
import { zoo } from '../support/zoo.js';
import { catchDtoError } from './helpers.js';
import { loadZooVectors, zooClass, zooValue } from './zoo-vectors.js';

const schema = zoo.at(1);
const vectors = loadZooVectors();
const cls = (name: string): ClassDescriptor => zooClass(schema, name);
const ZOO_NS = 'http://schemas.datacontract.org/2004/07/Zoo.Types';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

/**
 * Where the oracle (Mono 6.8, .NET Framework's "R" formatting: doubles 15 digits if they round
 * trip else 17, E notation from 1E+15; floats 7 else 9, E from 1E+07) and a .NET Core 3.0+
 * host (shortest round-trip digits, E notation when the exponent passes max(digits, 17) for a
 * double, max(digits, 9) for a float) write different text for the same value. We write the
 * .NET Core text. Sources: datacontract.md §12.3 (doubles, dotnet/coreclr PR #22040) and
 * jsv-and-json.md §2.4 (the float precision 9 of dotnet/runtime Number.Formatting.cs).
 */
const MONO_VS_NETCORE = [
  { scalar: 'Single', value: 3.4028234663852886e38, mono: '3.40282347E+38', netCore: '3.4028235E+38' },
  { scalar: 'Single', value: -3.4028234663852886e38, mono: '-3.40282347E+38', netCore: '-3.4028235E+38' },
  { scalar: 'Single', value: 1.401298464324817e-45, mono: '1.401298E-45', netCore: '1E-45' },
  { scalar: 'Single', value: 1e7, mono: '1E+07', netCore: '10000000' },
  { scalar: 'Single', value: Math.fround(3.14159274), mono: '3.14159274', netCore: '3.1415927' },
  { scalar: 'Single', value: Math.fround(1.17549435e-38), mono: '1.17549435E-38', netCore: '1.1754944E-38' },
  { scalar: 'Single', value: 123456792, mono: '123456792', netCore: '123456790' },
  { scalar: 'Double', value: 5e-324, mono: '4.94065645841247E-324', netCore: '5E-324' },
  { scalar: 'Double', value: 1e15, mono: '1E+15', netCore: '1000000000000000' },
  { scalar: 'Double', value: 1e16, mono: '1E+16', netCore: '10000000000000000' },
  { scalar: 'Double', value: 1 / 3, mono: '0.33333333333333331', netCore: '0.3333333333333333' },
  { scalar: 'Double', value: 0.1 + 0.7, mono: '0.79999999999999993', netCore: '0.7999999999999999' },
] as const;

/** The bytes a .NET Core host writes for a vector: each differing element text replaced. */
function netCoreBytes(monoXml: string): string {
  let s = monoXml;
  for (const d of MONO_VS_NETCORE) s = s.split(`>${d.mono}</`).join(`>${d.netCore}</`);
  return s;
}

describe('zoo oracle vectors', () => {
  it('are all there: 13 defaults, 14 edges, 5 flag combinations, 33 random, 4 Local', () => {
    expect(vectors.length).toBe(69);
    expect(vectors.filter((v) => v.dir.endsWith('-local')).length).toBe(4);
  });

  for (const v of vectors) {
    const type = cls(v.type);
    const value = zooValue(type, v.json);
    const expected = netCoreBytes(v.xml);

    it(`${v.dir}: encode = dto.xml${expected === v.xml ? '' : ' (.NET Core float text)'}`, () => {
      expect(xmlCodec.encode(type, value)).toBe(expected);
    });
    it(`${v.dir}: encode pretty = dto.indented.xml`, () => {
      expect(xmlCodec.encode(type, value, { pretty: true })).toBe(netCoreBytes(v.indented));
    });
    it(`${v.dir}: decode dto.xml and dto.indented.xml (Mono's text) = value.json, in every mode`, () => {
      expect(xmlCodec.decode(type, v.xml)).toStrictEqual(value);
      expect(xmlCodec.decode(type, v.indented)).toStrictEqual(value);
      // DCS's own verdicts find nothing to drop in what DCS wrote.
      expect(xmlCodec.decode(type, v.xml, { strict: true })).toStrictEqual(value);
      expect(xmlCodec.decode(type, v.indented, { lenient: true })).toStrictEqual(value);
    });
    it(`${v.dir}: decode(encode(value)) = value; the root names the type`, () => {
      expect(xmlCodec.decode(type, xmlCodec.encode(type, value))).toStrictEqual(value);
      expect(xmlCodec.detectType!(schema, v.xml)).toBe(type);
    });
  }
});

describe('.NET Core vs Mono: Single and Double text (we write .NET Core, read both)', () => {
  const list = cls('ListZoo');
  for (const d of MONO_VS_NETCORE) {
    const member = d.scalar === 'Single' ? 'singleList' : 'doubleList';
    const item = d.scalar === 'Single' ? 'float' : 'double';
    const doc = (text: string) =>
      `<ListZoo xmlns="${ZOO_NS}"><${d.scalar}List xmlns:a="${ARRAYS}"><a:${item}>${text}</a:${item}></${d.scalar}List></ListZoo>`;
    it(`${d.scalar} ${d.value}: Mono ${d.mono}, .NET Core ${d.netCore}`, () => {
      // The Mono text is in the oracle's vectors…
      expect(vectors.some((v) => v.xml.includes(`>${d.mono}</`))).toBe(true);
      // …we write the .NET Core text…
      expect(d.scalar === 'Single' ? formatXmlSingle(d.value) : formatXmlDouble(d.value)).toBe(d.netCore);
      expect(xmlCodec.encode(list, { [member]: [d.value] }, { declaration: false })).toContain(`<d2p1:${item}>${d.netCore}</d2p1:${item}>`);
      // …and read both as the same value.
      expect(xmlCodec.decode(list, doc(d.mono))).toStrictEqual({ [member]: [d.value] });
      expect(xmlCodec.decode(list, doc(d.netCore))).toStrictEqual({ [member]: [d.value] });
    });
  }
});

/** A ScalarZoo document with one member's text (the oracle's probe shape). */
const scalarDoc = (member: string, text: string) => `<ScalarZoo xmlns="${ZOO_NS}">\n<${member}>${text}</${member}></ScalarZoo>`;
const readMember = (member: string, text: string): unknown => {
  const wire = member[0]!.toLowerCase() + member.slice(1);
  return (xmlCodec.decode(cls('ScalarZoo'), scalarDoc(member, text)) as Record<string, unknown>)[wire];
};

describe('what DCS reads (oracle probes, `zoo.exe read ScalarZoo`)', () => {
  const accepted: [member: string, text: string, value: unknown][] = [
    ['ByteValue', ' +5 ', 5],
    ['UInt32Value', '-0', 0],
    ['Int64Value', '9223372036854775807', 9223372036854775807n],
    ['UInt64Value', '18446744073709551615', 18446744073709551615n],
    ['SingleValue', 'INF', Infinity],
    ['SingleValue', ' -INF ', -Infinity],
    ['DoubleValue', 'Infinity', Infinity],
    ['DecimalValue', '1.', '1'],
    ['DecimalValue', '.5', '0.5'],
    ['DecimalValue', ' 1.50 ', '1.50'],
    ['CharValue', ' 97 ', 'a'],
    ['GuidValue', '0f8fad5bd9cb469fa16570867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['GuidValue', '{0F8FAD5B-D9CB-469F-A165-70867728950E}', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['DateTimeValue', '2024-01-02', { ticks: 638397504000000000n, kind: 'Unspecified' }],
    // XsdDateTime rounds a fraction beyond 7 digits on the eighth.
    ['DateTimeValue', ' 2024-01-02T03:04:05.123456789Z ', { ticks: 638397614451234568n, kind: 'Utc' }],
    ['DateTimeValue', '2024-01-02T03:04:05+05:30', { ticks: 638397614450000000n, kind: 'Local', offsetMinutes: 330 }],
    // XsdDuration: a year is 365 days, a month 30; fraction digits past the seventh are cut.
    ['TimeSpanValue', 'P1Y', { ticks: 315360000000000n }],
    ['TimeSpanValue', 'P1M', { ticks: 25920000000000n }],
    ['TimeSpanValue', ' PT1.123456789S ', { ticks: 11234567n }],
    ['BytesValue', 'AQ ID', new Uint8Array([1, 2, 3])],
    ['BooleanValue', ' true ', true],
  ];
  for (const [member, text, value] of accepted) {
    it(`${member} ${JSON.stringify(text)}`, () => {
      expect(readMember(member, text)).toStrictEqual(value);
    });
  }

  const refused: [member: string, text: string, code: 'type' | 'range', expected: string][] = [
    ['UInt16Value', '70000', 'range', 'UInt16'],
    ['ByteValue', '-1', 'range', 'Byte'],
    ['Int64Value', '9223372036854775808', 'range', 'Int64'],
    ['SingleValue', '1e39', 'range', 'Single'],
    ['DoubleValue', '1e400', 'range', 'Double'],
    ['DecimalValue', '1e2', 'type', 'Decimal'],
    ['CharValue', '65536', 'range', 'Char (a UTF-16 code, 0 to 65535)'],
    ['GuidValue', 'x', 'type', 'Guid'],
    ['DateTimeValue', '2024-13-02T00:00:00', 'type', 'DateTime (xs:dateTime)'],
    ['DateTimeValue', '2024-01-02 03:04:05', 'type', 'DateTime (xs:dateTime)'],
    ['TimeSpanValue', 'PT', 'type', 'TimeSpan (xs:duration)'],
    ['TimeSpanValue', 'P', 'type', 'TimeSpan (xs:duration)'],
    ['TimeSpanValue', '1:00', 'type', 'TimeSpan (xs:duration)'],
    ['BytesValue', 'AQI', 'type', 'Byte[] (base64)'],
    ['BytesValue', '!!!!', 'type', 'Byte[] (base64)'],
  ];
  for (const [member, text, code, expected] of refused) {
    it(`${member} ${JSON.stringify(text)} is a ${code} error at the text, with the path`, () => {
      const e = catchDtoError(() => xmlCodec.decode(cls('ScalarZoo'), scalarDoc(member, text)));
      expect(e.code).toBe(code);
      expect(e.path).toBe(member[0]!.toLowerCase() + member.slice(1));
      expect(e.expected).toBe(expected);
      expect([e.line, e.column]).toEqual([2, member.length + 3]);
      expect(e.message).toContain(`from XML at 2:${member.length + 3}`);
    });
  }

  it('a DateTimeOffset needs both DateTime and OffsetMinutes (DateTimeOffsetAdapter)', () => {
    const sys = 'http://schemas.datacontract.org/2004/07/System';
    const e = catchDtoError(() =>
      xmlCodec.decode(cls('ScalarZoo'), scalarDoc('DateTimeOffsetValue', `<DateTime xmlns="${sys}">2024-01-01T00:00:00Z</DateTime>`)),
    );
    expect(e.path).toBe('dateTimeOffsetValue');
    expect(e.expected).toBe(`element <OffsetMinutes> in namespace ${sys}`);
  });
});

describe('encode: range and type errors name the member', () => {
  const cases: [wire: string, value: unknown, code: string][] = [
    ['uInt16Value', 70000, 'range'],
    ['byteValue', -1, 'range'],
    ['sByteValue', 128, 'range'],
    ['int64Value', 2 ** 53 + 2, 'range'],
    ['uInt64Value', -1n, 'range'],
    ['guidValue', 'not a guid', 'type'],
    ['charValue', 'ab', 'type'],
    ['decimalValue', '1e5', 'type'],
    ['dateTimeValue', { ticks: -1n, kind: 'Utc' }, 'range'],
    ['timeSpanValue', { ticks: 2n ** 63n }, 'range'],
  ];
  for (const [wire, value, code] of cases) {
    it(`${wire} = ${typeof value === 'bigint' ? `${value}n` : JSON.stringify(value, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x))}`, () => {
      const e = catchDtoError(() => xmlCodec.encode(cls('ScalarZoo'), { [wire]: value }));
      expect([e.code, e.path, e.direction]).toEqual([code, wire, 'encode']);
    });
  }
  it('takes the obvious JavaScript inputs: a safe-integer number or digit string for Int64, a Date, N-form Guid', () => {
    const xml = xmlCodec.encode(cls('ScalarZoo'), {
      int64Value: '-9223372036854775808',
      uInt64Value: 42,
      dateTimeValue: new Date('2024-01-02T03:04:05.678Z'),
      guidValue: '0F8FAD5BD9CB469FA16570867728950E',
    });
    expect(xml).toContain('<Int64Value>-9223372036854775808</Int64Value>');
    expect(xml).toContain('<UInt64Value>42</UInt64Value>');
    expect(xml).toContain('<DateTimeValue>2024-01-02T03:04:05.678Z</DateTimeValue>');
    expect(xml).toContain('<GuidValue>0f8fad5b-d9cb-469f-a165-70867728950e</GuidValue>');
  });
});

describe('scalar forms (datacontract.md §14, the oracle vectors)', () => {
  it('TimeSpan as xs:duration: days, then T with H, M and trimmed seconds; zero is PT0S', () => {
    // Each text is in fixtures/oracle/zoo/vectors/017-ListZoo-edge/dto.xml.
    const texts: [bigint, string][] = [
      [0n, 'PT0S'],
      [-(2n ** 63n), '-P10675199DT2H48M5.4775808S'],
      [2n ** 63n - 1n, 'P10675199DT2H48M5.4775807S'],
      [1n, 'PT0.0000001S'],
      [-1n, '-PT0.0000001S'],
      [937840050000n, 'P1DT2H3M4.005S'],
      [54000000000n, 'PT1H30M'],
      [345600000000000n, 'P400D'],
    ];
    for (const [ticks, text] of texts) {
      expect(formatDuration({ ticks })).toBe(text);
      expect(parseDuration(text)).toStrictEqual({ ticks });
      expect(vectors.find((v) => v.dir === '017-ListZoo-edge')!.xml).toContain(`>${text}<`);
    }
  });
  it('DateTime by Kind: Z, the Local offset, nothing; fraction trimmed', () => {
    expect(parseDateTime('9999-12-31T23:59:59.9999999Z')).toStrictEqual({ ticks: 3155378975999999999n, kind: 'Utc' });
    const xml = xmlCodec.encode(cls('ListZoo'), {
      dateTimeList: [
        { ticks: 638397614456000000n, kind: 'Utc' },
        { ticks: 638400000001234567n, kind: 'Unspecified' },
        { ticks: 638400000001234567n, kind: 'Local', offsetMinutes: -300 },
      ],
    });
    expect(xml).toContain(
      '<d2p1:dateTime>2024-01-02T03:04:05.6Z</d2p1:dateTime><d2p1:dateTime>2024-01-04T21:20:00.1234567</d2p1:dateTime><d2p1:dateTime>2024-01-04T21:20:00.1234567-05:00</d2p1:dateTime>',
    );
  });
  it('Byte[]: an empty array is an empty element, null is nil, an empty String is start and end tag', () => {
    const xml = xmlCodec.encode(cls('ListZoo'), { bytesList: [new Uint8Array(0), null], stringList: [''] }, { declaration: false });
    expect(xml).toContain('<d2p1:base64Binary /><d2p1:base64Binary i:nil="true" />');
    expect(xml).toContain('<d2p1:string></d2p1:string>');
  });
  it('DateTimeOffset declares System on the member, as a class does, even when null', () => {
    const xml = xmlCodec.encode(cls('NullableZoo'), {}, { declaration: false });
    expect(xml).toContain('<NullableDateTimeOffset xmlns:d2p1="http://schemas.datacontract.org/2004/07/System" i:nil="true" />');
  });
});

describe('DataContract names (oracle: 009-QueryResponseOfItem-defaults, 007-Outer.Inner-defaults, 005-Renamed-defaults)', () => {
  it('a closed generic is QueryResponseOfItem + the digest of its argument namespace', () => {
    const q = cls('QueryResponse<Item>');
    expect(namespacesDigest([ZOO_NS])).toBe('1_S_SeQ_Poj');
    expect(q.contractName).toBe('QueryResponseOfItem1_S_SeQ_Poj');
    expect(vectors.find((v) => v.dir === '009-QueryResponseOfItem-defaults')!.xml).toContain('<QueryResponseOfItem1_S_SeQ_Poj xmlns:i=');
  });
  it('a nested class is Outer.Inner, in its CLR namespace', () => {
    expect(cls('Outer.Inner').contractName).toBe('Outer.Inner');
    expect(vectors.find((v) => v.dir === '007-Outer.Inner-defaults')!.xml).toContain(`<Outer.Inner xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${ZOO_NS}">`);
  });
  it('[DataContract(Name, Namespace)] and DataMember order: unordered ordinally, then by Order and name', () => {
    const r = cls('Renamed');
    expect([r.contractName, r.contractNamespace]).toEqual(['RenamedThing', 'http://example.org/zoo']);
    expect(r.xmlProperties.map((p) => p.xmlName)).toEqual(['Needed', 'Zulu', 'label', 'Beta', 'Count', 'first_name']);
  });
});

describe('DataContract attributes', () => {
  const renamed = cls('Renamed');
  it('EmitDefaultValue = false omits a member holding its default (Count 0, label null)', () => {
    expect(xmlCodec.encode(renamed, { needed: 0, count: 0, beta: false }, { declaration: false })).toBe(
      '<RenamedThing xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://example.org/zoo"><Needed>0</Needed><Zulu i:nil="true" /><Beta>false</Beta><first_name i:nil="true" /></RenamedThing>',
    );
    expect(xmlCodec.encode(renamed, { count: 5, label: '' }, { declaration: false })).toContain('<label></label><Beta>false</Beta><Count>5</Count>');
  });
  it('IsRequired: a document without the member is refused, as DCS refuses it ("Expecting element \'Needed\'")', () => {
    const e = catchDtoError(() => xmlCodec.decode(renamed, '<RenamedThing xmlns="http://example.org/zoo"><Zulu>z</Zulu></RenamedThing>'));
    expect(e.code).toBe('type');
    expect(e.expected).toBe('element <Needed> in namespace http://example.org/zoo');
    expect([e.line, e.column]).toEqual([1, 1]);
  });
  it('an omitted member of a [DataContract] class is not set by a constructor (lenient read)', () => {
    const reg = createRegistry({
      name: 'ctor',
      revisions: [{ id: 1, description: 'one' }],
      types: [
        classType('C', 'Plain', {}, { Tags: prop(t.List(t.String), { initializedByConstructor: true }) }),
        classType('C', 'Attributed', { dataContract: {} }, { Tags: prop(t.List(t.String), { initializedByConstructor: true, dataMember: {} }) }),
      ],
    });
    const ns = 'http://schemas.datacontract.org/2004/07/C';
    expect(xmlCodec.decode(reg.at(1).requireClass('Plain'), `<Plain xmlns="${ns}" />`, { lenient: true })).toStrictEqual({ tags: [] });
    expect(xmlCodec.decode(reg.at(1).requireClass('Attributed'), `<Attributed xmlns="${ns}" />`, { lenient: true })).toStrictEqual({});
  });
});

describe('enums', () => {
  const everything = cls('Everything');
  const base = { priority: 'Low' };
  const text = (v: Record<string, unknown>, el: string) => {
    const m = new RegExp(`<${el}>([^<]*)</${el}>|<${el} />`).exec(xmlCodec.encode(everything, { ...base, ...v }));
    return m ? (m[1] ?? '') : undefined;
  };
  it('flags: a member equal to the value by name, else the members in declaration order separated by spaces (oracle flags vectors)', () => {
    expect(text({ permissions: 'None' }, 'Permissions')).toBe('None');
    expect(text({ permissions: 'Read, Write, Execute' }, 'Permissions')).toBe('All');
    expect(text({ permissions: 'Write, Execute' }, 'Permissions')).toBe('Write Execute');
    expect(text({ permissions: 6 }, 'Permissions')).toBe('Write Execute');
    expect(text({ permissions: 5n }, 'Permissions')).toBe('Read Execute');
  });
  it('flags: values no members make up cannot be written (oracle: "Enum value \'8\' is invalid")', () => {
    for (const v of [8, '9', 'Read, Other']) {
      const e = catchDtoError(() => xmlCodec.encode(everything, { ...base, permissions: v }));
      expect([e.code, e.path]).toEqual(['enum', 'permissions']);
    }
  });
  it('default(Priority) = 0 is no member: DCS cannot write it, nor can we', () => {
    const e = catchDtoError(() => xmlCodec.encode(everything, {}));
    expect([e.code, e.path]).toEqual(['enum', 'priority']);
  });
  it('[EnumMember(Value)] is ignored on an enum without [DataContract]: Mood writes Happy, not happy-face (oracle 025)', () => {
    expect(text({ mood: 'Happy' }, 'Mood')).toBe('Happy');
    expect(vectors.find((v) => v.dir === '025-Everything-edge')!.xml).toContain('<Mood>Happy</Mood>');
  });
  it('reads flags separated by any runs of spaces; an empty text is 0; commas are refused (oracle probes)', () => {
    const doc = (p: string) => `<Everything xmlns="${ZOO_NS}"><Permissions>${p}</Permissions><Priority>Low</Priority></Everything>`;
    const read = (p: string) => (xmlCodec.decode(everything, doc(p)) as Record<string, unknown>).permissions;
    expect(read('Read Write')).toBe('Read, Write');
    expect(read('  Read   Execute ')).toBe('Read, Execute');
    expect(read('')).toBe('None');
    expect(read('All Read')).toBe('All');
    expect(catchDtoError(() => read('Read,Write')).code).toBe('enum');
    expect(catchDtoError(() => read('read')).code).toBe('enum');
  });
});

describe('structs and Object', () => {
  const everything = cls('Everything');
  it('a missing struct member is default(T); Nullable<Struct> is nil; a null struct item is refused', () => {
    const xml = xmlCodec.encode(everything, { priority: 'Low' }, { declaration: false });
    expect(xml).toContain('<MaybeWhere i:nil="true" />');
    expect(xml).toContain('<Where><X>0</X><Y>0</Y></Where>');
    const e = catchDtoError(() => xmlCodec.encode(everything, { priority: 'Low', points: [null] }));
    expect([e.code, e.path]).toEqual(['type', 'points[0]']);
  });
  it('a missing struct member reads as a fresh default each time', () => {
    const doc = `<Everything xmlns="${ZOO_NS}"><Priority>Low</Priority></Everything>`;
    const a = xmlCodec.decode(everything, doc) as Record<string, unknown>;
    const b = xmlCodec.decode(everything, doc) as Record<string, unknown>;
    expect(a.where).toStrictEqual({ x: 0, y: 0 });
    expect(a.where).not.toBe(b.where);
  });
  it('a System.Object member is an unsupported error naming it, both ways', () => {
    const holder = cls('ObjectHolder');
    for (const e of [
      catchDtoError(() => xmlCodec.encode(holder, { anything: 5 })),
      catchDtoError(() => xmlCodec.encode(holder, {})),
      catchDtoError(() => xmlCodec.decode(holder, `<ObjectHolder xmlns="${ZOO_NS}" />`)),
    ]) {
      expect([e.code, e.path, e.format]).toEqual(['unsupported', 'anything', 'XML']);
      expect(e.message).toContain('ObjectHolder.anything');
    }
  });
});

describe('dictionary keys of every key scalar (oracle 018-DictionaryZoo-edge)', () => {
  it('reads keys as their canonical text and writes them back', () => {
    const v = vectors.find((x) => x.dir === '018-DictionaryZoo-edge')!;
    const d = xmlCodec.decode(cls('DictionaryZoo'), v.xml) as Record<string, Record<string, unknown>>;
    expect(Object.keys(d.booleanKeys!)).toEqual(['True', 'False']);
    expect(Object.keys(d.int64Keys!)).toEqual(['1', '9223372036854775807', '-9223372036854775808', '9007199254740993']);
    expect(Object.keys(d.dateTimeKeys!)).toEqual(['2024-01-04T21:20:00.1234567Z', '0001-01-01T00:00:00.0000000', '2024-01-04T21:20:00.0000000']);
    expect(v.xml).toContain('<d2p1:KeyValueOfbooleanstring><d2p1:Key>true</d2p1:Key>');
    expect(v.xml).toContain('<d2p1:KeyValueOfstringDateTimeOffsetU6ho3Bhd>');
  });
  it('a key that is not its type is an error with the key in the path', () => {
    const e = catchDtoError(() => xmlCodec.encode(cls('DictionaryZoo'), { guidKeys: { nope: 'v' } }));
    expect([e.code, e.path]).toEqual(['type', 'guidKeys.nope']);
  });
});

describe('nested contract names (oracle probe: Outer2 with [DataContract(Name = "Shell")], Deep.Mid.Leaf)', () => {
  const reg = createRegistry({
    name: 'nesting',
    revisions: [{ id: 1, description: 'one' }],
    types: [
      classType('Zoo.Probe', 'Outer2', { dataContract: { name: 'Shell', namespace: 'http://example.org/shell' } }, { A: prop(t.Int32, { dataMember: {} }) }),
      classType('Zoo.Probe', 'Inner2', { declaringType: 'Outer2' }, { B: prop(t.Int32) }),
      classType('Zoo.Probe', 'Deep', {}, {}),
      classType('Zoo.Probe', 'Mid', { declaringType: 'Deep' }, {}),
      classType('Zoo.Probe', 'Leaf', { declaringType: 'Deep.Mid' }, { C: prop(t.Int32) }),
    ],
  }).at(1);
  const ns = 'http://schemas.datacontract.org/2004/07/Zoo.Probe';
  it('is the CLR path, not the declaring type\'s contract name, in the CLR namespace', () => {
    // Oracle: <Outer2.Inner2 xmlns:i=… xmlns="…/Zoo.Probe"><B>0</B></Outer2.Inner2>
    expect(xmlCodec.encode(reg.requireClass('Inner2'), {}, { declaration: false })).toBe(
      `<Outer2.Inner2 xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${ns}"><B>0</B></Outer2.Inner2>`,
    );
    // Oracle: <Deep.Mid.Leaf xmlns:i=… xmlns="…/Zoo.Probe"><C>0</C></Deep.Mid.Leaf>
    expect(xmlCodec.encode(reg.requireClass('Leaf'), {}, { declaration: false })).toBe(
      `<Deep.Mid.Leaf xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${ns}"><C>0</C></Deep.Mid.Leaf>`,
    );
  });
});

describe('a [Flags] enum without a zero member (oracle probe: [Flags] enum NoZero { A = 1, B = 2 })', () => {
  const reg = createRegistry({
    name: 'flags',
    revisions: [{ id: 1, description: 'one' }],
    types: [
      { kind: 'enum', namespace: 'Zoo.Probe', name: 'NoZero', members: [['A', 1], ['B', 2]], flags: true },
      classType('Zoo.Probe', 'Holder', {}, { Flags: prop(t.ref('NoZero')) }),
    ],
  }).at(1);
  const holder = reg.requireClass('Holder');
  const ns = 'http://schemas.datacontract.org/2004/07/Zoo.Probe';
  it('writes 0 as an empty element and reads it back as 0', () => {
    // Oracle: <Holder …><Flags /><Mood>calm</Mood></Holder> for Flags = 0.
    expect(xmlCodec.encode(holder, { flags: '0' }, { declaration: false })).toBe(
      `<Holder xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="${ns}"><Flags /></Holder>`,
    );
    expect(xmlCodec.decode(holder, `<Holder xmlns="${ns}"><Flags /></Holder>`)).toStrictEqual({ flags: '0' });
    expect(xmlCodec.decode(holder, `<Holder xmlns="${ns}"><Flags>B A</Flags></Holder>`)).toStrictEqual({ flags: 'A, B' });
  });
});
