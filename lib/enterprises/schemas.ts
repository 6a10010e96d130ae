import { z } from "zod";

// Showing an enterprise's contact in full.
export const ZRevealEnterpriseContactInput = z.object({ enterpriseId: z.string().uuid({ message: "notFound" }) });
