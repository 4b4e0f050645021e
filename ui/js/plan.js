// The plan board: positions of a term with the people planned, adding people and recording steps.
import * as backend from "./backend.js";
import { $, el, REASONS, ask, displayDate, options, showError, today, onSubmit, once } from "./dom.js";

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
    el("td", {}, e.full_name, el("div", { class: "hint" }, e.birth_date),
      e.active ? termsSelect(e) : el("div", { class: "hint" }, e.terms_label)),
    el("td", { class: "num" }, e.age),
    el("td", { class: "num" + (e.months_left < (e.terms >= 2 ? 120 : 60) ? " short" : "") }, e.months_left),
    el("td", {}, ratings),
    el("td", {}, e.step_label),
    el("td", { class: "flags" }, e.flags.map((f) => el("div", {}, f)), e.review_flags.map((f) => el("div", { class: "hint" }, f))),
    el("td", {}, e.active ? [
      e.remove_now ? el("button", { type: "button", class: "small danger", title: "Cán bộ bị kỷ luật phải đưa ra khỏi quy hoạch ngay (Hướng dẫn 45-HD/BTCTW)", onclick: () => openStep(e, pos, e.remove_now) }, "Đưa ra (kỷ luật)") : "",
      el("button", { type: "button", class: "secondary small", onclick: () => openStep(e, pos) }, "Ghi bước"),
    ] : ""));
}

// One term (đối tượng 1) or two (đối tượng 2): changes the months left the check asks for.
function termsSelect(e) {
  const s = el("select", { class: "small", "aria-label": "Đối tượng quy hoạch" },
    el("option", { value: "1" }, "Đối tượng 1 (một nhiệm kỳ)"),
    el("option", { value: "2" }, "Đối tượng 2 (hai nhiệm kỳ)"));
  s.value = String(e.terms);
  s.addEventListener("change", () => once(s, async () => {
    try {
      await backend.setEntryTerms(e.entry_id, Number(s.value));
      ctx.notice(`${e.full_name}: ${s.options[s.selectedIndex].text}.`);
      await refresh();
    } catch (err) { showError(err); s.value = String(e.terms); }
  }));
  return s;
}

function positionCard(p) {
  const active = p.entries.filter((e) => e.active).length;
  const over = p.max !== null && active > p.max;
  return el("section", { class: "position" + (over ? " over" : ""), dataset: { code: p.code } },
    el("header", {},
      el("h3", {}, p.name, p.key ? el("span", { class: "tag" }, "chủ chốt") : ""),
      el("span", { class: "count", title: p.max === null ? "Số lượng theo hệ số quy hoạch của cấp ủy" : `Tối đa ${p.max} người` }, p.max === null ? `${active} người` : `${active}/${p.max} người`),
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

let cands = null; // the candidate list of the post being filled
const fold = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();

function candidateRow(c) {
  const ratings = c.ratings.map(([y, r]) => el("span", { class: r && r !== "HTXS" && r !== "HTT" ? "rating low" : "rating", title: String(y) }, `${y}: ${r || "—"}`, " "));
  return el("tr", {
    class: c.planned_here ? "ineligible planned" : c.eligible ? "eligible" : "ineligible", tabindex: 0, dataset: { person: c.person_id },
    onclick: () => pick(c), onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); pick(c); } },
  },
  el("td", {}, c.full_name, el("div", { class: "hint" }, c.birth_date)),
  el("td", {}, c.positions || "—"),
  el("td", { class: "num" }, c.age),
  el("td", { class: "num" + (c.months_left < 60 ? " short" : "") }, c.months_left),
  el("td", {}, c.professional || "—"),
  el("td", {}, c.political_theory || "—"),
  el("td", {}, c.state_management || "—"),
  el("td", {}, ratings),
  el("td", { class: "flags" }, c.eligible ? "Đủ điều kiện" : c.reasons.map((r) => el("div", {}, r)),
    c.notes.map((n) => el("div", { class: "hint" }, n))));
}

function pick(c) {
  const f = $("form-plan-add");
  if (c.planned_here) {
    $("plan-candidate-why").textContent = `${c.full_name} đã có trong quy hoạch chức danh này.`;
    return;
  }
  f.person.value = c.person_id;
  document.querySelectorAll("#plan-candidates tr").forEach((tr) => tr.classList.toggle("chosen", tr.dataset.person === String(c.person_id)));
  $("plan-candidate-why").textContent = `Đã chọn: ${c.full_name}.` + (c.eligible ? "" : " Chưa đủ điều kiện: " + c.reasons.join(" "));
}

function drawCandidates() {
  const q = fold($("plan-candidate-filter").value.trim());
  const shown = cands.candidates.filter((c) => !q || fold(c.full_name).includes(q));
  const eligible = cands.candidates.filter((c) => c.eligible).length;
  const has = cands.max === null ? `${cands.planned} người` : `${cands.planned}/${cands.max} người`;
  $("plan-candidate-count").textContent = `${eligible} người đủ điều kiện / ${cands.candidates.length} người; chức danh đang có ${has}.` + (shown.length > 100 ? ` Hiện 100/${shown.length} người đầu: gõ tên để thu hẹp.` : "");
  $("plan-candidates").replaceChildren(...shown.slice(0, 100).map(candidateRow));
}

