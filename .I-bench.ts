import { runStoreBench } from './bench/suites/store.js';
const limit = process.argv[2] ? Number(process.argv[2]) : undefined;
const v = await runStoreBench({ dataDir: '/work/shared/data', log: (l) => console.error(l), ...(limit ? { limit } : {}), ...(process.argv[3] ? { db: process.argv[3] } : {}) });
console.log(JSON.stringify(v, null, 1));
