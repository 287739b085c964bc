-- CreateEnum
CREATE TYPE "PunchCorrectionStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED');

-- AlterEnum
ALTER TYPE "CheckInMethod" ADD VALUE 'CORRECTION';

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "corrected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "device" TEXT,
ADD COLUMN     "evidence" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "note" TEXT,
ADD COLUMN     "reviewReason" TEXT;

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

-- CreateIndex
CREATE INDEX "PunchCorrection_employeeId_at_idx" ON "PunchCorrection"("employeeId", "at");
