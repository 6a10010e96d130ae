// Phase dates are @db.Date (UTC midnight of the day): shown as the plain day, "2026-04-01".
export const day = (d: Date): string => d.toISOString().slice(0, 10);
