// The plan board: positions of a term with the people planned, adding people and recording steps.
import * as backend from "./backend.js";
import { $, el, REASONS, displayDate, options, showError, today } from "./dom.js";

let ctx;
let adding = null; // position code being filled
let stepping = null; // entry id getting a step

export const selectedTerm = () => localStorage.getItem("quyhoach.term") || "";

/** Fills a term <select> and keeps the choice shared between screens. */
export async function fillTerms(select) {
  const terms = await backend.terms();
  const keep = selectedTerm();
  select.replaceChildren(...terms.map((t) => el("option", { value: t.code }, `${t.code} (${t.kind === "dang" ? "cấp ủy" : "HĐND, UBND"}; mốc tuổi ${displayDate(t.reference_month)})`)));
  if (terms.some((t) => t.code === keep)) select.value = keep;
  if (select.value) localStorage.setItem("quyhoach.term", select.value);
  return terms;
}

const flagClass = (worst) => (worst === "vi_pham" ? "bad" : worst === "canh_bao" ? "warn" : "");

function entryRow(e, pos) {
  const ratings = e.ratings.map(([y, r]) => el("span", { class: r && r !== "HTXS" && r !== "HTT" ? "rating low" : "rating", title: String(y) }, r || "—"));
  return el("tr", { class: [e.active ? "" : "inactive", flagClass(e.worst)].join(" ").trim() || null, dataset: { entry: e.entry_id } },
    el("td", {}, e.full_name, el("div", { class: "hint" }, e.birth_date)),
    el("td", { class: "num" }, e.age),
    el("td", { class: "num" + (e.months_left < 60 ? " short" : "") }, e.months_left),
    el("td", {}, ratings),
    el("td", {}, e.step_label),
    el("td", { class: "flags" }, e.flags.map((f) => el("div", {}, f))),
    el("td", {}, e.active ? el("button", { type: "button", class: "secondary small", onclick: () => openStep(e, pos) }, "Ghi bước") : ""));
}

function positionCard(p) {
  const active = p.entries.filter((e) => e.active).length;
  return el("section", { class: "position" + (active > p.max ? " over" : ""), dataset: { code: p.code } },
    el("header", {},
      el("h3", {}, p.name, p.key ? el("span", { class: "tag" }, "chủ chốt") : ""),
      el("span", { class: "count" }, `${active}/${p.max} người`),
      el("button", { type: "button", class: "small", onclick: () => openAdd(p) }, "Thêm người")),
    p.entries.length
      ? el("table", { class: "list compact" },
        el("thead", {}, el("tr", {}, ["Họ và tên", "Tuổi", "Còn (tháng)", "Xếp loại", "Bước", "Lưu ý", ""].map((h) => el("th", {}, h)))),
        el("tbody", {}, p.entries.map((e) => entryRow(e, p))))
      : el("p", { class: "hint" }, "Chưa có ai."));
}

let lastBoard = null;

function openReview() {
  if (!lastBoard) return;
  const f = $("form-review");
  f.year.value = new Date().getFullYear();
  f.date.value = today();
  const rows = [];
  for (const p of lastBoard.positions) {
    for (const e of p.entries.filter((x) => x.active)) {
      const action = el("select", { name: "action", "aria-label": "Quyết định" },
        el("option", { value: "" }, "Để nguyên"), el("option", { value: "tiep_tuc" }, "Tiếp tục"), el("option", { value: "dua_ra" }, "Đưa ra"));
      if (e.worst === "vi_pham") action.value = "dua_ra";
      const reason = el("select", { name: "reason", "aria-label": "Lý do" });
      options(reason, REASONS, "—");
      rows.push(el("tr", { dataset: { entry: e.entry_id } },
        el("td", {}, e.full_name), el("td", {}, p.name),
        el("td", { class: "flags" }, e.flags.map((x) => el("div", {}, x))),
        el("td", {}, action), el("td", {}, reason)));
    }
  }
  $("review-items").replaceChildren(...rows);
  $("plan-review").hidden = false;
}

export async function refresh() {
  const terms = await fillTerms($("plan-term"));
  $("term-new").open = terms.length === 0;
  const term = $("plan-term").value;
  if (!term) {
    $("board").replaceChildren(el("p", { class: "lead" }, "Chưa có nhiệm kỳ nào: hãy thêm nhiệm kỳ quy hoạch (ví dụ 2030–2035, mốc tính tuổi 07/2030)."));
    return;
  }
  const board = await backend.planBoard(term);
  lastBoard = board;
  // Posts with someone first, then the rest of the catalogue.
  const used = board.positions.filter((p) => p.entries.length);
  const empty = board.positions.filter((p) => !p.entries.length);
  $("board").replaceChildren(...used.map(positionCard), ...empty.map(positionCard));
}

