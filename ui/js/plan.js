// The plan board: positions of a term with the people planned, adding people and recording steps.
import * as backend from "./backend.js";
import { $, el, ask, displayDate, options, showError, today, onSubmit, once } from "./dom.js";
import * as codes from "./codes.js";
import * as assistant from "./suggest.js";

let ctx;
let adding = null; // position code being filled
let stepping = null; // entry id getting a step
let steppingName = ""; // their name, for the notice
const pristine = {}; // what each panel's form held when it opened (to ask before dropping typing)

export const selectedTerm = () => localStorage.getItem("quyhoach.term") || "";

/** Fills a term <select> and keeps the choice shared between screens. */
export async function fillTerms(select) {
  const terms = await backend.call("terms");
  const keep = selectedTerm();
  select.replaceChildren(...terms.map((t) => el("option", { value: t.code }, `${t.code} (${codes.label("term_kinds", t.kind)}; mốc tuổi ${displayDate(t.reference_month)})`)));
  if (terms.some((t) => t.code === keep)) select.value = keep;
  if (select.value) localStorage.setItem("quyhoach.term", select.value);
  return terms;
}

// The core marks the cells (months left, a year's rating, the age) with a severity and a reason;
// the window only paints them: the severity's code is the class, the reason the tooltip.
const flagged = (base, flag) => (flag ? { class: `${base} flag ${flag.severity}`.trim(), title: flag.reason } : { class: base || null });

function ratingSpans(ratings, flags, withYear) {
  return ratings.map(([y, r], i) => {
    const f = flags.ratings[i];
    const attrs = flagged("rating-cell", f);
    attrs.title = f ? `${y}: ${f.reason}` : `${y}: ${codes.label("rating_levels", r) || "chưa có"}`;
    return el("span", attrs, withYear ? `${y}: ${r || "—"}` : r || "—", withYear ? " " : "");
  });
}

function entryRow(e, pos) {
  return el("tr", { class: [e.active ? "" : "inactive", e.worst || ""].join(" ").trim() || null, dataset: { entry: e.entry_id } },
    el("td", {}, e.full_name, el("div", { class: "hint" }, e.birth_date),
      e.active ? termsSelect(e) : el("div", { class: "hint" }, e.terms_label)),
    el("td", flagged("num", e.flags.age), e.age),
    el("td", flagged("num", e.flags.months_left), e.months_left),
    el("td", {}, ratingSpans(e.ratings, e.flags, false)),
    el("td", {}, e.step_label),
    el("td", { class: "flags" }, e.notes.map((f) => el("div", {}, f)), e.review_flags.map((f) => el("div", { class: "hint" }, f))),
    el("td", {}, e.active ? [
      e.remove_now ? el("button", { type: "button", class: "small danger", title: "Cán bộ bị kỷ luật phải đưa ra khỏi quy hoạch ngay (Hướng dẫn 45-HD/BTCTW)", onclick: () => openStep(e, pos, e.remove_now) }, "Đưa ra (kỷ luật)") : "",
      el("button", { type: "button", class: "secondary small", onclick: () => openStep(e, pos) }, "Ghi bước"),
    ] : ""));
}

/** Options of đối tượng 1 and 2, worded by the core with the rule set's months. */
const termsOptions = (choices) => choices.map((t) => el("option", { value: String(t.terms) }, t.label));

