import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyItemInput, SupplyItemUpdate, SupplyKind, SupplyUnit, type SupplyItem } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { useLanguage } from '@/lib/language';
import { useCreateItem } from '../api/create-item';
import { useUpdateItem } from '../api/update-item';
import { ruleToValues, TargetRuleFields, valuesToRule, type RuleValues } from './target-rule-fields';

interface FormValues {
  code?: string;
  name?: string;
  nameEn?: string;
  unit?: SupplyUnit;
  kind?: SupplyKind;
  sortOrder?: number | null;
  active?: boolean;
  rule?: RuleValues;
}

/** 新增物资 / 编辑物资: name in both languages, unit (fixed once used), consumable or equipment, order, default target. */
export function ItemModal({ open, item, onClose }: { open: boolean; item: SupplyItem | null; onClose: () => void }) {
  return open ? <ItemForm item={item} onClose={onClose} /> : null;
}

function ItemForm({ item, onClose }: { item: SupplyItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const createItem = useCreateItem();
  const updateItem = useUpdateItem();
  const unit = Form.useWatch<SupplyUnit | undefined>('unit', form);

  const toInput = (values: FormValues) => {
    const { rule } = valuesToRule(values.rule, language);
    const base = { name: values.name ?? '', nameEn: values.nameEn ?? '', unit: values.unit, kind: values.kind, sortOrder: values.sortOrder ?? 100, defaultTarget: rule };
    return item ? { ...base, active: values.active ?? true } : { ...base, code: values.code ?? '' };
  };

  return (
    <FormModal<FormValues, typeof SupplyItemUpdate | typeof SupplyItemInput, SupplyItem>
      title={item ? t('supplies.item.editTitle', { name: item.name }) : t('supplies.item.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={item ? SupplyItemUpdate : SupplyItemInput}
      toInput={toInput}
      // The rule's own messages, by the form's names (`rule.quantity`); the schema's about the rule name it `defaultTarget.…`.
      check={(values) => valuesToRule(values.rule, language).fields}
      fieldOf={(path) => path.replace(/^defaultTarget\./, 'rule.')}
      send={(input) => (item ? updateItem.mutateAsync({ id: item.id, ...(input as SupplyItemUpdate) }) : createItem.mutateAsync(input as SupplyItemInput))}
      success={(saved) => t(item ? 'supplies.item.updated' : 'supplies.item.created', { name: saved.name })}
      onClose={onClose}
      form={form}
      name="supply-item"
      initialValues={
        item
          ? { name: item.name, nameEn: item.nameEn, unit: item.unit, kind: item.kind, sortOrder: item.sortOrder, active: item.active, rule: ruleToValues(item.defaultTarget) }
          : { unit: 'piece', kind: 'consumable', sortOrder: 100, rule: { mode: 'none', basis: 'everyone' } }
      }
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
    >
      {item ? null : (
        <Form.Item name="code" label={t('supplies.item.code')} required extra={t('supplies.item.codeHelp')}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('supplies.item.name')} required>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('supplies.item.nameEn')} required>
        <Input maxLength={60} autoComplete="off" lang="en" />
      </Form.Item>
      <Form.Item name="unit" label={t('supplies.item.unit')} required extra={t('supplies.item.unitHelp')}>
        <Select<SupplyUnit> options={SupplyUnit.options.map((value) => ({ value, label: t('supplies.item.unitOption', { unit: t(`supplies.unit.${value}`), kind: t(value === 'litre' || value === 'kilogram' ? 'supplies.item.decimal' : 'supplies.item.whole') }) }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('supplies.item.kind')} required>
        <Select<SupplyKind> options={SupplyKind.options.map((value) => ({ value, label: t(`supplies.kind.${value}`) }))} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('supplies.item.sortOrder')}>
        <InputNumber<number> min={0} max={999} className="full-width" />
      </Form.Item>
      {item ? (
        <Form.Item name="active" label={t('supplies.item.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
      <TargetRuleFields allowNone unitLabel={unit ? t(`supplies.unit.${unit}`) : ''} />
    </FormModal>
  );
}
