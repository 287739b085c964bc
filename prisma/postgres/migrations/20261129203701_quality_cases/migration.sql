-- AlterTable
ALTER TABLE "QualityError" ADD COLUMN     "caseText" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3);
