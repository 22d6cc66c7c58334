import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { quantityProblem, ReceiveTransferInput, toHundredths, translate, type SupplyTransfer } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import type { FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useReceiveTransfer } from '../api/receive-transfer';
import { FixedLinesField } from './lines-field';
import { useQuantity } from './supply-format';

interface FormValues {
  lines?: { itemId: string; receivedQuantity?: number | null }[];
  discrepancyNote?: string;
}

/**
 * 签收调拨单: the school confirms what arrived, line by line (prefilled with
 * what was sent). A line that differs needs a note; the difference stays on
 * the transfer for both sides to see.
 */
export function ReceiveModal({ transfer, onClose }: { transfer: SupplyTransfer | null; onClose: () => void }) {
  return transfer ? <ReceiveForm transfer={transfer} onClose={onClose} /> : null;
}

function ReceiveForm({ transfer, onClose }: { transfer: SupplyTransfer; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const receive = useReceiveTransfer();
  const { quantity } = useQuantity();
  const lines = Form.useWatch('lines', form);
  const differs = Boolean(lines?.some((line, index) => typeof line?.receivedQuantity === 'number' && toHundredths(line.receivedQuantity) !== toHundredths(transfer.lines[index]?.issuedQuantity ?? 0)));

  const check = (values: FormValues): FieldMessages => {
    const fields: FieldMessages = {};
    transfer.lines.forEach((line, index) => {
      const value = values.lines?.[index]?.receivedQuantity;
      if (typeof value !== 'number') fields[`lines.${index}.receivedQuantity`] = translate('field.required', language);
      else {
        const problem = quantityProblem(value, line.unit);
        if (problem) fields[`lines.${index}.receivedQuantity`] = translate(problem, language);
      }
    });
    if (differs && !values.discrepancyNote?.trim()) fields.discrepancyNote = translate('field.discrepancy_note', language);
    return fields;
  };

  return (
    <FormModal<FormValues, typeof ReceiveTransferInput, SupplyTransfer>
      title={t('supplies.receive.title', { number: transfer.number })}
      okText={t('supplies.receive.submit')}
      cancelText={t('common.cancel')}
      schema={ReceiveTransferInput}
      toInput={(values) => ({
        lines: (values.lines ?? []).map((line) => ({ itemId: line.itemId, receivedQuantity: line.receivedQuantity ?? undefined })),
        discrepancyNote: values.discrepancyNote?.trim() || null,
      })}
      check={check}
      send={(input) => receive.mutateAsync({ id: transfer.id, ...input })}
      success={(received) => t(received.hasDiscrepancy ? 'supplies.receive.doneDiscrepancy' : 'supplies.receive.done', { number: received.number })}
      onClose={onClose}
      form={form}
      name="supply-receive"
      initialValues={{ lines: transfer.lines.map((line) => ({ itemId: line.itemId, receivedQuantity: line.issuedQuantity })) }}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
    >
      <p className="modal-intro">{t('supplies.receive.intro')}</p>
      <FixedLinesField
        lines={transfer.lines}
        field="receivedQuantity"
        legend={t('supplies.lines.legend')}
        label={(itemName) => t('supplies.receive.received', { item: itemName })}
        describe={(index) => t('supplies.receive.issued', { item: transfer.lines[index]!.itemName, quantity: quantity(transfer.lines[index]!.issuedQuantity, transfer.lines[index]!.unit) })}
      />
      <Form.Item name="discrepancyNote" label={t('supplies.receive.note')} required={differs} extra={t('supplies.receive.noteHelp')}>
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
    </FormModal>
  );
}
