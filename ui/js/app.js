// Screens of the shell. User text is always inserted with textContent, never as HTML.
import * as backend from "./backend.js";

const $ = (id) => document.getElementById(id);
const screens = ["screen-first-run", "screen-unlock", "screen-people"];

const SEX = { nam: "Nam", nu: "Nữ" };
const STATUS = {
  dang_cong_tac: "Đang công tác",
  chuyen_cong_tac: "Đã chuyển công tác",
  nghi_huu: "Đã nghỉ hưu",
  tu_tran: "Đã từ trần",
};

function show(id) {
  for (const s of screens) $(s).hidden = s !== id;
}

function showError(err) {
  const box = $("error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  const fields = (err.fields || []).map((f) => "• " + f.message);
  box.textContent = fields.length ? ["Dữ liệu chưa hợp lệ:", ...fields].join("\n") : (err.message || String(err));
  box.hidden = false;
}

// "1975-03-15" → "15/03/1975"; "1975-03" → "03/1975"; "1975" stays.
function displayDate(iso) {
  return (iso || "").split("-").reverse().join("/");
}

function render(st) {
  showError(null);
  $("data-dir").textContent = st.data_dir;
  $("data-file").textContent = st.data_file;
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
  if (st.open_file) {
    show("screen-people");
    $("search").value = "";
    refreshList();
    $("search").focus();
  } else if (st.data_file_exists) {
    show("screen-unlock");
    $("form-unlock").passphrase.value = "";
    $("form-unlock").passphrase.focus();
  } else {
    show("screen-first-run");
  }
}

let searchSeq = 0;
async function refreshList() {
  const seq = ++searchSeq;
  try {
    const people = await backend.searchPeople($("search").value);
    if (seq !== searchSeq) return; // a newer keystroke already asked
    const body = $("people");
    const rows = people.map((p, i) => {
      const tr = document.createElement("tr");
      tr.dataset.id = p.id;
      if (p.status !== "dang_cong_tac") tr.className = "left";
      const cells = [String(i + 1), p.full_name, SEX[p.sex] || p.sex, displayDate(p.birth_date), p.positions, STATUS[p.status] || p.status];
      cells.forEach((text, c) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (c === 0) td.className = "num";
        tr.append(td);
      });
      return tr;
    });
    body.replaceChildren(...rows);
    $("count").textContent = `${people.length} người`;
  } catch (e) {
    showError(e);
  }
}

async function run(action) {
  try {
    render(await action());
  } catch (e) {
    showError(e);
  }
}

function strengthHint(p) {
  if (!p) return "";
  if ([...p].length < 8) return "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.";
  const kinds = [/[a-zà-ỹđ]/, /[A-ZÀ-ỸĐ]/, /[0-9]/, /[^A-Za-z0-9À-ỹđĐ]/].filter((r) => r.test(p)).length;
  if ([...p].length >= 14 && kinds >= 2) return "Mật khẩu mạnh.";
  return kinds >= 3 ? "Mật khẩu khá: dài hơn 14 ký tự sẽ tốt hơn." : "Mật khẩu yếu: nên dùng chữ hoa, chữ thường, chữ số và dài hơn.";
}

window.addEventListener("DOMContentLoaded", () => {
  $("form-create").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const unit = { name: f.name.value, superior_body: f.superior_body.value, place_name: f.place_name.value, issuer_code: f.issuer_code.value };
    run(() => backend.createDatabase(unit, f.passphrase.value, f.passphrase_again.value));
  });
  $("form-create").passphrase.addEventListener("input", (ev) => { $("strength").textContent = strengthHint(ev.target.value); });
  $("form-unlock").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const input = ev.target.passphrase;
    run(() => backend.unlock(input.value)).then(() => { input.value = ""; });
  });
  $("btn-demo").addEventListener("click", () => run(backend.openDemo));
  $("btn-demo-2").addEventListener("click", () => run(backend.openDemo));
  $("btn-lock").addEventListener("click", () => run(backend.lock));
  $("search").addEventListener("input", refreshList);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && document.activeElement === $("search")) { $("search").value = ""; refreshList(); }
  });
  run(backend.status);
});
