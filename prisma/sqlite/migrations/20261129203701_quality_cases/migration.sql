-- AlterTable
ALTER TABLE "QualityError" ADD COLUMN "caseText" TEXT;
ALTER TABLE "QualityError" ADD COLUMN "publishedAt" DATETIME;
