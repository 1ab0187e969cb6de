import { describe, expect, test } from 'vitest';
import { classDefinitions, opinionsClass, roleClass, userClass, type ClassDefinition } from '../../../server/schema.ts';
import { diffClass, normaliseClp, planSchema, sameClp, sameIndex, type RemoteClass } from '../../../server/schema-diff.ts';

const DEFAULT_FIELDS = {
  objectId: { type: 'String' },
  createdAt: { type: 'Date' },
  updatedAt: { type: 'Date' },
  ACL: { type: 'ACL' },
};

/** What Parse Server stores for a definition (PostgreSQL: index keys in jsonb order). */
function storedAs(definition: ClassDefinition, extraFields: RemoteClass['fields'] = {}): RemoteClass {
  return {
    className: definition.className,
    fields: { ...DEFAULT_FIELDS, ...extraFields, ...(definition.fields as RemoteClass['fields']) },
    indexes: {
      _id_: { _id: 1 },
      ...Object.fromEntries(
        Object.entries(definition.indexes ?? {}).map(([name, keys]) => [name, Object.fromEntries(Object.entries(keys).reverse())]),
      ),
    },
    classLevelPermissions: structuredClone(definition.classLevelPermissions),
  };
}

describe('planSchema', () => {
  test('an empty server: every class is created with its fields, indexes and permissions', () => {
    const plan = planSchema(classDefinitions, []);
    expect(plan.warnings).toEqual([]);
    expect(plan.changes.map((change) => [change.method, change.className])).toEqual(
      classDefinitions.map((definition) => ['POST', definition.className]),
    );
    const opinions = plan.changes[0];
    expect(opinions?.body).toEqual({
      className: 'opinions',
      fields: opinionsClass.fields,
      indexes: opinionsClass.indexes,
      classLevelPermissions: opinionsClass.classLevelPermissions,
    });
    // _Role has no fields of ours: none are sent.
    expect(plan.changes.find((change) => change.className === '_Role')?.body).not.toHaveProperty('fields');
  });

  test('a server that matches: nothing to change, whatever the key order or the defaults Parse adds', () => {
    const remote = classDefinitions.map((definition) => storedAs(definition));
    const user = remote.find((cls) => cls.className === '_User')!;
    user.fields = { ...user.fields, username: { type: 'String' }, email: { type: 'String' }, authData: { type: 'Object' } };
    expect(planSchema(classDefinitions, remote)).toEqual({ changes: [], warnings: [] });
  });

  test('classes it was not given get addField closed, as Parse Server’s own schema option does', () => {
    const handMade: RemoteClass = {
      className: 'madeByHand',
      fields: DEFAULT_FIELDS,
      classLevelPermissions: { find: { '*': true }, addField: { '*': true }, protectedFields: { '*': [] } },
    };
    const plan = planSchema(classDefinitions, [...classDefinitions.map((definition) => storedAs(definition)), handMade]);
    expect(plan.changes).toEqual([
      {
        className: 'madeByHand',
        method: 'PUT',
        body: { className: 'madeByHand', classLevelPermissions: { find: { '*': true }, addField: {}, protectedFields: { '*': [] } } },
        summary: ['madeByHand: set class-level permissions (addField: nobody)'],
      },
    ]);
    const closed = { ...handMade, classLevelPermissions: { ...handMade.classLevelPermissions, addField: {} } };
    expect(planSchema([], [closed]).changes).toEqual([]);
  });
});

