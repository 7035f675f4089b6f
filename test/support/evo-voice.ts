/**
 * The Evo Voice registry the codec suites run against. By default the hand-declared one
 * (`src/dtos/evo-voice.ts`); in the vitest project `metadata-registry` (DTO_TEST_REGISTRY=metadata,
 * see vitest.config.ts) the one a ServiceStack host's `/types/metadata` yields
 * (`fixtures/metadata/evo-voice.metadata.json`), so that every codec test runs against both.
 *
 * A metadata document describes one API version. Revision 1 is the same document without the
 * three members revision 2 added (seed 003 has them; seeds 000–002 and 004 do not), and the two
 * declarations are merged into one registry whose newer members carry `since: 2`, as the
 * hand-declared registry has them.
 */
import { readFileSync } from 'node:fs';
import { evoVoice as declared } from '../../src/dtos/index.js';
import type { ClassDeclaration, PropertyDeclaration, SchemaDeclaration, TypeDeclaration } from '../../src/schema/builder.js';
import { metadataDeclaration } from '../../src/schema/metadata.js';
import { createRegistry, type Registry } from '../../src/schema/registry.js';

/**
 * What the metadata cannot carry (servicestack-metadata.md §1.10), given as a user of
 * `fromMetadata` would: the members whose constructor assigns an empty list, as seed 004's C#
 * listing shows them (`Rules = new List<SchedulingRule>{}` …).
 */
export const EVO_VOICE_INITIALIZED_COLLECTIONS: readonly string[] = [
  'Voice.Api.Flows.Data.Value.ListValue',
  ...['BySetPosition', 'ByMonth', 'ByWeekNo', 'ByYearDay', 'ByMonthDay', 'ByDay', 'ByHour', 'ByMinute'].map((m) => `Voice.Api.Scheduling.SchedulingRule.${m}`),
  'Voice.Api.Scheduling.Schedule.Rules',
  'Voice.Api.Customers.CustomerInfo.Breadcrumb',
  'Voice.Api.Customers.CustomerInfo.Tags',
  'Voice.Api.Customers.PatchCustomer.TagIds',
];

/** Members that seed 003 (revision 2) has and the older pages (revision 1) do not. */
const ADDED_IN_REVISION_2: Readonly<Record<string, readonly string[]>> = {
  BillingSettings: ['AIInsights', 'AILiveMinutes'],
  AppSettings: ['EnableAssistants'],
};

interface MetadataTypeLike {
  name?: string;
  properties?: { name?: string }[];
}

function withoutRevision2Members(doc: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as { types?: MetadataTypeLike[]; operations?: { request?: MetadataTypeLike; response?: MetadataTypeLike }[] };
  const strip = (t: MetadataTypeLike | undefined): void => {
    const drop = t?.name === undefined ? undefined : ADDED_IN_REVISION_2[t.name];
    if (t && drop && t.properties) t.properties = t.properties.filter((p) => !drop.includes(p.name ?? ''));
  };
  for (const t of copy.types ?? []) strip(t);
  for (const o of copy.operations ?? []) {
    strip(o.request);
    strip(o.response);
  }
  return copy;
}

/** One declaration with two revisions: a member only revision 2's document has gets `since: 2`. */
function mergeRevisions(rev1: SchemaDeclaration, rev2: SchemaDeclaration): SchemaDeclaration {
  const older = new Map<string, TypeDeclaration>(rev1.types.map((t) => [`${t.namespace}.${t.name}`, t]));
  const types = rev2.types.map((t): TypeDeclaration => {
    if (t.kind !== 'class') return t;
    const before = older.get(`${t.namespace}.${t.name}`) as ClassDeclaration | undefined;
    const properties: Record<string, PropertyDeclaration> = {};
    for (const [name, p] of Object.entries(t.properties)) {
      properties[name] = before && !(name in before.properties) ? { ...p, since: 2 } : p;
    }
    return { ...t, properties };
  });
  return {
    ...rev2,
    name: 'Evo Voice (from /types/metadata)',
    revisions: [
      { id: 1, description: 'evo-voice.metadata.json without the members seed 003 added' },
      { id: 2, description: 'fixtures/metadata/evo-voice.metadata.json' },
    ],
    types,
  };
}

/** The two-revision Evo Voice registry built from `fixtures/metadata/evo-voice.metadata.json`. */
export function evoVoiceFromMetadataFixture(): Registry {
  const doc: unknown = JSON.parse(readFileSync(new URL('../../fixtures/metadata/evo-voice.metadata.json', import.meta.url), 'utf8'));
  const options = { initializedCollections: EVO_VOICE_INITIALIZED_COLLECTIONS };
  return createRegistry(mergeRevisions(metadataDeclaration(withoutRevision2Members(doc), options), metadataDeclaration(doc, options)));
}

/** Which registry this run tests: `declared` or `metadata`. */
export const registryUnderTest: 'declared' | 'metadata' = process.env.DTO_TEST_REGISTRY === 'metadata' ? 'metadata' : 'declared';

export const evoVoice: Registry = registryUnderTest === 'metadata' ? evoVoiceFromMetadataFixture() : declared;
