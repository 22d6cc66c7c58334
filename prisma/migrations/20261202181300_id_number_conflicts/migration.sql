-- CreateTable
CREATE TABLE "IdNumberConflict" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "attemptedById" UUID,
    "attemptedByName" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedByName" TEXT,

    CONSTRAINT "IdNumberConflict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdNumberConflict_resolvedAt_lastAt_idx" ON "IdNumberConflict"("resolvedAt", "lastAt");

-- AddForeignKey
ALTER TABLE "IdNumberConflict" ADD CONSTRAINT "IdNumberConflict_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdNumberConflict" ADD CONSTRAINT "IdNumberConflict_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One open conflict per school and person: a repeated attempt counts on it (services/id-conflicts.ts).
CREATE UNIQUE INDEX "IdNumberConflict_one_open_per_school_person" ON "IdNumberConflict"("schoolId", "personId") WHERE "resolvedAt" IS NULL;
