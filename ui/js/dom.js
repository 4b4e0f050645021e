// Small DOM helpers. User text only ever goes in through textContent or attribute values.

export const $ = (id) => document.getElementById(id);

/** el("td", { class: "num" }, "12", child) — strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An SVG element (charts): svg("rect", { x: 0, width: 10 }), with optional text. */
export function svg(tag, attrs = {}, text) {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** "1975-03-15" → "15/03/1975"; "1975-03" → "03/1975"; "1975" stays. */
export const displayDate = (iso) => (iso || "").split("-").reverse().join("/");

/** Today as dd/mm/yyyy. */
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

// A new file name in `folder` for each file saved (never over an earlier one, even twice in the
// same second): "<folder>/<start> 20261203-093012.<ext>".
const suggested = new Set();
export function suggestPath(folder, start, ext) {
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const base = `${folder}${sep}${start} ${stamp}`;
  let name = `${base}.${ext}`;
  for (let n = 2; suggested.has(name); n++) name = `${base} (${n}).${ext}`;
  suggested.add(name);
  return name;
}

/** Options for a <select> from a { code: label } map, with an optional empty first choice. */
export function options(select, map, empty) {
  const opts = Object.entries(map).map(([v, t]) => el("option", { value: v }, t));
  if (empty !== undefined) opts.unshift(el("option", { value: "" }, empty));
  select.replaceChildren(...opts);
}

// Where a refusal is read: beside the control of the action that caused it (its submit button,
// the button clicked, the select changed), in a message element made there when first needed;
// the banner at the top only for what no action on screen caused (loading a screen, starting).
// A new error takes the place of the success notice of the action before.

let acting = null; // the control of the action in flight (see `once`)

const shown = (node) => node && node.isConnected && !node.closest("[hidden]") && node.getClientRects().length > 0;

/** The message element beside `anchor`: after it and the buttons next to it (Ghi, Hủy…). */
function messageBeside(anchor) {
  let last = anchor;
  while (last.nextElementSibling && last.nextElementSibling.tagName === "BUTTON") last = last.nextElementSibling;
  const next = last.nextElementSibling;
  if (next && next.classList.contains("action-error")) return next;
  const box = el("div", { class: "action-error", role: "alert" });
  if (anchor.tagName === "FORM") anchor.append(box);
  else last.insertAdjacentElement("afterend", box);
  return box;
}

// A refused value lists its fields; a record not found (its field named too) says its message.
const errorText = (err) => {
  const fields = err.code === "validation" ? (err.fields || []).map((f) => "• " + f.message) : [];
  return fields.length ? ["Dữ liệu chưa hợp lệ:", ...fields].join("\n") : (err.message || String(err));
};

/**
 * Shows an error (a core error { message, fields } lists its field messages) beside `near`, or
 * beside the control of the action in flight, or else in the banner; `showError(null)` clears
 * them all.
 */
export function showError(err, near) {
  const box = $("error");
  if (!err) {
    box.hidden = true; box.textContent = "";
    document.querySelectorAll(".action-error").forEach((n) => n.remove());
    return;
  }
  const notice = $("notice");
  if (notice) { notice.hidden = true; notice.textContent = ""; }
  const anchor = [near, acting].find(shown);
  if (anchor) {
    box.hidden = true; box.textContent = "";
    const msg = messageBeside(anchor);
    msg.textContent = errorText(err);
    msg.scrollIntoView({ block: "nearest" });
    return;
  }
  box.textContent = errorText(err);
  box.hidden = false;
}

/** A note under the matching input of a form (name = core field, "positions[0].start" → first match). */
export function showFieldErrors(form, err) {
  clearFieldErrors(form);
  for (const f of (err && err.fields) || []) {
    const input = form.querySelector(`[name="${CSS.escape(f.field)}"]`) || form.querySelector(`[data-field="${CSS.escape(f.field.split(/[[.]/)[0])}"]`);
    if (!input) continue;
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    const note = el("div", { class: "field-error", role: "alert" }, f.message);
    input.insertAdjacentElement("afterend", note);
  }
}

export function clearFieldErrors(form) {
  form.querySelectorAll(".field-error").forEach((n) => n.remove());
  form.querySelectorAll(".invalid").forEach((n) => { n.classList.remove("invalid"); n.removeAttribute("aria-invalid"); });
}

/**
 * Asks before something that cannot be taken back, in the window's own dialog.
 * `lines` are shown as a list (text only). With `input` ({ label, missing }), the typed text must
 * not be empty: the dialog stays open and says so under the field (`missing`, or that a reason
 * is needed) until it is typed or the clerk goes back; resolves the text, or null. Otherwise
 * resolves true/false.
 */
export function ask({ title, intro = "", lines = [], ok = "Đồng ý", cancel = "Quay lại", input = null }) {
  const dlg = $("ask");
  $("ask-title").textContent = title;
  const body = [];
  if (intro) body.push(el("p", {}, intro));
  if (lines.length) body.push(el("ul", { class: "ask-list" }, lines.map((l) => el("li", {}, l))));
  $("ask-body").replaceChildren(...body);
  $("ask-ok").textContent = ok;
  $("ask-cancel").textContent = cancel;
  const box = $("ask-input");
  const label = $("ask-input-label");
  label.hidden = !input;
  box.value = "";
  const clearMissing = () => {
    label.querySelectorAll(".field-error").forEach((n) => n.remove());
    box.classList.remove("invalid");
    box.removeAttribute("aria-invalid");
  };
  clearMissing();
  if (input) $("ask-input-text").textContent = input.label;
  const form = dlg.querySelector("form");
  return new Promise((resolve) => {
    // "OK" (or Enter) with the field empty: the dialog stays open and says what is missing.
    const check = (ev) => {
      if (!input || (ev.submitter && ev.submitter.value !== "ok") || box.value.trim()) return;
      ev.preventDefault();
      clearMissing();
      box.classList.add("invalid");
      box.setAttribute("aria-invalid", "true");
      box.insertAdjacentElement("afterend", el("div", { class: "field-error", role: "alert" },
        input.missing || `Chưa ghi lý do: hãy ghi lý do rồi bấm “${ok}”.`));
      box.focus();
    };
    const done = () => {
      dlg.removeEventListener("close", done);
      form.removeEventListener("submit", check);
      clearMissing();
      const yes = dlg.returnValue === "ok";
      if (input) resolve(yes && box.value.trim() ? box.value.trim() : null);
      else resolve(yes);
    };
    form.addEventListener("submit", check);
    dlg.addEventListener("close", done);
    dlg.returnValue = "";
    dlg.showModal();
    (input ? box : $("ask-cancel")).focus();
  });
}

// ---------------------------------------------------------------------------------------------
// One click, one record: every form and button that writes goes through `onSubmit`/`onClick`.
// While its request is in flight the form (or the button outside a form) is busy: a second
// Enter, a double click, or a click on another writing button of the same form is ignored, and
// its buttons show as waiting. Nothing here knows what the request does.

const busy = new WeakSet();
// A second Enter this soon after the first is the same intention, not a new one.
const REPEAT_MS = 800;

/** The button that submits a form (its first), or the form itself when it has none. */
const submitButton = (form) => form.querySelector("button[type=submit], button:not([type]), input[type=submit]")
  || (form.id && document.querySelector(`button[form="${CSS.escape(form.id)}"]`)) || form;

/** True while `owner` (a form or a button) has a request in flight. */
export const isBusy = (owner) => busy.has(owner);

function markBusy(owner, extra, on) {
  const buttons = owner.tagName === "FORM"
    ? [...owner.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]"), ...(owner.id ? document.querySelectorAll(`button[form="${CSS.escape(owner.id)}"]`) : [])]
    : owner.tagName === "BUTTON" ? [owner] : [];
  if (extra && !buttons.includes(extra)) buttons.push(extra);
  owner.toggleAttribute("aria-busy", on);
  if (on) owner.setAttribute("aria-busy", "true");
  for (const b of buttons) {
    b.classList.toggle("busy", on);
    if (on) b.setAttribute("aria-disabled", "true"); else b.removeAttribute("aria-disabled");
  }
}

/**
 * Runs `work()` unless `owner` is already busy; `owner` stays busy until the promise settles.
 * A failure the work did not handle goes to the error banner.
 */
export async function once(owner, work, clicked) {
  if (busy.has(owner)) return undefined;
  busy.add(owner);
  markBusy(owner, clicked, true);
  const control = clicked || (owner.tagName === "FORM" ? submitButton(owner) : owner);
  // A new action: the messages of the one before go (the banner's and those beside buttons).
  showError(null);
  acting = control;
  try {
    return await work();
  } catch (e) {
    showError(e, control);
    return undefined;
  } finally {
    if (acting === control) acting = null;
    busy.delete(owner);
    markBusy(owner, clicked, false);
  }
}

/**
 * The submit handler of a form: the browser's own checks (English bubbles) are off, the form's
 * constraints (required, min, max…) are checked with Vietnamese messages under the fields
 * (unless `check: false`, when the core names every field itself), then `handler(ev)` runs once
 * at a time.
 */
export function onSubmit(form, handler, { check = true } = {}) {
  form.noValidate = true;
  // Enter pressed twice (a clerk's habit): the second, within a moment of the first, submits
  // nothing — even when the first request was already done and the form ready again.
  let lastEnter = 0;
  form.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" || ev.target.tagName === "TEXTAREA") return;
    const now = Date.now();
    if (now - lastEnter < REPEAT_MS) ev.preventDefault();
    else lastEnter = now;
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (busy.has(form)) return;
    if (check && !checkFields(form, ev.submitter || submitButton(form))) return;
    once(form, () => handler(ev), ev.submitter);
  });
}

