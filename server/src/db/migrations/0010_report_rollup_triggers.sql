-- Daily rollups for the manager dashboard (schema/reports.ts), kept in step by row triggers
-- on the source tables. Each trigger subtracts the old row's contribution and adds the new
-- one in a single upsert, keys in a fixed order (so two transactions lock rollup rows in the
-- same order), and does nothing when no reported column changed. Bulk loaders disable the
-- triggers (ALTER TABLE … DISABLE TRIGGER USER) and call report_rollups_rebuild() after.

-- The local (Vietnam, UTC+7, no DST) date of an instant, and the instant a local date starts.
-- Immutable operators only (UTC wall time plus seven hours), so the planner inlines them:
-- they run for every row of a rebuild.
CREATE OR REPLACE FUNCTION vn_day(ts timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '7 hours')::date $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION vn_day_start(d date) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT (d::timestamp - interval '7 hours') AT TIME ZONE 'UTC' $$;--> statement-breakpoint

-- What one job adds to report_job_days (sgn = 1) or takes away (sgn = -1). A single SELECT,
-- so the planner inlines it into the set-based rebuild.
CREATE OR REPLACE FUNCTION report_job_facts(j jobs, sgn int)
  RETURNS TABLE (day date, unit_id uuid, dim text, key text, n int, done int, on_time int, late int)
  LANGUAGE sql STABLE
  AS $$
  SELECT x.day, j.unit_id, d.dim, d.key, sgn, sgn * x.done, sgn * x.ok, sgn * x.lt
  FROM (
    SELECT y.day, y.dday, (y.dday IS NOT NULL)::int AS done,
      (y.dday IS NOT NULL AND j.due_date IS NOT NULL AND y.dday <= j.due_date)::int AS ok,
      (y.dday IS NOT NULL AND j.due_date IS NOT NULL AND y.dday > j.due_date)::int AS lt
    FROM (
      SELECT vn_day(j.created_at) AS day,
        CASE WHEN j.status = 'completed' THEN vn_day(coalesce(j.completed_at, j.created_at)) END AS dday
    ) y
  ) x
  CROSS JOIN LATERAL (VALUES
    ('all', ''),
    ('type', j.type),
    ('status', j.status),
    ('procedure', coalesce(j.procedure_id::text, '')),
    ('courier', coalesce(j.courier_id::text, '')),
    ('completed_on', x.dday::text)
  ) d(dim, key)
  WHERE d.key IS NOT NULL
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_call_facts(c calls, sgn int)
  RETURNS TABLE (day date, unit_id uuid, dim text, key text, n int)
  LANGUAGE sql STABLE
  AS $$
  SELECT vn_day(c.started_at), c.unit_id, d.dim, d.key, sgn
  FROM (VALUES
    ('all', ''),
    ('category', coalesce(c.category, 'uncategorised')),
    ('outcome', coalesce(c.outcome, 'open')),
    ('hour', date_part('hour', (c.started_at AT TIME ZONE 'UTC') + interval '7 hours')::int::text)
  ) d(dim, key)
$$;--> statement-breakpoint

