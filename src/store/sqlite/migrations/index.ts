// The numbered migrations, embedded as TS modules so they ship in dist/ with no file copying.
import { sql as m0001 } from './0001-initial.js';
import { sql as m0002 } from './0002-read-api.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a database records the highest applied version in PRAGMA user_version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m0001 },
  { version: 2, name: 'read-api', sql: m0002 },
];
