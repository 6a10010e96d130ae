import { z } from "zod";
import { LOCALES } from "./locales";

// The language switch: one of the portal's locales.
export const ZSetLocaleInput = z.object({ locale: z.enum(LOCALES) });
