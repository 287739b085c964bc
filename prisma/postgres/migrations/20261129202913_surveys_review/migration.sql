-- CreateTable
CREATE TABLE "SurveyReview" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyReview_answerId_key" ON "SurveyReview"("answerId");

-- AddForeignKey
ALTER TABLE "SurveyReview" ADD CONSTRAINT "SurveyReview_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "SurveyAnswer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
