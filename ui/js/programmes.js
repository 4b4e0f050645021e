// Source programmes (đề án tạo nguồn): create one with its posts and criteria, propose people
// (each criterion shown met or not; the core refuses one who falls short, naming the criterion),
// approve the list, record trainings, evaluations and outcomes, save the report and the list.
// Also the young-cadre list (criteria as data, saved sets) and the rotation lists.
import * as backend from "./backend.js";
import { $, el, ask, displayDate, options, showError, suggestPath, today, onSubmit, onClick, once } from "./dom.js";
import * as codes from "./codes.js";

let ctx;
let current = null; // the programme shown
let folder = "";
let positions = [];


const suggest = (name, ext) => suggestPath(folder, name, ext);

/** The criteria inputs, named with a prefix, into a container. */
function criteriaInputs(box, prefix) {
  const sel = (name, map, label) => {
    const s = el("select", { name: prefix + name, "aria-label": label });
    options(s, map, "— không đòi hỏi —");
    return el("label", {}, label, " ", s);
  };
  const plan = el("div", { class: "checks-list", "data-field": "in_plan_for" },
    positions.map((p) => el("label", { class: "inline" },
      el("input", { type: "checkbox", name: prefix + "in_plan_for", value: p.code }), " ", p.name)));
  box.replaceChildren(
    el("div", { class: "row" },
      el("label", {}, "Tuổi dưới ", el("input", { name: prefix + "age_under", type: "number", min: 18, max: 70 })),
      el("label", {}, "Tính tuổi tại ngày ", el("input", { name: prefix + "age_at", placeholder: "dd/mm/yyyy" }))),
    el("div", { class: "row" },
      sel("professional", codes.map("professional_levels"), "Chuyên môn từ"),
      sel("graduation", codes.map("graduation_classes"), "Tốt nghiệp loại từ"),
      sel("political_theory", codes.map("political_theory_levels"), "Lý luận chính trị từ")),
    el("div", { class: "row" },
      el("label", {}, "Số năm liền được đánh giá ", el("input", { name: prefix + "rating_years", type: "number", min: 0, max: 10 })),
      sel("rating_min", codes.map("rating_levels"), "Mức xếp loại tối thiểu")),
    el("p", { class: "hint" }, "Có trong quy hoạch một trong các chức danh (không chọn: không đòi hỏi):"),
    plan,
    // Only a programme has posts of its own to judge against the plan's rules.
    prefix === "c_"
      ? el("label", { class: "check" }, el("input", { type: "checkbox", name: prefix + "plan_rules" }),
        " Đủ điều kiện quy hoạch một chức danh của đề án theo quy định đang áp dụng (xét như bảng quy hoạch)")
      : "");
}

function readCriteria(form, prefix) {
  const v = (n) => (form.querySelector(`[name="${prefix}${n}"]`) || {}).value || "";
  const age = v("age_under").trim();
  return {
    age_under: age ? Number(age) : null,
    age_at: v("age_at").trim(),
    professional: v("professional"),
    graduation: v("graduation"),
    political_theory: v("political_theory"),
    rating_years: Number(v("rating_years") || 0),
    rating_min: v("rating_min"),
    in_plan_for: [...form.querySelectorAll(`[name="${prefix}in_plan_for"]:checked`)].map((c) => c.value),
    plan_rules: !!(form.querySelector(`[name="${prefix}plan_rules"]`) || {}).checked,
  };
}

function fillCriteria(form, prefix, c) {
  const set = (n, val) => { const i = form.querySelector(`[name="${prefix}${n}"]`); if (i) i.value = val ?? ""; };
  set("age_under", c.age_under);
  set("age_at", displayDate(c.age_at));
  set("professional", c.professional);
  set("graduation", c.graduation);
  set("political_theory", c.political_theory);
  set("rating_years", c.rating_years || "");
  set("rating_min", c.rating_min);
  form.querySelectorAll(`[name="${prefix}in_plan_for"]`).forEach((b) => { b.checked = (c.in_plan_for || []).includes(b.value); });
  const pr = form.querySelector(`[name="${prefix}plan_rules"]`);
  if (pr) pr.checked = !!c.plan_rules;
}

