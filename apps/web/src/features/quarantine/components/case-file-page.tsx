import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id, type CaseCheckIn, type CaseFile } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { NotFoundResult } from '@/components/ui/result-pages';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { usePrinting } from '@/lib/use-printing';
import { useSession } from '@/lib/session';
import { useCase } from '../api/get-case';
import { ChangeEndModal, CheckInModal, CloseCaseModal, ResolveHelpModal, ReturnModal } from './case-modals';
import { CheckInTag } from './case-table';
import { useCaseLabels } from './use-case-labels';
import { useCheckInTexts } from './check-in-texts';
import { CaseFilePrint } from './case-file-print';
import './quarantine.css';

/** /cases/:caseId — the case file (一人一案): who, why, team, plan, every check-in, every change, outcome; printable on A4. */
export default function CaseFilePage() {
  const { caseId = '' } = useParams();
  if (!Id.safeParse(caseId).success) return <NotFoundResult />;
  return <CaseLoader caseId={caseId} />;
}

function CaseLoader({ caseId }: { caseId: string }) {
  const caseFile = useCase(caseId);
  return <QueryState query={caseFile}>{(data) => <CaseFileView caseFile={data} />}</QueryState>;
}

type Dialog = { kind: 'check-in'; correcting?: CaseCheckIn } | { kind: 'extend' | 'shorten' | 'close' | 'return' } | { kind: 'resolve'; checkInId: string } | null;

