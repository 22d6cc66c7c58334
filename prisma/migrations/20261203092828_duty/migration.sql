-- CreateEnum
CREATE TYPE "UploadPurpose" AS ENUM ('duty_report');

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "dutyChecks" TEXT[] DEFAULT ARRAY['校门及周边巡查', '外来人员登记核查', '体温检测设备检查', '消毒工作检查', '重点部位安全检查']::TEXT[];

-- CreateTable
CREATE TABLE "Upload" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "purpose" "UploadPurpose" NOT NULL,
    "uploadedById" UUID NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "thumbBytes" INTEGER NOT NULL,
    "dutyReportId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyAssignment" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dutyPersonId" UUID NOT NULL,
    "leaderPersonId" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DutyAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyReport" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "startMinutes" INTEGER NOT NULL,
    "endMinutes" INTEGER NOT NULL,
    "checks" TEXT[],
    "incidents" TEXT,
    "onDutyName" TEXT,
    "leaderName" TEXT,
    "filedById" UUID NOT NULL,
    "filedByName" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "late" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DutyReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_dutyReportId_position_idx" ON "Upload"("dutyReportId", "position");

-- CreateIndex
CREATE INDEX "Upload_createdAt_idx" ON "Upload"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DutyAssignment_schoolId_day_key" ON "DutyAssignment"("schoolId", "day");

-- CreateIndex
CREATE INDEX "DutyReport_day_idx" ON "DutyReport"("day");

-- CreateIndex
CREATE UNIQUE INDEX "DutyReport_schoolId_day_key" ON "DutyReport"("schoolId", "day");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_dutyReportId_fkey" FOREIGN KEY ("dutyReportId") REFERENCES "DutyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyAssignment" ADD CONSTRAINT "DutyAssignment_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyReport" ADD CONSTRAINT "DutyReport_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

