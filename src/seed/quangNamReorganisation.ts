/**
 * Quảng Nam's reorganisation of 2025, as lineage events, each with its legal basis and the public sources it was
 * taken from (the same sources as /work/shared/domain/quang-nam-agencies.sources.yaml, block
 * `reorganisation_2024_2025`, and /work/shared/domain/PAR-INDEX.md, "Reorganisation").
 *
 * Modelling choices, said once here and in the README:
 * - Quảng Nam's departments continue, under their codes, as units of the new Đà Nẵng city from 2025-07-01 (its
 *   units carry on in the jurisdiction merged into); the former Đà Nẵng's own departments are not seeded (the
 *   sources do not list them), a coordinator merges them in with mergeAgencies when needed.
 * - The district level ended nationwide on 2025-07-01: Quảng Nam's 17 remaining district-level units are
 *   dissolved then. The communes that replaced them are not seeded (no commune is: the seed has none before 2025).
 */
import type { AgencyGroup } from '../events/parEvents';

interface LegalBasisSeed {
  number: string;
  date: string;
  title: string;
  url: string | null;
}

export type ReorganisationStep =
  | { kind: 'registerJurisdiction'; code: string; name: string; activeFrom: string; sources: string[] }
  | {
      kind: 'mergeJurisdictions';
      sourceCodes: string[];
      into: { code: string; name: string };
      effectiveFrom: string;
      legalBasis: LegalBasisSeed;
      sources: string[];
    }
  | {
      kind: 'mergeAgencies';
      sourceCodes: string[];
      into: { code: string; name?: string; group?: AgencyGroup };
      effectiveFrom: string;
      legalBasis: LegalBasisSeed;
      sources: string[];
    }
  | { kind: 'dissolveAgency'; code: string; reason: string; effectiveFrom: string; legalBasis: LegalBasisSeed; sources: string[] };

const SPLIT_1996 = ['https://en.wikipedia.org/wiki/Qu%E1%BA%A3ng_Nam_Province', 'https://chinhsachcuocsong.vnanet.vn/dia-phuong/quang-nam.html'];

const NONG_SON: LegalBasisSeed = {
  number: '1241/NQ-UBTVQH15',
  date: '2024-10-24',
  title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp huyện, cấp xã của tỉnh Quảng Nam giai đoạn 2023 – 2025',
  url: 'https://kinhtedothi.vn/quang-nam-se-sap-nhap-huyen-que-son-va-nong-son.html',
};
const NONG_SON_SOURCES = [
  'https://kinhtedothi.vn/quang-nam-se-sap-nhap-huyen-que-son-va-nong-son.html',
  'https://vietnam.vn/en/quang-nam-cong-bo-sap-nhap-huyen-nong-son-vao-huyen-que-son',
];

const DEPARTMENTS: LegalBasisSeed = {
  number: '01/NQ-HĐND',
  date: '2025-02-01',
  title: 'Nghị quyết của HĐND tỉnh Quảng Nam (kỳ họp thứ 29) về tổ chức các cơ quan chuyên môn thuộc UBND tỉnh: 13 cơ quan từ 19',
  url: 'https://sonoivu.quangnam.gov.vn/webcenter/portal/sonoivu/pages_tin-tuc/detail?dDocName=PORTAL599030',
};
const DEPARTMENT_SOURCES = [
  'https://sonoivu.quangnam.gov.vn/webcenter/portal/sonoivu/pages_tin-tuc/detail?dDocName=PORTAL599030',
  'https://danviet.vn/print-20241220133732126.htm',
  'https://nhipsonghomnay.vn/doi-song-xa-hoi/dan-sinh/nhung-so-nao-o-quang-nam-se-duoc-sap-xep-hop-nhat.html',
];
/** The sources date the 19 departments "before 1/3/2025"; the resolution of 1/2/2025 took effect then. */
const DEPARTMENTS_FROM = '2025-03-01';

const PROVINCES: LegalBasisSeed = {
  number: '202/2025/QH15',
  date: '2025-06-12',
  title:
    'Nghị quyết của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (Quảng Nam và Đà Nẵng thành thành phố Đà Nẵng), theo Đề án tại QĐ 759/QĐ-TTg ngày 14/4/2025',
  url: 'https://ngoisao.vn/theo-dong-su-kien/kien-thuc/1-thanh-pho-truc-thuoc-trung-uong-cua-viet-nam-chuan-bi-duoc-mo-rong-gap-9-lan-tro-thanh-thanh-pho-lon-nhat-ca-nuoc-445008.htm',
};
const PROVINCE_SOURCES = [
  'https://ngoisao.vn/theo-dong-su-kien/kien-thuc/1-thanh-pho-truc-thuoc-trung-uong-cua-viet-nam-chuan-bi-duoc-mo-rong-gap-9-lan-tro-thanh-thanh-pho-lon-nhat-ca-nuoc-445008.htm',
  'https://ngoisao.vn/theo-dong-su-kien/tin-nong-trong-ngay/thanh-pho-nho-nhat-du-kien-vuon-len-thanh-pho-truc-thuoc-trung-uong-lon-nhat-sau-sap-nhap-so-huu-nhung-uu-the-gi-456161.htm',
];

