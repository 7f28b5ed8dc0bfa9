import type { CombinedError } from 'urql';

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Mã đăng nhập không hợp lệ hoặc đã hết hạn',
  FORBIDDEN: 'Tài khoản này không có quyền xem hoặc thực hiện việc này',
  NOT_FOUND: 'Không tìm thấy',
  BAD_USER_INPUT: 'Dữ liệu chưa hợp lệ',
  CONFLICT: 'Dữ liệu vừa được người khác thay đổi; hãy tải lại trang',
};

/** What went wrong, in Vietnamese, with the service's own message (it names the field) after it. */
export function errorMessage(error: CombinedError): string {
  if (error.networkError && error.graphQLErrors.length === 0) return 'Không kết nối được với máy chủ PAR Ledger';
  return error.graphQLErrors
    .map((e) => {
      const code = String(e.extensions?.code ?? '');
      const field = e.extensions?.field ? ` (${String(e.extensions.field)})` : '';
      return `${CODE_MESSAGES[code] ?? 'Lỗi'}${field}: ${e.message}`;
    })
    .join('; ');
}
