import type { AgencyGroup, AssessmentNodeKind, AssessmentStatus, DutyStatus, RankingStatus, TrendRelation } from '../domain/enums';

/**
 * The words of the exported files, in Vietnamese as SNV's own tables print them: headers and the labels of the
 * API's enum values (the values themselves stay in the API and in the source sheet).
 */
export const HEADERS = {
  rank: 'Hạng',
  agencyCode: 'Mã đơn vị',
  agencyName: 'Tên đơn vị',
  totalPoints: 'Tổng điểm',
  maxPoints: 'Điểm tối đa',
  indexPercent: 'Chỉ số (%)',
  band: 'Xếp loại',
  reason: 'Lý do',
  criterionCode: 'Mã tiêu chí',
  criterionTitle: 'Tiêu chí',
  level: 'Cấp',
  appraiserCode: 'Đơn vị thẩm định',
  applicable: 'Áp dụng',
  applicableMaxPoints: 'Điểm tối đa áp dụng',
  selfPoints: 'Điểm tự đánh giá',
  appraisedPoints: 'Điểm thẩm định',
  surveyPoints: 'Điểm điều tra XHH',
  finalPoints: 'Điểm cuối cùng',
  evidence: 'Tài liệu kiểm chứng',
  explanation: 'Giải trình',
  appraisalComments: 'Nhận xét thẩm định',
  explanationAnswers: 'Giải trình bổ sung',
  year: 'Năm',
  relation: 'Quan hệ',
  groupSize: 'Số đơn vị xếp hạng',
  framework: 'Bộ tiêu chí',
  origin: 'Nguồn',
  item: 'Mục',
  value: 'Giá trị',
} as const;

export const GROUP_LABELS: Record<AgencyGroup, string> = {
  DEPARTMENT: 'Sở, ban, ngành',
  PROVINCIAL_BRANCH: 'Cơ quan ngành dọc',
  DISTRICT: 'UBND cấp huyện',
  COMMUNE: 'UBND cấp xã',
  PROVINCE: 'UBND tỉnh',
  OTHER: 'Đơn vị khác (không xếp hạng)',
};

export const RANKING_STATUS_LABELS: Record<RankingStatus, string> = {
  PROVISIONAL: 'Tạm tính',
  PROPOSED: 'Đã đề xuất',
  PUBLISHED: 'Đã công bố',
};

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  NOT_SUBMITTED: 'Chưa nộp',
  DRAFT: 'Bản nháp',
  SUBMITTED: 'Đã nộp',
  UNDER_APPRAISAL: 'Đang thẩm định',
  FINALIZED: 'Đã hoàn thành',
};

export const NODE_KIND_LABELS: Record<AssessmentNodeKind, string> = {
  AREA: 'Lĩnh vực',
  CRITERION: 'Tiêu chí',
  LEAF: 'Tiêu chí thành phần',
};

export const TREND_RELATION_LABELS: Record<TrendRelation, string> = {
  SELF: 'Chính đơn vị',
  PREDECESSOR: 'Đơn vị tiền thân',
};

/** Where a duty stands on a day (Decision 2824 follow-up): the console's duty lists and any duty export alike. */
export const DUTY_STATUS_LABELS: Record<DutyStatus, string> = {
  OPEN: 'Chưa đến hạn',
  DUE: 'Sắp đến hạn',
  OVERDUE: 'Quá hạn',
  DONE: 'Đã hoàn thành',
  CANCELLED: 'Đã hủy',
};

export const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

const numberFormats = new Map<number, Intl.NumberFormat>();

/**
 * 12,5 and 1.234,75: a decimal comma and a dot between thousands, as Vietnamese documents write numbers; points
 * keep their (at most 4) decimals, an index is shown with 2.
 */
export function vietnameseNumber(value: number, maxDecimals = 4): string {
  let format = numberFormats.get(maxDecimals);
  if (!format) numberFormats.set(maxDecimals, (format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals })));
  return format.format(value);
}
