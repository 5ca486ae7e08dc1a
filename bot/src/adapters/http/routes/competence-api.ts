/**
 * *Kompetensutveckling* in the tab's API: a year's ledger and plan with the suggestions and their
 * votes (every member), adding and changing activities (strategists), suggesting an activity and
 * voting for one (every member), and planning a suggestion (strategists). Bodies are checked here
 * for shape and size; the use cases check who may do what and the rules (https links, counts
 * per organisation of the group, a held activity not in the future).
 */
import type { Server } from 'restify';
import { z } from 'zod';
import type { CompetencePlan } from '../../../app/get-competence-plan';
import type { ActivityView, SuggestionView } from '../../../app/competence-view';
import type { Logger } from '../../../app/ports/logger';
import type { SaveActivityInput, SaveActivityResult } from '../../../app/save-competence-activity';
import type { SuggestInput, SuggestResult } from '../../../app/suggest-competence-activity';
import { COMPETENCE_LIMITS, type CompetenceFieldError } from '../../../domain/competence';
import type { Authenticator } from '../authenticator';
import type { SessionIdentity } from '../dev-token';
import { authedRoute } from './authed-route';
import { idParam, plainText } from './tab-api';

export interface CompetenceApiUseCases {
  getCompetencePlan(input: SessionIdentity & { groupId: string; year?: number }): Promise<CompetencePlan>;
  saveCompetenceActivity(input: SaveActivityInput): Promise<SaveActivityResult>;
  suggestCompetenceActivity(input: SuggestInput): Promise<SuggestResult>;
  voteCompetenceSuggestion(
    input: SessionIdentity & { suggestionId: string; voted: boolean; groupId?: string | null },
  ): Promise<SuggestionView>;
  planCompetenceSuggestion(input: SessionIdentity & { groupId: string; suggestionId: string; date: string }): Promise<ActivityView>;
}

const L = COMPETENCE_LIMITS;
const yearQuery = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'ett år som 2026')
      .transform(Number)
      .pipe(z.number().int().min(2000).max(2100))
      .optional(),
  })
  .strict();
// The use case says which day is no day (2026-02-30); here only the shape.
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ett datum som 2026-10-14');
// Generous outer limits: the domain gives the per-field answer below them.
const activityBody = z
  .object({
    kind: z.string().max(40),
    status: z.string().max(20),
    date,
    title: plainText(L.titleMax * 2),
    description: plainText(L.descriptionMax * 2).default(''),
    organiserOrganisationId: idParam.nullable().default(null),
    organiser: plainText(L.organiserMax * 2).default(''),
    participants: z
      .array(z.object({ organisationId: idParam, count: z.number().int().min(-1_000_000).max(1_000_000) }).strict())
      .max(L.participantRowsMax * 2)
      .default([]),
    links: z
      .array(z.object({ url: plainText(L.linkMax * 2), label: plainText(L.linkLabelMax * 2).default('') }).strict())
      .max(L.linksMax * 2)
      .default([]),
    learned: plainText(L.learnedMax * 2).default(''),
    actionIds: z
      .array(idParam)
      .max(L.actionsMax * 2)
      .default([]),
  })
  .strict();
const editBody = activityBody.extend({ revision: z.number().int().min(1).max(1_000_000_000) }).strict();
const suggestBody = z
  .object({
    submissionKey: idParam,
    kind: z.string().max(40),
    title: plainText(L.titleMax * 2),
    description: plainText(L.descriptionMax * 2).default(''),
    link: plainText(L.linkMax * 2).default(''),
  })
  .strict();
const voteBody = z.object({ voted: z.boolean() }).strict();
const planBody = z.object({ date }).strict();

