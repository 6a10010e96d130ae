// Personal data that can hide in free text a program did not write itself (an error's
// message, a driver's complaint about a value): e-mail addresses, mainland mobile numbers
// and resident ID numbers are masked before such text is logged or stored for display.
import { maskIdNumber, maskMobile } from "./mask";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// Digits not glued to other digits, so a 13-digit id or a timestamp is left alone.
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;

function maskEmail(address: string): string {
  const at = address.indexOf("@");
  return `${address.slice(0, 1)}***@${address.slice(at + 1)}`;
}

/** `text` with every e-mail address, ID number and mobile number in it masked. */
export function maskFreeText(text: string): string {
  return text
    .replace(EMAIL, maskEmail)
    .replace(ID_NUMBER, (id) => maskIdNumber(id))
    .replace(MOBILE, (mobile) => maskMobile(mobile));
}
