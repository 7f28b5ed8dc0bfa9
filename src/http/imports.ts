import express, { Router, type Request, type Response } from 'express';
import { authorize } from '../auth/authorization';
import type { TokenVerifier } from '../auth/tokenVerifier';
import type { CommandOutcome } from '../commands/commandHandler';
import type { ParCommands } from '../commands/parCommands';
import { DomainError } from '../domain/errors';
import type { Actor } from '../events/envelope';
import { APPRAISAL_COLUMNS, APPRAISAL_SHEET, SELF_COLUMNS, SELF_SHEET } from '../exports/templateLayout';
import { parseAppraisalRows } from '../import/appraisalRows';
import { parseSelfAssessmentRows } from '../import/selfAssessmentRows';
import { fileProblem, refusedRow, type RowProblem } from '../import/templateCells';
import { openTemplate } from '../import/templateFile';
import type { ReadModels } from '../projections/readModels';
import { pendingLeaves } from '../projections/responsibilities/pendingLeaves';
import { verifyRequestToken } from './authenticate';
import { optionalParam, optionalYearParam } from './queryParams';
import { answerRefusal } from './refusals';
import { noteErrorCodes } from './requestLog';
import { uploadedFile } from './uploadedFile';

interface ImportDependencies {
  verifyToken: TokenVerifier;
  read: ReadModels;
  commands: ParCommands;
  /** Resolves once the read models have applied `position` (read-your-writes); rejects when they lag too long. */
  waitFor: (position: number) => Promise<void>;
}

/** Far above a filled template (a 500-leaf framework with long evidence is well under 1 MB), far below harm. */
const MAX_UPLOAD = '5mb';

// Field names of the commands' inputs → the template column holding them, to place a command's refusal.
const SELF_FIELDS = {
  criterionCode: SELF_COLUMNS.code,
  points: SELF_COLUMNS.points,
  applicable: SELF_COLUMNS.applicable,
  evidence: SELF_COLUMNS.evidence,
  explanation: SELF_COLUMNS.explanation,
};
const APPRAISAL_FIELDS = {
  criterionCode: APPRAISAL_COLUMNS.code,
  points: APPRAISAL_COLUMNS.points,
  applicable: APPRAISAL_COLUMNS.applicable,
  comment: APPRAISAL_COLUMNS.comment,
};

/** 422 with every problem: the file was understood, and nothing of it was saved (409 when `saved` lists a part that was). */
function unprocessable(res: Response, problems: readonly RowProblem[], saved?: readonly unknown[]): void {
  noteErrorCodes(res, ['BAD_USER_INPUT']);
  const errors = problems.map((p) => ({
    ...p,
    message: p.row === null ? p.reason : `Dòng ${p.row}${p.column ? `, cột ${p.column} (${p.header})` : ''}: ${p.reason}`,
    extensions: { code: 'BAD_USER_INPUT' },
  }));
  res.status(saved ? 409 : 422).json(saved ? { errors, saved } : { errors });
}

/** The assessment as its read model has it once the command is visible (or as it stands, if the wait times out). */
async function visibleStatus(deps: ImportDependencies, outcome: CommandOutcome, year: number, agencyCode: string) {
  const visible = await deps.waitFor(outcome.lastPosition).then(
    () => true,
    () => false,
  );
  return { status: (await deps.read.assessment(year, agencyCode))?.status ?? null, visible };
}

/**
 * Uploads of filled templates (GET /exports/self-assessment-template.xlsx, /exports/appraisal-sheet.xlsx): every
 * row is checked first and every problem answered at once (422, nothing saved); a clean file goes through the
 * same commands, authorisation and actor as the mutations saveSelfAssessmentDraft and appraiseCriteria.
 */
