"use client";

import { useState, type ChangeEvent } from "react";

type TElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Controlled form fields: React resets a form's uncontrolled fields after its action
 * runs, which would wipe what the user typed whenever the server answers with an error.
 */
export function useFields(initial: Record<string, string> = {}) {
  const [values, setValues] = useState<Record<string, string>>(initial);
  const bind = (name: string) => ({
    name,
    value: values[name] ?? "",
    onChange: (e: ChangeEvent<TElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return { values, bind, set: (name: string, value: string) => setValues((v) => ({ ...v, [name]: value })) };
}
