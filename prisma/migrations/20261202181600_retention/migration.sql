-- Retention (PIPL Art. 47, docs/decisions/0014-retention.md): when the emergency ended and how long
-- identifiable health details are kept after it; how long audit rows are kept.
ALTER TABLE "Centre" ADD COLUMN "emergencyEndedOn" DATE,
  ADD COLUMN "retentionDays" INTEGER NOT NULL DEFAULT 30,
  ADD COLUMN "auditRetentionDays" INTEGER NOT NULL DEFAULT 1095;

-- A person who had left before the emergency ended keeps their row (follow-ups and cases point at it,
-- and the day counts read them) but loses the personal fields; erasedAt says when.
ALTER TABLE "Person" ADD COLUMN "erasedAt" TIMESTAMP(3);

-- The purge's audit row carries its counts (never values).
ALTER TABLE "AuditLog" ADD COLUMN "details" JSONB;

-- A case's history stays append-only, except for the retention purge, which reduces old entries'
-- details in place (it sets campus.retention_purge for its own transaction only).
CREATE OR REPLACE FUNCTION "Case_history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('campus.retention_purge', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: record a correction instead of changing or deleting an entry', TG_TABLE_NAME;
END $$;
