-- AlterTable
ALTER TABLE "KpiPeriod" ADD COLUMN     "closeVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "paidById" TEXT;
