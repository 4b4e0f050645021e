// The cadre list (instant search, filters, counts) and the record form.
import * as backend from "./backend.js";
import {
  $, el,
  displayDate, options, showError, showFieldErrors, clearFieldErrors, ask, onSubmit,
} from "./dom.js";
import * as codes from "./codes.js";

let ctx;
let editing = null; // the record being edited (null: a new one)
let pristine = ""; // the form as opened, to tell whether anything was typed
let kept = null; // a half-typed record kept in memory over an idle lock (never written to disk)
let searchSeq = 0;
const SHOWN = 100;
// Drawn at once, more than the window shows; the rest in the frame after, so each keystroke
// paints quickly on large wards (issue 26 §2).
const FIRST = 50;

export async function refresh() {
  const seq = ++searchSeq;
  const status = $("filter-status").value || null;
  const sex = $("filter-sex").value || null;
  const [from, to] = ($("filter-age").value || "-").split("-");
  const plan = $("filter-plan").value;
  const filter = {
    status, sex,
    age_from: from ? Number(from) : null,
    age_to: to ? Number(to) : null,
    position: $("filter-post").value || null,
    in_plan: plan ? plan === "yes" : null,
    term: localStorage.getItem("quyhoach.term") || null,
  };
  const filtered = status || sex || from || to || filter.position || plan;
  const page = await backend.call("find_people", { query: $("search").value, filter, limit: SHOWN });
  if (seq !== searchSeq) return; // a newer keystroke already asked
  // Only the first rows are drawn, so typing stays instant on large wards; the count says more.
  const drawn = page.rows.map((p, i) =>
    el("tr", { dataset: { id: p.id }, class: p.working ? null : "left", tabindex: 0 },
      el("td", { class: "num" }, i + 1),
      el("td", {}, p.full_name),
      el("td", {}, codes.label("sexes", p.sex)),
      el("td", {}, displayDate(p.birth_date)),
      el("td", {}, p.positions),
      el("td", {}, codes.label("statuses", p.status))));
  const tail = [];
  if (page.unfiltered === 0) {
    tail.push(el("tr", { class: "more" }, el("td", { colspan: 6 },
      "Chưa có hồ sơ nào. Bấm “Thêm cán bộ”, hoặc nhập danh sách đang có từ Excel: ",
      el("button", { type: "button", class: "link", id: "btn-go-import", onclick: () => { ctx.go("screen-docs"); setTimeout(() => $("form-import").path.focus(), 0); } }, "Nhập từ Excel"))));
  }
  if (page.total > page.rows.length) {
    tail.push(el("tr", { class: "more" }, el("td", { colspan: 6 }, `… và ${page.total - page.rows.length} người nữa: gõ thêm để thu hẹp.`)));
  }
  const rest = [...drawn.slice(FIRST), ...tail];
  if (drawn.length <= FIRST) {
    $("people").replaceChildren(...drawn, ...rest);
  } else {
    $("people").replaceChildren(...drawn.slice(0, FIRST));
    // After the first rows are painted, unless a newer keystroke has asked again.
    requestAnimationFrame(() => setTimeout(() => { if (seq === searchSeq) $("people").append(...rest); }, 0));
  }
  $("count").textContent = filtered ? `${page.total}/${page.unfiltered} người` : `${page.total} người`;
  $("count").title = `Nữ: ${page.women}`;
}

const positionRow = (h = {}) =>
  el("tr", {},
    el("td", {}, el("input", { name: "pos_title", value: h.title || "", "aria-label": "Chức vụ" })),
    el("td", {}, el("input", { name: "pos_org", value: h.organisation || "", "aria-label": "Đơn vị" })),
    el("td", {}, el("input", { name: "pos_start", value: displayDate(h.start), "aria-label": "Từ ngày", placeholder: "chưa rõ ngày", class: h.title && !h.start ? "missing" : null })),
    el("td", {}, el("input", { name: "pos_end", value: displayDate(h.end), "aria-label": "Đến ngày" })),
    el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => e.target.closest("tr").remove() }, "Xóa")));

