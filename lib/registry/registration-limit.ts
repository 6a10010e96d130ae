/**
 * Self-registration is a public endpoint that creates accounts, so one address may only
 * submit a few registrations an hour. The count comes from the audit log (kept in
 * PostgreSQL), so the limit holds across every app instance.
 */
export const REGISTRATION_LIMIT = { perAddress: 5, windowMinutes: 60 } as const;

export function isOverRegistrationLimit(recentFromAddress: number): boolean {
  return recentFromAddress >= REGISTRATION_LIMIT.perAddress;
}

export function registrationWindowStart(now: Date): Date {
  return new Date(now.getTime() - REGISTRATION_LIMIT.windowMinutes * 60_000);
}
