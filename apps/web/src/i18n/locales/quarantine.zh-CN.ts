import { quarantineCoreZhCN } from './zh-CN.core';
/** Quarantine cases (居家隔离 · 一人一案). Reasons, places, outcomes and moods come from @campus/shared's labels. */
export const quarantineZhCN = {
  ...quarantineCoreZhCN,
  status: { open: '隔离中', closed: '已结案' },
  school: {
    title: '隔离专班 · 一人一案',
    titleOf: '{{school}} · 隔离专班',
    open: '隔离中（{{count}}）',
    closed: '已结案（{{count}}）',
    help: '需要帮助（{{count}}）',
    alerts: '预警（{{count}}）',
    noHelp: '没有待解决的求助。',
    noAlerts: '近三天没有发热或心理危机预警。',
    openCase: '新建隔离档案',
    backToOverview: '返回全镇概况',
  },
  overview: {
    title: '隔离专班 · 全镇概况',
    open: '隔离中',
    newToday: '今日新增',
    releasedToday: '今日解除',
    needsHelp: '需要帮助',
    alerts: '预警',
    chart: '近 {{days}} 天每日隔离人数',
    chartDay: '{{day}}：{{count}} 人',
    school: '学校',
    schools: '各校隔离情况',
    alertList: '预警名单（近三天）',
  },
} as const;
