import { Router, type Request, type Response } from 'express';
import { checkRoleReads } from '../auth/authChecker';
import { ReadScope } from '../auth/readScope';
import type { ReadResource } from '../auth/readScopes';
import type { TokenVerifier } from '../auth/tokenVerifier';
import { AGENCY_GROUPS, type AgencyGroup } from '../domain/enums';
import { badInput, DomainError } from '../domain/errors';
import { requireCode } from '../domain/validation';
import type { Actor } from '../events/envelope';
import { assessmentWorkbook } from '../exports/assessmentWorkbook';
import { rankingCsv, rankingWorkbook, type RankingOrigin } from '../exports/rankingWorkbook';
import { trendWorkbook } from '../exports/trendWorkbook';
import type { ReadModels } from '../projections/readModels';
import { servedRanking } from '../projections/rankings/servedRanking';
import type { RankingDocument } from '../projections/rankings/rankingsProjection';
import { presentRanking } from '../projections/rankings/rankingView';
import { readAgencyTrend } from '../projections/rankings/trendReads';
import { attachment } from './attachment';
import { verifyRequestToken } from './authenticate';
import { optionalParam, optionalYearParam, param, yearParam } from './queryParams';
import { answerRefusal } from './refusals';
import { templateExportRoutes } from './templateExports';

interface ExportDependencies {
  verifyToken: TokenVerifier;
  read: ReadModels;
  /** The log position every live read model has applied (ProjectionRunner.position). */
  position: () => number;
  now: () => Date;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

function groupParam(req: Request): AgencyGroup {
  const text = param(req, 'group');
  if (!(AGENCY_GROUPS as readonly string[]).includes(text)) throw badInput('group', `"${text}" is not one of ${AGENCY_GROUPS.join(', ')}`);
  return text as AgencyGroup;
}

/**
 * Where a ranking was recorded from when it was imported (importPublishedRanking). Read defensively: the field is
 * absent from rankings run here and from documents projected before imports existed.
 */
function originOf(doc: RankingDocument): RankingOrigin {
  return { importedFrom: doc.imported ? (doc.source ?? 'không rõ nguồn') : null };
}

/**
 * The export endpoints: the same token, read scopes and read models as the GraphQL queries `ranking`,
 * `assessment` and `agencyTrend`, answered as files. Errors are JSON in the GraphQL error shape, with the HTTP status of their code.
 */
export function exportRoutes(deps: ExportDependencies): Router {
  const router = Router();

  /** Authenticates, checks the role reads `resource`, then answers the file `produce` makes (or the error). */
  const serve = (resource: ReadResource, produce: (req: Request, res: Response, actor: Actor) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      const actor = await verifyRequestToken(deps.verifyToken, req.headers.authorization, res);
      checkRoleReads(actor, [resource], `GET ${req.baseUrl}${req.path}`);
      await produce(req, res, actor);
    } catch (error) {
      answerRefusal(res, error);
    }
  };

  /** What the file reflects: the position is read first, so every figure read after it includes at least that much. */
  const sourceOf = (req: Request) => ({ query: `GET ${req.originalUrl}`, exportedAt: deps.now(), position: deps.position() });

  const send = (res: Response, contentType: string, fileName: string, body: Buffer, position: number) => {
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', attachment(fileName));
    // Files hold what the token may read: no shared cache keeps them.
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-par-log-position', String(position));
    res.status(200).end(body);
  };

  async function ranking(req: Request) {
    const year = yearParam(req);
    const group = groupParam(req);
    const source = sourceOf(req);
    const jurisdiction = typeof req.query.jurisdiction === 'string' && req.query.jurisdiction !== '' ? req.query.jurisdiction : null;
    const doc = await servedRanking(deps.read, year, group, jurisdiction);
    if (!doc) {
      const field = (await deps.read.cycle(year)) ? 'group' : 'year';
      throw new DomainError('NOT_FOUND', `no ${group} ranking in ${year}`, field);
    }
    return { doc, view: presentRanking(doc), source, name: `xếp-hạng-${year}-${group}` };
  }

  router.get(
    '/ranking.xlsx',
    serve('rankings', async (req, res) => {
      const { doc, view, source, name } = await ranking(req);
      send(res, XLSX, `${name}.xlsx`, await rankingWorkbook(view, originOf(doc), source), source.position);
    }),
  );

  router.get(
    '/ranking.csv',
    serve('rankings', async (req, res) => {
      const { view, source, name } = await ranking(req);
      send(res, CSV, `${name}.csv`, rankingCsv(view), source.position);
    }),
  );

  router.get(
    '/assessment.xlsx',
    serve('assessments', async (req, res, actor) => {
      const year = yearParam(req);
      const agencyCode = requireCode('agencyCode', param(req, 'agencyCode'));
      // As the query `assessment` does: the scope is decided before the document is read, so a reader outside it
      // learns nothing of whether it exists.
      await new ReadScope(actor, deps.read).check('assessments', year, agencyCode);
      const source = sourceOf(req);
      const doc = await deps.read.assessment(year, agencyCode);
      if (!doc) {
        const field = (await deps.read.cycle(year)) ? 'agencyCode' : 'year';
        throw new DomainError('NOT_FOUND', `no ${year} assessment of ${agencyCode}`, field);
      }
      send(res, XLSX, `đánh-giá-${year}-${agencyCode}.xlsx`, await assessmentWorkbook(doc, source), source.position);
    }),
  );

  router.get(
    '/trend.xlsx',
    serve('agencyTrend', async (req, res) => {
      const agencyCode = requireCode('agencyCode', param(req, 'agencyCode'));
      const source = sourceOf(req);
      const followLineage = optionalParam(req, 'followLineage');
      if (followLineage !== null && followLineage !== 'true' && followLineage !== 'false')
        throw badInput('followLineage', `"${followLineage}" is not true or false`);
      const trend = await readAgencyTrend(deps.read, {
        agencyCode,
        fromYear: optionalYearParam(req, 'fromYear'),
        toYear: optionalYearParam(req, 'toYear'),
        followLineage: followLineage !== 'false',
      });
      send(res, XLSX, `xu-hướng-${agencyCode}.xlsx`, await trendWorkbook(trend, source), source.position);
    }),
  );

  router.use(templateExportRoutes(deps.read, { serve, sourceOf, send }));

  return router;
}
