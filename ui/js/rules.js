// Settings of the rules: the rule-set parameters of the chosen term (saved as a new version),
// the ward's targets, and the position catalogue.
import * as backend from "./backend.js";
import { $, el, showError, options } from "./dom.js";
import * as codes from "./codes.js";

let ctx;
let current = null; // the rule set shown

let positionNames = {};

// The parameters as the core describes them: label, editor, and the code list a choice draws on.
const param = (key) => codes.list("rule_params").find((p) => p.code === key) || { code: key, label: key, editor: "json", list: null };
const labelOf = (key) => param(key).label;

/** A <select> of `map` with an empty choice, set to `value`. */
function choice(name, map, value, empty, kind) {
  const sel = el("select", { name, dataset: { kind } });
  options(sel, map, empty);
  sel.value = value ?? "";
  return sel;
}

/** The editor the core names for a parameter, with its Vietnamese label. */
function specialInput(key, value) {
  const { label, editor, list } = param(key);
  if (editor === "choice") return el("label", {}, label, choice(key, codes.map(list), value, undefined, "string"));
  if (editor === "numbers") {
    return el("label", {}, label, el("input", { name: key, value: value.join(", "), dataset: { kind: "numbers" } }));
  }
  if (editor === "lines") {
    const t = el("textarea", { name: key, rows: 3, dataset: { kind: "lines" } });
    t.value = value.join("\n");
    return el("label", {}, label, t);
  }
  if (editor === "per_code") {
    return el("fieldset", { class: "per-code young", dataset: { param: key } }, el("legend", {}, label),
      codes.list(list).map((c) => el("label", {}, c.label,
        el("input", { type: "number", value: value[c.code] ?? "", dataset: { code: c.code }, "aria-label": `${label}: ${c.label}` }))));
  }
  if (editor === "post_standards") {
    const rows = Object.entries(value).map(([code, st]) => standardRow(code, st));
    const body = el("tbody", {}, rows);
    const codeSel = el("select", { "aria-label": "Chức danh" });
    options(codeSel, positionNames);
    return el("fieldset", { class: "post-standards", dataset: { param: key } }, el("legend", {}, label),
      el("table", { class: "list compact" },
        el("thead", {}, el("tr", {}, ["Chức danh", "Chuyên môn tối thiểu", "LLCT tối thiểu", "QLNN tối thiểu", ""].map((h) => el("th", {}, h)))),
        body),
      el("div", { class: "inline-form" }, codeSel,
        el("button", { type: "button", class: "secondary small", onclick: () => {
          if (!body.querySelector(`tr[data-code="${CSS.escape(codeSel.value)}"]`)) body.append(standardRow(codeSel.value, {}));
        } }, "Thêm tiêu chuẩn cho chức danh")));
  }
  return null;
}

function standardRow(code, st) {
  return el("tr", { dataset: { code } },
    el("td", {}, positionNames[code] ? `${positionNames[code]} (${code})` : code),
    el("td", {}, choice("professional", codes.map("professional_levels"), st.professional, "— không đòi hỏi —", "std")),
    el("td", {}, choice("political_theory", codes.map("political_theory_levels"), st.political_theory, "— không đòi hỏi —", "std")),
    el("td", {}, choice("state_management", codes.map("state_management_levels"), st.state_management, "— không đòi hỏi —", "std")),
    el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => e.target.closest("tr").remove() }, "Bỏ")));
}

function paramInput(key, value) {
  const label = labelOf(key);
  const special = specialInput(key, value);
  if (special) return special;
  let input;
  if (typeof value === "boolean") {
    input = el("input", { type: "checkbox", name: key, checked: value, dataset: { kind: "bool" } });
    return el("label", { class: "check" }, input, label);
  }
  if (typeof value === "number") {
    input = el("input", { type: "number", step: "any", name: key, value, dataset: { kind: "number" } });
  } else if (value === null || typeof value === "string") {
    input = el("input", { name: key, value: value ?? "", dataset: { kind: value === null ? "nullable" : "string" } });
  } else {
    input = el("textarea", { name: key, rows: 2, dataset: { kind: "json" } });
    input.value = JSON.stringify(value);
  }
  return el("label", {}, label, input);
}

function collect() {
  const out = {};
  const box = $("rules-params");
  // A number for each code of a list (young age per level, reference month per kind of term).
  for (const fs of box.querySelectorAll("fieldset.per-code")) {
    const k = fs.dataset.param;
    out[k] = {};
    for (const i of fs.querySelectorAll("input")) {
      if (i.value.trim() === "") continue;
      const n = Number(i.value);
      if (!Number.isInteger(n)) throw { message: `Quy định: “${labelOf(k)}”: mỗi ô phải là một số nguyên.` };
      out[k][i.dataset.code] = n;
    }
  }
  // The minimum levels of each post.
  for (const fs of box.querySelectorAll("fieldset.post-standards")) {
    const k = fs.dataset.param;
    out[k] = {};
    for (const tr of fs.querySelectorAll("tbody tr")) {
      const st = {};
      for (const sel of tr.querySelectorAll("select")) st[sel.name] = sel.value || null;
      out[k][tr.dataset.code] = st;
    }
  }
  for (const input of box.querySelectorAll("[name]")) {
    const k = input.name, kind = input.dataset.kind;
    if (kind === "std") continue;
    if (kind === "numbers") {
      const parts = input.value.split(/[,;\s]+/).filter(Boolean).map(Number);
      if (parts.some((n) => !Number.isInteger(n))) throw { message: `Quy định: “${labelOf(k)}” phải là các số tuổi, cách nhau bằng dấu phẩy.` };
      out[k] = parts;
    } else if (kind === "lines") out[k] = input.value.split("\n").map((x) => x.trim()).filter(Boolean);
    else if (kind === "bool") out[k] = input.checked;
    else if (kind === "number") out[k] = Number(input.value);
    else if (kind === "nullable") out[k] = input.value.trim() === "" ? null : (isNaN(Number(input.value)) ? input.value : Number(input.value));
    else if (kind === "string") out[k] = input.value;
    else {
      try { out[k] = JSON.parse(input.value); } catch {
        throw { message: `Quy định: “${labelOf(k)}” chưa đúng cách ghi (xem lại dấu ngoặc, dấu phẩy).` };
      }
    }
  }
  return out;
}

