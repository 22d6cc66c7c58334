import { useState } from 'react';
import { App, Button, Select, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SchoolTargetInput, type EffectiveTarget, type SupplyItem } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { DataList } from '@/components/ui/data-list';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { ActiveTag } from '@/components/ui/status-tag';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useClearTarget } from '../api/clear-target';
import { useSupplyItems } from '../api/list-items';
import { useTargets } from '../api/list-targets';
import { useSetTarget } from '../api/set-target';
import { supplyCan } from '../permissions';
import { CentreTabs } from './centre-tabs';
import { ItemModal } from './item-modal';
import { SupplySection } from './supply-section';
import { itemLabel, useQuantity } from './supply-format';
import { ruleInput, ruleToValues, TargetRuleFields, useRuleText, type RuleValues } from './target-rule-fields';
import './supplies.css';

/** /supplies/catalogue?item= — the catalogue (units, consumable or equipment, default targets) and each school's target for an item (centre). */
export default function CataloguePage() {
  const me = useSession();
  if (!supplyCan.manage(me.user.role)) return <ForbiddenResult />;
  return <Catalogue />;
}

function Catalogue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = useSupplyItems({ includeInactive: true });
  const ruleText = useRuleText();
  const [editing, setEditing] = useState<SupplyItem | null>(null);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useSearchParams();
  const targetItemId = search.get('item') ?? items.data?.find((item) => item.active)?.id;
  const targetItem = items.data?.find((item) => item.id === targetItemId);
  const unit = (item: SupplyItem) => t(`supplies.unit.${item.unit}`);

  return (
    <div className="supplies-page">
      <PageHeader
        title={t('supplies.catalogue.title')}
        description={t('supplies.catalogue.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('supplies.item.create')}
          </Button>
        }
      />
      <CentreTabs />
      <SupplySection id="catalogue-items-title" title={t('supplies.catalogue.items')}>
        <QueryState query={items}>
          {(data) => (
            <DataList<SupplyItem>
              items={data}
              rowKey={(item) => item.id}
              label={t('supplies.catalogue.items')}
              emptyText={t('supplies.catalogue.empty')}
              paginate={false}
              columns={[
                { title: t('supplies.item.name'), key: 'name', render: (_, item) => <strong>{itemLabel(item, language)}</strong> },
                { title: t('supplies.item.code'), dataIndex: 'code', key: 'code' },
                { title: t('supplies.item.unit'), key: 'unit', render: (_, item) => unit(item) },
                { title: t('supplies.item.kind'), key: 'kind', render: (_, item) => t(`supplies.kind.${item.kind}`) },
                { title: t('supplies.item.defaultTarget'), key: 'target', render: (_, item) => ruleText(item.defaultTarget, unit(item)) },
                { title: t('common.status'), key: 'active', render: (_, item) => <ActiveTag active={item.active} /> },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_, item) => (
                    <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(item)} aria-label={t('supplies.item.editFor', { name: item.name })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
              renderCard={(item) => (
                <div className="card-body">
                  <div className="stock-card-head">
                    <span className="card-title">{itemLabel(item, language)}</span>
                    <ActiveTag active={item.active} />
                  </div>
                  <div>
                    {unit(item)} · {t(`supplies.kind.${item.kind}`)} · {item.code}
                  </div>
                  <div>{t('supplies.item.defaultTargetIs', { rule: ruleText(item.defaultTarget, unit(item)) })}</div>
                  <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(item)} aria-label={t('supplies.item.editFor', { name: item.name })}>
                    {t('common.edit')}
                  </Button>
                </div>
              )}
            />
          )}
        </QueryState>
      </SupplySection>

      <SupplySection id="catalogue-targets-title" title={t('supplies.catalogue.targets')}>
        <Typography.Paragraph type="secondary">{t('supplies.catalogue.targetsIntro')}</Typography.Paragraph>
        <div className="filter-field card-item-field">
          <label htmlFor="targets-item" className="filter-label">
            {t('supplies.card.item')}
          </label>
          <Select<string>
            id="targets-item"
            value={targetItemId}
            options={(items.data ?? []).filter((item) => item.active).map((item) => ({ value: item.id, label: itemLabel(item, language) }))}
            onChange={(value) =>
              setSearch((params) => {
                params.set('item', value);
                return params;
              }, { replace: true })
            }
          />
        </div>
        {targetItem ? <TargetTable item={targetItem} /> : null}
      </SupplySection>
      <ItemModal open={creating || editing !== null} item={editing} onClose={() => (setCreating(false), setEditing(null))} />
    </div>
  );
}

function TargetTable({ item }: { item: SupplyItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { modal, message } = App.useApp();
  const targets = useTargets(item.id);
  const clear = useClearTarget();
  const ruleText = useRuleText();
  const { quantity } = useQuantity();
  const [editing, setEditing] = useState<EffectiveTarget | null>(null);
  const unit = t(`supplies.unit.${item.unit}`);
  const source = (target: EffectiveTarget) => <Tag className={target.source === 'school' ? 'request-tag request-approved' : 'tag-off'}>{t(`supplies.targetSource.${target.source}`)}</Tag>;

  function confirmClear(target: EffectiveTarget) {
    modal.confirm({
      title: t('supplies.target.clearTitle', { school: target.schoolName, item: itemLabel(item, language) }),
      content: t('supplies.target.clearText'),
      okText: t('supplies.target.clear'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await clear.mutateAsync({ schoolId: target.schoolId, itemId: item.id });
          void message.success(t('supplies.target.cleared', { school: target.schoolName }));
        } catch (error) {
          modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : String(error), okText: t('common.close') });
        }
      },
    });
  }

  const actions = (target: EffectiveTarget) => (
    <div className="document-actions">
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(target)} aria-label={t('supplies.target.setFor', { school: target.schoolName })}>
        {t('supplies.target.set')}
      </Button>
      {target.source === 'school' ? (
        <Button icon={<UndoOutlined aria-hidden />} onClick={() => confirmClear(target)} aria-label={t('supplies.target.clearFor', { school: target.schoolName })}>
          {t('supplies.target.clear')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <QueryState query={targets}>
      {(data) => (
        <>
          <DataList<EffectiveTarget>
            items={data}
            rowKey={(target) => target.schoolId}
            label={t('supplies.catalogue.targetsOf', { item: itemLabel(item, language) })}
            emptyText={t('supplies.catalogue.noSchools')}
            columns={[
              { title: t('supplies.matrix.school'), dataIndex: 'schoolName', key: 'school' },
              { title: t('supplies.target.source'), key: 'source', render: (_, target) => source(target) },
              { title: t('supplies.target.rule'), key: 'rule', render: (_, target) => ruleText(target.rule, unit) },
              { title: t('supplies.figure.target'), key: 'target', align: 'right', render: (_, target) => quantity(target.target, item.unit) },
              { title: t('supplies.formula.column'), dataIndex: 'formula', key: 'formula' },
              { title: t('common.actions'), key: 'actions', render: (_, target) => actions(target) },
            ]}
            renderCard={(target) => (
              <div className="card-body">
                <div className="stock-card-head">
                  <span className="card-title">{target.schoolName}</span>
                  {source(target)}
                </div>
                <div>{target.formula}</div>
                {actions(target)}
              </div>
            )}
          />
          <TargetModal target={editing} item={item} onClose={() => setEditing(null)} />
        </>
      )}
    </QueryState>
  );
}

function TargetModal({ target, item, onClose }: { target: EffectiveTarget | null; item: SupplyItem; onClose: () => void }) {
  return target ? <TargetForm target={target} item={item} onClose={onClose} /> : null;
}

function TargetForm({ target, item, onClose }: { target: EffectiveTarget; item: SupplyItem; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const setTarget = useSetTarget();
  const unit = t(`supplies.unit.${item.unit}`);
  const initial = ruleToValues(target.rule);
  return (
    <FormModal<{ rule?: RuleValues }, typeof SchoolTargetInput, EffectiveTarget>
      title={t('supplies.target.title', { school: target.schoolName, item: itemLabel(item, language) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={SchoolTargetInput}
      toInput={(values) => ({ rule: ruleInput(values.rule) })}
      send={(input) => setTarget.mutateAsync({ schoolId: target.schoolId, itemId: item.id, rule: input.rule })}
      success={(saved) => t('supplies.target.saved', { school: saved.schoolName, formula: saved.formula })}
      onClose={onClose}
      name="supply-target"
      initialValues={{ rule: initial?.mode === 'none' ? { ...initial, mode: 'per_head' } : initial }}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
    >
      <Typography.Paragraph>{t('supplies.target.heads', { everyone: target.heads.everyone, staff: target.heads.staff })}</Typography.Paragraph>
      <TargetRuleFields allowNone={false} unitLabel={unit} />
    </FormModal>
  );
}
