import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyTransferInput, type HolderStock, type SupplyItem, type SupplyTransfer } from '@campus/shared';
import { SchoolSelect } from '@/features/schools';
import { FormModal } from '@/components/ui/form-modal';
import type { FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useCreateTransfer } from '../api/create-transfer';
import { lineQuantityProblems } from './form-errors';
import { LinesField, type LineValue } from './lines-field';
import { useQuantity } from './supply-format';

interface FormValues {
  schoolId?: string;
  note?: string;
  lines?: LineValue[];
}

/** 新建调拨单: one document from the centre's store to a school, several items; the centre's stock is the hint per line. */
export function TransferModal(props: { open: boolean; centreStock: HolderStock | undefined; items: readonly SupplyItem[]; schoolId?: string; onClose: () => void }) {
  return props.open ? <TransferForm {...props} /> : null;
}

function TransferForm({ centreStock, items, schoolId, onClose }: { centreStock: HolderStock | undefined; items: readonly SupplyItem[]; schoolId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const createTransfer = useCreateTransfer();
  const { quantity } = useQuantity();
  const unitOf = (itemId: string) => items.find((item) => item.id === itemId)?.unit;

  const check = (values: FormValues): FieldMessages => {
    const fields = lineQuantityProblems(values.lines ?? [], unitOf, 'quantity', language);
    if (!values.schoolId) fields.schoolId = t('common.required');
    return fields;
  };

  const hint = (itemId: string) => {
    const line = centreStock?.items.find((entry) => entry.item.id === itemId);
    return line ? t('supplies.transfer.centreHas', { quantity: quantity(line.onHand, line.item.unit) }) : undefined;
  };

  return (
    <FormModal<FormValues, typeof SupplyTransferInput, SupplyTransfer>
      title={t('supplies.transfer.title')}
      okText={t('supplies.transfer.submit')}
      cancelText={t('common.cancel')}
      schema={SupplyTransferInput}
      toInput={(values) => ({
        schoolId: values.schoolId ?? '',
        note: values.note?.trim() || null,
        lines: (values.lines ?? []).map((line) => ({ itemId: line.itemId ?? '', quantity: line.quantity ?? undefined })),
      })}
      check={check}
      send={(input) => createTransfer.mutateAsync(input)}
      success={(created) => t('supplies.transfer.done', { number: created.number, school: created.schoolName })}
      onClose={onClose}
      name="supply-transfer"
      initialValues={{ lines: [{}], schoolId }}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
      width={640}
    >
      <p className="modal-intro">{t('supplies.transfer.intro')}</p>
      <Form.Item name="schoolId" label={t('supplies.transfer.school')} required>
        <SchoolSelect placeholder={t('supplies.transfer.schoolPlaceholder')} />
      </Form.Item>
      <LinesField items={items} legend={t('supplies.lines.legend')} hint={hint} />
      <Form.Item name="note" label={t('supplies.form.note')}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}
