import { useTranslation } from 'react-i18next';
import type { ReportCounts as Counts } from '@campus/shared';

// The study counts (issue 17) are the class's daily study report: part of the one filing, shown with the rest.
export const COUNT_FIELDS = [
  'total',
  'reached',
  'unreached',
  'exceptions',
  'inQuarantine',
  'outsideCity',
  'studyingOnline',
  'studyingPaper',
  'studyingTv',
  'notStudying',
  'studyUnknown',
  'notContacted',
] as const;
type CountField = (typeof COUNT_FIELDS)[number];

/** A report's figures as labelled boxes (a <dl>); exceptions in red when there are any. */
export function ReportCounts({ counts, fields = COUNT_FIELDS, label }: { counts: Partial<Counts>; fields?: readonly CountField[]; label: string }) {
  const { t } = useTranslation();
  return (
    <dl className="preview-counts" aria-label={label}>
      {/* "not contacted" only where a report was filed on behalf of someone nobody called */}
      {fields.filter((field) => field !== 'notContacted' || Boolean(counts.notContacted)).map((field) => (
        <div key={field} className={field === 'exceptions' && counts.exceptions ? 'preview-count count-exception' : 'preview-count'}>
          <dt>{t(`dailyReports.counts.${field}`)}</dt>
          <dd>{counts[field] ?? 0}</dd>
        </div>
      ))}
    </dl>
  );
}
