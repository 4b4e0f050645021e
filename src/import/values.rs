//! Reading the values of imported cells: dates in the forms clerks type (dd/mm/yyyy, d/m/yy,
//! mm/yyyy, yyyy) or as Excel serials, CCCD numbers, and the closed lists (sex, levels, status).

use chrono::{Datelike, NaiveDate};

use super::cell::Raw;
use crate::model::*;
use crate::text::fold;

pub use super::cell::serial_to_date;

/// A date cell: a real date, a serial, a year typed as a number, or text. `today` decides the
/// century of two-digit years (not later than this year's two digits → 20yy, else 19yy).
pub fn date(raw: &Raw, today: NaiveDate) -> Result<Option<PartialDate>, String> {
    let as_serial = |x: f64| {
        serial_to_date(x)
            .map(PartialDate::from_date)
            .ok_or_else(|| format!("“{x}” không phải ngày"))
    };
    match raw {
        Raw::Empty => Ok(None),
        Raw::Date(x) => as_serial(*x).map(Some),
        Raw::Number(x) if x.fract() == 0.0 && (1900.0..=2100.0).contains(x) => {
            Ok(PartialDate::y(*x as i32))
        }
        Raw::Number(x) => as_serial(*x).map(Some),
        Raw::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            PartialDate::parse(&two_digit_year(t, today))
                .map(Some)
                .map_err(|e| e.0)
        }
    }
}

/// "5/3/78" → "5/3/1978"; "5/3/24" → "5/3/2024" (when this year is 2024 or later).
fn two_digit_year(t: &str, today: NaiveDate) -> String {
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    match parts.as_slice() {
        [d, m, y] if y.len() == 2 && d.len() <= 2 && y.bytes().all(|b| b.is_ascii_digit()) => {
            let yy: i32 = y.parse().unwrap_or(0);
            let century = if yy <= today.year() % 100 { 2000 } else { 1900 };
            format!("{d}/{m}/{}", century + yy)
        }
        _ => t.to_string(),
    }
}

/// A CCCD cell: 12 digits kept as text. A number cell that lost its leading zero is named as such.
pub fn cccd(raw: &Raw) -> Result<Option<String>, String> {
    let s = match raw {
        Raw::Empty => return Ok(None),
        Raw::Number(x) if x.fract() == 0.0 => format!("{}", *x as i64),
        other => other.display(),
    };
    let digits: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "“{s}” có ký tự không phải chữ số; phải đúng 12 chữ số."
        ));
    }
    match digits.len() {
        12 => Ok(Some(digits)),
        // Every CCCD starts with 0 (the province codes run 001–096): a number Excel stored
        // lost that zero, and it is put back (the row gets a notice).
        11 if matches!(raw, Raw::Number(_)) => Ok(Some(format!("0{digits}"))),
        n => Err(format!("“{digits}” có {n} chữ số; phải đúng 12 chữ số.")),
    }
}

pub fn sex(t: &str) -> Result<Sex, String> {
    match fold(t).as_str() {
        "nam" | "m" | "male" => Ok(Sex::Male),
        "nu" | "f" | "female" => Ok(Sex::Female),
        _ => Err(format!("“{t}” không phải Nam hoặc Nữ.")),
    }
}

