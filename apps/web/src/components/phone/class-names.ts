/** Joins the class names that apply (a falsy entry is left out). */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
