/**
 * What `deploy:schema` must change on a Parse Server so that it holds server/schema.ts:
 * a pure comparison of the definitions with what GET /schemas answers. It only ever adds
 * (classes, fields, indexes) and sets class-level permissions; what it cannot change without
 * deleting (a field of another type, an index with other keys) it reports and leaves alone.
 */
import type { ClassDefinition } from './schema.ts';

export interface RemoteField {
  type: string;
  targetClass?: string;
  required?: boolean;
  defaultValue?: unknown;
}

/** One class as Parse Server's REST API answers it (GET /schemas, GET /schemas/<className>). */
export interface RemoteClass {
  className: string;
  fields: Record<string, RemoteField>;
  indexes?: Record<string, Record<string, unknown>>;
  classLevelPermissions?: Record<string, unknown>;
}

/** The body of POST or PUT /schemas/<className>, and what it is for. */
export interface ClassChange {
  className: string;
  method: 'POST' | 'PUT';
  body: {
    className: string;
    fields?: Record<string, RemoteField>;
    indexes?: Record<string, Record<string, 1 | -1>>;
    classLevelPermissions?: Record<string, unknown>;
  };
  /** Plain sentences, one per change, for the operator. */
  summary: string[];
}

export interface SchemaPlan {
  changes: ClassChange[];
  /** Differences left alone because fixing them would delete something. */
  warnings: string[];
}

/** Columns every class has, and those Parse Server gives its own classes; never ours to add. */
const DEFAULT_FIELDS: Record<string, readonly string[]> = {
  _Default: ['objectId', 'createdAt', 'updatedAt', 'ACL'],
  _User: ['username', 'password', 'email', 'emailVerified', 'authData'],
  _Role: ['name', 'users', 'roles'],
  _Session: ['user', 'installationId', 'sessionToken', 'expiresAt', 'createdWith'],
};

function isDefaultField(className: string, field: string): boolean {
  return DEFAULT_FIELDS._Default!.includes(field) || (DEFAULT_FIELDS[className]?.includes(field) ?? false);
}

/** Stable JSON: object keys sorted at every level, so that key order never counts as a difference. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Class-level permissions as they mean, not as they are spelled: Parse Server answers
 * `protectedFields: { '*': [] }` for a class without protected fields (and may leave the key
 * out), a fresh class may carry `ACL: { '*': { read: true, write: true } }` (the default ACL
 * of new objects, the same as none), and the order of keys and of listed fields carries no
 * meaning. Operations keep their presence: a missing operation means "public", unlike `{}`.
 */
export function normaliseClp(clp: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(clp ?? {})) {
    if (key === 'protectedFields') {
      const fields: Record<string, string[]> = {};
      for (const [who, list] of Object.entries(isRecord(value) ? value : {})) {
        if (Array.isArray(list) && list.length > 0) fields[who] = [...list].map(String).sort();
      }
      if (Object.keys(fields).length > 0) result.protectedFields = fields;
    } else if (key === 'ACL') {
      // The default ACL of new objects; public read and write is what objects get without it.
      if (canonical(value) !== canonical({ '*': { read: true, write: true } })) result.ACL = value;
    } else if (key === 'readUserFields' || key === 'writeUserFields') {
      if (Array.isArray(value) && value.length > 0) result[key] = [...value].map(String).sort();
    } else if (isRecord(value)) {
      const access: Record<string, unknown> = {};
      for (const [who, allowed] of Object.entries(value)) {
        if (allowed === false) continue;
        access[who] = Array.isArray(allowed) ? [...allowed].map(String).sort() : allowed;
      }
      result[key] = access;
    } else {
      result[key] = value;
    }
  }
  return result;
}

export function sameClp(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  return canonical(normaliseClp(a)) === canonical(normaliseClp(b));
}

/**
 * Index keys compared without their order: Parse's PostgreSQL adapter keeps index definitions
 * in a jsonb column, which does not keep key order ({willReturn: 1, createdAt: -1} comes back
 * as {createdAt: -1, willReturn: 1}), so order cannot be told from what the server answers.
 */
export function sameIndex(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonical(a) === canonical(b);
}

const describeField = (field: RemoteField) => (field.targetClass ? `${field.type}<${field.targetClass}>` : field.type);

function fieldParams(field: RemoteField) {
  return { required: field.required === true, defaultValue: field.defaultValue };
}

