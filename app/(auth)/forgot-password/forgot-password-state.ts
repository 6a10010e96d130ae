// What the reset-link request answers the form with: the same "sent" whether or not the
// account exists; only a throttled request differs (decided before any lookup).
export type TForgotPasswordState = { sent: true } | { sent: false; error: "rateLimited"; retryMinutes: number };
