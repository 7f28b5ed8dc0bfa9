import type { ComponentType } from 'react';
import { mayRead, mayRun, type Viewer } from '../session/viewer';
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
  { path: '/xu-huong', title: 'Xu hướng', visible: (v) => mayRead(v, 'agencyTrend'), component: TrendPage },
];

export const pagesFor = (viewer: Viewer) => PAGES.filter((page) => page.visible(viewer));
