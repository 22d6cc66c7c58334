import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CentreSettings } from '@campus/shared';
import { useInlineSettingsForm } from '../use-inline-settings-form';

type CampusValues = { dutyChecks?: string; gateQuestions?: string; gateRetentionDays?: number | null; disinfectionAreaKinds?: string };

const FIELDS = ['dutyChecks', 'gateQuestions', 'gateRetentionDays', 'disinfectionAreaKinds'] as const;

/** One item per line, blank lines dropped. */
const lines = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** An item's message ("dutyChecks.2") shown on its list's field, with the line it is about. */
function onListFields(fields: Record<string, string>, lineError: (line: number, message: string) => string): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const [name, index] = path.split('.');
    if (!shown[name!]) shown[name!] = index === undefined ? message : lineError(Number(index) + 1, message);
  }
  return shown;
}

/**
 * 校园防控 settings the centre keeps: the duty report's checklist, the gate's
 * "ask" questions (a yes refuses entry), how long a day's gate register is
 * kept, and the kinds of area disinfection plans are made of. A change applies to reports and entries made from then on; what was
 * filed keeps the words it was filed with.
 */
export function CampusSettingsSection({ settings }: { settings: CentreSettings }) {
  const { t } = useTranslation();
  const { form, alert, pending, formProps } = useInlineSettingsForm<CampusValues>({
    required: FIELDS,
    toInput: (values) => ({ dutyChecks: lines(values.dutyChecks), gateQuestions: lines(values.gateQuestions), gateRetentionDays: values.gateRetentionDays, disinfectionAreaKinds: lines(values.disinfectionAreaKinds) }),
    placeMessages: (fields) => onListFields(fields, (line, text) => t('settings.campus.lineError', { line, message: text })),
    savedMessage: t('settings.saved'),
  });

  useEffect(() => {
    form.setFieldsValue({
      dutyChecks: settings.dutyChecks.join('\n'),
      gateQuestions: settings.gateQuestions.join('\n'),
      gateRetentionDays: settings.gateRetentionDays,
      disinfectionAreaKinds: settings.disinfectionAreaKinds.join('\n'),
    });
  }, [settings, form]);

  return (
    <section className="section" aria-labelledby="campus-settings-title">
      <Card className="narrow-card">
        <Typography.Title level={2} className="section-title" id="campus-settings-title">
          {t('settings.campus.title')}
        </Typography.Title>
        {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
        <Form {...formProps} name="campus-settings" layout="vertical">
          <Form.Item label={t('settings.campus.gateQuestions')} name="gateQuestions" required extra={t('settings.campus.gateQuestionsHelp')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item label={t('settings.campus.gateRetentionDays')} name="gateRetentionDays" required extra={t('settings.campus.gateRetentionDaysHelp')}>
            <InputNumber<number> inputMode="numeric" className="full-width" />
          </Form.Item>
          <Form.Item label={t('settings.campus.dutyChecks')} name="dutyChecks" required extra={t('settings.campus.dutyChecksHelp')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
          <Form.Item label={t('settings.campus.disinfectionAreaKinds')} name="disinfectionAreaKinds" required extra={t('settings.campus.disinfectionAreaKindsHelp')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending}>
            {t('settings.campus.save')}
          </Button>
        </Form>
      </Card>
    </section>
  );
}
