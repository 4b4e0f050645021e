// "Gửi cấp trên" (issue 25). The ward's card on the Văn bản screen: the province's key in, the
// ward's key out, the package written to a folder. The province's screen: its key, the wards it
// registers, packages received one by one with progress, the dashboard, lists across wards and
// the report. Every verdict, label and figure is the core's.
import * as backend from "./backend.js";
import { $, el, showError, showFieldErrors, clearFieldErrors, onSubmit, onClick, suggestPath } from "./dom.js";
import { fillTerms } from "./plan.js";

let ctx;
let folder = "";

const failed = (form, e) => { showFieldErrors(form, e); showError(e); };

/** A <select>'s options from the core's [code, label] pairs, in their order. */
function options(select, list) {
  select.replaceChildren(...list.map(([v, t]) => el("option", { value: v }, t)));
}

// ---- the ward ----

async function sendState() {
  const st = await backend.call("exchange_state");
  const f = $("form-send");
  const parts = [];
  parts.push(st.key ? `Khóa ký của đơn vị: dấu vân tay ${st.key.fingerprint} (in trên Tờ trình gửi kèm).` : "Đơn vị chưa có khóa ký: khóa được tạo khi lưu tệp khóa hoặc xuất gói lần đầu.");
  parts.push(st.province ? `Khóa của ${st.province.name}: dấu vân tay ${st.province.fingerprint}.` : "Chưa nhập khóa công khai của đơn vị cấp tỉnh.");
  $("send-state").textContent = parts.join(" ");
  if (st.ward_code && !f.ward_code.value) f.ward_code.value = st.ward_code;
  options(f.classification, st.classifications);
  f.classification.value = st.classifications[1][0];
  return st;
}

export async function refreshSend() {
  folder = await backend.call("output_dir");
  const f = $("form-send");
  await fillTerms(f.term);
  if (!f.out_dir.value) f.out_dir.value = folder;
  if (!f.key_out.value) f.key_out.value = suggestPath(folder, "Khóa công khai của đơn vị", "pub");
  await sendState();
}

function initSend() {
  const f = $("form-send");
  onClick($("btn-send-province-key"), async () => {
    clearFieldErrors(f);
    try {
      const k = await backend.call("exchange_province_key", { file: f.key_file.value });
      ctx.notice(`Đã nhập khóa của ${k.name}, dấu vân tay ${k.fingerprint}: hãy đối chiếu với văn bản hướng dẫn của tỉnh.`);
      await sendState();
    } catch (e) { failed(f, e); }
  });
  onClick($("btn-send-key"), async () => {
    clearFieldErrors(f);
    try {
      const k = await backend.call("exchange_save_key", { code: f.ward_code.value, out: f.key_out.value });
      ctx.notice(`Đã lưu tệp khóa của đơn vị (${f.key_out.value}). Dấu vân tay ${k.fingerprint} — ghi vào Tờ trình gửi tỉnh để tỉnh đối chiếu khi đăng ký.`);
      await sendState();
    } catch (e) { failed(f, e); }
  });
  $("btn-send-folder").addEventListener("click", async () => {
    try {
      const dir = await backend.call("pick_folder");
      if (dir) f.out_dir.value = dir;
    } catch (e) { showError(e); }
  });
  onSubmit(f, async () => {
    clearFieldErrors(f);
    $("send-result").textContent = "Đang xuất gói…";
    try {
      const r = await backend.call("exchange_export", { input: {
        term: f.term.value, ward_code: f.ward_code.value, classification: f.classification.value,
        out_dir: f.out_dir.value, workbooks: f.workbooks.checked,
      } });
      $("send-result").replaceChildren(
        el("p", {}, `Đã xuất gói gửi ${r.manifest.province_name} (độ mật: ${r.classification_label}; dấu vân tay khóa ký ${r.fingerprint}): `, el("code", { id: "send-path" }, r.path)),
        el("p", {}, "Phiếu gửi (in, ký, gửi kèm): ", el("code", {}, r.cover)),
        ...r.workbooks.map((w) => el("p", {}, "Kèm: ", el("code", {}, w))),
        el("p", { class: "hint" }, r.reminder));
      await sendState();
    } catch (e) { $("send-result").textContent = ""; failed(f, e); }
  }, { check: false });
}

