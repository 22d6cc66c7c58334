-- DropIndex
DROP INDEX "DailyReport_level_day_idx";

-- CreateIndex
CREATE INDEX "DailyReport_level_day_schoolId_idx" ON "DailyReport"("level", "day", "schoolId");
