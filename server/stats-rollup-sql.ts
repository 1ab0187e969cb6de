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
 * The state's row orders the two: the refresh holds it FOR UPDATE while it counts, and each
 * trigger reads it FOR SHARE; a change is then either seen by the refresh's count or, made
 * after it, finds the new watermark and corrects the counts itself.
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

/** The fields the rollups count by: the stats' filters other than the search, the tag and the range. */
const FIELDS = '"willReturn", "reviewed", "language"';
/**
 * An opinion written at most this long ago cannot be below the watermark, which stays at least
 * LAG behind now: its writes need no trigger at all.
 */
const FRESH = "interval '1 hour'";
const LAG = "interval '2 hours'";

/**
 * Adds (`+`) or takes away (`-`) the opinions of `source` (rows with their columns), counted in
 * time zone `zone`; in key order, so that two corrections at once lock their rows in one order.
 */
function rollUp(source: string, zone: string, sign: '+' | '-'): string {
  const local = `("createdAt" AT TIME ZONE ${zone})`;
  return `
    INSERT INTO "${STATS_DAYS}" AS counted (day, ${FIELDS}, total)
      SELECT ${local}::date, ${FIELDS}, ${sign}count(*) FROM ${source} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (day, ${FIELDS}) DO UPDATE SET total = counted.total + EXCLUDED.total;
    INSERT INTO "${STATS_HOURS}" AS counted (weekday, hour, ${FIELDS}, total)
      SELECT extract(isodow FROM ${local})::smallint, extract(hour FROM ${local})::smallint, ${FIELDS}, ${sign}count(*)
        FROM ${source} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (weekday, hour, ${FIELDS}) DO UPDATE SET total = counted.total + EXCLUDED.total;`;
}

export const STATS_ROLLUP_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS "${STATS_STATE}" (
     id int PRIMARY KEY CHECK (id = 1), time_zone text NOT NULL, watermark timestamptz NOT NULL)`,
  `INSERT INTO "${STATS_STATE}" VALUES (1, 'UTC', '-infinity') ON CONFLICT (id) DO NOTHING`,
  `CREATE TABLE IF NOT EXISTS "${STATS_DAYS}" (
     day date NOT NULL, "willReturn" boolean, "reviewed" boolean, "language" text, total bigint NOT NULL,
     UNIQUE NULLS NOT DISTINCT (day, ${FIELDS}))`,
  `CREATE TABLE IF NOT EXISTS "${STATS_HOURS}" (
     weekday smallint NOT NULL, hour smallint NOT NULL, "willReturn" boolean, "reviewed" boolean, "language" text, total bigint NOT NULL,
     UNIQUE NULLS NOT DISTINCT (weekday, hour, ${FIELDS}))`,
  `CREATE OR REPLACE FUNCTION "${STATS_REFRESH}"(zone text) RETURNS timestamptz LANGUAGE plpgsql AS $$
   DECLARE
     target timestamptz := date_trunc('day', (now() - ${LAG}) AT TIME ZONE zone) AT TIME ZONE zone;
     state record;
   BEGIN
     SELECT time_zone, watermark INTO state FROM "${STATS_STATE}" WHERE id = 1;
     IF state.time_zone = zone AND state.watermark >= target THEN RETURN state.watermark; END IF;
     SELECT time_zone, watermark INTO state FROM "${STATS_STATE}" WHERE id = 1 FOR UPDATE;
     IF state.time_zone <> zone THEN
       DELETE FROM "${STATS_DAYS}";
       DELETE FROM "${STATS_HOURS}";
       state.watermark := '-infinity';
     ELSIF state.watermark >= target THEN
       RETURN state.watermark;
     END IF;
     ${rollUp(`"${OPINIONS}" WHERE "createdAt" >= state.watermark AND "createdAt" < target`, 'zone', '+')}
     UPDATE "${STATS_STATE}" SET time_zone = zone, watermark = target WHERE id = 1;
     RETURN target;
   END $$`,
  `CREATE OR REPLACE FUNCTION "${ROW_FUNCTION}"() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE state record;
   BEGIN
     SELECT time_zone, watermark INTO state FROM "${STATS_STATE}" WHERE id = 1 FOR SHARE;
     IF TG_OP = 'UPDATE' AND OLD."createdAt" < state.watermark THEN
       ${rollUp('(SELECT OLD.*) AS old_row', 'state.time_zone', '-')}
     END IF;
     IF NEW."createdAt" < state.watermark THEN
       ${rollUp('(SELECT NEW.*) AS new_row', 'state.time_zone', '+')}
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${ROW_FUNCTION}_insert" AFTER INSERT ON "${OPINIONS}"
   FOR EACH ROW WHEN (NEW."createdAt" < now() - ${FRESH}) EXECUTE FUNCTION "${ROW_FUNCTION}"()`,
  `CREATE OR REPLACE TRIGGER "${ROW_FUNCTION}_update" AFTER UPDATE OF "createdAt", ${FIELDS} ON "${OPINIONS}"
   FOR EACH ROW WHEN ((OLD."createdAt" < now() - ${FRESH} OR NEW."createdAt" < now() - ${FRESH})
     AND (OLD."createdAt", OLD."willReturn", OLD."reviewed", OLD."language") IS DISTINCT FROM (NEW."createdAt", NEW."willReturn", NEW."reviewed", NEW."language"))
   EXECUTE FUNCTION "${ROW_FUNCTION}"()`,
  // A purge deletes many at once: one correction per statement.
  `CREATE OR REPLACE FUNCTION "${DELETED_FUNCTION}"() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE state record;
   BEGIN
     IF NOT EXISTS (SELECT 1 FROM deleted WHERE "createdAt" < now() - ${FRESH}) THEN RETURN NULL; END IF;
     SELECT time_zone, watermark INTO state FROM "${STATS_STATE}" WHERE id = 1 FOR SHARE;
     ${rollUp('deleted WHERE "createdAt" < state.watermark', 'state.time_zone', '-')}
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER "${DELETED_FUNCTION}" AFTER DELETE ON "${OPINIONS}"
   REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "${DELETED_FUNCTION}"()`,
];