async function openAdd(p) {
  adding = p.code;
  $("plan-step").hidden = true;
  $("plan-add-title").textContent = `Thêm người vào quy hoạch: ${p.name}`;
  const cands = await backend.planCandidates($("plan-term").value, p.code);
  const sel = $("plan-candidates");
  sel.replaceChildren(...cands.map((c) =>
    el("option", { value: c.person_id, class: c.eligible ? null : "ineligible", dataset: { why: c.reasons.join(" ") } },
      `${c.full_name} (${c.birth_date})${c.eligible ? "" : " — " + c.reasons[0]}`)));
  const f = $("form-plan-add");
  f.date.value = today();
  f.review_year.value = "";
  $("plan-candidate-why").textContent = sel.selectedOptions[0]?.dataset.why || "";
  $("plan-add").hidden = false;
  sel.focus();
}

function openStep(e, p) {
  stepping = e.entry_id;
  $("plan-add").hidden = true;
  $("plan-step-title").textContent = `${e.full_name} — ${p.name}`;
  const f = $("form-plan-step");
  f.date.value = today();
  f.decision_no.value = "";
  f.decision_date.value = "";
  f.note.value = "";
  $("plan-step").hidden = false;
  f.step.focus();
}

export function init(c) {
  ctx = c;
  options($("form-plan-step").reason, REASONS, "—");
  $("plan-term").addEventListener("change", (e) => { localStorage.setItem("quyhoach.term", e.target.value); refresh().catch(showError); });
  $("form-term").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    try {
      const terms = await backend.addTerm(f.kind.value, Number(f.start_year.value), Number(f.end_year.value), f.reference.value);
      const added = terms[terms.length - 1];
      if (added) localStorage.setItem("quyhoach.term", added.code);
      $("term-new").open = false;
      await refresh();
    } catch (e) { showError(e); }
  });
  $("plan-candidates").addEventListener("change", (e) => { $("plan-candidate-why").textContent = e.target.selectedOptions[0]?.dataset.why || ""; });
  $("form-plan-add").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    try {
      const step = { step: f.step.value, date: f.date.value, review_year: f.review_year.value ? Number(f.review_year.value) : null };
      await backend.planPerson($("plan-term").value, adding, Number(f.person.value), step);
      $("plan-add").hidden = true;
      ctx.notice(`Đã đưa ${f.person.selectedOptions[0].textContent.split(" (")[0]} vào quy hoạch.`);
      await refresh();
    } catch (e) { showError(e); }
  });
  $("form-plan-step").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    try {
      await backend.addPlanStep(stepping, {
        step: f.step.value, date: f.date.value, decision_no: f.decision_no.value,
        decision_date: f.decision_date.value || null, reason: f.reason.value || null, note: f.note.value,
        review_year: Number(f.date.value.slice(-4)) || null,
      });
      $("plan-step").hidden = true;
      await refresh();
    } catch (e) { showError(e); }
  });
  $("btn-plan-add-cancel").addEventListener("click", () => { $("plan-add").hidden = true; });
  $("btn-review").addEventListener("click", openReview);
  $("btn-review-cancel").addEventListener("click", () => { $("plan-review").hidden = true; });
  $("form-review").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const items = [...$("review-items").children]
      .map((tr) => ({ entry_id: Number(tr.dataset.entry), step: tr.querySelector("[name=action]").value, reason: tr.querySelector("[name=reason]").value || null }))
      .filter((i) => i.step);
    try {
      const r = await backend.reviewRound($("plan-term").value, {
        year: Number(f.year.value), date: f.date.value, decision_no: f.decision_no.value,
        decision_date: f.decision_date.value || null, items,
      });
      $("plan-review").hidden = true;
      ctx.notice(`Đã ghi đợt rà soát năm ${f.year.value}: ${r.continued} tiếp tục, ${r.removed} đưa ra.`);
      await refresh();
    } catch (e) { showError(e); }
  });
  $("btn-plan-step-cancel").addEventListener("click", () => { $("plan-step").hidden = true; });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("screen-plan").hidden) { $("plan-add").hidden = true; $("plan-step").hidden = true; }
  });
}
