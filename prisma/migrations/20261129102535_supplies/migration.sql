-- CreateEnum
CREATE TYPE "SupplyUnit" AS ENUM ('piece', 'pair', 'bottle', 'box', 'pack', 'set', 'litre', 'kilogram');

-- CreateEnum
CREATE TYPE "SupplyKind" AS ENUM ('consumable', 'equipment');

-- CreateEnum
CREATE TYPE "TargetMode" AS ENUM ('fixed', 'per_head');

-- CreateEnum
CREATE TYPE "HeadBasis" AS ENUM ('everyone', 'staff');

-- CreateEnum
CREATE TYPE "MovementType" AS ENUM ('receipt', 'transfer_out', 'transfer_in', 'consumption', 'count_adjustment', 'reversal');

-- CreateEnum
CREATE TYPE "ReceiptSource" AS ENUM ('district_commission', 'township_government', 'donation', 'purchase', 'other');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('in_transit', 'received', 'cancelled');

-- CreateEnum
CREATE TYPE "SupplyRequestStatus" AS ENUM ('pending', 'approved', 'partly_approved', 'declined');

-- CreateTable
CREATE TABLE "SupplyItem" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" "SupplyUnit" NOT NULL,
    "kind" "SupplyKind" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 100,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "targetMode" "TargetMode",
    "targetQuantity" DECIMAL(14,2),
    "targetBasis" "HeadBasis",
    "targetPerDay" DECIMAL(10,3),
    "targetDays" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplyItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockMovement" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "schoolId" UUID,
    "itemId" UUID NOT NULL,
    "type" "MovementType" NOT NULL,
    "quantity" DECIMAL(14,2) NOT NULL,
    "balanceAfter" DECIMAL(14,2) NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "source" "ReceiptSource",
    "documentNumber" TEXT,
    "transferId" UUID,
    "reversesId" UUID,
    "reversedType" "MovementType",
    "note" TEXT,

    CONSTRAINT "StockMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolTarget" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "mode" "TargetMode" NOT NULL,
    "quantity" DECIMAL(14,2),
    "basis" "HeadBasis",
    "perDay" DECIMAL(10,3),
    "days" INTEGER,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "schoolId" UUID NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'in_transit',
    "requestId" UUID,
    "note" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID NOT NULL,
    "issuedByName" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3),
    "receivedById" UUID,
    "receivedByName" TEXT,
    "discrepancyNote" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelledByName" TEXT,
    "cancelReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferLine" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "issuedQuantity" DECIMAL(14,2) NOT NULL,
    "receivedQuantity" DECIMAL(14,2),

    CONSTRAINT "TransferLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyRequest" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "schoolId" UUID NOT NULL,
    "status" "SupplyRequestStatus" NOT NULL DEFAULT 'pending',
    "reason" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" UUID NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "decidedByName" TEXT,
    "decisionNote" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplyRequestLine" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "requestedQuantity" DECIMAL(14,2) NOT NULL,
    "approvedQuantity" DECIMAL(14,2),

    CONSTRAINT "SupplyRequestLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupplyItem_code_key" ON "SupplyItem"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyItem_name_key" ON "SupplyItem"("name");

-- CreateIndex
CREATE UNIQUE INDEX "StockMovement_seq_key" ON "StockMovement"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "StockMovement_reversesId_key" ON "StockMovement"("reversesId");

-- CreateIndex
CREATE INDEX "StockMovement_schoolId_itemId_seq_balanceAfter_idx" ON "StockMovement"("schoolId", "itemId", "seq" DESC, "balanceAfter");