const TWO_TIER: LegalBasisSeed = {
  number: '72/2025/QH15',
  date: '2025-06-16',
  title: 'Luật Tổ chức chính quyền địa phương: chính quyền địa phương hai cấp (tỉnh; xã, phường, đặc khu), hiệu lực từ 01/7/2025',
  url: 'https://cafef.vn/quang-nam-thong-qua-noi-dung-co-ban-de-an-hop-nhat-voi-da-nang-188250419091547194.chn',
};
const TWO_TIER_SOURCES = [
  'https://cafef.vn/quang-nam-thong-qua-noi-dung-co-ban-de-an-hop-nhat-voi-da-nang-188250419091547194.chn',
  'https://ngoisao.vn/theo-dong-su-kien/tin-nong-trong-ngay/thanh-pho-nho-nhat-du-kien-vuon-len-thanh-pho-truc-thuoc-trung-uong-lon-nhat-sau-sap-nhap-so-huu-nhung-uu-the-gi-456161.htm',
];

const mergeDepartments = (sourceCodes: string[], into: { code: string; name?: string }): ReorganisationStep => ({
  kind: 'mergeAgencies',
  sourceCodes,
  into: into.name ? { ...into, group: 'DEPARTMENT' } : into,
  effectiveFrom: DEPARTMENTS_FROM,
  legalBasis: DEPARTMENTS,
  sources: DEPARTMENT_SOURCES,
});

/** District-level units left after Nông Sơn joined Quế Sơn: all end with the district level. */
const DISTRICTS_2025 = [
  'TAMKY',
  'HOIAN',
  'DIENBAN',
  'BACTRAMY',
  'DAILOC',
  'DONGGIANG',
  'DUYXUYEN',
  'HIEPDUC',
  'NAMGIANG',
  'NAMTRAMY',
  'NUITHANH',
  'PHUNINH',
  'PHUOCSON',
  'QUESON',
  'TAYGIANG',
  'THANGBINH',
  'TIENPHUOC',
];

export const quangNamReorganisation: readonly ReorganisationStep[] = Object.freeze([
  // Quảng Nam and Đà Nẵng as separate province-level units from 1997-01-01 (Quảng Nam – Đà Nẵng was divided).
  { kind: 'registerJurisdiction', code: 'QNA', name: 'Tỉnh Quảng Nam', activeFrom: '1997-01-01', sources: SPLIT_1996 },
  { kind: 'registerJurisdiction', code: 'DNG-1997', name: 'Thành phố Đà Nẵng (1997–2025)', activeFrom: '1997-01-01', sources: SPLIT_1996 },

  // 2025-01-01: Nông Sơn district merged into Quế Sơn.
  { kind: 'mergeAgencies', sourceCodes: ['NONGSON'], into: { code: 'QUESON' }, effectiveFrom: '2025-01-01', legalBasis: NONG_SON, sources: NONG_SON_SOURCES },

  // 2025-03-01: 19 cơ quan chuyên môn become 13.
  mergeDepartments(['SKHDT'], { code: 'STC' }),
  mergeDepartments(['SGTVT'], { code: 'SXD' }),
  mergeDepartments(['STNMT', 'SNNPTNT'], { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' }),
  mergeDepartments(['STTTT'], { code: 'SKHCN' }),
  mergeDepartments(['SLDTBXH'], { code: 'SNV' }),
  mergeDepartments(['BDT'], { code: 'SDTTG', name: 'Sở Dân tộc và Tôn giáo' }),
  mergeDepartments(['SNGV'], { code: 'VPUBND' }),

  // 2025-07-01: Quảng Nam and Đà Nẵng form the new Đà Nẵng city; the district level ends.
  {
    kind: 'mergeJurisdictions',
    sourceCodes: ['QNA', 'DNG-1997'],
    into: { code: 'DNG', name: 'Thành phố Đà Nẵng' },
    effectiveFrom: '2025-07-01',
    legalBasis: PROVINCES,
    sources: PROVINCE_SOURCES,
  },
  ...DISTRICTS_2025.map((code): ReorganisationStep => ({
    kind: 'dissolveAgency',
    code,
    reason: 'Kết thúc hoạt động của đơn vị hành chính cấp huyện (chính quyền địa phương hai cấp)',
    effectiveFrom: '2025-07-01',
    legalBasis: TWO_TIER,
    sources: TWO_TIER_SOURCES,
  })),
]);