function CaseFileView({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const labels = useCaseLabels();
  const [dialog, setDialog] = useState<Dialog>(null);
  const printing = usePrinting();
  const open = caseFile.status === 'open';
  const time = (value: string) => formatDateTime(value, language, me.centre.timeZone);

  return (
    <article className="case-file">
      <PageHeader
        title={t('quarantine.file.title', { name: caseFile.person.name })}
        back={
          <Link to="/cases" className="back-link no-print">
            ‹ {t('quarantine.nav.cases')}
          </Link>
        }
        description={
          <>
            <Tag className={open ? 'tag-warn' : 'tag-off'}>{t(`quarantine.status.${caseFile.status}`)}</Tag> {t('quarantine.file.dayOf', { day: caseFile.day, of: caseFile.of })}
            {open ? ` · ${caseFile.pastPlannedEnd ? t('quarantine.list.pastEnd') : t('quarantine.file.daysLeft', { count: caseFile.daysLeft })}` : ''}
            {open ? (
              <>
                {' '}
                <CheckInTag state={caseFile.checkInState} />
              </>
            ) : null}
          </>
        }
        extra={
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} className="no-print">
            {t('quarantine.file.print')}
          </Button>
        }
      />

      <div className="case-actions no-print section">
        {open && caseFile.can.checkIn ? (
          <Button type="primary" size="large" onClick={() => setDialog({ kind: 'check-in' })}>
            {t('quarantine.actions.checkIn')}
          </Button>
        ) : null}
        {open && caseFile.can.manage ? (
          <>
            <Button onClick={() => setDialog({ kind: 'extend' })}>{t('quarantine.actions.extend')}</Button>
            <Button onClick={() => setDialog({ kind: 'shorten' })}>{t('quarantine.actions.shorten')}</Button>
            <Button danger onClick={() => setDialog({ kind: 'close' })}>
              {t('quarantine.actions.close')}
            </Button>
          </>
        ) : null}
        {!open && caseFile.can.manage && caseFile.person.kind === 'student' && !caseFile.returnedDay ? (
          <Button type="primary" onClick={() => setDialog({ kind: 'return' })}>
            {t('quarantine.actions.return')}
          </Button>
        ) : null}
      </div>

      <section aria-labelledby="case-details" className="section">
        <Card>
          <Typography.Title level={2} id="case-details" className="section-title">
            {t('quarantine.file.details')}
          </Typography.Title>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('quarantine.file.person')}>
              {caseFile.person.name} · {caseFile.person.schoolName} · {labels.classOf(caseFile.person)}
            </Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.reason')}>
              {labels.reason(caseFile.reason)}
              {caseFile.reasonNote ? `（${caseFile.reasonNote}）` : ''}
              {caseFile.fromFollowUpId ? ` · ${t('quarantine.file.fromFollowUp')}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.place')}>
              {labels.place(caseFile.place)}
              {caseFile.placeNote ? `（${caseFile.placeNote}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.start')}>{labels.day(caseFile.startDay)}</Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.plannedEnd')}>{labels.day(caseFile.plannedEndDay)}</Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.team')}>
              {caseFile.team.map((member) => (member.lead ? `${member.displayName}（${t('quarantine.file.lead')}）` : member.displayName)).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.guardianContact')}>{caseFile.guardianContact ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('quarantine.file.plan')} span={2}>
              <span className="plan-text">{caseFile.plan ?? t('observerView.hidden')}</span>
            </Descriptions.Item>
            {caseFile.status === 'closed' ? (
              <Descriptions.Item label={t('quarantine.file.outcome')} span={2}>
                {caseFile.closedDay && caseFile.outcome ? t('quarantine.file.closedOn', { day: labels.day(caseFile.closedDay), outcome: labels.outcome(caseFile.outcome) }) : ''}
                {caseFile.closeNote ? `（${caseFile.closeNote}）` : ''}
                {caseFile.returnedDay ? ` · ${t('quarantine.file.returnedOn', { day: labels.day(caseFile.returnedDay) })}` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Paragraph type="secondary" className="section-tight">
            {t('quarantine.file.openedBy', { name: caseFile.openedByName, time: time(caseFile.openedAt) })}
          </Typography.Paragraph>
        </Card>
      </section>

      <section aria-labelledby="case-check-ins" className="section">
        <Typography.Title level={2} id="case-check-ins" className="section-title">
          {t('quarantine.file.checkIns', { count: caseFile.checkIns.length })}
        </Typography.Title>
        {caseFile.checkIns.length ? (
          <ol className="case-check-ins">
            {caseFile.checkIns.map((checkIn) => (
              <CheckInEntry
                key={checkIn.id}
                checkIn={checkIn}
                canCorrect={open && caseFile.can.checkIn}
                onCorrect={() => setDialog({ kind: 'check-in', correcting: checkIn })}
                onResolve={() => setDialog({ kind: 'resolve', checkInId: checkIn.id })}
              />
            ))}
          </ol>
        ) : (
          <Alert type="info" showIcon title={t('quarantine.file.noCheckIns')} />
        )}
      </section>

      <section aria-labelledby="case-history" className="section">
        <Typography.Title level={2} id="case-history" className="section-title">
          {t('quarantine.file.history')}
        </Typography.Title>
        <Timeline
          items={caseFile.events.map((event) => ({
            key: event.id,
            content: (
              <>
                <strong>{labels.event(event.kind)}</strong>
                {event.day ? ` · ${labels.day(event.day)}` : ''}
                {event.fromDay && event.toDay ? ` · ${t('quarantine.file.from', { from: labels.day(event.fromDay), to: labels.day(event.toDay) })}` : ''}
                {event.outcome ? ` · ${labels.outcome(event.outcome)}` : ''}
                {event.note ? ` · ${event.note}` : ''}
                <br />
                <Typography.Text type="secondary">{t('quarantine.file.by', { name: event.byName, time: time(event.at) })}</Typography.Text>
              </>
            ),
          }))}
        />
      </section>

      {printing ? <CaseFilePrint caseFile={caseFile} /> : null}

      {dialog?.kind === 'check-in' ? <CheckInModal caseFile={caseFile} correcting={dialog.correcting} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'extend' || dialog?.kind === 'shorten' ? <ChangeEndModal caseFile={caseFile} direction={dialog.kind} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'close' ? <CloseCaseModal caseFile={caseFile} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'return' ? <ReturnModal caseFile={caseFile} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'resolve' ? <ResolveHelpModal caseId={caseFile.id} checkInId={dialog.checkInId} onClose={() => setDialog(null)} /> : null}
    </article>
  );
}

function CheckInEntry({ checkIn, canCorrect, onCorrect, onResolve }: { checkIn: CaseCheckIn; canCorrect: boolean; onCorrect: () => void; onResolve: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const labels = useCaseLabels();
  const texts = useCheckInTexts();
  const study = texts.study(checkIn);
  const superseded = checkIn.correctedByCheckInId !== null;
  const className = ['case-check-in', checkIn.alerts.length ? 'alerting' : '', superseded ? 'superseded' : ''].filter(Boolean).join(' ');
  return (
    <li className={className}>
      <strong>{labels.day(checkIn.day)}</strong> · {t(`followUps.method.${checkIn.method}`)}
      {checkIn.alerts.length ? <Tag className="tag-danger case-flag">{labels.alerts(checkIn.alerts)}</Tag> : null}
      {checkIn.correctsCheckInId ? <Tag className="tag-info case-flag">{t('quarantine.file.correctionOf', { day: labels.day(checkIn.day) })}</Tag> : null}
      {superseded ? <Tag className="tag-off case-flag">{t('quarantine.file.corrected')}</Tag> : null}
      {checkIn.needsHelp && !checkIn.helpResolution ? <Tag className="tag-warn case-flag">{t('quarantine.list.needsHelp')}</Tag> : null}
      <dl>
        <dt>{t('quarantine.file.temperature')}</dt>
        <dd>{texts.temperature(checkIn)}</dd>
        <dt>{t('quarantine.file.symptoms')}</dt>
        <dd>{texts.symptoms(checkIn)}</dd>
        <dt>{t('quarantine.file.living')}</dt>
        <dd>{texts.living(checkIn)}</dd>
        {study !== null ? (
          <>
            <dt>{t('quarantine.file.study')}</dt>
            <dd>{study}</dd>
          </>
        ) : null}
        <dt>{t('quarantine.file.mood')}</dt>
        <dd>{texts.mood(checkIn)}</dd>
        {checkIn.counsellingNote ? (
          <>
            <dt>{t('quarantine.file.counselling')}</dt>
            <dd>{checkIn.counsellingNote}</dd>
          </>
        ) : null}
        {checkIn.note ? (
          <>
            <dt>{t('quarantine.file.note')}</dt>
            <dd>{checkIn.note}</dd>
          </>
        ) : null}
      </dl>
      {checkIn.helpResolution ? (
        <Typography.Paragraph className="section-tight">{t('quarantine.file.helpResolved', { note: checkIn.helpResolution.note ?? '—', name: checkIn.helpResolution.byName })}</Typography.Paragraph>
      ) : null}
      <Typography.Text type="secondary">{t('quarantine.file.by', { name: checkIn.recordedByName, time: formatDateTime(checkIn.recordedAt, language, me.centre.timeZone) })}</Typography.Text>
      <div className="case-actions no-print section-tight">
        {canCorrect && !superseded ? <Button onClick={onCorrect}>{t('quarantine.actions.correct')}</Button> : null}
        {checkIn.needsHelp && !checkIn.helpResolution && canCorrect ? <Button onClick={onResolve}>{t('quarantine.file.resolveHelp')}</Button> : null}
      </div>
    </li>
  );
}
