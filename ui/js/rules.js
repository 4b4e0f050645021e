// Settings of the rules: the rule-set parameters of the chosen term (saved as a new version),
// the ward's targets, and the position catalogue.
import * as backend from "./backend.js";
import {
  $, el, showError, showFieldErrors, clearFieldErrors, options, onSubmit, once,
} from "./dom.js";
import * as codes from "./codes.js";

let ctx;
let positionNames = {};

/** A <select> of `map` with an empty choice, set to `value`. */
function choice(name, map, value, empty, kind) {
  const sel = el("select", { name, dataset: { kind } });
  options(sel, map, empty);
  sel.value = value ?? "";
  return sel;
}

function standardRow(code, st) {
  return el("tr", { dataset: { code } },
    el("td", {}, positionNames[code] ? `${positionNames[code]} (${code})` : code),
    el("td", {}, choice("professional", codes.map("professional_levels"), st.professional, "— không đòi hỏi —", "std")),
    el("td", {}, choice("political_theory", codes.map("political_theory_levels"), st.political_theory, "— không đòi hỏi —", "std")),
    el("td", {}, choice("state_management", codes.map("state_management_levels"), st.state_management, "— không đòi hỏi —", "std")),
    el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => e.target.closest("tr").remove() }, "Bỏ")));
}

function standardsEditor(p) {
  const body = el("tbody", {}, Object.entries(p.value || {}).map(([code, st]) => standardRow(code, st)));
  const codeSel = el("select", { "aria-label": "Chức danh" });
  options(codeSel, positionNames);
  return el("fieldset", { class: "post-standards", dataset: { param: p.key, field: p.key } }, el("legend", {}, p.label),
    el("table", { class: "list compact" },
      el("thead", {}, el("tr", {}, ["Chức danh", "Chuyên môn tối thiểu", "LLCT tối thiểu", "QLNN tối thiểu", ""].map((h) => el("th", {}, h)))),
      body),
    el("div", { class: "inline-form" }, codeSel,
      el("button", { type: "button", class: "secondary small", onclick: () => {
        if (!body.querySelector(`tr[data-code="${CSS.escape(codeSel.value)}"]`)) body.append(standardRow(codeSel.value, {}));
      } }, "Thêm tiêu chuẩn cho chức danh")));
}

/**
 * A parameter edited as a table (the retirement ages): a group per row the core names, with a
 * labelled input per column, each holding the cell as the clerk reads it ("60 tuổi 3 tháng").
 */
function tableEditor(p, label) {
  const { columns, rows } = p.table;
  return el("fieldset", { class: "param-table", dataset: { param: p.key, field: p.key, kind: "table" } }, el("legend", {}, label),
    rows.map((row) => el("fieldset", { class: "param-row", dataset: { row: row.code } }, el("legend", {}, row.label),
      el("div", { class: "param-cells" }, columns.map((col, i) => el("label", {},
        col.hint ? `${col.label} (${col.hint})` : col.label,
        el("input", { value: row.cells[i] ?? "", dataset: { column: col.code }, "aria-label": `${p.label}, ${row.label}: ${col.label}` })))))));
}

/**
 * One parameter's editor, from the core's description: its label, how it is typed, and its
 * value written as a clerk reads it ("25%", "1,5"). Numbers are typed as text: the core reads
 * "0,25", "25%" and "25" alike and names what it refuses under the input.
 */
function paramInput(p) {
  const label = p.hint && p.kind !== "bool" ? `${p.label} (${p.hint})` : p.label;
  switch (p.kind) {
    case "bool":
      return el("label", { class: "check" }, el("input", { type: "checkbox", name: p.key, checked: p.value === true, dataset: { kind: "bool" } }), label);
    case "choice":
      return el("label", {}, label, choice(p.key, Object.fromEntries(p.choices), p.text, undefined, "choice"));
    case "lines": {
      const t = el("textarea", { name: p.key, rows: 3, dataset: { kind: "lines" } });
      t.value = (p.value || []).join("\n");
      return el("label", {}, label, t);
    }
    case "whole_map":
      return el("fieldset", { class: "young", dataset: { param: p.key, field: p.key, kind: "whole_map" } }, el("legend", {}, label),
        p.choices.map(([code, name]) => el("label", {}, name,
          el("input", { inputmode: "numeric", value: (p.value || {})[code] ?? "", dataset: { choice: code }, "aria-label": `${p.label}: ${name}` }))));
    case "post_standards":
      return standardsEditor(p);
    case "age_schedules":
      return tableEditor(p, label);
    default: // whole, optional_whole, decimal, share, wholes: the text as typed
      return el("label", {}, label, el("input", { name: p.key, value: p.text, inputmode: p.kind === "wholes" ? "text" : "decimal", dataset: { kind: "text" } }));
  }
}

