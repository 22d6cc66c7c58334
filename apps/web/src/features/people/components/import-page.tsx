import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Result, Spin, Steps, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Id, type ImportCheck, type ImportMapping, type ImportResult } from '@campus/shared';
import { ForbiddenResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { SchoolSelect } from '@/features/schools';
import { isApiRequestError } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import { useCheckImport } from '../api/check-import';
import { useCommitImport } from '../api/commit-import';
import { IMPORT_TEMPLATE_URL } from '../api/import-form';
import { rosterCan } from '../permissions';
import { ImportCheckTable, ImportCounts } from './import-check-table';
import { ImportMappingCard, unmatchedHeaders } from './import-mapping';
import './people.css';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** /people/import: choose school → file → check (nothing saved) → map columns if needed → confirm → result. */
export default function ImportPage() {
  const me = useSession();
  if (!rosterCan.write(me.user.role)) return <ForbiddenResult />;
  return <ImportWizard />;
}

function ImportWizard() {
  const { t } = useTranslation();
  const me = useSession();
  const { modal } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const township = rosterCan.seeAllSchools(me.user.role);
  const requested = searchParams.get('schoolId');
  const schoolId = township ? (requested && Id.safeParse(requested).success ? requested : undefined) : (me.school?.id ?? undefined);
  // The file stays here, in memory, between the check and the commit: never in storage.
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | undefined>();
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [showMapping, setShowMapping] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | null>(null);
  const checkImport = useCheckImport();
  const commitImport = useCommitImport();
  const rosterHref = township && schoolId ? `/people?schoolId=${schoolId}` : '/people';

  function reset() {
    setFile(null);
    setMapping(undefined);
    setCheck(null);
    setShowMapping(false);
    setResult(null);
    setProblem(null);
  }

  async function runCheck(nextMapping = mapping) {
    if (!file || !schoolId) return;
    setProblem(null);
    try {
      const checked = await checkImport.mutateAsync({ file, schoolId, mapping: nextMapping });
      setMapping(nextMapping);
      setCheck(checked);
      setShowMapping(checked.missingRequired.length > 0);
    } catch (error) {
      setCheck(null);
      setProblem({ message: error instanceof Error ? error.message : String(error), stale: false });
    } finally {
      checkImport.reset();
    }
  }

  async function commit() {
    if (!file || !schoolId || !check) return;
    setProblem(null);
    try {
      const imported = await commitImport.mutateAsync({ file, schoolId, mapping, checksum: check.checksum });
      setResult(imported);
    } catch (error) {
      const stale = isApiRequestError(error) && error.statusCode === 409;
      setProblem({ message: stale ? t('people.import.stale') : error instanceof Error ? error.message : String(error), stale });
    } finally {
      commitImport.reset();
    }
  }

  const toWrite = check ? check.counts.add + check.counts.update : 0;
  function confirmCommit() {
    if (!check) return;
    void modal.confirm({
      title: t('people.import.confirmTitle', { count: toWrite }),
      content: t('people.import.confirmText', { add: check.counts.add, update: check.counts.update, reject: check.counts.reject }),
      okText: t('people.import.commit', { count: toWrite }),
      cancelText: t('common.cancel'),
      onOk: () => void commit(),
    });
  }

  const step = result ? 2 : check ? 1 : 0;
  const unmatched = check ? unmatchedHeaders(check) : [];

  return (
    <div className="people-page import-page">
      <PageHeader
        title={t('people.import.title')}
        description={t('people.import.intro')}
        back={
          <Link to={rosterHref} className="back-link">
            <ArrowLeftOutlined aria-hidden /> {t('people.backToRoster')}
          </Link>
        }
      />
      <Steps
        className="import-steps"
        current={step}
        size="small"
        responsive={false}
        items={[{ title: t('people.import.steps.file') }, { title: t('people.import.steps.check') }, { title: t('people.import.steps.done') }]}
      />

      {result ? (
        <Card>
          <Result
            status="success"
            title={<h2 className="result-title">{t('people.import.doneTitle')}</h2>}
            subTitle={<span role="status">{t('people.import.doneText', result)}</span>}
            extra={
              <Flex wrap gap={8} justify="center">
                <Link to={rosterHref} className="link-button">
                  {t('people.import.backToRoster')}
                </Link>
                <Button onClick={() => reset()}>{t('people.import.another')}</Button>
              </Flex>
            }
          />
        </Card>
      ) : (
        <>
          <Card className="import-card">
            <div className="import-file-grid">
              {township ? (
                <div className="filter-field">
                  <label htmlFor="import-school" className="filter-label">
                    {t('people.import.school')}
                  </label>
                  <SchoolSelect
                    id="import-school"
                    value={schoolId}
                    placeholder={t('people.chooseSchool')}
                    disabled={Boolean(check)}
                    onChange={(value) => setSearchParams(value ? { schoolId: value } : {}, { replace: true })}
                  />
                </div>
              ) : (
                <div className="filter-field">
                  <span className="filter-label">{t('people.import.school')}</span>
                  <Typography.Text>{me.school?.name}</Typography.Text>
                </div>
              )}
              <div className="filter-field">
                <span className="filter-label">{t('people.import.template')}</span>
                <a href={IMPORT_TEMPLATE_URL} download className="template-link">
                  <DownloadOutlined aria-hidden /> {t('people.import.template')}（.xlsx）
                </a>
                <Typography.Text type="secondary">{t('people.import.templateHelp')}</Typography.Text>
              </div>
              <div className="filter-field">
                <span className="filter-label" id="import-file-label">
                  {t('people.import.file')}
                </span>
                <Upload
                  accept={ACCEPT}
                  maxCount={1}
                  showUploadList={false}
                  disabled={!schoolId}
                  beforeUpload={(picked) => {
                    setFile(picked);
                    setCheck(null);
                    setMapping(undefined);
                    setShowMapping(false);
                    setProblem(null);
                    // Keep the file here; it is sent with the check, not uploaded on its own.
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined aria-hidden />} disabled={!schoolId} aria-describedby="import-file-label import-file-help">
                    {t('people.import.pick')}
                  </Button>
                </Upload>
                <Typography.Text type="secondary" id="import-file-help">
                  {t('people.import.fileHelp')}
                </Typography.Text>
                {file ? (
                  <Typography.Text className="chosen-file">
                    <FileExcelOutlined aria-hidden /> {t('people.import.chosen', { name: file.name })}
                  </Typography.Text>
                ) : null}
              </div>
            </div>
            <Flex wrap gap={8}>
              <Button type="primary" disabled={!file || !schoolId} loading={checkImport.isPending} onClick={() => void runCheck()}>
                {check ? t('people.import.recheck') : t('people.import.check')}
              </Button>
              {check ? <Button onClick={() => reset()}>{t('people.import.startOver')}</Button> : null}
            </Flex>
          </Card>

          {problem ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="import-alert"
              title={problem.message}
              action={
                problem.stale ? (
                  <Button onClick={() => void runCheck()} loading={checkImport.isPending}>
                    {t('people.import.recheck')}
                  </Button>
                ) : undefined
              }
            />
          ) : null}

          {check && showMapping ? <ImportMappingCard key={check.checksum} check={check} checking={checkImport.isPending} onRecheck={(next) => void runCheck(next)} /> : null}

          {check && !check.missingRequired.length ? (
            <section className="import-result" aria-labelledby="import-check-title">
              <Card>
                <h2 id="import-check-title" className="card-heading">
                  {t('people.import.steps.check')}
                </h2>
                <Alert type="info" showIcon title={t('people.import.notSaved')} className="import-alert" />
                {unmatched.length && !showMapping ? (
                  <Alert
                    type="warning"
                    showIcon
                    className="import-alert"
                    title={t('people.import.mapping.unmatched', { headers: unmatched.join('、') })}
                    action={<Button onClick={() => setShowMapping(true)}>{t('people.import.mapping.adjust')}</Button>}
                  />
                ) : null}
                <ImportCounts counts={check.counts} />
                <ImportCheckTable key={check.checksum} check={check} />
                <Flex wrap gap={12} align="center" className="import-commit">
                  {commitImport.isPending ? (
                    <Spin description={t('people.import.committing')} />
                  ) : (
                    <Button type="primary" size="large" disabled={toWrite === 0} onClick={confirmCommit}>
                      {t('people.import.commit', { count: toWrite })}
                    </Button>
                  )}
                  {toWrite === 0 ? <Typography.Text type="secondary">{t('people.import.nothingToCommit')}</Typography.Text> : null}
                </Flex>
              </Card>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
