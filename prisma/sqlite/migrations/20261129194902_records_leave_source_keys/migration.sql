-- DropIndex
DROP INDEX "CrmOrder_externalId_key";

-- DropIndex
DROP INDEX "HelpdeskTicket_externalId_key";

-- DropIndex
DROP INDEX "WorkOrder_externalId_key";

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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
CREATE INDEX "Leave_employeeId_startsAt_idx" ON "Leave"("employeeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Leave_source_externalId_key" ON "Leave"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CrmOrder_source_externalId_key" ON "CrmOrder"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskTicket_source_externalId_key" ON "HelpdeskTicket"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_source_externalId_key" ON "WorkOrder"("source", "externalId");
