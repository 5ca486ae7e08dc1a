/**
 * *Rapporter*: the figures of a report for a period, to the environment committee (`utskott`) or to
 * SDL (`sdl`). Strategists of the group only: a report shows every organisation's attendance.
 */
import type { ReportAudience } from '../domain/report';
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { loadReportView, reportPeriod, type ReportView } from './report-view';

export async function getReport(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string; from: string; to: string; audience: ReportAudience },
): Promise<ReportView> {
  const member = await findMember(deps.repositories, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists make reports');
  const period = reportPeriod(input.from, input.to);
  return loadReportView(deps.repositories, member.group, { period, audience: input.audience, now: deps.clock.now() });
}
