// Expected failures carry a code the UI translates (messages "errors.codes.<code>" or the
// form's own namespace); anything else is unexpected, logged, and shown as the generic
// message.
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(code);
    this.name = "AppError";
  }
}
