-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "sendingAt" DATETIME;
