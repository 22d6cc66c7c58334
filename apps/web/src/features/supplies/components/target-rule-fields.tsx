import { Form, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HeadBasis, TargetRule } from '@campus/shared';
import { validate, type FieldMessages } from '@/lib/form-errors';
import type { Language } from '@campus/shared';

export interface RuleValues {
  mode?: 'none' | 'fixed' | 'per_head';
  quantity?: number | null;
  basis?: HeadBasis;
  perDay?: number | null;
  days?: number | null;
}

export function ruleToValues(rule: TargetRule | null): RuleValues {
  if (!rule) return { mode: 'none', basis: 'everyone' };
  if (rule.mode === 'fixed') return { mode: 'fixed', quantity: rule.quantity, basis: 'everyone' };
  return { mode: 'per_head', basis: rule.basis, perDay: rule.perDay, days: rule.days };
}

/** The rule from the form's values, checked with the shared schema; messages keyed `rule.<field>`. */
/** The rule's fields as `TargetRule`'s input (null for none). */
export function ruleInput(values: RuleValues | undefined): unknown {
  if (!values?.mode || values.mode === 'none') return null;
  return values.mode === 'fixed' ? { mode: 'fixed', quantity: values.quantity ?? undefined } : { mode: 'per_head', basis: values.basis ?? 'everyone', perDay: values.perDay ?? undefined, days: values.days ?? undefined };
}

export function valuesToRule(values: RuleValues | undefined, language: Language): { rule: TargetRule | null; fields: FieldMessages } {
  const input = ruleInput(values);
  if (input === null) return { rule: null, fields: {} };
  const checked = validate(TargetRule, input, language);
  if (checked.ok) return { rule: checked.data, fields: {} };
  return { rule: null, fields: Object.fromEntries(Object.entries(checked.fields).map(([path, message]) => [`rule.${path}`, message])) };
}

/** Fixed quantity, or per head × per day × days of cover (with "none" for an item's default). */
export function TargetRuleFields({ allowNone, unitLabel }: { allowNone: boolean; unitLabel: string }) {
  const { t } = useTranslation();
  const mode = Form.useWatch(['rule', 'mode']) as RuleValues['mode'];
  return (
    <fieldset className="lines-fieldset">
      <legend>{t('supplies.target.rule')}</legend>
      <Form.Item name={['rule', 'mode']} label={t('supplies.target.mode')}>
        <Radio.Group
          optionType="button"
          options={[...(allowNone ? [{ value: 'none', label: t('supplies.target.none') }] : []), { value: 'fixed', label: t('supplies.target.fixed') }, { value: 'per_head', label: t('supplies.target.perHead') }]}
        />
      </Form.Item>
      {mode === 'fixed' ? (
        <Form.Item name={['rule', 'quantity']} label={t('supplies.target.quantity')} required>
          <InputNumber<number> min={0} suffix={unitLabel} className="full-width" />
        </Form.Item>
      ) : null}
      {mode === 'per_head' ? (
        <>
          <Form.Item name={['rule', 'basis']} label={t('supplies.target.basis')} required>
            <Select<HeadBasis> options={HeadBasis.options.map((value) => ({ value, label: t(`supplies.basis.${value}`) }))} />
          </Form.Item>
          <Form.Item name={['rule', 'perDay']} label={t('supplies.target.perDay', { unit: unitLabel })} required>
            <InputNumber<number> min={0} step={0.5} inputMode="decimal" className="full-width" />
          </Form.Item>
          <Form.Item name={['rule', 'days']} label={t('supplies.target.days')} required>
            <InputNumber<number> min={1} max={365} step={1} inputMode="numeric" className="full-width" />
          </Form.Item>
        </>
      ) : null}
    </fieldset>
  );
}

/** "固定 2 台" / "每人每天 2 个 × 14 天（师生）" / "未设定". */
export function useRuleText() {
  const { t } = useTranslation();
  return (rule: TargetRule | null, unitLabel: string) => {
    if (!rule) return t('supplies.target.notSet');
    if (rule.mode === 'fixed') return t('supplies.target.fixedText', { quantity: rule.quantity, unit: unitLabel });
    return t('supplies.target.perHeadText', { perDay: rule.perDay, unit: unitLabel, days: rule.days, basis: t(`supplies.basis.${rule.basis}`) });
  };
}
