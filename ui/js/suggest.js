// The plan assistant (Gợi ý phương án, issue 24) on the plan board: the clerk chooses what to keep,
// who to leave out, which targets are hard and the weights; the core proposes (`plan_suggest`),
// with every row's card and reasons; the rows the clerk ticks are written in one go
// (`plan_suggest_accept`). Every verdict, label, figure and sentence is the core's.
import * as backend from "./backend.js";
import { $, el, checkFields, showError, onClick, onSubmit, readNumber } from "./dom.js";

let ctx;
let refreshBoard;
let options = null; // what the next proposal is asked with (the core's defaults at first)
let shown = null; // the proposal drawn

const term = () => $("plan-term").value;

/** The options as the form and the proposal's controls hold them now. */
function readOptions() {
  const f = $("form-suggest");
  const o = structuredClone(options);
  o.per_seat = readNumber(f.per_seat.value);
  for (const input of $("suggest-weights").querySelectorAll("input")) o.weights[input.name] = readNumber(input.value);
  o.hard = [...$("suggest-targets").querySelectorAll("input[name=hard]:checked")].map((i) => Number(i.value));
  return o;
}

function drawWeights(weights) {
  $("suggest-weights").replaceChildren(...weights.map((w) =>
    el("label", { title: w.hint }, w.label,
      el("input", { name: w.key, value: String(w.value).replace(".", ","), dataset: { number: "1", min: "0", max: "1000" }, inputmode: "decimal" }))));
}

function drawTargets(p) {
  $("suggest-targets").replaceChildren(p.targets.length
    ? el("table", { class: "list compact" },
      el("thead", {}, el("tr", {}, ["Chỉ tiêu", "Bắt buộc", "Hiện nay", "Phương án", "Kết quả"].map((h) => el("th", {}, h)))),
      el("tbody", {}, p.targets.map((t) => el("tr", { class: t.met ? "met" : "missed" },
        el("td", {}, t.label),
        el("td", {}, el("input", { type: "checkbox", name: "hard", value: String(t.target_id), checked: t.hard || null, "aria-label": `Bắt buộc: ${t.label}` })),
        el("td", {}, t.now), el("td", {}, t.proposed),
        el("td", {}, t.result)))))
    : el("p", { class: "hint" }, "Đơn vị chưa đặt chỉ tiêu cho nhiệm kỳ này."));
}

function card(c) {
  return el("details", { class: "suggest-card" },
    el("summary", {}, `${c.verdict_label} — điểm ${String(c.score).replace(".", ",")}`),
    el("ul", {}, c.passes.map((x) => el("li", {}, x))),
    c.notes.length ? el("div", { class: "hint" }, "Cần lưu ý: ", c.notes.join(" ")) : "",
    el("table", { class: "list compact parts" },
      el("tbody", {}, c.parts.map((x) => el("tr", {},
        el("td", {}, x.label), el("td", {}, x.detail), el("td", { class: "num" }, String(x.points).replace(".", ",")))))),
    c.helps.length ? el("ul", { class: "helps" }, c.helps.map((h) => el("li", {}, h))) : "");
}

/** A row's controls to keep it fixed (an entry) or leave the person out (an addition). */
function rowControls(r) {
  if (r.entry_id !== null) {
    const box = el("input", { type: "checkbox", checked: r.locked || null, "aria-label": `Giữ cố định: ${r.full_name}` });
    box.addEventListener("change", () => {
      const id = r.entry_id;
      options.locked = options.locked.filter((x) => x !== id);
      options.unlocked = options.unlocked.filter((x) => x !== id);
      (box.checked ? options.locked : options.unlocked).push(id);
    });
    return el("label", { class: "inline small" }, box, " giữ cố định");
  }
  return el("button", { type: "button", class: "secondary small", onclick: () => exclude(r.person_id, r.full_name) }, "Loại khỏi gợi ý");
}

function exclude(id, name) {
  if (!options.excluded.includes(id)) options.excluded.push(id);
  drawExcluded();
  ctx.notice(`${name} sẽ không có trong gợi ý lần sau. Bấm “Gợi ý phương án” để lập lại.`);
}

function drawExcluded() {
  const names = shown ? new Map(shown.posts.flatMap((p) => p.rows.concat(p.not_chosen)).map((r) => [r.person_id, r.full_name])) : new Map();
  $("suggest-excluded").replaceChildren(...options.excluded.map((id) =>
    el("span", { class: "tag" }, names.get(id) || `Mã số ${id}`, " ",
      el("button", { type: "button", class: "link", "aria-label": "Bỏ loại", onclick: () => { options.excluded = options.excluded.filter((x) => x !== id); drawExcluded(); } }, "×"))));
}

