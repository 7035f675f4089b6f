#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './run.js';

// A reader that stops early (`| head`) is not an error: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// exitCode (not exit()) lets stdout drain when it is a pipe.
process.exitCode = await run(process.argv.slice(2), processIo);
