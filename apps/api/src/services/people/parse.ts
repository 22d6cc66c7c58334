import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.js';

export const MAX_IMPORT_ROWS = 5000;

export interface SheetRows {
  headers: string[];
  /** data rows: sheet row number and one string per header (normalised to text) */
  rows: { row: number; cells: string[] }[];
}

/**
 * Reads the first worksheet of an .xlsx (streamed, so a large workbook is
 * never held twice) or a .csv (UTF-8 or the GB18030/GBK that Excel writes on
 * Chinese Windows). Every cell becomes text; a number too long to be exact
 * (an ID number Excel turned into a number) keeps its scientific form so the
 * check can flag it instead of storing wrong digits.
 */
export async function readSheet(file: Buffer, fileName: string): Promise<SheetRows> {
  const lower = fileName.toLowerCase();
  const isZip = file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;
  try {
    if (lower.endsWith('.xlsx') || isZip) return await readXlsx(file);
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'bad_request', 'import.file_unreadable');
  }
  throw new AppError(400, 'bad_request', 'import.file_unreadable');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Beyond 15 significant digits a spreadsheet number has lost digits.
    return Math.abs(value) >= 1e15 ? value.toExponential().toUpperCase() : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result);
    if ('error' in value) return '';
  }
  // Any other kind of cell (none ExcelJS reads today) counts as empty rather than as "[object Object]".
  return '';
}

async function readXlsx(file: Buffer): Promise<SheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let headers: string[] | null = null;
  const rows: SheetRows['rows'] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!headers) {
        if (values.some((value) => value.trim())) headers = values.map((value) => value.trim());
        continue;
      }
      if (!values.some((value) => value.trim())) continue;
      if (rows.length >= MAX_IMPORT_ROWS) throw new AppError(400, 'bad_request', 'import.too_many_rows', { max: MAX_IMPORT_ROWS });
      rows.push({ row: row.number, cells: headers.map((_, index) => values[index] ?? '') });
    }
    break; // first worksheet only
  }
  if (!headers) throw new AppError(400, 'bad_request', 'import.file_empty');
  return { headers, rows };
}

function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

function readCsv(file: Buffer): SheetRows {
  const records = parseCsv(decodeText(file), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [headerRow, ...data] = records;
  if (!headerRow) throw new AppError(400, 'bad_request', 'import.file_empty');
  if (data.length > MAX_IMPORT_ROWS) throw new AppError(400, 'bad_request', 'import.too_many_rows', { max: MAX_IMPORT_ROWS });
  const headers = headerRow.map((value) => value.trim());
  return {
    headers,
    rows: data
      .map((cells, index) => ({ row: index + 2, cells: headers.map((_, column) => cells[column] ?? '') }))
      .filter((row) => row.cells.some((cell) => cell.trim())),
  };
}
