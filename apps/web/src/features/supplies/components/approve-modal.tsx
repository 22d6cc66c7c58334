import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApproveRequestInput, approvalStatus, quantityProblem, translate, type HolderStock, type SupplyRequest } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import type { FieldMessages } from '@/lib/form-errors';
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
  return request ? <ApproveForm request={request} centreStock={centreStock} onClose={onClose} /> : null;
}

function ApproveForm({ request, centreStock, onClose }: { request: SupplyRequest; centreStock: HolderStock | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const approve = useApproveRequest();
  const { quantity } = useQuantity();
  const lines = Form.useWatch('lines', form);
  const outcome = approvalStatus(request.lines.map((line, index) => ({ requestedQuantity: line.requestedQuantity, approvedQuantity: lines?.[index]?.approvedQuantity ?? line.requestedQuantity })));

  const check = (values: FormValues): FieldMessages => {
    const fields: FieldMessages = {};
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
    if (outcome === 'partly_approved' && !values.note?.trim()) fields.note = translate('field.partial_reason', language);
    return fields;
  };

  const centreHas = (itemId: string) => centreStock?.items.find((entry) => entry.item.id === itemId);

  return (
    <FormModal<FormValues, typeof ApproveRequestInput, SupplyRequest>
      title={t('supplies.approve.title', { number: request.number, school: request.schoolName })}
      okText={outcome === 'partly_approved' ? t('supplies.approve.submitPartly') : t('supplies.approve.submit')}
      cancelText={t('common.cancel')}
      schema={ApproveRequestInput}
      toInput={(values) => ({ lines: (values.lines ?? []).map((line) => ({ itemId: line.itemId, approvedQuantity: line.approvedQuantity ?? undefined })), note: values.note?.trim() || null })}
      check={check}
      send={(input) => approve.mutateAsync({ id: request.id, ...input })}
      success={(decided) => t('supplies.approve.done', { number: decided.number, transfer: decided.transferNumber ?? '' })}
      onClose={onClose}
      form={form}
      name="supply-approve"
      initialValues={{ lines: request.lines.map((line) => ({ itemId: line.itemId, approvedQuantity: line.requestedQuantity })) }}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
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
    </FormModal>
  );
}
