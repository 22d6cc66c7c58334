import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyTransferInput, type HolderStock, type SupplyItem } from '@campus/shared';
import { SchoolSelect } from '@/features/schools';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
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
export function TransferModal({ open, centreStock, items, schoolId, onClose }: { open: boolean; centreStock: HolderStock | undefined; items: readonly SupplyItem[]; schoolId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [alert, setAlert] = useState<string>();
  const createTransfer = useCreateTransfer();
  const { quantity } = useQuantity();
  const unitOf = (itemId: string) => items.find((item) => item.id === itemId)?.unit;

  async function submit(values: FormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const lines = (values.lines ?? []).map((line) => ({ itemId: line.itemId ?? '', quantity: line.quantity ?? undefined }));
    const checked = validate(SupplyTransferInput, { schoolId: values.schoolId ?? '', note: values.note?.trim() || null, lines }, language);
    const fields: FieldMessages = { ...(checked.ok ? {} : checked.fields), ...lineQuantityProblems(values.lines ?? [], unitOf, 'quantity', language) };
    if (!values.schoolId) fields.schoolId = t('common.required');
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const created = await createTransfer.mutateAsync(checked.data);
      void message.success(t('supplies.transfer.done', { number: created.number, school: created.schoolName }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error, { alwaysSayWhy: true }));
    }
  }

  const hint = (itemId: string) => {
    const line = centreStock?.items.find((entry) => entry.item.id === itemId);
    return line ? t('supplies.transfer.centreHas', { quantity: quantity(line.onHand, line.item.unit) }) : undefined;
  };

  return (
    <Modal
      open={open}
      title={t('supplies.transfer.title')}
      okText={t('supplies.transfer.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={createTransfer.isPending}
      destroyOnHidden
      width={640}
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form<FormValues>
        form={form}
        name="supply-transfer"
        layout="vertical"
        initialValues={{ lines: [{}], schoolId }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
      >
        <p className="modal-intro">{t('supplies.transfer.intro')}</p>
        <Form.Item name="schoolId" label={t('supplies.transfer.school')} required>
          <SchoolSelect placeholder={t('supplies.transfer.schoolPlaceholder')} />
        </Form.Item>
        <LinesField items={items} legend={t('supplies.lines.legend')} hint={hint} />
        <Form.Item name="note" label={t('supplies.form.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
