import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApproveRequestInput, approvalStatus, quantityProblem, translate, type HolderStock, type SupplyRequest } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useApproveRequest } from '../api/approve-request';
import { FixedLinesField } from './lines-field';
import { useQuantity } from './supply-format';

interface FormValues {
  lines?: { itemId: string; approvedQuantity?: number | null }[];
  note?: string;
}

/**
 * 审批申请: each line's approved quantity (prefilled with what was asked;
 * less is a partial approval and needs a note; 0 = none of that line). The
 * approval goes out at once as one transfer from the centre's store.
 */
export function ApproveModal({ request, centreStock, onClose }: { request: SupplyRequest | null; centreStock: HolderStock | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [alert, setAlert] = useState<string>();
  const approve = useApproveRequest();
  const { quantity } = useQuantity();
  const lines = Form.useWatch('lines', form);
  const outcome = request
    ? approvalStatus(request.lines.map((line, index) => ({ requestedQuantity: line.requestedQuantity, approvedQuantity: lines?.[index]?.approvedQuantity ?? line.requestedQuantity })))
    : 'approved';

  async function submit(values: FormValues) {
    if (!request) return;
    setAlert(undefined);
    clearFieldErrors(form);
    const body = { lines: (values.lines ?? []).map((line) => ({ itemId: line.itemId, approvedQuantity: line.approvedQuantity ?? undefined })), note: values.note?.trim() || null };
    const checked = validate(ApproveRequestInput, body, language);
    const fields: FieldMessages = checked.ok ? {} : { ...checked.fields };
    request.lines.forEach((line, index) => {
      const value = values.lines?.[index]?.approvedQuantity;
      const path = `lines.${index}.approvedQuantity`;
      if (typeof value !== 'number') fields[path] = translate('field.required', language);
      else if (value > line.requestedQuantity) fields[path] = translate('field.approved_exceeds', language);
      else {
        const problem = quantityProblem(value, line.unit);
        if (problem) fields[path] = translate(problem, language);
      }
    });
    if (outcome === 'partly_approved' && !body.note) fields.note = translate('field.partial_reason', language);
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const decided = await approve.mutateAsync({ id: request.id, ...checked.data });
      void message.success(t('supplies.approve.done', { number: decided.number, transfer: decided.transferNumber ?? '' }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error, { alwaysSayWhy: true }));
    }
  }

  const centreHas = (itemId: string) => centreStock?.items.find((entry) => entry.item.id === itemId);

  return (
    <Modal
      open={request !== null}
      title={request ? t('supplies.approve.title', { number: request.number, school: request.schoolName }) : undefined}
      okText={outcome === 'partly_approved' ? t('supplies.approve.submitPartly') : t('supplies.approve.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={approve.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      {request ? (
        <Form<FormValues>
          form={form}
          name="supply-approve"
          layout="vertical"
          initialValues={{ lines: request.lines.map((line) => ({ itemId: line.itemId, approvedQuantity: line.requestedQuantity })) }}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
        >
          <p className="modal-intro">{t('supplies.approve.reason', { reason: request.reason })}</p>
          <FixedLinesField
            lines={request.lines}
            field="approvedQuantity"
            legend={t('supplies.lines.legend')}
            label={(itemName) => t('supplies.approve.approved', { item: itemName })}
            describe={(index) => {
              const line = request.lines[index]!;
              const store = centreHas(line.itemId);
              return t('supplies.approve.asked', {
                item: line.itemName,
                quantity: quantity(line.requestedQuantity, line.unit),
                centre: store ? quantity(store.onHand, line.unit) : t('supplies.none'),
              });
            }}
          />
          <p className="modal-intro" role="status">
            {t(`supplies.approve.outcome.${outcome}`)}
          </p>
          <Form.Item name="note" label={t('supplies.approve.note')} required={outcome === 'partly_approved'}>
            <Input.TextArea rows={2} maxLength={300} showCount />
          </Form.Item>
          <button type="submit" hidden tabIndex={-1} />
        </Form>
      ) : null}
    </Modal>
  );
}
