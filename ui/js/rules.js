// Settings of the rules: the rule-set parameters of the chosen term (saved as a new version),
// the ward's targets, and the position catalogue.
import * as backend from "./backend.js";
import { $, el, showError, options, PROFESSIONAL, THEORY, STATE_MGMT } from "./dom.js";

let ctx;
let current = null; // the rule set shown

const LABELS = {
  max_people_per_position: "Số người tối đa cho một chức danh",
  max_positions_per_person: "Số chức danh tối đa cho một người",
  only_higher: "Chỉ quy hoạch chức danh cao hơn chức vụ hiện giữ",
  min_months_left_first: "Số tháng công tác còn lại tối thiểu (lần đầu)",
  min_months_left_renominated: "Số tháng công tác còn lại tối thiểu (tái cử)",
  months_left_inclusive: "Tính cả tháng mốc khi đếm số tháng",
  max_age_first_time: "Tuổi tối đa khi quy hoạch lần đầu (trống: không giới hạn)",
  rating_years: "Số năm xếp loại được xét",
  min_rating: "Mức xếp loại tối thiểu (HTXS, HTT, HT)",
  excluding_discipline: "Hình thức kỷ luật loại khỏi quy hoạch (mỗi dòng một hình thức)",
  discipline_effect_months: "Thời hạn kỷ luật khi không ghi ngày hết (tháng)",
  young_under: "Cán bộ trẻ: dưới bao nhiêu tuổi, theo cấp",
  level: "Cấp của đơn vị",
  age_bands: "Các mốc nhóm tuổi (cách nhau bằng dấu phẩy)",
  three_age_groups: "Mốc của 3 độ tuổi (cách nhau bằng dấu phẩy)",
  bch_size: "Số ủy viên Ban Chấp hành",
  bch_plan_coefficient: "Hệ số quy hoạch Ban Chấp hành (tối đa)",
  btv_size: "Số ủy viên Ban Thường vụ",
  btv_plan_coefficient: "Hệ số quy hoạch Ban Thường vụ (tối đa)",
  ubkt_size: "Số ủy viên Ủy ban Kiểm tra",
  ubkt_plan_coefficient: "Hệ số quy hoạch Ủy ban Kiểm tra (tối đa)",
  committee_plan_min_coefficient: "Hệ số quy hoạch cấp ủy tối thiểu",
  reference_months: "Tháng mốc tính tuổi mặc định theo loại nhiệm kỳ",
  review_month: "Rà soát hằng năm xong trước hết tháng",
  review_report_month: "Báo cáo kết quả rà soát trước hết tháng",
  rotation_after_years: "Số năm giữ một chức vụ thì xem xét luân chuyển",
  secretary_not_local: "Bí thư không là người địa phương",
  min_women_share: "Tỷ lệ nữ tối thiểu (0–1)",
  min_young_share: "Tỷ lệ cán bộ trẻ tối thiểu (0–1)",
  vote_pass_share: "Tỷ lệ phiếu phải vượt (0–1)",
  vote_base: "Căn cứ tính phiếu",
  standards: "Tiêu chuẩn trình độ của từng chức danh",
  retirement: "Tuổi nghỉ hưu theo NĐ 135 (nâng cao, JSON)",
};

const LEVELS = { xa: "Cấp xã, phường", tinh: "Cấp tỉnh", trung_uong: "Trung ương" };
const RATINGS = { HTXS: "Hoàn thành xuất sắc", HTT: "Hoàn thành tốt", HT: "Hoàn thành" };
const VOTE_BASE = { trieu_tap: "Tổng số người được triệu tập", hop_le: "Tổng số phiếu hợp lệ" };
let positionNames = {};

/** A <select> of `map` with an empty choice, set to `value`. */
function choice(name, map, value, empty, kind) {
  const sel = el("select", { name, dataset: { kind } });
  options(sel, map, empty);
  sel.value = value ?? "";
  return sel;
}

