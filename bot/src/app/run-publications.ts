/**
 * The publishing job: takes published minutes out of Arbetsrum step by step — the Word document
 * into the group's SharePoint library, one mail per batch of recipients, the announcement in
 * Teams — recording each step as it completes. A crash, a restart or a throttled Graph in the
 * middle resumes at the first step not recorded; a mail batch that may have gone out is looked up
 * in Sent Items before it is sent again, and the announcement goes through the delivery keys.
 */
import {
  describeFailure,
  retryDelayMs,
  SENT_ITEMS_LAG_MS,
  stockholmDay,
  type Publication,
  type PublicationMailBatch,
} from '../domain/publication';
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
/** Larger documents go by link only: a sendMail request carries at most about 4 MB, and base64 adds a third. */
export const ATTACH_MAX_BYTES = 2.5 * 1024 * 1024;
export const MINUTES_PUBLISHED = 'minutes-published';

export type PublishingDeps = Omit<SendToGroupDeps, 'mailer'> & {
  documents: DocumentStore;
  renderer: DocumentRenderer;
  minutesMailer: MinutesMailer;
  pacer: Pacer;
  /** Default PUBLICATION_LEASE_MS; tests of crashes use a short one. */
  leaseMs?: number;
};

/** Runs due publications, taking one at a time so no lease waits unused; answers how many it ran. */
export async function runDuePublications(deps: PublishingDeps, limit = 5): Promise<number> {
  let ran = 0;
  for (; ran < limit; ran += 1) {
    const held = leaseEnd(deps);
    const [due] = await deps.repositories.publications.leaseDue(deps.clock.now(), held, 1);
    if (!due) break;
    await runPublication(deps, due, held);
  }
  return ran;
}

const leaseEnd = (deps: PublishingDeps) => new Date(deps.clock.now().getTime() + (deps.leaseMs ?? PUBLICATION_LEASE_MS));

/** Another instance took the publication over (this run's lease ran out): stop without writing. */
class LeaseLost extends Error {}

/** The run's hold on its publication: every write checks it and renews it. */
function holdOn(deps: PublishingDeps, first: Date) {
  let held = first;
  const repos = deps.repositories;
  return {
    async save(publication: Publication, release = false): Promise<void> {
      const renewTo = release ? null : leaseEnd(deps);
      if (!(await repos.publications.save(publication, { held, renewTo }))) throw new LeaseLost();
      if (renewTo) held = renewTo;
    },
    async saveBatch(publication: Publication, batch: PublicationMailBatch): Promise<void> {
      if (!(await repos.publications.saveMailBatch(publication.tenantId, publication.meetingId, publication.version, batch, held))) {
        throw new LeaseLost();
      }
    },
  };
}

type Hold = ReturnType<typeof holdOn>;

async function runPublication(deps: PublishingDeps, leased: Publication, held: Date): Promise<void> {
  const repos = deps.repositories;
  const hold = holdOn(deps, held);
  let publication = leased;
  const context = { meetingId: leased.meetingId, version: leased.version };
  try {
    const group = await repos.groups.find(leased.tenantId, leased.groupId);
    const meeting = await repos.meetings.find(leased.tenantId, leased.meetingId);
    const view = group && meeting ? await buildMinutesDocument(repos, group, meeting, leased.version) : null;
    if (!group || !meeting || !view) throw new Error('The published minutes could not be read');
    let rendered: Uint8Array | null = null;
    const render = async () => (rendered ??= await deps.renderer.minutes(view));
    // Without the team's Microsoft 365 group there is no library yet: mail and cards go out
    // regardless, and the document follows once the group is known.
    if (!publication.documentStoredAt && group.m365GroupId) {
      const stored = await deps.documents.put(group.m365GroupId, publication.documentPath, await render(), {
        MeetingDate: stockholmDay(meeting.startsAt),
        Version: publication.version,
      });
      publication = { ...publication, documentUrl: stored.webUrl, documentStoredAt: deps.clock.now() };
      await hold.save(publication);
    }
    if (!publication.mailedAt) {
      for (const batch of await repos.publications.listMailBatches(leased.tenantId, leased.meetingId, leased.version)) {
        if (batch.state !== 'sent') await sendBatch(deps, hold, publication, batch, view, render);
      }
      publication = { ...publication, mailedAt: deps.clock.now() };
      await hold.save(publication);
    }
    if (!publication.announcedAt) {
      const announced = await announce(deps, publication, group, meeting, view);
      if (!announced) throw new Error('The announcement is still being sent by another run');
      publication = { ...publication, announcedAt: deps.clock.now() };
      await hold.save(publication);
    }
    if (!publication.documentStoredAt) {
      throw new Error(NO_M365_GROUP);
    }
    publication = { ...publication, completedAt: deps.clock.now(), lastError: null };
    await hold.save(publication, true);
    deps.logger.info({ ...context, attempts: publication.attempts + 1 }, 'minutes publication completed');
  } catch (error) {
    if (error instanceof LeaseLost) {
      deps.logger.warn(context, 'minutes publication taken over by another run; this one stops');
      return;
    }
    const attempts = publication.attempts + 1;
    const lastError = describeFailure(error);
    const nextAttemptAt = new Date(deps.clock.now().getTime() + retryDelayMs(attempts));
    await hold.save({ ...publication, attempts, lastError, nextAttemptAt }, true).catch(() => undefined);
    deps.logger.warn({ ...context, attempts, error: lastError, nextAttemptAt }, 'minutes publication failed; will retry');
  }
}

const NO_M365_GROUP = "The group has no Microsoft 365 group yet, so the document waits: install Arbetsrum in the group's team in Teams";

async function sendBatch(
  deps: PublishingDeps,
  hold: Hold,
  publication: Publication,
  batch: PublicationMailBatch,
  view: MinutesDocumentView,
  render: () => Promise<Uint8Array>,
): Promise<void> {
  const now = deps.clock.now();
  // "sending" was written before an earlier call that may have reached Graph: ask before sending again.
  if (batch.state === 'sending') {
    if (await deps.minutesMailer.wasSent(batch.marker)) {
      await hold.saveBatch(publication, { ...batch, state: 'sent', sentAt: now });
      return;
    }
    // Not in Sent Items yet, but it may be on its way there: wait rather than send twice.
    if (batch.sendingAt && now.getTime() - batch.sendingAt.getTime() < SENT_ITEMS_LAG_MS) {
      throw new Error('A mail batch may have gone out moments ago; waiting for Sent Items before deciding');
    }
  }
  await hold.saveBatch(publication, { ...batch, state: 'sending', sendingAt: now });
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
  await hold.saveBatch(publication, { ...batch, state: 'sent', sendingAt: now, sentAt: deps.clock.now() });
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
