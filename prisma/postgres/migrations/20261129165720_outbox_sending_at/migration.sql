-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "sendingAt" TIMESTAMP(3);
