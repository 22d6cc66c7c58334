import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { SchoolStudyDay } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { DayPicker, useDayParam } from '@/features/daily-reports';
import { useSession } from '@/lib/session';
import { useSchoolStudy } from '../api/study';
import { learningCan } from '../permissions';
import { NotStudyingReasons, StudyFigureCards, studyFigureColumns } from './study-figures';
import './learning.css';

/** A school's study day (`/learning`: the principal's school; `/learning/schools/:schoolId`: the centre opening one). */
export default function SchoolStudyPage() {
  const me = useSession();
  const params = useParams();
  const schoolId = params.schoolId ?? me.school?.id;
  if (!learningCan.readSchools(me.user.role)) return <ForbiddenResult />;
  if (!schoolId) return <NotFoundResult />;
  return <SchoolStudy schoolId={schoolId} />;
}

function SchoolStudy({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const [day, setDay, today] = useDayParam();
  const query = useSchoolStudy(schoolId, day === today ? undefined : day);
  return (
    <>
      <PageHeader title={t('learning.school.title')} description={t('learning.school.intro')} />
      <DayPicker id="learning-day" label={t('dailyReports.day.label')} day={day} today={today} onChange={setDay} />
      <QueryState query={query}>{(view) => <SchoolStudyBody view={view} />}</QueryState>
    </>
  );
}

type ClassRow = SchoolStudyDay['classes'][number];

function SchoolStudyBody({ view }: { view: SchoolStudyDay }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="section-title">{view.school.name}</h2>
      <StudyFigureCards figures={view.figures} classesReporting={view.classesReporting} />
      <NotStudyingReasons by={view.figures.notStudyingBy} />
      <section className="section" aria-labelledby="learning-classes">
        <h2 id="learning-classes" className="section-title">
          {t('learning.school.classes')}
        </h2>
        <Table<ClassRow>
          rowKey="classId"
          size="small"
          scroll={{ x: 'max-content' }}
          dataSource={view.classes}
          pagination={view.classes.length > 30 ? { pageSize: 30 } : false}
          locale={{ emptyText: t('learning.school.noClasses') }}
          columns={[
            { key: 'name', title: t('learning.school.class'), render: (_, row) => row.name },
            { key: 'headTeacher', title: t('learning.school.headTeacher'), render: (_, row) => row.headTeacherName ?? '—' },
            ...studyFigureColumns<ClassRow>(t),
            {
              key: 'report',
              title: t('learning.school.reportFiled'),
              render: (_, row) => (row.reportFiled ? <Tag className="tag-ok">{t('learning.school.filed')}</Tag> : <Tag className="tag-warn">{t('learning.school.notFiled')}</Tag>),
            },
          ]}
        />
      </section>
    </>
  );
}
