/**
 * `npm run deploy:schema [-- --dry-run]`: applies server/schema.ts (classes, fields, indexes,
 * class-level permissions) and the staff role to a Parse Server through its REST API, with the
 * master key: Back4App, or any hosted Parse Server. It only adds and sets, never deletes, and
 * a second run changes nothing.
 *
 * PARSE_SERVER_URL, PARSE_APP_ID and PARSE_MASTER_KEY come from the environment only; the
 * key is sent to that server and nowhere else, never printed, never written down.
 */
import { masterRestClient, RestError, type RestClient } from './rest.ts';
import { ensureStaffRole } from './roles.ts';
import { classDefinitions, STAFF_ROLE, type ClassDefinition } from './schema.ts';
import { planSchema, type RemoteClass, type SchemaPlan } from './schema-diff.ts';

export const REQUIRED_ENV = ['PARSE_SERVER_URL', 'PARSE_APP_ID', 'PARSE_MASTER_KEY'] as const;

export interface DeployTarget {
  serverURL: string;
  appId: string;
  masterKey: string;
}

export class MissingEnvironmentError extends Error {}

/** The target from the environment, or an error that names every missing variable. */
export function targetFromEnv(env: NodeJS.ProcessEnv): DeployTarget {
  const missing = REQUIRED_ENV.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new MissingEnvironmentError(
      `Missing ${missing.join(', ')}: set ${missing.length === 1 ? 'it' : 'them'} in the environment, for example\n` +
        '  PARSE_SERVER_URL=https://parseapi.back4app.com PARSE_APP_ID=<application id> PARSE_MASTER_KEY=<master key> npm run deploy:schema -- --dry-run',
    );
  }
  const serverURL = env.PARSE_SERVER_URL!.trim().replace(/\/+$/, '');
  try {
    const url = new URL(serverURL);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    throw new MissingEnvironmentError(`PARSE_SERVER_URL must be an http(s) URL such as https://parseapi.back4app.com, got "${serverURL}".`);
  }
  return { serverURL, appId: env.PARSE_APP_ID!.trim(), masterKey: env.PARSE_MASTER_KEY!.trim() };
}

export interface DeployResult {
  /** One line per change, applied or (dry run) to apply; empty when the server already matches. */
  changes: string[];
  warnings: string[];
}

async function roleExists(rest: RestClient): Promise<boolean> {
  const where = encodeURIComponent(JSON.stringify({ name: STAFF_ROLE }));
  const found = await rest.request<{ results: unknown[] }>('GET', `/roles?where=${where}&limit=1`);
  return found.results.length > 0;
}

export async function readRemoteSchema(rest: RestClient): Promise<RemoteClass[]> {
  return (await rest.request<{ results: RemoteClass[] }>('GET', '/schemas')).results;
}

export async function deploySchema(
  rest: RestClient,
  options: { dryRun: boolean; definitions?: readonly ClassDefinition[] },
): Promise<DeployResult> {
  const plan: SchemaPlan = planSchema(options.definitions ?? classDefinitions, await readRemoteSchema(rest));
  const changes = plan.changes.flatMap((change) => change.summary);
  if (!options.dryRun) {
    // One request per class, in the definitions' order: opinions before the classes that follow.
    for (const change of plan.changes) {
      await rest.request(change.method, `/schemas/${encodeURIComponent(change.className)}`, change.body);
    }
  }
  if (!(await roleExists(rest))) {
    changes.push(`create role ${STAFF_ROLE} (ACL: master key only)`);
    if (!options.dryRun) await ensureStaffRole(rest);
  }
  return { changes, warnings: plan.warnings };
}

/** What no REST call can do; printed after every run so that the operator does not forget it. */
export const MANUAL_STEPS = [
  'The unique index on opinions.submissionId cannot be made through the REST API; Cloud Code refuses',
  'duplicates anyway. Make it once in the database (README, "Deployment"): on MongoDB (Back4App)',
  '  db.opinions.createIndex({ submissionId: 1 }, { unique: true, sparse: true })',
  'and the one that keeps alerts to one per window (server/cloud/alerts.ts):',
  '  db.alertMarkers.createIndex({ after: 1 }, { unique: true })',
];

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--dry-run');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(' ')}. Usage: npm run deploy:schema [-- --dry-run]`);
    return 2;
  }
  const dryRun = argv.includes('--dry-run');
  let target: DeployTarget;
  try {
    target = targetFromEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  console.log(`${dryRun ? 'Dry run against' : 'Applying server/schema.ts to'} ${target.serverURL} (application id ${target.appId}).`);
  try {
    const result = await deploySchema(masterRestClient(target.serverURL, target.appId, target.masterKey), { dryRun });
    if (result.changes.length === 0) console.log('Nothing to change: the server already matches server/schema.ts.');
    else {
      console.log(dryRun ? 'Would change:' : 'Changed:');
      for (const line of result.changes) console.log(`  ${line}`);
    }
    for (const warning of result.warnings) console.warn(`Left alone: ${warning}`);
    if (!dryRun) console.log(`\n${MANUAL_STEPS.join('\n')}`);
    return 0;
  } catch (error) {
    if (error instanceof RestError) {
      const hint =
        error.status === 401 || error.status === 403 ? ' (check PARSE_APP_ID and PARSE_MASTER_KEY)' : '';
      console.error(`Parse Server refused: ${error.message}${hint}`);
    } else if (error instanceof SyntaxError) {
      console.error(
        `${target.serverURL} did not answer as Parse Server does (not JSON): is PARSE_SERVER_URL the server's API URL (https://parseapi.back4app.com, or http://host:1337/parse)?`,
      );
    } else if (error instanceof TypeError) {
      console.error(`Could not reach Parse Server at ${target.serverURL}: ${error.message}`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
