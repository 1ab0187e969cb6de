/**
 * Every write to `opinions`, as Cloud functions: the class takes no client creates or updates
 * (server/schema.ts) and has no save triggers: with them, Parse Server's machinery for a class
 * with triggers held creates at 68–76 % of a bare Parse Server's, without them 82–84 %
 * (docs/decisions/0037-*.md). So each function checks its parameters itself, named one by one,
 * and saves with the master key. Reads and deletes stay on the class (beforeFind and
 * beforeDelete below; notes.ts's afterDelete).
 */
import { OPINION_FUNCTION, OPINIONS_PER_CALL } from '../../src/domain/classes.ts';
import { OUR_ERROR_CODE } from '../../src/domain/errors.ts';
import { formatValidationMessage, isSubmissionId, validateOpinion } from '../../src/domain/opinion.ts';
import { isTagList, normalizeTag, normalizeTags, TAG_LIMITS } from '../../src/domain/tags.ts';
import { dashboardSql } from '../dashboard-sql.ts';
import { KEEP_TRIGGER, REFUSE_TRIGGER, SUBMISSION_INDEX } from '../exactly-once-sql.ts';
import { deliveredSubmissionClass, opinionsClass, STAFF_ROLE } from '../schema.ts';
import { alertInBackground } from './alerts.ts';
import { signalInBackground } from './dashboard.ts';
import { checkLanguage } from './language-check.ts';
import { serverParse, type FunctionRequest, type TriggerRequest } from './parse-global.ts';
import { checkOpinionQuery } from './query-check.ts';
import { forbidden, refuseUnverifiedStaff, requireStaff } from './staff.ts';

const Parse = serverParse();
const OPINIONS = opinionsClass.className;
const DELIVERED = deliveredSubmissionClass.className;

type ParseObject = TriggerRequest['object'];
type Params = Record<string, unknown>;

/** What a visitor sends; the master key (the demo data, tests) may also say `reviewed` and `tags`. */
const VISITOR_FIELDS = ['name', 'comment', 'willReturn', 'submissionId', 'language'];
const SEEDED_FIELDS = [...VISITOR_FIELDS, 'reviewed', 'tags'];

function invalid(message: string): never {
  throw new Parse.Error(Parse.Error.VALIDATION_ERROR, message);
}

/** Refuses any parameter but these: the URL's query and the body both reach `params`. */
function onlyThese(params: Params, allowed: readonly string[]): void {
  const others = Object.keys(params).filter((key) => !allowed.includes(key));
  if (others.length > 0) forbidden(`Not a field of this call: ${others.join(', ')}.`);
}

function staffOnlyAcl() {
  const acl = new Parse.ACL();
  acl.setRoleReadAccess(STAFF_ROLE, true);
  acl.setRoleWriteAccess(STAFF_ROLE, true);
  return acl;
}

/** Tags tidied by the rules of domain/tags.ts, or refused. */
function tidyTags(tags: unknown): string[] {
  const tidy = Array.isArray(tags) && tags.every((tag): tag is string => typeof tag === 'string') ? normalizeTags(tags) : null;
  if (!isTagList(tidy)) invalid('tags must be a list of at most 20 short texts.');
  return tidy;
}

let databaseHoldsIt = false;

/**
 * Whether the database holds each opinion to exactly once itself: on PostgreSQL, once
 * server/migrations.ts has run, the unique index refuses a live opinion's retry and the
 * triggers keep a deleted one's id and refuse it, whatever deletes it, so a create costs no
 * lookup. Until then, and on MongoDB (Back4App), which has no triggers, Cloud Code does it.
 */
async function databaseHoldsExactlyOnce(): Promise<boolean> {
  const sql = dashboardSql();
  if (databaseHoldsIt || !sql) return databaseHoldsIt;
  const [found] = await sql.rows<{ triggers: number; indexes: number }>(
    `SELECT (SELECT count(*)::int FROM pg_trigger WHERE tgname = ANY($1)) AS triggers,
            (SELECT count(*)::int FROM pg_indexes WHERE indexname = $2) AS indexes`,
    [[KEEP_TRIGGER, REFUSE_TRIGGER], SUBMISSION_INDEX],
  );
  databaseHoldsIt = found?.triggers === 2 && found.indexes === 1;
  return databaseHoldsIt;
}

/**
 * Has an opinion with this submission id ever been stored, even if it has been deleted since?
 * The opinions first: a delete keeps the id before the row goes (beforeDelete below), so a
 * retry racing a delete finds one or the other.
 */
async function delivered(submissionId: string): Promise<boolean> {
  const stored = await new Parse.Query(OPINIONS).equalTo('submissionId', submissionId).first({ useMasterKey: true });
  if (stored) return true;
  return (await new Parse.Query(DELIVERED).equalTo('submissionId', submissionId).first({ useMasterKey: true })) !== undefined;
}

/** Keeps a deleted opinion's submission id, before it goes: a late retry must not bring it back. */
async function keepSubmissionId(object: ParseObject): Promise<void> {
  const submissionId: unknown = object.get('submissionId');
  if (!isSubmissionId(submissionId)) return;
  try {
    await new Parse.Object(DELIVERED).save({ submissionId }, { useMasterKey: true });
  } catch (error) {
    // Kept already (until issue 19, every create kept its id).
    if (!(error instanceof Parse.Error && error.code === Parse.Error.DUPLICATE_VALUE)) throw error;
  }
}

/**
 * A visitor's opinion, stored once: checked by the form's own rules (domain/opinion.ts), kept
 * from everyone but staff, unreviewed. A retry whose first answer was lost is refused as a
 * duplicate (137), which the app reads as "stored". Answers the new opinion's id.
 */
