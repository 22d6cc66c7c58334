import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Select } from 'antd';
import { CopyOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addDays, mondayOf, type DutyRoster } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { isApiRequestError } from '@/lib/api-client';
import { useCentreToday } from '@/lib/centre-day';
import { formatMonthDay, formatWeekday } from '@/lib/day-format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { getDutyRoster, useDutyRoster, useSaveDutyRoster } from '../api/duty-roster';
import { dutyKeys } from '../query-keys';
import { dutyCan } from '../permissions';
import './duty.css';

const WEEK = 7;

export default function DutyRosterPage() {
  const me = useSession();
  const schoolId = me.school?.id;
  if (!schoolId) return <NotFoundResult />;
  if (!dutyCan.roster(me, schoolId)) return <ForbiddenResult />;
  return <DutyRosterEditor schoolId={schoolId} />;
}

function DutyRosterEditor({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useCentreToday();
  const [from, setFrom] = useState(() => mondayOf(today));
  const query = useDutyRoster(schoolId, from, WEEK);
  const to = addDays(from, WEEK - 1);
  return (
    <>
      <PageHeader title={t('duty.roster.title')} description={t('duty.roster.intro')} />
      <Flex wrap gap={8} align="center" className="section">
        <Button icon={<LeftOutlined aria-hidden />} onClick={() => setFrom(addDays(from, -WEEK))}>
          {t('duty.roster.previousWeek')}
        </Button>
        <strong aria-live="polite">{t('duty.roster.week', { from: formatMonthDay(from, language), to: formatMonthDay(to, language) })}</strong>
        <Button onClick={() => setFrom(addDays(from, WEEK))}>
          {t('duty.roster.nextWeek')} <RightOutlined aria-hidden />
        </Button>
        <Button onClick={() => setFrom(mondayOf(today))} disabled={from === mondayOf(today)}>
          {t('duty.roster.thisWeek')}
        </Button>
      </Flex>
      <QueryState query={query}>{(roster) => <RosterWeek key={from} roster={roster} from={from} />}</QueryState>
    </>
  );
}

type Entry = { dutyPersonId: string | null; leaderPersonId: string | null };
type PersonOption = { label: string; value: string };

/** One person of a roster day (on duty or leading): a searchable choice of the school's staff, cleared to nobody. */
function PersonSelect({ label, options, value, onChange, missing }: { label: string; options: PersonOption[]; value: string | null; onChange: (personId: string | null) => void; missing: boolean }) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={label}
      placeholder={t('duty.roster.choose')}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      value={value}
      onChange={(chosen: string | undefined) => onChange(chosen ?? null)}
      // The day's other half is chosen and this one is not: both or neither.
      status={missing ? 'error' : undefined}
    />
  );
}

function RosterWeek({ roster, from }: { roster: DutyRoster; from: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useSaveDutyRoster();
  const [entries, setEntries] = useState<Entry[]>(() => roster.days.map((day) => ({ dutyPersonId: day.dutyPerson?.id ?? null, leaderPersonId: day.leader?.id ?? null })));
  const [error, setError] = useState<string>();
  const [copying, setCopying] = useState(false);
  const options: PersonOption[] = roster.staff.map((person) => ({ label: person.name, value: person.id }));
  const known = new Set(options.map((option) => option.value));
  // someone on the roster who has since left stays visible by name
  for (const day of roster.days) {
    for (const person of [day.dutyPerson, day.leader]) {
      if (person && !known.has(person.id)) {
        known.add(person.id);
        options.push({ label: person.name, value: person.id });
      }
    }
  }

  if (!roster.staff.length) return <Empty description={t('duty.roster.noStaff')} />;

  const set = (index: number, change: Partial<Entry>) => setEntries((current) => current.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));
  const half = entries.findIndex((entry) => (entry.dutyPersonId === null) !== (entry.leaderPersonId === null));

  const copyLastWeek = async () => {
    setCopying(true);
    try {
      const lastWeek = addDays(from, -WEEK);
      const last = await queryClient.fetchQuery({ queryKey: dutyKeys.roster(roster.schoolId, lastWeek, WEEK), queryFn: ({ signal }) => getDutyRoster(roster.schoolId, lastWeek, WEEK, signal) });
      if (!last.days.some((day) => day.dutyPerson)) {
        void message.info(t('duty.roster.nothingToCopy'));
        return;
      }
      setEntries(last.days.map((day) => ({ dutyPersonId: day.dutyPerson?.id ?? null, leaderPersonId: day.leader?.id ?? null })));
      void message.success(t('duty.roster.copied'));
    } catch (caught) {
      setError(isApiRequestError(caught) ? caught.message : String(caught));
    } finally {
      setCopying(false);
    }
  };

  const submit = async () => {
    setError(undefined);
    if (half >= 0) {
      setError(t('duty.roster.bothOrNeither'));
      return;
    }
    try {
      await save.mutateAsync({ schoolId: roster.schoolId, entries: roster.days.map((day, index) => ({ day: day.day, ...entries[index]! })) });
      void message.success(t('duty.roster.saved'));
    } catch (caught) {
      setError(isApiRequestError(caught) ? [caught.message, ...Object.values(caught.fields ?? {})].filter((text, index, all) => all.indexOf(text) === index).join(' ') : String(caught));
    }
  };

  return (
    <>
      <table className="duty-roster-table">
        <thead>
          <tr>
            <th scope="col">{t('duty.roster.day')}</th>
            <th scope="col">{t('duty.day.onDuty')}</th>
            <th scope="col">{t('duty.day.leader')}</th>
          </tr>
        </thead>
        <tbody>
          {roster.days.map((day, index) => {
            const label = `${formatMonthDay(day.day, language)} ${formatWeekday(day.day, language)}`;
            return (
              <tr key={day.day}>
                <th scope="row" className="duty-roster-day">
                  {label}
                </th>
                <td>
                  <PersonSelect
                    label={`${label} ${t('duty.day.onDuty')}`}
                    options={options}
                    value={entries[index]!.dutyPersonId}
                    onChange={(dutyPersonId) => set(index, { dutyPersonId })}
                    missing={index === half && !entries[index]!.dutyPersonId}
                  />
                </td>
                <td>
                  <PersonSelect
                    label={`${label} ${t('duty.day.leader')}`}
                    options={options}
                    value={entries[index]!.leaderPersonId}
                    onChange={(leaderPersonId) => set(index, { leaderPersonId })}
                    missing={index === half && !entries[index]!.leaderPersonId}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error ? <Alert type="error" showIcon role="alert" title={error} className="section" /> : null}
      <Flex wrap gap={8} className="section">
        <Button icon={<CopyOutlined aria-hidden />} loading={copying} onClick={() => void copyLastWeek()}>
          {t('duty.roster.copyLastWeek')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={() => void submit()}>
          {t('duty.roster.save')}
        </Button>
      </Flex>
    </>
  );
}
