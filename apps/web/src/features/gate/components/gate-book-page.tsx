import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, List, Pagination, Select, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { GateApprovalInput, type GateEntry, type GateRegisterFilters } from '@campus/shared';
import { DataList } from '@/components/ui/data-list';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { DayPicker, useDayParam } from '@/features/daily-reports';
import { formatTime } from '@/lib/format';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { saveFile } from '@/lib/save-file';
import { useSession } from '@/lib/session';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useCreateApproval, useDeleteApproval, useExportGateRegister, useGateApprovals, useGateRegister, useSetGateClosed } from '../api/gate-book';
import { useGateToday } from '../api/gate-today';
import { gateCan } from '../permissions';
import { GateAlertsCard } from './gate-alerts-card';
import { RefusalTag } from './entry-list';
import './gate.css';

/** 校门台账: `/gate/book` the principal's school; `/gate/schools/:schoolId/book` the centre opening one. */
export default function GateBookPage() {
  const me = useSession();
  const params = useParams();
  const schoolId = params.schoolId ?? me.school?.id;
  if (!gateCan.book(me.user.role)) return <ForbiddenResult />;
  if (!schoolId) return <NotFoundResult />;
  return <GateBook schoolId={schoolId} />;
}

function GateBook({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const today = useGateToday(schoolId);
  return (
    <>
      <PageHeader title={t('gate.book.title')} description={today.data ? `${today.data.school.name} · ${t('gate.book.intro', { days: today.data.retentionDays })}` : undefined} />
      {me.school ? <GateAlertsCard /> : null}
      <QueryState query={today}>{(view) => (gateCan.approve(me, schoolId) ? <ClosedCampus schoolId={schoolId} closed={view.closed} /> : null)}</QueryState>
      {gateCan.approve(me, schoolId) ? <Approvals schoolId={schoolId} /> : null}
      <Register schoolId={schoolId} />
    </>
  );
}

function ClosedCampus({ schoolId, closed }: { schoolId: string; closed: boolean }) {
  const { t } = useTranslation();
  const confirm = useConfirmedAction();
  const setClosed = useSetGateClosed();
  return (
    <Card className="section">
      <Flex gap={12} align="center" wrap>
        <Switch
          id="gate-closed"
          checked={closed}
          loading={setClosed.isPending}
          aria-label={t('gate.book.closedLabel')}
          onChange={(next) =>
            confirm({
              title: t('gate.book.closedLabel'),
              content: next ? t('gate.book.closeConfirm') : t('gate.book.openConfirm'),
              okText: next ? t('gate.book.close') : t('gate.book.open'),
              danger: !next,
              run: async () => void (await setClosed.mutateAsync({ schoolId, closed: next })),
            })
          }
        />
        <label htmlFor="gate-closed">
          <strong>{t('gate.book.closedLabel')}</strong> · {closed ? t('gate.book.closedOn') : t('gate.book.closedOff')}
        </label>
      </Flex>
    </Card>
  );
}

type ApprovalValues = { day?: Dayjs | null; name?: string; reason?: string };

function Approvals({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const confirm = useConfirmedAction();
  const approvals = useGateApprovals(schoolId);
  const create = useCreateApproval();
  const withdraw = useDeleteApproval();
  const [form] = Form.useForm<ApprovalValues>();
  const [error, setError] = useState<string>();
  const [todayDay] = useState(() => dayjs());

  const submit = async (values: ApprovalValues) => {
    setError(undefined);
    clearFieldErrors(form);
    const checked = validate(GateApprovalInput, { schoolId, day: values.day?.format('YYYY-MM-DD'), name: values.name, reason: values.reason }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setError(rest.join(' '));
      return;
    }
    try {
      await create.mutateAsync(checked.data);
      void message.success(t('gate.book.approvalAdded'));
      form.setFieldsValue({ name: '', reason: '' });
    } catch (caught) {
      setError(applyApiError(form, caught));
    }
  };

  return (
    <section className="section" aria-labelledby="gate-approvals-title">
      <Card>
        <Typography.Title level={2} className="section-title" id="gate-approvals-title">
          {t('gate.book.approvals')}
        </Typography.Title>
        <QueryState query={approvals}>
          {(data) => (
            <List
              size="small"
              locale={{ emptyText: t('gate.book.approvalsEmpty') }}
              dataSource={data.items}
              renderItem={(approval) => (
                <List.Item
                  actions={[
                    <Button
                      key="withdraw"
                      size="small"
                      danger
                      aria-label={`${t('gate.book.withdraw')} ${approval.name}`}
                      onClick={() => confirm({ title: t('gate.book.withdrawConfirm', { name: approval.name }), okText: t('gate.book.withdraw'), run: async () => void (await withdraw.mutateAsync(approval.id)) })}
                    >
                      {t('gate.book.withdraw')}
                    </Button>,
                  ]}
                >
                  {approval.day} · <strong>{approval.name}</strong> · {approval.reason} {approval.used ? <Tag className="tag-ok">{t('gate.book.used')}</Tag> : null}
                </List.Item>
              )}
            />
          )}
        </QueryState>
        <Form<ApprovalValues> form={form} layout="vertical" name="gate-approval" initialValues={{ day: todayDay }} onValuesChange={(changed) => clearChangedFieldErrors(form, changed)} onFinish={(values) => void submit(values)} className="section">
          <Flex gap={12} wrap align="end">
            <Form.Item name="day" label={t('gate.book.approvalDay')} required>
              <DatePicker format={t('common.dateInputFormat')} allowClear={false} disabledDate={(candidate: Dayjs) => candidate.isBefore(todayDay, 'day')} />
            </Form.Item>
            <Form.Item name="name" label={t('gate.book.approvalName')} required>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="reason" label={t('gate.book.approvalReason')} required>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={create.isPending}>
                {t('gate.book.addApproval')}
              </Button>
            </Form.Item>
          </Flex>
          {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
        </Form>
      </Card>
    </section>
  );
}

/** A labelled filter of the register: "all" (undefined) or one of `values`. */
function FilterSelect<V extends string>({ id, label, value, values, labelOf, onChange }: { id: string; label: string; value: V | undefined; values: readonly V[]; labelOf: (value: V | undefined) => string; onChange: (value: V | undefined) => void }) {
  return (
    <div className="filter-field">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <Select<V | ''>
        id={id}
        value={value ?? ''}
        onChange={(next) => onChange(next === '' ? undefined : next)}
        options={[{ value: '' as const, label: labelOf(undefined) }, ...values.map((option) => ({ value: option, label: labelOf(option) }))]}
        className="filter-select"
      />
    </div>
  );
}

function Register({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const { message } = App.useApp();
  const [day, setDay, today] = useDayParam();
  const [kind, setKind] = useState<GateRegisterFilters['kind']>();
  const [state, setState] = useState<GateRegisterFilters['state']>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const settled = useDebouncedValue(q.trim(), 300);
  const filters: GateRegisterFilters = { schoolId, day, kind, state, q: settled || undefined };
  const register = useGateRegister(filters, page > 1 ? String((page - 1) * 50) : undefined);
  const exportRegister = useExportGateRegister();
  const time = (value: string | null) => (value ? formatTime(value, me.centre.timeZone) : '');
  const resetPage = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  const result = (entry: GateEntry) => (entry.refusal ? <RefusalTag entry={entry} /> : entry.kind === 'person' ? t('gate.book.person') : entry.approved ? t('gate.book.allowedApproved') : t('gate.book.allowed'));
  const columns: TableColumnsType<GateEntry> = [
    { title: t('gate.book.time'), key: 'in', render: (_, entry) => time(entry.inAt) },
    { title: t('gate.book.who'), key: 'who', render: (_, entry) => <strong>{entry.name}</strong> },
    { title: t('gate.book.kind'), key: 'kind', render: (_, entry) => (entry.kind === 'visitor' ? t('gate.book.kinds.visitor') : (entry.classLabel ?? t('gate.form.staff'))) },
    { title: t('gate.form.phone'), dataIndex: 'phone' },
    { title: t('gate.book.detail'), key: 'detail', render: (_, entry) => [entry.organisation, entry.reason, entry.visiting ? `→ ${entry.visiting}` : null].filter(Boolean).join(' · ') },
    { title: t('gate.book.temperature'), key: 'temperature', render: (_, entry) => `${entry.temperature.toFixed(1)}℃` },
    { title: t('gate.book.result'), key: 'result', render: (_, entry) => result(entry) },
    { title: t('gate.book.out'), key: 'out', render: (_, entry) => time(entry.outAt) },
    { title: t('gate.book.recordedBy'), dataIndex: 'recordedByName' },
  ];

  return (
    <section className="section" aria-labelledby="gate-register-title">
      <Typography.Title level={2} className="section-title" id="gate-register-title">
        {t('gate.book.register')}
      </Typography.Title>
      <DayPicker id="gate-day" label={t('gate.book.day')} day={day} today={today} onChange={resetPage(setDay)} />
      <Flex gap={12} wrap align="end" className="section">
        <FilterSelect id="gate-kind" label={t('gate.book.kind')} value={kind} values={['visitor', 'person'] as const} labelOf={(value) => t(`gate.book.kinds.${value ?? 'all'}`)} onChange={resetPage(setKind)} />
        <FilterSelect id="gate-state" label={t('gate.book.state')} value={state} values={['allowed', 'refused', 'inside'] as const} labelOf={(value) => t(`gate.book.states.${value ?? 'all'}`)} onChange={resetPage(setState)} />
        <div className="filter-field">
          <label htmlFor="gate-q" className="filter-label">
            {t('gate.book.q')}
          </label>
          <Input id="gate-q" value={q} onChange={(event) => resetPage(setQ)(event.target.value)} allowClear maxLength={20} />
        </div>
        {gateCan.export(me, schoolId) ? (
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={exportRegister.isPending}
            onClick={() =>
              exportRegister.mutate(filters, {
                onSuccess: (blob) => {
                  saveFile(blob, `校门登记-${day}.xlsx`);
                  void message.success(t('gate.book.exported'));
                },
                onError: (error) => void message.error(error.message),
              })
            }
          >
            {t('gate.book.export')}
          </Button>
        ) : null}
      </Flex>
      <QueryState query={register}>
        {(data) => (
          <>
            {data.purged ? <Alert type="info" showIcon title={t('gate.book.purged')} className="section" /> : null}
            <p role="status">{t('gate.book.total', { count: data.total })}</p>
            <DataList<GateEntry>
              items={data.items}
              rowKey={(entry) => entry.id}
              columns={columns}
              label={t('gate.book.register')}
              emptyText={t('gate.book.empty')}
              loading={register.isFetching}
              paginate={false}
              renderCard={(entry) => (
                <>
                  <div className="gate-entry-name">
                    {entry.name} {result(entry)}
                  </div>
                  <div className="gate-entry-meta">
                    {time(entry.inAt)} · {entry.temperature.toFixed(1)}℃ · {entry.kind === 'visitor' ? [entry.organisation, entry.reason, entry.phone].filter(Boolean).join(' · ') : (entry.classLabel ?? t('gate.form.staff'))}
                    {entry.outAt ? ` · ${t('gate.today.outAt', { time: time(entry.outAt) })}` : ''}
                  </div>
                </>
              )}
            />
            {data.total > 50 ? <Pagination className="section" current={page} pageSize={50} total={data.total} showSizeChanger={false} onChange={setPage} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
