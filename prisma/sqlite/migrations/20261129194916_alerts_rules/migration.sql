-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "updatesId" TEXT;

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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AlertRuleSetting_scope_rule_key" ON "AlertRuleSetting"("scope", "rule");
