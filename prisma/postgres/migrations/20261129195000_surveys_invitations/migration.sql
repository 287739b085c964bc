-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "deviceHash" TEXT;

-- AlterTable
ALTER TABLE "SurveyAnswer" ADD COLUMN     "deviceHash" TEXT,
ADD COLUMN     "flags" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lng" DOUBLE PRECISION,
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN     "code" TEXT,
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_code_key" ON "SurveyInvitation"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_workOrderId_employeeId_key" ON "SurveyInvitation"("workOrderId", "employeeId");
