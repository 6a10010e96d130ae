"use client";

import { useState, type ChangeEvent } from "react";
import type { TFieldCount } from "./field-ids";

type TTextElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * The count a text field shows against its limit. The limit is never handed to the
 * browser as maxlength: that cuts a paste at the limit without a word, and the user sends
 * a text they never saw whole. Instead the count turns red past the limit and the server
 * refuses the text ("tooLong"). Counted in UTF-16 units, as zod's .max() counts.
 */
export function useCharacterCount<E extends TTextElement>(
  max: number | undefined,
  props: { value?: unknown; defaultValue?: unknown; onChange?: (event: ChangeEvent<E>) => void },
): { count: TFieldCount | undefined; onChange: (event: ChangeEvent<E>) => void } {
  const [typed, setTyped] = useState(() => String(props.defaultValue ?? "").length);
  const length = props.value !== undefined && props.value !== null ? String(props.value).length : typed;
  return {
    count: max !== undefined && max > 0 ? { length, max } : undefined,
    onChange: (event) => {
      setTyped(event.currentTarget.value.length);
      props.onChange?.(event);
    },
  };
}
