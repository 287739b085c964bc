-- CreateTable
CREATE TABLE "SurveyReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyReview_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "SurveyAnswer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyReview_answerId_key" ON "SurveyReview"("answerId");
