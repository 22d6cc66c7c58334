import { Button, Form, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SupplyItem } from '@campus/shared';
import { useLanguage } from '@/lib/language';
import { itemLabel } from './supply-format';

export interface LineValue {
  itemId?: string;
  quantity?: number | null;
}

interface LinesFieldProps {
  /** Items that may be chosen (the active catalogue). */
  items: readonly SupplyItem[];
  /** The list's legend, e.g. "物资明细". */
  legend: string;
  /** The quantity field of each line ('quantity', 'countedQuantity'). */
  field?: string;
  quantityLabel?: string;
  /** A hint under a line's quantity once its item is chosen ("现有 290 个"). */
  hint?: (itemId: string) => string | undefined;
  /** At most this many lines (the API takes 50). */
  max?: number;
}

/**
 * Item + quantity lines (Form.List "lines"): a row per item, with a decimal
 * input for litres and a whole-number one for pieces (the unit shows beside
 * the number). Each row is a labelled group ("第 1 行") for screen readers.
 */
export function LinesField({ items, legend, field = 'quantity', quantityLabel, hint, max = 20 }: LinesFieldProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const lines = (Form.useWatch('lines', form) ?? []) as LineValue[];
  const byId = new Map(items.map((item) => [item.id, item]));
  const chosen = new Set(lines.map((line) => line?.itemId).filter(Boolean));

  return (
    <fieldset className="lines-fieldset">
      <legend>{legend}</legend>
      <Form.List name="lines">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((entry, index) => {
              const itemId = lines[index]?.itemId;
              const item = itemId ? byId.get(itemId) : undefined;
              const whole = item ? item.decimals === 0 : true;
              const rowLabel = t('supplies.lines.row', { number: index + 1 });
              return (
                <div key={entry.key} role="group" aria-label={rowLabel} className="line-row">
                  <span className="line-number" aria-hidden>
                    {index + 1}
                  </span>
                  <Form.Item name={[entry.name, 'itemId']} label={t('supplies.lines.item')} required className="line-item">
                    <Select<string>
                      placeholder={t('supplies.lines.itemPlaceholder')}
                      showSearch={{ optionFilterProp: 'label' }}
                      options={items.map((option) => ({
                        value: option.id,
                        label: `${itemLabel(option, language)}（${t(`supplies.unit.${option.unit}`)}）`,
                        disabled: option.id !== itemId && chosen.has(option.id),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[entry.name, field]}
                    label={quantityLabel ?? t('supplies.lines.quantity')}
                    required
                    className="line-quantity"
                    extra={itemId ? hint?.(itemId) : undefined}
                  >
                    <InputNumber<number>
                      min={0}
                      step={whole ? 1 : 0.5}
                      inputMode={whole ? 'numeric' : 'decimal'}
                      suffix={item ? t(`supplies.unit.${item.unit}`) : undefined}
                      className="full-width"
                    />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      className="line-remove"
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('supplies.lines.remove', { number: index + 1 })}
                      title={t('supplies.lines.remove', { number: index + 1 })}
                      onClick={() => remove(entry.name)}
                    />
                  ) : null}
                </div>
              );
            })}
            <Form.ErrorList errors={errors} />
            {fields.length < Math.min(max, items.length) ? (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} className="line-add">
                {t('supplies.lines.add')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** Read-only lines with one number to enter per line (approve, receive): the item is fixed by the document. */
export function FixedLinesField({
  lines,
  field,
  legend,
  label,
  describe,
}: {
  lines: readonly { itemId: string; itemName: string; unit: SupplyItem['unit'] }[];
  field: string;
  legend: string;
  label: (itemName: string) => string;
  describe: (index: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="lines-fieldset">
      <legend>{legend}</legend>
      {lines.map((line, index) => (
        <div key={line.itemId} className="fixed-line">
          <Form.Item name={['lines', index, 'itemId']} hidden>
            <input />
          </Form.Item>
          <Typography.Text className="fixed-line-text">{describe(index)}</Typography.Text>
          <Form.Item name={['lines', index, field]} label={label(line.itemName)} required className="line-quantity">
            <InputNumber<number> min={0} step={line.unit === 'litre' || line.unit === 'kilogram' ? 0.5 : 1} inputMode={line.unit === 'litre' || line.unit === 'kilogram' ? 'decimal' : 'numeric'} suffix={t(`supplies.unit.${line.unit}`)} className="full-width" />
          </Form.Item>
        </div>
      ))}
    </fieldset>
  );
}
