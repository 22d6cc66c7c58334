import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Id } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { SchoolSelect } from '@/features/schools';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { ClassList } from './class-list';

/** All classes in scope; the centre and observers filter by school (kept in the URL: ?schoolId=). */
export default function ClassesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const township = can.seeAllSchools(me.user.role);
  const requested = searchParams.get('schoolId') ?? undefined;
  const schoolId = township && requested && Id.safeParse(requested).success ? requested : undefined;

  return (
    <>
      <PageHeader title={me.user.role === 'class_teacher' ? t('classes.myTitle') : t('classes.title')} />
      {township ? (
        <Flex className="toolbar filter-row" wrap gap={8} align="center">
          <label htmlFor="class-filter-school" className="filter-label">
            {t('classes.filterSchool')}
          </label>
          <SchoolSelect
            id="class-filter-school"
            className="filter-control"
            includeInactive
            allowClear
            placeholder={t('classes.allSchools')}
            value={schoolId}
            onChange={(value) => setSearchParams(value ? { schoolId: value } : {}, { replace: true })}
          />
        </Flex>
      ) : null}
      <ClassList schoolId={schoolId} showSchool={township && !schoolId} />
    </>
  );
}