-- A courier's straight-line kilometres on a local day: from each job's post office to the
-- first completed job, then job to job in completion order.
CREATE OR REPLACE FUNCTION report_courier_distance(c uuid, d date)
  RETURNS TABLE (km double precision, stops int)
  LANGUAGE sql STABLE
  AS $$
  SELECT coalesce(sum(h.km), 0), count(*)::int FROM (
    SELECT 2 * 6371 * asin(least(1, sqrt(
        power(sin(radians(j.lat - coalesce(lag(j.lat) OVER w, u.lat)) / 2), 2) +
        cos(radians(coalesce(lag(j.lat) OVER w, u.lat))) * cos(radians(j.lat)) *
        power(sin(radians(j.lng - coalesce(lag(j.lng) OVER w, u.lng)) / 2), 2)))) AS km
    FROM jobs j JOIN units u ON u.id = j.unit_id
    WHERE j.courier_id = c AND j.status = 'completed' AND j.lat IS NOT NULL AND j.lng IS NOT NULL
      AND j.completed_at >= vn_day_start(d) AND j.completed_at < vn_day_start(d + 1)
    WINDOW w AS (ORDER BY j.completed_at, j.id)
  ) h
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_courier_day_refresh(c uuid, d date) RETURNS void
  LANGUAGE sql
  AS $$
  INSERT INTO report_courier_days AS r (courier_id, day, km, stops)
  SELECT c, d, x.km, x.stops FROM report_courier_distance(c, d) x
  ON CONFLICT (courier_id, day) DO UPDATE SET km = excluded.km, stops = excluded.stops
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_jobs_trg() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  old_day date;
  new_day date;
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.unit_id, OLD.created_at, OLD.type, OLD.status, OLD.procedure_id, OLD.courier_id,
          OLD.completed_at, OLD.due_date, OLD.lat, OLD.lng)
     IS NOT DISTINCT FROM
         (NEW.unit_id, NEW.created_at, NEW.type, NEW.status, NEW.procedure_id, NEW.courier_id,
          NEW.completed_at, NEW.due_date, NEW.lat, NEW.lng) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_job_days AS r (day, unit_id, dim, key, n, done, on_time, late)
  SELECT f.day, f.unit_id, f.dim, f.key, sum(f.n), sum(f.done), sum(f.on_time), sum(f.late)
  FROM (
    SELECT * FROM report_job_facts(OLD, -1) WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT * FROM report_job_facts(NEW, 1) WHERE TG_OP <> 'DELETE'
  ) f
  WHERE f.day IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(f.n) <> 0 OR sum(f.done) <> 0 OR sum(f.on_time) <> 0 OR sum(f.late) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, unit_id, dim, key) DO UPDATE
    SET n = r.n + excluded.n, done = r.done + excluded.done,
        on_time = r.on_time + excluded.on_time, late = r.late + excluded.late;

  IF TG_OP <> 'INSERT' AND OLD.status = 'completed' AND OLD.courier_id IS NOT NULL
     AND OLD.completed_at IS NOT NULL THEN
    old_day := vn_day(OLD.completed_at);
    PERFORM report_courier_day_refresh(OLD.courier_id, old_day);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'completed' AND NEW.courier_id IS NOT NULL
     AND NEW.completed_at IS NOT NULL THEN
    new_day := vn_day(NEW.completed_at);
    IF TG_OP = 'INSERT' OR OLD.courier_id IS DISTINCT FROM NEW.courier_id
       OR old_day IS DISTINCT FROM new_day THEN
      PERFORM report_courier_day_refresh(NEW.courier_id, new_day);
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_calls_trg() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.unit_id, OLD.started_at, OLD.category, OLD.outcome)
     IS NOT DISTINCT FROM (NEW.unit_id, NEW.started_at, NEW.category, NEW.outcome) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_call_days AS r (day, unit_id, dim, key, n)
  SELECT f.day, f.unit_id, f.dim, f.key, sum(f.n)
  FROM (
    SELECT * FROM report_call_facts(OLD, -1) WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT * FROM report_call_facts(NEW, 1) WHERE TG_OP <> 'DELETE'
  ) f
  WHERE f.day IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(f.n) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, unit_id, dim, key) DO UPDATE SET n = r.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_payments_trg() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.unit_id, OLD.occurred_at, OLD.method, OLD.flow, OLD.status, OLD.amount_vnd)
     IS NOT DISTINCT FROM (NEW.unit_id, NEW.occurred_at, NEW.method, NEW.flow, NEW.status, NEW.amount_vnd) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_money_days AS r (day, unit_id, method, flow, confirmed, amount_vnd, n)
  SELECT f.day, f.unit_id, f.method, f.flow, f.confirmed, sum(f.amount), sum(f.n)
  FROM (
    SELECT vn_day(OLD.occurred_at) AS day, OLD.unit_id AS unit_id, OLD.method AS method, OLD.flow AS flow,
           OLD.status = 'confirmed' AS confirmed, -OLD.amount_vnd::bigint AS amount, -1 AS n
    WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT vn_day(NEW.occurred_at), NEW.unit_id, NEW.method, NEW.flow,
           NEW.status = 'confirmed', NEW.amount_vnd::bigint, 1
    WHERE TG_OP <> 'DELETE'
  ) f
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.n) <> 0 OR sum(f.amount) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (day, unit_id, method, flow, confirmed) DO UPDATE
    SET amount_vnd = r.amount_vnd + excluded.amount_vnd, n = r.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_ratings_trg() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.unit_id, OLD.created_at, OLD.courier_id, OLD.stars)
     IS NOT DISTINCT FROM (NEW.unit_id, NEW.created_at, NEW.courier_id, NEW.stars) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_rating_days AS r (day, unit_id, courier_key, stars, n)
  SELECT f.day, f.unit_id, f.courier_key, f.stars, sum(f.n)
  FROM (
    SELECT vn_day(OLD.created_at) AS day, OLD.unit_id AS unit_id,
           coalesce(OLD.courier_id::text, '') AS courier_key, OLD.stars::smallint AS stars, -1 AS n
    WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT vn_day(NEW.created_at), NEW.unit_id, coalesce(NEW.courier_id::text, ''), NEW.stars::smallint, 1
    WHERE TG_OP <> 'DELETE'
  ) f
  GROUP BY 1, 2, 3, 4
  HAVING sum(f.n) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, unit_id, courier_key, stars) DO UPDATE SET n = r.n + excluded.n;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_leg_facts(m job_milestones, sgn int)
  RETURNS TABLE (day date, unit_id uuid, n1 int, s1 float8, n2 int, s2 float8, n3 int, s3 float8)
  LANGUAGE sql STABLE
  AS $$
  SELECT vn_day(m.created_at), m.unit_id,
    sgn * (m.assigned_at IS NOT NULL)::int,
    sgn * coalesce(date_part('epoch', m.assigned_at - m.started_at), 0),
    sgn * (m.pickup_at IS NOT NULL AND m.assigned_at IS NOT NULL)::int,
    sgn * coalesce(date_part('epoch', m.pickup_at - m.assigned_at), 0),
    sgn * (m.handed_at IS NOT NULL AND m.pickup_at IS NOT NULL)::int,
    sgn * coalesce(date_part('epoch', m.handed_at - m.pickup_at), 0)
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION report_milestones_trg() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (OLD.unit_id, OLD.created_at, OLD.started_at, OLD.assigned_at, OLD.pickup_at, OLD.handed_at)
     IS NOT DISTINCT FROM (NEW.unit_id, NEW.created_at, NEW.started_at, NEW.assigned_at, NEW.pickup_at, NEW.handed_at) THEN
    RETURN NULL;
  END IF;
  INSERT INTO report_leg_days AS r (day, unit_id, n1, s1, n2, s2, n3, s3)
  SELECT f.day, f.unit_id, sum(f.n1), sum(f.s1), sum(f.n2), sum(f.s2), sum(f.n3), sum(f.s3)
  FROM (
    SELECT * FROM report_leg_facts(OLD, -1) WHERE TG_OP <> 'INSERT'
    UNION ALL
    SELECT * FROM report_leg_facts(NEW, 1) WHERE TG_OP <> 'DELETE'
  ) f
  WHERE f.day IS NOT NULL
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (day, unit_id) DO UPDATE
    SET n1 = r.n1 + excluded.n1, s1 = r.s1 + excluded.s1, n2 = r.n2 + excluded.n2,
        s2 = r.s2 + excluded.s2, n3 = r.n3 + excluded.n3, s3 = r.s3 + excluded.s3;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER report_jobs AFTER INSERT OR UPDATE OR DELETE ON jobs
  FOR EACH ROW EXECUTE FUNCTION report_jobs_trg();--> statement-breakpoint
