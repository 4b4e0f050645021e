//! Vietnamese text: NFC normalisation, diacritic-insensitive folding for search,
//! name parts and Vietnamese collation (ICU4X, locale `vi`).

use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Bumped whenever the way sort keys are built changes, so stored keys are rebuilt on open.
/// The ICU4X version is part of it because its sort keys may change between releases.
pub const SORT_KEY_VERSION: &str = "vi-given-family-middle-birth/icu_collator-2";

/// NFC, trimmed, inner runs of whitespace collapsed to one space.
pub fn clean(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// NFC and trimmed, keeping line breaks (for free-text notes).
pub fn clean_multiline(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    nfc.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// The search key: lower case, no diacritics, đ → d, single spaces.
/// "Nguyễn Văn Hòa", "Nguyễn Văn Hoà" and "NGUYEN VAN HOA" all fold to "nguyen van hoa".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key that finds duplicates: lower case, marks kept, but the tone mark of each word taken
/// off its vowel and put at the end, so "Hòa"/"Hoà" and "ủy"/"uỷ" match while "Hoa" and "Hòa" do not.
pub fn match_key(s: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut tone = None;
        for c in word.nfd() {
            if TONES.contains(&c) {
                tone = Some(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        if let Some(t) = tone {
            out.push(t);
        }
    }
    out
}

/// A full name split the Vietnamese way: family name first, given name last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts<'a> {
    pub family: &'a str,
    pub middle: &'a str,
    pub given: &'a str,
}

pub fn name_parts(full_name: &str) -> NameParts<'_> {
    let s = full_name.trim();
    let first_space = s.find(' ');
    let last_space = s.rfind(' ');
    match (first_space, last_space) {
        (Some(f), Some(l)) => NameParts {
            family: &s[..f],
            middle: s[f..l].trim(),
            given: &s[l + 1..],
        },
        _ => NameParts {
            family: "",
            middle: "",
            given: s,
        },
    }
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        // Compiled data always has `vi`; failing here is a build defect, not user input.
        Collator::try_new(locale!("vi").into(), CollatorOptions::default())
            .expect("dữ liệu so sánh tiếng Việt (ICU4X vi) có sẵn trong chương trình")
    })
}

/// Compares two strings in Vietnamese order (a < ă < â, d < đ, tones none < ` < ? < ~ < ' < .).
pub fn compare_vi(a: &str, b: &str) -> std::cmp::Ordering {
    collator().compare(a, b)
}

/// A byte key whose plain byte order is the list order of people: given name, then family name,
/// then middle names (each in Vietnamese collation), then birth date (ISO text).
pub fn person_sort_key(full_name: &str, birth_iso: &str) -> Vec<u8> {
    let parts = name_parts(full_name);
    let mut key = Vec::with_capacity(64);
    for part in [parts.given, parts.family, parts.middle] {
        let Ok(()) = collator().write_sort_key_to(part, &mut key);
        // ICU sort keys never contain 0x00, so 0x00 ends each part and a shorter part sorts first.
        key.push(0);
    }
    key.extend_from_slice(birth_iso.as_bytes());
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_marks_and_d_stroke() {
        assert_eq!(fold("Nguyễn Văn Hòa"), "nguyen van hoa");
        assert_eq!(fold("Nguyễn Văn Hoà"), "nguyen van hoa");
        assert_eq!(fold("ĐẶNG  Thị Ngọc Ánh "), "dang thi ngoc anh");
        // NFD input folds the same as NFC.
        let nfd: String = "Trần Đức Thắng".nfd().collect();
        assert_eq!(fold(&nfd), "tran duc thang");
    }

    #[test]
    fn match_key_ignores_tone_placement_only() {
        assert_eq!(match_key("Nguyễn Văn Hòa"), match_key("nguyễn văn hoà"));
        assert_eq!(match_key("Đảng ủy"), match_key("ĐẢNG UỶ"));
        assert_ne!(match_key("Nguyễn Văn Hòa"), match_key("Nguyễn Văn Hoa"));
        assert_ne!(match_key("Đức"), match_key("Dức"));
        let nfd: String = "Lê Thị Hồng".nfd().collect();
        assert_eq!(match_key(&nfd), match_key("Lê Thị Hồng"));
    }

    #[test]
    fn clean_makes_nfc_and_trims() {
        let nfd: String = "  Lê   Thị\tHồng ".nfd().collect();
        let c = clean(&nfd);
        assert_eq!(c, "Lê Thị Hồng");
        assert!(unicode_normalization::is_nfc(&c));
    }

    #[test]
    fn name_parts_family_first_given_last() {
        let p = name_parts("Nguyễn Thị Minh Khai");
        assert_eq!(
            (p.family, p.middle, p.given),
            ("Nguyễn", "Thị Minh", "Khai")
        );
        let p = name_parts("Lý Công");
        assert_eq!((p.family, p.middle, p.given), ("Lý", "", "Công"));
    }

    #[test]
    fn vietnamese_collation_letters_and_tones() {
        use std::cmp::Ordering::Less;
        // Đ after D, not after Z.
        assert_eq!(compare_vi("Dũng", "Đức"), Less);
        assert_eq!(compare_vi("Đức", "Zơ"), Less);
        assert_eq!(compare_vi("An", "Ăn"), Less);
        assert_eq!(compare_vi("Ăn", "Ân"), Less);
        assert_eq!(compare_vi("Ơn", "Ưng"), Less);
        // Tones, CLDR order: none < huyền < hỏi < ngã < sắc < nặng.
        let mut tones = vec!["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"];
        tones.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(tones, vec!["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]);
    }

    #[test]
    fn sort_key_orders_by_given_then_family_then_middle_then_birth() {
        let mut people = [
            ("Trần Văn Đức", "1980"),
            ("Nguyễn Thị Dung", "1979"),
            ("Lê Văn An", "1990"),
            ("Nguyễn Văn An", "1985"),
            ("Nguyễn Thị An", "1985"),
            ("Nguyễn Thị An", "1970-05-02"),
            ("Phạm Zơ", "1990"),
        ];
        people.sort_by_key(|(n, b)| person_sort_key(n, b));
        let names: Vec<_> = people.iter().map(|(n, b)| format!("{n} {b}")).collect();
        assert_eq!(
            names,
            vec![
                "Lê Văn An 1990",
                "Nguyễn Thị An 1970-05-02",
                "Nguyễn Thị An 1985",
                "Nguyễn Văn An 1985",
                "Nguyễn Thị Dung 1979",
                "Trần Văn Đức 1980",
                "Phạm Zơ 1990",
            ]
        );
    }
}
