import { Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { addDays, type StudyFigures, type TownshipStudyRange } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { DayPicker, formatMonthDay, useDayParam } from '@/features/daily-reports';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useTownshipStudy } from '../api/study';
import { learningCan } from '../permissions';
import { NotStudyingReasons, StudyFigureCards, studyFigureColumns } from './study-figures';
import './learning.css';

const SPANS = [7, 14, 30, 60] as const;
type Span = (typeof SPANS)[number];

function spanOf(value: string | null): Span {
  return SPANS.find((span) => String(span) === value) ?? 14;
}

/** Studying of those enrolled, as a percent with one decimal ('—' with nobody enrolled). */
function rateOf(figures: StudyFigures): string {
  return figures.enrolled ? `${((figures.studying / figures.enrolled) * 100).toFixed(1)}%` : '—';
}

/** The township's study figures: the last day's, the trend over the chosen days, and each school on the last day. */
export default function TownshipStudyPage() {
  const me = useSession();
  if (!learningCan.township(me.user.role)) return <ForbiddenResult />;
  return <TownshipStudy />;
}

function TownshipStudy() {
  const { t } = useTranslation();
  const [to, setTo, today] = useDayParam();
  const [params, setParams] = useSearchParams();
  const span = spanOf(params.get('days'));
  const query = useTownshipStudy(addDays(to, 1 - span), to === today ? undefined : to);
  const setSpan = (value: Span) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 14) next.delete('days');
        else next.set('days', String(value));
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title={t('learning.township.title')} description={t('learning.township.intro')} />
      <div className="learning-range">
        <DayPicker id="learning-to" label={t('learning.township.to')} day={to} today={today} onChange={setTo} />
        <Segmented<Span>
          aria-label={t('learning.township.range')}
          value={span}
          onChange={setSpan}
          options={SPANS.map((value) => ({ value, label: t('learning.township.days', { count: value }) }))}
        />
      </div>
      <QueryState query={query}>{(range) => <TownshipStudyBody range={range} />}</QueryState>
    </>
  );
}

type DayRow = TownshipStudyRange['days'][number];
type SchoolRow = TownshipStudyRange['schools'][number];

function TownshipStudyBody({ range }: { range: TownshipStudyRange }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const last = range.days.at(-1);
  const openSchools = learningCan.readSchools(me.user.role);
  const rate = { key: 'rate', title: t('learning.township.studyingRate'), align: 'right' as const, render: (_: unknown, row: { figures: StudyFigures }) => rateOf(row.figures) };
  const reporting = {
    key: 'reporting',
    title: t('learning.figures.classesReporting'),
    align: 'right' as const,
    render: (_: unknown, row: DayRow | SchoolRow) => `${row.classesReporting.percent}%`,
  };
  if (!last) return <p>{t('learning.township.noDays')}</p>;
  return (
    <>
      <h2 className="section-title">{t('learning.township.today', { date: formatMonthDay(last.day, language) })}</h2>
      <StudyFigureCards figures={last.figures} classesReporting={last.classesReporting} />
      <NotStudyingReasons by={last.figures.notStudyingBy} />
      <section className="section" aria-labelledby="learning-schools">
        <h2 id="learning-schools" className="section-title">
          {t('learning.township.schools', { date: formatMonthDay(range.to, language) })}
        </h2>
        <Table<SchoolRow>
          rowKey="schoolId"
          size="small"
          scroll={{ x: 'max-content' }}
          dataSource={range.schools}
          pagination={range.schools.length > 30 ? { pageSize: 30 } : false}
          columns={[
            {
              key: 'school',
              title: t('learning.township.school'),
              render: (_, row) => (openSchools ? <Link to={`/learning/schools/${row.schoolId}${range.to === range.today ? '' : `?day=${range.to}`}`}>{row.name}</Link> : row.name),
            },
            ...studyFigureColumns<SchoolRow>(t),
            rate,
            reporting,
          ]}
        />
      </section>
      <section className="section" aria-labelledby="learning-trend">
        <h2 id="learning-trend" className="section-title">
          {t('learning.township.trend')}
        </h2>
        <Table<DayRow>
          rowKey="day"
          size="small"
          scroll={{ x: 'max-content' }}
          caption={t('learning.township.trendCaption', { from: formatMonthDay(range.from, language), to: formatMonthDay(range.to, language) })}
          dataSource={[...range.days].reverse()}
          pagination={range.days.length > 15 ? { pageSize: 15 } : false}
          columns={[{ key: 'day', title: t('learning.township.day'), render: (_, row) => formatMonthDay(row.day, language) }, ...studyFigureColumns<DayRow>(t), rate, reporting]}
        />
      </section>
    </>
  );
}