// The programme form: a new programme, or the shown one's details to correct.
function programmeForm(p) {
  const f = $("form-programme");
  f.reset();
  f.dataset.editing = p ? String(p.id) : "";
  $("prog-form-title").textContent = p ? `Sửa thông tin: ${p.name}` : "Đề án mới";
  $("btn-prog-save").textContent = p ? "Lưu sửa đổi" : "Tạo đề án";
  if (p) {
    f.name.value = p.name;
    f.deciding_body.value = p.deciding_body || "";
    f.decision_no.value = p.decision_no || "";
    f.decision_date.value = displayDate(p.decision_date);
    f.start_year.value = p.start_year;
    f.end_year.value = p.end_year;
    f.querySelectorAll("[name=posts]").forEach((b) => { b.checked = (p.posts || []).includes(b.value); });
    fillCriteria(f, "c_", p.criteria || {});
  }
  f.hidden = false;
  f.name.focus();
}

const result = (...parts) => $("prog-result").replaceChildren(...parts);

export async function refresh() {
  folder = await backend.call("output_dir");
  positions = await backend.call("positions");
  $("prog-posts").replaceChildren(...positions.map((p) => el("label", { class: "inline" },
    el("input", { type: "checkbox", name: "posts", value: p.code }), " ", p.name)));
  criteriaInputs($("prog-criteria"), "c_");
  criteriaInputs($("young-criteria"), "y_");
  options($("form-prog-record").rating, codes.map("rating_levels"), "—");
  const post = $("form-prog-outcome").post;
  post.replaceChildren(...positions.map((p) => el("option", { value: p.code }, p.name)));
  const list = await backend.call("programmes");
  $("young-programme").replaceChildren(...list.map((p) => el("option", { value: p.id }, p.name)));
  const sel = $("prog-select");
  sel.replaceChildren(...list.map((p) => el("option", { value: p.id }, `${p.name} (${p.start_year}–${p.end_year}, ${p.members} người)`)));
  if (!list.length) sel.append(el("option", { value: "" }, "— chưa có đề án —"));
  if (current && list.some((p) => p.id === current.id)) sel.value = String(current.id);
  $("form-programme").hidden = list.length > 0;
  for (const id of ["prog-cand-date"]) if (!$(id).value) $(id).value = today();
  const r = $("form-prog-report");
  if (!r.date.value) r.date.value = today();
  r.out.value = suggest("Báo cáo đề án", "pdf");
  r.xlsx.value = suggest("Danh sách đề án", "xlsx");
  const settings = await backend.call("doc_settings");
  if (!r.signer_name.value) r.signer_name.value = (settings.signer && settings.signer.name) || "";
  const fy = $("form-young");
  if (!fy.date.value) fy.date.value = today();
  fy.out.value = suggest("Danh sách cán bộ trẻ", "xlsx");
  const fp = $("form-rotation-params");
  const rp = await backend.call("rotation_params");
  fp.years.value = rp.years;
  fp.local_posts.value = rp.local_posts.join(", ");
  fp.tenure_rule.value = rp.tenure_rule;
  fp.local_rule.value = rp.local_rule;
  fp.basis.value = rp.basis;
  const fr = $("form-rotation");
  if (!fr.date.value) fr.date.value = today();
  fr.out.value = suggest("Danh sách luân chuyển", "xlsx");
  await loadSets();
  const people = await backend.call("search_people", { query: "" });
  $("form-movement").person_id.replaceChildren(...people.map((p) => el("option", { value: p.id }, `${p.full_name} (${displayDate(p.birth_date)})`)));
  if (sel.value) await show(Number(sel.value));
  else { current = null; $("prog-detail").hidden = true; $("btn-prog-edit").hidden = true; $("btn-prog-delete").hidden = true; }
}

