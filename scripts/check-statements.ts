// Checks every statement a test run sent to RisingWave (RISINGWAVE_STATEMENT_LOG: one JSON string
// per line) against the rules of docs/reference/risingwave-sql.md. Exit 1 on a violation, or when the
// log holds too few statements to mean anything (a run that logged nothing checks nothing).
//   npx tsx scripts/check-statements.ts <log> [minimum statements]
import { readFileSync } from "node:fs";
import { checkStatement } from "../tests/contract/risingwave-sql-rules";

const [file, minimum = "10"] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx scripts/check-statements.ts <statement log> [minimum statements]");
  process.exit(2);
}
const statements = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as string);
const distinct = [...new Set(statements)];
const violations = distinct.flatMap(checkStatement);
for (const violation of violations) console.error(`✗ ${violation.rule}\n    ${violation.sql.replace(/\s+/g, " ").trim()}`);
if (distinct.length < Number(minimum)) {
  console.error(`✗ only ${distinct.length} distinct statement(s) in ${file}; expected at least ${minimum}`);
  process.exit(1);
}
console.log(
  `${distinct.length} distinct RisingWave statement(s) checked: ${violations.length === 0 ? "all follow risingwave-sql.md" : `${violations.length} violation(s)`}`,
);
process.exit(violations.length === 0 ? 0 : 1);
