import { pointer, type RestClient } from './rest.ts';
import { STAFF_ROLE } from './schema.ts';

interface Found<T> {
  results: T[];
}

/** Creates the staff role when missing; its ACL lets only the master key read or change it. */
export async function ensureStaffRole(rest: RestClient): Promise<string> {
  const where = encodeURIComponent(JSON.stringify({ name: STAFF_ROLE }));
  const found = await rest.request<Found<{ objectId: string }>>('GET', `/roles?where=${where}`);
  const existing = found.results[0];
  if (existing) return existing.objectId;
  const created = await rest.request<{ objectId: string }>('POST', '/roles', { name: STAFF_ROLE, ACL: {} });
  return created.objectId;
}

export async function findUserId(rest: RestClient, username: string): Promise<string | undefined> {
  const where = encodeURIComponent(JSON.stringify({ username }));
  const found = await rest.request<Found<{ objectId: string }>>('GET', `/users?where=${where}`);
  return found.results[0]?.objectId;
}

export async function grantStaff(rest: RestClient, userId: string): Promise<void> {
  const roleId = await ensureStaffRole(rest);
  await rest.request('PUT', `/roles/${roleId}`, {
    users: { __op: 'AddRelation', objects: [pointer('_User', userId)] },
  });
}
