import { minutesToTimeOfDay, timeOfDayToMinutes, type CentreSettings, type CentreSettingsInput } from '@campus/shared';
import type { Db } from '../db/client.js';
import { announceSessionChange } from '../db/session-changes.js';
import { forgetSessions } from './sessions.js';
import type { Centre } from '../generated/prisma/client.js';
import { recordAudit, type AuditContext } from './audit.js';

export function toCentreSettings(centre: Centre): CentreSettings {
  return {
    name: centre.name,
    timeZone: centre.timeZone,
    feverThreshold: Number(centre.feverThreshold),
    reportDeadline: minutesToTimeOfDay(centre.reportDeadlineMinutes),
    defaultQuarantineDays: centre.defaultQuarantineDays,
    quarantineDaysByReason: (centre.quarantineDaysByReason ?? {}) as CentreSettings['quarantineDaysByReason'],
    sessionIdleMinutes: centre.sessionIdleMinutes,
    emergencyEndedOn: centre.emergencyEndedOn ? centre.emergencyEndedOn.toISOString().slice(0, 10) : null,
    retentionDays: centre.retentionDays,
    auditRetentionDays: centre.auditRetentionDays,
    dutyChecks: centre.dutyChecks,
    gateQuestions: centre.gateQuestions,
    gateRetentionDays: centre.gateRetentionDays,
    disinfectionAreaKinds: centre.disinfectionAreaKinds,
  };
}

const CACHE_MS = 5_000;
let cached: { at: number; db: Db; centre: Centre } | undefined;

/**
 * The centre row, cached for a few seconds per process: read on every request
 * (session idle timeout) but changed rarely. Another process sees a change
 * within CACHE_MS.
 */
export async function getCentre(db: Db): Promise<Centre> {
  if (cached && cached.db === db && Date.now() - cached.at < CACHE_MS) return cached.centre;
  const centre = await db.centre.findUniqueOrThrow({ where: { id: 1 } });
  cached = { at: Date.now(), db, centre };
  return centre;
}

export async function updateCentreSettings(db: Db, context: AuditContext, input: CentreSettingsInput): Promise<CentreSettings> {
  const centre = await db.$transaction(async (tx) => {
    const updated = await tx.centre.update({
      where: { id: 1 },
      data: {
        name: input.name,
        timeZone: input.timeZone,
        feverThreshold: input.feverThreshold,
        reportDeadlineMinutes: input.reportDeadline === undefined ? undefined : timeOfDayToMinutes(input.reportDeadline),
        defaultQuarantineDays: input.defaultQuarantineDays,
        quarantineDaysByReason: input.quarantineDaysByReason,
        sessionIdleMinutes: input.sessionIdleMinutes,
        emergencyEndedOn: input.emergencyEndedOn === undefined ? undefined : input.emergencyEndedOn === null ? null : new Date(`${input.emergencyEndedOn}T00:00:00Z`),
        retentionDays: input.retentionDays,
        auditRetentionDays: input.auditRetentionDays,
        dutyChecks: input.dutyChecks,
        gateQuestions: input.gateQuestions,
        gateRetentionDays: input.gateRetentionDays,
        disinfectionAreaKinds: input.disinfectionAreaKinds,
      },
    });
    await recordAudit(tx, context, { action: 'settings.update', entity: 'Centre', entityId: '1' });
    // The idle limit is part of every remembered session's validity.
    if (input.sessionIdleMinutes !== undefined) await announceSessionChange(tx);
    return updated;
  });
  cached = undefined;
  forgetSessions();
  return toCentreSettings(centre);
}
