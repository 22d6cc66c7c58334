-- AlterTable
ALTER TABLE "GateEntry" ADD COLUMN     "saveKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "GateEntry_recordedById_saveKey_key" ON "GateEntry"("recordedById", "saveKey");

