/**
 * A Content-Disposition for a download named `fileName` (RFC 6266): `filename` spelled in ASCII for old clients
 * (diacritics dropped, "đ" as "d", anything else unsafe as "-"), and `filename*` with the Vietnamese name in UTF-8.
 */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]/g, '-');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
