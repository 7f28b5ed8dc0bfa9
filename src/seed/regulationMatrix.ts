/**
 * Decision 2824/QĐ-UBND (Quảng Nam, 19/9/2018; in force from signing, Art. 2 of the decision) as data: who leads and
 * who coordinates each kind of work, article by article, from /work/shared/regulation/qd-2824-2018-quy-che-phoi-hop-cchc.vi.txt.
 * Work every agency does for itself (Art. 4(1) implementing the plan, Art. 5(2) its own inspection plan, Art. 8 its
 * self-assessment) is not listed per agency: plans, inspection plans and cycles give each agency those duties.
 */
import type { AgencyGroup, TaskKind } from '../domain/enums';

/** Seeded as agencies that take part in the coordination but are not ranked. */
export const coordinationAgencies: readonly { code: string; name: string; group: AgencyGroup }[] = Object.freeze([
  { code: 'UBND', name: 'Ủy ban nhân dân tỉnh Quảng Nam', group: 'PROVINCE' },
  { code: 'TTHCC', name: 'Trung tâm Hành chính công và Xúc tiến đầu tư tỉnh', group: 'OTHER' },
]);

interface MatrixRow {
  code: string;
  taskKind: TaskKind;
  lead: string;
  coordinators: string[];
  /** Article and clause. */
  clause: string;
  description: string;
  area?: string;
}

const FROM = '2018-09-19';
/** The five departments Art. 3, 5, 6 and 7 name beside SNV. */
const FIVE = ['STC', 'STP', 'SKHCN', 'STTTT', 'VPUBND'];

