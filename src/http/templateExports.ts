import { Router, type Request, type Response } from 'express';
import type { ReadResource } from '../auth/readScopes';
import { ReadScope } from '../auth/readScope';
import { badInput, DomainError } from '../domain/errors';
import { requireCode } from '../domain/validation';
import type { Actor } from '../events/envelope';
import { appraisalSheet } from '../exports/appraisalSheet';
import { selfAssessmentTemplate } from '../exports/selfAssessmentTemplate';
import type { ExportSource } from '../exports/sourceSheet';
import type { ReadModels } from '../projections/readModels';
import { pendingLeaves } from '../projections/responsibilities/pendingLeaves';
import { optionalParam, param, yearParam } from './queryParams';

/** What exportRoutes lends the template routes: its token and scope check, its source stamp and its file answer. */
interface FileRouteKit {
  serve: (resource: ReadResource, produce: (req: Request, res: Response, actor: Actor) => Promise<void>) => (req: Request, res: Response) => Promise<void>;
  sourceOf: (req: Request) => Omit<ExportSource, 'details'>;
  send: (res: Response, contentType: string, fileName: string, body: Buffer, position: number) => void;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The workbooks to fill in and upload back (POST /imports/…): an agency's self-assessment template, read by whoever
 * reads its assessment, and an appraising agency's sheet of pending leaves, read by whoever reads its responsibilities.
 */
export function templateExportRoutes(read: ReadModels, kit: FileRouteKit): Router {
  const router = Router();

  router.get(
    '/self-assessment-template.xlsx',
    kit.serve('assessments', async (req, res, actor) => {
      const year = yearParam(req);
      const agencyCode = requireCode('agencyCode', param(req, 'agencyCode'));
      // Decided before the document is read, as the query `assessment` does: outside the scope nothing is learnt.
      await new ReadScope(actor, read).check('assessments', year, agencyCode);
      const source = kit.sourceOf(req);
      const doc = await read.assessment(year, agencyCode);
      if (!doc) {
        const field = (await read.cycle(year)) ? 'agencyCode' : 'year';
        throw new DomainError('NOT_FOUND', `no ${year} assessment of ${agencyCode}`, field);
      }
      kit.send(res, XLSX, `mẫu-tự-đánh-giá-${year}-${agencyCode}.xlsx`, await selfAssessmentTemplate(doc, source), source.position);
    }),
  );

  router.get(
    '/appraisal-sheet.xlsx',
    kit.serve('responsibilities', async (req, res, actor) => {
      const year = yearParam(req);
      const given = optionalParam(req, 'agencyCode');
      if (given === null && !actor.agency) throw badInput('agencyCode', 'is required when the token names no agency');
      const appraiserCode = requireCode('agencyCode', given ?? (actor.agency as string));
      const scope = new ReadScope(actor, read);
      await scope.check('responsibilities', year, appraiserCode);
      const source = kit.sourceOf(req);
      // The sheet shows each agency's self scores and evidence: only those of assessments the reader may read.
      const leaves = await scope.filter('assessments', await pendingLeaves(read, year, appraiserCode), (l) => ({ year, agencyCode: l.agencyCode }));
      kit.send(res, XLSX, `thẩm-định-${year}-${appraiserCode}.xlsx`, await appraisalSheet(year, appraiserCode, leaves, source), source.position);
    }),
  );

  return router;
}