async function loadSets() {
  const sets = await backend.call("criteria_sets");
  const s = $("young-sets");
  s.replaceChildren(el("option", { value: "" }, "—"), ...sets.map((x, i) => el("option", { value: i }, x.name)));
  s.onchange = () => {
    const x = sets[Number(s.value)];
    if (x) { fillCriteria($("form-young"), "y_", x.criteria); $("form-young").set_name.value = x.name; }
  };
}

// The kinds of a participant's records as the core lists them: trainings, then evaluations.
const recordKinds = () => codes.list("programme_record_kinds").map((k) => k.code);

function records(m, kind) {
  return m.records.filter((r) => r.kind === kind).map((r) => el("div", {},
    kind === recordKinds()[0]
      ? `${r.content}${r.institution ? ", " + r.institution : ""} (${displayDate(r.date)}${r.to ? "–" + displayDate(r.to) : ""})${r.result ? ": " + r.result : ""}${r.certificate ? "; " + r.certificate : ""}`
      : `Năm ${r.date.slice(0, 4)}: ${codes.label("rating_levels", r.rating) || r.result}${r.content ? ". " + r.content : ""}`));
}

function outcomeText(m) {
  const o = m.outcome;
  if (!o) return "";
  return o.kind
    ? `${codes.label("outcomes", o.kind)} ${o.post} từ ${displayDate(o.date)} (QĐ ${o.decision_no})`
    : `Ra khỏi đề án từ ${displayDate(o.date)}: ${o.reason} (QĐ ${o.decision_no})`;
}

function draw(p) {
  current = p;
  $("prog-detail").hidden = false;
  $("btn-prog-edit").hidden = false;
  // A programme with people in it is history: it can be corrected, not deleted.
  $("btn-prog-delete").hidden = p.members.length > 0;
  const posts = p.posts.map((c) => (positions.find((x) => x.code === c) || { name: c }).name).join(", ");
  $("prog-head").textContent = [
    p.decision_no ? `Quyết định số ${p.decision_no}${p.decision_date ? " ngày " + displayDate(p.decision_date) : ""}${p.deciding_body ? " của " + p.deciding_body : ""}` : "",
    `Giai đoạn ${p.start_year}–${p.end_year}`,
    posts ? `Tạo nguồn: ${posts}` : "",
    p.approval_no ? `Danh sách phê duyệt: Quyết định số ${p.approval_no} ngày ${displayDate(p.approval_date)}` : "Danh sách chưa được phê duyệt",
  ].filter(Boolean).join(" · ");
  $("prog-members").replaceChildren(...p.members.map((m, i) => el("tr", { dataset: { id: m.person_id } },
    el("td", { class: "num" }, i + 1),
    el("td", {}, m.full_name),
    el("td", { class: "stage" }, codes.label("member_stages", m.stage)),
    recordKinds().map((k) => el("td", {}, records(m, k))),
    el("td", { class: "outcome" }, outcomeText(m)))));
  if (!p.members.length) $("prog-members").append(el("tr", {}, el("td", { colspan: 6 }, "Chưa có ai: xét tiêu chí và đề xuất ở bảng dưới.")));
  const people = p.members.map((m) => el("option", { value: m.person_id }, m.full_name));
  $("form-prog-record").person.replaceChildren(...people.map((o) => o.cloneNode(true)));
  $("form-prog-outcome").person.replaceChildren(...people);
}

async function show(id) {
  draw(await backend.call("programme", { id }));
  $("prog-candidates").replaceChildren();
}

async function candidates() {
  const list = await backend.call("programme_candidates", { id: current.id, date: $("prog-cand-date").value });
  $("prog-candidates").replaceChildren(...list.map((a) => el("tr", { dataset: { id: a.person_id }, class: a.met ? "met" : "unmet" },
    el("td", {}, a.full_name),
    el("td", {}, el("ul", { class: "criteria" }, a.checks.map((c) =>
      el("li", { class: c.met ? "met" : "unmet" }, `${c.met ? "✓" : "✗"} ${c.criterion}: ${c.detail}`)))),
    el("td", {}, el("button", { type: "button", class: "small propose", onclick: (e) => once(e.currentTarget, () => propose(a.person_id)) }, "Đề xuất")))));
  if (!list.length) $("prog-candidates").append(el("tr", {}, el("td", { colspan: 3 }, "Không còn ai để đề xuất.")));
}