Parse.Cloud.define(OPINION_FUNCTION.submit, async ({ params, master }: FunctionRequest<Params>) => {
  onlyThese(params, master ? SEEDED_FIELDS : VISITOR_FIELDS);
  const result = validateOpinion(params);
  if (!result.ok) throw new Parse.Error(OUR_ERROR_CODE.invalidOpinion, formatValidationMessage(result.errors));
  // An opinion without a language (an older app's outbox, another client) is stored without one.
  checkLanguage(params.language);
  const { submissionId, reviewed = false, tags } = params;
  if (submissionId !== undefined && !isSubmissionId(submissionId)) invalid('submissionId must be a UUID.');
  if (typeof reviewed !== 'boolean') invalid('reviewed must be true or false.');
  if (isSubmissionId(submissionId) && !(await databaseHoldsExactlyOnce()) && (await delivered(submissionId))) {
    throw new Parse.Error(Parse.Error.DUPLICATE_VALUE, 'This opinion has already been stored.');
  }

  const opinion = new Parse.Object(OPINIONS);
  opinion.set({ ...result.value, reviewed });
  if (submissionId !== undefined) opinion.set('submissionId', submissionId);
  if (params.language !== undefined) opinion.set('language', params.language);
  if (tags !== undefined) opinion.set('tags', tidyTags(tags));
  opinion.setACL(staffOnlyAcl());
  // The unique index's refusal of a retry (137) reaches the caller as it is.
  await opinion.save(null, { useMasterKey: true });
  // Neither awaited: the visitor's answer never waits for the alert check, its emails or the
  // dashboards' live signal.
  alertInBackground(opinion.createdAt ?? new Date());
  if (opinion.id) signalInBackground(opinion.id);
  return { objectId: opinion.id };
});

const isOpinionId = (id: unknown): id is string => typeof id === 'string' && /^\w{1,32}$/.test(id);

/** Opinion ids as a call names them: 1 to OPINIONS_PER_CALL of them, each once. */
function opinionIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > OPINIONS_PER_CALL || !ids.every(isOpinionId)) {
    invalid(`ids must be a list of 1 to ${OPINIONS_PER_CALL} opinion ids.`);
  }
  return [...new Set(ids)];
}

/**
 * Staff triage: `reviewed` true or false, or one tag added to each opinion. Those that still
 * exist are changed; when one was deleted meanwhile, the answer says so after (101), and when one
 * already held its 20 tags, so does the answer (142).
 */
Parse.Cloud.define(OPINION_FUNCTION.triage, async (request: FunctionRequest<Params>) => {
  await requireStaff(request);
  const { params } = request;
  onlyThese(params, ['ids', 'reviewed', 'addTag']);
  const ids = opinionIds(params.ids);
  const { reviewed, addTag } = params;
  if ((reviewed === undefined) === (addTag === undefined)) invalid('Say either reviewed or addTag.');
  if (reviewed !== undefined && typeof reviewed !== 'boolean') invalid('reviewed must be true or false.');
  const tag = typeof addTag === 'string' ? normalizeTag(addTag) : '';
  if (addTag !== undefined && !isTagList([tag])) invalid('A tag is a short text.');

  const opinions = await new Parse.Query(OPINIONS).containedIn('objectId', ids).limit(ids.length).find({ useMasterKey: true });
  // An opinion that has its 20 tags already keeps them; the others are tagged.
  const changing = opinions.filter((opinion) => {
    if (typeof reviewed === 'boolean') {
      opinion.set('reviewed', reviewed);
      return true;
    }
    // The whole list, in the order the tags were added (an AddUnique came back in PostgreSQL's order).
    const tags = normalizeTags([...((opinion.get('tags') as string[] | undefined) ?? []), tag]);
    if (!isTagList(tags)) return false;
    opinion.set('tags', tags);
    return true;
  });
  let gone = opinions.length < ids.length;
  try {
    await Parse.Object.saveAll(changing, { useMasterKey: true, batchSize: OPINIONS_PER_CALL });
  } catch (error) {
    // Deleted since it was read: the others are saved all the same (a /batch is not a
    // transaction), and the SDK rejects with the first failure.
    if (!(error instanceof Parse.Error && error.code === Parse.Error.OBJECT_NOT_FOUND)) throw error;
    gone = true;
  }
  if (gone) throw new Parse.Error(Parse.Error.OBJECT_NOT_FOUND, 'An opinion was deleted meanwhile.');
  if (changing.length < opinions.length) invalid(`An opinion holds at most ${TAG_LIMITS.perOpinion} tags: the others were tagged.`);
  return { changed: changing.length };
});

/** Staff set one opinion's tags, as a whole; answers the opinion as stored. */
Parse.Cloud.define(OPINION_FUNCTION.setTags, async (request: FunctionRequest<Params>) => {
  await requireStaff(request);
  const { params } = request;
  onlyThese(params, ['id', 'tags']);
  const { id } = params;
  if (!isOpinionId(id)) invalid('id must be an opinion id.');
  const tags = tidyTags(params.tags);
  const opinion = await new Parse.Query(OPINIONS).get(id, { useMasterKey: true });
  opinion.set('tags', tags);
  await opinion.save(null, { useMasterKey: true });
  return opinion;
});

// Staff read and delete only with a verified email (the class-level permissions ask for the role).
Parse.Cloud.beforeFind(OPINIONS, async (request) => {
  if (!request.master && request.query) checkOpinionQuery(request.query);
  await refuseUnverifiedStaff(request);
});
Parse.Cloud.beforeDelete(OPINIONS, async (request) => {
  await refuseUnverifiedStaff(request);
  if (!(await databaseHoldsExactlyOnce())) await keepSubmissionId(request.object);
});
