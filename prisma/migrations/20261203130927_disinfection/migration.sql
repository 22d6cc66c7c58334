-- AlterEnum
ALTER TYPE "UploadPurpose" ADD VALUE 'disinfection';

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "disinfectionAreaKinds" TEXT[] DEFAULT ARRAY['办公室', '教室', '教师楼', '操场', '厕所', '校门周边', '食堂', '宿舍']::TEXT[];

-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "disinfectionLogId" UUID;

-- CreateTable
CREATE TABLE "DisinfectionArea" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueMinutes" INTEGER[],
    "weekdays" INTEGER[],
    "agent" TEXT NOT NULL,
    "concentration" INTEGER NOT NULL,
    "itemId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DisinfectionArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisinfectionLog" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "areaId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL,
    "agent" TEXT NOT NULL,
    "concentration" INTEGER NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "contactMinutes" INTEGER NOT NULL,
    "doneBy" TEXT NOT NULL,
    "movementId" UUID NOT NULL,
    "reversalId" UUID,
    "reversalReason" TEXT,
    "reversedAt" TIMESTAMP(3),
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisinfectionLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisinfectionArea_schoolId_name_key" ON "DisinfectionArea"("schoolId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DisinfectionLog_movementId_key" ON "DisinfectionLog"("movementId");

-- CreateIndex
CREATE UNIQUE INDEX "DisinfectionLog_reversalId_key" ON "DisinfectionLog"("reversalId");

-- CreateIndex
CREATE INDEX "DisinfectionLog_schoolId_day_idx" ON "DisinfectionLog"("schoolId", "day");

-- CreateIndex
CREATE INDEX "DisinfectionLog_day_idx" ON "DisinfectionLog"("day");

-- CreateIndex
CREATE INDEX "DisinfectionLog_areaId_day_idx" ON "DisinfectionLog"("areaId", "day");

-- CreateIndex
CREATE INDEX "Upload_disinfectionLogId_position_idx" ON "Upload"("disinfectionLogId", "position");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_disinfectionLogId_fkey" FOREIGN KEY ("disinfectionLogId") REFERENCES "DisinfectionLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisinfectionArea" ADD CONSTRAINT "DisinfectionArea_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisinfectionArea" ADD CONSTRAINT "DisinfectionArea_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupplyItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisinfectionLog" ADD CONSTRAINT "DisinfectionLog_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisinfectionLog" ADD CONSTRAINT "DisinfectionLog_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "DisinfectionArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisinfectionLog" ADD CONSTRAINT "DisinfectionLog_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "StockMovement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisinfectionLog" ADD CONSTRAINT "DisinfectionLog_reversalId_fkey" FOREIGN KEY ("reversalId") REFERENCES "StockMovement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

