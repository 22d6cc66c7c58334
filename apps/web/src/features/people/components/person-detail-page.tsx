import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, PhoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id, LeftReason, type PersonDetail, type PersonEvent } from '@campus/shared';
import { ForbiddenResult, NotFoundResult } from '@/components/ui/result-pages';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { CategoryTag } from '@/features/census';
import { PersonCaseButton } from '@/features/quarantine';
import { formatDate, formatDateTime, formatTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { usePerson } from '../api/get-person';
import { useTodayFollowUp } from '../api/get-today-follow-up';
import { rosterCan } from '../permissions';
import { IdNumberField } from './id-number-field';
import { LeaveModal, MoveClassModal, ReturnModal, TransferModal } from './person-action-modals';
import { PersonFlags } from './person-flags';
import { PersonFormModal } from './person-form-modal';
import { usePersonClassLabel } from './use-person-class-label';
import './people.css';

/** /people/:id — one person: identity, class, census, guardians, home, history; printable. */
export default function PersonDetailPage() {
  const { personId = '' } = useParams();
  const me = useSession();
  if (!rosterCan.read(me.user.role)) return <ForbiddenResult />;
  if (!Id.safeParse(personId).success) return <NotFoundResult />;
  return <PersonLoader personId={personId} />;
}

function PersonLoader({ personId }: { personId: string }) {
  const person = usePerson(personId);
  return <QueryState query={person}>{(data) => <PersonView person={data} />}</QueryState>;
}

type Dialog = 'edit' | 'move' | 'transfer' | 'leave' | 'return' | null;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="person-section">
      <Card>
        <Typography.Title level={2} id={id} className="section-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </section>
  );
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const isPhone = useIsPhone();
  const classLabel = usePersonClassLabel();
  const [dialog, setDialog] = useState<Dialog>(null);
  const role = me.user.role;
  const timeZone = me.centre.timeZone;
  // A class teacher writes students of the classes they head; the server has the last word.
  const writable =
    rosterCan.write(role) &&
    (role !== 'class_teacher' || (person.kind === 'student' && me.classes.some((schoolClass) => schoolClass.id === person.classId)));
  const active = person.status === 'active';
  const backTo = rosterCan.seeAllSchools(role) ? `/people?schoolId=${person.schoolId}` : '/people';
  const yesNo = (value: boolean | null) => (value === null ? t('people.detail.unknown') : value ? t('people.detail.yes') : t('people.detail.no'));
  const notRecorded = t('people.detail.notRecorded');
  // The observer reads no addresses or notes (the server sends none): say so rather than "not recorded".
  const notShown = role === 'observer' ? t('observerView.hidden') : null;
  const categoryChanges = person.history.filter((event) => event.kind === 'category_changed');

  return (
    <div className="people-page person-detail">
      <PageHeader
        title={person.name}
        back={
          <Link to={backTo} className="back-link no-print">
            <ArrowLeftOutlined aria-hidden /> {t('people.backToRoster')}
          </Link>
        }
        description={
          <Flex wrap gap={8} align="center" component="span">
            <span>{[person.schoolName, classLabel(person) ?? t('people.noClass'), t(`people.kind.${person.kind}`)].join(' · ')}</span>
            <CategoryTag category={person.category} />
            <PersonFlags person={person} />
          </Flex>
        }
        extra={
          <span className="person-actions no-print">
            {writable && active ? (
              <>
                <Button type="primary" onClick={() => setDialog('edit')}>
                  {t('people.actions.edit')}
                </Button>
                <Button onClick={() => setDialog('move')}>{t('people.actions.move')}</Button>
                {rosterCan.transfer(role) ? <Button onClick={() => setDialog('transfer')}>{t('people.actions.transfer')}</Button> : null}
                <Button danger onClick={() => setDialog('leave')}>
                  {t('people.actions.leave')}
                </Button>
              </>
            ) : null}
            {writable && !active ? (
              <Button type="primary" onClick={() => setDialog('return')}>
                {t('people.actions.return')}
              </Button>
            ) : null}
            <PersonCaseButton person={person} active={active} />
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {t('people.print')}
            </Button>
          </span>
        }
      />

      <div className="person-sections">
        <Section id="person-identity" title={t('people.detail.identity')}>
          <Descriptions bordered size="small" column={isPhone ? 1 : 2}>
            <Descriptions.Item label={t('people.fields.name')}>{person.name}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.gender')}>{person.gender ? t(`people.gender.${person.gender}`) : notRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.kind')}>{t(`people.kind.${person.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.studentNumber')}>{person.studentNumber ?? notRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.idNumber')} span={isPhone ? 1 : 2}>
              <IdNumberField personId={person.id} masked={person.idNumber} canReveal={rosterCan.revealIdNumber(role)} />
            </Descriptions.Item>
            <Descriptions.Item label={t('people.fields.birthDate')}>{person.birthDate ? formatDate(`${person.birthDate}T12:00:00Z`, language) : notRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.phone')}>{person.phone ? <PhoneLink phone={person.phone} name={person.name} /> : notRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.school')}>{person.schoolName}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.classId')}>{classLabel(person) ?? t('people.noClass')}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.status')} span={isPhone ? 1 : 2}>
              {active ? (
                <Tag className="tag-ok">{t('people.status.active')}</Tag>
              ) : (
                <>
                  <Tag className="tag-off">{t('people.status.left')}</Tag>
                  {person.leftAt
                    ? t('people.detail.leftOn', {
                        date: formatDate(person.leftAt, language, timeZone),
                        reason: person.leftReason ? t(`people.leftReason.${person.leftReason}`) : notRecorded,
                      })
                    : null}
                </>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Section>

        <Section id="person-census" title={t('people.detail.census')}>
          <Descriptions bordered size="small" column={isPhone ? 1 : 2}>
            <Descriptions.Item label={t('people.fields.categoryId')}>
              <CategoryTag category={person.category} />
            </Descriptions.Item>
            <Descriptions.Item label={t('people.fields.whereabouts')}>{t(`people.whereabouts.${person.whereabouts}`)}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.leftBehind')}>{yesNo(person.leftBehind)}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.deviceAccess')}>{person.deviceAccess ? t(`people.deviceAccess.${person.deviceAccess}`) : notRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.guardianCanUseDevice')}>{yesNo(person.guardianCanUseDevice)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} className="subsection-title">
            {t('people.detail.categoryHistory')}
          </Typography.Title>
          {categoryChanges.length ? (
            <ul className="plain-list">
              {categoryChanges.map((event) => (
                <li key={event.id}>
                  <Typography.Text>{t('people.detail.fromTo', { from: event.fromLabel ?? notRecorded, to: event.toLabel ?? notRecorded })}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('people.detail.changedBy', { date: formatDateTime(event.at, language, timeZone), name: event.byName ?? '' })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('people.detail.noCategoryChanges')}</Typography.Text>
          )}
        </Section>

        {person.status === 'active' ? <TodayFollowUpSection personId={person.id} /> : null}

        <Section id="person-guardians" title={t('people.detail.guardians')}>
          {person.guardians.length ? (
            <ul className="guardian-list">
              {person.guardians.map((guardian, index) => (
                <li key={`${guardian.name}-${index}`}>
                  <span className="guardian-name">
                    <strong>{guardian.name}</strong> <Typography.Text type="secondary">{guardian.relation}</Typography.Text>
                  </span>
                  {guardian.phone ? <PhoneLink phone={guardian.phone} name={guardian.name} /> : <Typography.Text type="secondary">{notRecorded}</Typography.Text>}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('people.detail.noGuardians')}</Typography.Text>
          )}
        </Section>

        <Section id="person-home" title={t('people.detail.home')}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('people.fields.homeVillage')}>{person.homeVillage ?? notRecorded}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.address')}>{person.address ?? notShown ?? notRecorded}</Descriptions.Item>
          </Descriptions>
        </Section>

        <Section id="person-notes" title={t('people.detail.notes')}>
          <Typography.Paragraph className="notes-text">{person.notes ?? notShown ?? t('people.detail.noNotes')}</Typography.Paragraph>
        </Section>

        <Section id="person-history" title={t('people.detail.history')}>
          {person.history.length ? <History events={person.history} timeZone={timeZone} /> : <Empty description={t('common.empty')} />}
          <Typography.Paragraph type="secondary" className="history-footer">
            {t('people.detail.createdAt', { date: formatDateTime(person.createdAt, language, timeZone) })} ·{' '}
            {t('people.detail.updatedAt', { date: formatDateTime(person.updatedAt, language, timeZone) })}
          </Typography.Paragraph>
        </Section>
      </div>

      {writable ? (
        <>
          <PersonFormModal open={dialog === 'edit'} person={person} onClose={() => setDialog(null)} />
          {dialog === 'move' ? <MoveClassModal person={person} onClose={() => setDialog(null)} /> : null}
          {dialog === 'transfer' && rosterCan.transfer(role) ? <TransferModal person={person} onClose={() => setDialog(null)} /> : null}
          {dialog === 'leave' ? <LeaveModal person={person} onClose={() => setDialog(null)} /> : null}
          {dialog === 'return' ? <ReturnModal person={person} onClose={() => setDialog(null)} /> : null}
        </>
      ) : null}
    </div>
  );
}

/** Today's follow-up record: a fever or symptoms stand out here too, not only in the day's lists. */
function TodayFollowUpSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const today = useTodayFollowUp(personId);
  if (today.isPending || today.isError) return null;
  const record = today.data;
  const by = record ? t('followUps.personToday.recordedBy', { name: record.recordedByName, time: formatTime(record.updatedAt, me.centre.timeZone) }) : '';
  let body;
  if (!record) body = <Typography.Text type="secondary">{t('followUps.personToday.none')}</Typography.Text>;
  else if (!record.reached) {
    const reason = record.unreachableCode && record.unreachableCode !== 'other' ? t(`followUps.unreachable.${record.unreachableCode}`) : (record.unreachableReason ?? t('followUps.unreachable.other'));
    body = <Alert type="warning" showIcon title={t('followUps.personToday.unreachable', { reason })} description={by} />;
  } else {
    const reasons = [
      ...(record.temperature !== null ? [t('followUps.personToday.fever', { temperature: record.temperature.toFixed(1) })] : []),
      ...record.symptoms.map((symptom) => t(`followUps.symptom.${symptom}`)),
    ];
    body = record.isException ? (
      <Alert type="error" showIcon title={t('followUps.personToday.exception', { reasons: reasons.join('、') })} description={[record.symptomNote, by].filter(Boolean).join(' · ')} />
    ) : (
      <Alert type="success" showIcon title={t('followUps.personToday.well')} description={[...reasons, by].join(' · ')} />
    );
  }
  return (
    <Section id="person-today" title={t('followUps.personToday.title')}>
      {body}
    </Section>
  );
}

/** Tap to call: a teacher phones guardians from this page. */
function PhoneLink({ phone, name }: { phone: string; name: string }) {
  const { t } = useTranslation();
  // A masked number (the observer's) is read, not called.
  if (phone.includes('*')) return <span className="mono">{phone}</span>;
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="phone-link" aria-label={t('people.detail.call', { name, phone })}>
      <PhoneOutlined aria-hidden /> <span className="mono">{phone}</span>
    </a>
  );
}

function History({ events, timeZone }: { events: PersonEvent[]; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const describe = (event: PersonEvent): string | null => {
    if (event.kind === 'left') {
      const reason = LeftReason.safeParse(event.toLabel);
      return reason.success ? t(`people.leftReason.${reason.data}`) : event.toLabel;
    }
    if (event.fromLabel && event.toLabel) return t('people.detail.fromTo', { from: event.fromLabel, to: event.toLabel });
    return event.toLabel ?? event.fromLabel;
  };
  return (
    <Timeline
      className="person-history"
      items={events.map((event) => {
        const detail = describe(event);
        return {
          key: event.id,
          content: (
            <div>
              <div>
                <strong>{detail ? t('people.labelled', { label: t(`people.events.${event.kind}`), value: detail }) : t(`people.events.${event.kind}`)}</strong>
              </div>
              {event.note ? <div>{event.note}</div> : null}
              <Typography.Text type="secondary">
                {formatDateTime(event.at, language, timeZone)}
                {event.byName ? ` · ${t('people.detail.by', { name: event.byName })}` : ''}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
