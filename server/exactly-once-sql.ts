/**
 * The names of what holds an opinion to exactly once on PostgreSQL (made by server/migrations.ts),
 * which Cloud Code looks for before it leaves that to the database (server/cloud/opinions.ts).
 */
import { CLASS } from '../src/domain/classes.ts';

/** A live opinion's retry: the unique index on the submission id. */
export const SUBMISSION_INDEX = `${CLASS.opinions}_submissionId_unique`;
/** Keeps a deleted (or re-identified) opinion's submission id, whatever deletes it. */
export const KEEP_TRIGGER = `${CLASS.opinions}_keep_submission`;
/** Refuses an insert whose submission id was kept. */
export const REFUSE_TRIGGER = `${CLASS.opinions}_refuse_deleted_submission`;