/** What one class needs; null when it already matches. */
export function diffClass(definition: ClassDefinition, remote: RemoteClass | undefined, warnings: string[]): ClassChange | null {
  const { className } = definition;
  const ownFields = Object.fromEntries(
    Object.entries(definition.fields ?? {}).filter(([name]) => !isDefaultField(className, name)),
  ) as Record<string, RemoteField>;
  const indexes = definition.indexes ?? {};

  if (!remote) {
    const summary = [`create class ${className}`];
    if (Object.keys(ownFields).length > 0) {
      summary.push(`  fields: ${Object.entries(ownFields).map(([name, field]) => `${name} (${describeField(field)})`).join(', ')}`);
    }
    if (Object.keys(indexes).length > 0) summary.push(`  indexes: ${Object.keys(indexes).join(', ')}`);
    summary.push('  class-level permissions');
    return {
      className,
      method: 'POST',
      body: {
        className,
        ...(Object.keys(ownFields).length > 0 ? { fields: ownFields } : {}),
        ...(Object.keys(indexes).length > 0 ? { indexes } : {}),
        classLevelPermissions: definition.classLevelPermissions,
      },
      summary,
    };
  }

  const summary: string[] = [];
  const addFields: Record<string, RemoteField> = {};
  for (const [name, field] of Object.entries(ownFields)) {
    const existing = remote.fields[name];
    if (!existing) {
      addFields[name] = field;
      summary.push(`${className}: add field ${name} (${describeField(field)})`);
    } else if (existing.type !== field.type || (existing.targetClass ?? null) !== (field.targetClass ?? null)) {
      warnings.push(
        `${className}.${name} is ${describeField(existing)} on the server but ${describeField(field)} in server/schema.ts; left as it is (changing it means deleting the field and its data).`,
      );
    } else if (canonical(fieldParams(existing)) !== canonical(fieldParams(field))) {
      warnings.push(
        `${className}.${name} has other options on the server (${canonical(fieldParams(existing))}) than in server/schema.ts (${canonical(fieldParams(field))}); left as it is.`,
      );
    }
  }

  const addIndexes: Record<string, Record<string, 1 | -1>> = {};
  for (const [name, keys] of Object.entries(indexes)) {
    const existing = remote.indexes?.[name];
    if (!existing) {
      addIndexes[name] = keys;
      summary.push(`${className}: add index ${name} ${canonical(keys)}`);
    } else if (!sameIndex(existing, keys)) {
      warnings.push(
        `${className} index ${name} is ${canonical(existing)} on the server but ${canonical(keys)} in server/schema.ts; left as it is (drop it by hand to have it recreated).`,
      );
    }
  }

  const clpDiffers = !sameClp(remote.classLevelPermissions, definition.classLevelPermissions);
  if (clpDiffers) {
    const now = normaliseClp(remote.classLevelPermissions);
    const wanted = normaliseClp(definition.classLevelPermissions);
    const keys = [...new Set([...Object.keys(now), ...Object.keys(wanted)])]
      .filter((key) => canonical(now[key]) !== canonical(wanted[key]))
      .sort();
    summary.push(`${className}: set class-level permissions (${keys.join(', ')})`);
  }

  if (summary.length === 0) return null;
  return {
    className,
    method: 'PUT',
    body: {
      className,
      ...(Object.keys(addFields).length > 0 ? { fields: addFields } : {}),
      ...(Object.keys(addIndexes).length > 0 ? { indexes: addIndexes } : {}),
      ...(clpDiffers ? { classLevelPermissions: definition.classLevelPermissions } : {}),
    },
    summary,
  };
}

/**
 * Parse Server's own `schema` option (DefinedSchemas) also closes `addField` on every class it
 * was not given a definition for (_Session, _Installation, …); so does this, so that a hosted
 * server ends up as the local one: no client adds a column anywhere.
 */
export function diffUndefinedClass(remote: RemoteClass): ClassChange | null {
  const clp = remote.classLevelPermissions ?? {};
  if (isRecord(clp.addField) && Object.keys(normaliseClp({ addField: clp.addField }).addField as object).length === 0) return null;
  return {
    className: remote.className,
    method: 'PUT',
    body: { className: remote.className, classLevelPermissions: { ...clp, addField: {} } },
    summary: [`${remote.className}: set class-level permissions (addField: nobody)`],
  };
}

export function planSchema(definitions: readonly ClassDefinition[], remote: readonly RemoteClass[]): SchemaPlan {
  const warnings: string[] = [];
  const byName = new Map(remote.map((cls) => [cls.className, cls]));
  const changes: ClassChange[] = [];
  for (const definition of definitions) {
    const change = diffClass(definition, byName.get(definition.className), warnings);
    if (change) changes.push(change);
  }
  const defined = new Set(definitions.map((definition) => definition.className));
  for (const cls of remote) {
    if (defined.has(cls.className)) continue;
    const change = diffUndefinedClass(cls);
    if (change) changes.push(change);
  }
  return { changes, warnings };
}
