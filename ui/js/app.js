// The shell: start screens, navigation, locking (on request and after idle time).
import * as backend from "./backend.js";
import { $, showError, onSubmit, onClick, isBusy } from "./dom.js";
import * as people from "./people.js";
import * as plan from "./plan.js";
import * as checks from "./checks.js";
import * as forecast from "./forecast.js";
import * as docs from "./docs.js";
import * as settings from "./settings.js";
import * as programmes from "./programmes.js";
import * as codes from "./codes.js";
import * as province from "./province.js";

const screens = ["screen-first-run", "screen-unlock", "screen-people", "screen-person", "screen-plan", "screen-checks", "screen-forecast", "screen-programmes", "screen-docs", "screen-settings", "screen-province"];
const onShow = {
  "screen-people": people.refresh,
  "screen-plan": plan.refresh,
  "screen-checks": checks.refresh,
  "screen-forecast": forecast.refresh,
  "screen-programmes": programmes.refresh,
  "screen-docs": () => docs.refresh().then(province.refreshSend),
  "screen-province": province.refreshProvince,
  "screen-settings": settings.refresh,
};

export let current = null;
export let status = null;

/** Shows a screen of the open database and loads what it needs. */
export function go(id) {
  showError(null);
  notice("");
  for (const s of screens) $(s).hidden = s !== id;
  current = id;
  document.querySelectorAll("#nav button").forEach((b) => b.classList.toggle("active", b.dataset.screen === id));
  const load = onShow[id];
  if (load) load().catch(showError);
}

export function notice(text) {
  const n = $("notice");
  n.textContent = text;
  n.hidden = !text;
}

function render(st) {
  status = st;
  showError(null);
  $("data-dir").textContent = st.data_dir;
  $("app-version").textContent = `Quy hoạch cán bộ, phiên bản ${st.version}`;
  $("data-file").textContent = st.data_file;
  $("unlock-ward").textContent = st.ward_name || "Dữ liệu của đơn vị";
  $("demo-pass").textContent = st.demo_passphrase;
  const ward = $("ward-name");
  ward.textContent = st.unit ? st.unit.name : "";
  if (st.is_demo) {
    const b = document.createElement("span");
    b.className = "badge";
    b.textContent = "Phường mẫu";
    ward.append(b);
  }
  $("btn-lock").hidden = !st.open_file;
  $("nav").hidden = !st.open_file;
  // A province's file shows the province's screens; a ward's, the ward's (the core says which).
  document.querySelectorAll("#nav button").forEach((b) => {
    b.hidden = b.dataset.screen !== "screen-settings" && b.hasAttribute("data-province") !== Boolean(st.province);
  });
  if (st.open_file && st.province) {
    go("screen-province");
  } else if (st.open_file) {
    $("search").value = "";
    go("screen-people");
    $("search").focus();
  } else {
    current = null;
    const id = st.data_file_exists ? "screen-unlock" : "screen-first-run";
    for (const s of screens) $(s).hidden = s !== id;
    if (st.data_file_exists) {
      $("form-unlock").passphrase.value = "";
      $("form-unlock").passphrase.focus();
    }
  }
}

/** Runs an action returning the session status and shows it; true when it worked. */
export async function run(action) {
  try {
    render(await action());
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

function strengthHint(p) {
  if (!p) return "";
  if ([...p].length < 8) return "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.";
  const kinds = [/[a-zà-ỹđ]/, /[A-ZÀ-ỸĐ]/, /[0-9]/, /[^A-Za-z0-9À-ỹđĐ]/].filter((r) => r.test(p)).length;
  if ([...p].length >= 14 && kinds >= 2) return "Mật khẩu mạnh.";
  return kinds >= 3 ? "Mật khẩu khá: dài hơn 14 ký tự sẽ tốt hơn." : "Mật khẩu yếu: nên dùng chữ hoa, chữ thường, chữ số và dài hơn.";
}

/** Locks; a half-typed record is kept in this window's memory and offered after the unlock. */
function lock() {
  people.keepDraft(status && status.open_file);
  if ($("ask").open) $("ask").close("cancel");
  return run(() => backend.call("lock"));
}

// Idle lock: any key or pointer activity resets the clock.
let lastActivity = Date.now();
export const idleMinutes = () => Number(localStorage.getItem("quyhoach.idleMinutes") || 15);
function watchIdle() {
  for (const ev of ["keydown", "pointerdown", "pointermove", "wheel"]) {
    document.addEventListener(ev, () => { lastActivity = Date.now(); }, { passive: true });
  }
  setInterval(() => {
    if (status && status.open_file && Date.now() - lastActivity > idleMinutes() * 60000) {
      lastActivity = Date.now();
      lock();
    }
  }, 1000);
}

window.addEventListener("DOMContentLoaded", async () => {
  // A notice belongs to the action that made it: the next action clears it.
  // A submit ignored (its form already has a request in flight, or was just left) clears nothing.
  document.addEventListener("submit", (ev) => {
    if (isBusy(ev.target) || ev.target.closest("[hidden], dialog")) return;
    notice(""); showError(null);
  }, true);
  onSubmit($("form-create"), (ev) => {
    const f = ev.target;
    const unit = { name: f.name.value, superior_body: f.superior_body.value, place_name: f.place_name.value, issuer_code: f.issuer_code.value };
    const make = { unit, passphrase: f.passphrase.value, passphrase_again: f.passphrase_again.value };
    return f.querySelector("input[name=unit_kind][value=province]").checked
      ? run(() => backend.call("create_province", { new: make }))
      : run(() => backend.call("create_database", { new: make }));
  });
  $("form-create").passphrase.addEventListener("input", (ev) => { $("strength").textContent = strengthHint(ev.target.value); });
  onSubmit($("form-unlock"), async (ev) => {
    const input = ev.target.passphrase;
    const ok = await run(() => backend.call("unlock", { passphrase: input.value }));
    input.value = "";
    if (ok) people.offerDraft(status.open_file).catch(showError);
  });
  onClick($("btn-demo"), () => run(() => backend.call("open_demo")));
  onClick($("btn-demo-2"), () => run(() => backend.call("open_demo")));
  $("btn-lock").addEventListener("click", () => lock());
  document.querySelectorAll("#nav button").forEach((b) => b.addEventListener("click", () => go(b.dataset.screen)));
  // "Chọn…": the system's Save as / Open dialog fills the path field beside it.
  document.querySelectorAll("button.pick").forEach((b) => b.addEventListener("click", async () => {
    const input = $(b.dataset.form)[b.dataset.name];
    try {
      const path = b.dataset.mode === "save"
        ? await backend.call("pick_save_path", { suggested: input.value, kind: b.dataset.kind })
        : await backend.call("pick_open_path", { kind: b.dataset.kind });
      if (path) input.value = path;
    } catch (e) { showError(e); }
  }));
  // The core's code lists (steps, levels, ratings…) before any screen draws a choice.
  try { await codes.load(); } catch (e) { showError(e); return; }
  people.init({ go, notice });
  plan.init({ go, notice });
  checks.init({ go });
  forecast.init({ notice });
  programmes.init({ go, notice });
  docs.init({ notice });
  settings.init({ notice, run, idleMinutes });
  province.init({ notice });
  watchIdle();
  backend.onSecondStart(() => notice("Chương trình đã đang mở ở cửa sổ này (mở lần nữa sẽ dùng chung cửa sổ này)."));
  run(() => backend.call("status"));
});
