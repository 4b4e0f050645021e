// Settings: the ward, idle lock, backup now, restore with confirmation, passphrase change.
import * as backend from "./backend.js";
import { $, el, showError, onSubmit, once, readNumber } from "./dom.js";
import * as codes from "./codes.js";
import * as rules from "./rules.js";

let ctx;
let docSettings = null;
const lines = (t) => t.split("\n").map((s) => s.trim()).filter(Boolean);

export async function refresh() {
  const st = await backend.call("status");
  const fu = $("form-unit");
  for (const k of ["name", "superior_body", "place_name", "issuer_code"]) fu[k].value = st.unit ? st.unit[k] : "";
  $("settings-file").textContent = st.open_file || "";
  $("move-current").textContent = st.data_dir;
  docSettings = await backend.call("doc_settings");
  const fs = $("form-signing");
  fs.on_behalf.value = docSettings.signer.on_behalf || "T/M BAN THƯỜNG VỤ";
  fs.title.value = docSettings.signer.title || "BÍ THƯ";
  fs.name.value = docSettings.signer.name || "";
  // One "Nơi nhận" per document that takes a number, as the core lists them.
  $("signing-recipients").replaceChildren(...codes.list("doc_kinds").filter((k) => k.numbered).map((k) => {
    const t = el("textarea", { rows: 2, dataset: { kind: k.code } });
    t.value = (docSettings.recipients[k.code] || []).join("\n");
    return el("label", {}, `Nơi nhận của ${k.label} (mỗi dòng một nơi)`, t);
  }));
  const fl = $("form-layout");
  for (const k of ["top", "bottom", "left", "right"]) fl[k].value = docSettings.margins[k];
  for (const k of ["line_spacing", "type_name_size", "summary_size", "page_number_size", "page_number_from_top"]) fl[k].value = String(docSettings.layout[k]).replace(".", ",");
  fl.tone.value = docSettings.layout.tone;
  fl.mirrored.checked = !!docSettings.layout.mirrored;
  $("form-move").hidden = st.is_demo;
  $("idle-minutes").value = ctx.idleMinutes();
  $("auto-keep").value = st.auto_backup_keep || 7;
  $("auto-backup-info").textContent = st.is_demo
    ? "Phường mẫu không sao lưu tự động."
    : `Mỗi ngày, lần mở đầu tiên sẽ sao lưu vào thư mục “Sao lưu tự động” cạnh tệp dữ liệu${st.auto_backup ? "; hôm nay: " + st.auto_backup : ""}.`;
  $("form-backup").dest.value = await nextBackupName();
  await rules.refresh();
}

// A new file name for each backup (a backup never overwrites one): the time to the second, and
// "-2", "-3"… for further names given in the same second.
let lastStamp = "";
let sameSecond = 0;
/** A name for the next backup: the time to the second, "-2", "-3"… within one second, and
 *  never the name just `used` (a backup made in the second its name was given). */
async function nextBackupName(used) {
  const base = await stampedBackupName();
  sameSecond = base === lastStamp ? sameSecond + 1 : 1;
  lastStamp = base;
  const named = () => (sameSecond === 1 ? base : base.replace(/\.db$/, `-${sameSecond}.db`));
  while (named() === used) sameSecond += 1;
  return named();
}

async function stampedBackupName() {
  const folder = await backend.call("output_dir");
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  const now = new Date();
  const p = (n) => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `${folder}${sep}Sao lưu${sep}quyhoach-${stamp}.db`;
}

