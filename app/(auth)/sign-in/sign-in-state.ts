// What the sign-in action answers the form with.
export type TSignInError =
  | "loginRequired"
  | "loginTooLong"
  | "passwordRequired"
  | "invalid"
  | "locked"
  | "totpRequired"
  | "totpInvalid"
  | "rateLimited"
  | "unavailable";

export type TSignInState = {
  error?: TSignInError;
  field?: "login" | "password" | "totp";
  login?: string;
  askTotp?: boolean;
  // With "rateLimited": whole minutes until the next attempt is accepted; with "locked":
  // until the account unlocks.
  retryMinutes?: number;
};
