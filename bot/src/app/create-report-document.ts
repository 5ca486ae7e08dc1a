/**
 * *Skapa rapport (.docx)*: the report for a period as a Word document with its charts, stored in
 * the group's SharePoint library under `Rapporter/<år>/`, and, when the strategist asks, mailed to
 * the group's members and/or to addresses they give (the committee's secretary, SDL's registry).
 * Strategists only. The document is stored first: a mail that fails leaves it stored, and the
 * answer says so, so the strategist can send the link some other way or try again.
 */
import type { ReportAudience } from '../domain/report';
import { reportDocumentPath } from '../domain/report-period';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { DocumentStore } from './ports/publishing';
import type { ReportMailer, ReportRenderer } from './ports/report-publishing';
import type { Repositories } from './ports/repositories';
import { loadReportView, reportPeriod } from './report-view';

/** Graph's limit for one message, To, Cc and Bcc together. */
export const REPORT_RECIPIENTS_MAX = 500;
/** Addresses typed by the strategist, besides the group. */
export const REPORT_ADDRESSES_MAX = 50;

export interface ReportDocumentDeps {
  repositories: Repositories;
  clock: Clock;
  logger: Logger;
  documents?: DocumentStore;
  reports?: { renderer: ReportRenderer; mailer: ReportMailer };
}

export interface ReportDocumentResult {
  /** The path in the library, e.g. `Rapporter/2026/2026-01-01–2026-12-31 Rapport till Miljöutskottet.docx`. */
  path: string;
  fileName: string;
  webUrl: string;
  /** 'not-asked': no mail was wanted; 'failed': the document is stored but the mail did not go. */
  mail: 'not-asked' | 'sent' | 'failed';
  recipients: number;
}

export async function createReportDocument(
  deps: ReportDocumentDeps,
  input: Actor & {
    groupId: string;
    from: string;
    to: string;
    audience: ReportAudience;
    mail: { group: boolean; addresses: readonly string[] };
  },
): Promise<ReportDocumentResult> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists make reports');
  const period = reportPeriod(input.from, input.to);
  if (input.mail.addresses.length > REPORT_ADDRESSES_MAX) throw new AppError('invalid', `mail.addresses: at most ${REPORT_ADDRESSES_MAX}`);
  const { group } = member;
  if (!deps.documents || !deps.reports || !group.m365GroupId)
    throw new AppError('conflict', 'The group has no document library to store the report in');

  const recipients = await mailRecipients(repos, group.tenantId, group.id, input.mail);
  if (recipients.length > REPORT_RECIPIENTS_MAX) throw new AppError('invalid', `mail: at most ${REPORT_RECIPIENTS_MAX} recipients`);

  const now = deps.clock.now();
  const view = await loadReportView(repos, group, { period, audience: input.audience, now });
  const content = await deps.reports.renderer.report(view);
  const path = reportDocumentPath(period, input.audience === 'sdl' ? 'SDL' : group.settings.committeeName);
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const stored = await deps.documents.put(group.m365GroupId, path, content);

  let mail: ReportDocumentResult['mail'] = 'not-asked';
  if (recipients.length > 0) {
    try {
      await deps.reports.mailer.sendReport({ view, recipients, documentUrl: stored.webUrl, document: { name: fileName, content } });
      mail = 'sent';
    } catch (error) {
      deps.logger.warn({ groupId: group.id, error: error instanceof Error ? error.message : String(error) }, 'report mail failed');
      mail = 'failed';
    }
  }
  await repos.audit.record({
    tenantId: group.tenantId,
    groupId: group.id,
    actorPersonId: input.personId,
    action: 'report.created',
    subject: `report:${period.from}..${period.to}`,
    at: now,
    detail: { audience: input.audience, from: period.from, to: period.to, recipients: mail === 'sent' ? recipients.length : 0 },
  });
  return { path, fileName, webUrl: stored.webUrl, mail, recipients: mail === 'sent' ? recipients.length : 0 };
}

/** The members with a mail address and the typed addresses, each address once (case folded). */
async function mailRecipients(
  repos: Repositories,
  tenantId: string,
  groupId: string,
  mail: { group: boolean; addresses: readonly string[] },
): Promise<{ name: string; email: string }[]> {
  const people = mail.group ? await repos.people.listByGroup(tenantId, groupId) : [];
  const byAddress = new Map<string, { name: string; email: string }>();
  for (const p of people) if (p.email) byAddress.set(p.email.toLowerCase(), { name: p.name, email: p.email });
  for (const address of mail.addresses) {
    const key = address.trim().toLowerCase();
    if (key && !byAddress.has(key)) byAddress.set(key, { name: address.trim(), email: address.trim() });
  }
  return [...byAddress.values()];
}
