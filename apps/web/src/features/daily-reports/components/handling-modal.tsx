import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HandlingInput, type ExceptionItem } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { useRecordHandling } from '../api/record-handling';
import { useExceptionDescription } from './exception-description';

/** "记录处置": what was done about an exception (principal, centre). The note is required. */
export function HandlingModal({ item, onClose }: { item: ExceptionItem | null; onClose: () => void }) {
  return item ? <HandlingForm item={item} onClose={onClose} /> : null;
}

function HandlingForm({ item, onClose }: { item: ExceptionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const recordHandling = useRecordHandling();
  const describe = useExceptionDescription();
  return (
    <FormModal<{ handlingNote?: string }, typeof HandlingInput>
      title={t('dailyReports.handling.title', { name: item.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={HandlingInput}
      toInput={(values) => ({ handlingNote: values.handlingNote ?? '' })}
      send={(input) => recordHandling.mutateAsync({ followUpId: item.followUpId, handlingNote: input.handlingNote })}
      success={() => t('dailyReports.handling.done', { name: item.name })}
      onClose={onClose}
      name="record-handling"
      // A fresh form per opening: an earlier note is there to edit.
      initialValues={{ handlingNote: item.handlingNote ?? '' }}
      intro={<Typography.Paragraph>{describe(item)}</Typography.Paragraph>}
      errorPlacement="top"
      submitOnEnter
    >
      <Form.Item label={t('dailyReports.handling.note')} name="handlingNote" required extra={t('dailyReports.handling.help')}>
        <Input.TextArea rows={4} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
