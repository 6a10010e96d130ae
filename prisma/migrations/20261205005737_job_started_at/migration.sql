-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "startedAt" TIMESTAMPTZ(3);
