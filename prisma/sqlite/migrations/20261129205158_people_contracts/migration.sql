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

-- CreateIndex
CREATE INDEX "EmploymentContract_employeeId_startsOn_idx" ON "EmploymentContract"("employeeId", "startsOn");
