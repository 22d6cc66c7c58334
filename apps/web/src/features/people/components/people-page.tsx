import { useMemo, useState } from 'react';
import { Button, Flex } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { SchoolSelect, useSchools } from '@/features/schools';
import { useSession } from '@/lib/session';
import { rosterTotalLabel, usePeopleSearch } from '../api/search-people';
import { rosterCan } from '../permissions';
import { ExportButton } from './export-button';
import { PersonFormModal } from './person-form-modal';
import { RosterFilters } from './roster-filters';
import { RosterList } from './roster-list';
import { RosterSummaryLine } from './roster-summary';
import { SchoolCounts } from './school-counts';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { filtersOf, hasFilters, useRosterParams } from './use-roster-params';
import './people.css';

const PAGE_SIZE = 50;

/**
 * /people: a school's roster. The centre and observers first see every
 * school's counts side by side and open one school (?schoolId=) from there.
 */
export default function PeoplePage() {
  const me = useSession();
  const [params] = useRosterParams();
  const role = me.user.role;
  if (!rosterCan.read(role)) return <ForbiddenResult />;
  if (rosterCan.seeAllSchools(role) && !params.schoolId && !params.allSchools) return <SchoolCounts />;
  return <Roster />;
}

function Roster() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const role = me.user.role;
  const township = rosterCan.seeAllSchools(role);
  const [params, setParams] = useRosterParams();
  const schools = useSchools({ includeInactive: true });
  // School staff see their own school; the server scopes them anyway.
  const schoolId = township ? params.schoolId : (me.school?.id ?? undefined);
  const school = schools.data?.find((candidate) => candidate.id === schoolId);
  const [searchText, setSearchText] = useState('');
  const q = useDebouncedValue(searchText.trim(), 300);
  const [adding, setAdding] = useState(false);

  const filters = useMemo(() => filtersOf(params, schoolId), [params, schoolId]);
  const search = useMemo(() => ({ ...filters, ...(q ? { q } : {}), sort: params.sort, limit: PAGE_SIZE }), [filters, q, params.sort]);
  const people = usePeopleSearch(search);
  const total = rosterTotalLabel(people.data?.pages[0]);
  const canWrite = rosterCan.write(role);

  const title = township ? (school ? t('people.titleOfSchool', { school: school.name }) : t('people.allSchoolsTitle')) : t('people.title');
  const importHref = schoolId && township ? `/people/import?schoolId=${schoolId}` : '/people/import';

  return (
    <div className="people-page">
      <PageHeader
        title={title}
        description={!township && me.school ? me.school.name : undefined}
        back={
          township ? (
            <Link to="/people" className="back-link no-print">
              <ArrowLeftOutlined aria-hidden /> {t('people.overviewBack')}
            </Link>
          ) : undefined
        }
        extra={
          <>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                {t('people.add')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => void navigate(importHref)}>
                {t('people.importButton')}
              </Button>
            ) : null}
            <ExportButton filters={q ? { ...filters, q } : filters} total={total} />
          </>
        }
      />
      {township ? (
        <Flex className="toolbar filter-row no-print" wrap gap={8} align="center">
          <label htmlFor="roster-school" className="filter-label">
            {t('people.school')}
          </label>
          <SchoolSelect
            id="roster-school"
            className="filter-control"
            allowClear
            placeholder={t('people.allSchools')}
            value={schoolId}
            onChange={(value) => setParams(value ? { schoolId: value, allSchools: false, classId: undefined } : { schoolId: undefined, allSchools: true, classId: undefined })}
          />
        </Flex>
      ) : null}
      <RosterSummaryLine filters={filters} />
      <RosterFilters params={params} onChange={setParams} schoolId={schoolId} role={role} search={searchText} onSearch={setSearchText} />
      <p className="roster-count" aria-live="polite">
        {total === null ? null : t('people.count', { total })}
      </p>
      <RosterList query={people} showSchool={!schoolId} emptyText={q || hasFilters(params) ? t('people.empty') : t('people.emptyRoster')} />
      {canWrite ? <PersonFormModal open={adding} schoolId={schoolId} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
