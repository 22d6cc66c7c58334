-- CreateEnum
CREATE TYPE "PersonKind" AS ENUM ('student', 'staff');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('male', 'female');

-- CreateEnum
CREATE TYPE "Whereabouts" AS ENUM ('home_township', 'in_city', 'outside_city');

-- CreateEnum
CREATE TYPE "DeviceAccess" AS ENUM ('smartphone', 'tablet', 'computer', 'tv_only', 'none');

-- CreateEnum
CREATE TYPE "PersonStatus" AS ENUM ('active', 'left');

-- CreateEnum
CREATE TYPE "LeftReason" AS ENUM ('graduated', 'transferred', 'other');

-- CreateEnum
CREATE TYPE "PersonEventKind" AS ENUM ('created', 'updated', 'imported', 'moved', 'transferred', 'left', 'returned', 'category_changed');

-- CreateTable
CREATE TABLE "CensusCategory" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 100,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "isException" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CensusCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "classId" UUID,
    "kind" "PersonKind" NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender",
    "idNumber" TEXT,
    "studentNumber" TEXT,
    "phone" TEXT,
    "homeVillage" TEXT,
    "address" TEXT,
    "categoryId" UUID,
    "whereabouts" "Whereabouts" NOT NULL DEFAULT 'home_township',
    "leftBehind" BOOLEAN NOT NULL DEFAULT false,
    "deviceAccess" "DeviceAccess",
    "guardianCanUseDevice" BOOLEAN,
    "notes" TEXT,
    "status" "PersonStatus" NOT NULL DEFAULT 'active',
    "leftAt" TIMESTAMP(3),
    "leftReason" "LeftReason",
    "searchText" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "sortClass" TEXT NOT NULL,
    "sortNumber" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guardian" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "phone" TEXT,

    CONSTRAINT "Guardian_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonEvent" (
    "id" BIGSERIAL NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "PersonEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" UUID,
    "byName" TEXT,
    "fromLabel" TEXT,
    "toLabel" TEXT,
    "note" TEXT,

    CONSTRAINT "PersonEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CensusCategory_code_key" ON "CensusCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Person_idNumber_key" ON "Person"("idNumber");

-- CreateIndex
CREATE INDEX "Person_schoolId_status_sortClass_id_idx" ON "Person"("schoolId", "status", "sortClass", "id");

-- CreateIndex
CREATE INDEX "Person_schoolId_status_sortName_id_idx" ON "Person"("schoolId", "status", "sortName", "id");

-- CreateIndex
CREATE INDEX "Person_status_sortClass_id_idx" ON "Person"("status", "sortClass", "id");

-- CreateIndex
CREATE INDEX "Person_classId_status_idx" ON "Person"("classId", "status");

-- CreateIndex
CREATE INDEX "Person_categoryId_idx" ON "Person"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_schoolId_studentNumber_key" ON "Person"("schoolId", "studentNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Guardian_personId_position_key" ON "Guardian"("personId", "position");

-- CreateIndex
CREATE INDEX "PersonEvent_personId_at_idx" ON "PersonEvent"("personId", "at");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_classId_fkey" FOREIGN KEY ("classId") REFERENCES "SchoolClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "CensusCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonEvent" ADD CONSTRAINT "PersonEvent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Default census categories (摸排分类) from the centre's report; the centre can change the list.
INSERT INTO "CensusCategory" ("id", "code", "label", "labelEn", "sortOrder", "isException") VALUES
  (gen_random_uuid(), 'normal', '正常', 'Normal', 10, false),
  (gen_random_uuid(), 'returned_outside_city', '市外返回', 'Returned from outside the city', 20, true),
  (gen_random_uuid(), 'key_region_contact', '与湖北(武汉)来往人员接触', 'Contact with Hubei/Wuhan travellers', 30, true),
  (gen_random_uuid(), 'close_contact', '密切接触者', 'Close contact', 40, true),
  (gen_random_uuid(), 'unwell', '发热或身体不适', 'Fever / unwell', 50, true),
  (gen_random_uuid(), 'home_quarantine', '居家隔离', 'In home quarantine', 60, true);
