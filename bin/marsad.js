#!/usr/bin/env node
// The `marsad` command: a thin shell over the compiled library (see src/cli).
import { main } from '../dist/cli/main.js';

// `marsad analyze … | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
