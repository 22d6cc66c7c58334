// Writes the roster files under e2e/fixtures/ that a user (and the tests) can
// import into the demo school S01 (义和镇中心小学, classes 三年级1班, 三年级2班 …):
//   roster-sample.xlsx  — 30 clean new students
//   roster-messy.xlsx   — every kind of problem a real school file has
//   roster-messy-gbk.csv — the same as a GBK-encoded CSV, as Excel on Chinese Windows saves it
// Run: node --import tsx scripts/make-roster-fixtures.ts
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { idCheckCharacter } from '../packages/shared/src/id-number.js';

const out = path.resolve(import.meta.dirname, '../e2e/fixtures');

export function idNumber(birth: string, sequence: number): string {
  const first17 = `500118${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const HEADERS = ['姓名', '性别', '身份证号', '班级', '学号', '监护人', '关系', '联系电话', '家庭住址', '留守儿童', '学习设备'];

async function writeXlsx(file: string, rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学生名册');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path.join(out, file));
}

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = ['子涵', '雨轩', '欣怡', '浩然', '梓萱', '宇航', '诗涵', '俊杰', '思远', '嘉怡'];

const sample: (string | number)[][] = [];
for (let index = 0; index < 30; index += 1) {
  const name = SURNAMES[index] + GIVEN[index % GIVEN.length];
  const birth = `2017${String((index % 12) + 1).padStart(2, '0')}${String((index % 27) + 1).padStart(2, '0')}`;
  sample.push([name, index % 2 ? '女' : '男', idNumber(birth, 700 + index), index < 15 ? '三年级1班' : '三年级2班', `S${9000 + index}`, `${SURNAMES[index]}建国`, '父亲', `1390000${String(1000 + index)}`, `义和镇新桥村${(index % 8) + 1}组`, index % 5 === 0 ? '是' : '否', '智能手机']);
}

const valid1 = idNumber('20170304', 801);
const validX = (() => {
  for (let sequence = 802; sequence < 999; sequence += 1) {
    const id = idNumber('20170405', sequence);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X');
})();
const badCheck = valid1.slice(0, 17) + (valid1[17] === '1' ? '2' : '1');
const fullWidth = idNumber('20170506', 803).replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
const messy: (string | number)[][] = [
  ['刘一', '男', valid1, '三年级1班', 'M001', '刘大', '父亲', '13900001111', '新桥村', '否', '智能手机'], // 2: added
  ['', '女', idNumber('20170101', 804), '三年级1班', 'M002', '', '', '', '', '', ''], // 3: name missing
  ['陈二', '女', badCheck, '三年级1班', 'M003', '', '', '', '', '', ''], // 4: wrong check digit
  ['张三', '男', 500118201703048000, '三年级1班', 'M004', '', '', '', '', '', ''], // 5: Excel number (scientific)
  ['李四', '女', validX.slice(0, 17), '三年级1班', 'M005', '', '', '', '', '', ''], // 6: trailing X lost
  ['王五', '男', ` ${fullWidth} `, '三年级1班', 'M006', '王父', '父亲', '139 0000 2222', '', '是', '仅电视'], // 7: full-width + spaces: normalised, added
  ['赵六', '男', valid1, '三年级2班', 'M007', '', '', '', '', '', ''], // 8: duplicate ID of row 2
  ['孙七', '女', idNumber('20170707', 805), '七年级9班', 'M008', '', '', '', '', '', ''], // 9: unknown class
  ['周八', '男', idNumber('20170808', 806), '三年级2班', 'M009', '周父', '父亲', '1380000', '', '', ''], // 10: malformed phone
  ['吴九', '女', validX.toLowerCase(), '3-2', 'M010', '', '', '', '', '否', '平板'], // 11: lower-case x, "3-2" class: added
  ['郑十', '男', '500118201302300011', '三年级1班', 'M011', '', '', '', '', '', ''], // 12: 30 Feb birth date
  ['钱十一', '女', idNumber('20170909', 807), '三年级2班', 'M001', '', '', '', '', '', ''], // 13: duplicate student number of row 2
];

fs.mkdirSync(out, { recursive: true });
await writeXlsx('roster-sample.xlsx', sample);
await writeXlsx('roster-messy.xlsx', messy);
const csv = [HEADERS, ...messy].map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toExponential(5).toUpperCase() : `"${String(cell).replace(/"/g, '""')}"`)).join(',')).join('\r\n');
// GBK as Excel writes it on Chinese Windows (iconv is not needed: encode via TextDecoder's inverse table is unavailable, so build it from gb18030 decoding).
fs.writeFileSync(path.join(out, 'roster-messy-gbk.csv'), encodeGb18030(csv));
console.log(`wrote ${out}: roster-sample.xlsx (${sample.length} rows), roster-messy.xlsx (${messy.length} rows), roster-messy-gbk.csv`);

/** Minimal GB18030 encoder for the characters used here, built by decoding the two-byte range once. */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const encoded = table.get(char);
      if (!encoded) throw new Error(`cannot encode ${char}`);
      bytes.push(...encoded);
    }
  }
  return Buffer.from(bytes);
}
