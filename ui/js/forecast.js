// The succession forecast (Dự báo nguồn kế cận, issue 23): a grid of posts × years, the counters
// above it, a cell explained on click, and the structure if nothing changes. Every figure, colour
// code, label and sentence is the core's (`app::forecast::view`); this file only draws them.
import * as backend from "./backend.js";
import { $, el, svg, checkFields, showError, onClick, onSubmit, suggestPath } from "./dom.js";
import { fillTerms } from "./plan.js";

let horizon = null; // the years chosen; null: the core's default
let shown = null; // the view drawn
let ctx;
let folder = "";
let settings = {}; // the remembered document settings (the signer)

const input = () => ({ term: $("forecast-term").value, years: horizon });

function drawHorizons(v) {
  $("forecast-horizons").replaceChildren(...v.horizons.map((h) =>
    el("button", { type: "button", class: `secondary tab${h === v.horizon ? " active" : ""}`, dataset: { years: h }, "aria-pressed": h === v.horizon ? "true" : "false",
      onclick: () => { horizon = h; refresh().catch(showError); } }, `${h} năm`)));
}

function drawCounters(v) {
  $("forecast-counters").replaceChildren(...v.counters.map((c) =>
    el("details", { class: `counter ${c.status}` },
      el("summary", {}, el("strong", { class: "count-figure" }, String(c.count)), " ", c.label),
      c.items.length ? el("ul", {}, c.items.map((i) => el("li", {}, i))) : el("p", { class: "hint" }, "Không có."))));
}

function drawGrid(v) {
  const head = el("tr", {}, el("th", { class: "post" }, "Chức danh (số vị trí)"), el("th", { class: "holders" }, "Người đang giữ"),
    v.years.map((y) => el("th", { class: y.milestone ? "year milestone" : "year", title: y.milestone_label || null }, String(y.year))));
  const rows = v.rows.map((r) => el("tr", { dataset: { code: r.code } },
    el("th", { class: "post", scope: "row" }, `${r.name} (${r.seats})`),
    el("td", { class: "holders" }, r.holders),
    r.cells.map((c) => el("td", { class: `cell ${c.status}${c.holder_leaves ? " leaves" : ""}` },
      el("button", { type: "button", class: "cell-button", title: c.title, "aria-label": c.title, dataset: { code: r.code, year: c.year },
        onclick: () => explain(r.code, c.year).catch((e) => showError(e, $("forecast-explain"))) },
        `${c.count}${c.holder_leaves ? " ▼" : ""}`)))));
  $("forecast-grid").replaceChildren(el("table", { class: "forecast-grid" }, el("thead", {}, head), el("tbody", {}, rows)));
  $("forecast-legend").replaceChildren(...v.legend.map((l) => el("span", { class: `legend ${l.status}` }, l.label)),
    el("span", { class: "legend" }, "▼ năm người đang giữ nghỉ"),
    el("span", { class: "legend milestone" }, "năm mốc (chỉ tiêu, nhiệm kỳ)"));
}

async function explain(code, year) {
  const x = await backend.call("forecast_cell", { input: input(), code, year });
  const box = $("forecast-explain");
  box.hidden = false;
  const lines = x.lines.map((l) => el("tr", { class: l.counts ? "counts" : "drops" },
    el("td", {}, l.full_name), el("td", { class: "num" }, l.retires), el("td", { class: "num" }, String(l.months_left)), el("td", {}, l.reason)));
  box.replaceChildren(
    el("h2", {}, x.heading),
    ...x.holders.map((h) => el("p", {}, h)),
    x.empty ? el("p", { class: "hint" }, x.empty)
      : el("table", { class: "explain" },
        el("thead", {}, el("tr", {}, el("th", {}, "Họ và tên"), el("th", {}, "Tháng đủ tuổi nghỉ hưu"), el("th", {}, `Số tháng còn lại từ 01/${year}`), el("th", {}, "Đánh giá"))),
        el("tbody", {}, lines)));
  box.scrollIntoView({ block: "nearest" });
}

/** One chart per body: the shares year by year, each target a dashed line, a miss a red dot. */
function chart(body, v) {
  const lines = body.lines.filter((l) => l.share);
  const w = 560, h = 180, left = 36, right = 8, top = 8, bottom = 22;
  const years = v.years.map((y) => y.year);
  const x = (year) => left + ((year - years[0]) / Math.max(1, years.length - 1)) * (w - left - right);
  const y = (share) => top + (1 - Math.max(0, Math.min(1, share))) * (h - top - bottom);
  const root = svg("svg", { viewBox: `0 0 ${w} ${h}`, class: "chart forecast-chart", role: "img", "aria-label": `Cơ cấu ${body.label} nếu không bổ sung ai` });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg("line", { x1: left, x2: w - right, y1: y(t), y2: y(t), class: "gridline" }));
    root.append(svg("text", { x: left - 4, y: y(t) + 4, "text-anchor": "end", class: "label" }, `${t * 100}%`));
  }
  for (const yr of v.years.filter((yy) => yy.milestone)) root.append(svg("line", { x1: x(yr.year), x2: x(yr.year), y1: top, y2: h - bottom, class: "milestone" }));
  root.append(svg("text", { x: left, y: h - 6, class: "label" }, String(years[0])));
  root.append(svg("text", { x: w - right, y: h - 6, "text-anchor": "end", class: "label" }, String(years[years.length - 1])));
  lines.forEach((l, i) => {
    const pts = l.points.map((p) => `${x(p.year)},${y(p.value)}`).join(" ");
    root.append(svg("polyline", { points: pts, class: `series s${i}` }));
    const targeted = l.points.filter((p) => p.target !== null);
    if (targeted.length) root.append(svg("polyline", { points: targeted.map((p) => `${x(p.year)},${y(p.target)}`).join(" "), class: `target s${i}` }));
    for (const p of l.points.filter((pp) => pp.met === false)) root.append(svg("circle", { cx: x(p.year), cy: y(p.value), r: 3, class: "miss" }, undefined));
  });
  const legend = el("div", { class: "chart-legend" }, lines.map((l, i) => el("span", { class: `key s${i}` }, l.label)));
  return el("div", {}, root, legend);
}

