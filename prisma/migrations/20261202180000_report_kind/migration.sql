-- A report says what it is (issue 12): a zero report only when everyone was
-- reached and nothing was wrong; a report filed on behalf of a class (代报) is
-- its own kind, with the number nobody had contacted; the students whose online
-- study is unknown are counted. "isZero" goes: `kind` says it.
CREATE TYPE "ReportKind" AS ENUM ('zero', 'with_exceptions', 'incomplete', 'on_behalf');

ALTER TABLE "DailyReport"
  ADD COLUMN "notContacted" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "studyUnknown" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "onBehalfClasses" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "kind" "ReportKind";

-- Reports filed before: those nobody contacted were folded into "unreached";
-- the records that said "not reached" tell them apart.
UPDATE "DailyReport" c
SET "notContacted" = greatest(0, c.unreached - (SELECT count(*) FROM "FollowUp" f WHERE f."classId" = c."classId" AND f.day = c.day AND NOT f.reached))
WHERE c.level = 'class' AND c."onBehalfReason" IS NOT NULL;

UPDATE "DailyReport" c
SET "studyUnknown" = greatest(0, c.total - (SELECT count(*) FROM "FollowUp" f JOIN "Person" p ON p.id = f."personId"
                                            WHERE f."classId" = c."classId" AND f.day = c.day AND p.kind = 'student' AND f."studiedOnline" IS NOT NULL))
WHERE c.level = 'class';

UPDATE "DailyReport" s
SET "onBehalfClasses" = x.behalf, "notContacted" = x."notContacted", "studyUnknown" = x."studyUnknown"
FROM (SELECT c."schoolId", c.day, count(*) FILTER (WHERE c."onBehalfReason" IS NOT NULL)::int AS behalf,
             sum(c."notContacted")::int AS "notContacted", sum(c."studyUnknown")::int AS "studyUnknown"
      FROM "DailyReport" c WHERE c.level = 'class' GROUP BY 1, 2) x
WHERE s.level = 'school' AND s."schoolId" = x."schoolId" AND s.day = x.day;

UPDATE "DailyReport" SET kind = (CASE
  WHEN "onBehalfReason" IS NOT NULL OR "onBehalfClasses" > 0 THEN 'on_behalf'
  WHEN unreached > 0 THEN 'incomplete'
  WHEN exceptions > 0 THEN 'with_exceptions'
  ELSE 'zero' END)::"ReportKind";

ALTER TABLE "DailyReport" ALTER COLUMN "kind" SET NOT NULL, DROP COLUMN "isZero";
