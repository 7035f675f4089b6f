/**
 * Registries loaded from the `/types/metadata` fixtures, for suites that want to run against
 * both the hand-declared Evo Voice registry and the one a ServiceStack host's metadata yields.
 */
import { readFileSync } from 'node:fs';
import { fromMetadata } from '../../src/schema/metadata.js';
import type { Registry } from '../../src/schema/registry.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/metadata/${name}`, import.meta.url), 'utf8'));

/** The Evo Voice API loaded from `fixtures/metadata/evo-voice.metadata.json` (one revision: the latest). */
export const evoVoiceFromMetadata: Registry = fromMetadata(fixture('evo-voice.metadata.json'), { name: 'Evo Voice (metadata)' });

/** The scalar zoo loaded from `fixtures/metadata/zoo.metadata.json`. */
export const zooFromMetadata = (): Registry => fromMetadata(fixture('zoo.metadata.json'), { name: 'Scalar zoo (metadata)' });
