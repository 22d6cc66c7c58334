import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { quantityProblem, ReceiveTransferInput, toHundredths, translate, type SupplyTransfer } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
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
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [alert, setAlert] = useState<string>();
  const receive = useReceiveTransfer();
  const { quantity } = useQuantity();
  const lines = Form.useWatch('lines', form);
  const differs = Boolean(transfer && lines?.some((line, index) => typeof line?.receivedQuantity === 'number' && toHundredths(line.receivedQuantity) !== toHundredths(transfer.lines[index]?.issuedQuantity ?? 0)));

  async function submit(values: FormValues) {
    if (!transfer) return;
    setAlert(undefined);
    clearFieldErrors(form);
    const body = {
      lines: (values.lines ?? []).map((line) => ({ itemId: line.itemId, receivedQuantity: line.receivedQuantity ?? undefined })),
      discrepancyNote: values.discrepancyNote?.trim() || null,
    };
    const checked = validate(ReceiveTransferInput, body, language);
    const fields: FieldMessages = checked.ok ? {} : { ...checked.fields };
    transfer.lines.forEach((line, index) => {
      const value = values.lines?.[index]?.receivedQuantity;
      if (typeof value !== 'number') fields[`lines.${index}.receivedQuantity`] = translate('field.required', language);
      else {
        const problem = quantityProblem(value, line.unit);
        if (problem) fields[`lines.${index}.receivedQuantity`] = translate(problem, language);
      }
    });
    if (differs && !body.discrepancyNote) fields.discrepancyNote = translate('field.discrepancy_note', language);
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const received = await receive.mutateAsync({ id: transfer.id, ...checked.data });
      void message.success(t(received.hasDiscrepancy ? 'supplies.receive.doneDiscrepancy' : 'supplies.receive.done', { number: received.number }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error, { alwaysSayWhy: true }));
    }
  }

  return (
    <Modal
      open={transfer !== null}
      title={transfer ? t('supplies.receive.title', { number: transfer.number }) : undefined}
      okText={t('supplies.receive.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={receive.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      {transfer ? (
        <Form<FormValues>
          form={form}
          name="supply-receive"
          layout="vertical"
          initialValues={{ lines: transfer.lines.map((line) => ({ itemId: line.itemId, receivedQuantity: line.issuedQuantity })) }}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
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
          <button type="submit" hidden tabIndex={-1} />
        </Form>
      ) : null}
    </Modal>
  );
}
