import pg from 'pg';
import { CLASS } from '../src/domain/classes.ts';
import { findUserId, grantStaff } from './roles.ts';
import type { RestClient } from './rest.ts';

export const DEMO_USERS = {
  staff: { username: 'staff', password: 'Staff#Opinions1', email: 'staff@example.com' },
  visitor: { username: 'visitor', password: 'Visitor#Opinions1', email: 'visitor@example.com' },
} as const;

export const SAMPLE_NAMES = ['Ana', '', 'Jürgen', 'Priya', '', 'Tomás', 'Mei', 'Olufemi', '', 'Chloé', 'Sam', 'Noor'];
export const SAMPLE_COMMENTS = [
  'Lovely exhibition, the guides were friendly and knew their subject.',
  'Too crowded on Saturday afternoon; we could hardly see the paintings.',
  'The café is excellent. Great cake, fair prices.',
  'Signs to the toilets were confusing and the queue was long.',
  'My kids loved the interactive room! We will be back with their cousins.',
  'Audio guide kept cutting out in the east wing.',
  'Beautiful garden, quiet and well kept. A perfect Sunday morning.',
  'Tickets were expensive for what there was to see.',
  'Staff at the entrance were very helpful with the wheelchair access.',
  'Great temporary exhibition, but the lighting made the labels hard to read.',
  'Parking was a nightmare. Public transport info on the website would help.',
  'Wonderful concert in the main hall — the acoustics are superb.',
  'Muy buena experiencia, volveremos pronto.',
  'The shop had nothing under 20 euros. Some postcards would be nice.',
  'Clean, calm and well organised. Thank you!',
];

/** A fixed submission id for demo opinion n, so that seeding twice adds nothing. */
function demoSubmissionId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

async function ensureUser(rest: RestClient, user: { username: string; password: string; email: string }) {
  const existing = await findUserId(rest, user.username);
  const id = existing ?? (await rest.request<{ objectId: string }>('POST', '/users', user)).objectId;
  await rest.request('PUT', `/users/${id}`, { emailVerified: true });
  return id;
}

/** Demo accounts and about 50 opinions over the last 60 days; safe to run at every start. */
export async function seedDemoData(rest: RestClient, databaseURL: string, count = 50): Promise<void> {
  const staffId = await ensureUser(rest, DEMO_USERS.staff);
  await grantStaff(rest, staffId);
  await ensureUser(rest, DEMO_USERS.visitor);

  const ids = Array.from({ length: count }, (_, n) => demoSubmissionId(n + 1));
  const where = encodeURIComponent(JSON.stringify({ submissionId: { $in: ids } }));
  const found = await rest.request<{ results: { submissionId: string }[] }>(
    'GET',
    `/classes/${CLASS.opinions}?where=${where}&keys=submissionId&limit=${count}`,
  );
  const present = new Set(found.results.map((row) => row.submissionId));
  const missing = ids.flatMap((submissionId, n) => (present.has(submissionId) ? [] : [{ submissionId, n }]));
  if (missing.length === 0) return;

  await rest.request('POST', '/batch', {
    requests: missing.map(({ submissionId, n }) => ({
      method: 'POST',
      path: `/parse/classes/${CLASS.opinions}`,
      body: {
        submissionId,
        name: SAMPLE_NAMES[n % SAMPLE_NAMES.length],
        comment: SAMPLE_COMMENTS[(n * 7) % SAMPLE_COMMENTS.length],
        willReturn: n % 3 !== 1,
        reviewed: n % 4 === 0,
      },
    })),
  });

  // Parse Server sets createdAt itself; spread the demo rows over the last 60 days.
  const client = new pg.Client({ connectionString: databaseURL });
  await client.connect();
  try {
    for (const { submissionId, n } of missing) {
      const hoursAgo = Math.round(((n * 37) % 60) * 24 + ((n * 13) % 24));
      await client.query(
        `UPDATE "${CLASS.opinions}" SET "createdAt" = now() - make_interval(hours => $1), "updatedAt" = now() - make_interval(hours => $1) WHERE "submissionId" = $2`,
        [hoursAgo, submissionId],
      );
    }
  } finally {
    await client.end();
  }
}
