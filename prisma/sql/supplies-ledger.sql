-- The supplies ledger (docs/decisions/0008-supplies-ledger.md): StockMovement is append-only, and
-- SupplyVersion is bumped once per transaction that changes anything the shortfall matrix is made of
-- (ledger, transfers, targets, catalogue), at commit: the triggers are deferred, so the row lock is the
-- last lock a write takes (no deadlock with the ledger's per-item locks) and is held only while
-- committing; versions therefore follow commit order. Ledger rows also record their school × item pair
-- under that version in SupplyLedgerChange.
-- Current text; a migration changing it copies the statement (docs/decisions/0018-database-objects.md).

-- The ledger is append-only: rows are never changed or deleted; a mistake is undone by a reversal.
CREATE OR REPLACE FUNCTION "StockMovement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StockMovement is append-only: record a reversal instead of changing or deleting a movement';
END $$;
CREATE OR REPLACE TRIGGER "StockMovement_append_only" BEFORE UPDATE OR DELETE ON "StockMovement"
  FOR EACH ROW EXECUTE FUNCTION "StockMovement_append_only"();

CREATE OR REPLACE FUNCTION "SupplyVersion_current"() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  marker text := current_setting('campus.supply_version', true);
  tx text := txid_current()::text;
  bumped bigint;
BEGIN
  IF marker IS NOT NULL AND split_part(marker, ':', 1) = tx THEN
    RETURN split_part(marker, ':', 2)::bigint;
  END IF;
  UPDATE "SupplyVersion" SET "version" = "version" + 1 WHERE "id" = 1 RETURNING "version" INTO bumped;
  PERFORM set_config('campus.supply_version', tx || ':' || bumped, true);
  -- Keep the change log short: readers more than 100,000 versions behind recompute everything anyway.
  IF bumped % 10000 = 0 THEN
    DELETE FROM "SupplyLedgerChange" WHERE "version" < bumped - 100000;
  END IF;
  RETURN bumped;
END $$;

CREATE OR REPLACE FUNCTION "SupplyVersion_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "SupplyVersion_current"();
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "StockMovement_record_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."schoolId" IS NULL THEN
    PERFORM "SupplyVersion_current"();
  ELSE
    INSERT INTO "SupplyLedgerChange" ("version", "schoolId", "itemId") VALUES ("SupplyVersion_current"(), NEW."schoolId", NEW."itemId") ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- PostgreSQL cannot replace a constraint trigger (CREATE OR REPLACE is for plain triggers): drop, then create.
DROP TRIGGER IF EXISTS "StockMovement_record_change" ON "StockMovement";
CREATE CONSTRAINT TRIGGER "StockMovement_record_change" AFTER INSERT ON "StockMovement" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "StockMovement_record_change"();
DROP TRIGGER IF EXISTS "Transfer_bump_version" ON "Transfer";
CREATE CONSTRAINT TRIGGER "Transfer_bump_version" AFTER INSERT OR UPDATE OR DELETE ON "Transfer" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "SupplyVersion_bump"();
DROP TRIGGER IF EXISTS "TransferLine_bump_version" ON "TransferLine";
CREATE CONSTRAINT TRIGGER "TransferLine_bump_version" AFTER INSERT OR UPDATE OR DELETE ON "TransferLine" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "SupplyVersion_bump"();
DROP TRIGGER IF EXISTS "SchoolTarget_bump_version" ON "SchoolTarget";
CREATE CONSTRAINT TRIGGER "SchoolTarget_bump_version" AFTER INSERT OR UPDATE OR DELETE ON "SchoolTarget" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "SupplyVersion_bump"();
DROP TRIGGER IF EXISTS "SupplyItem_bump_version" ON "SupplyItem";
CREATE CONSTRAINT TRIGGER "SupplyItem_bump_version" AFTER INSERT OR UPDATE OR DELETE ON "SupplyItem" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "SupplyVersion_bump"();