// ---- the province ----

let dash = null;

function drawDashboard(d) {
  dash = d;
  const term = $("prov-term");
  options(term, d.terms.map((t) => [t, t]));
  if (d.term) term.value = d.term;
  $("prov-summary").textContent = d.term
    ? `Nhiệm kỳ ${d.term}: đã nhận ${d.received}/${d.wards.length} phường, xã; ${d.people} người trong quy hoạch; ${d.violations} vi phạm theo ${d.rule_set || "bộ quy định của tỉnh"}. Hạn báo cáo: ${d.deadline}.`
    : `Chưa nhận gói nào. Đã đăng ký ${d.wards.length} phường, xã. Hạn báo cáo: ${d.deadline}.`;
  $("prov-ward").hidden = true;
  $("prov-wards").replaceChildren(...d.wards.map((w) => el("tr", { class: `ward-${w.status}`, dataset: { ward: w.code }, onclick: w.received ? () => showWard(w.code).catch(showError) : null },
    el("td", {}, w.code), el("td", {}, w.name), el("td", { class: "state" }, w.status_label),
    el("td", {}, w.created_at ? w.created_at.slice(0, 10).split("-").reverse().join("/") : ""),
    el("td", {}, w.classification || ""),
    el("td", { class: "num" }, String(w.people)), el("td", { class: "num" }, String(w.violations)),
    el("td", { class: "num" }, w.received ? `${w.targets_met}/${w.targets_total}` : ""),
    el("td", { class: "num" }, String(w.submissions)))));
  $("prov-stats").replaceChildren(d.stat_groups.length ? el("table", { class: "list compact", id: "prov-stats-table" },
    el("thead", {}, el("tr", {}, el("th", {}, `Cơ cấu toàn tỉnh (${d.stats.total} người trong quy hoạch)`), el("th", {}, "Số lượng"), el("th", {}, "Tỷ lệ"))),
    el("tbody", {}, d.stat_groups.flatMap(([head, list]) => [
      el("tr", { class: "section" }, el("th", { colspan: "3" }, head)),
      ...list.map((b) => el("tr", {}, el("td", {}, b.label), el("td", { class: "num" }, String(b.count)), el("td", { class: "num" }, `${String(b.percent).replace(".", ",")}%`)))]))) : "");
  const f = $("form-prov-list");
  const keepP = f.position.value, keepB = f.body.value;
  options(f.position, [["", "Tất cả"], ...d.posts]);
  options(f.body, [["", "Tất cả"], ...d.bodies]);
  f.position.value = keepP; f.body.value = keepB;
}

/** One ward's current package: what it found, what the province's rule set finds, its history. */
async function showWard(code) {
  const box = $("prov-ward");
  const v = await backend.call("province_ward", { ward: code, term: dash.term });
  const m = v.manifest;
  const list = (title, findings) => el("div", {},
    el("h3", {}, `${title}: ${findings.length}`),
    el("ul", { class: "findings" }, findings.map((f) => el("li", { class: f.severity }, f.message))));
  box.replaceChildren(
    el("h2", {}, `${m.ward_name} — nhiệm kỳ ${m.term}`),
    el("p", {}, `Gói lập lúc ${m.created_at}, độ mật ${m.classification}${m.to_trinh ? `, kèm Tờ trình ${m.to_trinh}` : ""}; chương trình bản ${m.program_version}.`),
    el("p", {}, `Các lần gửi: ${v.history.map((h) => `${h.created_at.slice(0, 10).split("-").reverse().join("/")}${h.current ? " (đang dùng)" : ""}`).join("; ")}.`),
    list("Đơn vị tự kiểm tra", v.ward_findings),
    list("Kiểm tra theo quy định của tỉnh", v.province_findings),
    el("button", { type: "button", class: "secondary small", onclick: () => { box.hidden = true; } }, "Đóng"));
  box.hidden = false;
  box.scrollIntoView({ block: "nearest" });
}

async function loadDashboard() {
  drawDashboard(await backend.call("province_status", { term: $("prov-term").value || null }));
}

