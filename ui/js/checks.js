// The dashboard: findings with their explanation and a link to the person or post, the ward's
// targets drawn as bars against the threshold, and an age pyramid by sex.
import * as backend from "./backend.js";
import { $, el, svg, showError } from "./dom.js";
import { fillTerms, openAddFor } from "./plan.js";
import { openRecord } from "./people.js";
import * as codes from "./codes.js";

let ctx;

const pct = (x) => `${(Math.round(x * 1000) / 10).toString().replace(".", ",")}%`;

/** One bar per target: the value against a marked threshold, green when met, red when not. */
function targetBars(targets) {
  if (!targets.length) return el("p", { class: "hint" }, "Chưa đặt chỉ tiêu nào cho nhiệm kỳ này.");
  // Each target: its full label on a line of its own (with the year it is due), then the bar,
  // the threshold marked and written, and the value reached.
  const sorted = [...targets].sort((a, b) => a.target.year - b.target.year);
  const rowH = 52, w = 560, left = 0, barW = 400;
  const root = svg("svg", { viewBox: `0 0 ${w} ${sorted.length * rowH + 10}`, class: "chart", role: "img", "aria-label": "Chỉ tiêu so với thực tế" });
  sorted.forEach((t, i) => {
    const y = 4 + i * rowH;
    const isCount = codes.has("count_indicators", t.target.indicator);
    const max = isCount ? Math.max(t.of, t.target.threshold, 1) : 1;
    const val = isCount ? t.count : t.value;
    const need = isCount ? `ít nhất ${t.target.threshold}` : `ít nhất ${pct(t.target.threshold)}`;
    root.append(svg("text", { x: 0, y: y + 13, class: "label" }, `Năm ${t.target.year} · ${codes.label("indicators", t.target.indicator)} – ${t.body_label} (${need})`));
    const by = y + 20;
    // The verdict is the core's: met, missed, or nobody in the plan to count (no figure then).
    const state = !t.counted ? "none" : t.met ? "met" : "unmet";
    root.append(svg("rect", { x: left, y: by, width: barW, height: 18, class: "track" }));
    root.append(svg("rect", { x: left, y: by, width: Math.max(0, Math.min(1, val / max)) * barW, height: 18, class: state }));
    const tx = left + Math.min(1, t.target.threshold / max) * barW;
    root.append(svg("line", { x1: tx, x2: tx, y1: by - 3, y2: by + 21, class: "threshold" }));
    root.append(svg("text", { x: t.counted ? left + barW + 8 : left + 8, y: by + 14, class: `${state}-text` },
      t.counted ? `${isCount ? `${t.count}` : `${pct(t.value)} (${t.count}/${t.of})`} ${t.verdict}` : t.verdict));
  });
  return root;
}

/** People in the plan (once each) by 5-year age band, men left, women right. */
function pyramid(board) {
  const seen = new Map();
  for (const p of board.positions) for (const e of p.entries) if (e.active) seen.set(e.person_id, e);
  const people = [...seen.values()];
  if (!people.length) return el("p", { class: "hint" }, "Chưa có ai trong quy hoạch.");
  const bands = [];
  for (let a = 25; a < 65; a += 5) bands.push([a, a + 4]);
  const band = (age) => Math.max(0, Math.min(bands.length - 1, Math.floor((age - 25) / 5)));
  const men = bands.map(() => 0), women = bands.map(() => 0);
  // The two sexes of the core's list, in its order: the first left, the second right.
  const [left, right] = codes.list("sexes");
  for (const e of people) (e.sex === right.code ? women : men)[band(e.age)]++;
  const max = Math.max(1, ...men, ...women);
  const rowH = 20, w = 520, mid = w / 2, half = mid - 50;
  const root = svg("svg", { viewBox: `0 0 ${w} ${bands.length * rowH + 24}`, class: "chart", role: "img", "aria-label": "Tháp tuổi theo giới tính" });
  root.append(svg("text", { x: mid - 60, y: 12, class: "label", "text-anchor": "end" }, `${left.label} (${men.reduce((a, b) => a + b, 0)})`));
  root.append(svg("text", { x: mid + 60, y: 12, class: "label" }, `${right.label} (${women.reduce((a, b) => a + b, 0)})`));
  bands.slice().reverse().forEach(([lo, hi], j) => {
    const i = bands.length - 1 - j;
    const y = 20 + j * rowH;
    const mw = (men[i] / max) * (half - 30), ww = (women[i] / max) * (half - 30);
    root.append(svg("rect", { x: mid - 40 - mw, y, width: mw, height: rowH - 4, class: "men" }));
    root.append(svg("rect", { x: mid + 40, y, width: ww, height: rowH - 4, class: "women" }));
    root.append(svg("text", { x: mid, y: y + 12, "text-anchor": "middle", class: "label" }, i === bands.length - 1 ? `${lo}+` : `${lo}–${hi}`));
    if (men[i]) root.append(svg("text", { x: mid - 44 - mw, y: y + 12, "text-anchor": "end", class: "label" }, men[i]));
    if (women[i]) root.append(svg("text", { x: mid + 44 + ww, y: y + 12, class: "label" }, women[i]));
  });
  return root;
}

export async function refresh() {
  await fillTerms($("checks-term"));
  const term = $("checks-term").value;
  if (!term) {
    $("findings").replaceChildren(el("li", { class: "hint" }, "Chưa có nhiệm kỳ nào."));
    return;
  }
  const board = await backend.call("plan_board", { term });
  const r = board.report;
  $("checks-summary").textContent = `${board.summary} — ${r.rule_set}, kiểm tra ngày ${r.as_of.split("-").reverse().join("/")}`;
  // The yearly review's calendar (HD 45: done in Quarter I, reported by June): due, late or done.
  const rc = $("checks-review");
  rc.textContent = r.review ? r.review.message : "";
  rc.className = "review-calendar " + (r.review ? r.review.status : "");
  // Grouped by person, then post, then the plan; most serious first; each line says what to do
  // (the core leaves out what is information only).
  const items = board.groups.map((g) =>
    el("li", { class: "group " + g.worst, dataset: { person: g.person_id || "" } },
      el("div", { class: "group-head" },
        el("strong", {}, g.title),
        g.person_id ? el("button", { type: "button", class: "link", onclick: () => openRecord(g.person_id).catch(showError) }, "Xem người này") : ""),
      el("ul", {}, g.items.map((a) => el("li", { class: a.severity },
        el("strong", {}, `${a.severity_label}: `), a.message,
        el("div", { class: "todo" }, "Cần làm: " + a.action,
          g.person_id && a.section_button
            ? el("button", { type: "button", class: "link", dataset: { section: a.section }, onclick: () => openRecord(g.person_id, a.section).catch(showError) }, a.section_button)
            : "",
          a.add_to_position
            ? el("button", { type: "button", class: "link", dataset: { add: a.add_to_position }, onclick: () => openAddFor(term, a.add_to_position).catch(showError) }, "Thêm người vào quy hoạch")
            : ""),
        el("div", { class: "hint" }, a.rule_label ? `${a.rule_label} — ${a.source}` : a.source))))));
  $("findings").replaceChildren(...(items.length ? items : [el("li", { class: "ok" }, "Không có vi phạm hay cảnh báo.")]));
  $("targets").replaceChildren(targetBars(r.targets));
  $("pyramid").replaceChildren(pyramid(board));
}

export function init(c) {
  ctx = c;
  $("checks-term").addEventListener("change", (e) => { localStorage.setItem("quyhoach.term", e.target.value); refresh().catch(showError); });
}
