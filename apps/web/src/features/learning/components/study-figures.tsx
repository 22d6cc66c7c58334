import { List } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClassesReporting, NotStudyingBy, StudyFigures } from '@campus/shared';
import { StatCards } from '@/components/ui/stat-cards';

const REASONS = ['ill', 'no_device', 'no_network', 'no_supervision', 'other', 'unspecified'] as const satisfies readonly (keyof NotStudyingBy)[];

/** The day's headline figures: enrolled, reached, studying by how, not studying, not known (and the classes reporting). */
export function StudyFigureCards({ figures, classesReporting }: { figures: StudyFigures; classesReporting?: ClassesReporting }) {
  const { t } = useTranslation();
  return (
    <>
      <StatCards
        cards={[
          { key: 'enrolled', title: t('learning.figures.enrolled'), value: figures.enrolled },
          { key: 'reached', title: t('learning.figures.reached'), value: figures.reached },
          { key: 'studyingOnline', title: t('learning.figures.studyingOnline'), value: figures.studyingOnline },
          { key: 'studyingPaper', title: t('learning.figures.studyingPaper'), value: figures.studyingPaper },
          { key: 'studyingTv', title: t('learning.figures.studyingTv'), value: figures.studyingTv },
          { key: 'notStudying', title: t('learning.figures.notStudying'), value: figures.notStudying, alert: figures.notStudying > 0 },
          { key: 'unknown', title: t('learning.figures.unknown'), value: figures.unknown },
        ]}
      />
      <p className="learning-line">
        {t('learning.figures.studying')} {figures.studying}（{t('learning.figures.studyPartly')} {figures.studyPartly}）
        {classesReporting ? (
          <>
            {' · '}
            {t('learning.figures.classesReporting')} {t('learning.figures.classesReportingValue', classesReporting)}
          </>
        ) : null}
      </p>
    </>
  );
}

/** Why those not studying did not, by reason (no chart is the only way to see a number: a list). */
export function NotStudyingReasons({ by }: { by: NotStudyingBy }) {
  const { t } = useTranslation();
  const rows = REASONS.filter((reason) => by[reason] > 0);
  return (
    <section className="section" aria-labelledby="learning-reasons">
      <h2 id="learning-reasons" className="section-title">
        {t('learning.reasons.title')}
      </h2>
      {rows.length ? (
        <List
          size="small"
          bordered
          dataSource={rows}
          renderItem={(reason) => (
            <List.Item extra={<strong>{by[reason]}</strong>}>
              {reason === 'unspecified' ? t('learning.reasons.unspecified') : t(`followUps.notStudyingReason.${reason}`)}
            </List.Item>
          )}
        />
      ) : (
        <p>{t('learning.reasons.none')}</p>
      )}
    </section>
  );
}

/** The figure columns of a study table (a school's classes, the township's schools or days), in one order everywhere. */
export function studyFigureColumns<Row extends { figures: StudyFigures }>(t: TFunction) {
  return (['enrolled', 'studyingOnline', 'studyingPaper', 'studyingTv', 'notStudying', 'unknown'] as const).map((key) => ({
    key,
    title: t(`learning.figures.${key}`),
    align: 'right' as const,
    render: (_: unknown, row: Row) => row.figures[key],
  }));
}
