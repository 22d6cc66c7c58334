-- CreateEnum
CREATE TYPE "GateEntryKind" AS ENUM ('visitor', 'person');

-- CreateEnum
CREATE TYPE "GateRefusal" AS ENUM ('fever', 'answer', 'closed');

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "gateQuestions" TEXT[] DEFAULT ARRAY['近14天是否去过市外或重点地区', '是否接触过发热病人', '今天是否有发热、咳嗽、乏力等症状']::TEXT[],
ADD COLUMN     "gateRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "gateClosed" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "GateEntry" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "kind" "GateEntryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "organisation" TEXT,
    "reason" TEXT,
    "visiting" TEXT,
    "answers" JSONB NOT NULL DEFAULT '[]',
    "approvalId" UUID,
    "personId" UUID,
    "temperature" DECIMAL(3,1) NOT NULL,
    "refusal" "GateRefusal",
    "refusalDetail" TEXT,
    "inAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outAt" TIMESTAMP(3),
    "followUpId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "schoolSeenAt" TIMESTAMP(3),
    "centreSeenAt" TIMESTAMP(3),

    CONSTRAINT "GateEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateApproval" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateDayCount" (
    "schoolId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "visitors" INTEGER NOT NULL,
    "visitorsRefused" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "peopleRefused" INTEGER NOT NULL,
    "fever" INTEGER NOT NULL,
    "answer" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,

    CONSTRAINT "GateDayCount_pkey" PRIMARY KEY ("schoolId","day")
);

-- CreateIndex
CREATE INDEX "GateEntry_schoolId_day_idx" ON "GateEntry"("schoolId", "day");

-- CreateIndex
CREATE INDEX "GateEntry_day_refusal_idx" ON "GateEntry"("day", "refusal");

-- CreateIndex
CREATE INDEX "GateEntry_personId_idx" ON "GateEntry"("personId");

-- CreateIndex
CREATE INDEX "GateApproval_schoolId_day_idx" ON "GateApproval"("schoolId", "day");

-- CreateIndex
CREATE INDEX "GateDayCount_day_idx" ON "GateDayCount"("day");

-- AddForeignKey
ALTER TABLE "GateEntry" ADD CONSTRAINT "GateEntry_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateEntry" ADD CONSTRAINT "GateEntry_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "GateApproval"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateEntry" ADD CONSTRAINT "GateEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateApproval" ADD CONSTRAINT "GateApproval_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDayCount" ADD CONSTRAINT "GateDayCount_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