export function registerCompetenceApi(
  server: Server,
  deps: { authenticator: Authenticator; useCases: CompetenceApiUseCases; logger: Logger },
): void {
  const authed = authedRoute(deps);
  const refuseInvalid = (res: Parameters<Parameters<typeof authed>[0]>[1], code: string, errors: Record<string, CompetenceFieldError>) => {
    // What to correct in words, and the fields and what is wrong with each for a form to show.
    res.status(422);
    res.json({ code, message: explainInvalid(errors), errors });
  };

  server.get(
    '/api/groups/:groupId/competence',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { year } = yearQuery.parse(req.query ?? {});
      res.json(await deps.useCases.getCompetencePlan({ ...who, groupId, ...(year ? { year } : {}) }));
    }),
  );

  server.post(
    '/api/groups/:groupId/competence/activities',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const draft = activityBody.parse(req.body ?? {});
      const result = await deps.useCases.saveCompetenceActivity({ ...who, groupId, activityId: null, draft });
      if (result.kind === 'invalid') return refuseInvalid(res, 'invalid_activity', result.errors);
      res.status(201);
      res.json({ activity: result.activity });
    }),
  );

  server.put(
    '/api/groups/:groupId/competence/activities/:activityId',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const activityId = idParam.parse(req.params.activityId);
      const { revision, ...draft } = editBody.parse(req.body ?? {});
      const result = await deps.useCases.saveCompetenceActivity({ ...who, groupId, activityId, expectedRevision: revision, draft });
      if (result.kind === 'invalid') return refuseInvalid(res, 'invalid_activity', result.errors);
      res.json({ activity: result.activity });
    }),
  );

  server.post(
    '/api/groups/:groupId/competence/suggestions',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const { submissionKey, ...draft } = suggestBody.parse(req.body ?? {});
      const result = await deps.useCases.suggestCompetenceActivity({ ...who, groupId, submissionKey, draft });
      if (result.kind === 'invalid') return refuseInvalid(res, 'invalid_suggestion', result.form.errors);
      res.status(result.created ? 201 : 200);
      res.json({ suggestion: result.suggestion });
    }),
  );

  server.put(
    '/api/groups/:groupId/competence/suggestions/:suggestionId/vote',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const suggestionId = idParam.parse(req.params.suggestionId);
      const { voted } = voteBody.parse(req.body ?? {});
      res.json({ suggestion: await deps.useCases.voteCompetenceSuggestion({ ...who, groupId, suggestionId, voted }) });
    }),
  );

  server.post(
    '/api/groups/:groupId/competence/suggestions/:suggestionId/plan',
    authed(async (req, res, who) => {
      const groupId = idParam.parse(req.params.groupId);
      const suggestionId = idParam.parse(req.params.suggestionId);
      const { date: on } = planBody.parse(req.body ?? {});
      res.status(201);
      res.json({ activity: await deps.useCases.planCompetenceSuggestion({ ...who, groupId, suggestionId, date: on }) });
    }),
  );
}

const FIELD_NAMES: Record<string, string> = {
  kind: 'Typ',
  status: 'Status',
  date: 'Datum',
  title: 'Rubrik',
  description: 'Beskrivning',
  organiser: 'Arrangör',
  participants: 'Deltagare',
  links: 'Länkar',
  link: 'Länk',
  learned: 'Vad vi lärde oss',
  actionIds: 'Åtgärder',
};
const ERROR_WORDS: Record<CompetenceFieldError, string> = {
  required: 'fyll i det',
  'too-long': 'texten är för lång',
  'too-many': 'för många',
  'unknown-choice': 'välj något som hör till gruppen',
  'not-https': 'en länk måste börja med https://',
  'invalid-date': 'skriv ett datum som 2026-10-14',
  'held-in-future': 'en genomförd aktivitet kan inte ligga efter i dag',
  'not-held': 'deltagare förs in när aktiviteten är genomförd',
  'bad-count': 'antalet ska vara ett heltal från 1 till 1 000',
  duplicate: 'varje organisation får stå en gång',
};

/** "Rätta detta: Länkar – en länk måste börja med https://." */
function explainInvalid(errors: Record<string, CompetenceFieldError>): string {
  const parts = Object.entries(errors).map(([field, error]) => `${FIELD_NAMES[field] ?? field} – ${ERROR_WORDS[error]}`);
  return `Rätta detta: ${parts.join('; ')}.`;
}
