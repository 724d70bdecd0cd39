import { healthSchema } from '../../shared/api/auth';
import type { PlatformApp } from '../context';

export async function healthRoutes(app: PlatformApp): Promise<void> {
  app.get(
    '/health',
    { schema: { tags: ['Plateforme'], summary: 'La plateforme répond', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const, time: new Date().toISOString() }),
  );
}
