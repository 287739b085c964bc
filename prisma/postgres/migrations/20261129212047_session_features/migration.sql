-- CreateEnum
CREATE TYPE "ContractTerm" AS ENUM ('FIXED', 'OPEN_ENDED', 'TASK');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PunchCorrectionStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED');

-- AlterEnum
ALTER TYPE "CheckInMethod" ADD VALUE 'CORRECTION';

-- DropIndex
DROP INDEX "CrmOrder_externalId_key";

-- DropIndex
DROP INDEX "HelpdeskTicket_externalId_key";

-- DropIndex
DROP INDEX "TrainingRecord_externalId_key";

-- DropIndex
DROP INDEX "WorkOrder_externalId_key";

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "ackAt" TIMESTAMP(3),
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "corrected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "device" TEXT,
ADD COLUMN     "deviceHash" TEXT,
ADD COLUMN     "evidence" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "note" TEXT,
ADD COLUMN     "reviewReason" TEXT;

-- AlterTable
ALTER TABLE "KpiPeriod" ADD COLUMN     "closeVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "paidById" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "updatesId" TEXT;

-- AlterTable
ALTER TABLE "QualityError" ADD COLUMN     "caseText" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SurveyAnswer" ADD COLUMN     "deviceHash" TEXT,
ADD COLUMN     "flags" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lng" DOUBLE PRECISION,
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN     "code" TEXT,
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TrainingRecord" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'demo';

-- CreateTable
CREATE TABLE "SurveyReview" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentContract" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "term" "ContractTerm" NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "probationStartsOn" TEXT,
    "probationEndsOn" TEXT,
    "earlierProbation" BOOLEAN NOT NULL DEFAULT false,
    "hiringConditions" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmploymentContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "LeaveStatus" NOT NULL DEFAULT 'PENDING',
    "approvedById" TEXT,
    "reason" TEXT,
    "source" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Leave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRuleSetting" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "params" JSONB,
    "mutedUntil" TIMESTAMP(3),
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRuleSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityConflict" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "candidates" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "IdentityConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PunchCorrection" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "kind" "CheckInKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "PunchCorrectionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "checkInId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PunchCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'schedule',
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "pages" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyReview_answerId_key" ON "SurveyReview"("answerId");

-- CreateIndex
CREATE INDEX "EmploymentContract_employeeId_startsOn_idx" ON "EmploymentContract"("employeeId", "startsOn");

-- CreateIndex
CREATE INDEX "Leave_employeeId_startsAt_idx" ON "Leave"("employeeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Leave_source_externalId_key" ON "Leave"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertRuleSetting_scope_rule_key" ON "AlertRuleSetting"("scope", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCode_codeHash_key" ON "LinkCode"("codeHash");

-- CreateIndex
CREATE INDEX "LinkCode_platform_platformUserId_idx" ON "LinkCode"("platform", "platformUserId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityConflict_source_platformUserId_reason_key" ON "IdentityConflict"("source", "platformUserId", "reason");

-- CreateIndex
CREATE INDEX "PunchCorrection_employeeId_at_idx" ON "PunchCorrection"("employeeId", "at");

-- CreateIndex
CREATE INDEX "SyncRun_source_startedAt_idx" ON "SyncRun"("source", "startedAt");

-- CreateIndex
CREATE INDEX "Alert_status_deliveredAt_idx" ON "Alert"("status", "deliveredAt");

-- CreateIndex
CREATE UNIQUE INDEX "CrmOrder_source_externalId_key" ON "CrmOrder"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskTicket_source_externalId_key" ON "HelpdeskTicket"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_code_key" ON "SurveyInvitation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_workOrderId_employeeId_key" ON "SurveyInvitation"("workOrderId", "employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_source_externalId_key" ON "TrainingRecord"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_source_externalId_key" ON "WorkOrder"("source", "externalId");

-- AddForeignKey
ALTER TABLE "SurveyReview" ADD CONSTRAINT "SurveyReview_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "SurveyAnswer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentContract" ADD CONSTRAINT "EmploymentContract_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
