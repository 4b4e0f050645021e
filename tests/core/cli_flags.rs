//! The command line's flags follow one convention (issue 22): English kebab-case names, the
//! Vietnamese spellings of before kept as visible aliases, and every subcommand and argument with
//! a help line. The clap tree is the binary's own (src/cli/args.rs, compiled in here), so a flag
//! added without help, or a Vietnamese name made primary, fails here.

use std::collections::BTreeSet;

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
        if id == "help" || id == "version" {
            continue;
        }
        if !has_text(arg.get_help()) && !has_text(arg.get_long_help()) {
            problems.push(format!("{path}: tham số “{id}” không có dòng trợ giúp"));
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
    let cmd = args::Cli::command();
    cmd.clone().debug_assert();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    walk(&cmd, "quyhoach", &mut problems, &mut seen);
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
