/**
 * The backend's schema as code: classes, fields, indexes and class-level permissions.
 * The local Parse Server applies it at start (its `schema` option) and `deploy:schema`
 * applies the same definitions to a hosted server.
 */
import { CLASS } from '../src/domain/classes.ts';

export const STAFF_ROLE = 'staff';

type Access = Record<string, boolean>;
const NOBODY: Access = {};
const ANYONE: Access = { '*': true };
const STAFF: Access = { [`role:${STAFF_ROLE}`]: true };

/** No client may do anything: the master key only. */
const CLOSED = {
  find: NOBODY,
  count: NOBODY,
  get: NOBODY,
  create: NOBODY,
  update: NOBODY,
  delete: NOBODY,
  addField: NOBODY,
  protectedFields: {},
};

export interface ClassDefinition {
  className: string;
  fields?: Record<string, { type: string; targetClass?: string; required?: boolean; defaultValue?: unknown }>;
  indexes?: Record<string, Record<string, 1 | -1>>;
  classLevelPermissions: Record<string, unknown>;
}

export const opinionsClass: ClassDefinition = {
  className: CLASS.opinions,
  fields: {
    name: { type: 'String' },
    comment: { type: 'String' },
    willReturn: { type: 'Boolean' },
    // Makes a retried submission arrive once: the client sends the same id on every retry.
    submissionId: { type: 'String' },
    // Staff triage: what has been read.
    reviewed: { type: 'Boolean', defaultValue: false },
    // The language the visitor wrote in (src/domain/languages.ts); absent from opinions sent without one.
    language: { type: 'String' },
    // Staff's tags (src/domain/tags.ts): only staff read or set them (server/cloud/opinions.ts).
    tags: { type: 'Array' },
  },
  indexes: {
    submissionId_1: { submissionId: 1 },
    createdAt_1: { createdAt: -1 },
    willReturn_createdAt: { willReturn: 1, createdAt: -1 },
    // The dashboard's "new / reviewed" filter and its sort by name, each with the newest first.
    reviewed_createdAt: { reviewed: 1, createdAt: -1 },
    name_createdAt: { name: 1, createdAt: -1 },
    // The dashboard's language filter, newest first.
    language_createdAt: { language: 1, createdAt: -1 },
  },
  classLevelPermissions: {
    find: STAFF,
    count: STAFF,
    get: STAFF,
    // Written through Cloud functions only (server/cloud/opinions.ts, decision 0037).
    create: NOBODY,
    update: NOBODY,
    delete: STAFF,
    addField: NOBODY,
    protectedFields: {},
  },
};

export const userClass: ClassDefinition = {
  className: '_User',
  fields: {
    // When a staff member last opened the dashboard ("new since you last looked"); written by Cloud Code.
    dashboardSeenAt: { type: 'Date' },
    // The language the user last used the app in (src/domain/languages.ts): their emails are written in it.
    language: { type: 'String' },
    // The staff member's choice of emails (src/domain/email-preferences.ts); absent means the default.
    alertEmails: { type: 'Boolean' },
    digestFrequency: { type: 'String' },
    // The end of the last digest period sent to them (server/cloud/digests.ts); written by the job only.
    digestSentFor: { type: 'String' },
  },
  classLevelPermissions: {
    // Nobody lists users; each reads and edits only themselves (their ACL is private).
    find: NOBODY,
    count: NOBODY,
    get: ANYONE,
    create: ANYONE,
    update: ANYONE,
    delete: ANYONE,
    addField: NOBODY,
    protectedFields: { '*': ['email'] },
  },
};

export const roleClass: ClassDefinition = {
  className: '_Role',
  // Only the master key reads or grants roles: membership is asked of a Cloud function.
  classLevelPermissions: CLOSED,
};

/**
 * The staff dashboard's live signal: rows inserted by Cloud Code naming the new opinions
 * (server/cloud/dashboard.ts, signalInBackground), that dashboards subscribe to with LiveQuery. Parse Server's LiveQuery checks
 * class-level permissions without roles, so a subscription to `opinions` (staff-role CLP)
 * is always refused; here any signed-in user passes the CLP and the row's ACL (staff role,
 * which LiveQuery does check) decides who hears. It holds no visitor data.
 */
export const dashboardSignalClass: ClassDefinition = {
  className: CLASS.dashboardSignals,
  fields: {
    opinionIds: { type: 'Array' },
    at: { type: 'Date' },
  },
  classLevelPermissions: {
    find: { requiresAuthentication: true },
    get: { requiresAuthentication: true },
    count: NOBODY,
    create: NOBODY,
    update: NOBODY,
    delete: NOBODY,
    addField: NOBODY,
    protectedFields: {},
  },
};

