// Writes schema/analysis.schema.json from the zod contract; `npm test` checks the file is up to date.
import { writeFileSync } from 'node:fs';
import { analysisJsonSchema } from '../src/model/analysis.js';

const path = new URL('../schema/analysis.schema.json', import.meta.url);
writeFileSync(path, JSON.stringify(analysisJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${path.pathname}\n`);
