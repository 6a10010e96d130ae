-- CreateEnum
CREATE TYPE "MatchEventType" AS ENUM ('MATCHMAKING', 'FINANCE_LOUNGE', 'BRIEFING', 'ROADSHOW');

-- CreateEnum
CREATE TYPE "MatchEventStatus" AS ENUM ('OPEN', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MatchRegistrationStatus" AS ENUM ('REGISTERED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "sourceEventId" UUID;

-- CreateTable
CREATE TABLE "MatchEvent" (
    "id" UUID NOT NULL,
    "type" "MatchEventType" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "organiserOrgId" UUID NOT NULL,
    "parkId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "participantOrgIds" UUID[],
    "capacity" INTEGER NOT NULL,
    "registeredCount" INTEGER NOT NULL DEFAULT 0,
    "status" "MatchEventStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heldAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MatchEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchEventRegistration" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "registeredById" UUID,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "status" "MatchRegistrationStatus" NOT NULL DEFAULT 'REGISTERED',
    "attended" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "MatchEventRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchEventIntention" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "bankOrgId" UUID NOT NULL,
    "enterpriseId" UUID NOT NULL,
    "intendedFen" BIGINT NOT NULL,
    "signedFen" BIGINT NOT NULL DEFAULT 0,
    "termMonths" INTEGER,
    "note" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestId" UUID,

    CONSTRAINT "MatchEventIntention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchEvent_startsAt_id_idx" ON "MatchEvent"("startsAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "MatchEvent_parkId_startsAt_id_idx" ON "MatchEvent"("parkId", "startsAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "MatchEventRegistration_eventId_createdAt_id_idx" ON "MatchEventRegistration"("eventId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "MatchEventRegistration_enterpriseId_createdAt_idx" ON "MatchEventRegistration"("enterpriseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MatchEventRegistration_eventId_enterpriseId_key" ON "MatchEventRegistration"("eventId", "enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "MatchEventIntention_requestId_key" ON "MatchEventIntention"("requestId");

-- CreateIndex
CREATE INDEX "MatchEventIntention_bankOrgId_createdAt_idx" ON "MatchEventIntention"("bankOrgId", "createdAt");

-- CreateIndex
CREATE INDEX "MatchEventIntention_enterpriseId_idx" ON "MatchEventIntention"("enterpriseId");

-- CreateIndex
CREATE UNIQUE INDEX "MatchEventIntention_eventId_bankOrgId_enterpriseId_key" ON "MatchEventIntention"("eventId", "bankOrgId", "enterpriseId");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_sourceEventId_fkey" FOREIGN KEY ("sourceEventId") REFERENCES "MatchEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEvent" ADD CONSTRAINT "MatchEvent_organiserOrgId_fkey" FOREIGN KEY ("organiserOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEvent" ADD CONSTRAINT "MatchEvent_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEventRegistration" ADD CONSTRAINT "MatchEventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "MatchEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEventRegistration" ADD CONSTRAINT "MatchEventRegistration_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEventIntention" ADD CONSTRAINT "MatchEventIntention_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "MatchEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEventIntention" ADD CONSTRAINT "MatchEventIntention_bankOrgId_fkey" FOREIGN KEY ("bankOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEventIntention" ADD CONSTRAINT "MatchEventIntention_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchEventIntention" ADD CONSTRAINT "MatchEventIntention_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;
