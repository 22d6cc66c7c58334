import type { Catalogue } from './zh-CN';

export const dailyReportsEn: Catalogue['dailyReports'] = {
  cell: { on_time: 'On time', late: 'Late', missing: 'Missing', open: 'Not yet due', zero: 'Zero report' },
};
