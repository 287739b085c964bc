-- CreateEnum
CREATE TYPE "ContractTerm" AS ENUM ('FIXED', 'OPEN_ENDED', 'TASK');

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

-- CreateIndex
CREATE INDEX "EmploymentContract_employeeId_startsOn_idx" ON "EmploymentContract"("employeeId", "startsOn");

-- AddForeignKey
ALTER TABLE "EmploymentContract" ADD CONSTRAINT "EmploymentContract_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
