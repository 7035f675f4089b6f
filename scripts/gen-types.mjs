// Regenerates src/dtos/types.ts from the built registry (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { renderTypeScript } from '../dist/schema/typescript.js';
import { evoVoice } from '../dist/dtos/index.js';

writeFileSync(new URL('../src/dtos/types.ts', import.meta.url), renderTypeScript(evoVoice, 'EvoVoiceTypes'));