const ratingRow = (r = {}) => {
  const sel = el("select", { name: "rating_level", "aria-label": "Xếp loại" });
  options(sel, codes.map("rating_levels"));
  if (r.level) sel.value = r.level;
  return el("tr", {},
    el("td", {}, el("input", { name: "rating_year", type: "number", value: r.year || "", "aria-label": "Năm" })),
    el("td", {}, sel),
    el("td", {}, el("button", { type: "button", class: "secondary small", onclick: (e) => e.target.closest("tr").remove() }, "Xóa")));
};

const removeButton = () =>
  el("button", { type: "button", class: "secondary small", onclick: (e) => e.target.closest("tr").remove() }, "Xóa");
const cellInput = (name, value, label) => el("td", {}, el("input", { name, value: value || "", "aria-label": label }));

const recordRow = (r = {}) => {
  const kind = el("select", { name: "rec_kind", "aria-label": "Loại" });
  options(kind, codes.map("record_kinds"));
  if (r.kind) kind.value = r.kind;
  return el("tr", {},
    el("td", {}, kind),
    cellInput("rec_form", r.form, "Hình thức"),
    cellInput("rec_date", displayDate(r.date), "Ngày"),
    cellInput("rec_decision", r.decision_no, "Số quyết định"),
    cellInput("rec_until", displayDate(r.until), "Hết hiệu lực"),
    el("td", {}, removeButton()));
};

const trainingRow = (t = {}) =>
  el("tr", {},
    cellInput("tr_name", t.name, "Tên lớp"),
    cellInput("tr_inst", t.institution, "Cơ sở đào tạo"),
    cellInput("tr_from", displayDate(t.from), "Từ"),
    cellInput("tr_to", displayDate(t.to), "Đến"),
    cellInput("tr_cert", t.certificate, "Văn bằng"),
    el("td", {}, removeButton()));

function fill(p) {
  const f = $("form-person");
  clearFieldErrors(f);
  const text = ["full_name", "other_name", "ethnicity", "religion", "home_town", "birthplace", "residence", "party_card_no", "general_education", "professional_field", "status_reason"];
  for (const k of text) f[k].value = p[k] || "";
  f.ethnicity.value = p.ethnicity ?? "Kinh";
  f.religion.value = p.religion ?? "Không";
  for (const k of ["birth_date", "party_admission_date", "party_official_date", "status_date"]) f[k].value = displayDate(p[k]);
  f.cccd.value = p.cccd || "";
  // A new record starts on the first entry of each list (nam; đang công tác).
  f.sex.value = p.sex || codes.list("sexes")[0].code;
  f.status.value = p.status || codes.list("statuses")[0].code;
  f.professional_level.value = p.professional_level || "";
  f.graduation_class.value = p.graduation_class || "";
  f.political_theory.value = p.political_theory || "";
  f.state_management.value = p.state_management || "";
  f.foreign_language.value = [p.foreign_language?.note, p.foreign_language?.level].filter(Boolean).join(" ");
  f.it.value = [p.it?.level, p.it?.note].filter(Boolean).join(" ");
  $("positions").replaceChildren(...(p.positions || []).map(positionRow));
  $("ratings").replaceChildren(...(p.ratings || []).map(ratingRow));
  $("records").replaceChildren(...(p.discipline_rewards || []).map(recordRow));
  $("trainings").replaceChildren(...(p.trainings || []).map(trainingRow));
}

