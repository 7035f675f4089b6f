// Regenerates src/dtos/types.ts from the built registry (run `npm run build` first) with the
// same command users run on their own API: `dto-formats codegen`. A test checks the file is current.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['dist/cli/main.js', 'codegen', '--map-name', 'EvoVoiceTypes', '-o', 'src/dtos/types.ts'], {
  cwd: root,
  stdio: 'inherit',
});
