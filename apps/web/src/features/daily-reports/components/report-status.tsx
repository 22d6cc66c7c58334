import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, CheckOutlined, ClockCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { reportBadge, type DailyReport, type ReportBadge, type ReportTiming } from '@campus/shared';

/** A report's state for a day, as the grid and the tags show it (`reportBadge`): "按时" only for a complete report. */
export type ReportState = ReportBadge['state'];

/** Filed before or after the deadline, or not filed (before the deadline: still open). */
export function reportTiming(report: Pick<DailyReport, 'late'> | null, deadline: string, now = new Date()): ReportTiming {
  if (report) return report.late ? 'late' : 'on_time';
  return now.getTime() > new Date(deadline).getTime() ? 'missing' : 'open';
}

/** The badge of a filed (or missing) report of a day. */
export function badgeOf(report: Pick<DailyReport, 'late' | 'kind' | 'unreached'> | null, deadline: string, now = new Date()): ReportBadge {
  return reportBadge(reportTiming(report, deadline, now), report);
}

/** Colour is never the only signal: every state has its icon and its word. */
export const stateIcon: Record<ReportState, ReactNode> = {
  on_time: <CheckCircleOutlined aria-hidden />,
  filed: <CheckOutlined aria-hidden />,
  late: <ClockCircleOutlined aria-hidden />,
  missing: <CloseCircleOutlined aria-hidden />,
  open: <MinusCircleOutlined aria-hidden />,
};

/** The badge's tag in words: "零报告", "校长代报 · 未联系 25 人", "未联系上 2 人". */
export function useBadgeTag() {
  const { t } = useTranslation();
  return (badge: ReportBadge): string | null => (badge.tag ? t(`dailyReports.tag.${badge.tag}`, { count: badge.unreached }) : null);
}

/** "按时已报" / "已报" / "迟报" / "未报" / "待报", with its tag: 零报告, 代报 with the number not reached, or the number not reached. */
export function ReportStatusTags({ badge }: { badge: ReportBadge }) {
  const { t } = useTranslation();
  const tagText = useBadgeTag()(badge);
  return (
    <span className="report-tags">
      <Tag className={`report-tag report-${badge.state}`} icon={stateIcon[badge.state]}>
        {t(`dailyReports.status.${badge.state}`)}
      </Tag>
      {tagText ? <Tag className={`report-tag report-${badge.tag === 'zero' ? 'zero' : 'behalf'}`}>{tagText}</Tag> : null}
    </span>
  );
}