function collect() {
  const f = $("form-person");
  const v = (k) => f[k].value.trim();
  const opt = (k) => v(k) || null;
  const p = editing ? structuredClone(editing) : {};
  Object.assign(p, {
    full_name: v("full_name"), other_name: v("other_name"), sex: v("sex"), birth_date: v("birth_date"),
    ethnicity: v("ethnicity") || "Kinh", religion: v("religion") || "Không", home_town: v("home_town"),
    birthplace: v("birthplace"), residence: v("residence"), cccd: opt("cccd"),
    party_admission_date: opt("party_admission_date"), party_official_date: opt("party_official_date"),
    party_card_no: v("party_card_no"), general_education: v("general_education"),
    professional_level: opt("professional_level"), professional_field: v("professional_field"),
    graduation_class: opt("graduation_class"),
    political_theory: opt("political_theory"), state_management: opt("state_management"),
    status: v("status"), status_date: opt("status_date"), status_reason: v("status_reason"),
  });
  // Free text keeps what the record had when unchanged.
  const fl = v("foreign_language");
  if (fl !== [p.foreign_language?.note, p.foreign_language?.level].filter(Boolean).join(" ")) p.foreign_language = { level: "", note: fl };
  const it = v("it");
  if (it !== [p.it?.level, p.it?.note].filter(Boolean).join(" ")) p.it = { level: it, note: "" };
  p.positions = [...$("positions").children].map((tr) => {
    const g = (n) => tr.querySelector(`[name=${n}]`).value.trim();
    return { title: g("pos_title"), organisation: g("pos_org"), start: g("pos_start") || null, end: g("pos_end") || null };
  }).filter((h) => h.title || h.start);
  p.ratings = [...$("ratings").children].map((tr) => ({
    year: Number(tr.querySelector("[name=rating_year]").value),
    level: tr.querySelector("[name=rating_level]").value,
  })).filter((r) => r.year);
  const cell = (tr, n) => tr.querySelector(`[name=${n}]`).value.trim();
  p.discipline_rewards = [...$("records").children].map((tr) => ({
    kind: cell(tr, "rec_kind"), form: cell(tr, "rec_form"), date: cell(tr, "rec_date"),
    decision_no: cell(tr, "rec_decision"), until: cell(tr, "rec_until") || null,
    note: (editing?.discipline_rewards || []).find((d) => d.form === cell(tr, "rec_form"))?.note || "",
  })).filter((d) => d.form || d.date);
  p.trainings = [...$("trainings").children].map((tr) => ({
    name: cell(tr, "tr_name"), institution: cell(tr, "tr_inst"),
    from: cell(tr, "tr_from") || null, to: cell(tr, "tr_to") || null, certificate: cell(tr, "tr_cert"),
  })).filter((t) => t.name);
  return p;
}

const formNow = () => JSON.stringify(collect());

/** True when the open record form holds typing that is not saved. */
export function dirty() {
  return !$("screen-person").hidden && formNow() !== pristine;
}

/** Before a lock: keeps the half-typed record in memory (the page's memory only). */
export function keepDraft(file) {
  kept = dirty() ? { file, id: editing ? editing.id : null, data: collect() } : null;
}

/** After an unlock of the same file: offers the record that was being typed. */
export async function offerDraft(file) {
  if (!kept || kept.file !== file) { kept = null; return; }
  const k = kept;
  kept = null;
  const name = k.data.full_name || "(chưa có họ tên)";
  const yes = await ask({
    title: "Có hồ sơ đang nhập dở",
    intro: `Khi chương trình tự khóa, hồ sơ “${name}” đang nhập dở và chưa lưu. Mở lại để nhập tiếp?`,
    ok: "Mở lại để nhập tiếp", cancel: "Bỏ phần đã nhập",
  });
  if (!yes) return;
  await open(k.id, k.data);
}

const SECTION = {
  identity: "fieldset", positions: "[data-field=positions]", ratings: "[data-field=ratings]",
  records: "[data-field=discipline_rewards]", trainings: "[data-field=trainings]",
};

/** Opens a person's record at a section (from a finding): "Nhập xếp loại" lands on the ratings. */
export async function openRecord(id, section) {
  await open(id);
  const box = section && $("form-person").querySelector(SECTION[section] || "fieldset");
  if (!box) return;
  box.scrollIntoView({ block: "start" });
  box.classList.add("spot");
  setTimeout(() => box.classList.remove("spot"), 2500);
  if (section === "ratings" && !$("ratings").children.length) $("ratings").append(ratingRow());
  const first = box.querySelector("input, select");
  if (first) first.focus();
}

/** Leaves the record form, asking first when typing would be lost. */
async function leave() {
  if (dirty()) {
    const yes = await ask({
      title: "Bỏ các thay đổi chưa lưu?",
      intro: "Hồ sơ này có thông tin vừa nhập nhưng chưa lưu. Nếu bỏ, phần vừa nhập sẽ mất.",
      ok: "Bỏ thay đổi", cancel: "Tiếp tục sửa",
    });
    if (!yes) { $("form-person").full_name.focus(); return; }
  }
  ctx.go("screen-people");
}

