/** `GET /healthz`: 200 while the database answers, 503 when it does not (App Service's probe). */
import type { Server } from 'restify';

export type HealthCheck = () => Promise<{ database: 'up' | 'down' }>;

export function registerHealth(server: Server, check: HealthCheck): void {
  server.get('/healthz', async (_req, res) => {
    const state = await check().catch(() => ({ database: 'down' as const }));
    res.header('Cache-Control', 'no-store');
    res.status(state.database === 'up' ? 200 : 503);
    res.json({ status: state.database === 'up' ? 'ok' : 'unavailable', database: state.database });
  });
}
