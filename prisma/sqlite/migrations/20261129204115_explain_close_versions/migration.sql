-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
