/**
 * The backend's schema as code: classes, fields, indexes and class-level permissions.
 * The local Parse Server applies it at start (its `schema` option) and `deploy:schema`
 * applies the same definitions to a hosted server.
 */

export const STAFF_ROLE = 'staff';

type Access = Record<string, boolean>;
const NOBODY: Access = {};
const ANYONE: Access = { '*': true };
const STAFF: Access = { [`role:${STAFF_ROLE}`]: true };

export interface ClassDefinition {
  className: string;
  fields?: Record<string, { type: string; required?: boolean; defaultValue?: unknown }>;
  indexes?: Record<string, Record<string, 1 | -1>>;
  classLevelPermissions: Record<string, unknown>;
}

export const opinionsClass: ClassDefinition = {
  className: 'opinions',
  fields: {
    name: { type: 'String' },
    comment: { type: 'String' },
    willReturn: { type: 'Boolean' },
    // Makes a retried submission arrive once: the client sends the same id on every retry.
    submissionId: { type: 'String' },
    // Staff triage: what has been read.
    reviewed: { type: 'Boolean', defaultValue: false },
  },
  indexes: {
    submissionId_1: { submissionId: 1 },
    createdAt_1: { createdAt: -1 },
    willReturn_createdAt: { willReturn: 1, createdAt: -1 },
  },
  classLevelPermissions: {
    find: STAFF,
    count: STAFF,
    get: STAFF,
    create: ANYONE,
    update: STAFF,
    delete: STAFF,
    addField: NOBODY,
    protectedFields: {},
  },
};

export const userClass: ClassDefinition = {
  className: '_User',
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
  classLevelPermissions: {
    find: NOBODY,
    count: NOBODY,
    get: NOBODY,
    create: NOBODY,
    update: NOBODY,
    delete: NOBODY,
    addField: NOBODY,
    protectedFields: {},
  },
};

export const classDefinitions: readonly ClassDefinition[] = [opinionsClass, userClass, roleClass];