function postSection(p) {
  const rows = p.rows.map((r) => el("tr", { class: `suggest-row${r.drop ? " drop" : ""}${r.acceptable ? "" : " kept"}`, dataset: { person: r.person_id, code: p.code } },
    el("td", {}, r.acceptable ? el("input", { type: "checkbox", name: "accept", "aria-label": `Chọn dòng ${r.action_label}: ${r.full_name}`, dataset: { person: r.person_id, code: p.code, drop: r.drop ? "1" : "" } }) : ""),
    el("td", {}, el("strong", {}, r.action_label)),
    el("td", {}, r.full_name, el("div", { class: "hint" }, r.birth_date)),
    el("td", {}, r.card ? card(r.card) : r.reasons.map((x) => el("div", {}, x))),
    el("td", {}, rowControls(r))));
  return el("section", { class: "position suggest-post", dataset: { code: p.code } },
    el("header", {}, el("h3", {}, p.name),
      el("span", { class: "count" }, `${p.proposed} người (cần ${p.min}–${p.max}); hiện ${p.planned_now}`)),
    p.shortfall ? el("p", { class: "warn-note" }, p.shortfall) : "",
    el("table", { class: "list compact" }, el("tbody", {}, rows)),
    p.not_chosen.length
      ? el("details", { class: "not-chosen" }, el("summary", {}, `Không chọn (${p.not_chosen.length} người đủ điều kiện) — vì sao`),
        el("ul", {}, p.not_chosen.map((n) => el("li", {}, el("strong", {}, n.full_name), `: ${n.reasons.join(" ")} `,
          el("button", { type: "button", class: "link", onclick: () => exclude(n.person_id, n.full_name) }, "loại khỏi gợi ý")))))
      : "");
}

function draw(p) {
  shown = p;
  options = p.options;
  $("suggest-summary").textContent = p.summary;
  $("suggest-conflict").hidden = !p.conflict.length;
  $("suggest-conflict").replaceChildren(...(p.conflict.length ? [
    el("strong", {}, "Không thể cùng đạt các chỉ tiêu bắt buộc:"), el("ul", {}, p.conflict.map((c) => el("li", {}, c))),
    el("p", {}, "Phương án dưới đây là phương án tốt nhất khi coi các chỉ tiêu này là mong muốn.")] : []));
  $("suggest-kept").replaceChildren(...p.kept_violations.map((v) => el("div", {}, `Giữ theo lựa chọn của văn phòng, còn vi phạm: ${v}`)));
  drawTargets(p);
  drawWeights(p.weights);
  drawExcluded();
  $("form-suggest").per_seat.value = p.options.per_seat ?? "";
  $("suggest-posts").replaceChildren(...p.posts.filter((x) => x.rows.length || x.shortfall).map(postSection));
  $("suggest-accept").hidden = !p.posts.some((x) => x.rows.some((r) => r.acceptable));
  $("suggest-result").hidden = false;
}

async function propose() {
  const f = $("form-suggest");
  $("suggest-summary").textContent = "Đang tìm phương án…";
  const p = await backend.call("plan_suggest", { term: term(), options: readOptions() });
  draw(p);
  f.scrollIntoView({ block: "start" });
}

export async function open() {
  $("plan-add").hidden = true;
  $("plan-step").hidden = true;
  $("plan-review").hidden = true;
  $("suggest-result").hidden = true;
  $("plan-suggest").hidden = false;
  options = await backend.call("plan_suggest_defaults");
  $("suggest-weights").replaceChildren();
  await propose();
}

export function init(c) {
  ctx = c;
  refreshBoard = c.refresh;
  onClick($("btn-suggest"), () => open());
  $("btn-suggest-close").addEventListener("click", () => { $("plan-suggest").hidden = true; });
  onSubmit($("form-suggest"), () => propose());
  $("btn-suggest-all").addEventListener("click", () => {
    const boxes = [...$("suggest-posts").querySelectorAll("input[name=accept]")];
    const all = boxes.some((b) => !b.checked);
    boxes.forEach((b) => { b.checked = all; });
  });
  onClick($("btn-suggest-accept"), async () => {
    const f = $("form-suggest-accept");
    if (!checkFields(f, $("btn-suggest-accept"))) return;
    const rows = [...$("suggest-posts").querySelectorAll("input[name=accept]:checked")]
      .map((b) => ({ position: b.dataset.code, person_id: Number(b.dataset.person), drop: !!b.dataset.drop }));
    const n = await backend.call("plan_suggest_accept", { term: term(), rows,
      decision: { decision_no: f.decision_no.value, decision_date: f.decision_date.value } });
    $("plan-suggest").hidden = true;
    ctx.notice(`Đã ghi ${n} dòng của phương án vào quy hoạch.`);
    await refreshBoard();
  });
}