// One term (đối tượng 1) or two (đối tượng 2): changes the months left the check asks for.
function termsSelect(e) {
  const s = el("select", { class: "small", "aria-label": "Đối tượng quy hoạch" }, termsOptions(lastBoard.terms_choices));
  s.value = String(e.terms);
  s.addEventListener("change", () => once(s, async () => {
    try {
      await backend.call("set_entry_terms", { entryId: e.entry_id, terms: Number(s.value) });
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
      const action = el("select", { name: "action", "aria-label": "Quyết định" });
      options(action, codes.map("review_actions"), "Để nguyên");
      action.value = e.review_action || "";
      const reason = el("select", { name: "reason", "aria-label": "Lý do" });
      options(reason, codes.map("removal_reasons"), "—");
      rows.push(el("tr", { dataset: { entry: e.entry_id } },
        el("td", {}, e.full_name), el("td", {}, p.name),
        el("td", { class: "flags" }, e.notes.map((x) => el("div", {}, x))),
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
  const board = await backend.call("plan_board", { term });
  lastBoard = board;
  // Posts with someone first, then the rest of the catalogue.
  const used = board.positions.filter((p) => p.entries.length);
  const empty = board.positions.filter((p) => !p.entries.length);
  $("board").replaceChildren(...used.map(positionCard), ...empty.map(positionCard));
}

let cands = null; // the candidate list of the post being filled
let chosen = null; // the person picked in it (nobody until the clerk picks)
const fold = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();

// A row of facts in columns; the verdict the core gives, its reasons folded under it.
function candidateRow(c) {
  const reasons = [...c.violations, ...c.notes];
  const verdict = el("td", { class: "verdict" },
    el("span", { class: `tag ${c.verdict}` }, c.verdict_label),
    reasons.length
      ? el("details", { onclick: (e) => e.stopPropagation() },
        el("summary", {}, `${reasons.length} lý do`),
        c.violations.map((r) => el("div", { class: "violation" }, r)),
        c.notes.map((n) => el("div", { class: "note" }, n)))
      : "");
  return el("tr", {
    class: [c.verdict, c.planned_here ? "planned" : "", chosen === c.person_id ? "chosen" : ""].join(" ").trim(),
    tabindex: 0, dataset: { person: c.person_id },
    onclick: () => pick(c), onkeydown: (e) => { if (e.key === "Enter") { e.preventDefault(); pick(c); } },
  },
  el("td", {}, c.full_name, el("div", { class: "hint" }, c.birth_date)),
  el("td", {}, c.positions || "—"),
  el("td", flagged("num", c.flags.age), c.age),
  el("td", flagged("num", c.flags.months_left), c.months_left),
  el("td", {}, c.professional || "—"),
  el("td", {}, c.political_theory || "—"),
  el("td", {}, c.state_management || "—"),
  el("td", {}, ratingSpans(c.ratings, c.flags, true)),
  verdict);
}

function pick(c) {
  const f = $("form-plan-add");
  if (c.planned_here) {
    $("plan-candidate-why").textContent = `${c.full_name} đã có trong quy hoạch chức danh này.`;
    return;
  }
  chosen = c.person_id;
  f.person.value = c.person_id;
  addButton().disabled = false;
  document.querySelectorAll("#plan-candidates tr").forEach((tr) => tr.classList.toggle("chosen", tr.dataset.person === String(c.person_id)));
  $("plan-candidate-why").textContent = `Đã chọn: ${c.full_name} — ${c.verdict_label}.` + (c.eligible ? "" : " " + c.violations.join(" "));
}

const addButton = () => $("form-plan-add").querySelector("button[type=submit]");

function drawCandidates() {
  const q = fold($("plan-candidate-filter").value.trim());
  const shown = cands.candidates.filter((c) => !q || fold(c.full_name).includes(q));
  const by = codes.list("verdicts").map((v) => `${cands.candidates.filter((c) => c.verdict === v.code).length} ${v.label.toLowerCase()}`);
  const has = cands.max === null ? `${cands.planned} người` : `${cands.planned}/${cands.max} người`;
  $("plan-candidate-count").textContent = `${cands.candidates.length} người: ${by.join(", ")}; chức danh đang có ${has}.` + (shown.length > 100 ? ` Hiện 100/${shown.length} người đầu: gõ tên để thu hẹp.` : "");
  $("plan-candidates").replaceChildren(...shown.slice(0, 100).map(candidateRow));
}

/** Loads the candidates of the post for the chosen đối tượng; the pick stays if still there. */
async function loadCandidates() {
  const f = $("form-plan-add");
  cands = await backend.call("plan_candidates", { term: $("plan-term").value, position: adding, terms: Number(f.terms.value) || 1 });
  f.terms.replaceChildren(...termsOptions(cands.terms_choices));
  f.terms.value = String(cands.terms);
  const still = cands.candidates.find((c) => c.person_id === chosen && !c.planned_here);
  if (!still) { chosen = null; f.person.value = ""; }
  addButton().disabled = !still;
  drawCandidates();
  if (still) pick(still);
}

async function openAdd(p) {
  adding = p.code;
  chosen = null;
  $("plan-step").hidden = true;
  $("plan-add-title").textContent = `Thêm người vào quy hoạch: ${p.name}`;
  const f = $("form-plan-add");
  f.person.value = "";
  f.note.value = "";
  f.terms.value = "1";
  $("plan-candidate-filter").value = "";
  await loadCandidates();
  $("plan-candidate-why").textContent = "Bấm vào một người để chọn (người đủ điều kiện ở trên). Chưa chọn ai.";
  f.date.value = today();
  f.review_year.value = "";
  $("plan-add").hidden = false;
  pristine["plan-add"] = formNow("plan-add");
  $("plan-candidate-filter").focus();
}

/** Opens the plan of `term` with the candidates for the post `code` (from a finding). */
export async function openAddFor(term, code) {
  localStorage.setItem("quyhoach.term", term);
  ctx.go("screen-plan");
  await refresh();
  const p = lastBoard && lastBoard.positions.find((x) => x.code === code);
  if (!p) return;
  await openAdd(p);
  $("plan-add").scrollIntoView({ block: "start" });
}

function openStep(e, p, proposed) {
  stepping = e.entry_id;
  steppingName = e.full_name;
  $("plan-add").hidden = true;
  $("plan-step-title").textContent = `${e.full_name} — ${p.name}`;
  const f = $("form-plan-step");
  f.date.value = today();
  f.decision_no.value = proposed ? proposed.decision_no || "" : "";
  f.decision_date.value = proposed && proposed.decision_date ? displayDate(proposed.decision_date) : "";
  f.note.value = proposed ? proposed.note || "" : "";
  if (proposed) { f.step.value = proposed.step; f.reason.value = proposed.reason || ""; }
  $("plan-step").hidden = false;
  pristine["plan-step"] = formNow("plan-step");
  f.step.focus();
}

/** What a panel's fields hold now (the text typed, the choices made). */
const formNow = (panel) => JSON.stringify([...$(panel).querySelectorAll("input, select, textarea")].map((i) => i.value));

/**
 * Closes a plan panel ("Thêm người", "Ghi bước"); when something was typed or chosen since it
 * opened, asks first, as the person form does.
 */
async function closePanel(panel) {
  const box = $(panel);
  if (box.hidden) return;
  if (formNow(panel) !== pristine[panel]) {
    const yes = await ask({
      title: "Bỏ phần đã nhập?",
      intro: panel === "plan-add"
        ? "Ô “Thêm người vào quy hoạch” có thông tin vừa nhập hoặc vừa chọn nhưng chưa ghi. Nếu bỏ, phần này sẽ mất."
        : "Ô “Ghi bước” có thông tin vừa nhập nhưng chưa ghi. Nếu bỏ, phần này sẽ mất.",
      ok: "Bỏ phần đã nhập", cancel: "Tiếp tục nhập",
    });
    if (!yes) { (box.querySelector("input:not([type=hidden]), select")).focus(); return; }
  }
  box.hidden = true;
}

export function init(c) {
  ctx = c;
  options($("form-plan-step").reason, codes.map("removal_reasons"), "—");
  options($("form-plan-step").step, codes.map("next_steps"));
  options($("form-plan-add").step, codes.map("first_steps"));
  options($("form-term").kind, codes.map("term_kinds"));
  $("form-plan-add").terms.addEventListener("change", () => loadCandidates().catch(showError));
  $("plan-term").addEventListener("change", (e) => { localStorage.setItem("quyhoach.term", e.target.value); refresh().catch(showError); });
  onSubmit($("form-term"), async (ev) => {
    const f = ev.target;
    try {
      const terms = await backend.call("add_term", { kind: f.kind.value, startYear: Number(f.start_year.value), endYear: Number(f.end_year.value), reference: f.reference.value });
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
      const month = await backend.call("default_reference", { kind: ft.kind.value, startYear: Number(ft.start_year.value) });
      if (!ft.reference.dataset.typed) ft.reference.value = month;
    } catch (e) { /* keeps what is there */ }
  };
  ft.kind.addEventListener("change", suggest);
  ft.start_year.addEventListener("change", suggest);
  ft.reference.addEventListener("input", () => { ft.reference.dataset.typed = ft.reference.value ? "1" : ""; });
  $("plan-candidate-filter").addEventListener("input", () => { if (cands) drawCandidates(); });
  onSubmit($("form-plan-add"), async (ev) => {
    const f = ev.target;
    const c = cands && chosen !== null && cands.candidates.find((x) => x.person_id === chosen);
    if (!c) { showError({ message: "Thêm người vào quy hoạch: hãy chọn một người trong danh sách." }); return; }
    // Not eligible, or the post already full: the clerk confirms and says why; the reason is
    // recorded. What to confirm is the core's (for the đối tượng chosen).
    const doubts = c.doubts;
    let note = f.note.value.trim();
    if (doubts.length) {
      const why = await ask({
        title: `Vẫn đưa ${c.full_name} vào quy hoạch?`,
        intro: c.eligible ? "Cần xác nhận trước khi đưa vào:" : "Người này chưa đủ điều kiện theo quy định đang áp dụng:",
        lines: doubts,
        input: { label: "Lý do vẫn đưa vào (được ghi lại)" },
        ok: "Vẫn đưa vào", cancel: "Chọn người khác",
      });
      if (!why) return;
      note = `${c.eligible ? "Đưa vào khi chức danh đã đủ số lượng" : "Đưa vào khi chưa đủ điều kiện"} (${doubts.join(" ")}). Lý do: ${why}`;
    }
    try {
      const step = { step: f.step.value, date: f.date.value, review_year: f.review_year.value ? Number(f.review_year.value) : null, note };
      const id = await backend.call("plan_person", { term: $("plan-term").value, position: adding, personId: c.person_id, step });
      if (f.terms.value !== "1") await backend.call("set_entry_terms", { entryId: id, terms: Number(f.terms.value) });
      ctx.notice(`Đã đưa ${c.full_name} vào quy hoạch.`);
      await refresh();
      // Stay in the form for the next person of the same post.
      await openAdd(lastBoard.positions.find((p) => p.code === adding));
    } catch (e) { showError(e); }
  });
  onSubmit($("form-plan-step"), async (ev) => {
    const f = ev.target;
    try {
      await backend.call("add_plan_step", { entryId: stepping, step: {
        step: f.step.value, date: f.date.value, decision_no: f.decision_no.value,
        decision_date: f.decision_date.value || null, reason: f.reason.value || null, note: f.note.value,
        review_year: Number(f.date.value.slice(-4)) || null,
      } });
      $("plan-step").hidden = true;
      ctx.notice(`Đã ghi bước “${f.step.options[f.step.selectedIndex].text}” cho ${steppingName}.`);
      const id = stepping;
      await refresh();
      const row = document.querySelector(`#board tr[data-entry="${id}"]`);
      if (row) row.classList.add("saved");
    } catch (e) { showError(e); }
  });
  $("btn-plan-add-cancel").addEventListener("click", () => closePanel("plan-add").catch(showError));
  $("btn-review").addEventListener("click", openReview);
  assistant.init({ notice: c.notice, refresh });
  $("btn-review-cancel").addEventListener("click", () => { $("plan-review").hidden = true; });
  onSubmit($("form-review"), async (ev) => {
    const f = ev.target;
    const items = [...$("review-items").children]
      .map((tr) => ({ entry_id: Number(tr.dataset.entry), step: tr.querySelector("[name=action]").value, reason: tr.querySelector("[name=reason]").value || null }))
      .filter((i) => i.step);
    try {
      const r = await backend.call("review_round", { term: $("plan-term").value, input: {
        year: Number(f.year.value), date: f.date.value, decision_no: f.decision_no.value,
        decision_date: f.decision_date.value || null, items,
      } });
      $("plan-review").hidden = true;
      ctx.notice(`Đã ghi đợt rà soát năm ${f.year.value}: ${r.continued} tiếp tục, ${r.removed} đưa ra.`);
      await refresh();
    } catch (e) { showError(e); }
  });
  $("btn-plan-step-cancel").addEventListener("click", () => closePanel("plan-step").catch(showError));
  // Esc closes the open panel, asking first when typing would be lost (Esc in the dialog is its own).
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || $("ask").open || $("screen-plan").hidden) return;
    const open = ["plan-step", "plan-add"].find((p) => !$(p).hidden);
    if (!open) return;
    e.preventDefault();
    closePanel(open).catch(showError);
  });
}
