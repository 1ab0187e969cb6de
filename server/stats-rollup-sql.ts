/**
 * The dashboard's stats without a search, a tag or a range, read from counts kept by PostgreSQL
 * instead of a pass over every opinion (issue 19, decision 0035). Two rollups count the opinions
 * created before a watermark, a midnight of the venue's time zone: per local day, and per local
 * day of the week and hour, each by the fields the stats filter on. The opinions from the
 * watermark on are counted as they are; server/dashboard-stats.ts adds the two.
 *
 * A create never writes a rollup: the watermark stays hours behind, so a new opinion is always
 * above it (no hot row, no cost on the create path). The watermark moves on when the stats are
 * asked (STATS_REFRESH), which counts the days it passes in one statement. What changes an
 * opinion below it (a review, a delete, the retention's purge, an insert dated in the past)
 * corrects the rollups in the same transaction, by triggers.
 *
 * A lock orders the two: the refresh holds it alone while it counts, each correction shares it;
 * a change is then either seen by the refresh's count or, made after it, finds the new
 * watermark and corrects the counts itself.
 */
import { CLASS } from '../src/domain/classes.ts';

const OPINIONS = CLASS.opinions;
export const STATS_STATE = `${OPINIONS}_stats_state`;
export const STATS_DAYS = `${OPINIONS}_stats_days`;
export const STATS_HOURS = `${OPINIONS}_stats_hours`;
/** `SELECT "…"(time zone)`: moves the watermark on (recounting all if the zone changed); answers it. */
export const STATS_REFRESH = `${OPINIONS}_stats_refresh`;
const ROW_FUNCTION = `${OPINIONS}_stats_row`;
const DELETED_FUNCTION = `${OPINIONS}_stats_deleted`;
const TRUNCATED_FUNCTION = `${OPINIONS}_stats_truncated`;

/** The fields the rollups count by: the stats' filters other than the search, the tag and the range. */
const FIELDS = '"willReturn", "reviewed", "language"';
/**
 * An opinion written at most this long ago cannot be below the watermark, which stays at least
 * LAG behind now: its writes need no trigger at all.
 */
const FRESH = "interval '1 hour'";
const LAG = "interval '2 hours'";
/**
 * Orders the refresh (exclusive) and the corrections (shared): a transaction-level advisory lock,
 * which marks no row (a row lock on the state would be written on every review).
 */
const LOCK = `hashtext('${STATS_STATE}'), 0`;

/**
 * Adds to both rollups the opinions of `source`, rows with the opinions' columns and `delta`
 * (1 to add one, -1 to take it away), counted in time zone `zone`. One statement per rollup, in
 * key order, so that two corrections at once lock the same rows in the same order.
 */
function rollUp(source: string, zone: string): string {
  const local = `("createdAt" AT TIME ZONE ${zone})`;
  return `
    INSERT INTO "${STATS_DAYS}" AS counted (day, ${FIELDS}, total)
      SELECT ${local}::date, ${FIELDS}, sum(delta) FROM ${source} AS changed
       GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (day, ${FIELDS}) DO UPDATE SET total = counted.total + EXCLUDED.total;
    INSERT INTO "${STATS_HOURS}" AS counted (weekday, hour, ${FIELDS}, total)
      SELECT extract(isodow FROM ${local})::smallint, extract(hour FROM ${local})::smallint, ${FIELDS}, sum(delta)
        FROM ${source} AS changed
       GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (weekday, hour, ${FIELDS}) DO UPDATE SET total = counted.total + EXCLUDED.total;`;
}

/** The last midnight of `zone` at least LAG ago (a midnight that repeats, as in Havana, is taken at its later instant). */
const WATERMARK_DUE = `
     target := date_trunc('day', (now() - ${LAG}) AT TIME ZONE zone) AT TIME ZONE zone;
     IF target > now() - ${LAG} THEN
       target := (date_trunc('day', (now() - ${LAG}) AT TIME ZONE zone) - interval '1 day') AT TIME ZONE zone;
     END IF;`;

