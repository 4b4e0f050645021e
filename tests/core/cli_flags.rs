//! The command line's flags follow one convention (issue 22): English kebab-case names, the
//! Vietnamese spellings of before kept as visible aliases, and every subcommand and argument with
//! a help line. The clap tree is the binary's own (src/cli/args.rs, compiled in here), so a flag
//! added without help, or a Vietnamese name made primary, fails here. None of clap's own English
//! ("Usage:", "Options:", "Print help", "[default: …]", "error: unexpected argument …") shows in
//! the help of any command or in a usage error.

use std::collections::BTreeSet;

use crate::common::RunToEnd;
use clap::{CommandFactory, Parser};

#[allow(dead_code)]
#[path = "../../src/cli/args.rs"]
mod args;

/// The Vietnamese spellings the CLI accepted before issue 22; each is now only an alias.
const VIETNAMESE_ALIASES: &[&str] = &[
    "kem-theo",
    "nam",
    "bo-dong-loi",
    "nguoi",
    "so",
    "bo-qua-so",
    "dinh-chinh",
    "ngay",
    "thay-mat",
    "chuc-vu",
    "nguoi-ky",
    "noi-nhan",
    "van-ban",
    "de-an",
    "cap-phe-duyet",
    "loai",
    "nhiem-ky",
    "ly-do",
];

fn has_text(s: Option<&clap::builder::StyledStr>) -> bool {
    s.is_some_and(|s| !s.to_string().trim().is_empty())
}

fn walk(cmd: &clap::Command, path: &str, problems: &mut Vec<String>, seen: &mut BTreeSet<String>) {
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if !has_text(arg.get_help()) && !has_text(arg.get_long_help()) {
            problems.push(format!("{path}: tham số “{id}” không có dòng trợ giúp"));
        }
        for text in [arg.get_help(), arg.get_long_help()].into_iter().flatten() {
            let text = text.to_string();
            if text.contains("Print") {
                problems.push(format!(
                    "{path}: “{id}”: trợ giúp tiếng Anh của clap: {text}"
                ));
            }
        }
        if (id == "help" || id == "version") && arg.get_long() != Some(id) {
            problems.push(format!("{path}: cờ --{id} đã mất"));
        }
        if let Some(long) = arg.get_long() {
            let english_style = !long.is_empty()
                && long
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !english_style || VIETNAMESE_ALIASES.contains(&long) {
                problems.push(format!(
                    "{path}: --{long} là tên tiếng Việt, chỉ được là tên khác"
                ));
            }
            for alias in arg.get_visible_aliases().unwrap_or_default() {
                if !VIETNAMESE_ALIASES.contains(&alias) {
                    problems.push(format!(
                        "{path}: --{long} có tên khác --{alias} không thuộc danh sách tên tiếng Việt cũ"
                    ));
                }
                seen.insert(alias.to_string());
            }
        }
    }
    for sub in cmd.get_subcommands() {
        let sub_path = format!("{path} {}", sub.get_name());
        if !has_text(sub.get_about()) && !has_text(sub.get_long_about()) {
            problems.push(format!("{sub_path}: lệnh không có dòng trợ giúp"));
        }
        walk(sub, &sub_path, problems, seen);
    }
}