/** The parameters as typed: numbers stay text for the core to read. */
function collect() {
  const out = {};
  const box = $("rules-params");
  for (const fs of box.querySelectorAll("fieldset[data-kind=whole_map]")) {
    out[fs.dataset.param] = Object.fromEntries([...fs.querySelectorAll("input")].map((i) => [i.dataset.choice, i.value]));
  }
  for (const fs of box.querySelectorAll("fieldset[data-kind=table]")) {
    out[fs.dataset.param] = Object.fromEntries([...fs.querySelectorAll("fieldset[data-row]")].map((r) =>
      [r.dataset.row, Object.fromEntries([...r.querySelectorAll("input")].map((i) => [i.dataset.column, i.value]))]));
  }
  for (const fs of box.querySelectorAll("fieldset.post-standards")) {
    const all = (out[fs.dataset.param] = {});
    for (const tr of fs.querySelectorAll("tbody tr")) {
      const st = {};
      for (const sel of tr.querySelectorAll("select")) st[sel.name] = sel.value || null;
      all[tr.dataset.code] = st;
    }
  }
  for (const input of box.querySelectorAll("[name]")) {
    const k = input.name, kind = input.dataset.kind;
    if (kind === "std") continue;
    if (kind === "lines") out[k] = input.value.split("\n").map((x) => x.trim()).filter(Boolean);
    else if (kind === "bool") out[k] = input.checked;
    else out[k] = input.value;
  }
  return out;
}

async function drawParams(term) {
  const form = await backend.call("rules_form", { term });
  $("rules-name").textContent = `— ${form.name} (nhiệm kỳ ${term})`;
  $("rules-params").replaceChildren(...form.fields.map(paramInput));
}

function showTargets(list) {
  $("targets-list").replaceChildren(...list.map((t) =>
    el("tr", {},
      el("td", {}, codes.has("target_bodies", t.body) ? codes.label("target_bodies", t.body) : positionNames[t.body] || t.body),
      el("td", {}, codes.label("indicators", t.indicator)),
      el("td", {}, codes.has("count_indicators", t.indicator) ? `${t.strict ? ">" : "≥"} ${t.threshold}` : `${t.strict ? ">" : "≥"} ${Math.round(t.threshold * 1000) / 10}%`),
      el("td", {}, t.year),
      el("td", {}, t.source),
      el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => once(e.currentTarget, () => remove(t.id)) }, "Xóa")))));
}

async function remove(id) {
  try { showTargets(await backend.call("remove_target", { id })); } catch (e) { showError(e); }
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
        showPositions(await backend.call("save_position", { position: { ...p, name: name.value, rank: Number(rank.value), seats: Number(seats.value), key: key.checked, active: active.checked, managing_body: managing.value, approving_body: approving.value } }));
        ctx.notice(`Đã lưu chức danh ${name.value}.`);
      } catch (e) { showError(e); }
    };
    return el("tr", {}, el("td", {}, p.code), el("td", {}, name), el("td", {}, rank), el("td", {}, seats), el("td", {}, key), el("td", {}, active),
      el("td", {}, managing), el("td", {}, approving),
      el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => once(e.currentTarget, save) }, "Lưu")));
  }));
}

export async function refresh() {
  const term = localStorage.getItem("quyhoach.term");
  positionNames = Object.fromEntries((await backend.call("positions")).map((p) => [p.code, p.name]));
  $("form-rules").hidden = !term;
  clearFieldErrors($("form-rules"));
  if (term) await drawParams(term);
  showTargets(await backend.call("targets"));
  showPositions(await backend.call("positions"));
}

export function init(c) {
  ctx = c;
  const ft = $("form-target");
  options(ft.body, codes.map("target_bodies"));
  options(ft.indicator, codes.map("indicators"));
  const fr = $("form-rules");
  onSubmit(fr, async () => {
    const term = localStorage.getItem("quyhoach.term");
    try {
      const saved = await backend.call("save_rule_params", { term, params: collect() });
      await drawParams(term);
      clearFieldErrors(fr);
      ctx.notice(`Đã lưu quy định mới: ${saved.name}. Màn hình Kiểm tra dùng ngay quy định này.`);
    } catch (e) {
      showError(e);
      showFieldErrors(fr, e);
    }
  });
  onSubmit($("form-target"), async (ev) => {
    const f = ev.target;
    const raw = f.threshold.value.trim().replace(",", ".");
    const isCount = codes.has("count_indicators", f.indicator.value);
    const threshold = raw.endsWith("%") ? Number(raw.slice(0, -1)) / 100 : Number(raw);
    try {
      showTargets(await backend.call("add_target", { target: {
        body: f.body.value, indicator: f.indicator.value,
        threshold: isCount || raw.endsWith("%") || threshold <= 1 ? threshold : threshold / 100,
        strict: false, year: Number(f.year.value), source: f.source.value,
      } }));
      f.threshold.value = "";
    } catch (e) { showError(e); }
  });
}
