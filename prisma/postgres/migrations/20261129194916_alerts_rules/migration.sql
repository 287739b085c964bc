-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "ackAt" TIMESTAMP(3),
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "updatesId" TEXT;

-- CreateTable
CREATE TABLE "AlertRuleSetting" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "params" JSONB,
    "mutedUntil" TIMESTAMP(3),
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRuleSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertRuleSetting_scope_rule_key" ON "AlertRuleSetting"("scope", "rule");

-- CreateIndex
CREATE INDEX "Alert_status_deliveredAt_idx" ON "Alert"("status", "deliveredAt");
