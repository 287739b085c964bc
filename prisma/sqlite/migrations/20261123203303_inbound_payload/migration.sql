-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN "botEventId" TEXT;
ALTER TABLE "InboundEvent" ADD COLUMN "handledAt" DATETIME;
ALTER TABLE "InboundEvent" ADD COLUMN "payload" JSONB;

-- CreateIndex
CREATE INDEX "InboundEvent_handledAt_receivedAt_idx" ON "InboundEvent"("handledAt", "receivedAt");
