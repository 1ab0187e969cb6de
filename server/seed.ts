import pg from 'pg';
import { CLASS, OPINION_FUNCTION } from '../src/domain/classes.ts';
import { EMAIL_PREFERENCE_FIELDS } from '../src/domain/email-preferences.ts';
import type { Language } from '../src/domain/languages.ts';
import { findUserId, grantStaff } from './roles.ts';
import type { RestClient } from './rest.ts';

export const DEMO_USERS = {
  staff: { username: 'staff', password: 'Staff#Opinions1', email: 'staff@example.com' },
  visitor: { username: 'visitor', password: 'Visitor#Opinions1', email: 'visitor@example.com' },
} as const;

export const SAMPLE_NAMES = ['Ana', '', 'Jürgen', 'Priya', '', 'Tomás', 'Mei', 'Olufemi', '', 'Chloé', 'Sam', 'Noor'];
/** Demo comments and the language each is written in: every language the app speaks has some. */
export const DEMO_COMMENTS: readonly (readonly [Language, string])[] = [
  ['en', 'Lovely exhibition, the guides were friendly and knew their subject.'],
  ['en', 'Too crowded on Saturday afternoon; we could hardly see the paintings.'],
  ['fr', 'Très belle exposition, mais il manquait des bancs pour se reposer.'],
  ['en', 'The café is excellent. Great cake, fair prices.'],
  ['ar', 'المعرض رائع والموظفون لطفاء جداً. سنعود مع العائلة.'],
  ['en', 'Signs to the toilets were confusing and the queue was long.'],
  ['es', 'El audioguía en español se cortaba en la sala del fondo.'],
  ['en', 'My kids loved the interactive room! We will be back with their cousins.'],
  ['fr', 'Le personnel de l’accueil a été très serviable avec la poussette.'],
  ['en', 'Audio guide kept cutting out in the east wing.'],
  ['ar', 'التذاكر غالية بعض الشيء، لكن الحديقة جميلة وهادئة.'],
  ['en', 'Beautiful garden, quiet and well kept. A perfect Sunday morning.'],
  ['es', 'Precios razonables y una cafetería muy agradable.'],
  ['en', 'Tickets were expensive for what there was to see.'],
  ['fr', 'Les panneaux n’étaient qu’en anglais : dommage pour les visiteurs étrangers.'],
  ['en', 'Staff at the entrance were very helpful with the wheelchair access.'],
  ['ar', 'كانت الإضاءة ضعيفة ولم نتمكن من قراءة اللوحات.'],
  ['en', 'Great temporary exhibition, but the lighting made the labels hard to read.'],
  ['en', 'Parking was a nightmare. Public transport info on the website would help.'],
  ['fr', 'Un concert magnifique, l’acoustique de la grande salle est superbe.'],
  ['en', 'Wonderful concert in the main hall — the acoustics are superb.'],
  ['es', 'Muy buena experiencia, volveremos pronto.'],
  ['ar', 'تجربة ممتعة للأطفال، وشكراً على الترحيب.'],
  ['en', 'The shop had nothing under 20 euros. Some postcards would be nice.'],
  ['es', 'Demasiada gente el sábado; mejor venir entre semana.'],
  ['en', 'Clean, calm and well organised. Thank you!'],
];
export const SAMPLE_COMMENTS = DEMO_COMMENTS.map(([, comment]) => comment);

function demoComment(n: number): { comment: string; language: Language } {
  const [language, comment] = DEMO_COMMENTS[(n * 7) % DEMO_COMMENTS.length] ?? ['en', ''];
  return { comment, language };
}

/** A fixed submission id for demo opinion n, so that seeding twice adds nothing. */
function demoSubmissionId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

async function ensureUser(
  rest: RestClient,
  user: { username: string; password: string; email: string },
  fields: Record<string, unknown> = {},
) {
  const existing = await findUserId(rest, user.username);
  const id = existing ?? (await rest.request<{ objectId: string }>('POST', '/users', user)).objectId;
  await rest.request('PUT', `/users/${id}`, { emailVerified: true, ...fields });
  return id;
}

/** The demo staff member receives both kinds of email, so that a demo shows them in the mail catcher. */
const DEMO_STAFF_EMAILS = { [EMAIL_PREFERENCE_FIELDS.alerts]: true, [EMAIL_PREFERENCE_FIELDS.digest]: 'weekly' };

/** Demo accounts and about 50 opinions over the last 60 days; safe to run at every start. */
export async function seedDemoData(rest: RestClient, databaseURL: string, count = 50): Promise<void> {
  const staffId = await ensureUser(rest, DEMO_USERS.staff, DEMO_STAFF_EMAILS);
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

  const answers = await rest.request<{ error?: unknown }[]>('POST', '/batch', {
    requests: missing.map(({ submissionId, n }) => ({
      method: 'POST',
      // Through the visitors' function, so that the demo rows get the same checks and ACL.
      path: `/parse/functions/${OPINION_FUNCTION.submit}`,
      body: {
        submissionId,
        name: SAMPLE_NAMES[n % SAMPLE_NAMES.length],
        ...demoComment(n),
        willReturn: n % 3 !== 1,
        reviewed: n % 4 === 0,
      },
    })),
  });
  const refused = answers.find((answer) => answer.error !== undefined);
  if (refused) throw new Error(`The demo opinions were refused: ${JSON.stringify(refused.error)}`);

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
