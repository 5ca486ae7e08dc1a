/**
 * Reads a group's seed data from a JSON file and checks it fully before anything is written:
 * a typo in a seed must fail at start with the field named, never as half a group.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_STANDING_ITEMS } from '../../domain/standing-items';
import type { GroupSeed } from '../../app/seed-demo-group';
import { DomainError } from '../../domain/errors';
import { GOAL_FRAMEWORKS } from '../../domain/goal';
import { ROLES } from '../../domain/membership';
import { ORGANISATION_KINDS } from '../../domain/organisation';

const text = (max: number) => z.string().trim().min(1).max(max);

const seedSchema = z
  .object({
    tenant: z.object({ id: text(64), name: text(200) }),
    group: z.object({
      name: text(200),
      description: z.string().max(2000),
      // As Teams names a team (channelData.team.id), decoded: what "Get link to team" shows
      // URL-encoded (19%3a…%40thread.tacv2) would never match, and the group would stay unfound.
      teamId: text(200)
        .regex(/^19:[^\s%]+@thread\.[a-z0-9]+$/, 'a team id as Teams gives it: 19:…@thread.tacv2, decoded (no %3a or %40)')
        .nullable(),
      m365GroupId: z.uuid().nullable().optional(),
      settings: z.object({
        proposalDeadlineDays: z.number().int().min(0).max(60),
        callForProposalsDays: z.number().int().min(1).max(120),
        meetingMinutes: z.number().int().min(15).max(480),
        committeeName: text(200),
        standingItems: z
          .array(z.object({ title: text(200), minutes: z.number().int().min(1).max(480), placement: z.enum(['opening', 'closing']) }))
          .max(20)
          .default([...DEFAULT_STANDING_ITEMS]),
        accessibilityContact: z.email().max(320).optional(),
        minutesMailTo: z.array(z.email().max(320)).max(50).optional(),
      }),
    }),
    organisations: z.array(z.object({ key: text(40), name: text(200), kind: z.enum(ORGANISATION_KINDS) })).max(200),
    people: z
      .array(
        z.object({
          name: text(200),
          email: z.email().max(320),
          aadObjectId: z.uuid().nullable(),
          organisation: text(40).nullable(),
          role: z.enum(ROLES),
        }),
      )
      .max(1000),
    goals: z.array(z.object({ framework: z.enum(GOAL_FRAMEWORKS), number: z.number().int().min(1).max(99), name: text(200) })).max(200),
    meetings: z.object({
      pattern: z.object({
        count: z.number().int().min(1).max(12),
        weekday: z.number().int().min(1).max(7),
        occurrence: z.number().int().min(1).max(5),
        startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        months: z.array(z.number().int().min(1).max(12)).optional(),
        skipMonths: z.array(z.number().int().min(1).max(12)).optional(),
      }),
      place: text(300),
      // Shown as a link in the tab and in cards: https only, as the tab's own form requires.
      onlineUrl: z
        .url({ protocol: /^https$/ })
        .max(2000)
        .nullable(),
      titlePrefix: text(60),
    }),
  })
  .superRefine((seed, ctx) => {
    const keys = new Set(seed.organisations.map((o) => o.key));
    seed.people.forEach((p, i) => {
      if (p.organisation && !keys.has(p.organisation)) {
        ctx.addIssue({ code: 'custom', path: ['people', i, 'organisation'], message: `unknown organisation key "${p.organisation}"` });
      }
    });
    if (seed.people.filter((p) => p.role === 'strategist').length !== 2) {
      ctx.addIssue({ code: 'custom', path: ['people'], message: 'a group needs exactly two strategists (they alternate as chair)' });
    }
  });

export function parseGroupSeed(json: unknown): GroupSeed {
  const parsed = seedSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DomainError('seed.invalid', `Invalid group file: ${problems}`);
  }
  return parsed.data;
}

export async function readGroupSeed(file: string): Promise<GroupSeed> {
  return parseGroupSeed(JSON.parse(await readFile(file, 'utf8')) as unknown);
}
