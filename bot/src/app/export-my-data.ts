/**
 * A person's right of access (GDPR art. 15): everything Arbetsrum keeps about the caller, as
 * JSON they can download from the tab. Only their own records; asking is noted in the audit log.
 */
import { AppError } from './errors';
import type { Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { PersonalDataSections } from './ports/personal-data';
import type { Repositories } from './ports/repositories';

export interface PersonalDataExport {
  exportedAt: string;
  /** What the file is, for whoever opens it later. */
  about: string;
  sections: PersonalDataSections;
}

export async function exportMyData(deps: { repositories: Repositories; clock: Clock }, actor: Actor): Promise<PersonalDataExport> {
  const repos = deps.repositories;
  const person = await repos.people.find(actor.tenantId, actor.personId);
  if (!person) throw new AppError('forbidden', 'Not known to Arbetsrum');
  const now = deps.clock.now();
  const sections = await repos.personalData.collect(actor.tenantId, actor.personId);
  await repos.audit.record({
    tenantId: actor.tenantId,
    groupId: null,
    actorPersonId: actor.personId,
    action: 'personal-data.exported',
    subject: `person:${actor.personId}`,
    at: now,
    detail: {},
  });
  return {
    exportedAt: now.toISOString(),
    about:
      'Personuppgifter som Arbetsrum har om dig: grupper, förslag, svar, åtgärder, kommentarer och ändringar du gjort. ' +
      'Publicerade minnesanteckningar är allmänna handlingar och finns i gruppens arbetsrum.',
    sections,
  };
}
