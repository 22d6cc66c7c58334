import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplyRequestInput, type HolderStock, type SupplyItem, type SupplyRequest } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
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
export function RequestModal(props: { open: boolean; stock: HolderStock | undefined; items: readonly SupplyItem[]; onClose: () => void }) {
  return props.open ? <RequestForm {...props} /> : null;
}

function RequestForm({ stock, items, onClose }: { stock: HolderStock | undefined; items: readonly SupplyItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const createRequest = useCreateRequest();
  const { quantity } = useQuantity();
  const unitOf = (itemId: string) => items.find((item) => item.id === itemId)?.unit;

  const hint = (itemId: string) => {
    const line = stock?.items.find((entry) => entry.item.id === itemId);
    if (!line) return undefined;
    const gap = line.cell?.shortfall;
    return t('supplies.request.hint', { onHand: quantity(line.onHand, line.item.unit), gap: gap === null || gap === undefined ? t('supplies.none') : quantity(gap, line.item.unit) });
  };

  return (
    <FormModal<FormValues, typeof SupplyRequestInput, SupplyRequest>
      title={t('supplies.request.title')}
      okText={t('supplies.request.submit')}
      cancelText={t('common.cancel')}
      schema={SupplyRequestInput}
      toInput={(values) => ({ reason: values.reason ?? '', lines: (values.lines ?? []).map((line) => ({ itemId: line.itemId ?? '', quantity: line.quantity ?? undefined })) })}
      check={(values) => lineQuantityProblems(values.lines ?? [], unitOf, 'quantity', language)}
      send={(input) => createRequest.mutateAsync(input)}
      success={(created) => t('supplies.request.done', { number: created.number })}
      onClose={onClose}
      name="supply-request"
      initialValues={{ lines: [{}] }}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
      width={640}
    >
      <p className="modal-intro">{t('supplies.request.intro')}</p>
      <LinesField items={items} legend={t('supplies.lines.legend')} quantityLabel={t('supplies.request.quantity')} hint={hint} />
      <Form.Item name="reason" label={t('supplies.request.reason')} required>
        <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('supplies.request.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
