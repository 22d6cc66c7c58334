import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Spin, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RetentionKinds, type CentreSettings, type RetentionCounts, type RetentionPreview, type RetentionPurgeResult } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { QueryState } from '@/components/ui/query-state';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useRetentionPreview } from '../api/get-retention-preview';
import { usePurgeRetention } from '../api/purge-retention';
import { useInlineSettingsForm } from '../use-inline-settings-form';

type RetentionValues = {
  emergencyEndedOn?: Dayjs | null;
  retentionDays?: number | null;
  auditRetentionDays?: number | null;
};

type Row = RetentionCounts & { key: string; schoolName: string; total: number };

const rowTotal = (counts: RetentionCounts) => RetentionKinds.reduce((sum, kind) => sum + counts[kind], 0);

/**
 * 数据保留 (docs/decisions/0014-retention.md): when the emergency ended and how long details are
 * kept after it; the preview of what the purge removes, per school; the purge after a dialog naming the numbers.
 */
export function RetentionSection({ settings }: { settings: CentreSettings }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="retention-title">
      <Card>
        <Typography.Title level={2} className="section-title" id="retention-title">
          {t('retention.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('retention.intro')}</Typography.Paragraph>
        <RetentionForm settings={settings} />
        <RetentionPreviewPart />
      </Card>
    </section>
  );
}

function RetentionForm({ settings }: { settings: CentreSettings }) {
  const { t } = useTranslation();
  const { form, alert, pending, formProps } = useInlineSettingsForm<RetentionValues>({
    required: ['retentionDays', 'auditRetentionDays'],
    toInput: (values, missing) => ({
      emergencyEndedOn: values.emergencyEndedOn ? values.emergencyEndedOn.format('YYYY-MM-DD') : null,
      ...(missing.retentionDays ? {} : { retentionDays: values.retentionDays }),
      ...(missing.auditRetentionDays ? {} : { auditRetentionDays: values.auditRetentionDays }),
    }),
    savedMessage: t('retention.saved'),
  });

  useEffect(() => {
    form.setFieldsValue({
      emergencyEndedOn: settings.emergencyEndedOn ? dayjs(settings.emergencyEndedOn) : null,
      retentionDays: settings.retentionDays,
      auditRetentionDays: settings.auditRetentionDays,
    });
  }, [settings, form]);

  return (
    <Form {...formProps} name="retention" layout="vertical" className="retention-form">
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form.Item label={t('retention.endedOn')} name="emergencyEndedOn" extra={t('retention.endedOnHelp')}>
        <DatePicker format={t('common.dateInputFormat')} className="full-width" />
      </Form.Item>
      <Form.Item label={t('retention.retentionDays')} name="retentionDays" required extra={t('retention.retentionDaysHelp')}>
        <InputNumber<number> inputMode="numeric" className="full-width" />
      </Form.Item>
      <Form.Item label={t('retention.auditRetentionDays')} name="auditRetentionDays" required extra={t('retention.auditRetentionDaysHelp')}>
        <InputNumber<number> inputMode="numeric" className="full-width" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {t('retention.saveSettings')}
      </Button>
    </Form>
  );
}

function RetentionPreviewPart() {
  const { t } = useTranslation();
  const preview = useRetentionPreview();
  return (
    <section aria-labelledby="retention-preview-title" className="retention-preview">
      <Typography.Title level={3} id="retention-preview-title" className="section-title">
        {t('retention.previewTitle')}
      </Typography.Title>
      <QueryState query={preview}>{(data) => <PreviewTable preview={data} />}</QueryState>
    </section>
  );
}

function PreviewTable({ preview }: { preview: RetentionPreview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const confirm = useConfirmedAction();
  const purge = usePurgeRetention();
  const [result, setResult] = useState<RetentionPurgeResult>();
  const day = (value: string) => formatDate(`${value}T00:00:00Z`, language, 'UTC');
  const kindLabel = (kind: keyof RetentionCounts) => t(`retention.kinds.${kind}`);

  const rows: Row[] = preview.schools.map((school) => ({ ...school, key: school.schoolId, total: rowTotal(school) }));
  if (rows.length) rows.push({ ...preview.totals, key: 'total', schoolName: t('retention.allSchools'), total: preview.total });

  const columns: TableColumnsType<Row> = [
    { title: t('retention.school'), dataIndex: 'schoolName', key: 'school', render: (name: string, row) => (row.key === 'total' ? <strong>{name}</strong> : name) },
    ...RetentionKinds.map((kind) => ({ title: kindLabel(kind), dataIndex: kind, key: kind, align: 'right' as const })),
    { title: t('retention.total'), dataIndex: 'total', key: 'total', align: 'right', render: (total: number) => <strong>{total}</strong> },
  ];

  function askToPurge() {
    const total = preview.total;
    confirm({
      title: t('retention.confirmTitle', { total }),
      content: (
        <>
          <Typography.Paragraph>{t('retention.confirmText')}</Typography.Paragraph>
          <ul>
            {RetentionKinds.filter((kind) => preview.totals[kind] > 0).map((kind) => (
              <li key={kind}>{t('retention.kindCount', { kind: kindLabel(kind), count: preview.totals[kind] })}</li>
            ))}
          </ul>
        </>
      ),
      okText: t('retention.confirmOk', { total }),
      run: async () => {
        setResult(await purge.mutateAsync({ confirmTotal: total }));
      },
    });
  }

  let state: { type: 'info' | 'warning' | 'success'; text: string };
  if (!preview.emergencyEndedOn) state = { type: 'info', text: t('retention.noEndDate') };
  else if (!preview.due) state = { type: 'warning', text: t('retention.notDue', { day: day(preview.purgeFrom!) }) };
  else if (preview.total === 0) state = { type: 'success', text: t('retention.nothing') };
  else state = { type: 'warning', text: t('retention.due') };

  return (
    <Flex vertical gap={12}>
      {result ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('retention.doneTitle', { total: result.total })}
          description={RetentionKinds.filter((kind) => result.removed[kind] > 0)
            .map((kind) => t('retention.kindCount', { kind: kindLabel(kind), count: result.removed[kind] }))
            .join('；')}
        />
      ) : null}
      <Alert type={state.type} showIcon title={state.text} />
      {rows.length ? (
        <DataList<Row>
          label={t('retention.listLabel')}
          items={rows}
          rowKey={(row) => row.key}
          columns={columns}
          emptyText={t('retention.nothing')}
          paginate={false}
          renderCard={(row) => (
            <Flex vertical gap={4}>
              <strong>{row.schoolName}</strong>
              {RetentionKinds.map((kind) => (
                <span key={kind}>{t('retention.kindCount', { kind: kindLabel(kind), count: row[kind] })}</span>
              ))}
            </Flex>
          )}
        />
      ) : null}
      {purge.isPending ? (
        <Flex gap={8} align="center" role="status">
          <Spin />
          <span>{t('retention.running')}</span>
        </Flex>
      ) : null}
      {preview.due && preview.total > 0 ? (
        <div>
          <Button danger type="primary" onClick={askToPurge} loading={purge.isPending}>
            {t('retention.purge')}
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}
