-- The Idempotency-Key of the save that wrote a follow-up's current version (issue 13, defect 6).
ALTER TABLE "FollowUp" ADD COLUMN "saveKey" TEXT;
