-- A school's students' study figures per day (停课不停学, docs/decisions/0025-remote-learning.md): "StudyDayCount"
-- is kept by this trigger from every insert, change and deletion of a "FollowUp", so the township's figures over
-- 60 days read a row per school and day instead of every record. Students only (the person's kind); by the
-- record's own school of the day. The filters are those of `studiedBy` and DAY_COUNTS (apps/api/src/db/day-sql.ts):
-- studying by mode (no mode = online), partly, not studying by reason (none given = unspecified).
-- Current text; a migration changing it copies the statement (docs/decisions/0018-database-objects.md).

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