function showTargets(list) {
  $("targets-list").replaceChildren(...list.map((t) =>
    el("tr", {},
      el("td", {}, codes.has("target_bodies", t.body) ? codes.label("target_bodies", t.body) : positionNames[t.body] || t.body),
      el("td", {}, codes.label("indicators", t.indicator)),
      el("td", {}, codes.has("count_indicators", t.indicator) ? `${t.strict ? ">" : "≥"} ${t.threshold}` : `${t.strict ? ">" : "≥"} ${Math.round(t.threshold * 1000) / 10}%`),
      el("td", {}, t.year),
      el("td", {}, t.source),
      el("td", {}, el("button", { type: "button", class: "secondary small", onclick: () => remove(t.id) }, "Xóa")))));
}

async function remove(id) {
  try { showTargets(await backend.removeTarget(id)); } catch (e) { showError(e); }
}

function showPositions(list) {
  $("positions-list").replaceChildren(...list.map((p) => {
    const name = el("input", { value: p.name, "aria-label": "Tên chức danh" });
    const rank = el("input", { type: "number", value: p.rank, class: "tiny", "aria-label": "Thứ bậc" });
    const seats = el("input", { type: "number", min: 1, max: 20, value: p.seats || 1, class: "tiny", "aria-label": "Số người đảm nhiệm", title: "Quy hoạch tối đa 3 người cho mỗi người đảm nhiệm chức danh (Hướng dẫn 45-HD/BTCTW)" });
    const key = el("input", { type: "checkbox", checked: p.key, "aria-label": "Chủ chốt" });
    const active = el("input", { type: "checkbox", checked: p.active, "aria-label": "Đang dùng" });
    const managing = el("input", { value: p.managing_body || "", name: "managing_body", "aria-label": "Cơ quan quản lý" });
    const approving = el("input", { value: p.approving_body || "", name: "approving_body", "aria-label": "Cấp phê duyệt quy hoạch" });
    const save = async () => {
      try {
        showPositions(await backend.savePosition({ ...p, name: name.value, rank: Number(rank.value), seats: Number(seats.value), key: key.checked, active: active.checked, managing_body: managing.value, approving_body: approving.value }));
        ctx.notice(`Đã lưu chức danh ${name.value}.`);
      } catch (e) { showError(e); }
    };
    return el("tr", {}, el("td", {}, p.code), el("td", {}, name), el("td", {}, rank), el("td", {}, seats), el("td", {}, key), el("td", {}, active),
      el("td", {}, managing), el("td", {}, approving),
      el("td", {}, el("button", { type: "button", class: "secondary small", onclick: save }, "Lưu")));
  }));
}

export async function refresh() {
  const term = localStorage.getItem("quyhoach.term");
  positionNames = Object.fromEntries((await backend.positions()).map((p) => [p.code, p.name]));
  $("form-rules").hidden = !term;
  if (term) {
    current = await backend.rulesForTerm(term);
    $("rules-name").textContent = `— ${current.name} (nhiệm kỳ ${term})`;
    $("rules-params").replaceChildren(...Object.entries(current.params).map(([k, v]) => paramInput(k, v)));
  }
  showTargets(await backend.targets());
  showPositions(await backend.positions());
}

export function init(c) {
  ctx = c;
  const ft = $("form-target");
  options(ft.body, codes.map("target_bodies"));
  options(ft.indicator, codes.map("indicators"));
  $("form-rules").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      current = await backend.saveRuleParams(localStorage.getItem("quyhoach.term"), collect());
      $("rules-name").textContent = `— ${current.name}`;
      ctx.notice(`Đã lưu quy định mới: ${current.name}. Màn hình Kiểm tra dùng ngay quy định này.`);
    } catch (e) { showError(e); }
  });
  $("form-target").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const raw = f.threshold.value.trim().replace(",", ".");
    const isCount = codes.has("count_indicators", f.indicator.value);
    const threshold = raw.endsWith("%") ? Number(raw.slice(0, -1)) / 100 : Number(raw);
    try {
      showTargets(await backend.addTarget({
        body: f.body.value, indicator: f.indicator.value,
        threshold: isCount || raw.endsWith("%") || threshold <= 1 ? threshold : threshold / 100,
        strict: false, year: Number(f.year.value), source: f.source.value,
      }));
      f.threshold.value = "";
    } catch (e) { showError(e); }
  });
}
