-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED', 'CANCELLED');

-- DropIndex
DROP INDEX "CrmOrder_externalId_key";

-- DropIndex
DROP INDEX "HelpdeskTicket_externalId_key";

-- DropIndex
DROP INDEX "TrainingRecord_externalId_key";

-- DropIndex
DROP INDEX "WorkOrder_externalId_key";

-- AlterTable
ALTER TABLE "TrainingRecord" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'demo';

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

-- CreateIndex
CREATE INDEX "Leave_employeeId_startsAt_idx" ON "Leave"("employeeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Leave_source_externalId_key" ON "Leave"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CrmOrder_source_externalId_key" ON "CrmOrder"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskTicket_source_externalId_key" ON "HelpdeskTicket"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_source_externalId_key" ON "TrainingRecord"("source", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_source_externalId_key" ON "WorkOrder"("source", "externalId");

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
