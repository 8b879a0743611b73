-- Every caller belongs to a unit: the unit whose office sees their calls and jobs. Rows
-- written before the rule have no unit; each takes the unit of its most recent call or job
-- (whichever came last, a call's start against a job's creation), since that office is the
-- one that served the caller. Callers with neither go to the top unit of the tree (the
-- province office: no parent; the oldest if several), which sees every unit below it, so no
-- caller is lost from the directory and no post office sees another's callers.
UPDATE "citizens" AS c SET "unit_id" = latest."unit_id"
FROM (
  SELECT DISTINCT ON (r."citizen_id") r."citizen_id", r."unit_id"
  FROM (
    SELECT "citizen_id", "unit_id", "started_at" AS "at" FROM "calls" WHERE "citizen_id" IS NOT NULL
    UNION ALL
    SELECT "citizen_id", "unit_id", "created_at" AS "at" FROM "jobs" WHERE "citizen_id" IS NOT NULL
  ) AS r
  ORDER BY r."citizen_id", r."at" DESC
) AS latest
WHERE c."unit_id" IS NULL AND latest."citizen_id" = c."id";--> statement-breakpoint
UPDATE "citizens" SET "unit_id" = (
  SELECT "id" FROM "units" WHERE "parent_id" IS NULL ORDER BY "created_at", "id" LIMIT 1
)
WHERE "unit_id" IS NULL;--> statement-breakpoint
ALTER TABLE "citizens" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "citizens_unit_idx" ON "citizens" USING btree ("unit_id");