async function openAdd(p) {
  adding = p.code;
  $("plan-step").hidden = true;
  $("plan-add-title").textContent = `Thêm người vào quy hoạch: ${p.name}`;
  cands = await backend.planCandidates($("plan-term").value, p.code);
  const f = $("form-plan-add");
  f.person.value = "";
  f.note.value = "";
  $("plan-candidate-filter").value = "";
  $("plan-candidate-why").textContent = "Bấm vào một người để chọn (người đủ điều kiện ở trên).";
  drawCandidates();
  f.date.value = today();
  f.review_year.value = "";
  $("plan-add").hidden = false;
  const first = $("plan-candidates").querySelector("tr.eligible") || $("plan-candidates").querySelector("tr:not(.planned)");
  if (first) { pick(cands.candidates.find((c) => String(c.person_id) === first.dataset.person)); first.focus(); }
}

function openStep(e, p, proposed) {
  stepping = e.entry_id;
  $("plan-add").hidden = true;
  $("plan-step-title").textContent = `${e.full_name} — ${p.name}`;
  const f = $("form-plan-step");
  f.date.value = today();
  f.decision_no.value = proposed ? proposed.decision_no || "" : "";
  f.decision_date.value = proposed && proposed.decision_date ? displayDate(proposed.decision_date) : "";
  f.note.value = proposed ? proposed.note || "" : "";
  if (proposed) { f.step.value = proposed.step; f.reason.value = proposed.reason || ""; }
  $("plan-step").hidden = false;
  f.step.focus();
}

export function init(c) {
  ctx = c;
  options($("form-plan-step").reason, REASONS, "—");
  $("plan-term").addEventListener("change", (e) => { localStorage.setItem("quyhoach.term", e.target.value); refresh().catch(showError); });
  onSubmit($("form-term"), async (ev) => {
    const f = ev.target;
    try {
      const terms = await backend.addTerm(f.kind.value, Number(f.start_year.value), Number(f.end_year.value), f.reference.value);
      const added = terms[terms.length - 1];
      if (added) localStorage.setItem("quyhoach.term", added.code);
      $("term-new").open = false;
      await refresh();
    } catch (e) { showError(e); }
  });
  // The reference month follows the kind of term and its first year (HD 45), until the clerk types one.
  const ft = $("form-term");
  const suggest = async () => {
    if (ft.reference.dataset.typed || !Number(ft.start_year.value)) return;
    try {
      const month = await backend.defaultReference(ft.kind.value, Number(ft.start_year.value));
      if (!ft.reference.dataset.typed) ft.reference.value = month;
    } catch (e) { /* keeps what is there */ }
  };
  ft.kind.addEventListener("change", suggest);
  ft.start_year.addEventListener("change", suggest);
  ft.reference.addEventListener("input", () => { ft.reference.dataset.typed = ft.reference.value ? "1" : ""; });
  $("plan-candidate-filter").addEventListener("input", () => { if (cands) drawCandidates(); });
  onSubmit($("form-plan-add"), async (ev) => {
    const f = ev.target;
    const c = cands && cands.candidates.find((x) => String(x.person_id) === f.person.value);
    if (!c) { showError({ message: "Thêm người vào quy hoạch: hãy chọn một người trong danh sách." }); return; }
    // Not eligible, or the post already full: the clerk confirms and says why; the reason is recorded.
    const doubts = [...c.reasons];
    if (cands.max !== null && cands.planned >= cands.max) doubts.push(`Chức danh đã có ${cands.planned}/${cands.max} người: thêm người này sẽ vượt số lượng.`);
    let note = f.note.value.trim();
    if (doubts.length) {
      const why = await ask({
        title: `Vẫn đưa ${c.full_name} vào quy hoạch?`,
        intro: "Người này chưa đủ điều kiện theo quy định đang áp dụng:",
        lines: doubts,
        input: { label: "Lý do vẫn đưa vào (được ghi lại)" },
        ok: "Vẫn đưa vào", cancel: "Chọn người khác",
      });
      if (!why) return;
      note = `Đưa vào khi chưa đủ điều kiện (${doubts.join(" ")}). Lý do: ${why}`;
    }
    try {
      const step = { step: f.step.value, date: f.date.value, review_year: f.review_year.value ? Number(f.review_year.value) : null, note };
      const id = await backend.planPerson($("plan-term").value, adding, c.person_id, step);
      if (f.terms.value !== "1") await backend.setEntryTerms(id, Number(f.terms.value));
      ctx.notice(`Đã đưa ${c.full_name} vào quy hoạch.`);
      await refresh();
      // Stay in the form for the next person of the same post.
      await openAdd(lastBoard.positions.find((p) => p.code === adding));
    } catch (e) { showError(e); }
  });
  onSubmit($("form-plan-step"), async (ev) => {
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
  onSubmit($("form-review"), async (ev) => {
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
