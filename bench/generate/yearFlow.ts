import type { ParCommands } from '../../src/commands/parCommands';
import type { Actor } from '../../src/events/envelope';
import type { AgencyGroup } from '../../src/events/parEvents';
import type { AssessmentScript, Leaf } from './plan';

/** The generator's clock: set to each phase's day, so deadlines are met as a real year meets them. */
export class PhaseClock {
  private current = new Date('2015-01-01T00:00:00Z');

  now(): Date {
    return this.current;
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}

const actor = (sub: string, roles: string[], agency: string | null): Actor => ({ sub, name: sub, agency, roles });
const SNV = actor('chuyenvien.snv', ['COORDINATOR'], 'SNV');
const LEADER = actor('lanhdao.ubnd', ['PROVINCIAL_LEADER'], null);
const officer = (code: string) => actor(`officer.${code.toLowerCase()}`, ['AGENCY_OFFICER'], code);
const appraiser = (code: string) => actor(`appraiser.${code.toLowerCase()}`, ['APPRAISER'], code);
const as = (a: Actor) => ({ actor: a });

/** Runs `work` over the items with at most `limit` in flight: the store's group commit then shares each fsync. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface YearContext {
  commands: ParCommands;
  clock: PhaseClock;
  year: number;
  frameworkCodes: string[];
  groups: AgencyGroup[];
  leavesByGroup: Map<AgencyGroup, Leaf[]>;
  scripts: AssessmentScript[];
  concurrency: number;
}

/**
 * One PAR year through the real commands: opening, drafts and revisions, bonus proposals, two appraisal rounds
 * with explanations, survey scores, finalisation, SNV's proposal and UBND's publication, then complaints, reopenings
 * and republications. The assessment of year Y runs in the first half of Y + 1.
 */
export async function playYear(ctx: YearContext): Promise<void> {
  const { commands, clock, year, scripts } = ctx;
  const y = year + 1;
  const on = (monthDay: string) => clock.set(`${y}-${monthDay}T02:00:00Z`);
  const pool = (items: readonly AssessmentScript[], work: (s: AssessmentScript) => Promise<unknown>) => inPool(items, ctx.concurrency, work);
  const key = (s: AssessmentScript) => ({ year, agencyCode: s.agencyCode });
  // An appraising department's own leaves go to another appraiser (no one appraises itself): SNV assigns them.
  const standIn = (s: AssessmentScript) => (s.agencyCode === 'STP' ? 'SNV' : 'STP');
  const leaves = (s: AssessmentScript) =>
    (ctx.leavesByGroup.get(s.group) ?? []).map((l) => (l.appraiserCode === s.agencyCode ? { ...l, appraiserCode: standIn(s) } : l));
  const scores = (s: AssessmentScript, points: Record<string, number>) =>
    Object.entries(points).map(([criterionCode, p]) => ({ criterionCode, points: p, evidence: [`Báo cáo số ${criterionCode}/BC-${s.agencyCode}`] }));

  on('01-05');
  await commands.openAssessmentCycle(as(SNV), {
    year,
    frameworkCodes: ctx.frameworkCodes,
    selfAssessmentDeadline: new Date(`${y}-02-28T16:59:59Z`),
    appraisalDeadline: new Date(`${y}-06-30T16:59:59Z`),
    bands: [
      { label: 'Tốt', minIndexPercent: 80 },
      { label: 'Khá', minIndexPercent: 65 },
      { label: 'Trung bình', minIndexPercent: 50 },
      { label: 'Yếu', minIndexPercent: 0 },
    ],
  });
  on('01-10');
  for (const group of ctx.groups) {
    await commands.recordSurvey(as(SNV), {
      year,
      group,
      code: `KS-${year}-${group}`,
      title: `Đo lường sự hài lòng năm ${year}`,
      conductedBy: 'Viện nghiên cứu (mẫu)',
      respondents: 1200,
      reportReference: `Báo cáo số ${year}/BC-KS`,
      conductedAt: new Date(`${year}-12-15T00:00:00Z`),
    });
  }

  on('01-20');
  await pool(scripts, async (s) => {
    const entries = Object.entries(s.selfPoints);
    for (let d = 1; d <= s.drafts; d++) {
      const part = Object.fromEntries(entries.slice(0, Math.ceil((entries.length * d) / (s.drafts + 1))));
      await commands.saveSelfAssessmentDraft(as(officer(s.agencyCode)), { ...key(s), scores: scores(s, part) });
    }
    if (!s.submits) return;
    await commands.submitSelfAssessment(as(officer(s.agencyCode)), { ...key(s), scores: scores(s, s.selfPoints) });
    if (s.bonus !== null) {
      await commands.proposeAdjustment(as(officer(s.agencyCode)), {
        ...key(s),
        kind: 'BONUS',
        points: s.bonus,
        reason: 'Sáng kiến CCHC',
        evidence: ['QĐ công nhận'],
      });
    }
  });
  on('02-20');
  await pool(
    scripts.filter((s) => s.submits && s.revises),
    async (s) => {
      const [code, points] = Object.entries(s.selfPoints)[0];
      await commands.submitSelfAssessment(as(officer(s.agencyCode)), { ...key(s), scores: scores(s, { [code]: Math.max(0, points - 0.25) }) });
    },
  );

  on('03-05');
  await pool(scripts, async (s) => {
    if (!s.submits) return commands.recordNonSubmission(as(SNV), { ...key(s), reason: 'Không gửi báo cáo tự đánh giá đúng hạn' });
    const own = (ctx.leavesByGroup.get(s.group) ?? []).filter((l) => l.appraiserCode === s.agencyCode).map((l) => l.code);
    if (own.length > 0) {
      await commands.assignAppraiser(as(SNV), { ...key(s), criterionCodes: own, appraiserCode: standIn(s), reason: 'Tránh tự thẩm định' });
    }
    const byAppraiser = new Map<string, { criterionCode: string; points: number }[]>();
    for (const leaf of leaves(s).filter((l) => l.appraiserCode)) {
      const items = byAppraiser.get(leaf.appraiserCode as string) ?? [];
      items.push({ criterionCode: leaf.code, points: s.appraised[leaf.code] });
      byAppraiser.set(leaf.appraiserCode as string, items);
    }
    for (const [code, items] of byAppraiser) await commands.appraiseCriteria(as(appraiser(code)), { ...key(s), round: 1, items });
    for (const criterionCode of s.explained) {
      const leaf = leaves(s).find((l) => l.code === criterionCode) as Leaf;
      await commands.requestExplanation(as(appraiser(leaf.appraiserCode as string)), {
        ...key(s),
        criterionCode,
        question: 'Đề nghị bổ sung tài liệu kiểm chứng',
        dueAt: new Date(`${y}-03-20T16:59:59Z`),
      });
    }
  });
  on('03-12');
  await pool(
    scripts.filter((s) => s.submits && s.explained.length > 0),
    async (s) => {
      for (const criterionCode of s.explained) {
        const revisedPoints = s.selfPoints[criterionCode];
        await commands.submitExplanation(as(officer(s.agencyCode)), {
          ...key(s),
          criterionCode,
          text: 'Đã bổ sung tài liệu',
          evidence: ['BC bổ sung'],
          revisedPoints,
        });
      }
    },
  );
  on('03-25');
  await pool(
    scripts.filter((s) => s.submits && s.explained.length > 0),
    async (s) => {
      for (const criterionCode of s.explained) {
        const leaf = leaves(s).find((l) => l.code === criterionCode) as Leaf;
        const points = s.selfPoints[criterionCode];
        await commands.appraiseCriterion(as(appraiser(leaf.appraiserCode as string)), {
          ...key(s),
          criterionCode,
          round: 2,
          points,
          comment: 'Chấp nhận giải trình',
        });
      }
    },
  );

  on('04-01');
  await pool(scripts, async (s) => {
    const survey = Object.entries(s.surveyPoints).map(([criterionCode, points]) => ({ criterionCode, points }));
    if (survey.length > 0) await commands.recordSurveyScores(as(SNV), { ...key(s), surveyCode: `KS-${year}-${s.group}`, scores: survey });
    if (s.submits && s.bonus !== null) {
      await commands.decideAdjustment(as(SNV), {
        ...key(s),
        adjustmentId: 'ADJ-1',
        acceptedPoints: Math.min(s.bonus, 1),
        comment: s.bonus > 1 ? 'Chấp nhận một phần' : null,
      });
    }
  });
  on('04-20');
  await pool(scripts, (s) => commands.finalizeAssessment(as(SNV), key(s)));

  on('05-05');
  for (const group of ctx.groups) await commands.proposeRanking(as(SNV), { year, group });
  on('05-10');
  const decision = (number: string) => ({ decisionNumber: number, decisionDate: new Date(`${y}-05-10T00:00:00Z`) });
  for (const group of ctx.groups) await commands.publishRanking(as(LEADER), { year, group, ...decision(`${year}/QĐ-UBND`) });

  on('05-15');
  const complaints = scripts.filter((s) => s.complaint);
  await pool(complaints, (s) =>
    commands.lodgeComplaint(as(officer(s.agencyCode)), { ...key(s), criterionCode: s.complaint!.criterionCode, text: 'Đề nghị xem xét lại kết quả thẩm định' }),
  );
  on('05-20');
  await pool(complaints, async (s) => {
    const { criterionCode, upheld } = s.complaint!;
    await commands.resolveComplaint(as(SNV), {
      ...key(s),
      complaintId: 'KN-1',
      outcome: upheld ? 'UPHELD' : 'REJECTED',
      comment: upheld ? 'Có cơ sở' : 'Không có tài liệu mới',
    });
    if (!upheld) return;
    await commands.reopenAssessment(as(SNV), { ...key(s), reason: 'Khiếu nại KN-1 được chấp nhận' });
    const leaf = leaves(s).find((l) => l.code === criterionCode) as Leaf;
    if (s.submits) {
      await commands.appraiseCriterion(as(appraiser(leaf.appraiserCode as string)), {
        ...key(s),
        criterionCode,
        // A leaf appraised again after an explanation is corrected in round 2, the round that counts.
        round: s.explained.includes(criterionCode) ? 2 : 1,
        points: s.selfPoints[criterionCode],
        comment: 'Chấm lại theo khiếu nại',
      });
    }
    await commands.finalizeAssessment(as(SNV), key(s));
  });
  on('05-28');
  const changed = new Set(complaints.filter((s) => s.complaint!.upheld).map((s) => s.group));
  for (const group of ctx.groups.filter((g) => changed.has(g))) {
    await commands.publishRanking(as(LEADER), { year, group, reason: 'Điều chỉnh sau khiếu nại', ...decision(`${year}-2/QĐ-UBND`) });
  }
}
