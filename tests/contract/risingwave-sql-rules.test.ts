import { describe, expect, it } from "vitest";
import { checkStatement } from "./risingwave-sql-rules";

const rulesOf = (sql: string) => checkStatement(sql).map((violation) => violation.rule);

describe("the RisingWave SQL rules", () => {
  it("accepts what RisingWave runs", () => {
    for (const sql of [
      "SELECT m.name FROM rw_catalog.rw_materialized_views AS m WHERE m.name = ANY($1::varchar[]) LIMIT 100",
      `SELECT $1::varchar AS mv, max("ts")::timestamptz AS latest FROM "risk"."a" UNION ALL SELECT $2::varchar AS mv, max("x")::timestamptz AS latest FROM "public_x"."b" UNION ALL SELECT $3::varchar, CAST(max(y) AS timestamptz) FROM "s"."c"`,
      "SELECT e.info -> 'sinkFail' ->> 'sinkId' FROM rw_catalog.rw_event_logs AS e WHERE e.info ->> 'x' = 'public.x LIMIT $1'",
      "SELECT a FROM t UNION ALL SELECT b FROM u",
      'SELECT "user_id" FROM "public"."user_features_1h" WHERE "user_id" = $1::int8', // the schema read from rw_schemas, quoted
      "SELECT \"age\", jsonb_build_object('a', 1) FROM t WHERE NOT EXISTS (SELECT 1 FROM u)",
    ])
      expect(rulesOf(sql), sql).toEqual([]);
  });

  it("rejects each kind of statement RisingWave refuses", () => {
    const cases: [string, RegExp][] = [
      ["SELECT * FROM t LIMIT $1", /LIMIT/],
      ["SELECT * FROM t OFFSET $2", /LIMIT/],
      ["WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r", /RECURSIVE/],
      ["SELECT * FROM public.user_features_1h", /public/],
      ["SELECT json_agg(x) FROM t", /json/],
      ["SELECT * FROM t WHERE a ~* 'x'", /~\*/],
      ["SELECT CURRENT_DATE", /CURRENT_DATE/],
      ["SELECT age(ts) FROM t", /age/],
      ["SELECT ntile(4) OVER () FROM t", /ntile/],
      ["SELECT a FROM t EXCEPT ALL SELECT a FROM u", /EXCEPT ALL/],
      ["SELECT * FROM t WHERE id NOT IN (SELECT id FROM u)", /NOT IN/],
      ["SELECT * FROM t WHERE id = ANY (SELECT id FROM u)", /ANY/],
      ["SELECT * FROM t CROSS JOIN LATERAL unnest(t.a)", /LATERAL/],
      ["SELECT a FROM t UNION ALL SELECT max(b) FROM u UNION ALL SELECT c::int FROM v", /set operations/],
    ];
    for (const [sql, rule] of cases) expect(rulesOf(sql).join(" | "), sql).toMatch(rule);
  });
});