export function importRoutes(deps: ImportDependencies): Router {
  const router = Router();
  // Any content type is taken as bytes: an .xlsx, or a multipart form holding one (uploadedFile tells them apart).
  const body = express.raw({ type: () => true, limit: MAX_UPLOAD });

  const handle = (work: (req: Request, res: Response, actor: Actor) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await work(req, res, await verifyRequestToken(deps.verifyToken, req.headers.authorization, res));
    } catch (error) {
      answerRefusal(res, error);
    }
  };

  router.post(
    '/self-assessment',
    body,
    handle(async (req, res, actor) => {
      const expected = { year: optionalYearParam(req, 'year'), agencyCode: optionalParam(req, 'agencyCode') };
      // The role (and the agency asked for, when named) first: a token that may not save drafts is told so, not
      // what is wrong with its file.
      authorize(actor, 'SaveSelfAssessmentDraft', { agencyCode: expected.agencyCode ?? actor.agency ?? undefined });
      const bytes = uploadedFile(req);
      const opened = await openTemplate(bytes, { kind: 'SELF_ASSESSMENT', sheetName: SELF_SHEET, columns: Object.values(SELF_COLUMNS), ...expected });
      if (!opened.ok) return unprocessable(res, opened.problems);
      const { year, agencyCode, frameworkCode } = opened.marker;
      // The template's own agency: the command authorises too; asked here first so that no one else learns from the
      // checks what the assessment holds.
      authorize(actor, 'SaveSelfAssessmentDraft', { agencyCode });
      const doc = await deps.read.assessment(year, agencyCode);
      if (!doc) throw new DomainError('NOT_FOUND', `no ${year} assessment of ${agencyCode}`, 'agencyCode');
      if (doc.frameworkCode !== frameworkCode) {
        return unprocessable(res, [
          fileProblem(`Sai mẫu: mẫu theo bộ tiêu chí ${frameworkCode}, đánh giá năm ${year} dùng bộ ${doc.frameworkCode}: hãy tải mẫu mới`),
        ]);
      }
      const parsed = parseSelfAssessmentRows(opened.rows, doc.frameworkAreas, doc.frameworkCode);
      if (parsed.problems.length > 0) return unprocessable(res, parsed.problems);
      let outcome: CommandOutcome;
      try {
        const request = { actor, commandId: optionalParam(req, 'commandId') };
        outcome = await deps.commands.saveSelfAssessmentDraft(request, { year, agencyCode, scores: parsed.scores });
      } catch (error) {
        const problem = error instanceof DomainError && error.code === 'BAD_USER_INPUT' ? refusedRow(error, parsed.rows, SELF_FIELDS) : null;
        if (problem) return unprocessable(res, [problem]);
        throw error;
      }
      const { status, visible } = await visibleStatus(deps, outcome, year, agencyCode);
      res.status(200).json({
        year,
        agencyCode,
        status,
        scoresSaved: parsed.scores.length,
        position: outcome.lastPosition,
        commandId: outcome.commandId,
        replayed: outcome.replayed,
        visible,
      });
    }),
  );

  router.post(
    '/appraisal',
    body,
    handle(async (req, res, actor) => {
      const appraiser = authorize(actor, 'AppraiseCriteria');
      if (!appraiser.agency) throw new DomainError('FORBIDDEN', 'an appraiser’s token must name its agency (claim "agency")');
      const bytes = uploadedFile(req);
      const opened = await openTemplate(bytes, {
        kind: 'APPRAISAL',
        sheetName: APPRAISAL_SHEET,
        columns: Object.values(APPRAISAL_COLUMNS),
        year: optionalYearParam(req, 'year'),
        agencyCode: appraiser.agency,
      });
      if (!opened.ok) return unprocessable(res, opened.problems);
      const { year } = opened.marker;
      const parsed = parseAppraisalRows(opened.rows, await pendingLeaves(deps.read, year, appraiser.agency));
      if (parsed.problems.length > 0) return unprocessable(res, parsed.problems);
      // Each agency's assessment is its own stream and the log has no transaction across streams, so a file spanning
      // agencies cannot be saved in one append. All-or-nothing is approached instead by checking every row, with the
      // commands' own rules, against the pending leaves read just now, before the first command: only a change in
      // between (another appraiser, a deadline passing) can refuse a later agency. Then the answer lists the agencies
      // already saved and the refusal, so nothing is saved silently.
      const saved: { agencyCode: string; round: number; appraised: number; status: string | null; position: number }[] = [];
      for (const batch of parsed.batches) {
        let outcome: CommandOutcome;
        try {
          const input = { year, agencyCode: batch.agencyCode, round: batch.round, items: batch.items };
          outcome = await deps.commands.appraiseCriteria({ actor: appraiser }, input);
        } catch (error) {
          if (saved.length === 0) {
            const problem = error instanceof DomainError && error.code === 'BAD_USER_INPUT' ? refusedRow(error, batch.rows, APPRAISAL_FIELDS) : null;
            if (problem) return unprocessable(res, [problem]);
            throw error;
          }
          const reason = error instanceof DomainError ? error.message : 'lỗi máy chủ';
          return unprocessable(res, [{ ...fileProblem(`Đơn vị ${batch.agencyCode} chưa được lưu: ${reason}`), row: batch.rows[0] }], saved);
        }
        const { status } = await visibleStatus(deps, outcome, year, batch.agencyCode);
        saved.push({ agencyCode: batch.agencyCode, round: batch.round, appraised: batch.items.length, status, position: outcome.lastPosition });
      }
      res.status(200).json({ year, appraiserCode: appraiser.agency, saved, position: Math.max(...saved.map((s) => s.position)) });
    }),
  );

  return router;
}
