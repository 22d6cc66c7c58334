import { useState } from 'react';
import { App, Button, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DisinfectionArea, DisinfectionPlan } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { ActiveTag } from '@/components/ui/status-tag';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useSession } from '@/lib/session';
import { useDisinfectionPlan, useUpdateArea } from '../api/disinfection-plan';
import { disinfectionCan } from '../permissions';
import { AreaModal } from './area-modal';
import { usePlanFormat } from './disinfection-format';
import './disinfection.css';

/** The school's plan (`/disinfection/plan`: the principal's school; `/disinfection/schools/:schoolId/plan`: the centre opening one). */
export default function DisinfectionPlanPage() {
  const me = useSession();
  const params = useParams();
  const schoolId = params.schoolId ?? me.school?.id;
  if (!disinfectionCan.read(me.user.role)) return <ForbiddenResult />;
  if (!schoolId) return <NotFoundResult />;
  return <PlanView schoolId={schoolId} dayPath={params.schoolId ? `/disinfection/schools/${schoolId}` : '/disinfection'} />;
}

function PlanView({ schoolId, dayPath }: { schoolId: string; dayPath: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const query = useDisinfectionPlan(schoolId);
  const mayPlan = disinfectionCan.plan(me, schoolId);
  // undefined: closed; null: a new area
  const [editing, setEditing] = useState<DisinfectionArea | null | undefined>(undefined);
  const ownSchool = me.school?.id === schoolId;
  return (
    <>
      <PageHeader
        title={ownSchool || !query.data ? t('disinfection.plan.title') : t('disinfection.plan.titleOf', { school: query.data.school.name })}
        description={t('disinfection.plan.intro')}
        back={
          <Link to={dayPath} className="back-link">
            <ArrowLeftOutlined aria-hidden /> {ownSchool || !query.data ? t('disinfection.plan.back') : t('disinfection.plan.backSchool', { school: query.data.school.name })}
          </Link>
        }
        extra={
          mayPlan && query.data ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
              {t('disinfection.plan.add')}
            </Button>
          ) : null
        }
      />
      <QueryState query={query}>
        {(plan) => (
          <>
            <PlanList plan={plan} mayPlan={mayPlan} onEdit={setEditing} />
            {editing !== undefined ? <AreaModal plan={plan} area={editing} onClose={() => setEditing(undefined)} /> : null}
          </>
        )}
      </QueryState>
    </>
  );
}

function PlanList({ plan, mayPlan, onEdit }: { plan: DisinfectionPlan; mayPlan: boolean; onEdit: (area: DisinfectionArea) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = usePlanFormat();
  const confirm = useConfirmedAction();
  const update = useUpdateArea();

  const toggle = (area: DisinfectionArea) =>
    confirm({
      title: area.active ? t('disinfection.plan.retireTitle', { name: area.name }) : t('disinfection.plan.reactivateTitle', { name: area.name }),
      content: area.active ? t('disinfection.plan.retireText') : t('disinfection.plan.reactivateText'),
      okText: area.active ? t('disinfection.plan.retire') : t('disinfection.plan.reactivate'),
      danger: area.active,
      run: async () => {
        await update.mutateAsync({ id: area.id, active: !area.active });
        void message.success(area.active ? t('disinfection.plan.retired', { name: area.name }) : t('disinfection.plan.reactivated', { name: area.name }));
      },
    });

  const actions = (area: DisinfectionArea) =>
    mayPlan ? (
      <div className="disinfection-actions nowrap">
        <Button icon={<EditOutlined aria-hidden />} aria-label={t('disinfection.plan.editFor', { name: area.name })} onClick={() => onEdit(area)}>
          {t('common.edit')}
        </Button>
        <Button
          icon={area.active ? <StopOutlined aria-hidden /> : <UndoOutlined aria-hidden />}
          aria-label={area.active ? t('disinfection.plan.retireFor', { name: area.name }) : t('disinfection.plan.reactivateFor', { name: area.name })}
          onClick={() => toggle(area)}
        >
          {area.active ? t('disinfection.plan.retire') : t('disinfection.plan.reactivate')}
        </Button>
      </div>
    ) : null;

  const agent = (area: DisinfectionArea) => `${area.agent} ${area.concentration} mg/L`;
  const item = (area: DisinfectionArea) => t('disinfection.plan.itemOption', { name: area.item.name, unit: format.unit(area.item.unit) });

  const columns: TableColumnsType<DisinfectionArea> = [
    {
      title: t('disinfection.plan.name'),
      key: 'name',
      render: (_, area) => (
        <>
          <strong>{area.name}</strong>
          <div className="disinfection-area-meta">{area.kind}</div>
        </>
      ),
    },
    { title: t('disinfection.plan.dueTimes'), key: 'times', render: (_, area) => format.times(area.dueTimes) },
    { title: t('disinfection.plan.weekdays'), key: 'weekdays', render: (_, area) => format.weekdays(area.weekdays) },
    { title: t('disinfection.plan.agent'), key: 'agent', render: (_, area) => agent(area) },
    { title: t('disinfection.plan.item'), key: 'item', render: (_, area) => item(area) },
    { title: t('disinfection.plan.status'), key: 'active', render: (_, area) => <ActiveTag active={area.active} /> },
    ...(mayPlan ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, area: DisinfectionArea) => actions(area) }] : []),
  ];

  return (
    <PageSection id="disinfection-plan-areas-title" title={t('disinfection.plan.areas')}>
      <DataList<DisinfectionArea>
        items={plan.areas}
        rowKey={(area) => area.id}
        label={t('disinfection.plan.areas')}
        emptyText={mayPlan ? t('disinfection.plan.empty') : t('disinfection.day.noPlan')}
        paginate={false}
        columns={columns}
        renderCard={(area) => (
          <div className="card-body">
            <div className="disinfection-area-head">
              <span className="card-title">{area.name}</span>
              <ActiveTag active={area.active} />
            </div>
            <div>
              {area.kind} · {format.times(area.dueTimes)} · {format.weekdays(area.weekdays)}
            </div>
            <div>
              {agent(area)} · {item(area)}
            </div>
            {actions(area)}
          </div>
        )}
      />
    </PageSection>
  );
}
