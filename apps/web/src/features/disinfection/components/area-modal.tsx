import { Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DisinfectionAreaInput, DisinfectionAreaUpdate, type DisinfectionArea, type DisinfectionPlan } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { useCreateArea, useUpdateArea } from '../api/disinfection-plan';
import { usePlanFormat } from './disinfection-format';

interface AreaValues {
  name: string;
  kind?: string;
  /** one time input per round; an emptied one is left out */
  dueTimes: string[];
  weekdays: number[];
  agent: string;
  concentration: number | null;
  itemId?: string;
}

const toFields = (values: AreaValues) => ({
  name: values.name ?? '',
  kind: values.kind ?? '',
  dueTimes: (values.dueTimes ?? []).filter((time) => time),
  weekdays: values.weekdays ?? [],
  agent: values.agent ?? '',
  concentration: values.concentration ?? undefined,
  itemId: values.itemId ?? '',
});

/** Adds an area to the school's plan or changes one: name, kind, the rounds' due times, weekdays, agent, concentration, item. */
export function AreaModal({ plan, area, onClose }: { plan: DisinfectionPlan; area: DisinfectionArea | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateArea();
  const update = useUpdateArea();
  const common = {
    name: 'disinfection-area',
    okText: t('common.save'),
    cancelText: t('common.cancel'),
    onClose,
    alwaysSayWhy: true,
    children: <AreaFields plan={plan} />,
  };
  const initialValues: AreaValues = area
    ? { name: area.name, kind: area.kind, dueTimes: area.dueTimes, weekdays: area.weekdays, agent: area.agent, concentration: area.concentration, itemId: area.item.id }
    : // A new area uses what the plan's first area uses (most schools disinfect with one product), or the only item there is.
      { name: '', kind: undefined, dueTimes: [''], weekdays: [], agent: '', concentration: null, itemId: plan.areas[0]?.item.id ?? (plan.items.length === 1 ? plan.items[0]?.id : undefined) };
  return area ? (
    <FormModal<AreaValues, typeof DisinfectionAreaUpdate, DisinfectionArea>
      {...common}
      title={t('disinfection.plan.editTitle', { name: area.name })}
      schema={DisinfectionAreaUpdate}
      toInput={toFields}
      send={(input) => update.mutateAsync({ id: area.id, ...input })}
      success={(saved) => t('disinfection.plan.updated', { name: saved.name })}
      initialValues={initialValues}
    />
  ) : (
    <FormModal<AreaValues, typeof DisinfectionAreaInput, DisinfectionArea>
      {...common}
      title={t('disinfection.plan.createTitle')}
      schema={DisinfectionAreaInput}
      toInput={(values) => ({ schoolId: plan.school.id, ...toFields(values) })}
      send={(input) => create.mutateAsync(input)}
      success={(saved) => t('disinfection.plan.created', { name: saved.name })}
      initialValues={initialValues}
    />
  );
}

function AreaFields({ plan }: { plan: DisinfectionPlan }) {
  const { t } = useTranslation();
  const format = usePlanFormat();
  return (
    <>
      <Form.Item name="name" label={t('disinfection.plan.name')}>
        <Input maxLength={40} placeholder={t('disinfection.plan.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="kind" label={t('disinfection.plan.kind')}>
        <Select options={plan.kinds.map((kind) => ({ value: kind, label: kind }))} />
      </Form.Item>
      <Form.List name="dueTimes">
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={<span id="disinfection-area-times-label">{t('disinfection.plan.dueTimes')}</span>} extra={t('disinfection.plan.dueTimesHelp')}>
            <div className="disinfection-times" role="group" aria-labelledby="disinfection-area-times-label">
              {fields.map((field, index) => (
                <div key={field.key} className="disinfection-time-row">
                  <Form.Item name={field.name} noStyle>
                    <Input type="time" className="disinfection-time" aria-label={t('disinfection.plan.dueTime', { index: index + 1 })} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('disinfection.plan.removeTime', { index: index + 1 })} title={t('disinfection.plan.removeTime', { index: index + 1 })} onClick={() => remove(field.name)} />
                </div>
              ))}
              {fields.length < 6 ? (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('')}>
                  {t('disinfection.plan.addTime')}
                </Button>
              ) : null}
            </div>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="weekdays" label={t('disinfection.plan.weekdays')} extra={t('disinfection.plan.weekdaysHelp')}>
        <Checkbox.Group className="disinfection-weekdays" options={format.weekdayOptions} />
      </Form.Item>
      <div className="disinfection-pair">
        <Form.Item name="agent" label={t('disinfection.plan.agent')}>
          <Input maxLength={40} placeholder={t('disinfection.plan.agentPlaceholder')} />
        </Form.Item>
        <Form.Item name="concentration" label={t('disinfection.plan.concentration')}>
          <InputNumber<number> min={1} max={100_000} precision={0} inputMode="numeric" suffix="mg/L" className="full-width" />
        </Form.Item>
      </div>
      <Form.Item name="itemId" label={t('disinfection.plan.item')}>
        <Select options={plan.items.map((item) => ({ value: item.id, label: t('disinfection.plan.itemOption', { name: item.name, unit: format.unit(item.unit) }) }))} />
      </Form.Item>
    </>
  );
}
