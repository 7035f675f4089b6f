/**
 * Every difference between two registries (or two revision views) that a codec could observe:
 * the set of types, and per type its names, namespaces, DataContract contract, members (order,
 * wire and XML names, DataMember facts, .NET types), enum members, base, dictionary base,
 * generic arguments and operation. Revision ids (`since`, `revision`) and the order in which
 * types are listed are not compared: a metadata document has one revision, and its type order is
 * the server's walk, which no format observes.
 */
import type {
  ClassDescriptor,
  EnumDescriptor,
  NamedTypeDescriptor,
  PropertyDescriptor,
  TypeDescriptor,
} from '../../src/schema/descriptors.js';
import { typeLabel } from '../../src/schema/descriptors.js';
import type { Registry, Schema } from '../../src/schema/registry.js';

/** Facts a comparison may leave out, when one side cannot know them. */
export type DifferenceFacet =
  /** The .NET constructor assigns an empty list: not in `/types/metadata` (servicestack-metadata.md §1.10). */
  | 'initializedByConstructor'
  | 'description';

export interface DifferenceOptions {
  readonly ignore?: readonly DifferenceFacet[];
}

/** Canonical text: object keys sorted (declaration order of an operation's keys is no fact), bigints marked. */
const show = (v: unknown): string =>
  v === undefined
    ? 'absent'
    : JSON.stringify(v, (_k, x: unknown) => {
        if (typeof x === 'bigint') return `${x}n`;
        if (x && typeof x === 'object' && !Array.isArray(x)) {
          return Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)));
        }
        return x;
      });

/** The identity of a type reference: full names all the way down (two `Item`s in two namespaces differ). */
export function typeKey(t: TypeDescriptor): string {
  switch (t.kind) {
    case 'scalar':
      return t.fullName;
    case 'enum':
    case 'class':
      return t.fullName;
    case 'nullable':
      return `Nullable<${typeKey(t.of)}>`;
    case 'list':
      return `List<${typeKey(t.of)}>`;
    case 'dictionary':
      return `Dictionary<${typeKey(t.key)},${typeKey(t.value)}>`;
  }
}

/** Lists every difference between `a` and `b` (latest revisions of registries, or the given views). */
export function registryDifferences(a: Registry | Schema, b: Registry | Schema, options: DifferenceOptions = {}): string[] {
  const sa = 'at' in a ? a.at() : a;
  const sb = 'at' in b ? b.at() : b;
  const ignore = new Set(options.ignore ?? []);
  const out: string[] = [];
  const diff = (where: string, x: unknown, y: unknown): void => {
    if (show(x) !== show(y)) out.push(`${where}: ${show(x)} ≠ ${show(y)}`);
  };

  const byFull = (s: Schema): Map<string, NamedTypeDescriptor> => new Map(s.types.map((t) => [t.fullName, t]));
  const ta = byFull(sa);
  const tb = byFull(sb);
  for (const name of ta.keys()) if (!tb.has(name)) out.push(`${name}: only in the first registry`);
  for (const name of tb.keys()) if (!ta.has(name)) out.push(`${name}: only in the second registry`);
  diff('profile', sa.types.find((t): t is ClassDescriptor => t.kind === 'class')?.profile, sb.types.find((t): t is ClassDescriptor => t.kind === 'class')?.profile);

  for (const [name, x] of ta) {
    const y = tb.get(name);
    if (!y) continue;
    diff(`${name}.kind`, x.kind, y.kind);
    diff(`${name}.name`, x.name, y.name);
    diff(`${name}.namespace`, x.namespace, y.namespace);
    diff(`${name}.contractName`, x.contractName, y.contractName);
    diff(`${name}.contractNamespace`, x.contractNamespace, y.contractNamespace);
    diff(`${name}.isValueType`, x.isValueType, y.isValueType);
    if (!ignore.has('description')) diff(`${name}.description`, x.description, y.description);
    if (x.kind === 'enum' && y.kind === 'enum') enumDifferences(name, x, y, diff);
    if (x.kind === 'class' && y.kind === 'class') classDifferences(name, x, y, diff, ignore);
  }
  return out;
}

type Diff = (where: string, x: unknown, y: unknown) => void;

function enumDifferences(name: string, x: EnumDescriptor, y: EnumDescriptor, diff: Diff): void {
  diff(`${name}.isFlags`, x.isFlags, y.isFlags);
  diff(`${name}.isInt`, x.isInt, y.isInt);
  diff(`${name}.members`, x.members.map((m) => m.name), y.members.map((m) => m.name));
  const n = Math.min(x.members.length, y.members.length);
  for (let i = 0; i < n; i++) {
    const mx = x.members[i]!;
    const my = y.members[i]!;
    diff(`${name}.${mx.name}.value`, mx.value, my.value);
    diff(`${name}.${mx.name}.wireText`, mx.wireText, my.wireText);
  }
}

const memberId = (p: PropertyDescriptor): string => `${p.declaringType.fullName}.${p.name}`;

function classDifferences(name: string, x: ClassDescriptor, y: ClassDescriptor, diff: Diff, ignore: Set<DifferenceFacet>): void {
  diff(`${name}.isDataContract`, x.isDataContract, y.isDataContract);
  diff(`${name}.base`, x.base?.fullName, y.base?.fullName);
  diff(`${name}.dictionary`, x.dictionary && typeKey(x.dictionary), y.dictionary && typeKey(y.dictionary));
  diff(
    `${name}.generic`,
    x.generic && { definition: x.generic.definition, args: x.generic.args.map(typeKey) },
    y.generic && { definition: y.generic.definition, args: y.generic.args.map(typeKey) },
  );
  diff(`${name}.operation`, x.operation, y.operation);
  // Member lists in all three orders: declaration, ServiceStack.Text's (derived first), DataContract's.
  diff(`${name}.ownProperties`, x.ownProperties.map((p) => p.name), y.ownProperties.map((p) => p.name));
  diff(`${name}.properties`, x.properties.map(memberId), y.properties.map(memberId));
  diff(`${name}.xmlProperties`, x.xmlProperties.map(memberId), y.xmlProperties.map(memberId));
  const others = new Map(y.ownProperties.map((p) => [p.name, p]));
  for (const p of x.ownProperties) {
    const q = others.get(p.name);
    if (!q) continue;
    const at = `${name}.${p.name}`;
    diff(`${at}.wireName`, p.wireName, q.wireName);
    diff(`${at}.xmlName`, p.xmlName, q.xmlName);
    diff(`${at}.order`, p.order, q.order);
    diff(`${at}.emitDefaultValue`, p.emitDefaultValue, q.emitDefaultValue);
    diff(`${at}.isRequired`, p.isRequired, q.isRequired);
    diff(`${at}.type`, typeKey(p.type), typeKey(q.type));
    diff(`${at}.typeLabel`, typeLabel(p.type), typeLabel(q.type));
    diff(`${at}.declaringType`, p.declaringType.fullName, q.declaringType.fullName);
    if (!ignore.has('description')) diff(`${at}.description`, p.description, q.description);
    if (!ignore.has('initializedByConstructor')) diff(`${at}.initializedByConstructor`, p.initializedByConstructor, q.initializedByConstructor);
  }
}
