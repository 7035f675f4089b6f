/** The Evo Voice registry: every DTO of the seeds, at both API revisions. */
import { createRegistry } from '../schema/registry.js';
import { evoVoiceDeclaration } from './evo-voice.js';

export { evoVoiceDeclaration } from './evo-voice.js';
export type * from './types.js';

export const evoVoice = createRegistry(evoVoiceDeclaration);