pub fn status(t: &str) -> Result<Status, String> {
    let f = fold(t);
    Status::ALL
        .iter()
        .copied()
        .find(|s| fold(s.label()) == f || s.code() == f)
        .or(match f.as_str() {
            "dang cong tac" | "cong tac" => Some(Status::Working),
            "nghi huu" | "da nghi huu" => Some(Status::Retired),
            "chuyen cong tac" => Some(Status::Transferred),
            "tu tran" | "da tu tran" => Some(Status::Deceased),
            _ => None,
        })
        .ok_or_else(|| {
            format!(
                "“{t}” không phải {}.",
                Status::ALL
                    .iter()
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
}

/// "Đại học Luật" → (Đại học, "Luật"); "ThS Quản lý công" → (Thạc sĩ, "Quản lý công").
/// Text without a known level stays as the field, level unknown.
pub fn professional(t: &str) -> (Option<ProfessionalLevel>, String) {
    use ProfessionalLevel as P;
    const ABBREV: &[(&str, ProfessionalLevel)] = &[
        ("tien si", P::TienSi),
        ("ts", P::TienSi),
        ("thac si", P::ThacSi),
        ("ths", P::ThacSi),
        ("dai hoc", P::DaiHoc),
        ("dh", P::DaiHoc),
        ("cu nhan", P::DaiHoc),
        ("ky su", P::DaiHoc),
        ("bac si", P::DaiHoc),
        ("cao dang", P::CaoDang),
        ("cd", P::CaoDang),
        ("trung cap", P::TrungCap),
        ("tc", P::TrungCap),
        ("so cap", P::SoCap),
        ("sc", P::SoCap),
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    for n in [2usize, 1] {
        if words.len() < n {
            continue;
        }
        let head = fold(&words[..n].join(" "));
        let head = head.trim_end_matches(['.', ',', ':']);
        if let Some((_, level)) = ABBREV.iter().find(|(a, _)| *a == head) {
            // "Cử nhân", "Kỹ sư" say more than the level: keep them in the field.
            let keep = matches!(head, "cu nhan" | "ky su" | "bac si");
            let rest = if keep {
                t.trim()
            } else {
                &t[byte_after_words(t, n)..]
            };
            let rest = rest
                .trim_start_matches([',', ':', '-', ' '])
                .trim()
                .to_string();
            return (Some(*level), rest);
        }
    }
    (None, t.trim().to_string())
}

fn byte_after_words(t: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    t.len()
}

pub fn political_theory(t: &str) -> Result<PoliticalTheory, String> {
    use PoliticalTheory as L;
    let f = fold(t);
    let f = f
        .trim_start_matches("llct")
        .trim_end_matches("llct")
        .trim_end_matches("ly luan chinh tri")
        .trim();
    match f {
        "cao cap" | "cc" => Ok(L::CaoCap),
        "cu nhan" | "cn" => Ok(L::CuNhan),
        "trung cap" | "tc" => Ok(L::TrungCap),
        "so cap" | "sc" => Ok(L::SoCap),
        _ => Err(format!(
            "“{t}” không phải Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân."
        )),
    }
}

pub fn state_management(t: &str) -> Result<StateManagement, String> {
    use StateManagement as Q;
    let f = fold(t);
    let f = f.trim_start_matches("ngach").trim();
    match f {
        "chuyen vien cao cap" | "cvcc" => Ok(Q::ChuyenVienCaoCap),
        "chuyen vien chinh" | "cvc" => Ok(Q::ChuyenVienChinh),
        "chuyen vien" | "cv" => Ok(Q::ChuyenVien),
        "can su" | "cs" => Ok(Q::CanSu),
        _ => Err(format!(
            "“{t}” không phải Cán sự, Chuyên viên (CV), Chuyên viên chính (CVC) hoặc Chuyên viên cao cấp (CVCC)."
        )),
    }
}

/// A foreign-language cell: "Tiếng Anh Bậc 3" → level "Bậc 3", note "Tiếng Anh"; "Anh văn B" is
/// kept whole as the note (the export writes note then level).
pub fn foreign_language(t: &str) -> Skill {
    let t = t.trim();
    let lower = fold(t);
    if let Some(i) = lower.rfind("bac ") {
        // fold keeps one byte per ASCII letter but not per Vietnamese letter: cut by words.
        let words: Vec<&str> = t.split_whitespace().collect();
        let from = lower[..i].split_whitespace().count();
        if from + 2 == words.len() {
            return Skill {
                level: words[from..].join(" "),
                note: words[..from].join(" "),
            };
        }
    }
    Skill {
        level: String::new(),
        note: t.to_string(),
    }
}

/// An IT cell: "Ứng dụng CNTT cơ bản/nâng cao" is the level (TT 03/2014); anything else the note.
pub fn it(t: &str) -> Skill {
    let t = t.trim();
    if fold(t).starts_with("ung dung cntt") {
        Skill {
            level: t.to_string(),
            note: String::new(),
        }
    } else {
        Skill {
            level: String::new(),
            note: t.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn dates_in_every_form() {
        let d = |r: Raw| date(&r, today()).unwrap().unwrap().to_display();
        assert_eq!(d(Raw::Text("15/03/1978".into())), "15/03/1978");
        assert_eq!(d(Raw::Text("5/3/78".into())), "05/03/1978");
        assert_eq!(d(Raw::Text("5/3/24".into())), "05/03/2024");
        assert_eq!(d(Raw::Text("3/1978".into())), "03/1978");
        assert_eq!(d(Raw::Number(1978.0)), "1978");
        assert_eq!(d(Raw::Number(28564.0)), "15/03/1978");
        assert_eq!(d(Raw::Date(28564.0)), "15/03/1978");
        assert!(date(&Raw::Text("31/02/1980".into()), today()).is_err());
        assert_eq!(date(&Raw::Empty, today()).unwrap(), None);
    }

    #[test]
    fn cccd_rules() {
        assert_eq!(
            cccd(&Raw::Text("051 078 001 234".into())).unwrap().unwrap(),
            "051078001234"
        );
        assert!(cccd(&Raw::Text("0510780012345".into()))
            .unwrap_err()
            .contains("13 chữ số"));
        // Excel stored it as a number and dropped the leading 0 every CCCD has: put back.
        assert_eq!(
            cccd(&Raw::Number(51078001234.0)).unwrap().unwrap(),
            "051078001234"
        );
        assert!(cccd(&Raw::Number(5107800123.0)).is_err());
    }

    #[test]
    fn levels_and_skills() {
        assert_eq!(
            professional("Đại học Luật"),
            (Some(ProfessionalLevel::DaiHoc), "Luật".into())
        );
        assert_eq!(
            professional("ThS. Quản lý công"),
            (Some(ProfessionalLevel::ThacSi), "Quản lý công".into())
        );
        assert_eq!(
            professional("Kỹ sư Xây dựng").0,
            Some(ProfessionalLevel::DaiHoc)
        );
        assert_eq!(professional("Xây dựng Đảng").0, None);
        assert_eq!(
            political_theory("Cao cấp").unwrap(),
            PoliticalTheory::CaoCap
        );
        assert_eq!(
            political_theory("TC LLCT").unwrap(),
            PoliticalTheory::TrungCap
        );
        assert!(political_theory("Đại học").is_err());
        assert_eq!(
            state_management("CVC").unwrap(),
            StateManagement::ChuyenVienChinh
        );
        let s = foreign_language("Tiếng Anh Bậc 3");
        assert_eq!((s.note.as_str(), s.level.as_str()), ("Tiếng Anh", "Bậc 3"));
        assert_eq!(foreign_language("Anh văn B").note, "Anh văn B");
        assert_eq!(it("Ứng dụng CNTT cơ bản").level, "Ứng dụng CNTT cơ bản");
    }
}