describe('diffClass', () => {
  test('adds missing fields and indexes in one PUT, and never sends default fields', () => {
    const remote = storedAs({ ...opinionsClass, fields: { name: { type: 'String' } }, indexes: { createdAt_1: { createdAt: -1 } } });
    const warnings: string[] = [];
    const change = diffClass({ ...opinionsClass, fields: { ...opinionsClass.fields, objectId: { type: 'String' } } }, remote, warnings);
    expect(warnings).toEqual([]);
    expect(change?.method).toBe('PUT');
    expect(Object.keys(change?.body.fields ?? {})).toEqual(['comment', 'willReturn', 'submissionId', 'reviewed', 'language', 'tags']);
    expect(change?.body.fields?.reviewed).toEqual({ type: 'Boolean', defaultValue: false });
    expect(Object.keys(change?.body.indexes ?? {})).toEqual(['submissionId_1', 'willReturn_createdAt', 'reviewed_createdAt', 'name_createdAt', 'language_createdAt']);
    expect(change?.body).not.toHaveProperty('classLevelPermissions');
    expect(change?.summary).toContain('opinions: add field comment (String)');
  });

  test('sets the permissions when they differ, naming what differs', () => {
    const remote = storedAs(opinionsClass);
    remote.classLevelPermissions = { ...opinionsClass.classLevelPermissions, find: { '*': true }, addField: { '*': true } };
    const change = diffClass(opinionsClass, remote, []);
    expect(change?.body).toEqual({ className: 'opinions', classLevelPermissions: opinionsClass.classLevelPermissions });
    expect(change?.summary).toEqual(['opinions: set class-level permissions (addField, find)']);
  });

  test('a field of another type or options, or an index with other keys, is reported and left alone', () => {
    const remote = storedAs(opinionsClass);
    remote.fields.willReturn = { type: 'String' };
    remote.fields.reviewed = { type: 'Boolean' };
    remote.indexes!.name_createdAt = { name: 1 };
    const warnings: string[] = [];
    expect(diffClass(opinionsClass, remote, warnings)).toBeNull();
    expect(warnings).toEqual([
      expect.stringContaining('opinions.willReturn is String on the server but Boolean'),
      expect.stringContaining('opinions.reviewed has other options'),
      expect.stringContaining('opinions index name_createdAt is {"name":1} on the server'),
    ]);
  });

  test('extra fields and indexes on the server are never deleted', () => {
    const remote = storedAs(userClass, { nickname: { type: 'String' } });
    remote.indexes = { ...remote.indexes, nickname_1: { nickname: 1 } };
    expect(diffClass(userClass, remote, [])).toBeNull();
  });
});

describe('class-level permissions compare by meaning', () => {
  test('protectedFields: missing, empty and {"*": []} are the same; order of fields does not count', () => {
    expect(sameClp({ find: {} }, { find: {}, protectedFields: {} })).toBe(true);
    expect(sameClp({ find: {}, protectedFields: { '*': [] } }, { find: {} })).toBe(true);
    expect(sameClp({ protectedFields: { '*': ['email', 'phone'] } }, { protectedFields: { '*': ['phone', 'email'] } })).toBe(true);
    expect(sameClp({ protectedFields: { '*': ['email'] } }, { protectedFields: {} })).toBe(false);
  });

  test('the public default ACL counts as none; any other ACL counts', () => {
    expect(sameClp({ ACL: { '*': { read: true, write: true } }, find: {} }, { find: {} })).toBe(true);
    expect(sameClp({ ACL: { '*': { read: true } }, find: {} }, { find: {} })).toBe(false);
  });

  test('a missing operation is public, not the same as {} (nobody)', () => {
    expect(sameClp({ find: {} }, {})).toBe(false);
    expect(sameClp(roleClass.classLevelPermissions, { ...roleClass.classLevelPermissions, get: { '*': true } })).toBe(false);
    expect(normaliseClp({ get: { '*': true, 'role:x': false } })).toEqual({ get: { '*': true } });
  });

  test('index keys compare without their order (PostgreSQL keeps them in jsonb)', () => {
    expect(sameIndex({ willReturn: 1, createdAt: -1 }, { createdAt: -1, willReturn: 1 })).toBe(true);
    expect(sameIndex({ willReturn: 1, createdAt: -1 }, { willReturn: 1, createdAt: 1 })).toBe(false);
  });
});
