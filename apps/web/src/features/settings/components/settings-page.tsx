import { useEffect, useMemo } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CentreSettings } from '@campus/shared';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { CensusCategoriesSection } from '@/features/census';
import { QueryState } from '@/components/ui/query-state';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useSettings } from '../api/get-settings';
import { useInlineSettingsForm } from '../use-inline-settings-form';
import { CampusSettingsSection } from './campus-settings-section';
import { RetentionSection } from './retention-section';

type SettingsValues = {
  name?: string;
  timeZone?: string;
  feverThreshold?: number | null;
  reportDeadline?: string;
  defaultQuarantineDays?: number | null;
  sessionIdleMinutes?: number | null;
};

const FIELDS = ['name', 'timeZone', 'feverThreshold', 'reportDeadline', 'defaultQuarantineDays', 'sessionIdleMinutes'] as const;

export default function SettingsPage() {
  const me = useSession();
  if (!can.editSettings(me.user.role)) return <ForbiddenResult />;
  return <Settings />;
}

function Settings() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <QueryState query={settings}>{(data) => <SettingsForm settings={data} />}</QueryState>
      <QueryState query={settings}>{(data) => <CampusSettingsSection settings={data} />}</QueryState>
      <CensusCategoriesSection />
      <QueryState query={settings}>{(data) => <RetentionSection settings={data} />}</QueryState>
    </>
  );
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'Asia/Urumqi', 'UTC'];
  return zones.includes(current) ? zones : [current, ...zones];
}

function SettingsForm({ settings }: { settings: CentreSettings }) {
  const { t } = useTranslation();
  const { form, alert, pending, formProps } = useInlineSettingsForm<SettingsValues>({
    required: FIELDS,
    toInput: (values, missing) => Object.fromEntries(FIELDS.filter((field) => !missing[field]).map((field) => [field, values[field]])),
    savedMessage: t('settings.saved'),
    onSaved: (saved, savedForm) => savedForm.setFieldsValue(saved),
  });
  const zoneOptions = useMemo(() => timeZones(settings.timeZone).map((zone) => ({ value: zone, label: zone })), [settings.timeZone]);

  useEffect(() => {
    form.setFieldsValue(settings);
  }, [settings, form]);

  return (
    <Card className="narrow-card">
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form {...formProps} name="settings" layout="vertical" initialValues={settings}>
        <Form.Item label={t('settings.name')} name="name" required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('settings.timeZone')} name="timeZone" required extra={t('settings.timeZoneHelp')}>
          <Select<string> options={zoneOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label={t('settings.feverThreshold')} name="feverThreshold" required extra={t('settings.feverThresholdHelp')}>
          <InputNumber<number> step={0.1} precision={1} inputMode="decimal" className="full-width" />
        </Form.Item>
        <Form.Item label={t('settings.reportDeadline')} name="reportDeadline" required extra={t('settings.reportDeadlineHelp')}>
          <Input placeholder="10:00" inputMode="numeric" maxLength={5} />
        </Form.Item>
        <Form.Item label={t('settings.defaultQuarantineDays')} name="defaultQuarantineDays" required extra={t('settings.defaultQuarantineDaysHelp')}>
          <InputNumber<number> inputMode="numeric" className="full-width" />
        </Form.Item>
        <Form.Item label={t('settings.sessionIdleMinutes')} name="sessionIdleMinutes" required extra={t('settings.sessionIdleMinutesHelp')}>
          <InputNumber<number> inputMode="numeric" className="full-width" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
