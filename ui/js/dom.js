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

/** "1975-03-15" → "15/03/1975"; "1975-03" → "03/1975"; "1975" stays. */
export const displayDate = (iso) => (iso || "").split("-").reverse().join("/");

/** Today as dd/mm/yyyy. */
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Options for a <select> from a { code: label } map, with an optional empty first choice. */
export function options(select, map, empty) {
  const opts = Object.entries(map).map(([v, t]) => el("option", { value: v }, t));
  if (empty !== undefined) opts.unshift(el("option", { value: "" }, empty));
  select.replaceChildren(...opts);
}

/** The error banner; a core error { message, fields } lists its field messages. */
export function showError(err) {
  const box = $("error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  const fields = (err.fields || []).map((f) => "• " + f.message);
  box.textContent = fields.length ? ["Dữ liệu chưa hợp lệ:", ...fields].join("\n") : (err.message || String(err));
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
 * `lines` are shown as a list (text only). With `input` ({ label }), the typed text must not be
 * empty and is returned; otherwise resolves true/false.
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
  $("ask-input-label").hidden = !input;
  box.value = "";
  if (input) $("ask-input-text").textContent = input.label;
  return new Promise((resolve) => {
    const done = () => {
      dlg.removeEventListener("close", done);
      const yes = dlg.returnValue === "ok";
      if (input) resolve(yes && box.value.trim() ? box.value.trim() : null);
      else resolve(yes);
    };
    dlg.addEventListener("close", done);
    dlg.returnValue = "";
    dlg.showModal();
    (input ? box : $("ask-cancel")).focus();
  });
}
