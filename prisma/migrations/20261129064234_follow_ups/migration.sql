-- CreateEnum
CREATE TYPE "ContactMethod" AS ENUM ('phone', 'wechat', 'home_visit', 'in_person');

-- CreateEnum
CREATE TYPE "StudyStatus" AS ENUM ('yes', 'partly', 'no');

-- CreateEnum
CREATE TYPE "ReportLevel" AS ENUM ('class', 'school');

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "schoolId" UUID NOT NULL,
    "classId" UUID,
    "method" "ContactMethod" NOT NULL,
    "reached" BOOLEAN NOT NULL,
    "answeredBy" TEXT,
    "unreachableReason" TEXT,
    "temperature" DECIMAL(3,1),
    "symptoms" TEXT[],
    "symptomNote" TEXT,
    "whereabouts" "Whereabouts",
    "place" TEXT,
    "keyRegionContact" BOOLEAN,
    "studiedOnline" "StudyStatus",
    "studyNote" TEXT,
    "note" TEXT,
    "isException" BOOLEAN NOT NULL,
    "viaGroupChat" BOOLEAN NOT NULL DEFAULT false,
    "handlingNote" TEXT,
    "handledById" UUID,
    "handledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpCorrection" (
    "id" BIGSERIAL NOT NULL,
    "followUpId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" UUID NOT NULL,
    "byName" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,

    CONSTRAINT "FollowUpCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyReport" (
    "id" UUID NOT NULL,
    "level" "ReportLevel" NOT NULL,
    "day" DATE NOT NULL,
    "schoolId" UUID NOT NULL,
    "classId" UUID,
    "scopeKey" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "reached" INTEGER NOT NULL,
    "unreached" INTEGER NOT NULL,
    "exceptions" INTEGER NOT NULL,
    "inQuarantine" INTEGER NOT NULL,
    "outsideCity" INTEGER NOT NULL,
    "notStudying" INTEGER NOT NULL,
    "isZero" BOOLEAN NOT NULL,
    "note" TEXT,
    "onBehalfReason" TEXT,
    "filedById" UUID NOT NULL,
    "filedByName" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "late" BOOLEAN NOT NULL,

    CONSTRAINT "DailyReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_classId_day_idx" ON "FollowUp"("classId", "day");

-- CreateIndex
CREATE INDEX "FollowUp_schoolId_day_isException_idx" ON "FollowUp"("schoolId", "day", "isException");

-- CreateIndex
CREATE INDEX "FollowUp_day_isException_idx" ON "FollowUp"("day", "isException");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_personId_day_key" ON "FollowUp"("personId", "day");

-- CreateIndex
CREATE INDEX "FollowUpCorrection_followUpId_idx" ON "FollowUpCorrection"("followUpId");

-- CreateIndex
CREATE INDEX "DailyReport_level_day_idx" ON "DailyReport"("level", "day");

-- CreateIndex
CREATE INDEX "DailyReport_schoolId_day_idx" ON "DailyReport"("schoolId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "DailyReport_scopeKey_day_key" ON "DailyReport"("scopeKey", "day");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpCorrection" ADD CONSTRAINT "FollowUpCorrection_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