/**
 * The submission ids of deleted opinions (before issue 19, of every opinion stored), kept before
 * the row goes: a late retry from a visitor's outbox (its first answer was lost) must stay
 * deleted, not come back. On PostgreSQL the opinions' triggers write and read it
 * (server/migrations.ts); on MongoDB, Cloud Code (server/cloud/opinions.ts).
 * Only Cloud Code reads and writes it, with the master key; it holds no visitor data.
 */
export const deliveredSubmissionClass: ClassDefinition = {
  className: CLASS.deliveredSubmissions,
  fields: {
    submissionId: { type: 'String' },
  },
  indexes: {
    submissionId_1: { submissionId: 1 },
  },
  classLevelPermissions: CLOSED,
};

/**
 * Parse Server's other system classes with a stored schema: each is reachable at
 * /classes/<name>, and one Parse has not made yet is made on a client's first create with
 * open defaults (anyone may create, read and add fields: a client added a column to
 * `_Installation` with one create). This app uses no installations or products. Sessions are
 * made, ended and checked by Parse Server itself with the master key (log-in, /logout); a
 * signed-in user may still read their own (`/sessions/me`: Parse limits the query to them),
 * and nobody writes one from a client (server/request-limits.ts refuses the create, which
 * Parse Server performs itself before class-level permissions apply).
 * Parse's volatile classes (`_Audience`, `_PushStatus`, `_JobStatus`, `_JobSchedule`,
 * `_Idempotency`, `_Hooks`, `_GlobalConfig`, `_GraphQLConfig`) keep no class-level permissions:
 * Parse Server refuses clients on them itself (tests/integration/system-classes.test.ts).
 */
export const systemClasses: readonly ClassDefinition[] = [
  {
    className: '_Session',
    classLevelPermissions: {
      ...CLOSED,
      find: { requiresAuthentication: true },
      get: { requiresAuthentication: true },
    },
  },
  { className: '_Installation', classLevelPermissions: CLOSED },
  { className: '_Product', classLevelPermissions: CLOSED },
];

/**
 * The venue's settings (src/domain/venue.ts): at most one row, which only Cloud Code reads and
 * writes with the master key. Staff read and save it through Cloud functions that check the
 * role and the rules; anyone reads the public part (the name) through another
 * (docs/decisions/0025-venue-settings-and-jobs.md).
 */
export const venueSettingsClass: ClassDefinition = {
  className: CLASS.venueSettings,
  fields: {
    // The whole VenueSettings in one JSON value, checked as a whole on every read and save: no
    // Number column, so no client Increment could ever have a target (server/request-limits.ts).
    settings: { type: 'Object' },
  },
  classLevelPermissions: CLOSED,
};

/**
 * Staff's internal notes on an opinion (src/domain/notes.ts). The staff role reads and writes
 * the class; each row's ACL (set by Cloud Code, server/cloud/notes.ts) lets the staff role read
 * it and only its author change or delete it. Deleting an opinion deletes its notes.
 */
export const opinionNotesClass: ClassDefinition = {
  className: CLASS.opinionNotes,
  fields: {
    opinion: { type: 'Pointer', targetClass: CLASS.opinions },
    text: { type: 'String' },
    author: { type: 'Pointer', targetClass: '_User' },
    authorName: { type: 'String' },
  },
  indexes: {
    // An opinion's notes, oldest first.
    opinion_createdAt: { opinion: 1, createdAt: 1 },
  },
  classLevelPermissions: {
    find: STAFF,
    count: STAFF,
    get: STAFF,
    create: STAFF,
    update: STAFF,
    delete: STAFF,
    addField: NOBODY,
    protectedFields: {},
  },
};

/**
 * One row per alert sent (server/cloud/alerts.ts), each naming the one before it in `after`:
 * a unique index on `after` (server/migrations.ts) lets only one of two racing saves follow the
 * same alert, so at most one alert goes out per window. Only Cloud Code reads and writes it.
 */
export const alertMarkerClass: ClassDefinition = {
  className: CLASS.alertMarkers,
  fields: {
    after: { type: 'String' },
  },
  indexes: {
    after_1: { after: 1 },
  },
  classLevelPermissions: CLOSED,
};

export const classDefinitions: readonly ClassDefinition[] = [
  opinionsClass,
  userClass,
  roleClass,
  dashboardSignalClass,
  deliveredSubmissionClass,
  venueSettingsClass,
  opinionNotesClass,
  alertMarkerClass,
  ...systemClasses,
];