async function propose(personId) {
  showError(null);
  draw(await backend.call("propose_participant", { id: current.id, personId, date: $("prog-cand-date").value }));
  await candidates();
  ctx.notice("Đã đề xuất vào danh sách.");
}

let lastYoung = null;

function young(l) {
  lastYoung = l;
  const row = (a, i) => el("tr", { dataset: { id: a.person_id } },
    el("td", { class: "num" }, i + 1), el("td", {}, a.full_name), el("td", {}, displayDate(a.birth_date)),
    el("td", {}, a.positions),
    el("td", {}, a.met ? a.checks.map((c) => c.criterion).join("; ") : a.checks.filter((c) => !c.met).map((c) => `${c.criterion}: ${c.detail}`).join("; ")));
  $("young-meeting-title").textContent = `Đạt các tiêu chí: ${l.meeting.length} người`;
  $("young-meeting").replaceChildren(...l.meeting.map(row));
  $("young-short-title").textContent = `Còn thiếu một tiêu chí: ${l.just_short.length} người`;
  $("young-short").replaceChildren(...l.just_short.map(row));
}

function rotation(l) {
  $("rot-long-title").textContent = `Giữ một vị trí lãnh đạo từ ${l.params.years} năm trở lên: ${l.long_tenure.length} người`;
  $("rot-long").replaceChildren(...l.long_tenure.map((r) => el("tr", {},
    el("td", {}, r.full_name), el("td", {}, r.title), el("td", {}, displayDate(r.since)), el("td", { class: "num" }, r.years), el("td", {}, r.rule))));
  $("rot-local-title").textContent = `Chức danh chủ chốt là người địa phương: ${l.local_key.length} người`;
  $("rot-local").replaceChildren(...l.local_key.map((r) => el("tr", {},
    el("td", {}, r.full_name), el("td", {}, r.title), el("td", {}, r.home_town), el("td", { class: "num" }, r.years), el("td", {}, r.rule))));
}

const run = (f) => (e) => { if (e && e.preventDefault) e.preventDefault(); showError(null); f().catch(showError); };
// A form's or a button's work: once at a time (see dom.js `onSubmit`/`onClick`).
const act = (f) => async () => { showError(null); await f(); };

