-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "botEventId" TEXT,
ADD COLUMN     "handledAt" TIMESTAMP(3),
ADD COLUMN     "payload" JSONB;

-- CreateIndex
CREATE INDEX "InboundEvent_handledAt_receivedAt_idx" ON "InboundEvent"("handledAt", "receivedAt");
