-- A case's history is append-only (docs/decisions/0009-quarantine-cases.md): check-ins and events are
-- never changed or deleted, except by the retention purge, which reduces old entries' details in place
-- (it sets campus.retention_purge for its own transaction only; docs/decisions/0014-retention.md).
-- Current text; a migration changing it copies the statement (docs/decisions/0018-database-objects.md).

CREATE OR REPLACE FUNCTION "Case_history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('campus.retention_purge', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: record a correction instead of changing or deleting an entry', TG_TABLE_NAME;
END $$;
CREATE OR REPLACE TRIGGER "CaseCheckIn_append_only" BEFORE UPDATE OR DELETE ON "CaseCheckIn"
  FOR EACH ROW EXECUTE FUNCTION "Case_history_append_only"();
CREATE OR REPLACE TRIGGER "CaseEvent_append_only" BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION "Case_history_append_only"();
