/**
 * The one HTTP server: the bot endpoint, the tab's API, the tab's files and the health probe.
 * It knows routes, limits and headers; what happens behind a route is a use case's business.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../../app/ports/logger';
import type { Authenticator } from './authenticator';
import type { DevTokens } from './dev-token';
import { sendError } from './http-errors';
import { registerActionsApi, type ActionsApiUseCases } from './routes/actions-api';
import { registerAgendaApi, type AgendaApiUseCases } from './routes/agenda-api';
import { registerAuditApi, type AuditApiUseCases } from './routes/audit-api';
import { registerReportApi, type ReportApiUseCases } from './routes/report-api';
import { registerRepresentationApi, type RepresentationApiUseCases } from './routes/representation-api';
import { registerCompetenceApi, type CompetenceApiUseCases } from './routes/competence-api';
import { registerSearchApi, type SearchApiUseCases } from './routes/search-api';
import { registerDevSignIn } from './routes/dev-sign-in';
import { registerHealth, type HealthCheck } from './routes/health';
import { registerDeliveryApi, type DeliveryApiUseCases } from './routes/delivery-api';
import { registerGoalsApi, type GoalsApiUseCases } from './routes/goals-api';
import { registerMembersApi, type MembersApiUseCases } from './routes/members-api';
import { registerMinutesApi, type MinutesApiUseCases } from './routes/minutes-api';
import { registerPlanApi, type PlanApiUseCases } from './routes/plan-api';
import { registerPrivacyApi, type PrivacyApiUseCases } from './routes/privacy-api';
import { registerProposalApi, type ProposalApiUseCases } from './routes/proposal-api';
import { registerTabApi, type TabApiUseCases } from './routes/tab-api';
import { registerTabStatic } from './routes/tab-static';
import { registerTipsApi, type TipsApiUseCases } from './routes/tips-api';
import { registerSubGroupApi, type SubGroupApiUseCases } from './routes/sub-group-api';
import { securityHeaders } from './security-headers';
import { writeRateLimit, type WriteRateLimit } from './write-rate-limit';
import type { SignInPerson } from '../../app/list-sign-in-people';

/** What the Teams adapter hands us: it reads the activity from the request and answers it. */
export type BotRequestHandler = (req: Request, res: Response) => Promise<void>;

export interface HttpServerDeps {
  mode: 'local' | 'production';
  logger: Logger;
  handleBotRequest: BotRequestHandler;
  health: HealthCheck;
  tabDir: string;
  authenticator: Authenticator;
  tabApi: TabApiUseCases &
    ProposalApiUseCases &
    DeliveryApiUseCases &
    AgendaApiUseCases &
    MembersApiUseCases &
    PlanApiUseCases &
    MinutesApiUseCases &
    PrivacyApiUseCases &
    TipsApiUseCases &
    AuditApiUseCases &
    ReportApiUseCases &
    RepresentationApiUseCases &
    CompetenceApiUseCases &
    SearchApiUseCases &
    GoalsApiUseCases &
    ActionsApiUseCases &
    SubGroupApiUseCases;
  /** Writes per person to the tab API; default DEFAULT_WRITE_RATE_LIMIT. */
  writeRateLimit?: WriteRateLimit;
  /** Local mode only. */
  devSignIn?: { tenantId: string; tokens: DevTokens; listPeople: () => Promise<SignInPerson[]> };
}

/** Bot activities and API bodies are small; a card with a long description is far below this. */
const MAX_BODY_BYTES = 256 * 1024;

/** Far above what a strategist clicking through the agenda does, far below a flood. */
export const DEFAULT_WRITE_RATE_LIMIT: WriteRateLimit = { perMinute: 120, burst: 60 };

export function createHttpServer(deps: HttpServerDeps): Server {
  const server = restify.createServer({ name: 'arbetsrum', handleUncaughtExceptions: false });
  server.pre(securityHeaders({ hsts: deps.mode === 'production' }));
  // Before the body is read: a refused flood costs no parsing.
  server.use(writeRateLimit(deps.writeRateLimit ?? DEFAULT_WRITE_RATE_LIMIT, deps.authenticator));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    try {
      await deps.handleBotRequest(req, res);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
  registerHealth(server, deps.health);
  registerTabApi(server, {
    mode: deps.mode,
    authenticator: deps.authenticator,
    useCases: deps.tabApi,
    logger: deps.logger,
  });
  registerProposalApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerDeliveryApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerAgendaApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerMembersApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerPlanApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerMinutesApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerPrivacyApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerAuditApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerReportApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerRepresentationApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerCompetenceApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerSearchApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerGoalsApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerActionsApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerTipsApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  registerSubGroupApi(server, { authenticator: deps.authenticator, useCases: deps.tabApi, logger: deps.logger });
  if (deps.devSignIn) registerDevSignIn(server, { ...deps.devSignIn, logger: deps.logger });
  registerTabStatic(server, deps.tabDir);

  server.on(
    'restifyError',
    (req: Request, _res: Response, error: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
      // restify's own errors (404, 405, 413, bad JSON) leave in our `{ code, message }` shape,
      // without stack traces; restify sends the error after this hook.
      const status = error.statusCode ?? 500;
      if (status >= 500) deps.logger.error({ route: req.getRoute()?.path, status }, 'request failed');
      const code = error.name.replace(/Error$/, '') || 'Error';
      const message = status >= 500 ? 'Internal error' : error.message;
      error.toJSON = () => ({ code, message });
      callback();
    },
  );
  return server;
}

/** Listen, and resolve once the port is bound. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

/** Stop taking new requests, let those in flight finish, then resolve. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
