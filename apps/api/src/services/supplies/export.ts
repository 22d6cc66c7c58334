import ExcelJS from 'exceljs';
import { STOCK_STATUS_LABELS, UNIT_LABELS, type MatrixExportQuery, type StockStatus } from '@campus/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { FieldError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { centreToday } from './common.js';
import { columnTotals, computeMatrix, filterAndSort } from './matrix.js';
import type { Actor } from '../scope.js';

const FIGURE_HEADERS = ['现有', '在途', '目标', '缺口', '可用天数', '状态'];
const STATUS_FILL: Record<StockStatus, string> = { stock_out: 'FFF4B4B4', short: 'FFFFE7A3', unknown: 'FFE5E5E5', adequate: 'FFC8EBC8' };

/**
 * The shortfall matrix as .xlsx, as the centre sends it up or prints it:
 * one row per school, six columns per item (现有, 在途, 目标, 缺口, 可用天数,
 * 状态, coloured), a 合计 row with the township's gap per item. Same filters
 * and order as the screen. Audited.
 */
export async function exportMatrix(db: Db, actor: Actor, context: AuditContext, query: z.output<typeof MatrixExportQuery>): Promise<{ file: Buffer; today: string }> {
  const sortItemId = query.sortItemId ?? query.itemId;
  if ((query.sort === 'shortfall' || query.sort === 'on_hand') && !sortItemId) throw new FieldError({ sortItemId: 'field.sort_item_required' });
  const computed = await computeMatrix(db, actor, { itemId: query.itemId });
  const rows = filterAndSort(computed, query, sortItemId);
  const totals = columnTotals(computed.items, rows);
  const { centreName } = await centreToday(db);
  await recordAudit(db, context, { action: 'supply.matrix_export', entity: 'SupplyItem', entityId: query.itemId });

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('物资缺口');
  const fixedColumns = 4;
  sheet.columns = [{ width: 9 }, { width: 22 }, { width: 9 }, { width: 9 }, ...computed.items.flatMap(() => FIGURE_HEADERS.map((header) => ({ width: header === '可用天数' ? 9 : 8 })))];
  sheet.addRow([`${centreName} 防控物资缺口表(${computed.today})`]).font = { bold: true, size: 14 };
  sheet.addRow([`缺口 = max(0, 目标 − 现有);可用天数 = 现有 ÷ ${computed.window.from} 至 ${computed.window.to} 的日均用量;状态:断货、不足(低于目标或可用不足 3 天)、未知(无目标且无使用记录)、充足`]);
  const groupRow = sheet.addRow(['学校代码', '学校', '师生人数', '教职工人数', ...computed.items.flatMap((item) => [`${item.name}(${UNIT_LABELS[item.unit]['zh-CN']})`, null, null, null, null, null])]);
  const headerRow = sheet.addRow([null, null, null, null, ...computed.items.flatMap(() => FIGURE_HEADERS)]);
  groupRow.font = { bold: true };
  headerRow.font = { bold: true };
  for (let column = 1; column <= fixedColumns; column += 1) sheet.mergeCells(groupRow.number, column, headerRow.number, column);
  computed.items.forEach((_item, index) => {
    const first = fixedColumns + 1 + index * FIGURE_HEADERS.length;
    sheet.mergeCells(groupRow.number, first, groupRow.number, first + FIGURE_HEADERS.length - 1);
    groupRow.getCell(first).alignment = { horizontal: 'center' };
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow.number }];

  for (const row of rows) {
    const added = sheet.addRow([
      row.code,
      row.name,
      row.heads.everyone,
      row.heads.staff,
      ...row.cells.flatMap((cell) => [cell.onHand, cell.inTransit, cell.target, cell.shortfall, cell.daysLeft, STOCK_STATUS_LABELS[cell.status]['zh-CN']]),
    ]);
    row.cells.forEach((cell, index) => {
      added.getCell(fixedColumns + (index + 1) * FIGURE_HEADERS.length).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[cell.status] } };
    });
  }
  sheet.addRow([
    '合计',
    `${rows.length} 所学校`,
    rows.reduce((sum, row) => sum + row.heads.everyone, 0),
    rows.reduce((sum, row) => sum + row.heads.staff, 0),
    ...totals.flatMap((total) => [total.onHand, total.inTransit, total.target, total.shortfall, null, `断货 ${total.schoolsOut} 所,不足 ${total.schoolsShort} 所`]),
  ]).font = { bold: true };
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), today: computed.today };
}