CREATE TRIGGER report_calls AFTER INSERT OR UPDATE OR DELETE ON calls
  FOR EACH ROW EXECUTE FUNCTION report_calls_trg();--> statement-breakpoint
CREATE TRIGGER report_payments AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION report_payments_trg();--> statement-breakpoint
CREATE TRIGGER report_ratings AFTER INSERT OR UPDATE OR DELETE ON ratings
  FOR EACH ROW EXECUTE FUNCTION report_ratings_trg();--> statement-breakpoint
CREATE TRIGGER report_milestones AFTER INSERT OR UPDATE OR DELETE ON job_milestones
  FOR EACH ROW EXECUTE FUNCTION report_milestones_trg();--> statement-breakpoint

-- Recomputes every rollup from the source tables, set-based (after bulk loads with the
-- triggers off, and once here for the rows written before this migration).
CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  TRUNCATE report_job_days, report_call_days, report_money_days, report_rating_days,
           report_leg_days, report_courier_days;
  INSERT INTO report_job_days (day, unit_id, dim, key, n, done, on_time, late)
  SELECT f.day, f.unit_id, f.dim, f.key, sum(f.n), sum(f.done), sum(f.on_time), sum(f.late)
  FROM jobs j CROSS JOIN LATERAL report_job_facts(j, 1) f
  GROUP BY 1, 2, 3, 4;
  INSERT INTO report_call_days (day, unit_id, dim, key, n)
  SELECT f.day, f.unit_id, f.dim, f.key, sum(f.n)
  FROM calls c CROSS JOIN LATERAL report_call_facts(c, 1) f
  GROUP BY 1, 2, 3, 4;
  INSERT INTO report_money_days (day, unit_id, method, flow, confirmed, amount_vnd, n)
  SELECT vn_day(occurred_at), unit_id, method, flow, status = 'confirmed', sum(amount_vnd), count(*)
  FROM payments GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO report_rating_days (day, unit_id, courier_key, stars, n)
  SELECT vn_day(created_at), unit_id, coalesce(courier_id::text, ''), stars, count(*)
  FROM ratings GROUP BY 1, 2, 3, 4;
  INSERT INTO report_leg_days (day, unit_id, n1, s1, n2, s2, n3, s3)
  SELECT f.day, f.unit_id, sum(f.n1), sum(f.s1), sum(f.n2), sum(f.s2), sum(f.n3), sum(f.s3)
  FROM job_milestones m CROSS JOIN LATERAL report_leg_facts(m, 1) f
  GROUP BY 1, 2;
  INSERT INTO report_courier_days (courier_id, day, km, stops)
  SELECT cd.courier_id, cd.day, x.km, x.stops
  FROM (SELECT DISTINCT courier_id, vn_day(completed_at) AS day FROM jobs
        WHERE status = 'completed' AND courier_id IS NOT NULL AND completed_at IS NOT NULL) cd
  CROSS JOIN LATERAL report_courier_distance(cd.courier_id, cd.day) x;
END
$$;--> statement-breakpoint

SELECT report_rollups_rebuild();
