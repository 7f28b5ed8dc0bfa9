/**
 * Quảng Nam's units ranked in the PAR Index, 2018–2024 (before the 2025 reorganisation).
 *
 * Names, with their diacritics, are copied from /work/shared/domain/quang-nam-agencies.sources.yaml
 * (blocks `district_level_units_2018_2024`, `provincial_agencies_ranked_in_PAR.co_quan_chuyen_mon_2018_2024`,
 * `other_provincial_units_ranked_with_so` and `nganh_doc_cap_tinh_group_2019`), which cites its public sources.
 * The codes are PAR Ledger's own; those of the appraising departments follow the agency-code table of
 * /work/shared/regulation/REGULATION.en.md (SNV, STP, STC, STTTT, SKHCN, SKHDT, VPUBND).
 *
 * Caveat from the sources file: whether VP UBND, Thanh tra tỉnh, Ban Dân tộc and the BQL KKT & KCN were ranked
 * with the sở in every year is not confirmed per year. District-level names are those valid 2015–2024
 * (Điện Bàn is a thị xã from 2015; Nông Sơn exists through 2024).
 */
import type { AgencyGroup } from '../events/parEvents';

interface SeedAgency {
  code: string;
  name: string;
  group: AgencyGroup;
}

const department = (code: string, name: string): SeedAgency => ({ code, name, group: 'DEPARTMENT' });
const branch = (code: string, name: string): SeedAgency => ({ code, name, group: 'PROVINCIAL_BRANCH' });
const district = (code: string, unitName: string): SeedAgency => ({ code, name: `UBND ${unitName}`, group: 'DISTRICT' });

export const quangNamAgencies: readonly SeedAgency[] = Object.freeze([
  // Sở, ban, ngành: the 19 cơ quan chuyên môn + Ban Quản lý các Khu kinh tế và Khu công nghiệp.
  department('VPUBND', 'Văn phòng UBND tỉnh'),
  department('SNV', 'Sở Nội vụ'),
  department('STP', 'Sở Tư pháp'),
  department('SKHDT', 'Sở Kế hoạch và Đầu tư'),
  department('STC', 'Sở Tài chính'),
  department('SCT', 'Sở Công Thương'),
  department('SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'),
  department('SGTVT', 'Sở Giao thông vận tải'),
  department('SXD', 'Sở Xây dựng'),
  department('STNMT', 'Sở Tài nguyên và Môi trường'),
  department('STTTT', 'Sở Thông tin và Truyền thông'),
  department('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội'),
  department('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'),
  department('SKHCN', 'Sở Khoa học và Công nghệ'),
  department('SGDDT', 'Sở Giáo dục và Đào tạo'),
  department('SYT', 'Sở Y tế'),
  department('SNGV', 'Sở Ngoại vụ'),
  department('TTT', 'Thanh tra tỉnh'),
  department('BDT', 'Ban Dân tộc'),
  department('BQLKKTKCN', 'Ban Quản lý các Khu kinh tế và Khu công nghiệp tỉnh'),

  // Ngành dọc cấp tỉnh (group as ranked in 2019).
  branch('CTHUE', 'Cục Thuế tỉnh'),
  branch('KBNN', 'Kho bạc Nhà nước tỉnh'),
  branch('CAT', 'Công an tỉnh'),
  branch('BHXH', 'Bảo hiểm xã hội tỉnh'),
  branch('CHQ', 'Cục Hải quan Quảng Nam'),

  // UBND cấp huyện: 2 thành phố, 1 thị xã, 15 huyện.
  district('TAMKY', 'Thành phố Tam Kỳ'),
  district('HOIAN', 'Thành phố Hội An'),
  district('DIENBAN', 'Thị xã Điện Bàn'),
  district('BACTRAMY', 'Huyện Bắc Trà My'),
  district('DAILOC', 'Huyện Đại Lộc'),
  district('DONGGIANG', 'Huyện Đông Giang'),
  district('DUYXUYEN', 'Huyện Duy Xuyên'),
  district('HIEPDUC', 'Huyện Hiệp Đức'),
  district('NAMGIANG', 'Huyện Nam Giang'),
  district('NAMTRAMY', 'Huyện Nam Trà My'),
  district('NONGSON', 'Huyện Nông Sơn'),
  district('NUITHANH', 'Huyện Núi Thành'),
  district('PHUNINH', 'Huyện Phú Ninh'),
  district('PHUOCSON', 'Huyện Phước Sơn'),
  district('QUESON', 'Huyện Quế Sơn'),
  district('TAYGIANG', 'Huyện Tây Giang'),
  district('THANGBINH', 'Huyện Thăng Bình'),
  district('TIENPHUOC', 'Huyện Tiên Phước'),
]);
