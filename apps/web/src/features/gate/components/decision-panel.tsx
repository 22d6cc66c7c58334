import { Alert, Button } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GateEntry } from '@campus/shared';

/**
 * The gate's answer, big enough to read at arm's length: allowed, or refused
 * with the reason and who has been told. Focused when it appears, and read
 * out by screen readers.
 */
export function DecisionPanel({ entry, onAgain }: { entry: GateEntry; onAgain: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const refused = entry.refusal !== null;
  const reason =
    entry.refusal === 'fever'
      ? t('gate.decision.fever', { temperature: entry.temperature.toFixed(1) })
      : entry.refusal === 'answer'
        ? t('gate.decision.answer', { question: entry.refusalDetail ?? '' })
        : entry.refusal === 'closed'
          ? t('gate.decision.closed')
          : entry.approved
            ? t('gate.decision.approved')
            : null;
  const told = !refused
    ? null
    : entry.kind === 'person' && entry.followUpCreated
      ? entry.classLabel
        ? t('gate.decision.followUp')
        : t('gate.decision.followUpStaff')
      : entry.refusal === 'fever'
        ? t('gate.decision.alertedCentre')
        : t('gate.decision.alerted');
  return (
    <>
      <div className={`gate-decision ${refused ? 'gate-decision-refused' : 'gate-decision-allowed'}`} role="status" data-testid="gate-decision">
        <span className="gate-decision-icon" aria-hidden>
          {refused ? <CloseCircleFilled /> : <CheckCircleFilled />}
        </span>
        <div className="gate-decision-title" tabIndex={-1} ref={heading}>
          {refused ? t('gate.decision.refused') : t('gate.decision.allowed')}
        </div>
        <div className="gate-decision-who">
          {entry.name} · {entry.temperature.toFixed(1)}℃
        </div>
        {reason ? <div className="gate-decision-reason">{reason}</div> : null}
        {told ? <p>{told}</p> : null}
      </div>
      <div className="gate-decision-buttons">
        <Button type="primary" onClick={onAgain}>
          {t('gate.decision.again')}
        </Button>
        <Link to="/gate">
          <Button block>{t('gate.form.back')}</Button>
        </Link>
      </div>
    </>
  );
}

/** The end of a gate form: the server's reason (what was typed stays), the big submit button, the way back. */
export function GateFormFooter({ error, pending }: { error: string | undefined; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {error ? <Alert type="error" showIcon role="alert" title={error} className="section" /> : null}
      <Button type="primary" htmlType="submit" block loading={pending} className="gate-submit">
        {t('gate.form.submit')}
      </Button>
      <BackToToday />
    </>
  );
}

export function BackToToday() {
  const { t } = useTranslation();
  return (
    <Link to="/gate" className="gate-back">
      {t('gate.form.back')}
    </Link>
  );
}
