-- CreateEnum
CREATE TYPE "StudyMode" AS ENUM ('online', 'paper', 'tv');

-- CreateEnum
CREATE TYPE "NotStudyingReason" AS ENUM ('ill', 'no_device', 'no_network', 'no_supervision', 'other');

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "notStudyingReason" "NotStudyingReason",
ADD COLUMN     "studyMode" "StudyMode";

-- AlterTable
ALTER TABLE "DailyReport" ADD COLUMN     "studyPartly" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "studyingOnline" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "studyingPaper" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "studyingTv" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "StudyDayCount" (
    "schoolId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "recorded" INTEGER NOT NULL DEFAULT 0,
    "reached" INTEGER NOT NULL DEFAULT 0,
    "studyingOnline" INTEGER NOT NULL DEFAULT 0,
    "studyingPaper" INTEGER NOT NULL DEFAULT 0,
    "studyingTv" INTEGER NOT NULL DEFAULT 0,
    "studyPartly" INTEGER NOT NULL DEFAULT 0,
    "notStudying" INTEGER NOT NULL DEFAULT 0,
    "notIll" INTEGER NOT NULL DEFAULT 0,
    "notNoDevice" INTEGER NOT NULL DEFAULT 0,
    "notNoNetwork" INTEGER NOT NULL DEFAULT 0,
    "notNoSupervision" INTEGER NOT NULL DEFAULT 0,
    "notOther" INTEGER NOT NULL DEFAULT 0,
    "notUnspecified" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StudyDayCount_pkey" PRIMARY KEY ("schoolId","day")
);

-- CreateIndex
CREATE INDEX "StudyDayCount_day_idx" ON "StudyDayCount"("day");

-- CreateIndex
CREATE INDEX "Person_schoolId_kind_status_idx" ON "Person"("schoolId", "kind", "status");


-- Remote learning day counts (docs/decisions/0025-remote-learning.md): current text in prisma/sql/learning-day-counts.sql.
CREATE OR REPLACE FUNCTION study_day_count_add(f "FollowUp", sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  studying boolean := COALESCE(f."studiedOnline" IN ('yes', 'partly'), false);
  mode text := COALESCE(f."studyMode"::text, 'online');
  not_studying boolean := COALESCE(f."studiedOnline" = 'no', false);
  reason text := f."notStudyingReason"::text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = f."personId" AND p.kind = 'student') THEN
    RETURN;
  END IF;
  INSERT INTO "StudyDayCount" AS c ("schoolId", "day", "recorded", "reached", "studyingOnline", "studyingPaper", "studyingTv", "studyPartly",
                                    "notStudying", "notIll", "notNoDevice", "notNoNetwork", "notNoSupervision", "notOther", "notUnspecified")
  VALUES (f."schoolId", f."day", sign,
          CASE WHEN f."reached" THEN sign ELSE 0 END,
          CASE WHEN studying AND mode = 'online' THEN sign ELSE 0 END,
          CASE WHEN studying AND mode = 'paper' THEN sign ELSE 0 END,
          CASE WHEN studying AND mode = 'tv' THEN sign ELSE 0 END,
          CASE WHEN f."studiedOnline" = 'partly' THEN sign ELSE 0 END,
          CASE WHEN not_studying THEN sign ELSE 0 END,
          CASE WHEN not_studying AND reason = 'ill' THEN sign ELSE 0 END,
          CASE WHEN not_studying AND reason = 'no_device' THEN sign ELSE 0 END,
          CASE WHEN not_studying AND reason = 'no_network' THEN sign ELSE 0 END,
          CASE WHEN not_studying AND reason = 'no_supervision' THEN sign ELSE 0 END,
          CASE WHEN not_studying AND reason = 'other' THEN sign ELSE 0 END,
          CASE WHEN not_studying AND reason IS NULL THEN sign ELSE 0 END)
  ON CONFLICT ("schoolId", "day") DO UPDATE SET
    "recorded" = c."recorded" + EXCLUDED."recorded",
    "reached" = c."reached" + EXCLUDED."reached",
    "studyingOnline" = c."studyingOnline" + EXCLUDED."studyingOnline",
    "studyingPaper" = c."studyingPaper" + EXCLUDED."studyingPaper",
    "studyingTv" = c."studyingTv" + EXCLUDED."studyingTv",
    "studyPartly" = c."studyPartly" + EXCLUDED."studyPartly",
    "notStudying" = c."notStudying" + EXCLUDED."notStudying",
    "notIll" = c."notIll" + EXCLUDED."notIll",
    "notNoDevice" = c."notNoDevice" + EXCLUDED."notNoDevice",
    "notNoNetwork" = c."notNoNetwork" + EXCLUDED."notNoNetwork",
    "notNoSupervision" = c."notNoSupervision" + EXCLUDED."notNoSupervision",
    "notOther" = c."notOther" + EXCLUDED."notOther",
    "notUnspecified" = c."notUnspecified" + EXCLUDED."notUnspecified";
END $$;

-- A change that touches none of what is counted (a handling note, a temperature) leaves the counts alone.
CREATE OR REPLACE FUNCTION follow_up_study_day_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."personId", OLD."schoolId", OLD."day", OLD."reached", OLD."studiedOnline", OLD."studyMode", OLD."notStudyingReason")
     IS NOT DISTINCT FROM (NEW."personId", NEW."schoolId", NEW."day", NEW."reached", NEW."studiedOnline", NEW."studyMode", NEW."notStudyingReason") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM study_day_count_add(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM study_day_count_add(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER follow_up_study_day_count AFTER INSERT OR UPDATE OR DELETE ON "FollowUp"
  FOR EACH ROW EXECUTE FUNCTION follow_up_study_day_count();

-- The records already there, counted as the trigger would have.
INSERT INTO "StudyDayCount" ("schoolId", "day", "recorded", "reached", "studyingOnline", "studyingPaper", "studyingTv", "studyPartly",
                             "notStudying", "notIll", "notNoDevice", "notNoNetwork", "notNoSupervision", "notOther", "notUnspecified")
SELECT f."schoolId", f."day", count(*)::int,
       count(*) FILTER (WHERE f."reached")::int,
       count(*) FILTER (WHERE f."studiedOnline" IN ('yes', 'partly') AND COALESCE(f."studyMode", 'online') = 'online')::int,
       count(*) FILTER (WHERE f."studiedOnline" IN ('yes', 'partly') AND f."studyMode" = 'paper')::int,
       count(*) FILTER (WHERE f."studiedOnline" IN ('yes', 'partly') AND f."studyMode" = 'tv')::int,
       count(*) FILTER (WHERE f."studiedOnline" = 'partly')::int,
       count(*) FILTER (WHERE f."studiedOnline" = 'no')::int,
       0, 0, 0, 0, 0,
       count(*) FILTER (WHERE f."studiedOnline" = 'no')::int
FROM "FollowUp" f JOIN "Person" p ON p.id = f."personId" AND p.kind = 'student'
GROUP BY f."schoolId", f."day";
