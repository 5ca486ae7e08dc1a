/**
 * *Rapporter* in the tab's API: a report's figures for a period and audience
 * (`GET /api/groups/:groupId/report?from=YYYY-MM-DD&to=YYYY-MM-DD&audience=utskott|sdl`), and the
 * report as a Word document stored in the group's library and optionally mailed
 * (`POST /api/groups/:groupId/reports`). Strategists only: the use cases refuse everyone else.
 */
import type { Server } from 'restify';
import { z } from 'zod';
import { REPORT_ADDRESSES_MAX, type ReportDocumentResult } from '../../../app/create-report-document';
import type { Logger } from '../../../app/ports/logger';
import type { ReportView } from '../../../app/report-view';
import { REPORT_AUDIENCES, type ReportAudience } from '../../../domain/report';
import { ISO_DATE } from '../../../domain/report-period';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam } from './tab-api';

type ReportInput = SessionIdentity & { groupId: string; from: string; to: string; audience: ReportAudience };

export interface ReportApiUseCases {
  getReport(input: ReportInput): Promise<ReportView>;
  createReportDocument(input: ReportInput & { mail: { group: boolean; addresses: readonly string[] } }): Promise<ReportDocumentResult>;
}

const date = z.string().regex(ISO_DATE, 'a date like 2026-01-31');
const audience = z.enum(REPORT_AUDIENCES as [ReportAudience, ...ReportAudience[]]);

const reportQuery = z.object({ from: date, to: date, audience: audience.optional() }).strict();

const reportBody = z
  .object({
    from: date,
    to: date,
    audience,
    mail: z
      .object({
        group: z.boolean(),
        addresses: z.array(z.email().max(254)).max(REPORT_ADDRESSES_MAX),
      })
      .strict()
      .optional(),
  })
  .strict();

export function registerReportApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: ReportApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);

  server.get(
    '/api/groups/:groupId/report',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const query = reportQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getReport({ ...who, groupId, from: query.from, to: query.to, audience: query.audience ?? 'utskott' }));
    }),
  );

  server.post(
    '/api/groups/:groupId/reports',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const body = reportBody.parse(req.body ?? {});
      const result = await deps.useCases.createReportDocument({
        ...who,
        groupId,
        from: body.from,
        to: body.to,
        audience: body.audience,
        mail: body.mail ?? { group: false, addresses: [] },
      });
      res.status(201);
      res.json(result);
    }),
  );
}
