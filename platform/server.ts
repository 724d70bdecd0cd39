import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { API_BASE } from '../shared/api/auth';
import { STREAM_HEARTBEAT_MS } from '../shared/api/sync-stream';
import { loadSigningKey, TokenService } from './auth/tokens';
import type { PlatformApp, PlatformContext, RateLimits } from './context';
import { dialectOf, openPlatformDatabase, type PlatformDb, type PlatformDialect } from './db/open';
import { acceptEmptyBodies } from './http/empty-body';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { installProblemHandlers } from './http/problem';
import { RateLimitStore } from './http/rate-limit';
import { archiveExpiredOffers, scheduleArchiving } from './offers/archiving';
import { nafSubclasses } from './referentials/load';
import { alertsRoutes } from './routes/alerts';
import { applicationsRoutes } from './routes/applications';
import { authRoutes } from './routes/auth';
import { candidateRoutes } from './routes/candidate';
import { candidatesRoutes } from './routes/candidates';
import { companiesRoutes } from './routes/companies';
import { employersRoutes } from './routes/employers';
import { favoritesRoutes } from './routes/favorites';
import { healthRoutes } from './routes/health';
import { joinRequestRoutes } from './routes/join-request';
import { meRoutes } from './routes/me';
import { membersRoutes } from './routes/members';
import { observationHostsRoutes } from './routes/observation-hosts';
import { offersRoutes } from './routes/offers';
import { personalDataRoutes } from './routes/personal-data';
import { profilesRoutes } from './routes/profiles';
import { referentialsRoutes } from './routes/referentials';
import { structureRoutes } from './routes/structure';
import { syncRoutes } from './routes/sync';
import { syncPushRoutes } from './routes/sync-push';
import { syncSnapshotRoutes } from './routes/sync-snapshot';
import { syncStreamRoutes } from './routes/sync-stream';
import { seed, seedDirectory, type SeedName } from './seed';
import { decodePoke, inProcessPokeBus } from './sync/pokes';
import { listenForPokes } from './sync/postgres-pokes';

export interface PlatformOptions {
  /** Folder of the platform's SQLite database; created if missing. Unused with `databaseUrl`. */
  dataDir?: string;
  /** A PostgreSQL database (`postgres://user@host:port/db`) instead of the SQLite file. */
  databaseUrl?: string;
  seed?: SeedName;
  accessTokenTtlSeconds?: number;
  limits?: Partial<RateLimits>;
  logger?: boolean;
  /** The time offers are published and archived by; tests pass their own. */
  clock?: () => Date;
  /** How often a live stream sends its heartbeat (tests shorten it). */
  streamHeartbeatMs?: number;
  /** Told of every answer, with its time (bench:platform's latencies). */
  observe?: (sample: { method: string; route: string; status: number; ms: number }) => void;
}

export interface Platform {
  app: PlatformApp;
  db: PlatformDb;
  dialect: PlatformDialect;
  /** Starts listening on 127.0.0.1; port 0 picks a free one. Returns the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const defaultLimits: RateLimits = {
  loginAttempts: 10,
  loginWindowMs: 15 * 60_000,
  passwordFailuresPerAddress: 30,
  registrations: 30,
  registrationWindowMs: 60 * 60_000,
};

/** The PostgreSQL address, or the SQLite file in `dataDir` (the folder made if missing). */
function databaseLocation(options: PlatformOptions): string {
  if (options.databaseUrl) return options.databaseUrl;
  if (!options.dataDir) throw new Error('createPlatform : dataDir ou databaseUrl est obligatoire');
  mkdirSync(options.dataDir, { recursive: true });
  return path.join(options.dataDir, 'platform.sqlite');
}

/** The reference implementation of the regional platform's REST API (DESIGN.md §5). */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const pokes = inProcessPokeBus();
  const db = await openPlatformDatabase(databaseLocation(options), {
    onFeedPoke: (payload) => {
      const poke = decodePoke(payload);
      if (poke) pokes.publish(poke);
    },
  });
  const nafLabels = new Map(nafSubclasses().map((n) => [n.code, n.label]));
  const clock = options.clock ?? (() => new Date());
  await seedDirectory(db);
  if (options.seed) await seed(db, options.seed, nafLabels, clock());
  // Offers whose date passed while the platform was stopped go first.
  await archiveExpiredOffers(db, clock());

  const ctx: PlatformContext = {
    db,
    nafLabels,
    tokens: new TokenService(db, await loadSigningKey(db), {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900,
    }),
    limits: { ...defaultLimits, ...options.limits },
    rateLimits: new RateLimitStore(db, clock),
    clock,
    live: { bus: pokes, streams: new Set(), heartbeatMs: options.streamHeartbeatMs ?? STREAM_HEARTBEAT_MS },
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1_048_576,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  acceptEmptyBodies(app);
  const observe = options.observe;
  if (observe) {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? request.url;
      observe({ method: request.method, route, status: reply.statusCode, ms: reply.elapsedTime });
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Plateforme régionale de l’apprentissage — API',
        description:
          'Implémentation de référence de l’API REST de la plateforme (DESIGN.md §5). Erreurs : application/problem+json (RFC 9457).',
        version: '1.0.0',
      },
      servers: [{ url: API_BASE }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      const routes = api as unknown as PlatformApp;
      await healthRoutes(routes);
      await referentialsRoutes(routes);
      await authRoutes(routes, ctx);
      await meRoutes(routes, ctx);
      await personalDataRoutes(routes, ctx);
      await companiesRoutes(routes, ctx);
      await structureRoutes(routes, ctx);
      await joinRequestRoutes(routes, ctx);
      await membersRoutes(routes, ctx);
      await observationHostsRoutes(routes, ctx);
      await employersRoutes(routes, ctx);
      await offersRoutes(routes, ctx);
      await applicationsRoutes(routes, ctx);
      await profilesRoutes(routes, ctx);
      await favoritesRoutes(routes, ctx);
      await alertsRoutes(routes, ctx);
      await candidatesRoutes(routes, ctx);
      await candidateRoutes(routes, ctx);
      await syncRoutes(routes, ctx);
      await syncPushRoutes(routes, ctx);
      await syncSnapshotRoutes(routes, ctx);
      await syncStreamRoutes(routes, ctx);
      routes.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: API_BASE },
  );
  await app.ready();
  const archiving = scheduleArchiving(db, clock, (error) => app.log.error(error));
  // On PostgreSQL the pokes of every instance come through NOTIFY (SQLite's come from the connection).
  const listener = options.databaseUrl
    ? await listenForPokes(options.databaseUrl, pokes, {
        // Pokes of the gap may be lost: the desktops reconnect with their cursor and are poked if behind.
        onGap: () => ctx.live.streams.forEach((stream) => stream.end()),
        onError: (error) => app.log.warn(error),
      })
    : null;

  return {
    app,
    db,
    dialect: dialectOf(db),
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('adresse d’écoute inattendue');
      return `http://${host}:${address.port}`;
    },
    async close() {
      await archiving.stop();
      await app.close();
      await listener?.close();
      await db.destroy();
    },
  };
}
