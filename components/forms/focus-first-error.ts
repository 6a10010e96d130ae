"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * After a refused submission, take the user to what needs changing: focus the form's
 * first field in error (aria-invalid), or its alert when no field is to blame, and scroll
 * it to the middle of the screen. On a phone the messages are otherwise far above the
 * button, and the button seems to do nothing. Runs once per answer from the server.
 * Attach the returned ref to the <form> (or to the element around it that also holds its
 * alert).
 */
export function useFocusFirstError(state: { ok: boolean } | null | undefined): (element: HTMLElement | null) => void {
  const formRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form || !state || state.ok) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.querySelector<HTMLElement>("[data-form-alert]") ??
      form.querySelector<HTMLElement>('[role="alert"]') ??
      nearbyAlert(form);
    if (!target) return;
    if (!target.matches("input, select, textarea, button, a[href], [tabindex]")) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }, [state]);
  return useCallback((element: HTMLElement | null) => {
    formRef.current = element;
  }, []);
}

// A one-button form's outcome is often drawn beside the form, not in it: the nearest
// FormAlert in the form's surroundings (a few levels up, no further).
function nearbyAlert(form: HTMLElement): HTMLElement | null {
  let around = form.parentElement;
  for (let level = 0; around && level < 3; level++, around = around.parentElement) {
    const alert = around.querySelector<HTMLElement>("[data-form-alert]");
    if (alert) return alert;
  }
  return null;
}
