// Documents (PDF) and Excel exports: the clerk picks the kind, number, date, signer and
// recipients (remembered by the core) and where to save; the result names the file.
import * as backend from "./backend.js";
import { $, el, ask, clearFieldErrors, displayDate, showError, showFieldErrors, suggestPath, today, onSubmit, onClick, once } from "./dom.js";
import { fillTerms } from "./plan.js";
import * as codes from "./codes.js";

let ctx;
let folder = "";

// The start of a suggested file name: the core's for its documents and workbooks.
const REJECTED = "Dòng không nhập";
const fileName = (select) => (select.selectedOptions[0] ? select.selectedOptions[0].dataset.file : REJECTED);

const suggest = (start, ext) => suggestPath(folder, start, ext);

export async function refresh() {
  folder = await backend.call("output_dir");
  const fd = $("form-doc"), fx = $("form-xlsx");
  kinds(fd.kind, "doc_kinds");
  kinds(fx.kind, "export_kinds");
  await fillTerms(fd.term);
  await fillTerms(fx.term);
  const s = await backend.call("doc_settings");
  fd.date.value = today();
  fd.year.value = new Date().getFullYear();
  fd.number.value = "";
  fd.on_behalf.value = s.signer.on_behalf || "T/M BAN THƯỜNG VỤ";
  fd.title.value = s.signer.title || "BÍ THƯ";
  fd.signer_name.value = s.signer.name || "";
  fd.recipients.value = (s.recipients[fd.kind.value] || []).join("\n");
  fd.out.value = suggest(fileName(fd.kind), "pdf");
  await loadTexts();
  numberState(null);
  await showRegister();
  fx.out.value = suggest(fileName(fx.kind), "xlsx");
}

const lines = (t) => t.split("\n").map((x) => x.trim()).filter(Boolean);

/** The remembered opening and closing paragraphs of the chosen kind. */
async function loadTexts() {
  const fd = $("form-doc");
  const t = await backend.call("doc_text", { kind: fd.kind.value });
  fd.opening.value = (t.opening || []).join("\n");
  fd.closing.value = (t.closing || []).join("\n");
}

/** Whether the chosen kind takes a number of its own (a Tờ trình, a Báo cáo; not a list). */
const numbered = () => {
  const fd = $("form-doc");
  return Boolean(fd.kind.selectedOptions[0] && fd.kind.selectedOptions[0].dataset.numbered === "1");
};

/** What the number field means now: a draft, or the number this document was issued under. */
function numberState(issued) {
  const fd = $("form-doc");
  const withNumber = numbered();
  fd.dataset.issued = issued ? String(issued.value) : "";
  clearFieldErrors(fd);
  $("doc-number-field").hidden = !withNumber;
  $("btn-doc-draft").textContent = issued ? `Lưu lại PDF (giữ ${issued.text})` : (withNumber ? "Lưu bản nháp PDF" : "Lưu PDF");
  // A list or a table goes with a Tờ trình or a Báo cáo and takes no number of its own.
  $("btn-doc-issue").hidden = Boolean(issued) || !withNumber;
  $("btn-doc-new").hidden = !issued;
  $("doc-number-state").textContent = !withNumber
    ? "Loại văn bản này không có số riêng (gửi kèm Tờ trình, Báo cáo): lưu không cấp số."
    : issued
      ? `Văn bản này đã được cấp ${issued.text}: lưu lại (PDF) sẽ giữ đúng số và ngày cấp này.`
      : "Bản nháp để trống số; “Cấp số và lưu” lấy số tiếp theo trong sổ đăng ký.";
}

/** The register's lines; numbers left blank in a row (one gap) on one line. */
function registerLines(rows) {
  const lines = [];
  for (const r of rows) {
    const last = lines[lines.length - 1];
    if (r.state === "bo_qua" && last && last.state === "bo_qua" && last.type_code === r.type_code
        && last.term === r.term && last.first === r.number + 1 && last.date === r.date
        && last.skip_reason === r.skip_reason) {
      last.first = r.number;
      last.rows.push(r);
      continue;
    }
    lines.push({ ...r, first: r.number, last: r.number, rows: [r] });
  }
  return lines;
}

