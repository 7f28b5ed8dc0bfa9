/**
 * SAMPLE criteria sets (bộ chỉ số CCHC mẫu), one per agency group. They are NOT Quảng Nam's official criteria
 * sets: those sit in annexes of provincial decisions that were not available (see
 * /work/shared/domain/PAR-INDEX.md). They follow the structure of the national index of QĐ 2948/QĐ-BNV: eight
 * areas whose maxima are 10, 10, 14.5, 11, 16, 7, 16 and 15.5 = 100 points. The criteria below are illustrative.
 *
 * Appraisers follow the table "Appraiser of each area" of /work/shared/regulation/REGULATION.en.md: area 1, 4, 5
 * SNV; 2 STP; 3 VPUBND; 6 STC; 7 STTTT except the ISO 9001 criterion (SKHCN); 8 SKHDT for the socio-economic
 * impact criterion, the rest is the sociological survey (method SURVEY, entered by SNV, no appraiser).
 *
 * Every leaf value has at most two decimals so sums are exact; inner nodes state their maxPoints too, so that
 * normaliseFramework checks each subtotal.
 */
import type { AgencyGroup } from '../events/parEvents';
import type { AreaInput, CriterionInput, FrameworkInput } from '../domain/framework/frameworkInput';

/*
 * The methodology as /work/shared/domain/PAR-INDEX.md states it (section Structure and Scoring; its sources: the
 * national index of QĐ 2948/QĐ-BNV, used through PAR 2017, whose maxima Báo Quảng Nam's 2017 report repeats; the
 * appraisal per area of Decision 2824/QĐ-UBND of 19 September 2018, /work/shared/regulation/).
 *
 * No legal basis: a sample set was issued by no decision, and the decision it follows is known here only by number
 * and year (2948/QĐ-BNV, 2013), while a legal basis needs the day. A real set names the People's Committee's decision
 * that issued it (publishFramework's legalBasis).
 */
const METHODOLOGY =
  'Mẫu theo cấu trúc Chỉ số CCHC cấp tỉnh của QĐ 2948/QĐ-BNV (Bộ Nội vụ, 2013): 8 lĩnh vực, tối đa 10; 10; 14,5; 11; 16; 7; 16; 15,5 = 100 điểm. ' +
  'Điểm tự đánh giá có tài liệu kiểm chứng, được cơ quan thẩm định theo lĩnh vực (QĐ 2824/QĐ-UBND ngày 19/9/2018 của tỉnh Quảng Nam); ' +
  'điểm điều tra xã hội học do Sở Nội vụ nhập. Chỉ số = điểm đạt được ÷ tổng điểm tối đa áp dụng × 100 %; xếp hạng theo chỉ số.';

const leaf = (code: string, title: string, maxPoints: number, extra: Partial<CriterionInput> = {}): CriterionInput => ({
  code,
  title,
  maxPoints,
  ...extra,
});

const survey = (code: string, title: string, maxPoints: number): CriterionInput => leaf(code, title, maxPoints, { method: 'SURVEY' });

const node = (code: string, title: string, maxPoints: number, children: CriterionInput[]): CriterionInput => ({
  code,
  title,
  maxPoints,
  children,
});

/** The group-specific wording and sub-trees; everything else is shared by the three sample sets. */
interface Variant {
  group: AgencyGroup;
  code: string;
  groupLabel: string;
  /** 1.3 (2.5 points) */
  inspection: string;
  /** 2.1 (3 points) */
  legalDrafting: string;
  /** 3.3 (7.5 points) */
  oneStop: CriterionInput[];
  /** 4.1.2 (2.5 points) */
  reorganisation: string;
  /** 4.3 (3 points) */
  decentralisation: string;
  /** 5.4 (4 points) */
  discipline: CriterionInput;
  /** 6.1 (3 points) */
  autonomy: CriterionInput;
  /** 7.1.2 (1.5 points) */
  itSecond: string;
  /** 8.1 (3.5 points), appraised by SKHDT */
  socioEconomicImpact: string;
}

