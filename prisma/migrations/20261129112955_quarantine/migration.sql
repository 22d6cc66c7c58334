-- CreateEnum
CREATE TYPE "CaseReason" AS ENUM ('returned_from_outside_city', 'key_region_contact', 'close_contact', 'fever', 'other');

-- CreateEnum
CREATE TYPE "CasePlace" AS ENUM ('home', 'centralised_site', 'hospital');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('released', 'released_early', 'transferred_to_medical_care', 'other');

-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('calm', 'worried', 'anxious', 'low', 'crisis');

-- CreateEnum
CREATE TYPE "CaseEventKind" AS ENUM ('opened', 'extended', 'shortened', 'check_in', 'correction', 'help_resolved', 'closed', 'returned');

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "quarantineDaysByReason" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "QuarantineCase" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "reason" "CaseReason" NOT NULL,
    "reasonNote" TEXT,
    "place" "CasePlace" NOT NULL,
    "placeNote" TEXT,
    "startDay" DATE NOT NULL,
    "plannedEndDay" DATE NOT NULL,
    "plan" TEXT NOT NULL,
    "guardianContact" TEXT,
    "fromFollowUpId" UUID,
    "closedDay" DATE,
    "outcome" "CaseOutcome",
    "closeNote" TEXT,
    "returnedDay" DATE,
    "openedById" UUID NOT NULL,
    "openedByName" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuarantineCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseTeamMember" (
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CaseTeamMember_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "CaseCheckIn" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "method" "ContactMethod" NOT NULL,
    "temperature" DECIMAL(3,1),
    "symptoms" TEXT[],
    "foodOk" BOOLEAN NOT NULL,
    "suppliesOk" BOOLEAN NOT NULL,
    "helpNeeded" TEXT,
    "keepingUp" "StudyStatus",
    "materialsNeeded" TEXT,
    "mood" "Mood" NOT NULL,
    "counsellingNote" TEXT,
    "needsHelp" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "correctsId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "CaseEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "day" DATE,
    "byUserId" UUID NOT NULL,
    "byName" TEXT NOT NULL,
    "fromDay" DATE,
    "toDay" DATE,
    "outcome" "CaseOutcome",
    "note" TEXT,
    "checkInId" UUID,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuarantineCase_personId_startDay_idx" ON "QuarantineCase"("personId", "startDay");

-- CreateIndex
CREATE INDEX "QuarantineCase_schoolId_closedDay_idx" ON "QuarantineCase"("schoolId", "closedDay");

-- CreateIndex
CREATE INDEX "QuarantineCase_closedDay_startDay_idx" ON "QuarantineCase"("closedDay", "startDay");

-- CreateIndex
CREATE INDEX "CaseTeamMember_userId_idx" ON "CaseTeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCheckIn_correctsId_key" ON "CaseCheckIn"("correctsId");

-- CreateIndex
CREATE INDEX "CaseCheckIn_caseId_day_idx" ON "CaseCheckIn"("caseId", "day");

-- CreateIndex
CREATE INDEX "CaseCheckIn_day_idx" ON "CaseCheckIn"("day");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_id_idx" ON "CaseEvent"("caseId", "id");

-- CreateIndex
CREATE INDEX "CaseEvent_checkInId_idx" ON "CaseEvent"("checkInId");

-- AddForeignKey
ALTER TABLE "QuarantineCase" ADD CONSTRAINT "QuarantineCase_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarantineCase" ADD CONSTRAINT "QuarantineCase_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarantineCase" ADD CONSTRAINT "QuarantineCase_fromFollowUpId_fkey" FOREIGN KEY ("fromFollowUpId") REFERENCES "FollowUp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTeamMember" ADD CONSTRAINT "CaseTeamMember_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "QuarantineCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseTeamMember" ADD CONSTRAINT "CaseTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCheckIn" ADD CONSTRAINT "CaseCheckIn_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "QuarantineCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCheckIn" ADD CONSTRAINT "CaseCheckIn_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "CaseCheckIn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "QuarantineCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- By hand (docs/decisions/0009-quarantine-cases.md): what the schema language cannot say.
-- One person, one open case (一人一案): at most one case per person without a closing day.
CREATE UNIQUE INDEX "QuarantineCase_one_open_per_person" ON "QuarantineCase" ("personId") WHERE "closedDay" IS NULL;

-- One original check-in per case and day; later changes are corrections (rows naming the row they correct).
CREATE UNIQUE INDEX "CaseCheckIn_one_original_per_day" ON "CaseCheckIn" ("caseId", "day") WHERE "correctsId" IS NULL;

-- Resolving a request for help happens once per check-in.
CREATE UNIQUE INDEX "CaseEvent_one_help_resolution" ON "CaseEvent" ("checkInId") WHERE "kind" = 'help_resolved';

-- A case's history is append-only: check-ins and events are never changed or deleted.
CREATE FUNCTION "Case_history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: record a correction instead of changing or deleting an entry', TG_TABLE_NAME;
END $$;
CREATE TRIGGER "CaseCheckIn_append_only" BEFORE UPDATE OR DELETE ON "CaseCheckIn"
  FOR EACH ROW EXECUTE FUNCTION "Case_history_append_only"();
CREATE TRIGGER "CaseEvent_append_only" BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION "Case_history_append_only"();
