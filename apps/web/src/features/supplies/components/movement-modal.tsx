import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConsumptionInput, ReceiptInput, ReceiptSource, StockCountInput, type HolderStock, type SupplyItem } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
import { useCentreTodayPicker } from '@/lib/centre-day';
import { useLanguage } from '@/lib/language';
import { useRecordConsumption } from '../api/record-consumption';
import { useRecordCount } from '../api/record-count';
import { useRecordReceipt } from '../api/record-receipt';
import { lineQuantityProblems } from './form-errors';
import { LinesField, type LineValue } from './lines-field';
import { OccurredDayField, useOccurredAt } from './occurred-day';
import { useQuantity } from './supply-format';

export type MovementKind = 'receipt' | 'consumption' | 'count';

interface FormValues {
  source?: ReceiptSource;
  documentNumber?: string;
  occurredDay?: Dayjs;
  note?: string;
  lines?: (LineValue & { countedQuantity?: number | null })[];
}

interface MovementModalProps {
  kind: MovementKind | null;
  /** 'centre' or a school's id. */
  holder: string;
  /** What is on hand, for the hints under each line. */
  stock: HolderStock | undefined;
  items: readonly SupplyItem[];
  onClose: () => void;
}

/**
 * 登记入库 / 登记使用 / 盘点: lines of items with quantities, checked in the
 * browser with the shared schemas; the server's refusal ("库存不足:当前结存
 * 210 个…") shows above the form and under the line it is about.
 */
export function MovementModal({ kind, holder, stock, items, onClose }: MovementModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [alert, setAlert] = useState<string>();
  const receipt = useRecordReceipt();
  const consumption = useRecordConsumption();
  const count = useRecordCount();
  const occurredAt = useOccurredAt();
  const today = useCentreTodayPicker();
  const { quantity } = useQuantity();
  const pending = receipt.isPending || consumption.isPending || count.isPending;
  const field = kind === 'count' ? 'countedQuantity' : 'quantity';
  const onHand = new Map((stock?.items ?? []).map((line) => [line.item.id, line.onHand]));
  const unitOf = (itemId: string) => items.find((item) => item.id === itemId)?.unit;
  const holderField = holder === 'centre' ? 'centre' : holder;

  async function submit(values: FormValues) {
    if (!kind) return;
    setAlert(undefined);
    clearFieldErrors(form);
    const lines = (values.lines ?? []).map((line) => ({ itemId: line.itemId ?? '', [field]: line[field as 'quantity'] ?? undefined }));
    const common = { holder: holderField, occurredAt: occurredAt(values.occurredDay), note: values.note?.trim() || null, lines };
    const schema = kind === 'receipt' ? ReceiptInput : kind === 'consumption' ? ConsumptionInput : StockCountInput;
    const body = kind === 'receipt' ? { ...common, source: values.source, documentNumber: values.documentNumber?.trim() || null } : common;
    const checked = validate(schema, body, language);
    const fields: FieldMessages = {
      ...(checked.ok ? {} : checked.fields),
      ...lineQuantityProblems((values.lines ?? []).map((line) => ({ itemId: line.itemId, quantity: line[field as 'quantity'] })), unitOf, field, language),
    };
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      if (kind === 'receipt') await receipt.mutateAsync(checked.data as ReceiptInput);
      else if (kind === 'consumption') await consumption.mutateAsync(checked.data as ConsumptionInput);
      else {
        const result = await count.mutateAsync(checked.data as StockCountInput);
        const changed = result.items.filter((line) => line.adjustment !== 0).length;
        void message.success(t('supplies.count.done', { count: result.items.length, changed }));
        onClose();
        return;
      }
      void message.success(t(`supplies.${kind}.done`, { count: lines.length }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error, { alwaysSayWhy: true }));
    }
  }

  const hint = (itemId: string) => {
    const item = items.find((candidate) => candidate.id === itemId);
    const balance = onHand.get(itemId);
    return item && balance !== undefined ? t(kind === 'count' ? 'supplies.lines.bookBalance' : 'supplies.lines.onHand', { quantity: quantity(balance, item.unit) }) : undefined;
  };

  return (
    <Modal
      open={kind !== null}
      title={kind ? t(`supplies.${kind}.title`) : undefined}
      okText={kind ? t(`supplies.${kind}.submit`) : undefined}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={pending}
      destroyOnHidden
      width={640}
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      {kind ? (
        <Form<FormValues>
          form={form}
          name={`supply-${kind}`}
          layout="vertical"
          initialValues={{ occurredDay: today, lines: [{}], source: holder === 'centre' ? 'district_commission' : 'other' }}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
        >
          <p className="modal-intro">{t(`supplies.${kind}.intro`)}</p>
          {kind === 'receipt' ? (
            <>
              <Form.Item name="source" label={t('supplies.receipt.source')} required>
                <Select<ReceiptSource> options={ReceiptSource.options.map((source) => ({ value: source, label: t(`supplies.source.${source}`) }))} />
              </Form.Item>
              <Form.Item name="documentNumber" label={t('supplies.receipt.documentNumber')} extra={t('supplies.receipt.documentNumberHelp')}>
                <Input maxLength={60} autoComplete="off" />
              </Form.Item>
            </>
          ) : null}
          <OccurredDayField label={kind === 'count' ? t('supplies.count.day') : undefined} />
          <LinesField
            items={items}
            legend={t('supplies.lines.legend')}
            field={field}
            quantityLabel={kind === 'count' ? t('supplies.count.counted') : undefined}
            hint={hint}
          />
          <Form.Item name="note" label={t('supplies.form.note')}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t(`supplies.${kind}.notePlaceholder`)} />
          </Form.Item>
          <button type="submit" hidden tabIndex={-1} />
        </Form>
      ) : null}
    </Modal>
  );
}