function drawStructure(v) {
  $("forecast-structure").replaceChildren(...v.structure.map((b) => {
    const table = el("table", { class: "structure" },
      el("thead", {}, el("tr", {}, el("th", {}, "Chỉ số"), v.years.filter((y) => y.milestone || y.year === v.from_year || y.year === v.to_year).map((y) => el("th", {}, String(y.year))))),
      el("tbody", {}, b.lines.map((l) => el("tr", {},
        el("th", { scope: "row" }, l.label),
        l.points.filter((p) => v.years.some((y) => y.year === p.year && (y.milestone || y.year === v.from_year || y.year === v.to_year)))
          .map((p) => el("td", { class: p.met === false ? "unmet" : p.met ? "met" : null, title: p.target_text ? `Chỉ tiêu ${p.target_text}` : null }, p.text))))));
    const misses = b.lines.filter((l) => l.first_miss).map((l) => el("li", { class: "unmet-text" }, `${l.label}: ${l.first_miss}`));
    return el("section", { class: "structure-body", dataset: { body: b.body } },
      el("h3", {}, b.label), chart(b, v), el("div", { class: "wide" }, table),
      misses.length ? el("ul", { class: "misses" }, misses) : el("p", { class: "hint" }, "Không có chỉ tiêu nào bị hụt trong kỳ dự báo."));
  }));
}

// The save field holds a name without its ending; each button adds its own (.pdf, .docx, .xlsx).
const ENDING = /\.(pdf|docx|xlsx)$/i;
const base = () => $("form-forecast-save").out.value.trim().replace(ENDING, "");
function suggestName() {
  if (shown) $("form-forecast-save").out.value = suggestPath(folder, shown.report_file, "x").replace(/\.x$/, "");
}

async function saveReport(format, button) {
  // The file name is asked for like any required field (under it, in Vietnamese).
  if (button && !checkFields($("form-forecast-save"), button)) return;
  const out = `${base()}.${format}`;
  const signer = { ...(settings.signer || {}), name: $("form-forecast-save").signer_name.value };
  const r = await backend.call("save_document", { input: { kind: shown.report_kind, term: shown.term, year: shown.from_year, horizon: shown.horizon, signer, format, out } });
  ctx.notice(`Đã lưu ${r.pages} trang vào ${out}`);
  suggestName();
}

export async function refresh() {
  folder = await backend.call("output_dir");
  settings = await backend.call("doc_settings");
  const sn = $("form-forecast-save").signer_name;
  if (!sn.value) sn.value = (settings.signer && settings.signer.name) || "";
  await fillTerms($("forecast-term"));
  if (!$("forecast-term").value) {
    $("forecast-grid").replaceChildren(el("p", { class: "hint" }, "Chưa có nhiệm kỳ nào: hãy thêm nhiệm kỳ ở màn hình Quy hoạch."));
    return;
  }
  const v = await backend.call("forecast", { input: input() });
  shown = v;
  $("forecast-rule").textContent = `Quy hoạch nhiệm kỳ ${v.term}, dự báo ${v.from_year}–${v.to_year}. ${v.rule}`;
  $("forecast-help").replaceChildren(...v.help.map((t) => el("p", {}, t)));
  $("forecast-explain").hidden = true;
  drawHorizons(v);
  drawCounters(v);
  drawGrid(v);
  drawStructure(v);
  if (!$("form-forecast-save").out.value) suggestName();
}

export const current = () => shown;

export function init(c) {
  ctx = c;
  // Enter in the file name saves the PDF, once, like its button.
  onSubmit($("form-forecast-save"), () => saveReport("pdf"));
  onClick($("btn-forecast-word"), () => saveReport("docx", $("btn-forecast-word")));
  onClick($("btn-forecast-xlsx"), async () => {
    if (!checkFields($("form-forecast-save"), $("btn-forecast-xlsx"))) return;
    const out = `${base()}.xlsx`;
    const rows = await backend.call("export_forecast", { input: input(), out });
    ctx.notice(`Đã xuất ${rows} chức danh vào ${out}`);
    suggestName();
  });
  $("forecast-term").addEventListener("change", (e) => { localStorage.setItem("quyhoach.term", e.target.value); refresh().catch(showError); });
}
