-- CreateTable
CREATE TABLE "AttemptCounter" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AttemptCounter_pkey" PRIMARY KEY ("scope","key","windowStart")
);

-- CreateIndex
CREATE INDEX "AttemptCounter_windowStart_idx" ON "AttemptCounter"("windowStart");
