// Small database chores for the shell scripts, through node-postgres (no psql needed):
//   node scripts/db.mjs can-login URL   exit 0 when the URL's role can log in (to its maintenance db)
//   node scripts/db.mjs create URL      create the URL's database if missing (owned by the URL's role)
//   node scripts/db.mjs drop URL        drop the URL's database if it exists
import pg from "pg";

const [command, url] = process.argv.slice(2);
if (!command || !url) {
  console.error("usage: node scripts/db.mjs can-login|create|drop URL");
  process.exit(2);
}
const target = new URL(url);
const database = decodeURIComponent(target.pathname.replace(/^\//, ""));
const maintenance = new URL(url);
maintenance.pathname = "/postgres";

const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5000 });
try {
  await client.connect();
} catch (error) {
  if (command !== "can-login") console.error(`cannot connect as ${target.username}: ${error.message}`);
  process.exit(1);
}
const quoted = `"${database.replaceAll('"', '""')}"`;
try {
  if (command === "create") {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoted}`);
      console.log(`created database ${database}`);
    }
  } else if (command === "drop") {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  } else if (command !== "can-login") {
    console.error(`unknown command ${command}`);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`${command} ${database}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
