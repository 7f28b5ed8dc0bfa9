import type { ComponentType } from 'react';
import { mayRead, mayRun, type Viewer } from '../session/viewer';
import { AppraisalPage } from './appraisal/AppraisalPage';
import { AuditTrailPage } from './audit/AuditTrailPage';
import { ResponsibilitiesPage } from './duties/ResponsibilitiesPage';
import { RankingPage } from './RankingPage';
import { ScorecardPage } from './ScorecardPage';
import { SelfAssessmentPage } from './SelfAssessmentPage';
import { TrendPage } from './TrendPage';

export interface ConsolePage {
  path: string;
  title: string;
  /** What the token must allow, from `viewer` (the service's own authorisation tables). */
  visible: (viewer: Viewer) => boolean;
  component: ComponentType;
}

/** The console's pages, in the order of the menu. */
export const PAGES: ConsolePage[] = [
  { path: '/xep-hang', title: 'Xếp hạng', visible: (v) => mayRead(v, 'rankings'), component: RankingPage },
  { path: '/bang-diem', title: 'Bảng điểm', visible: (v) => mayRead(v, 'assessments'), component: ScorecardPage },
  {
    path: '/tu-danh-gia',
    title: 'Tự đánh giá',
    visible: (v) => mayRun(v, 'SaveSelfAssessmentDraft') && Boolean(v.agencyCode),
    component: SelfAssessmentPage,
  },
  // The queue is the token's agency's: an appraiser without an agency has none to show.
  { path: '/tham-dinh', title: 'Thẩm định', visible: (v) => mayRun(v, 'AppraiseCriteria') && Boolean(v.agencyCode), component: AppraisalPage },
  { path: '/nhiem-vu', title: 'Nhiệm vụ', visible: (v) => mayRead(v, 'responsibilities'), component: ResponsibilitiesPage },
  { path: '/nhat-ky', title: 'Nhật ký', visible: (v) => mayRead(v, 'auditTrail'), component: AuditTrailPage },
  { path: '/xu-huong', title: 'Xu hướng', visible: (v) => mayRead(v, 'agencyTrend'), component: TrendPage },
];

export const pagesFor = (viewer: Viewer) => PAGES.filter((page) => page.visible(viewer));
