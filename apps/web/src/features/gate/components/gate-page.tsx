import { useState } from 'react';
import { App, Button, Radio, Tag } from 'antd';
import { BookOutlined, LogoutOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { GateToday } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useSession } from '@/lib/session';
import { useGateToday, useSignOut, useSignOutEveryone } from '../api/gate-today';
import { gateCan } from '../permissions';
import { GateEntryList } from './entry-list';
import { PersonCheck } from './person-check';
import { VisitorForm } from './visitor-form';
import './gate.css';

type Mode = 'visitor' | 'person';

/** 校门登记 on the gate's phone: `/gate` today's lists, `/gate/visitor` a visitor, `/gate/person` a returning student or staff member. */
export default function GatePage() {
  const me = useSession();
  const { mode } = useParams();
  if (!gateCan.today(me.user.role)) return <ForbiddenResult />;
  if (!me.school || (mode !== undefined && mode !== 'visitor' && mode !== 'person')) return <NotFoundResult />;
  return <Gate schoolId={me.school.id} mode={mode} />;
}

function Gate({ schoolId, mode }: { schoolId: string; mode: Mode | undefined }) {
  const { t } = useTranslation();
  const query = useGateToday(schoolId);
  return (
    <>
      <PageHeader title={mode === 'visitor' ? t('gate.form.visitorTitle') : mode === 'person' ? t('gate.form.personTitle') : t('gate.today.title')} description={mode ? undefined : t('gate.today.intro')} />
      <QueryState query={query}>
        {(view) =>
          mode ? (
            <>
              <Rules view={view} />
              {mode === 'visitor' ? <VisitorForm view={view} /> : <PersonCheck view={view} />}
            </>
          ) : (
            <TodayLists view={view} />
          )
        }
      </QueryState>
    </>
  );
}

function Rules({ view }: { view: GateToday }) {
  const { t } = useTranslation();
  return (
    <p className="gate-rules" role="status">
      <Tag className={view.closed ? 'tag-danger' : 'tag-ok'}>{view.closed ? t('gate.today.closed') : t('gate.today.open')}</Tag>
      <span>{t('gate.today.threshold', { threshold: view.feverThreshold.toFixed(1) })}</span>
      {view.closed && view.approvals.length ? <span>{t('gate.today.approvals', { count: view.approvals.length })}</span> : null}
    </p>
  );
}

type Tab = 'inside' | 'left' | 'refused' | 'people';

function TodayLists({ view }: { view: GateToday }) {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const confirm = useConfirmedAction();
  const signOut = useSignOut();
  const signOutEveryone = useSignOutEveryone();
  const [tab, setTab] = useState<Tab>('inside');
  const mayRegister = gateCan.register(me, view.school.id);
  const lists: Record<Tab, { entries: GateToday['inside']; empty: string }> = {
    inside: { entries: view.inside, empty: t('gate.today.emptyInside') },
    left: { entries: view.left, empty: t('gate.today.emptyLeft') },
    refused: { entries: view.refused, empty: t('gate.today.emptyRefused') },
    people: { entries: view.people, empty: t('gate.today.emptyPeople') },
  };

  return (
    <>
      <Rules view={view} />
      {mayRegister ? (
        <div className="gate-actions">
          <Link to="/gate/visitor">
            <Button type="primary" block icon={<UserAddOutlined aria-hidden />}>
              {t('gate.today.visitor')}
            </Button>
          </Link>
          <Link to="/gate/person">
            <Button block icon={<TeamOutlined aria-hidden />}>
              {t('gate.today.person')}
            </Button>
          </Link>
        </div>
      ) : null}
      <Radio.Group
        value={tab}
        onChange={(event) => setTab(event.target.value as Tab)}
        optionType="button"
        buttonStyle="solid"
        className="gate-tabs section"
        aria-label={t('gate.today.title')}
        options={(Object.keys(lists) as Tab[]).map((key) => ({ value: key, label: `${t(`gate.today.${key}`)} ${lists[key].entries.length}` }))}
      />
      <GateEntryList
        entries={lists[tab].entries}
        empty={lists[tab].empty}
        label={t(`gate.today.${tab}`)}
        action={
          tab === 'inside' && mayRegister
            ? (entry) => (
                <Button
                  icon={<LogoutOutlined aria-hidden />}
                  loading={signOut.isPending && signOut.variables.id === entry.id}
                  aria-label={`${t('gate.today.signOut')} ${entry.name}`}
                  onClick={() =>
                    signOut.mutate({ id: entry.id }, { onSuccess: () => void message.success(t('gate.today.signedOut', { name: entry.name })), onError: (error) => void message.error(error.message) })
                  }
                >
                  {t('gate.today.signOut')}
                </Button>
              )
            : undefined
        }
      />
      {tab === 'inside' && mayRegister && view.inside.length > 0 ? (
        <Button
          block
          className="section"
          loading={signOutEveryone.isPending}
          onClick={() =>
            confirm({
              title: t('gate.today.signOutAll'),
              content: t('gate.today.signOutAllConfirm', { count: view.inside.length }),
              okText: t('gate.today.signOutAll'),
              danger: false,
              run: async () => {
                const { count } = await signOutEveryone.mutateAsync(view.school.id);
                void message.success(t('gate.today.signedOutAll', { count }));
              },
            })
          }
        >
          {t('gate.today.signOutAll')}
        </Button>
      ) : null}
      {gateCan.book(me.user.role) ? (
        <p className="section">
          <Link to="/gate/book">
            <BookOutlined aria-hidden /> {t('gate.today.book')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
