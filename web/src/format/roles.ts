/** The service's role names as an officer reads them. */
export const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'Quản trị hệ thống',
  COORDINATOR: 'Sở Nội vụ (điều phối)',
  PROVINCIAL_LEADER: 'Lãnh đạo UBND tỉnh',
  AGENCY_OFFICER: 'Cán bộ đơn vị',
  APPRAISER: 'Cán bộ thẩm định',
  INSPECTOR: 'Thanh tra',
  ANALYST: 'Phân tích, thống kê',
};
