import { z } from "zod";

// The attachment routes' one dynamic segment: an id that is not a UUID is simply not found.
export const ZAttachmentRouteParams = z.object({ id: z.string().uuid() });
