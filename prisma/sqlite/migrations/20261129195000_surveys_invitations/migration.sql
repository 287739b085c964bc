-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN "deviceHash" TEXT;

-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN "code" TEXT;
ALTER TABLE "SurveyInvitation" ADD COLUMN "remindedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_code_key" ON "SurveyInvitation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_workOrderId_employeeId_key" ON "SurveyInvitation"("workOrderId", "employeeId");