export const STATS_ROLLUP_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS "${STATS_STATE}" (
     id int PRIMARY KEY CHECK (id = 1), time_zone text NOT NULL, watermark timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS "${STATS_DAYS}" (
     day date NOT NULL, "willReturn" boolean, "reviewed" boolean, "language" text, total bigint NOT NULL,
     UNIQUE NULLS NOT DISTINCT (day, ${FIELDS}))`,
  `CREATE TABLE IF NOT EXISTS "${STATS_HOURS}" (
     weekday smallint NOT NULL, hour smallint NOT NULL, "willReturn" boolean, "reviewed" boolean, "language" text, total bigint NOT NULL,
     UNIQUE NULLS NOT DISTINCT (weekday, hour, ${FIELDS}))`,
  // Counted again from scratch at the next stats after each migration: whatever happened to the
  // table while the triggers were missing (a restore, a recreated table) is then forgotten. Until
  // then nothing is below the watermark, and the triggers have nothing to correct.
  `DO $$ BEGIN
     PERFORM pg_advisory_xact_lock(${LOCK});
     INSERT INTO "${STATS_STATE}" VALUES (1, '', '-infinity') ON CONFLICT (id) DO UPDATE SET time_zone = '', watermark = '-infinity';
   END $$`,
  `CREATE OR REPLACE FUNCTION "${STATS_REFRESH}"(zone text) RETURNS timestamptz LANGUAGE plpgsql AS $$
   DECLARE
     target timestamptz;
     counted_in text;
     mark timestamptz;
   BEGIN
     ${WATERMARK_DUE}
     SELECT time_zone, watermark INTO counted_in, mark FROM "${STATS_STATE}" WHERE id = 1;
     IF counted_in = zone AND mark >= target THEN RETURN mark; END IF;
     PERFORM pg_advisory_xact_lock(${LOCK});
     -- A statement after the lock: it sees what a refresh before this one committed.
     SELECT time_zone, watermark INTO counted_in, mark FROM "${STATS_STATE}" WHERE id = 1;
     IF counted_in IS DISTINCT FROM zone THEN
       DELETE FROM "${STATS_DAYS}";
       DELETE FROM "${STATS_HOURS}";
       mark := '-infinity';
     ELSIF mark >= target THEN
       RETURN mark;
     END IF;
     ${rollUp(`(SELECT *, 1 AS delta FROM "${OPINIONS}" WHERE "createdAt" >= mark AND "createdAt" < target)`, 'zone')}
     INSERT INTO "${STATS_STATE}" VALUES (1, zone, target)
       ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone, watermark = EXCLUDED.watermark;
     RETURN target;
   END $$`,
  `CREATE OR REPLACE FUNCTION "${ROW_FUNCTION}"() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE state record;
   BEGIN
     PERFORM pg_advisory_xact_lock_shared(${LOCK});
     SELECT time_zone, watermark INTO state FROM "${STATS_STATE}" WHERE id = 1;
     IF NOT FOUND THEN RETURN NULL; END IF;
     -- OLD and NEW in one correction: its rows are locked in key order.
     ${rollUp(
       `(SELECT OLD.*, -1 AS delta WHERE TG_OP = 'UPDATE' AND OLD."createdAt" < state.watermark
          UNION ALL SELECT NEW.*, 1 WHERE NEW."createdAt" < state.watermark)`,
       'state.time_zone',
     )}
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${ROW_FUNCTION}_insert" AFTER INSERT ON "${OPINIONS}"
   FOR EACH ROW WHEN (NEW."createdAt" < statement_timestamp() - ${FRESH}) EXECUTE FUNCTION "${ROW_FUNCTION}"()`,
  `CREATE OR REPLACE TRIGGER "${ROW_FUNCTION}_update" AFTER UPDATE OF "createdAt", ${FIELDS} ON "${OPINIONS}"
   FOR EACH ROW WHEN ((OLD."createdAt" < statement_timestamp() - ${FRESH} OR NEW."createdAt" < statement_timestamp() - ${FRESH})
     AND (OLD."createdAt", OLD."willReturn", OLD."reviewed", OLD."language") IS DISTINCT FROM (NEW."createdAt", NEW."willReturn", NEW."reviewed", NEW."language"))
   EXECUTE FUNCTION "${ROW_FUNCTION}"()`,
  // A purge in one statement is corrected once.
  `CREATE OR REPLACE FUNCTION "${DELETED_FUNCTION}"() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE state record;
   BEGIN
     IF NOT EXISTS (SELECT 1 FROM deleted WHERE "createdAt" < statement_timestamp() - ${FRESH}) THEN RETURN NULL; END IF;
     PERFORM pg_advisory_xact_lock_shared(${LOCK});
     SELECT time_zone, watermark INTO state FROM "${STATS_STATE}" WHERE id = 1;
     IF NOT FOUND THEN RETURN NULL; END IF;
     ${rollUp('(SELECT *, -1 AS delta FROM deleted WHERE "createdAt" < state.watermark)', 'state.time_zone')}
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${DELETED_FUNCTION}" AFTER DELETE ON "${OPINIONS}"
   REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "${DELETED_FUNCTION}"()`,
  // Emptied at once: counted again at the next stats.
  `CREATE OR REPLACE FUNCTION "${TRUNCATED_FUNCTION}"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_advisory_xact_lock(${LOCK});
     UPDATE "${STATS_STATE}" SET time_zone = '', watermark = '-infinity' WHERE id = 1;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${TRUNCATED_FUNCTION}" AFTER TRUNCATE ON "${OPINIONS}"
   FOR EACH STATEMENT EXECUTE FUNCTION "${TRUNCATED_FUNCTION}"()`,
];
