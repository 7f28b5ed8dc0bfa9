import { columnLetter, readTemplateMarker, TEMPLATE_VERSION, type TemplateColumn, type TemplateKind, type TemplateMarker } from '../exports/templateLayout';
import type { SheetRow } from './rankingRows';
import { fileProblem, type RowProblem } from './templateCells';
import { cellsOf, loadXlsx, rowsOf } from './sheetCells';

/** What an upload must be: a template of this kind, and (when the caller knows them) of this year and agency. */
interface ExpectedTemplate {
  kind: TemplateKind;
  sheetName: string;
  columns: readonly TemplateColumn[];
  year?: number | null;
  agencyCode?: string | null;
}

type OpenedTemplate = { ok: true; marker: TemplateMarker; rows: SheetRow[] } | { ok: false; problems: RowProblem[] };

const KIND_LABELS: Record<TemplateKind, string> = { SELF_ASSESSMENT: 'mẫu tự đánh giá', APPRAISAL: 'bảng thẩm định' };

const WRONG = 'Sai mẫu';

/**
 * The data rows of an uploaded template, once the file is an .xlsx made by this service for this purpose: its
 * hidden marker sheet says kind, layout version, year and agency, and its header row is the layout's. Anything
 * else is refused as a whole ("Sai mẫu"), before any row is read: rows of another layout would be misread.
 */
export async function openTemplate(bytes: Buffer, expected: ExpectedTemplate): Promise<OpenedTemplate> {
  const workbook = await loadXlsx(bytes);
  if (!workbook) return { ok: false, problems: [fileProblem('Tệp tải lên không phải là tệp Excel .xlsx đọc được')] };
  const marker = readTemplateMarker(workbook);
  const wanted = KIND_LABELS[expected.kind];
  if (!marker) return { ok: false, problems: [fileProblem(`${WRONG}: tệp không phải là ${wanted} do PAR Ledger tạo (thiếu trang ẩn "_mau")`)] };
  const problems: RowProblem[] = [];
  if (marker.kind !== expected.kind) problems.push(fileProblem(`${WRONG}: tệp là ${KIND_LABELS[marker.kind]}, không phải ${wanted}`));
  else if (marker.version !== TEMPLATE_VERSION)
    problems.push(fileProblem(`${WRONG}: mẫu phiên bản ${marker.version}, cần phiên bản ${TEMPLATE_VERSION}: hãy tải mẫu mới`));
  if (expected.year != null && marker.year !== expected.year)
    problems.push(fileProblem(`${WRONG}: mẫu của năm ${marker.year}, không phải năm ${expected.year}`));
  if (expected.agencyCode != null && marker.agencyCode !== expected.agencyCode)
    problems.push(fileProblem(`${WRONG}: mẫu của đơn vị ${marker.agencyCode}, không phải ${expected.agencyCode}`));
  const sheet = workbook.getWorksheet(expected.sheetName);
  if (!sheet) problems.push(fileProblem(`${WRONG}: không có trang "${expected.sheetName}"`));
  else {
    const header = cellsOf(sheet.getRow(1));
    for (const column of expected.columns) {
      const found = header.get(column.index);
      if (found !== column.header) {
        problems.push({
          row: 1,
          column: columnLetter(column.index),
          header: column.header,
          reason: `${WRONG}: tiêu đề cột phải là "${column.header}", tệp ghi "${found ?? ''}"`,
        });
      }
    }
  }
  if (problems.length > 0 || !sheet) return { ok: false, problems };
  return { ok: true, marker, rows: rowsOf(sheet, 2) };
}
