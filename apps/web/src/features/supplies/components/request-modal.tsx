import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyRequestInput, type HolderStock, type SupplyItem } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useCreateRequest } from '../api/create-request';
import { lineQuantityProblems } from './form-errors';
import { LinesField, type LineValue } from './lines-field';
import { useQuantity } from './supply-format';

interface FormValues {
  reason?: string;
  lines?: LineValue[];
}

/** 申请物资: a school asks the centre for items and quantities, with a reason. The gap is shown as a hint per line. */
export function RequestModal({ open, stock, items, onClose }: { open: boolean; stock: HolderStock | undefined; items: readonly SupplyItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [alert, setAlert] = useState<string>();
  const createRequest = useCreateRequest();
  const { quantity } = useQuantity();
  const unitOf = (itemId: string) => items.find((item) => item.id === itemId)?.unit;

  async function submit(values: FormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const lines = (values.lines ?? []).map((line) => ({ itemId: line.itemId ?? '', quantity: line.quantity ?? undefined }));
    const checked = validate(SupplyRequestInput, { reason: values.reason ?? '', lines }, language);
    const fields: FieldMessages = { ...(checked.ok ? {} : checked.fields), ...lineQuantityProblems(values.lines ?? [], unitOf, 'quantity', language) };
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const created = await createRequest.mutateAsync(checked.data);
      void message.success(t('supplies.request.done', { number: created.number }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error, { alwaysSayWhy: true }));
    }
  }

  const hint = (itemId: string) => {
    const line = stock?.items.find((entry) => entry.item.id === itemId);
    if (!line) return undefined;
    const gap = line.cell?.shortfall;
    return t('supplies.request.hint', { onHand: quantity(line.onHand, line.item.unit), gap: gap === null || gap === undefined ? t('supplies.none') : quantity(gap, line.item.unit) });
  };

  return (
    <Modal
      open={open}
      title={t('supplies.request.title')}
      okText={t('supplies.request.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={createRequest.isPending}
      destroyOnHidden
      width={640}
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form<FormValues> form={form} name="supply-request" layout="vertical" initialValues={{ lines: [{}] }} onFinish={(values) => void submit(values)} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}>
        <p className="modal-intro">{t('supplies.request.intro')}</p>
        <LinesField items={items} legend={t('supplies.lines.legend')} quantityLabel={t('supplies.request.quantity')} hint={hint} />
        <Form.Item name="reason" label={t('supplies.request.reason')} required>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('supplies.request.reasonPlaceholder')} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