async function open(id, draft) {
  showError(null);
  editing = id ? await backend.call("person", { id }) : null;
  $("person-title").textContent = editing ? editing.full_name : "Thêm cán bộ";
  fill(editing || {});
  pristine = formNow();
  if (draft) fill(Object.assign(structuredClone(editing || {}), draft));
  const box = $("person-history-box");
  box.hidden = !editing;
  if (editing) {
    const hist = await backend.call("person_history", { id });
    $("person-history").replaceChildren(...hist.map((h) =>
      el("li", {}, `${h.at.slice(0, 16).replace("T", " ")} — ${h.action === "create" ? "tạo hồ sơ" : h.action === "update" ? "sửa hồ sơ" : h.action}${h.actor ? " (" + h.actor + ")" : ""}`)));
  }
  ctx.go("screen-person");
  $("form-person").full_name.focus();
}

async function save() {
  const f = $("form-person");
  if ($("screen-person").hidden) return; // already saved and left: a late Enter does nothing
  const person = collect();
  try {
    let id;
    try {
      id = await backend.call("save_person", { person, samePersonConfirmed: false });
    } catch (e) {
      if (!e || e.code !== "same_person") throw e;
      // Someone with this name and birth date is on record: saved again only if the clerk
      // says this is another person.
      const yes = await ask({
        title: "Đã có người cùng họ tên và ngày sinh",
        intro: e.message,
        ok: "Đúng là người khác, vẫn lưu", cancel: "Quay lại",
      });
      if (!yes) { f.full_name.focus(); return; }
      id = await backend.call("save_person", { person, samePersonConfirmed: true });
    }
    clearFieldErrors(f);
    ctx.go("screen-people");
    ctx.notice(`Đã lưu hồ sơ ${f.full_name.value.trim()}.`);
    const row = document.querySelector(`#people tr[data-id="${id}"]`);
    if (row) row.classList.add("saved");
  } catch (e) {
    showError(e);
    showFieldErrors(f, e);
  }
}

export function init(c) {
  ctx = c;
  options($("filter-status"), codes.map("statuses"), "Mọi tình trạng");
  options($("filter-sex"), codes.map("sexes"), "Nam và nữ");
  const f = $("form-person");
  options(f.sex, codes.map("sexes"));
  options(f.status, codes.map("statuses"));
  options(f.professional_level, codes.map("professional_levels"), "—");
  options(f.graduation_class, codes.map("graduation_classes"), "—");
  options(f.political_theory, codes.map("political_theory_levels"), "—");
  options(f.state_management, codes.map("state_management_levels"), "—");
  $("search").addEventListener("input", () => refresh().catch(showError));
  $("filter-status").addEventListener("change", () => refresh().catch(showError));
  $("filter-sex").addEventListener("change", () => refresh().catch(showError));
  $("filter-age").addEventListener("change", () => refresh().catch(showError));
  $("filter-plan").addEventListener("change", () => refresh().catch(showError));
  $("filter-post").addEventListener("input", () => refresh().catch(showError));
  $("btn-add-person").addEventListener("click", () => open(null).catch(showError));
  $("people").addEventListener("click", (e) => {
    const tr = e.target.closest("tr[data-id]");
    if (tr) open(Number(tr.dataset.id)).catch(showError);
  });
  $("people").addEventListener("keydown", (e) => {
    const tr = e.target.closest("tr[data-id]");
    if (tr && e.key === "Enter") open(Number(tr.dataset.id)).catch(showError);
  });
  $("btn-add-position").addEventListener("click", () => $("positions").append(positionRow()));
  $("btn-add-rating").addEventListener("click", () => $("ratings").append(ratingRow()));
  $("btn-add-record").addEventListener("click", () => $("records").append(recordRow()));
  $("btn-add-training").addEventListener("click", () => $("trainings").append(trainingRow()));
  // One save at a time (a second Enter or a double click is ignored); the core names every
  // field itself, all at once, so the form's own checks are not run first.
  onSubmit(f, save, { check: false });
  // Enter saves from any field, drop-downs included (not from a multi-line box or a button).
  f.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target.tagName === "SELECT") { e.preventDefault(); f.requestSubmit(); }
  });
  $("btn-person-cancel").addEventListener("click", () => leave().catch(showError));
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || $("ask").open) return;
    if (!$("screen-person").hidden) { e.preventDefault(); leave().catch(showError); }
    else if (document.activeElement === $("search")) { $("search").value = ""; refresh().catch(showError); }
  });
}
