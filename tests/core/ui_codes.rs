//! Issue 21 §1: the window holds no copy of the core's code lists. Every closed list (steps,
//! reasons, levels, ratings, indicators, verdicts, severities, rules, every rule parameter…) is
//! served by `app::codes::code_lists`; a string literal in `ui/js` equal to one of those codes
//! means a hand-copied map or a decision the core should make, and fails this test.

use std::path::{Path, PathBuf};

use quyhoach::app::codes::code_lists;

/// The string literals of a JavaScript source: '…', "…" and the text parts of `…` templates
/// (the expressions inside `${…}` are scanned too). Comments and regular expressions are not
/// literals.
fn literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    scan(&chars, &mut i, false, &mut out);
    out
}

/// Scans code from `i`; inside a template expression (`nested`), stops after its closing `}`.
fn scan(c: &[char], i: &mut usize, nested: bool, out: &mut Vec<String>) {
    let mut depth = 0usize;
    // The last character that is not a space: a `/` after one of these starts a regex.
    let mut prev = '\n';
    while *i < c.len() {
        let ch = c[*i];
        match ch {
            '/' if c.get(*i + 1) == Some(&'/') => {
                while *i < c.len() && c[*i] != '\n' {
                    *i += 1;
                }
                continue;
            }
            '/' if c.get(*i + 1) == Some(&'*') => {
                *i += 2;
                while *i + 1 < c.len() && !(c[*i] == '*' && c[*i + 1] == '/') {
                    *i += 1;
                }
                *i += 2;
                continue;
            }
            '/' if "(,=:[!&|?{};+-*%<>~^\n".contains(prev) || ends_with_word(c, *i, "return") => {
                // A regular expression literal: skip it, classes included.
                *i += 1;
                let mut class = false;
                while *i < c.len() {
                    match c[*i] {
                        '\\' => *i += 1,
                        '[' => class = true,
                        ']' => class = false,
                        '/' if !class => break,
                        '\n' => break,
                        _ => {}
                    }
                    *i += 1;
                }
                *i += 1;
                prev = '/';
                continue;
            }
            '"' | '\'' => {
                *i += 1;
                let mut s = String::new();
                while *i < c.len() && c[*i] != ch {
                    if c[*i] == '\\' && *i + 1 < c.len() {
                        *i += 1;
                    }
                    s.push(c[*i]);
                    *i += 1;
                }
                *i += 1;
                out.push(s);
                prev = ch;
                continue;
            }
            '`' => {
                *i += 1;
                let mut s = String::new();
                while *i < c.len() && c[*i] != '`' {
                    if c[*i] == '\\' && *i + 1 < c.len() {
                        *i += 1;
                        s.push(c[*i]);
                        *i += 1;
                    } else if c[*i] == '$' && c.get(*i + 1) == Some(&'{') {
                        out.push(std::mem::take(&mut s));
                        *i += 2;
                        scan(c, i, true, out);
                    } else {
                        s.push(c[*i]);
                        *i += 1;
                    }
                }
                *i += 1;
                out.push(s);
                prev = '`';
                continue;
            }
            '{' => depth += 1,
            '}' if nested && depth == 0 => {
                *i += 1;
                return;
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !ch.is_whitespace() || ch == '\n' {
            prev = ch;
        }
        *i += 1;
    }
}

fn ends_with_word(c: &[char], at: usize, word: &str) -> bool {
    let before: String = c[..at].iter().collect();
    before.trim_end().ends_with(word)
}

/// Literals equal to a served code that mean something else, each with why (file, literal).
const NOT_A_COPY: &[(&str, &str, &str)] = &[(
    "programmes.js",
    "rating_years",
    "a field of a programme's criteria (the years rated), named like the rule set's parameter",
)];

fn ui_js() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui").join("js")
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_and_regexes() {
    let src = r#"
        // "qua_tuoi" in a comment is no literal
        /* nor 'ky_luat' here */
        const STEPS = { de_xuat: "Đề xuất", "phe_duyet": 'Đã phê duyệt' };
        const re = /[^"']+/g, half = a / 2;
        const t = `Năm ${y}: ${r || "HTT"} — min_women_share`;
        if (e.worst === 'vi_pham') x = "a\"b";
    "#;
    let l = literals(src);
    for s in [
        "Đề xuất",
        "phe_duyet",
        "Đã phê duyệt",
        "HTT",
        "vi_pham",
        "a\"b",
    ] {
        assert!(l.iter().any(|x| x == s), "{s} not found in {l:?}");
    }
    assert!(l.iter().any(|x| x.contains("min_women_share")));
    for s in ["qua_tuoi", "ky_luat", "de_xuat"] {
        assert!(!l.iter().any(|x| x == s), "{s} found in {l:?}");
    }
}

/// What the window held before issue 21: the test must catch each of these.
#[test]
fn a_hand_copied_map_is_caught() {
    let old = r#"
        export const REASONS = { qua_tuoi: "Quá tuổi quy hoạch", ky_luat: "Bị kỷ luật" };
        el("option", { value: "tiep_tuc" }, "Tiếp tục");
        const low = r && r !== "HTXS" && r !== "HTT";
        const isCount = f.indicator.value === "so_nu";
        if (key === "min_rating") return null;
        el("td", { class: "num" + (e.months_left < (e.terms >= 2 ? 120 : 60) ? " short" : "") });
    "#;
    let codes = code_lists().all_codes();
    let found: Vec<String> = literals(old)
        .into_iter()
        .filter(|l| codes.contains(&l.as_str()))
        .collect();
    assert_eq!(
        found,
        ["tiep_tuc", "HTXS", "HTT", "so_nu", "min_rating"],
        "object keys are not literals; the values a map copies are"
    );
}

#[test]
fn ui_js_holds_no_code_of_the_core() {
    let codes = code_lists().all_codes();
    assert!(codes.len() > 100, "{} codes", codes.len());
    for c in [
        "de_xuat",
        "qua_tuoi",
        "min_women_share",
        "HTT",
        "du_dieu_kien",
        "vi_pham",
        "to-trinh",
        "trich-ngang",
        "dao_tao",
    ] {
        assert!(codes.contains(&c), "{c} is not served");
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(ui_js())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let mut seen = 0;
    let mut copies = Vec::new();
    let mut excused = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(f).unwrap();
        let lits = literals(&src);
        seen += lits.len();
        for l in lits {
            if !codes.contains(&l.as_str()) {
                continue;
            }
            match NOT_A_COPY.iter().find(|(f, c, _)| *f == name && *c == l) {
                Some(x) => excused.push(x),
                None => copies.push(format!("{name}: \"{l}\"")),
            }
        }
    }
    // Each excuse is still needed (else it would hide a future copy).
    for x in NOT_A_COPY {
        assert!(excused.contains(&x), "{x:?} is no longer needed: remove it");
    }
    assert!(
        seen > 1000,
        "only {seen} literals read: the scanner is broken"
    );
    assert!(
        copies.is_empty(),
        "ui/js holds codes the core serves (ask ui/js/codes.js instead):\n{}",
        copies.join("\n")
    );
}

/// The page itself: no <option> carries a code of the core's lists (they are filled from them).
#[test]
fn index_html_has_no_option_with_a_code_of_the_core() {
    let codes = code_lists().all_codes();
    let html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/index.html"))
        .unwrap();
    let mut found = Vec::new();
    for part in html.split("<option value=\"").skip(1) {
        let value = part.split('"').next().unwrap_or_default();
        if codes.contains(&value) {
            found.push(value.to_string());
        }
    }
    assert!(html.matches("<option value=\"").count() > 5);
    assert!(found.is_empty(), "{found:?}");
}

/// The Documents screen and the Excel card list the kinds the core serves, with whether each
/// takes a number and the file name to suggest: the window no longer marks "numbered" itself.
#[test]
fn the_kinds_of_documents_and_workbooks_come_from_the_core() {
    let lists = code_lists();
    let docs: Vec<(&str, bool)> = lists
        .doc_kinds
        .iter()
        .map(|k| (k.code, k.numbered))
        .collect();
    assert_eq!(
        docs,
        [
            ("to-trinh", true),
            ("bao-cao-ra-soat", true),
            ("bieu-co-cau", false),
            ("dao-tao", false),
            ("bao-cao-du-bao", true)
        ]
    );
    assert_eq!(lists.doc_kinds[0].file, "Tờ trình quy hoạch");
    let sheets: Vec<&str> = lists.export_kinds.iter().map(|k| k.code).collect();
    assert_eq!(
        sheets,
        ["can-bo", "trich-ngang", "co-cau", "ra-soat", "dao-tao"]
    );
    assert!(lists
        .export_kinds
        .iter()
        .all(|k| !k.label.is_empty() && !k.file.is_empty() && !k.numbered));
    let records: Vec<(&str, &str)> = lists
        .programme_record_kinds
        .iter()
        .map(|k| (k.code, k.label))
        .collect();
    assert_eq!(
        records,
        [
            ("dao_tao", "Đào tạo, bồi dưỡng"),
            ("danh_gia", "Đánh giá hằng năm")
        ]
    );
}