const rows: MatrixRow[] = [
  {
    code: 'D2824-3.1A',
    taskKind: 'PLAN_DRAFTING',
    lead: 'SNV',
    coordinators: FIVE,
    clause: 'Điều 3 khoản 1 điểm a',
    description: 'Xây dựng chương trình, kế hoạch cải cách hành chính hằng năm và theo giai đoạn, tham mưu UBND tỉnh ban hành',
  },
  {
    code: 'D2824-3.1B',
    taskKind: 'PLAN_DRAFTING',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 3 khoản 1 điểm b',
    description: 'Tham mưu UBND tỉnh điều chỉnh, bổ sung mục tiêu, nhiệm vụ của chương trình, kế hoạch cải cách hành chính',
  },
  ...FIVE.map((dept): MatrixRow => ({
    code: `D2824-3.2A-${dept}`,
    taskKind: 'PLAN_COMMENT',
    lead: dept,
    coordinators: [],
    clause: 'Điều 3 khoản 2 điểm a',
    description: 'Góp ý dự thảo chương trình, kế hoạch cải cách hành chính của tỉnh theo yêu cầu',
  })),
  ...FIVE.map((dept): MatrixRow => ({
    code: `D2824-3.2B-${dept}`,
    taskKind: 'HIGHER_LEVEL_CHANGE',
    lead: dept,
    coordinators: [],
    clause: 'Điều 3 khoản 2 điểm b',
    description: 'Thông báo kịp thời cho Sở Nội vụ khi nhiệm vụ cải cách hành chính có điều chỉnh, bổ sung theo quy định của cấp trên',
  })),
  {
    code: 'D2824-5.1',
    taskKind: 'INSPECTION',
    lead: 'SNV',
    coordinators: FIVE,
    clause: 'Điều 5 khoản 1',
    description: 'Kiểm tra kết quả thực hiện công tác cải cách hành chính tại các cơ quan, đơn vị, địa phương',
  },
  {
    code: 'D2824-6',
    taskKind: 'PROPOSAL_APPRAISAL',
    lead: 'SNV',
    coordinators: FIVE,
    clause: 'Điều 6 khoản 1, 2',
    description: 'Thẩm định các đề án, dự án về cải cách hành chính, trình UBND tỉnh phê duyệt',
  },
  {
    code: 'D2824-7',
    taskKind: 'INDEX_COMPILATION',
    lead: 'SNV',
    coordinators: FIVE,
    clause: 'Điều 7 khoản 1, 2',
    description:
      'Tham mưu UBND tỉnh báo cáo Bộ Nội vụ việc chấm điểm Chỉ số CCHC của tỉnh; theo dõi, tổng hợp, thẩm định chấm điểm Chỉ số CCHC của các cơ quan, địa phương',
  },
  {
    code: 'D2824-9.1',
    taskKind: 'PROGRESS_REPORT',
    lead: 'STP',
    coordinators: [],
    clause: 'Điều 9 khoản 1',
    area: '2',
    description: 'Hướng dẫn, kiểm tra, tổng hợp báo cáo cải cách thể chế: xây dựng, thi hành, rà soát văn bản quy phạm pháp luật',
  },
  {
    code: 'D2824-9.2',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'STP',
    coordinators: [],
    clause: 'Điều 9 khoản 2',
    area: '2',
    description: 'Thẩm định, cung cấp số liệu các tiêu chí về xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật',
  },
  {
    code: 'D2824-10.1',
    taskKind: 'PROGRESS_REPORT',
    lead: 'STTTT',
    coordinators: [],
    clause: 'Điều 10 khoản 1',
    area: '7',
    description: 'Hướng dẫn, kiểm tra, tổng hợp báo cáo ứng dụng công nghệ thông tin phục vụ cải cách hành chính',
  },
  {
    code: 'D2824-10.2',
    taskKind: 'PLAN_TASK',
    lead: 'STTTT',
    coordinators: [],
    clause: 'Điều 10 khoản 2',
    area: '7',
    description: 'Đầu mối triển khai ứng dụng công nghệ thông tin, hiện đại hóa hành chính (một cửa liên thông, chính quyền điện tử, cơ sở dữ liệu)',
  },
  {
    code: 'D2824-10.3',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'STTTT',
    coordinators: [],
    clause: 'Điều 10 khoản 3',
    area: '7',
    description: 'Thẩm định các tiêu chí thuộc lĩnh vực hiện đại hóa hành chính',
  },
  {
    code: 'D2824-10.4',
    taskKind: 'INDEX_DATA_PROVISION',
    lead: 'STTTT',
    coordinators: [],
    clause: 'Điều 10 khoản 4',
    area: '7',
    description: 'Cung cấp số liệu về ứng dụng công nghệ thông tin, dịch vụ công trực tuyến, tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích',
  },
  {
    code: 'D2824-11.1',
    taskKind: 'PROGRESS_REPORT',
    lead: 'STC',
    coordinators: [],
    clause: 'Điều 11 khoản 1',
    area: '6',
    description: 'Hướng dẫn, kiểm tra, tổng hợp báo cáo cải cách tài chính công (cơ chế tự chủ, khoán biên chế và kinh phí)',
  },
  {
    code: 'D2824-11.2',
    taskKind: 'PLAN_TASK',
    lead: 'STC',
    coordinators: [],
    clause: 'Điều 11 khoản 2',
    area: '6',
    description: 'Hướng dẫn lập dự toán, phân bổ kinh phí thực hiện nhiệm vụ cải cách hành chính hằng năm',
  },
  {
    code: 'D2824-11.3',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'STC',
    coordinators: [],
    clause: 'Điều 11 khoản 3',
    area: '6',
    description: 'Thẩm định, cung cấp số liệu Chỉ số CCHC thuộc lĩnh vực cải cách tài chính công',
  },
  {
    code: 'D2824-12.1',
    taskKind: 'PLAN_TASK',
    lead: 'SKHCN',
    coordinators: [],
    clause: 'Điều 12 khoản 1',
    area: '7',
    description: 'Tổ chức áp dụng hệ thống quản lý chất lượng ISO 9001 trong các cơ quan hành chính nhà nước',
  },
  {
    code: 'D2824-12.2',
    taskKind: 'INSPECTION',
    lead: 'SKHCN',
    coordinators: [],
    clause: 'Điều 12 khoản 2',
    area: '7',
    description: 'Kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng ISO 9001',
  },
  {
    code: 'D2824-12.3',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'SKHCN',
    coordinators: [],
    clause: 'Điều 12 khoản 3',
    area: '7',
    description: 'Thẩm định, cung cấp số liệu tiêu chí áp dụng hệ thống quản lý chất lượng ISO 9001',
  },
  {
    code: 'D2824-13.1',
    taskKind: 'PLAN_TASK',
    lead: 'SKHDT',
    coordinators: [],
    clause: 'Điều 13 khoản 1',
    area: '8',
    description: 'Đánh giá tác động của cải cách hành chính đến phát triển kinh tế – xã hội của tỉnh',
  },
  {
    code: 'D2824-13.2',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'SKHDT',
    coordinators: [],
    clause: 'Điều 13 khoản 2',
    area: '8',
    description: 'Thẩm định tiêu chí tác động của cải cách hành chính đến phát triển kinh tế – xã hội',
  },
  {
    code: 'D2824-14.1',
    taskKind: 'PROGRESS_REPORT',
    lead: 'VPUBND',
    coordinators: [],
    clause: 'Điều 14 khoản 1',
    area: '3',
    description: 'Hướng dẫn, kiểm tra, tổng hợp báo cáo cải cách thủ tục hành chính (công bố, công khai, rà soát, đánh giá tác động)',
  },
  {
    code: 'D2824-14.2',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'VPUBND',
    coordinators: [],
    clause: 'Điều 14 khoản 2',
    area: '3',
    description: 'Thẩm định, cung cấp số liệu các tiêu chí thuộc lĩnh vực cải cách thủ tục hành chính',
  },
  {
    code: 'D2824-15',
    taskKind: 'PLAN_TASK',
    lead: 'TTHCC',
    coordinators: [],
    clause: 'Điều 15',
    area: '3',
    description: 'Thực hiện theo Quyết định 4080/QĐ-UBND ngày 17/11/2016 về phối hợp giải quyết thủ tục hành chính',
  },
  {
    code: 'D2824-16.1',
    taskKind: 'PLAN_DRAFTING',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 16 khoản 1',
    description: 'Tổng hợp đề xuất của các cơ quan, địa phương về mục tiêu, nhiệm vụ, giải pháp của tám lĩnh vực cải cách hành chính',
  },
  {
    code: 'D2824-16.2',
    taskKind: 'PLAN_TASK',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 16 khoản 2',
    description: 'Tham mưu chỉ đạo, điều hành; triển khai chương trình, đề án, kế hoạch; tập huấn, bồi dưỡng về cải cách hành chính',
  },
  {
    code: 'D2824-16.3',
    taskKind: 'INDEX_COMPILATION',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 16 khoản 3',
    description: 'Chủ trì hướng dẫn, kiểm tra, thẩm định, tổng hợp và báo cáo Chỉ số CCHC cấp tỉnh và xếp hạng các Sở, Ban, ngành, UBND cấp huyện',
  },
  {
    code: 'D2824-16.4',
    taskKind: 'INDEX_APPRAISAL',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 16 khoản 4',
    area: '4',
    description: 'Thẩm định các tiêu chí về cải cách tổ chức bộ máy và chất lượng đội ngũ cán bộ, công chức, viên chức',
  },
  {
    code: 'D2824-16.5',
    taskKind: 'COMMUNICATION',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 16 khoản 5',
    description: 'Tuyên truyền nâng cao nhận thức về Chỉ số CCHC cấp tỉnh',
  },
  {
    code: 'D2824-16.6',
    taskKind: 'COMMENDATION',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 16 khoản 6',
    description: 'Theo dõi, đề xuất UBND tỉnh khen thưởng và xử lý trách nhiệm các cơ quan, địa phương về cải cách hành chính',
  },
  {
    code: 'D2824-17.3',
    taskKind: 'REGULATION_FEEDBACK',
    lead: 'SNV',
    coordinators: [],
    clause: 'Điều 17',
    description: 'Theo dõi, đôn đốc thực hiện Quy chế; tổng hợp vướng mắc để đề xuất sửa đổi, bổ sung',
  },
];

export const regulationMatrix = Object.freeze(
  rows.map((r) => ({
    code: r.code,
    taskKind: r.taskKind,
    lead: r.lead,
    coordinators: r.coordinators,
    legalBasis: `QĐ 2824/QĐ-UBND, ${r.clause}`,
    effectiveFrom: FROM,
    description: r.description,
    area: r.area ?? null,
  })),
);
