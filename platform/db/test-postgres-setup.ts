/**
 * vitest's global setup: with PLATFORM_TEST_DIALECT=postgres, one throwaway cluster for the
 * whole run (the workers, started after this, inherit its address), stopped and removed at the
 * end. Other runs load nothing more than this file.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.PLATFORM_TEST_DIALECT !== 'postgres') return undefined;
  const { CLUSTER_URL_VARIABLE, startTestCluster } = await import('./test-postgres');
  if (process.env[CLUSTER_URL_VARIABLE]) return undefined;
  const cluster = await startTestCluster();
  process.env[CLUSTER_URL_VARIABLE] = cluster.url;
  return () => cluster.stop();
}
