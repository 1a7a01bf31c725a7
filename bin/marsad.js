#!/usr/bin/env node
// The `marsad` command: a thin shell over the compiled library (see src/cli).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
