import type { DutyRole, TaskKind } from '../gql/graphql';

/** An agency's part in a duty (Decision 2824/QĐ-UBND), as the decision words it. */
export const DUTY_ROLE_LABELS: Record<DutyRole, string> = {
  LEAD: 'Chủ trì',
  COORDINATE: 'Phối hợp',
  PROVIDE_DATA: 'Cung cấp số liệu',
  REPORT: 'Báo cáo',
  COMMENT: 'Góp ý',
  INSPECT: 'Kiểm tra',
  FOLLOW_UP: 'Khắc phục sau kiểm tra',
  DECIDE: 'Quyết định',
};

/** The kinds of work Decision 2824/QĐ-UBND assigns (Art. 2–17). */
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  PLAN_DRAFTING: 'Xây dựng kế hoạch',
  PLAN_COMMENT: 'Góp ý kế hoạch',
  PLAN_TASK: 'Nhiệm vụ trong kế hoạch',
  HIGHER_LEVEL_CHANGE: 'Thay đổi từ cấp trên',
  PROGRESS_REPORT: 'Báo cáo định kỳ',
  PROVINCIAL_REPORT: 'Báo cáo của tỉnh',
  INSPECTION: 'Kiểm tra CCHC',
  INSPECTION_FOLLOW_UP: 'Khắc phục sau kiểm tra',
  PROPOSAL_APPRAISAL: 'Thẩm định đề xuất',
  PROPOSAL_OPINION: 'Cho ý kiến đề xuất',
  PROPOSAL_DECISION: 'Quyết định đề xuất',
  INDEX_APPRAISAL: 'Thẩm định Chỉ số CCHC',
  INDEX_DATA_PROVISION: 'Cung cấp số liệu Chỉ số CCHC',
  INDEX_COMPILATION: 'Tổng hợp Chỉ số CCHC',
  COMMUNICATION: 'Thông tin, tuyên truyền',
  COMMENDATION: 'Khen thưởng',
  ACCOUNTABILITY: 'Trách nhiệm người đứng đầu',
  REMEDIAL_PLAN: 'Kế hoạch khắc phục',
  REGULATION_FEEDBACK: 'Phản ánh về quy định',
};
