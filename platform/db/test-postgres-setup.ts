import { CLUSTER_URL_VARIABLE, startTestCluster, testsOnPostgres } from './test-postgres';

/**
 * vitest's global setup: with PLATFORM_TEST_DIALECT=postgres, one throwaway cluster for the
 * whole run (the workers, started after this, inherit its address), stopped and removed at the end.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (!testsOnPostgres() || process.env[CLUSTER_URL_VARIABLE]) return undefined;
  const cluster = await startTestCluster();
  process.env[CLUSTER_URL_VARIABLE] = cluster.url;
  return () => cluster.stop();
}
