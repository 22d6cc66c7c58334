import { Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConsumptionInput, ReceiptInput, ReceiptSource, StockCountInput, type HolderStock, type SupplyItem } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
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
export function MovementModal({ kind, ...props }: MovementModalProps) {
  return kind ? <MovementForm kind={kind} {...props} /> : null;
}

function MovementForm({ kind, holder, stock, items, onClose }: Omit<MovementModalProps, 'kind'> & { kind: MovementKind }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const receipt = useRecordReceipt();
  const consumption = useRecordConsumption();
  const count = useRecordCount();
  const occurredAt = useOccurredAt();
  const today = useCentreTodayPicker();
  const { quantity } = useQuantity();
  const field = kind === 'count' ? 'countedQuantity' : 'quantity';
  const onHand = new Map((stock?.items ?? []).map((line) => [line.item.id, line.onHand]));
  const unitOf = (itemId: string) => items.find((item) => item.id === itemId)?.unit;
  const holderField = holder === 'centre' ? 'centre' : holder;
  const schema = kind === 'receipt' ? ReceiptInput : kind === 'consumption' ? ConsumptionInput : StockCountInput;

  const toInput = (values: FormValues) => {
    const lines = (values.lines ?? []).map((line) => ({ itemId: line.itemId ?? '', [field]: line[field as 'quantity'] ?? undefined }));
    const common = { holder: holderField, occurredAt: occurredAt(values.occurredDay), note: values.note?.trim() || null, lines };
    return kind === 'receipt' ? { ...common, source: values.source, documentNumber: values.documentNumber?.trim() || null } : common;
  };

  /** Records the movement; answers with what the success message says. */
  const send = async (input: ReceiptInput | ConsumptionInput | StockCountInput): Promise<string> => {
    if (kind === 'receipt') await receipt.mutateAsync(input as ReceiptInput);
    else if (kind === 'consumption') await consumption.mutateAsync(input as ConsumptionInput);
    else {
      const result = await count.mutateAsync(input as StockCountInput);
      const changed = result.items.filter((line) => line.adjustment !== 0).length;
      return t('supplies.count.done', { count: result.items.length, changed });
    }
    return t(`supplies.${kind}.done`, { count: input.lines.length });
  };

  const hint = (itemId: string) => {
    const item = items.find((candidate) => candidate.id === itemId);
    const balance = onHand.get(itemId);
    return item && balance !== undefined ? t(kind === 'count' ? 'supplies.lines.bookBalance' : 'supplies.lines.onHand', { quantity: quantity(balance, item.unit) }) : undefined;
  };

  return (
    <FormModal<FormValues, typeof schema, string>
      title={t(`supplies.${kind}.title`)}
      okText={t(`supplies.${kind}.submit`)}
      cancelText={t('common.cancel')}
      schema={schema}
      toInput={toInput}
      check={(values) => lineQuantityProblems((values.lines ?? []).map((line) => ({ itemId: line.itemId, quantity: line[field as 'quantity'] })), unitOf, field, language)}
      send={send}
      success={(text) => text}
      onClose={onClose}
      name={`supply-${kind}`}
      initialValues={{ occurredDay: today, lines: [{}], source: holder === 'centre' ? 'district_commission' : 'other' }}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
      width={640}
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
      <LinesField items={items} legend={t('supplies.lines.legend')} field={field} quantityLabel={kind === 'count' ? t('supplies.count.counted') : undefined} hint={hint} />
      <Form.Item name="note" label={t('supplies.form.note')}>
        <Input.TextArea rows={2} maxLength={200} showCount placeholder={t(`supplies.${kind}.notePlaceholder`)} />
      </Form.Item>
    </FormModal>
  );
}
