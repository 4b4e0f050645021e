// The only file that talks to the Rust side. Every function is one Tauri command;
// a failure rejects with { code, message, fields } from the core.

function invoke(cmd, args) {
  const tauri = window.__TAURI__;
  if (!tauri || !tauri.core) {
    return Promise.reject({ code: "no_backend", message: "Không kết nối được phần lõi của chương trình.", fields: [] });
  }
  return tauri.core.invoke(cmd, args);
}

export const status = () => invoke("status");
export const createDatabase = (unit, passphrase, passphraseAgain) =>
  invoke("create_database", { new: { unit, passphrase, passphrase_again: passphraseAgain } });
export const unlock = (passphrase) => invoke("unlock", { passphrase });
export const openDemo = () => invoke("open_demo");
export const lock = () => invoke("lock");
export const searchPeople = (query) => invoke("search_people", { query });