export function init(c) {
  ctx = c;
  // Appointed, elected (with the post), or left the programme (with the reason).
  options($("form-prog-outcome").kind, codes.map("outcome_choices"));
  options($("form-prog-record").kind, codes.map("programme_record_kinds"));
  options($("form-movement").kind, codes.map("movement_kinds"));
  document.querySelectorAll("#screen-programmes .tab").forEach((b) => b.addEventListener("click", () => {
    document.querySelectorAll("#screen-programmes .tab").forEach((t) => t.classList.toggle("active", t === b));
    document.querySelectorAll("#screen-programmes .pane").forEach((p) => { p.hidden = p.id !== b.dataset.tab; });
  }));
  $("prog-select").addEventListener("change", run(async () => { if ($("prog-select").value) await show(Number($("prog-select").value)); }));
  $("btn-prog-new").addEventListener("click", () => {
    const f = $("form-programme");
    if (!f.hidden && !f.dataset.editing) { f.hidden = true; return; }
    programmeForm(null);
  });
  $("btn-prog-edit").addEventListener("click", () => { if (current) programmeForm(current); });
  onClick($("btn-prog-delete"), act(async () => {
    if (!current) return;
    const yes = await ask({
      title: `Xóa đề án “${current.name}”?`,
      intro: "Chỉ xóa được đề án chưa có người tham gia (đề án tạo nhầm). Việc xóa được ghi vào nhật ký thay đổi.",
      ok: "Xóa đề án", cancel: "Không xóa",
    });
    if (!yes) return;
    await backend.call("delete_programme", { id: current.id });
    current = null;
    $("form-programme").hidden = true;
    await refresh();
    ctx.notice("Đã xóa đề án.");
  }));
  onSubmit($("form-programme"), act(async () => {
    const f = $("form-programme");
    const form = {
      name: f.name.value, deciding_body: f.deciding_body.value, decision_no: f.decision_no.value,
      decision_date: f.decision_date.value, start_year: Number(f.start_year.value || 0), end_year: Number(f.end_year.value || 0),
      posts: [...f.querySelectorAll("[name=posts]:checked")].map((x) => x.value),
      criteria: readCriteria(f, "c_"),
    };
    const editing = Number(f.dataset.editing || 0);
    const p = editing ? await backend.call("update_programme", { id: editing, form }) : await backend.call("create_programme", { form });
    current = p;
    f.reset();
    f.dataset.editing = "";
    f.hidden = true;
    await refresh();
    ctx.notice(editing ? "Đã lưu sửa đổi thông tin đề án." : "Đã tạo đề án.");
  }));
  onClick($("btn-prog-candidates"), act(candidates));
  onSubmit($("form-prog-approve"), act(async () => {
    const f = $("form-prog-approve");
    draw(await backend.call("approve_programme", { id: current.id, decisionNo: f.decision_no.value, date: f.date.value }));
    ctx.notice("Đã ghi quyết định phê duyệt danh sách.");
  }));
  onSubmit($("form-prog-record"), act(async () => {
    const f = $("form-prog-record");
    const input = {
      kind: f.kind.value, date: f.date.value, to: f.to.value, content: f.content.value, institution: f.institution.value,
      result: f.result.value, certificate: f.certificate.value, rating: f.rating.value,
    };
    draw(await backend.call("add_programme_record", { id: current.id, personId: Number(f.person.value), input }));
    for (const n of ["date", "to", "content", "institution", "result", "certificate"]) f[n].value = "";
    ctx.notice("Đã ghi.");
  }));
  onSubmit($("form-prog-outcome"), act(async () => {
    const f = $("form-prog-outcome");
    const input = { kind: f.kind.value, post: f.post.value, date: f.date.value, decision_no: f.decision_no.value, reason: f.reason.value, ends_post: f.ends_post.value };
    draw(await backend.call("set_programme_outcome", { id: current.id, personId: Number(f.person.value), input }));
    ctx.notice("Đã ghi kết quả.");
  }));
  /**
   * The programme report, numbered through the register like the other documents when "Cấp số"
   * is ticked (the next free number; a re-save keeps the number it holds, a new date is asked
   * as a correction with its reason), as a PDF or a Word file.
   */
  const saveReport = async (format) => {
    const f = $("form-prog-report");
    const settings = await backend.call("doc_settings");
    const signer = { ...(settings.signer || {}), name: f.signer_name.value };
    const out = format === "docx" ? f.out.value.replace(/\.(pdf|docx)$/i, "") + ".docx" : f.out.value;
    let input = { kind: "bao-cao-de-an", programme_id: current.id, date: f.date.value, signer, out, issue: f.issue.checked, format };
    for (;;) {
      try {
        const made = await backend.call("save_document", { input });
        const what = made.number ? made.number + " " : (made.draft ? "bản nháp, chưa cấp số " : "");
        result(`Đã lưu báo cáo ${what}(${made.pages} trang) vào `, el("code", { id: "prog-pdf-path" }, out),
          made.register_note ? el("span", {}, " " + made.register_note) : null);
        f.out.value = suggest("Báo cáo đề án", "pdf");
        return;
      } catch (e) {
        const changed = !input.correction_reason && ((e && e.fields) || []).find((x) => x.rule === "date_changed");
        if (!changed) throw e;
        const reason = await ask({
          title: "Đính chính ngày ban hành?",
          intro: changed.message,
          input: { label: "Lý do đính chính (ghi vào sổ đăng ký)" },
          ok: "Ghi đính chính và lưu",
        });
        if (!reason) return;
        input = { ...input, correction_reason: reason };
      }
    }
  };
  onSubmit($("form-prog-report"), act(async () => saveReport(/\.docx$/i.test($("form-prog-report").out.value) ? "docx" : "pdf")));
  onClick($("btn-prog-word"), act(async () => saveReport("docx")));
  onClick($("btn-prog-xlsx"), act(async () => {
    const f = $("form-prog-report");
    const n = await backend.call("export_programme", { id: current.id, out: f.xlsx.value });
    result(`Đã xuất ${n} người vào `, el("code", { id: "prog-xlsx-path" }, f.xlsx.value));
    f.xlsx.value = suggest("Danh sách đề án", "xlsx");
  }));
  const fy = $("form-young");
  onSubmit(fy, act(async () => young(await backend.call("young_list", { criteria: readCriteria(fy, "y_"), date: fy.date.value }))));
  onClick($("btn-young-propose"), act(async () => {
    if (!lastYoung) await young(await backend.call("young_list", { criteria: readCriteria(fy, "y_"), date: fy.date.value }));
    const id = Number($("young-programme").value);
    if (!id) throw { message: "Chưa có đề án: tạo đề án trước ở thẻ “Đề án”.", fields: [] };
    const r = await backend.call("propose_list", { id, personIds: lastYoung.meeting.map((a) => a.person_id), date: fy.date.value });
    const refused = r.refused.map(([name, why]) => `${name}: ${why}`);
    ctx.notice(`Đã đề xuất ${r.proposed.length} người vào đề án.` + (refused.length ? ` Không đề xuất ${refused.length} người — ${refused.join("; ")}` : ""));
  }));
  onClick($("btn-young-save"), act(async () => {
    await backend.call("save_criteria_set", { name: fy.set_name.value, criteria: readCriteria(fy, "y_") });
    await loadSets();
    ctx.notice("Đã lưu bộ tiêu chí.");
  }));
  onClick($("btn-young-xlsx"), act(async () => {
    await backend.call("export_young", { criteria: readCriteria(fy, "y_"), date: fy.date.value, out: fy.out.value });
    ctx.notice(`Đã xuất vào ${fy.out.value}`);
    fy.out.value = suggest("Danh sách cán bộ trẻ", "xlsx");
  }));
  const fr = $("form-rotation");
  onSubmit(fr, act(async () => rotation(await backend.call("rotation_lists", { date: fr.date.value }))));
  onClick($("btn-rotation-xlsx"), act(async () => {
    await backend.call("export_rotation", { date: fr.date.value, out: fr.out.value });
    ctx.notice(`Đã xuất vào ${fr.out.value}`);
    fr.out.value = suggest("Danh sách luân chuyển", "xlsx");
  }));
  onSubmit($("form-rotation-params"), act(async () => {
    const f = $("form-rotation-params");
    await backend.call("save_rotation_params", { params: {
      years: Number(f.years.value), tenure_rule: f.tenure_rule.value, local_rule: f.local_rule.value, basis: f.basis.value,
      local_posts: f.local_posts.value.split(",").map((x) => x.trim()).filter(Boolean),
    } });
    ctx.notice("Đã lưu căn cứ xét luân chuyển; danh sách được lập lại theo căn cứ mới.");
    rotation(await backend.call("rotation_lists", { date: fr.date.value }));
  }));
  onSubmit($("form-movement"), act(async () => {
    const f = $("form-movement");
    const input = {
      person_id: Number(f.person_id.value), kind: f.kind.value, from_title: f.from_title.value, from_org: f.from_org.value,
      to_title: f.to_title.value, to_org: f.to_org.value, date: f.date.value, end_date: f.end_date.value, decision_no: f.decision_no.value,
      decision_date: f.decision_date.value,
    };
    await backend.call("record_movement", { input });
    f.reset();
    ctx.notice("Đã ghi; chức vụ của người này đã được cập nhật.");
    rotation(await backend.call("rotation_lists", { date: fr.date.value }));
  }));
}