function areasFor(v: Variant): AreaInput[] {
  return [
    {
      code: '1',
      title: 'Công tác chỉ đạo, điều hành CCHC',
      appraiserCode: 'SNV',
      criteria: [
        node('1.1', 'Kế hoạch CCHC năm', 3, [
          leaf('1.1.1', 'Ban hành kế hoạch CCHC năm đúng thời hạn', 1),
          leaf('1.1.2', 'Mức độ hoàn thành kế hoạch CCHC năm', 2),
        ]),
        leaf('1.2', 'Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ, đúng thời hạn', 1.5),
        leaf('1.3', v.inspection, 2.5),
        leaf('1.4', 'Tuyên truyền CCHC; sáng kiến, giải pháp mới trong CCHC', 3),
      ],
    },
    {
      code: '2',
      title: 'Xây dựng và tổ chức thực hiện văn bản QPPL',
      appraiserCode: 'STP',
      criteria: [
        leaf('2.1', v.legalDrafting, 3),
        leaf('2.2', 'Rà soát, hệ thống hóa văn bản QPPL và xử lý kết quả rà soát', 2.5),
        leaf('2.3', 'Theo dõi tình hình thi hành pháp luật', 2.5),
        leaf('2.4', 'Thực hiện công tác phổ biến, giáo dục pháp luật', 2),
      ],
    },
    {
      code: '3',
      title: 'Cải cách thủ tục hành chính',
      appraiserCode: 'VPUBND',
      criteria: [
        leaf('3.1', 'Rà soát, đánh giá và kiến nghị đơn giản hóa TTHC', 2.5),
        leaf('3.2', 'Công khai đầy đủ, kịp thời TTHC tại Bộ phận Một cửa và trên Cổng Dịch vụ công', 2.5),
        node('3.3', 'Thực hiện cơ chế một cửa, một cửa liên thông', 7.5, v.oneStop),
        leaf('3.4', 'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính', 2),
      ],
    },
    {
      code: '4',
      title: 'Cải cách tổ chức bộ máy hành chính nhà nước',
      appraiserCode: 'SNV',
      criteria: [
        node('4.1', 'Thực hiện quy định về chức năng, nhiệm vụ và cơ cấu tổ chức', 4, [
          leaf('4.1.1', 'Ban hành quy định chức năng, nhiệm vụ, quyền hạn của các phòng, đơn vị trực thuộc', 1.5),
          leaf('4.1.2', v.reorganisation, 2.5),
        ]),
        leaf('4.2', 'Quản lý, sử dụng biên chế được giao và thực hiện tinh giản biên chế', 4),
        leaf('4.3', v.decentralisation, 3),
      ],
    },
    {
      code: '5',
      title: 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
      appraiserCode: 'SNV',
      criteria: [
        node('5.1', 'Vị trí việc làm', 3.5, [
          leaf('5.1.1', 'Xác định, phê duyệt vị trí việc làm và cơ cấu ngạch công chức, viên chức', 1.5),
          leaf('5.1.2', 'Bố trí công chức, viên chức theo vị trí việc làm được phê duyệt', 2),
        ]),
        node('5.2', 'Tuyển dụng, bổ nhiệm và đánh giá', 5.5, [
          leaf('5.2.1', 'Tuyển dụng công chức, viên chức và bổ nhiệm lãnh đạo, quản lý đúng quy định', 3.5),
          leaf('5.2.2', 'Đánh giá, xếp loại chất lượng công chức, viên chức hằng năm', 2),
        ]),
        leaf('5.3', 'Thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 3),
        v.discipline,
      ],
    },
    {
      code: '6',
      title: 'Cải cách tài chính công',
      appraiserCode: 'STC',
      criteria: [
        v.autonomy,
        leaf('6.2', 'Ban hành và thực hiện quy chế chi tiêu nội bộ, quy chế quản lý, sử dụng tài sản công', 2.25),
        leaf('6.3', 'Thực hiện kết luận thanh tra, kiểm toán về tài chính, ngân sách', 1.75),
      ],
    },
    {
      code: '7',
      title: 'Hiện đại hóa hành chính',
      appraiserCode: 'STTTT',
      criteria: [
        node('7.1', 'Ứng dụng công nghệ thông tin, chuyển đổi số', 4, [
          leaf('7.1.1', 'Sử dụng phần mềm quản lý văn bản; gửi, nhận văn bản điện tử có chữ ký số', 2.5),
          leaf('7.1.2', v.itSecond, 1.5),
        ]),
        node('7.2', 'Cung cấp dịch vụ công trực tuyến', 5.5, [
          leaf('7.2.1', 'Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình', 2.5),
          leaf('7.2.2', 'Tỷ lệ hồ sơ TTHC được tiếp nhận, xử lý trực tuyến', 3),
        ]),
        leaf('7.3', 'Tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích', 3.5),
        leaf('7.4', 'Áp dụng ISO 9001: duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015', 3, {
          appraiserCode: 'SKHCN',
        }),
      ],
    },
    {
      code: '8',
      title: 'Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH',
      criteria: [
        leaf('8.1', v.socioEconomicImpact, 3.5, { appraiserCode: 'SKHDT' }),
        node('8.2', 'Sự hài lòng của người dân, tổ chức (điều tra xã hội học)', 10, [
          survey('8.2.1', 'Mức độ hài lòng về tiếp cận dịch vụ và thủ tục hành chính', 3.5),
          survey('8.2.2', 'Mức độ hài lòng về công chức trực tiếp giải quyết công việc', 3.5),
          survey('8.2.3', 'Mức độ hài lòng về kết quả giải quyết TTHC', 3),
        ]),
        survey('8.3', 'Đánh giá của lãnh đạo, công chức về kết quả CCHC (điều tra xã hội học)', 2),
      ],
    },
  ];
}

function sampleFramework(v: Variant): FrameworkInput {
  return {
    code: v.code,
    title: `Bộ chỉ số CCHC mẫu — ${v.groupLabel} (MẪU, không phải bộ chỉ số chính thức)`,
    group: v.group,
    sample: true,
    methodology: METHODOLOGY,
    legalBasis: null,
    // Example caps, as some provinces set them: up to 2 points of bonus and 2 of penalty.
    bonusMaxPoints: 2,
    penaltyMaxPoints: 2,
    areas: areasFor(v),
  };
}

const departmentVariant: Variant = {
  group: 'DEPARTMENT',
  code: 'QN-SAMPLE-SO',
  groupLabel: 'Sở, ban, ngành',
  inspection: 'Kiểm tra CCHC đối với các phòng, đơn vị trực thuộc',
  legalDrafting: 'Tham mưu xây dựng, ban hành văn bản QPPL đúng quy trình, thời hạn theo kế hoạch của UBND tỉnh',
  oneStop: [
    leaf('3.3.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 5),
    leaf('3.3.2', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 1.25),
    leaf('3.3.3', 'Đưa TTHC ra tiếp nhận tại Trung tâm Hành chính công tỉnh và bố trí công chức đúng quy định', 1.25),
  ],
  reorganisation: 'Sắp xếp, kiện toàn tổ chức bộ máy các phòng chuyên môn, chi cục và đơn vị sự nghiệp trực thuộc',
  decentralisation: 'Thực hiện phân cấp, ủy quyền quản lý nhà nước thuộc lĩnh vực của ngành',
  discipline: leaf('5.4', 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức', 4),
  autonomy: node('6.1', 'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về tài chính', 3, [
    leaf('6.1.1', 'Tự chủ về biên chế và kinh phí quản lý hành chính tại cơ quan', 1.5),
    leaf('6.1.2', 'Giao quyền tự chủ cho đơn vị sự nghiệp công lập trực thuộc', 1.5),
  ]),
  itSecond: 'Trang thông tin điện tử của cơ quan cung cấp đầy đủ thông tin theo quy định',
  socioEconomicImpact: 'Tác động của CCHC đến phát triển KT-XH: mức độ hoàn thành các chỉ tiêu thuộc lĩnh vực quản lý',
};

const branchVariant: Variant = {
  group: 'PROVINCIAL_BRANCH',
  code: 'QN-SAMPLE-NGANHDOC',
  groupLabel: 'Cơ quan ngành dọc cấp tỉnh',
  inspection: 'Kiểm tra CCHC đối với các đơn vị trực thuộc cấp huyện',
  legalDrafting: 'Triển khai thực hiện văn bản QPPL của Trung ương và của tỉnh liên quan đến ngành',
  oneStop: [
    leaf('3.3.1', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 5),
    leaf('3.3.2', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 1.25),
    leaf('3.3.3', 'Tổ chức Bộ phận Một cửa của cơ quan và các đơn vị trực thuộc đúng quy định', 1.25),
  ],
  reorganisation: 'Sắp xếp, kiện toàn tổ chức bộ máy theo hướng dẫn của bộ, ngành Trung ương',
  decentralisation: 'Thực hiện phân cấp, ủy quyền quản lý theo quy định của ngành',
  discipline: leaf('5.4', 'Chấp hành kỷ luật, kỷ cương hành chính của công chức, viên chức trong ngành', 4),
  autonomy: leaf('6.1', 'Thực hiện cơ chế tự chủ về biên chế và kinh phí quản lý hành chính theo quy định của ngành', 3),
  itSecond: 'Kết nối, liên thông phần mềm nghiệp vụ của ngành với hệ thống thông tin giải quyết TTHC của tỉnh',
  socioEconomicImpact: 'Tác động của CCHC đến phát triển KT-XH: mức độ hoàn thành nhiệm vụ, chỉ tiêu chuyên môn được giao trên địa bàn tỉnh',
};

const districtVariant: Variant = {
  group: 'DISTRICT',
  code: 'QN-SAMPLE-HUYEN',
  groupLabel: 'UBND huyện, thị xã, thành phố',
  inspection: 'Kiểm tra CCHC đối với các phòng chuyên môn và UBND cấp xã',
  legalDrafting: 'Xây dựng, ban hành văn bản QPPL của HĐND, UBND cấp huyện đúng quy trình',
  oneStop: [
    leaf('3.3.1', 'Tỷ lệ hồ sơ TTHC cấp huyện, cấp xã giải quyết đúng hạn', 4.5),
    leaf('3.3.2', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 1.25),
    leaf('3.3.3', 'Bộ phận Một cửa cấp xã được tổ chức và hoạt động đúng quy định', 1.75),
  ],
  reorganisation: 'Sắp xếp, kiện toàn các phòng chuyên môn và đơn vị hành chính cấp xã theo quy định',
  decentralisation: 'Thực hiện phân cấp, ủy quyền cho UBND cấp xã',
  discipline: node('5.4', 'Kỷ luật, kỷ cương hành chính và chất lượng cán bộ, công chức cấp xã', 4, [
    leaf('5.4.1', 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức', 2.5),
    leaf('5.4.2', 'Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định', 1.5),
  ]),
  autonomy: node('6.1', 'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về tài chính', 3, [
    leaf('6.1.1', 'Tự chủ về biên chế và kinh phí quản lý hành chính tại UBND cấp huyện', 1.5),
    leaf('6.1.2', 'Giao quyền tự chủ cho đơn vị sự nghiệp công lập thuộc UBND cấp huyện', 1.5),
  ]),
  itSecond: 'Liên thông văn bản điện tử từ UBND cấp huyện đến UBND cấp xã',
  socioEconomicImpact: 'Tác động của CCHC đến phát triển KT-XH: thu hút đầu tư, thực hiện chỉ tiêu phát triển KT-XH trên địa bàn',
};

export const sampleFrameworks: readonly FrameworkInput[] = Object.freeze([
  sampleFramework(departmentVariant),
  sampleFramework(branchVariant),
  sampleFramework(districtVariant),
]);
