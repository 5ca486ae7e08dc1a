/**
 * The baseline of issue 9's cold-start case: the smallest service the runtime can start the way
 * Arbetsrum starts (`node --import tsx` of a TypeScript file) — a restify server answering
 * GET /healthz, nothing else. Started and polled exactly as the service is, it is the floor under
 * Arbetsrum's start: Node, tsx and restify, without the database, jobs, bot or routes.
 */
import restify from 'restify';

const server = restify.createServer({ name: 'cold-start-baseline' });
server.get('/healthz', (_req, res, next) => {
  res.json({ status: 'ok' });
  next();
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
