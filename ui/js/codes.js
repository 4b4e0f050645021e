// The closed lists of the core (steps, reasons, levels, ratings, indicators, verdicts, rule
// parameters…), each [{ code, label }], loaded once at start. The window holds no copy of a
// code or a label: it asks here.
import * as backend from "./backend.js";

let lists = null;

/** Loads the lists from the core (once; later calls reuse them). */
export async function load() {
  if (!lists) lists = await backend.call("code_lists");
  return lists;
}

/** The list `name` as [{ code, label }]. */
export function list(name) {
  if (!lists || !lists[name]) throw { message: "Chưa tải được danh mục của chương trình." };
  return lists[name];
}

/** The list `name` as { code: label }, for a <select>. */
export const map = (name) => Object.fromEntries(list(name).map((c) => [c.code, c.label]));

/** The label of `code` in the list `name` (the code itself when unknown, "" when empty). */
export function label(name, code) {
  if (code === null || code === undefined || code === "") return "";
  const c = list(name).find((x) => x.code === code);
  return c ? c.label : String(code);
}

/** Whether `code` is in the list `name`. */
export const has = (name, code) => list(name).some((x) => x.code === code);
