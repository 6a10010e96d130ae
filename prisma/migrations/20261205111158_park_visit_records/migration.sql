-- CreateEnum
CREATE TYPE "ParkVisitStatus" AS ENUM ('RECORDED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "ParkVisitAttachmentKind" AS ENUM ('SIGN_IN_SHEET', 'PHOTO', 'OTHER');

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "sourceVisitId" UUID;

-- AlterTable
ALTER TABLE "ParkVisit" ADD COLUMN     "confirmedAt" TIMESTAMPTZ(3),
ADD COLUMN     "confirmedById" UUID,
ADD COLUMN     "confirmedByOrgId" UUID,
ADD COLUMN     "enterpriseIds" UUID[],
ADD COLUMN     "expectedLeaderName" TEXT,
ADD COLUMN     "leaderMismatch" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "participantOrgIds" UUID[],
ADD COLUMN     "participantsNote" TEXT,
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "recordedByOrgId" UUID,
ADD COLUMN     "status" "ParkVisitStatus" NOT NULL DEFAULT 'RECORDED',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ParkVisitFinding" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "enterpriseId" UUID,
    "requestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkVisitFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkVisitAttachment" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "kind" "ParkVisitAttachmentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParkVisitAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ParkVisitFinding_requestId_key" ON "ParkVisitFinding"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ParkVisitFinding_visitId_position_key" ON "ParkVisitFinding"("visitId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ParkVisitAttachment_storedName_key" ON "ParkVisitAttachment"("storedName");

-- CreateIndex
CREATE INDEX "ParkVisitAttachment_visitId_idx" ON "ParkVisitAttachment"("visitId");

-- CreateIndex
CREATE INDEX "ParkVisit_bankOrgId_visitedOn_idx" ON "ParkVisit"("bankOrgId", "visitedOn");

-- CreateIndex
CREATE INDEX "ParkVisit_visitedOn_id_idx" ON "ParkVisit"("visitedOn", "id");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_sourceVisitId_fkey" FOREIGN KEY ("sourceVisitId") REFERENCES "ParkVisit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkVisitFinding" ADD CONSTRAINT "ParkVisitFinding_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "ParkVisit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkVisitFinding" ADD CONSTRAINT "ParkVisitFinding_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkVisitFinding" ADD CONSTRAINT "ParkVisitFinding_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkVisitAttachment" ADD CONSTRAINT "ParkVisitAttachment_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "ParkVisit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Visits entered before recording existed stand as confirmed facts with no lists.
UPDATE "ParkVisit" SET "status" = 'CONFIRMED', "participantOrgIds" = '{}', "enterpriseIds" = '{}';
