/**
 * `npm run staff:grant -- <username>`: adds an existing account to the `staff` role. It talks
 * to Parse Server's REST API with the master key, so it runs on a trusted machine only:
 * PARSE_MASTER_KEY (and PARSE_SERVER_URL / PARSE_APP_ID for a server other than the local one)
 * come from the environment.
 */
import { parseServerUrl, readStackConfig } from '../config.ts';
import { masterRestClient, type RestClient } from '../rest.ts';
import { findUserId, grantStaff } from '../roles.ts';

export class UnknownUserError extends Error {}

export async function grantStaffByUsername(rest: RestClient, username: string): Promise<string> {
  const userId = await findUserId(rest, username);
  if (!userId) throw new UnknownUserError(`There is no account with the username "${username}".`);
  await grantStaff(rest, userId);
  return userId;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const username = process.argv[2];
  if (!username) {
    console.error('Usage: npm run staff:grant -- <username>');
    process.exit(2);
  }
  const config = readStackConfig();
  const serverURL = (process.env.PARSE_SERVER_URL ?? parseServerUrl(config)).replace(/\/+$/, '');
  try {
    await grantStaffByUsername(masterRestClient(serverURL, config.appId, config.masterKey), username);
    console.log(`"${username}" is now a member of the staff role on ${serverURL}.`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof UnknownUserError || !(error instanceof TypeError)
        ? reason
        : `Could not reach Parse Server at ${serverURL}: is it running (npm run server)?`,
    );
    process.exit(1);
  }
}
