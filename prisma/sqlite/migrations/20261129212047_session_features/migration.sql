-- DropIndex
DROP INDEX "CrmOrder_externalId_key";

-- DropIndex
DROP INDEX "HelpdeskTicket_externalId_key";

-- DropIndex
DROP INDEX "WorkOrder_externalId_key";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "updatesId" TEXT;

-- AlterTable
ALTER TABLE "QualityError" ADD COLUMN "caseText" TEXT;
ALTER TABLE "QualityError" ADD COLUMN "publishedAt" DATETIME;

-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN "code" TEXT;
ALTER TABLE "SurveyInvitation" ADD COLUMN "remindedAt" DATETIME;

-- CreateTable
CREATE TABLE "SurveyReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyReview_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "SurveyAnswer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmploymentContract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employeeId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "probationStartsOn" TEXT,
    "probationEndsOn" TEXT,
    "earlierProbation" BOOLEAN NOT NULL DEFAULT false,
    "hiringConditions" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmploymentContract_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employeeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "approvedById" TEXT,
    "reason" TEXT,
    "source" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Leave_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Leave_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Employee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlertRuleSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "params" JSONB,
    "mutedUntil" DATETIME,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" TEXT
);

-- CreateTable
CREATE TABLE "IdentityConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "candidates" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PunchCorrection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employeeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionReason" TEXT,
    "checkInId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'schedule',
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rule" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "teamId" TEXT,
    "employeeId" TEXT,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "ackById" TEXT,
    "assignedToId" TEXT,
    "digestKey" TEXT,
    "deliveredAt" DATETIME,
    "ackAt" DATETIME,
    "snoozedUntil" DATETIME,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Alert_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Alert_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Alert" ("ackById", "assignedToId", "createdAt", "dedupeKey", "digestKey", "employeeId", "id", "payload", "rule", "severity", "status", "teamId", "updatedAt") SELECT "ackById", "assignedToId", "createdAt", "dedupeKey", "digestKey", "employeeId", "id", "payload", "rule", "severity", "status", "teamId", "updatedAt" FROM "Alert";
DROP TABLE "Alert";
ALTER TABLE "new_Alert" RENAME TO "Alert";
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");
CREATE INDEX "Alert_teamId_createdAt_idx" ON "Alert"("teamId", "createdAt");
CREATE INDEX "Alert_status_deliveredAt_idx" ON "Alert"("status", "deliveredAt");
CREATE TABLE "new_CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT,
    "employeeId" TEXT NOT NULL,
    "siteId" TEXT,
    "workOrderId" TEXT,
    "kind" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "lat" REAL,
    "lng" REAL,
    "datum" TEXT,
    "accuracyM" REAL,
    "distanceM" REAL,
    "verdict" TEXT NOT NULL,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "lateMinutes" INTEGER NOT NULL DEFAULT 0,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "note" TEXT,
    "device" TEXT,
    "corrected" BOOLEAN NOT NULL DEFAULT false,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "deviceHash" TEXT,
    "reviewReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckIn_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CheckIn_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CheckIn" ("accuracyM", "at", "createdAt", "datum", "distanceM", "employeeId", "externalId", "flags", "id", "kind", "lat", "lateMinutes", "lng", "method", "reviewedAt", "reviewedById", "siteId", "verdict", "workOrderId") SELECT "accuracyM", "at", "createdAt", "datum", "distanceM", "employeeId", "externalId", "flags", "id", "kind", "lat", "lateMinutes", "lng", "method", "reviewedAt", "reviewedById", "siteId", "verdict", "workOrderId" FROM "CheckIn";
DROP TABLE "CheckIn";
ALTER TABLE "new_CheckIn" RENAME TO "CheckIn";
CREATE UNIQUE INDEX "CheckIn_externalId_key" ON "CheckIn"("externalId");
CREATE INDEX "CheckIn_employeeId_at_idx" ON "CheckIn"("employeeId", "at");
CREATE INDEX "CheckIn_at_idx" ON "CheckIn"("at");
CREATE TABLE "new_KpiPeriod" (
    "period" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "closedAt" DATETIME,
    "closedById" TEXT,
    "contentHash" TEXT,
    "closeVersion" INTEGER NOT NULL DEFAULT 0,
    "paidAt" DATETIME,
    "paidById" TEXT
);
INSERT INTO "new_KpiPeriod" ("closedAt", "closedById", "contentHash", "period", "status") SELECT "closedAt", "closedById", "contentHash", "period", "status" FROM "KpiPeriod";
DROP TABLE "KpiPeriod";
ALTER TABLE "new_KpiPeriod" RENAME TO "KpiPeriod";
CREATE TABLE "new_SurveyAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "invitationId" TEXT,
    "externalId" TEXT,
    "workOrderId" TEXT,
    "employeeId" TEXT NOT NULL,
    "csat" INTEGER NOT NULL,
    "nps" INTEGER,
    "comment" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "answeredAt" DATETIME NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "flags" TEXT NOT NULL DEFAULT '[]',
    "deviceHash" TEXT,
    "lat" REAL,
    "lng" REAL,
    CONSTRAINT "SurveyAnswer_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "SurveyInvitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyAnswer_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyAnswer_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SurveyAnswer" ("answeredAt", "comment", "csat", "employeeId", "externalId", "id", "invitationId", "locale", "nps", "workOrderId") SELECT "answeredAt", "comment", "csat", "employeeId", "externalId", "id", "invitationId", "locale", "nps", "workOrderId" FROM "SurveyAnswer";
DROP TABLE "SurveyAnswer";
ALTER TABLE "new_SurveyAnswer" RENAME TO "SurveyAnswer";
CREATE UNIQUE INDEX "SurveyAnswer_invitationId_key" ON "SurveyAnswer"("invitationId");
CREATE UNIQUE INDEX "SurveyAnswer_externalId_key" ON "SurveyAnswer"("externalId");
CREATE INDEX "SurveyAnswer_employeeId_answeredAt_idx" ON "SurveyAnswer"("employeeId", "answeredAt");
CREATE INDEX "SurveyAnswer_answeredAt_idx" ON "SurveyAnswer"("answeredAt");
CREATE TABLE "new_TrainingRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'demo',
    "employeeId" TEXT NOT NULL,
    "courseCode" TEXT NOT NULL,
    "courseName" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "examScore" INTEGER,
    "reason" TEXT NOT NULL DEFAULT 'REGULAR',
    "errorId" TEXT,
    "enrolledAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "TrainingRecord_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TrainingRecord" ("completedAt", "courseCode", "courseName", "employeeId", "enrolledAt", "errorId", "examScore", "externalId", "id", "minutes", "reason") SELECT "completedAt", "courseCode", "courseName", "employeeId", "enrolledAt", "errorId", "examScore", "externalId", "id", "minutes", "reason" FROM "TrainingRecord";
DROP TABLE "TrainingRecord";
ALTER TABLE "new_TrainingRecord" RENAME TO "TrainingRecord";
CREATE INDEX "TrainingRecord_employeeId_completedAt_idx" ON "TrainingRecord"("employeeId", "completedAt");
CREATE UNIQUE INDEX "TrainingRecord_source_externalId_key" ON "TrainingRecord"("source", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
CREATE UNIQUE INDEX "CrmOrder_source_externalId_key" ON "CrmOrder"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskTicket_source_externalId_key" ON "HelpdeskTicket"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_code_key" ON "SurveyInvitation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_workOrderId_employeeId_key" ON "SurveyInvitation"("workOrderId", "employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_source_externalId_key" ON "WorkOrder"("source", "externalId");
