// Runs the `marsad` command from source (node --import tsx test/e2e/run-cli.ts ARGS…), for end-to-end tests in child processes.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
