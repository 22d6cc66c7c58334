import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@campus/shared';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useCheckInTexts } from './check-in-texts';
import { useCaseLabels } from './use-case-labels';

/** A CSS string literal. */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

const PAGE = '\uE000';
const PAGES = '\uE001';

/** "第 PAGE 页 共 PAGES 页" (the catalogue's text with markers for the counters) → `"第 " counter(page) " 页 共 " counter(pages) " 页"`, for a page margin box. */
function pageCounterContent(text: string): string {
  return text
    .split(/([\uE000\uE001])/)
    .filter(Boolean)
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** "11月28日" / "11-28": the check-in table's day column (the year is in the heading's dates). */
function monthDay(day: string, language: string): string {
  const [, month = '', date = ''] = day.split('-');
  return language === 'en' ? `${month}-${date}` : `${Number(month)}月${Number(date)}日`;
}

/**
 * The case file as the school files it: an A4 document with the school's name
 * as its heading, the details in a two-column form whose labels never wrap,
 * the check-ins as one compact table, the history, and a line for the team
 * lead's signature. Mounted only while printing (usePrinting), in place of the interactive file;
 * the page numbers ("第 1 页 共 3 页") are the page's own margin boxes, so the
 * browser's own print has them.
 */
export function CaseFilePrint({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const labels = useCaseLabels();
  const texts = useCheckInTexts();
  const time = (value: string | Date) => formatDateTime(value, language, me.centre.timeZone);
  const person = caseFile.person;
  const title = t(`casePrint.title.${person.kind}`);
  const days = t('quarantine.file.dayOf', { day: caseFile.day, of: caseFile.of });
  const pageRules = `@media print { @page {
    @bottom-center { content: ${pageCounterContent(t('casePrint.pageOf', { page: PAGE, pages: PAGES }))}; font-size: 9pt; color: #000; }
    @top-left { content: ${cssString(t('casePrint.runningHead', { school: person.schoolName, title, name: person.name }))}; font-size: 8pt; color: #000; }
  }
  @page :first { @top-left { content: none; } } }`;

  return (
    <div className="case-print">
      <style>{pageRules}</style>
      <header className="case-print-head">
        <h1>
          <span className="case-print-school">{person.schoolName}</span>
          <span className="case-print-title">{title}</span>
        </h1>
        <p className="case-print-meta">
          <span>{t('casePrint.status', { status: t(`quarantine.status.${caseFile.status}`), days })}</span>
          <span>{t('casePrint.printedAt', { time: time(new Date()) })}</span>
        </p>
      </header>

      <section aria-labelledby="case-print-details">
        <h2 id="case-print-details">{t('quarantine.file.details')}</h2>
        <table className="case-print-form">
          <colgroup>
            <col className="case-print-label-col" />
            <col />
            <col className="case-print-label-col" />
            <col />
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">{t('casePrint.name')}</th>
              <td>
                {person.name}（{[t(`casePrint.kind.${person.kind}`), person.gender ? t(`casePrint.gender.${person.gender}`) : null].filter(Boolean).join('，')}）
              </td>
              <th scope="row">{t('casePrint.schoolClass')}</th>
              <td>
                {person.schoolName} · {labels.classOf(person)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('quarantine.file.reason')}</th>
              <td>
                {labels.reason(caseFile.reason)}
                {caseFile.reasonNote ? `（${caseFile.reasonNote}）` : ''}
                {caseFile.fromFollowUpId ? ` · ${t('quarantine.file.fromFollowUp')}` : ''}
              </td>
              <th scope="row">{t('quarantine.file.place')}</th>
              <td>
                {labels.place(caseFile.place)}
                {caseFile.placeNote ? `（${caseFile.placeNote}）` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('quarantine.file.start')}</th>
              <td>{labels.day(caseFile.startDay)}</td>
              <th scope="row">{t('quarantine.file.plannedEnd')}</th>
              <td>{labels.day(caseFile.plannedEndDay)}</td>
            </tr>
            <tr>
              <th scope="row">{t('quarantine.file.team')}</th>
              <td colSpan={3}>{caseFile.team.map((member) => (member.lead ? `${member.displayName}（${t('quarantine.file.lead')}）` : member.displayName)).join('、')}</td>
            </tr>
            <tr>
              <th scope="row">{t('quarantine.file.guardianContact')}</th>
              <td colSpan={3}>{caseFile.guardianContact ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('quarantine.file.plan')}</th>
              <td colSpan={3} className="plan-text">
                {caseFile.plan}
              </td>
            </tr>
            {caseFile.status === 'closed' ? (
              <tr>
                <th scope="row">{t('quarantine.file.outcome')}</th>
                <td colSpan={3}>
                  {caseFile.closedDay && caseFile.outcome ? t('quarantine.file.closedOn', { day: labels.day(caseFile.closedDay), outcome: labels.outcome(caseFile.outcome) }) : ''}
                  {caseFile.closeNote ? `（${caseFile.closeNote}）` : ''}
                  {caseFile.returnedDay ? ` · ${t('quarantine.file.returnedOn', { day: labels.day(caseFile.returnedDay) })}` : ''}
                </td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t('casePrint.openedBy')}</th>
              <td colSpan={3}>{t('quarantine.file.openedBy', { name: caseFile.openedByName, time: time(caseFile.openedAt) })}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="case-print-check-ins">
        <h2 id="case-print-check-ins">{t('quarantine.file.checkIns', { count: caseFile.checkIns.length })}</h2>
        {caseFile.checkIns.length ? (
          <table className="case-print-table">
            <thead>
              <tr>
                <th scope="col">{t('casePrint.checkInDay')}</th>
                <th scope="col">{t('casePrint.method')}</th>
                <th scope="col">{t('quarantine.file.temperature')}</th>
                <th scope="col" className="case-print-symptoms">
                  {t('quarantine.file.symptoms')}
                </th>
                <th scope="col" className="case-print-living">
                  {t('quarantine.file.living')}
                </th>
                <th scope="col" className="case-print-study">
                  {t('quarantine.file.study')}
                </th>
                <th scope="col">{t('quarantine.file.mood')}</th>
                <th scope="col">{t('casePrint.counsellingAndNote')}</th>
                <th scope="col">{t('casePrint.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {caseFile.checkIns.map((checkIn) => (
                <tr key={checkIn.id}>
                  <td className="nowrap">
                    {monthDay(checkIn.day, language)}
                    {checkIn.correctsCheckInId ? t('casePrint.correctionOf') : ''}
                    {checkIn.correctedByCheckInId ? t('casePrint.corrected') : ''}
                  </td>
                  <td className="nowrap">{t(`followUps.method.${checkIn.method}`)}</td>
                  <td className="nowrap">{texts.temperature(checkIn)}</td>
                  <td>{texts.symptoms(checkIn)}</td>
                  <td>{texts.living(checkIn)}</td>
                  <td>{texts.study(checkIn) ?? '—'}</td>
                  <td className="nowrap">{texts.mood(checkIn)}</td>
                  <td>
                    {[checkIn.counsellingNote, checkIn.note, checkIn.helpResolution ? t('casePrint.helpResolved', { note: checkIn.helpResolution.note ?? '—' }) : null].filter(Boolean).join('；') || '—'}
                  </td>
                  <td className="nowrap">{checkIn.recordedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('quarantine.file.noCheckIns')}</p>
        )}
      </section>

      <section aria-labelledby="case-print-history">
        <h2 id="case-print-history">{t('quarantine.file.history')}</h2>
        <table className="case-print-table">
          <thead>
            <tr>
              <th scope="col">{t('casePrint.eventAt')}</th>
              <th scope="col">{t('casePrint.eventKind')}</th>
              <th scope="col">{t('casePrint.eventDetail')}</th>
              <th scope="col">{t('casePrint.eventBy')}</th>
            </tr>
          </thead>
          <tbody>
            {caseFile.events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{time(event.at)}</td>
                <td className="nowrap">{labels.event(event.kind)}</td>
                <td>
                  {[
                    event.day ? labels.day(event.day) : null,
                    event.fromDay && event.toDay ? t('quarantine.file.from', { from: labels.day(event.fromDay), to: labels.day(event.toDay) }) : null,
                    event.outcome ? labels.outcome(event.outcome) : null,
                    event.note,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
                <td className="nowrap">{event.byName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <p className="case-print-signature">
        <span>
          {t('casePrint.leadSignature')}
          <span className="case-print-line" />
        </span>
        <span>
          {t('casePrint.signatureDate')}
          <span className="case-print-line" />
        </span>
      </p>
    </div>
  );
}
