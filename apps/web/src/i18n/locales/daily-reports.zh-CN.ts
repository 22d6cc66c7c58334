/** Daily reports (日报告 / 零报告): the principal's school day and the centre's completeness grid. */
export const dailyReportsZhCN = {
  cell: { on_time: '按时', late: '迟报', missing: '未报', open: '待报', zero: '零报告' },
} as const;
