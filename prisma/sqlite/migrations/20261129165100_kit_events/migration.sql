-- CreateTable
CREATE TABLE "DomainEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "emittedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EventDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "listener" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "lastError" TEXT,
    "doneAt" DATETIME,
    CONSTRAINT "EventDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "DomainEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsumedLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "consumedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DomainEvent_emittedAt_idx" ON "DomainEvent"("emittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DomainEvent_name_key_key" ON "DomainEvent"("name", "key");

-- CreateIndex
CREATE INDEX "EventDelivery_status_nextAttemptAt_idx" ON "EventDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "EventDelivery_eventId_listener_key" ON "EventDelivery"("eventId", "listener");

-- CreateIndex
CREATE UNIQUE INDEX "ConsumedLink_tokenHash_key" ON "ConsumedLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ConsumedLink_expiresAt_idx" ON "ConsumedLink"("expiresAt");