#[test]
fn every_subcommand_and_argument_has_help_and_flags_are_english_with_vietnamese_aliases() {
    let mut cmd = args::Cli::command();
    cmd.clone().debug_assert();
    // Built, as when parsing: the global flags (--help, --db…) are then on every subcommand, and
    // clap's own help flag or help subcommand would be there if they were not turned off.
    cmd.build();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    walk(&cmd, "quyhoach", &mut problems, &mut seen);
    if cmd.find_subcommand("help").is_some() {
        problems.push("clap's own `help` subcommand is back (its text is English)".into());
    }
    for old in VIETNAMESE_ALIASES {
        if !seen.contains(*old) {
            problems.push(format!("--{old} không còn là tên khác của cờ nào"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn parsed(argv: &[&str]) -> String {
    let cli = args::Cli::try_parse_from(std::iter::once("quyhoach").chain(argv.iter().copied()))
        .unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    format!("{:?}", cli.command)
}

/// Each old Vietnamese spelling gives exactly what its English flag gives.
#[test]
fn old_vietnamese_spellings_parse_as_the_english_flags() {
    let pairs: &[(&[&str], &[&str])] = &[
        (
            &[
                "doc",
                "to-trinh",
                "--term",
                "2030-2035",
                "--issue",
                "--so",
                "5",
                "--bo-qua-so",
                "sót",
                "--dinh-chinh",
                "đính chính",
                "--ngay",
                "05/01/2027",
                "--thay-mat",
                "T/M BAN THƯỜNG VỤ",
                "--chuc-vu",
                "BÍ THƯ",
                "--nguoi-ky",
                "Nguyễn Văn Nho",
                "--noi-nhan",
                "Ban Tổ chức Tỉnh ủy",
                "--noi-nhan",
                "Như trên",
                "--van-ban",
                "đoạn văn.json",
                "--kem-theo",
                "(Kèm theo)",
                "--cap-phe-duyet",
                "Ban Thường vụ",
                "--out",
                "x.pdf",
            ],
            &[
                "doc",
                "to-trinh",
                "--term",
                "2030-2035",
                "--issue",
                "--number",
                "5",
                "--skip-numbers",
                "sót",
                "--correct-date",
                "đính chính",
                "--date",
                "05/01/2027",
                "--on-behalf",
                "T/M BAN THƯỜNG VỤ",
                "--signer-title",
                "BÍ THƯ",
                "--signer",
                "Nguyễn Văn Nho",
                "--recipient",
                "Ban Tổ chức Tỉnh ủy",
                "--recipient",
                "Như trên",
                "--text",
                "đoạn văn.json",
                "--attached-to",
                "(Kèm theo)",
                "--approving-body",
                "Ban Thường vụ",
                "--out",
                "x.pdf",
            ],
        ),
        (
            &[
                "doc", "ly-lich", "--nguoi", "12", "--nam", "2026", "--out", "x.pdf",
            ],
            &[
                "doc", "ly-lich", "--person", "12", "--year", "2026", "--out", "x.pdf",
            ],
        ),
        (
            &["doc", "bao-cao-de-an", "--de-an", "1", "--out", "x.pdf"],
            &["doc", "bao-cao-de-an", "--programme", "1", "--out", "x.pdf"],
        ),
        (
            &[
                "export",
                "ra-soat",
                "--nam",
                "2026",
                "--kem-theo",
                "(Kèm)",
                "--out",
                "x.xlsx",
            ],
            &[
                "export",
                "ra-soat",
                "--year",
                "2026",
                "--attached-to",
                "(Kèm)",
                "--out",
                "x.xlsx",
            ],
        ),
        (
            &["import", "ds.xlsx", "--bo-dong-loi"],
            &["import", "ds.xlsx", "--skip-invalid"],
        ),
        (
            &[
                "register",
                "cancel",
                "--loai",
                "TTr",
                "--nhiem-ky",
                "2025-2030",
                "--so",
                "2",
                "--ly-do",
                "Không ban hành",
            ],
            &[
                "register",
                "cancel",
                "--type",
                "TTr",
                "--term",
                "2025-2030",
                "--number",
                "2",
                "--reason",
                "Không ban hành",
            ],
        ),
    ];
    for (old, new) in pairs {
        assert_eq!(parsed(old), parsed(new), "{old:?}");
    }
    // A decimal comma, as a clerk types a share.
    assert_eq!(
        parsed(&[
            "target",
            "add",
            "--body",
            "BCH",
            "--indicator",
            "tre",
            "--min",
            "0,15",
            "--year",
            "2030"
        ]),
        parsed(&[
            "target",
            "add",
            "--body",
            "BCH",
            "--indicator",
            "tre",
            "--min",
            "0.15",
            "--year",
            "2030"
        ]),
    );
}

/// What `quyhoach <path…> --help` prints (through the binary's own `told`).
fn help_of(path: &[&str]) -> String {
    let argv = std::iter::once("quyhoach")
        .chain(path.iter().copied())
        .chain(["--help"]);
    match args::Cli::try_parse_from(argv) {
        Ok(_) => String::new(),
        Err(e) => args::told(&e).0,
    }
}

/// Every command's path in the tree (the root as the empty path).
fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for sub in cmd.get_subcommands() {
        let mut p = prefix.clone();
        p.push(sub.get_name().to_string());
        paths(sub, p, out);
    }
}

/// clap's English, as it writes it in help and errors.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Commands:",
    "Options:",
    "Arguments:",
    "Print help",
    "Print version",
    "Print this message",
    "[OPTIONS]",
    "<COMMAND>",
    "[default:",
    "[alias",
    "possible values",
    "For more information",
    "error:",
    "tip:",
    "unexpected argument",
    "required",
    "invalid value",
];

/// What is English in a help or error text: clap's phrases, and a `<VALUE>` placeholder named
/// by an English field (every placeholder is a Vietnamese word with its diacritics).
fn english_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = CLAP_ENGLISH
        .iter()
        .filter(|w| text.contains(*w))
        .map(|w| w.to_string())
        .collect();
    for part in text.split('<').skip(1) {
        let Some((name, _)) = part.split_once('>') else {
            continue;
        };
        // A choice of formats written in the help itself (`<pdf|docx>`) is no field's name.
        if name.is_ascii() && !name.contains('|') {
            found.push(format!("<{name}>"));
        }
    }
    found
}

#[test]
fn the_help_of_every_command_is_vietnamese() {
    let mut cmd = args::Cli::command();
    cmd.build();
    let mut all = Vec::new();
    paths(&cmd, Vec::new(), &mut all);
    assert!(all.len() > 50, "only {} commands", all.len());
    let mut problems = Vec::new();
    for path in &all {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        let help = help_of(&path);
        let name = format!("quyhoach {}", path.join(" "));
        if !help.contains("Cách dùng: ") || !help.contains("-h, --help") {
            problems.push(format!("{name} --help:\n{help}"));
        }
        for e in english_in(&help) {
            problems.push(format!("{name} --help: “{e}”"));
        }
    }
    let root = help_of(&[]);
    for heading in [
        "Lệnh:",
        "Tùy chọn:",
        "In trợ giúp của lệnh",
        "-V, --version",
    ] {
        assert!(root.contains(heading), "{heading}:\n{root}");
    }
    let with_positional = help_of(&["import"]);
    assert!(with_positional.contains("Tham số:"), "{with_positional}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_binary_prints_help_version_and_usage_errors_in_vietnamese() {
    let run = |argv: &[&str]| crate::common::quyhoach().args(argv).run();
    for argv in [
        &["--help"][..],
        &["-h"],
        &["plan", "add", "--help"],
        &["help", "plan"],
    ] {
        let o = run(argv);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{argv:?}: {out}");
        assert!(out.contains("Cách dùng: quyhoach"), "{argv:?}: {out}");
        assert!(english_in(&out).is_empty(), "{argv:?}: {out}");
    }
    assert!(String::from_utf8_lossy(&run(&["help", "plan"]).stdout).contains("quyhoach plan"));
    for flag in ["--version", "-V"] {
        let o = run(&[flag]);
        assert_eq!(o.status.code(), Some(0));
        assert!(
            String::from_utf8_lossy(&o.stdout).starts_with("quyhoach "),
            "{o:?}"
        );
    }
    // Usage errors: exit code 2, Vietnamese on stderr, the usage line and a way to more help.
    for (argv, said) in [
        (&["--khong-co"][..], "không có tham số “--khong-co”"),
        (&["khong-co"], "không có lệnh “khong-co”"),
        (&["check"], "thiếu --term <NHIỆM_KỲ>"),
        (&["plan", "add", "--term"], "--term"),
        (
            &[
                "target",
                "add",
                "--body",
                "BCH",
                "--indicator",
                "tre",
                "--min",
                "x",
                "--year",
                "2030",
            ],
            "không phải là số",
        ),
        (&["demo", "--size", "mười"], "--size"),
    ] {
        let o = run(argv);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{argv:?}: {err}");
        assert!(err.starts_with("Lỗi: "), "{argv:?}: {err}");
        assert!(err.contains(said), "{argv:?}: {said} in {err}");
        assert!(err.contains("--help"), "{argv:?}: {err}");
        assert!(english_in(&err).is_empty(), "{argv:?}: {err}");
    }
    // No command at all: the root's help, on stderr, code 2.
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Cách dùng: quyhoach") && english_in(&err).is_empty(),
        "{err}"
    );
}
