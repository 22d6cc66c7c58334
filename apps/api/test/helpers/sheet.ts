import type ExcelJS from 'exceljs';

/** A cell as the user reads it in the spreadsheet: text, a number's digits, a date's default text, blank for empty. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return String(value);
  return JSON.stringify(value);
}

/** A row's cells from column A on (ExcelJS's `row.values` starts at index 1), as text. */
export function rowTexts(row: ExcelJS.Row): string[] {
  return (row.values as (ExcelJS.CellValue | undefined)[]).slice(1).map(cellText);
}
