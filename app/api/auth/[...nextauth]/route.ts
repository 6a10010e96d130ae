// Auth.js endpoints (session, csrf, sign-out). Sign-in itself goes through the sign-in
// page's server action, which calls the same configuration.
import { handlers } from "@/lib/server/auth/config";

export const { GET, POST } = handlers;
