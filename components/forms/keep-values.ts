import { startTransition, type FormEvent } from "react";

/**
 * React resets a form after its `action` runs — even after a refused submission, and it
 * empties <select>s even when they are controlled — so what the user chose is lost and
 * the next submission goes out incomplete. Submitting through this handler instead
 * (no reset) keeps every value; the `action` prop stays for browsers without JavaScript.
 */
export function keepValuesOnSubmit(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => action(data));
  };
}