const pad = (n) => String(n).padStart(2, "0");

function stateText(r) {
  if (r.state === "da_huy") return `Đã hủy ngày ${displayDate(r.cancelled_at)}: ${r.cancel_reason || ""}`;
  if (r.state === "bo_qua") return `Bỏ qua (để trống): ${r.skip_reason || ""}`;
  const fixes = (r.corrections || []).map((c) =>
    `Đính chính ngày ban hành ${displayDate(c.old_date)} → ${displayDate(c.new_date)} (ghi ngày ${displayDate(c.recorded_on)}): ${c.reason}`);
  return ["Đã cấp", ...fixes].join(". ");
}

async function showRegister() {
  const rows = registerLines(await backend.call("doc_register")).map((r) => el("tr", {
    class: r.state === "da_cap" ? "" : "muted", dataset: { state: r.state, number: r.number },
  },
    el("td", {}, r.first === r.last ? r.text : r.text.replace(/^Số \d+/, `Số ${pad(r.first)}–${pad(r.last)}`)),
    el("td", {}, displayDate(r.date)), el("td", {}, r.summary),
    el("td", {}, stateText(r)),
    el("td", {}, r.state !== "da_cap" ? "" : el("button", {
      type: "button", class: "secondary small", "data-cancel": r.text,
      onclick: (ev) => once(ev.currentTarget, async () => {
        const reason = await ask({
          title: `Hủy ${r.text}?`,
          intro: "Số đã hủy vẫn giữ trong sổ và không bao giờ được cấp lại.",
          input: { label: "Lý do hủy" }, ok: "Hủy số này",
        });
        if (!reason) return;
        try {
          await backend.call("cancel_doc_number", { typeCode: r.type_code, term: r.term, number: r.number, reason });
          ctx.notice(`Đã hủy ${r.text}.`);
          await showRegister();
        } catch (e) { showError(e); }
      }),
    }, "Hủy số"))));
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: 5, class: "hint" }, "Chưa cấp số văn bản nào.")));
  $("register-list").replaceChildren(...rows);
}

const SVG = "http://www.w3.org/2000/svg";

