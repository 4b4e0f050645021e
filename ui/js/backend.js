// The only file that talks to the Rust side. Every function is one Tauri command;
// a failure rejects with { code, message, fields } from the core.

function invoke(cmd, args) {
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

export const status = () => invoke("status");
export const codeLists = () => invoke("code_lists");
export const createDatabase = (unit, passphrase, passphraseAgain) =>
  invoke("create_database", { new: { unit, passphrase, passphrase_again: passphraseAgain } });
export const unlock = (passphrase) => invoke("unlock", { passphrase });
export const openDemo = () => invoke("open_demo");
export const lock = () => invoke("lock");
export const searchPeople = (query) => invoke("search_people", { query });
export const outputDir = () => invoke("output_dir");
export const person = (id) => invoke("person", { id });
/** Saves a record; `samePersonConfirmed`: the clerk said a same name and birth date is another person. */
export const savePerson = (person, samePersonConfirmed = false) => invoke("save_person", { person, samePersonConfirmed });
export const personHistory = (id) => invoke("person_history", { id });
export const terms = () => invoke("terms");
export const addTerm = (kind, startYear, endYear, reference) =>
  invoke("add_term", { kind, startYear, endYear, reference });
export const planBoard = (term) => invoke("plan_board", { term });
export const defaultReference = (kind, startYear) => invoke("default_reference", { kind, startYear });
export const setEntryTerms = (entryId, terms) => invoke("set_entry_terms", { entryId, terms });
export const planCandidates = (term, position, terms) => invoke("plan_candidates", { term, position, terms: terms || 1 });
export const planPerson = (term, position, personId, step) =>
  invoke("plan_person", { term, position, personId, step });
export const addPlanStep = (entryId, step) => invoke("add_plan_step", { entryId, step });
export const docSettings = () => invoke("doc_settings");
export const saveDocument = (input) => invoke("save_document", { input });
export const exportExcel = (kind, term, out, attachedTo) => invoke("export_excel", { kind, term, out, attachedTo: attachedTo || null });
export const backup = (dest, passphrase) => invoke("backup", { dest, passphrase });
export const restore = (from, passphrase, backupPassphrase) =>
  invoke("restore", { from, passphrase, backupPassphrase: backupPassphrase || null });
export const changePassphrase = (current, newPass, again) => invoke("change_passphrase", { current, new: newPass, again });
export const findPeople = (query, filter, limit) => invoke("find_people", { query, filter, limit });
export const setAutoBackupKeep = (keep) => invoke("set_auto_backup_keep", { keep });
export const previewImport = (path, sheet, map) => invoke("preview_import", { path, sheet, map });
export const confirmImport = () => invoke("confirm_import");
export const saveRejected = (out) => invoke("save_rejected", { out });
export const confirmImportValid = (rejected) => invoke("confirm_import_valid", { rejected });
export const previewDocument = (input) => invoke("preview_document", { input });
export const openInViewer = (path) => invoke("open_in_viewer", { path });
export const rulesForTerm = (term) => invoke("rules_for_term", { term });
export const saveRuleParams = (term, params) => invoke("save_rule_params", { term, params });
export const rulesForm = (term) => invoke("rules_form", { term });
export const targets = () => invoke("targets");
export const addTarget = (target) => invoke("add_target", { target });
export const removeTarget = (id) => invoke("remove_target", { id });
export const positions = () => invoke("positions");
export const savePosition = (position) => invoke("save_position", { position });
export const pickSavePath = (suggested, kind) => invoke("pick_save_path", { suggested, kind });
export const pickOpenPath = (kind) => invoke("pick_open_path", { kind });
export const reviewRound = (term, input) => invoke("review_round", { term, input });
/** Calls `f({ stage, done, total })` for each progress event of long work; returns an unlisten. */
export function onProgress(f) {
  const ev = window.__TAURI__ && window.__TAURI__.event;
  return ev ? ev.listen("tien-do", (e) => f(e.payload)) : Promise.resolve(() => {});
}
export const pickFolder = () => invoke("pick_folder");
export const moveDataDir = (dir, passphrase) => invoke("move_data_dir", { dir, passphrase });
export const setUnit = (unit) => invoke("set_unit", { unit });
export const saveDocSettings = (settings) => invoke("save_doc_settings", { settings });
export const documentViolations = (input) => invoke("document_violations", { input });
export const docText = (kind) => invoke("doc_text", { kind });
export const docRegister = () => invoke("doc_register");
export const cancelDocNumber = (typeCode, term, number, reason) =>
  invoke("cancel_doc_number", { typeCode, term, number, reason });

// Source programmes, young cadres, rotation.
export const programmes = () => invoke("programmes");
export const programme = (id) => invoke("programme", { id });
export const createProgramme = (form) => invoke("create_programme", { form });
export const updateProgramme = (id, form) => invoke("update_programme", { id, form });
export const deleteProgramme = (id) => invoke("delete_programme", { id });
export const programmeCandidates = (id, date) => invoke("programme_candidates", { id, date });
export const proposeParticipant = (id, personId, date) => invoke("propose_participant", { id, personId, date });
export const approveProgramme = (id, decisionNo, date) => invoke("approve_programme", { id, decisionNo, date });
export const addProgrammeRecord = (id, personId, input) => invoke("add_programme_record", { id, personId, input });
export const setProgrammeOutcome = (id, personId, input) => invoke("set_programme_outcome", { id, personId, input });
export const exportProgramme = (id, out) => invoke("export_programme", { id, out });
export const youngList = (criteria, date) => invoke("young_list", { criteria, date });
export const exportYoung = (criteria, date, out) => invoke("export_young", { criteria, date, out });
export const criteriaSets = () => invoke("criteria_sets");
export const saveCriteriaSet = (name, criteria) => invoke("save_criteria_set", { name, criteria });
export const rotationLists = (date) => invoke("rotation_lists", { date });
export const exportRotation = (date, out) => invoke("export_rotation", { date, out });
export const recordMovement = (input) => invoke("record_movement", { input });
export const proposeList = (id, personIds, date) => invoke("propose_list", { id, personIds, date });

/** Calls `f()` when the program is started a second time (this window is brought forward). */
export function onSecondStart(f) {
  const ev = window.__TAURI__ && window.__TAURI__.event;
  return ev ? ev.listen("second-start", () => f()) : Promise.resolve(() => {});
}
export const rotationParams = () => invoke("rotation_params");
export const saveRotationParams = (params) => invoke("save_rotation_params", { params });