-- CreateIndex
CREATE INDEX "StockMovement_transferId_idx" ON "StockMovement"("transferId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolTarget_schoolId_itemId_key" ON "SchoolTarget"("schoolId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_number_key" ON "Transfer"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Transfer_requestId_key" ON "Transfer"("requestId");

-- CreateIndex
CREATE INDEX "Transfer_schoolId_number_idx" ON "Transfer"("schoolId", "number");

-- CreateIndex
CREATE INDEX "Transfer_status_schoolId_idx" ON "Transfer"("status", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "TransferLine_transferId_itemId_key" ON "TransferLine"("transferId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyRequest_number_key" ON "SupplyRequest"("number");

-- CreateIndex
CREATE INDEX "SupplyRequest_schoolId_number_idx" ON "SupplyRequest"("schoolId", "number");

-- CreateIndex
CREATE INDEX "SupplyRequest_status_number_idx" ON "SupplyRequest"("status", "number");

-- CreateIndex
CREATE UNIQUE INDEX "SupplyRequestLine_requestId_itemId_key" ON "SupplyRequestLine"("requestId", "itemId");

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupplyItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "StockMovement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolTarget" ADD CONSTRAINT "SchoolTarget_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolTarget" ADD CONSTRAINT "SchoolTarget_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupplyItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupplyRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferLine" ADD CONSTRAINT "TransferLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupplyItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRequest" ADD CONSTRAINT "SupplyRequest_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRequestLine" ADD CONSTRAINT "SupplyRequestLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SupplyRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplyRequestLine" ADD CONSTRAINT "SupplyRequestLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupplyItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- What the schema language cannot say (docs/decisions/0008-supplies-ledger.md):
-- The ledger is append-only: rows are never changed or deleted; a mistake is undone by a reversal.
CREATE FUNCTION "StockMovement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StockMovement is append-only: record a reversal instead of changing or deleting a movement';
END $$;
CREATE TRIGGER "StockMovement_append_only" BEFORE UPDATE OR DELETE ON "StockMovement"
  FOR EACH ROW EXECUTE FUNCTION "StockMovement_append_only"();

-- Stock never goes below zero, whatever writes it.
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_balanceAfter_check" CHECK ("balanceAfter" >= 0);

-- The shortfall matrix's "last 7 days' use": consumption (and reversals of it) by time, covering the columns it sums.
CREATE INDEX "StockMovement_use_idx" ON "StockMovement" ("occurredAt") INCLUDE ("schoolId", "itemId", "quantity")
  WHERE "type" = 'consumption' OR "reversedType" = 'consumption';

-- The default catalogue (the centre's report: masks and disinfectant first); the centre can change it.
-- Default targets: masks 2 per person per day and disinfectant 0.02 L per person per day, 14 days of
-- cover for reopening; thermometers a fixed number per school; gloves for staff.
INSERT INTO "SupplyItem" ("id", "code", "name", "nameEn", "unit", "kind", "sortOrder", "targetMode", "targetQuantity", "targetBasis", "targetPerDay", "targetDays", "updatedAt") VALUES
  (gen_random_uuid(), 'mask', '口罩', 'Masks', 'piece', 'consumable', 10, 'per_head', NULL, 'everyone', 2, 14, now()),
  (gen_random_uuid(), 'disinfectant', '消毒液', 'Disinfectant', 'litre', 'consumable', 20, 'per_head', NULL, 'everyone', 0.02, 14, now()),
  (gen_random_uuid(), 'infrared_thermometer', '红外测温仪', 'Infrared thermometers', 'piece', 'equipment', 30, 'fixed', 2, NULL, NULL, NULL, now()),
  (gen_random_uuid(), 'handheld_thermometer', '体温计', 'Handheld thermometers', 'piece', 'equipment', 40, 'fixed', 10, NULL, NULL, NULL, now()),
  (gen_random_uuid(), 'hand_sanitiser', '免洗洗手液', 'Hand sanitiser', 'bottle', 'consumable', 50, 'per_head', NULL, 'everyone', 0.01, 14, now()),
  (gen_random_uuid(), 'gloves', '一次性手套', 'Disposable gloves', 'pair', 'consumable', 60, 'per_head', NULL, 'staff', 2, 14, now());
