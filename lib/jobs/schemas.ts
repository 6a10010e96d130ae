import { z } from "zod";

/** A job's id (a bigint) as the retry form posts it. */
export const ZRetryJobInput = z.object({ jobId: z.string().regex(/^\d{1,18}$/) });
export type TRetryJobInput = z.infer<typeof ZRetryJobInput>;