async function loadList() {
  const f = $("form-prov-list");
  clearFieldErrors(f);
  const rows = await backend.call("province_list", { filter: {
    term: dash && dash.term, position: f.position.value || null, body: f.body.value || null,
    under: f.under.value || null, name: f.name.value || null,
  } });
  $("prov-list-count").textContent = `${rows.length} người.`;
  $("prov-list").replaceChildren(...rows.map((r) => el("tr", {},
    el("td", {}, r.ward_name), el("td", {}, r.full_name), el("td", {}, r.birth_date), el("td", {}, r.sex),
    el("td", { class: "num" }, String(r.age)), el("td", {}, r.position_name))));
}

export async function refreshProvince() {
  folder = await backend.call("output_dir");
  const k = await backend.call("province_own_key");
  $("prov-key").textContent = `${k.name} — dấu vân tay khóa của tỉnh: ${k.fingerprint}`;
  const f = $("form-prov-key");
  if (!f.out.value) f.out.value = suggestPath(folder, "Khóa công khai của tỉnh", "txt");
  const r = $("form-prov-report");
  if (!r.out.value) r.out.value = suggestPath(folder, "Báo cáo tổng hợp quy hoạch", "pdf");
  await loadDashboard();
  await loadList();
}

function initProvince() {
  onSubmit($("form-prov-key"), async (ev) => {
    const f = ev.target;
    try {
      const k = await backend.call("province_save_key", { out: f.out.value });
      ctx.notice(`Đã lưu tệp khóa của tỉnh (${f.out.value}); dấu vân tay ${k.fingerprint}.`);
    } catch (e) { failed(f, e); }
  });
  onSubmit($("form-prov-register"), async (ev) => {
    const f = ev.target;
    clearFieldErrors(f);
    try {
      const w = await backend.call("province_register", { file: f.key_file.value, fingerprint: f.fingerprint.value });
      ctx.notice(`Đã đăng ký khóa của ${w.name} (${w.code}).`);
      f.key_file.value = ""; f.fingerprint.value = "";
      await loadDashboard();
    } catch (e) { failed(f, e); }
  });
  $("btn-prov-folder").addEventListener("click", async () => {
    try {
      const dir = await backend.call("pick_folder");
      if (dir) $("form-prov-import").path.value = dir;
    } catch (e) { showError(e); }
  });
  onSubmit($("form-prov-import"), async (ev) => {
    const f = ev.target;
    clearFieldErrors(f);
    const log = $("prov-import-log"), bar = $("prov-progress");
    log.replaceChildren();
    let files;
    try { files = await backend.call("province_package_files", { path: f.path.value }); } catch (e) { failed(f, e); return; }
    bar.max = files.length; bar.value = 0; bar.hidden = false;
    let refused = 0;
    for (const file of files) {
      try {
        const o = await backend.call("province_import", { path: file });
        if (o.refused) refused += 1;
        log.append(el("li", { class: o.refused ? "refused" : "" }, o.message));
      } catch (e) { refused += 1; log.append(el("li", { class: "refused" }, e.message || String(e))); }
      bar.value += 1;
    }
    bar.hidden = true;
    ctx.notice(`Đã xử lý ${files.length} gói; ${refused} gói bị từ chối.`);
    await loadDashboard();
    await loadList();
  });
  $("prov-term").addEventListener("change", () => loadDashboard().then(loadList).catch(showError));
  onClick($("btn-prov-recheck"), async () => {
    try {
      const n = await backend.call("province_recheck");
      ctx.notice(`Đã kiểm tra lại ${n} gói theo bộ quy định của tỉnh.`);
      await loadDashboard();
    } catch (e) { showError(e); }
  });
  onSubmit($("form-prov-list"), () => loadList().catch((e) => failed($("form-prov-list"), e)), { check: false });
  onSubmit($("form-prov-report"), async (ev) => {
    const f = ev.target;
    try {
      const p = await backend.call("province_report", { term: dash && dash.term, out: f.out.value });
      $("prov-report-result").replaceChildren("Đã lưu: ", el("code", { id: "prov-report-path" }, p));
    } catch (e) { failed(f, e); }
  });
}

export function init(c) {
  ctx = c;
  initSend();
  initProvince();
}
