// Dashboard numbers in words: a percent with two decimals or "—" when there is no data.
export const percentText = (value: number | null, none: string) => (value === null ? none : `${value.toFixed(2)}%`);
