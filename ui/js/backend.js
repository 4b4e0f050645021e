// The only file that talks to the Rust side. `call(name, args)` runs one Tauri command by its
// name (the list is written once, in src-tauri/src/commands/mod.rs; tests/core/ui_commands.rs
// fails on a name the window calls that is not there); a failure rejects with
// { code, message, fields } from the core.

/** Runs the command `cmd` with `args` (their keys in camelCase, as Tauri reads them). */
export function call(cmd, args) {
  const tauri = window.__TAURI__;
  if (!tauri || !tauri.core) {
    return Promise.reject({ code: "no_backend", message: "Không kết nối được phần lõi của chương trình.", fields: [] });
  }
  return tauri.core.invoke(cmd, args).catch((e) => Promise.reject(clerkError(e)));
}

/**
 * A failure as the clerk may read it. The core's errors are already Vietnamese; a request the
 * shell could not even read (its own text, in English: "invalid args `input` for command …")
 * keeps only a Vietnamese part, or says so plainly.
 */
function clerkError(e) {
  if (e && typeof e === "object" && e.code) return e;
  const text = typeof e === "string" ? e : (e && e.message) || "";
  const inner = text.replace(/^invalid args `[^`]*` for command `[^`]*`:\s*/, "");
  const vietnamese = /[À-ỹĐđ]/.test(inner) && !/[`]|invalid type|missing field|expected/.test(inner);
  return {
    code: "request",
    message: vietnamese ? `Dữ liệu chưa hợp lệ: ${inner}` : "Dữ liệu vừa nhập chưa đọc được: hãy kiểm tra các ô đã điền (ngày dạng dd/mm/yyyy, số không có chữ).",
    fields: [],
  };
}

/** Calls `f({ stage, done, total })` for each progress event of long work; returns an unlisten. */
export function onProgress(f) {
  const ev = window.__TAURI__ && window.__TAURI__.event;
  return ev ? ev.listen("tien-do", (e) => f(e.payload)) : Promise.resolve(() => {});
}

/** Calls `f()` when the program is started a second time (this window is brought forward). */
export function onSecondStart(f) {
  const ev = window.__TAURI__ && window.__TAURI__.event;
  return ev ? ev.listen("second-start", () => f()) : Promise.resolve(() => {});
}
