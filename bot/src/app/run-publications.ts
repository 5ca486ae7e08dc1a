/**
 * The publishing job: takes published minutes out of Arbetsrum step by step — the Word document
 * into the group's SharePoint library, one mail per batch of recipients, the announcement in
 * Teams — recording each step as it completes. A crash, a restart or a throttled Graph in the
 * middle resumes at the first step not recorded; a mail batch that may have gone out is looked up
 * in Sent Items before it is sent again, and the announcement goes through the delivery keys.
 */
import { describeFailure, retryDelayMs, stockholmDay, type Publication, type PublicationMailBatch } from '../domain/publication';
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import { buildMinutesDocument } from './build-minutes-document';
import type { Pacer } from './fan-out';
import type { MinutesDocumentView } from './minutes-document-view';
import type { DocumentRenderer, DocumentStore, MinutesMailer } from './ports/publishing';
import { sendToGroup, type SendToGroupDeps } from './send-to-group';

/**
 * A run holds its publication this long, renewed at every step; a run that crashed is picked up
 * again once it runs out. Longer than any one step (a 2 000-person announcement takes about a
 * minute at Teams' pace), or a second instance could start the same step.
 */
export const PUBLICATION_LEASE_MS = 3 * 60_000;
/** Larger documents go by link only: a sendMail request carries at most about 4 MB. */
export const ATTACH_MAX_BYTES = 3 * 1024 * 1024;
export const MINUTES_PUBLISHED = 'minutes-published';

export type PublishingDeps = Omit<SendToGroupDeps, 'mailer'> & {
  documents: DocumentStore;
  renderer: DocumentRenderer;
  minutesMailer: MinutesMailer;
  pacer: Pacer;
  /** Default PUBLICATION_LEASE_MS; tests of crashes use a short one. */
  leaseMs?: number;
};

/** Runs every due publication once; answers how many it ran. */
export async function runDuePublications(deps: PublishingDeps, limit = 5): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.repositories.publications.leaseDue(now, leaseEnd(deps), limit);
  for (const publication of due) await runPublication(deps, publication);
  return due.length;
}

const leaseEnd = (deps: PublishingDeps) => new Date(deps.clock.now().getTime() + (deps.leaseMs ?? PUBLICATION_LEASE_MS));

async function runPublication(deps: PublishingDeps, leased: Publication): Promise<void> {
  const repos = deps.repositories;
  let publication = leased;
  const context = { meetingId: leased.meetingId, version: leased.version };
  try {
    const group = await repos.groups.find(leased.tenantId, leased.groupId);
    const meeting = await repos.meetings.find(leased.tenantId, leased.meetingId);
    const view = group && meeting ? await buildMinutesDocument(repos, group, meeting, leased.version) : null;
    if (!group || !meeting || !view) throw new Error('The published minutes could not be read');
    if (!group.m365GroupId) {
      throw new Error("The group has no Microsoft 365 group yet: install Arbetsrum in the group's team in Teams");
    }
    let rendered: Uint8Array | null = null;
    const render = async () => (rendered ??= await deps.renderer.minutes(view));
    if (!publication.documentStoredAt) {
      const stored = await deps.documents.put(group.m365GroupId, publication.documentPath, await render(), {
        MeetingDate: stockholmDay(meeting.startsAt),
        Version: publication.version,
      });
      publication = { ...publication, documentUrl: stored.webUrl, documentStoredAt: deps.clock.now() };
      await repos.publications.save(publication, { leaseUntil: leaseEnd(deps) });
    }
    if (!publication.mailedAt) {
      for (const batch of await repos.publications.listMailBatches(leased.tenantId, leased.meetingId, leased.version)) {
        if (batch.state !== 'sent') await sendBatch(deps, publication, batch, view, render);
      }
      publication = { ...publication, mailedAt: deps.clock.now() };
      await repos.publications.save(publication, { leaseUntil: leaseEnd(deps) });
    }
    if (!publication.announcedAt) {
      await repos.publications.save(publication, { leaseUntil: leaseEnd(deps) });
      const announced = await announce(deps, publication, group, meeting, view);
      if (!announced) throw new Error('The announcement is still being sent by another run');
      publication = { ...publication, announcedAt: deps.clock.now() };
    }
    publication = { ...publication, completedAt: deps.clock.now(), lastError: null };
    await repos.publications.save(publication);
    deps.logger.info({ ...context, attempts: publication.attempts + 1 }, 'minutes publication completed');
  } catch (error) {
    const attempts = publication.attempts + 1;
    const lastError = describeFailure(error);
    const nextAttemptAt = new Date(deps.clock.now().getTime() + retryDelayMs(attempts));
    await repos.publications.save({ ...publication, attempts, lastError, nextAttemptAt });
    deps.logger.warn({ ...context, attempts, error: lastError, nextAttemptAt }, 'minutes publication failed; will retry');
  }
}

async function sendBatch(
  deps: PublishingDeps,
  publication: Publication,
  batch: PublicationMailBatch,
  view: MinutesDocumentView,
  render: () => Promise<Uint8Array>,
): Promise<void> {
  const repos = deps.repositories;
  const save = (b: PublicationMailBatch) =>
    repos.publications.saveMailBatch(publication.tenantId, publication.meetingId, publication.version, b);
  await repos.publications.save(publication, { leaseUntil: leaseEnd(deps) });
  // "sending" was written before an earlier call that may have reached Graph: ask before sending again.
  if (batch.state === 'sending' && (await deps.minutesMailer.wasSent(batch.marker))) {
    await save({ ...batch, state: 'sent', sentAt: deps.clock.now() });
    return;
  }
  await save({ ...batch, state: 'sending' });
  const content = await render();
  await deps.minutesMailer.sendMinutes({
    view,
    recipients: batch.recipients,
    documentUrl: publication.documentUrl,
    document:
      content.byteLength <= ATTACH_MAX_BYTES
        ? { name: publication.documentPath.split('/').at(-1) ?? 'minnesanteckningar.docx', content }
        : null,
    marker: batch.marker,
  });
  await save({ ...batch, state: 'sent', sentAt: deps.clock.now() });
}

/** One card per member and one in the channel, exactly once each (delivery keys); nobody is mailed again. */
async function announce(deps: PublishingDeps, publication: Publication, group: Group, meeting: Meeting, view: MinutesDocumentView) {
  const repos = deps.repositories;
  const [people, memberships] = await Promise.all([
    repos.people.listByGroup(group.tenantId, group.id),
    repos.memberships.listByGroup(group.tenantId, group.id),
  ]);
  const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
  const base = {
    kind: 'minutes-published' as const,
    groupName: group.name,
    meeting: view.meeting,
    version: publication.version,
    correctionOf: view.correctionOf,
    documentUrl: publication.documentUrl,
  };
  // Everyone was mailed the minutes already: whoever Teams cannot reach is not mailed again.
  const report = await sendToGroup({ ...deps, mailer: undefined }, deps.pacer, {
    by: 'scheduler',
    group,
    kind: MINUTES_PUBLISHED,
    subjectId: `${meeting.id}:v${publication.version}`,
    people: people.filter((p) => roleOf.has(p.id)),
    toPerson: async (person) => {
      const role = roleOf.get(person.id);
      return {
        ...base,
        audience: 'person',
        canReport: role === 'delegate' || role === 'substitute',
        reportedAt: await repos.reReports.find(group.tenantId, meeting.id, person.id),
      };
    },
    toChannel: { ...base, audience: 'channel', canReport: false, reportedAt: null },
    audit: { action: 'minutes.announced', detail: { version: publication.version } },
  });
  return report.inProgress === 0;
}