/** Editors with Vietnamese labels for the parameters a clerk should never type as JSON. */
function specialInput(key, value) {
  const label = LABELS[key] || key;
  if (key === "level") return el("label", {}, label, choice(key, LEVELS, value, undefined, "string"));
  if (key === "min_rating") return el("label", {}, label, choice(key, RATINGS, value, undefined, "string"));
  if (key === "vote_base") return el("label", {}, label, choice(key, VOTE_BASE, value, undefined, "string"));
  if (key === "age_bands" || key === "three_age_groups") {
    return el("label", {}, label, el("input", { name: key, value: value.join(", "), dataset: { kind: "numbers" } }));
  }
  if (key === "excluding_discipline") {
    const t = el("textarea", { name: key, rows: 3, dataset: { kind: "lines" } });
    t.value = value.join("\n");
    return el("label", {}, label, t);
  }
  if (key === "young_under") {
    return el("fieldset", { class: "young", dataset: { param: key } }, el("legend", {}, label),
      Object.entries(LEVELS).map(([lv, name]) => el("label", {}, name,
        el("input", { type: "number", min: 18, max: 70, value: value[lv] ?? "", dataset: { level: lv }, "aria-label": `${label}: ${name}` }))));
  }
  if (key === "standards") {
    const rows = Object.entries(value).map(([code, st]) => standardRow(code, st));
    const body = el("tbody", {}, rows);
    const codeSel = el("select", { "aria-label": "Chức danh" });
    options(codeSel, positionNames);
    return el("fieldset", { class: "standards", dataset: { param: key } }, el("legend", {}, label),
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
    el("td", {}, choice("professional", PROFESSIONAL, st.professional, "— không đòi hỏi —", "std")),
    el("td", {}, choice("political_theory", THEORY, st.political_theory, "— không đòi hỏi —", "std")),
    el("td", {}, choice("state_management", STATE_MGMT, st.state_management, "— không đòi hỏi —", "std")),
    el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => e.target.closest("tr").remove() }, "Bỏ")));
}

function paramInput(key, value) {
  const label = LABELS[key] || key;
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
  const young = box.querySelector("[data-param=young_under]");
  if (young) {
    out.young_under = {};
    for (const i of young.querySelectorAll("input")) {
      if (i.value.trim() === "") continue;
      const n = Number(i.value);
      if (!Number.isInteger(n)) throw { message: `Quy định: “${LABELS.young_under}” phải là số tuổi nguyên.` };
      out.young_under[i.dataset.level] = n;
    }
  }
  const std = box.querySelector("[data-param=standards]");
  if (std) {
    out.standards = {};
    for (const tr of std.querySelectorAll("tbody tr")) {
      const st = {};
      for (const sel of tr.querySelectorAll("select")) st[sel.name] = sel.value || null;
      out.standards[tr.dataset.code] = st;
    }
  }
  for (const input of box.querySelectorAll("[name]")) {
    const k = input.name, kind = input.dataset.kind;
    if (kind === "std") continue;
    if (kind === "numbers") {
      const parts = input.value.split(/[,;\s]+/).filter(Boolean).map(Number);
      if (parts.some((n) => !Number.isInteger(n))) throw { message: `Quy định: “${LABELS[k] || k}” phải là các số tuổi, cách nhau bằng dấu phẩy.` };
      out[k] = parts;
    } else if (kind === "lines") out[k] = input.value.split("\n").map((x) => x.trim()).filter(Boolean);
    else if (kind === "bool") out[k] = input.checked;
    else if (kind === "number") out[k] = Number(input.value);
    else if (kind === "nullable") out[k] = input.value.trim() === "" ? null : (isNaN(Number(input.value)) ? input.value : Number(input.value));
    else if (kind === "string") out[k] = input.value;
    else {
      try { out[k] = JSON.parse(input.value); } catch {
        throw { message: `Quy định: “${LABELS[k] || k}” không phải JSON hợp lệ.` };
      }
    }
  }
  return out;
}

const BODY = { BCH: "Ban Chấp hành", BTV: "Ban Thường vụ", CHU_CHOT: "Cán bộ chủ chốt", TAT_CA: "Toàn bộ quy hoạch" };
const IND = { nu: "Tỷ lệ nữ", tre: "Tỷ lệ trẻ", dai_hoc: "Tỷ lệ đại học", llct_trung_cap: "Tỷ lệ LLCT từ trung cấp", ngoai_ngu_tre: "Trẻ có ngoại ngữ", so_nu: "Số cán bộ nữ" };

function showTargets(list) {
  $("targets-list").replaceChildren(...list.map((t) =>
    el("tr", {},
      el("td", {}, BODY[t.body] || t.body),
      el("td", {}, IND[t.indicator] || t.indicator),
      el("td", {}, t.indicator === "so_nu" ? `${t.strict ? ">" : "≥"} ${t.threshold}` : `${t.strict ? ">" : "≥"} ${Math.round(t.threshold * 1000) / 10}%`),
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
    const isCount = f.indicator.value === "so_nu";
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
