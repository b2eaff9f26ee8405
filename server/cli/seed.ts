/** `npm run seed`: loads the demo data into the configured database, refusing a database that has data. */
import { readServerConfig } from '../context/config.ts';
import { openServerDb } from '../db/connect.ts';
import { migrateServerDb } from '../db/migrate.ts';
import { isDatabaseEmpty, seedDemoData } from '../seed/seed-demo-data.ts';

const config = readServerConfig(process.env);
const cases = Number(process.argv[2] ?? 300);
const opened = openServerDb(config.database);
try {
  await migrateServerDb(opened.db);
  if (!(await isDatabaseEmpty(opened.db))) {
    console.error('The database already holds data; the demo seed only loads into an empty database.');
    process.exitCode = 1;
  } else {
    const summary = await seedDemoData({ db: opened.db, config }, { cases });
    console.log(`Seeded ${summary.agencies} agencies, ${summary.users} users, ${summary.cases} cases (${summary.sharedCases} shared), ${summary.persons} persons, `
      + `${summary.reports} reports, ${summary.tasks} tasks, ${summary.markers} markers, ${summary.documents} documents.`);
  }
} finally {
  await opened.close();
}
