-- Why a follow-up did not reach anyone, as a code the lists show in the reader's language (issue 12).
CREATE TYPE "UnreachableCode" AS ENUM ('no_answer', 'phone_off', 'number_invalid', 'away_working', 'other');

ALTER TABLE "FollowUp" ADD COLUMN "unreachableCode" "UnreachableCode";

-- Records saved before the codes said why in words only: they keep their words as "other".
UPDATE "FollowUp" SET "unreachableCode" = 'other' WHERE NOT reached;
