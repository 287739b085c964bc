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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PunchCorrection_employeeId_at_idx" ON "PunchCorrection"("employeeId", "at");
