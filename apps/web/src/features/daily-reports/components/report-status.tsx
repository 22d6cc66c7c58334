import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DailyReport } from '@campus/shared';

/** A report's state for a day: filed before or after the deadline, or not filed (before the deadline: still open). */
export type ReportState = 'on_time' | 'late' | 'missing' | 'open';

export function reportState(report: Pick<DailyReport, 'late'> | null, deadline: string, now = new Date()): ReportState {
  if (report) return report.late ? 'late' : 'on_time';
  return now.getTime() > new Date(deadline).getTime() ? 'missing' : 'open';
}

/** Colour is never the only signal: every state has its icon and its word. */
export const stateIcon: Record<ReportState, ReactNode> = {
  on_time: <CheckCircleOutlined aria-hidden />,
  late: <ClockCircleOutlined aria-hidden />,
  missing: <CloseCircleOutlined aria-hidden />,
  open: <MinusCircleOutlined aria-hidden />,
};

/** "按时已报" / "迟报" / "未报" / "待报", with a "零报告" tag for a report with no exception. */
export function ReportStatusTags({ state, zero = false, onBehalf = false }: { state: ReportState; zero?: boolean; onBehalf?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="report-tags">
      <Tag className={`report-tag report-${state}`} icon={stateIcon[state]}>
        {t(`dailyReports.status.${state}`)}
      </Tag>
      {zero ? <Tag className="report-tag report-zero">{t('dailyReports.cell.zero')}</Tag> : null}
      {onBehalf ? <Tag className="report-tag report-behalf">{t('dailyReports.status.onBehalf')}</Tag> : null}
    </span>
  );
}