export function init(c) {
  ctx = c;
  rules.init(c);
  $("idle-minutes").addEventListener("change", (e) => {
    const v = Math.max(1, Math.min(240, Number(e.target.value) || 15));
    localStorage.setItem("quyhoach.idleMinutes", String(v));
    ctx.notice(`Chương trình sẽ tự khóa sau ${v} phút không dùng.`);
  });
  $("auto-keep").addEventListener("change", (e) => once(e.target, async () => {
    try {
      const st = await backend.call("set_auto_backup_keep", { keep: Number(e.target.value) });
      ctx.notice(`Giữ ${st.auto_backup_keep} bản sao lưu tự động gần nhất.`);
    } catch (err) { showError(err); }
  }));
  onSubmit($("form-signing"), async (ev) => {
    const f = ev.target;
    const next = structuredClone(docSettings);
    next.signer = { on_behalf: f.on_behalf.value, title: f.title.value, name: f.name.value };
    for (const t of $("signing-recipients").querySelectorAll("textarea")) next.recipients[t.dataset.kind] = lines(t.value);
    try {
      docSettings = await backend.call("save_doc_settings", { settings: next });
      ctx.notice("Đã lưu người ký và nơi nhận mặc định.");
    } catch (e) { showError(e); }
  });
  onSubmit($("form-layout"), async (ev) => {
    const f = ev.target;
    const next = structuredClone(docSettings);
    // Typed as clerks write numbers ("18,5"); checked under each field before this runs.
    for (const k of ["top", "bottom", "left", "right"]) next.margins[k] = readNumber(f[k].value);
    for (const k of ["line_spacing", "type_name_size", "summary_size", "page_number_size", "page_number_from_top"]) next.layout[k] = readNumber(f[k].value);
    next.layout.tone = f.tone.value;
    next.layout.mirrored = f.mirrored.checked;
    try {
      docSettings = await backend.call("save_doc_settings", { settings: next });
      ctx.notice("Đã lưu thể thức văn bản: văn bản từ nay in theo thể thức này.");
    } catch (e) { showError(e); }
  });
  onSubmit($("form-unit"), async (ev) => {
    const f = ev.target;
    const unit = { name: f.name.value, superior_body: f.superior_body.value, place_name: f.place_name.value, issuer_code: f.issuer_code.value };
    try {
      const st = await backend.call("set_unit", { unit });
      $("ward-name").textContent = st.unit.name;
      ctx.notice("Đã lưu thông tin đơn vị: văn bản từ nay in theo thông tin mới.");
    } catch (e) { showError(e); }
  });
  $("btn-pick-folder").addEventListener("click", async () => {
    try {
      const dir = await backend.call("pick_folder");
      if (dir) $("form-move").dir.value = dir;
    } catch (e) { showError(e); }
  });
  onSubmit($("form-move"), async (ev) => {
    const f = ev.target;
    const dir = f.dir.value, pass = f.passphrase.value;
    f.passphrase.value = "";
    if (await ctx.run(() => backend.call("move_data_dir", { dir, passphrase: pass }))) ctx.notice(`Đã chuyển dữ liệu sang ${dir}. Tệp cũ vẫn giữ ở thư mục cũ.`);
  });
  onSubmit($("form-backup"), async (ev) => {
    const f = ev.target;
    try {
      const used = f.dest.value;
      const r = await backend.call("backup", { dest: used, passphrase: f.passphrase.value });
      f.passphrase.value = "";
      ctx.notice(`Đã sao lưu ${r.people} hồ sơ vào ${r.path}.`);
      f.dest.value = await nextBackupName(used);
    } catch (e) {
      f.passphrase.value = "";
      showError(e);
    }
  });
  onSubmit($("form-restore"), async (ev) => {
    const f = ev.target;
    if (!f.confirm.checked) {
      showError({ message: "Khôi phục: hãy đánh dấu ô xác nhận trước khi thay dữ liệu hiện tại." });
      return;
    }
    const from = f.from.value, pass = f.passphrase.value, old = f.backup_passphrase.value;
    f.passphrase.value = "";
    f.backup_passphrase.value = "";
    f.confirm.checked = false;
    if (await ctx.run(() => backend.call("restore", { from, passphrase: pass, backupPassphrase: old || null }))) {
      ctx.notice(`Đã khôi phục từ ${from}. Đơn vị vẫn mở bằng mật khẩu hiện tại.`);
    }
  });
  onSubmit($("form-passwd"), async (ev) => {
    const f = ev.target;
    try {
      await backend.call("change_passphrase", { current: f.current.value, new: f.new.value, again: f.again.value });
      f.current.value = ""; f.new.value = ""; f.again.value = "";
      ctx.notice("Đã đổi mật khẩu. Lần mở sau dùng mật khẩu mới.");
    } catch (e) { showError(e); }
  });
}
