import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { seedDirectory } from '../seed';
import { connectPlatformDatabase, migratePlatformDatabase } from './open';
import { postgresBinaries, POSTGRES_MISSING } from './postgres-binaries';

// Throwaway PostgreSQL clusters for the tests: one per test run (vitest's global setup, or a
// test file that needs PostgreSQL whatever the dialect under test), a template database in it
// migrated and seeded once, and each platform's database a copy of the template (CREATE
// DATABASE … TEMPLATE copies files: milliseconds, where migrating takes seconds).

/** The environment variable that hands the cluster's address to the test workers. */
export const CLUSTER_URL_VARIABLE = 'PLATFORM_TEST_POSTGRES_URL';
const TEMPLATE = 'platform_template';

export interface TestCluster {
  /** postgres://postgres@127.0.0.1:PORT (no database: add one). */
  url: string;
  /** Stops the server, keeping its data: the database is down until `resume`. */
  pause(): void;
  resume(): void;
  /** Stops the server and removes its folder. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root: root runs the tools as `postgres`, on a folder it owns. */
function runner(bin: string): {
  run: (tool: string, args: string[]) => void;
  prepare: (dir: string) => void;
} {
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  const prepare = (dir: string) => {
    if (!asRoot) return;
    const [uid, gid] = ['-u', '-g'].map((flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()),
    );
    chownSync(dir, uid!, gid!);
    chmodSync(dir, 0o700);
  };
  return { run, prepare };
}

/** Starts a cluster on a free port of 127.0.0.1 and makes the template database in it. */
export async function startTestCluster(): Promise<TestCluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const { run, prepare } = runner(bin);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'platform-pg-'));
  prepare(dir);
  const data = path.join(dir, 'data');
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already gone: removing its folder is all that is left to do.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    // fsync off: a test cluster never outlives a crash, and the suite runs several times faster.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    const start = () => {
      run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
      started = true;
    };
    start();
    const url = `postgres://postgres@127.0.0.1:${port}`;
    await makeTemplate(url);
    const pause = () => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      started = false;
    };
    return { url, stop, pause, resume: start };
  } catch (error) {
    stop();
    throw error;
  }
}

async function makeTemplate(clusterUrl: string): Promise<void> {
  const admin = connectPlatformDatabase(`${clusterUrl}/postgres`);
  try {
    await sql`create database ${sql.id(TEMPLATE)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const template = connectPlatformDatabase(`${clusterUrl}/${TEMPLATE}`);
  try {
    await migratePlatformDatabase(template);
    await seedDirectory(template);
  } finally {
    // No session may stay in a template while it is copied.
    await template.destroy();
  }
}

let ownCluster: Promise<TestCluster> | undefined;

/**
 * The cluster of this run: the global setup's, or else one started for this process and
 * stopped when it exits.
 */
async function clusterUrl(): Promise<string> {
  const given = process.env[CLUSTER_URL_VARIABLE];
  if (given) return given;
  ownCluster ??= startTestCluster().then((cluster) => {
    process.once('exit', () => cluster.stop());
    return cluster;
  });
  return (await ownCluster).url;
}

/** A new database, migrated and with the companies directory (unless `empty`), for one platform or several sharing it. */
export async function createTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const cluster = await clusterUrl();
  const name = `platform_${randomUUID().replaceAll('-', '')}`;
  const admin = connectPlatformDatabase(`${cluster}/postgres`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // `empty`: no migration run yet, for the tests of migrating.
        const template = options.empty ? 'template0' : TEMPLATE;
        await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin);
        break;
      } catch (error) {
        // 55006: another worker's copy of the template is still being made; wait a little.
        const busy = error instanceof Error && 'code' in error && error.code === '55006';
        if (!busy || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.destroy();
  }
  return {
    url: `${cluster}/${name}`,
    async drop() {
      const again = connectPlatformDatabase(`${cluster}/postgres`);
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(again);
      } finally {
        await again.destroy();
      }
    },
  };
}

/** Whether the tests run the platform on PostgreSQL (`PLATFORM_TEST_DIALECT=postgres`). */
export function testsOnPostgres(): boolean {
  return process.env.PLATFORM_TEST_DIALECT === 'postgres';
}