/** Draws the pages the core laid out, as they will print (text is set with textContent). */
function drawPreview(p) {
  const pages = p.shown.map((page) => {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${page.width} ${page.height}`);
    svg.setAttribute("class", "page");
    svg.setAttribute("role", "img");
    const bg = document.createElementNS(SVG, "rect");
    for (const [k, v] of Object.entries({ x: 0, y: 0, width: page.width, height: page.height, fill: "#fff" })) bg.setAttribute(k, v);
    svg.append(bg);
    for (const m of page.marks) {
      if (m.type === "text") {
        const t = document.createElementNS(SVG, "text");
        t.setAttribute("x", m.x);
        t.setAttribute("y", m.y);
        t.setAttribute("font-size", m.size);
        if (m.face.bold) t.setAttribute("font-weight", "bold");
        if (m.face.italic) t.setAttribute("font-style", "italic");
        t.setAttribute("xml:space", "preserve");
        t.textContent = m.text;
        svg.append(t);
      } else {
        const l = document.createElementNS(SVG, "line");
        for (const [k, v] of Object.entries({ x1: m.x1, y1: m.y1, x2: m.x2, y2: m.y2, "stroke-width": m.width, stroke: "#000" })) l.setAttribute(k, v);
        svg.append(l);
      }
    }
    return svg;
  });
  $("doc-preview-title").textContent = `Xem trước${p.number ? " " + p.number : ""}: ${p.shown.length}/${p.pages} trang đầu`;
  $("doc-preview").replaceChildren(...pages);
  $("doc-preview-box").hidden = false;
}

function result(...children) {
  $("doc-result").replaceChildren(el("p", {}, ...children));
}

let userMap = {}; // column letter → field key chosen by the clerk (this file only)

function showPreview(p) {
  const legacy = p.legacy ? ` Tệp gõ bằng mã ${p.legacy === "Tcvn3" ? "TCVN3" : "VNI"}: đã chuyển sang Unicode.` : "";
  $("import-summary").textContent = `Trang “${p.sheet}”: ${p.ok_rows} dòng nhập được, ${p.error_rows} dòng có lỗi.${legacy}`;
  $("import-remembered").hidden = !p.remembered;
  // The columns: those not recognised first, each with a drop-down of the fields by name.
  const cols = p.header.columns.filter((c) => c.header.trim());
  cols.sort((a, b) => (a.field ? 1 : 0) - (b.field ? 1 : 0));
  $("import-columns").replaceChildren(...cols.map((c) => {
    const sel = el("select", { "aria-label": `Cột ${c.letter} là trường`, dataset: { letter: c.letter } },
      el("option", { value: "" }, "— chưa nhận ra: chọn trường —"),
      p.choices.map((f) => el("option", { value: f.key }, f.label)));
    sel.value = c.field || (c.mapped_by_user ? "bo-qua" : "");
    sel.addEventListener("change", () => {
      userMap[c.letter] = sel.value || "bo-qua";
      runPreview().catch(showError);
    });
    return el("tr", { class: c.field ? null : "warn" },
      el("td", {}, c.letter), el("td", {}, c.header), el("td", {}, sel));
  }));
  $("import-ignored").textContent = p.ignored || "";
  $("import-ignored").hidden = !p.ignored;
  // The same problem on many rows once, with its rows; errors first (the core's order).
  const rows = p.groups.map((g) => {
    const names = g.rows.map((r) => r.detail ? `${r.full_name} (dòng ${r.row}): ${r.detail}` : `${r.full_name} (dòng ${r.row})`);
    return el("tr", { class: g.blocking ? "bad" : "warn", dataset: { blocking: g.blocking ? "1" : "" } },
      el("td", { class: "num" }, g.rows.length === 1 ? g.rows[0].row : g.rows_text),
      el("td", {}, g.rows.length === 1
        ? g.rows[0].full_name
        : el("details", {}, el("summary", {}, `${g.rows.length} người`), names.map((n) => el("div", {}, n)))),
      el("td", {}, g.column || ""),
      el("td", {}, `${g.severity_label}: ${g.message}`));
  });
  const errors = p.groups.filter((g) => g.blocking).length;
  $("import-problems-count").textContent = p.groups.length
    ? `${errors} loại lỗi, ${p.groups.length - errors} loại lưu ý.`
    : "Không có vấn đề nào.";
  $("import-problems").replaceChildren(...rows);
  onlyErrors();
  $("import-preview").hidden = false;
  // Buttons that cannot act look disabled and say why.
  const all = $("btn-import-confirm"), valid = $("btn-import-valid"), why = [];
  all.textContent = `Nhập cả ${p.ok_rows + p.error_rows} dòng`;
  all.disabled = !(p.error_rows === 0 && p.ok_rows > 0);
  valid.textContent = `Nhập ${p.ok_rows} dòng hợp lệ, bỏ qua ${p.error_rows} dòng lỗi`;
  valid.hidden = p.error_rows === 0;
  valid.disabled = !(p.ok_rows > 0 && p.error_rows > 0);
  if (p.error_rows > 0) why.push(`Chưa nhập được tất cả: ${p.error_rows} dòng có lỗi (xem bảng dưới). Sửa tệp rồi xem trước lại, hoặc nhập các dòng hợp lệ.`);
  if (p.ok_rows === 0) why.push("Không có dòng nào hợp lệ để nhập.");
  $("import-why").textContent = why.join(" ");
  $("btn-import-rejected").disabled = p.error_rows === 0;
  $("btn-import-open-rejected").hidden = true;
  const rej = $("import-rejected-path");
  if (!rej.value) rej.value = suggest(REJECTED, "xlsx");
}

/** "Chỉ xem lỗi": the notes hidden, the errors left. */
function onlyErrors() {
  const only = $("import-only-errors").checked;
  for (const tr of $("import-problems").children) tr.hidden = only && !tr.dataset.blocking;
}

async function runPreview() {
  const fi = $("form-import");
  $("doc-result").textContent = "Đang đọc và kiểm tra từng dòng…";
  $("btn-import-confirm").disabled = true;
  $("btn-import-valid").disabled = true;
  try {
    const map = Object.entries(userMap).map(([letter, key]) => `${letter}=${key}`);
    showPreview(await backend.call("preview_import", { path: fi.path.value, sheet: fi.sheet.value || null, map }));
    $("doc-result").textContent = "";
    $("progress").hidden = true;
  } catch (e) {
    $("doc-result").textContent = "";
    $("progress").hidden = true;
    showError(e);
  }
}

function showProgress(p) {
  const bar = $("progress");
  bar.hidden = false;
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  bar.dataset.events = String(Number(bar.dataset.events || 0) + 1);
  $("doc-result").textContent = p.total ? `${p.stage}: ${p.done}/${p.total} dòng` : `${p.stage}…`;
}

/** The kinds of the Documents screen and the Excel card, as the core lists them. */
function kinds(select, list) {
  if (select.options.length) return;
  select.replaceChildren(...codes.list(list).map((k) =>
    el("option", { value: k.code, dataset: { file: k.file, numbered: k.numbered ? "1" : "0" } }, k.label)));
}

export function init(c) {
  ctx = c;
  backend.onProgress(showProgress);
  const fi = $("form-import");
  onSubmit(fi, () => {
    userMap = {};
    $("import-preview").hidden = true;
    return runPreview();
  });
  onClick($("btn-import-confirm"), async () => {
    try {
      const n = await backend.call("confirm_import");
      $("progress").hidden = true;
      $("btn-import-confirm").disabled = true;
      $("btn-import-valid").disabled = true;
      ctx.notice(`Đã nhập ${n} người vào cơ sở dữ liệu.`);
      result(`Đã nhập ${n} người.`);
    } catch (e) { showError(e); }
  });
  onClick($("btn-import-valid"), async () => {
    const out = $("import-rejected-path").value;
    try {
      const r = await backend.call("confirm_import_valid", { rejected: out });
      $("progress").hidden = true;
      $("btn-import-confirm").disabled = true;
      $("btn-import-valid").disabled = true;
      ctx.notice(`Đã nhập ${r.imported} người; bỏ qua ${r.rejected} dòng lỗi.`);
      if (r.rejected_file) {
        result(`Đã nhập ${r.imported} người. ${r.rejected} dòng lỗi (dòng ${r.rejected_rows.join(", ")}) đã lưu kèm lý do vào `, el("code", { id: "rejected-path" }, r.rejected_file));
        $("btn-import-open-rejected").dataset.path = r.rejected_file;
        $("btn-import-open-rejected").hidden = false;
      } else {
        result(`Đã nhập ${r.imported} người.`);
      }
      $("import-rejected-path").value = suggest(REJECTED, "xlsx");
    } catch (e) { showError(e); }
  });
  onClick($("btn-import-rejected"), async () => {
    const out = $("import-rejected-path").value;
    try {
      const n = await backend.call("save_rejected", { out });
      result(`Đã lưu ${n} dòng lỗi (kèm lý do) vào `, el("code", { id: "rejected-path" }, out));
      $("btn-import-open-rejected").dataset.path = out;
      $("btn-import-open-rejected").hidden = false;
    } catch (e) { showError(e); }
  });
  $("import-only-errors").addEventListener("change", onlyErrors);
  $("btn-import-open-rejected").addEventListener("click", async () => {
    try {
      await backend.call("open_in_viewer", { path: $("btn-import-open-rejected").dataset.path });
    } catch (e) { showError(e); }
  });
  const fd = $("form-doc"), fx = $("form-xlsx");
  fd.kind.addEventListener("change", () => { fd.out.value = suggest(fileName(fd.kind), "pdf"); });
  fx.kind.addEventListener("change", () => { fx.out.value = suggest(fileName(fx.kind), "xlsx"); });
  fd.kind.addEventListener("change", () => { loadTexts().catch(showError); numberState(null); fd.number.value = ""; });
  // Another term, approving body or review year is another document: it takes its own number.
  for (const name of ["term", "approving_body", "year"]) {
    if (fd[name]) fd[name].addEventListener("change", () => { numberState(null); fd.number.value = ""; });
  }
  const docInput = (issue) => ({
    kind: fd.kind.value,
    term: fd.term.value || null,
    year: Number(fd.year.value) || null,
    number: !numbered() ? null : fd.number.value ? Number(fd.number.value) : (fd.dataset.issued ? Number(fd.dataset.issued) : null),
    date: fd.date.value,
    signer: { on_behalf: fd.on_behalf.value, title: fd.title.value, name: fd.signer_name.value },
    recipients: lines(fd.recipients.value),
    text: { opening: lines(fd.opening.value), closing: lines(fd.closing.value) },
    issue: issue && numbered(),
    out: fd.out.value,
    approving_body: fd.approving_body ? fd.approving_body.value.trim() || null : null,
  });
  $("btn-doc-preview").addEventListener("click", async () => {
    try {
      drawPreview(await backend.call("preview_document", { input: docInput(Boolean(fd.dataset.issued)) }));
    } catch (e) { showError(e); }
  });
  $("btn-doc-edit").addEventListener("click", async () => {
    try {
      await backend.call("open_in_viewer", { path: $("btn-doc-edit").dataset.path });
    } catch (e) { showError(e); }
  });
  // The same document as Word (.docx), to finish in Word: a draft stays a draft, an issued
  // document keeps its number (one number whichever formats are saved).
  $("btn-doc-word").addEventListener("click", async () => {
    if (busy) return;
    setBusy(true);
    const input = docInput(Boolean(fd.dataset.issued));
    input.out = fd.out.value.replace(/\.(pdf|docx)$/i, "") + ".docx";
    input.format = "docx";
    $("doc-result").textContent = "Đang tạo văn bản Word…";
    try {
      const made = await saveWith(input);
      if (!made) { $("doc-result").textContent = ""; return; }
      const what = made.number ? made.number + " " : (made.draft ? "bản nháp, chưa cấp số " : "");
      result(`Đã lưu văn bản Word ${what}vào `, el("code", { id: "doc-word-path" }, input.out),
        made.register_note ? el("span", { id: "doc-register-note" }, " " + made.register_note) : null);
      ctx.notice("Đã lưu văn bản Word: bấm “Mở để sửa” để mở bằng Word (hoặc chương trình soạn thảo của máy).");
      $("btn-doc-edit").dataset.path = input.out;
      $("btn-doc-edit").hidden = false;
      if (made.number) await showRegister();
      fd.out.value = suggest(fileName(fd.kind), "pdf");
    } catch (e) { $("doc-result").textContent = ""; showError(e); } finally { setBusy(false); }
  });
  $("btn-doc-open").addEventListener("click", async () => {
    try {
      await backend.call("open_in_viewer", { path: $("btn-doc-open").dataset.path });
    } catch (e) { showError(e); }
  });
  // One save at a time: a second click or Enter while one is running does nothing.
  let busy = false;
  const buttons = ["btn-doc-preview", "btn-doc-draft", "btn-doc-issue", "btn-doc-word", "btn-doc-new"];
  const setBusy = (on) => {
    busy = on;
    fd.setAttribute("aria-busy", on ? "true" : "false");
    for (const id of buttons) $(id).disabled = on;
  };
  const ruled = (e, rule) => ((e && e.fields) || []).find((f) => f.rule === rule);
  /**
   * Saves through the core; a number the register refuses until the clerk confirms (a gap left
   * blank, a new issue date of an issued number) is asked for here, with the reason the
   * register keeps, and sent again. Anything else refused is shown under its field.
   */
  const saveWith = async (input) => {
    clearFieldErrors(fd);
    showError(null);
    for (;;) {
      try {
        return await backend.call("save_document", { input });
      } catch (e) {
        const gap = !input.gap_reason && ruled(e, "gap");
        const changed = !input.correction_reason && ruled(e, "date_changed");
        if (gap) {
          const reason = await ask({
            title: "Để trống các số bị bỏ qua?",
            intro: gap.message,
            input: { label: "Lý do để trống (ghi vào sổ đăng ký)" },
            ok: "Để trống các số này và cấp số",
          });
          if (reason) { input = { ...input, gap_reason: reason }; continue; }
        } else if (changed) {
          const reason = await ask({
            title: "Đính chính ngày ban hành?",
            intro: changed.message,
            input: { label: "Lý do đính chính (ghi vào sổ đăng ký)" },
            ok: "Ghi đính chính và lưu",
          });
          if (reason) { input = { ...input, correction_reason: reason }; continue; }
        }
        showError(e);
        showFieldErrors(fd, e);
        return null;
      }
    }
  };
  const save = async (issue) => {
    if (busy) return;
    setBusy(true);
    try {
      const input = docInput(issue);
      if (issue && !fd.dataset.issued) {
        // A Tờ trình goes up with the plan's own violations only when the clerk says so.
        const v = await backend.call("document_violations", { input });
        if (v.length) {
          const yes = await ask({
            title: `Quy hoạch còn ${v.length} trường hợp chưa đúng quy định`,
            intro: "Văn bản sẽ nêu các trường hợp này với cấp trên. Nên sửa trước khi cấp số; vẫn cấp số và lưu?",
            lines: v.map((f) => f.message),
            ok: "Vẫn cấp số và lưu",
            cancel: "Quay lại để sửa",
          });
          if (!yes) return;
        }
      }
      $("doc-result").textContent = "Đang tạo văn bản…";
      const made = await saveWith(input);
      if (!made) { $("doc-result").textContent = ""; return; }
      const what = made.number ? made.number + " " : (made.draft ? "bản nháp, chưa cấp số " : "");
      result(`Đã lưu ${what}(${made.pages} trang) vào `, el("code", { id: "doc-path" }, input.out),
        made.register_note ? el("span", { id: "doc-register-note" }, " " + made.register_note) : null);
      showError(null);
      ctx.notice(made.draft
        ? "Đã lưu bản nháp (số để trống). Khi ban hành, bấm “Cấp số và lưu”."
        : "Đã lưu văn bản PDF: bấm “Mở để in” để mở bằng chương trình xem PDF của máy.");
      // The saved file can be opened at once; the register below catches up.
      $("btn-doc-open").dataset.path = input.out;
      $("btn-doc-open").hidden = false;
      if (made.number) {
        numberState({ value: made.number_value, text: made.number });
        fd.number.value = "";
        await showRegister();
      }
      fd.out.value = suggest(fileName(fd.kind), "pdf");
    } catch (e) {
      $("doc-result").textContent = "";
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  fd.addEventListener("submit", (ev) => { ev.preventDefault(); save(Boolean(fd.dataset.issued)); });
  $("btn-doc-issue").addEventListener("click", () => save(true));
  // Another document of the same kind: the number field empties, the next save is a draft or
  // takes the next number.
  $("btn-doc-new").addEventListener("click", () => { numberState(null); fd.number.value = ""; fd.number.focus(); });
  onSubmit(fx, async () => {
    const out = fx.out.value;
    $("doc-result").textContent = "Đang xuất Excel…";
    try {
      const r = await backend.call("export_excel", { kind: fx.kind.value, term: fx.term.value || null, out, attachedTo: fx.attached_to.value.trim() || null });
      result(`Đã xuất ${r.rows} dòng vào `, el("code", { id: "xlsx-path" }, out));
      fx.out.value = suggest(fileName(fx.kind), "xlsx");
    } catch (e) { $("doc-result").textContent = ""; showError(e); }
  });
}