/**
 * The click handler of a button that writes: once at a time, together with its form's submit,
 * or with the other buttons of the section marked `data-once` around it (one request for all).
 */
export function onClick(button, handler) {
  button.addEventListener("click", (ev) => {
    ev.preventDefault();
    const owner = button.form || button.closest("[data-once]") || button;
    if (busy.has(owner)) return;
    once(owner, () => handler(ev), button);
  });
}

/** An input's label as the clerk reads it: the <label> text without its hint in brackets. */
export function fieldLabel(input) {
  const label = input.closest("label") || (input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`));
  let text = "";
  if (label) {
    const copy = label.cloneNode(true);
    copy.querySelectorAll("input, select, textarea, button, .field-error, .hint").forEach((n) => n.remove());
    text = copy.textContent;
  }
  text = (text || input.getAttribute("aria-label") || input.placeholder || "").replace(/\([^)]*\)/g, "").replace(/\s+/g, " ").trim();
  return text.replace(/[:：]$/, "") || "Ô này";
}

const num = (x) => String(x).replace(".", ",");

/**
 * A number as a clerk types it: a decimal comma or point ("18,5", "18.5"), spaces ignored;
 * null when empty, NaN when it is not a number.
 */
export function readNumber(text) {
  const t = String(text ?? "").replace(/\s+/g, "");
  if (!t) return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return NaN;
  return Number(t.replace(",", "."));
}

/** A text input marked `data-number` (with data-min, data-max, data-step): what is wrong with it. */
function numberProblem(input, label) {
  const x = readNumber(input.value);
  if (x === null) return input.required ? `${label}: bắt buộc phải nhập.` : "";
  if (Number.isNaN(x)) return `${label}: “${input.value.trim()}” không phải số.`;
  const min = input.dataset.min, max = input.dataset.max, step = Number(input.dataset.step || 0);
  if ((min !== undefined && x < Number(min)) || (max !== undefined && x > Number(max))) {
    if (min !== undefined && max !== undefined) return `${label}: phải từ ${num(min)} đến ${num(max)}.`;
    return min !== undefined ? `${label}: không được nhỏ hơn ${num(min)}.` : `${label}: không được lớn hơn ${num(max)}.`;
  }
  if (step && Math.abs(x / step - Math.round(x / step)) > 1e-9) {
    return step === 1 ? `${label}: phải là số nguyên.` : `${label}: phải là bội của ${num(step)}.`;
  }
  return "";
}

/** What is wrong with one input, in Vietnamese (the browser's own words are English). */
function problem(input) {
  if (input.disabled || input.closest("[hidden]")) return "";
  if (input.dataset.number !== undefined) return numberProblem(input, fieldLabel(input));
  const v = input.validity;
  if (!v || v.valid) return "";
  const label = fieldLabel(input);
  if (v.valueMissing) return `${label}: bắt buộc phải nhập.`;
  if (v.badInput) return `${label}: phải là một số.`;
  const min = input.getAttribute("min"), max = input.getAttribute("max");
  if (v.rangeUnderflow || v.rangeOverflow) {
    if (min !== null && max !== null) return `${label}: phải từ ${num(min)} đến ${num(max)}.`;
    return v.rangeUnderflow ? `${label}: không được nhỏ hơn ${num(min)}.` : `${label}: không được lớn hơn ${num(max)}.`;
  }
  if (v.stepMismatch) {
    const step = input.getAttribute("step");
    return !step || Number(step) === 1 ? `${label}: phải là số nguyên.` : `${label}: phải là bội của ${num(step)}.`;
  }
  if (v.tooShort) return `${label}: cần ít nhất ${input.minLength} ký tự.`;
  if (v.tooLong) return `${label}: nhiều nhất ${input.maxLength} ký tự.`;
  return `${label}: chưa đúng dạng.`;
}

/**
 * Checks a form's constraints; each problem goes under its input, and the list beside `near`
 * (the button that submitted). True when all is well.
 */
export function checkFields(form, near) {
  clearFieldErrors(form);
  const fields = [];
  for (const input of form.querySelectorAll("input, select, textarea")) {
    if (input.type === "hidden" || input.type === "submit" || input.type === "button") continue;
    const message = problem(input);
    if (message) fields.push({ input, message });
  }
  if (!fields.length) return true;
  for (const { input, message } of fields) {
    input.classList.add("invalid");
    input.setAttribute("aria-invalid", "true");
    input.insertAdjacentElement("afterend", el("div", { class: "field-error", role: "alert" }, message));
  }
  showError({ message: "", fields: fields.map((f) => ({ field: f.input.name, message: f.message })) }, near || submitButton(form));
  fields[0].input.focus();
  return false;
}
