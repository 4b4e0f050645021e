//! Retirement under Bộ luật Lao động 2019 Điều 169 and Nghị định 135/2020/NĐ-CP, Phụ lục I
//! (normal working conditions). The schedule's numbers are parameters of the rule set; the
//! algorithm is the one that reproduces Phụ lục I (DOMAIN §3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{PartialDate, Sex, YearMonth};

/// The retirement-age schedule for one sex, in months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgeSchedule {
    /// Age in the base year: men 60y3m = 723 months; women 55y4m = 664.
    pub base_months: i64,
    pub base_year: i32,
    /// Added each year after the base year: men 3, women 4.
    pub step_months: i64,
    /// Final age: men 62y = 744; women 60y = 720.
    pub cap_months: i64,
    /// The fixed age before the base year (Bộ luật Lao động 2012: men 60 = 720, women 55 = 660);
    /// when absent, the base age in whole years.
    #[serde(default)]
    pub before_base_months: Option<i64>,
}

impl AgeSchedule {
    pub fn age_in_year(&self, year: i32) -> i64 {
        if year < self.base_year {
            return self
                .before_base_months
                .unwrap_or(self.base_months / 12 * 12);
        }
        let steps = (year - self.base_year) as i64;
        (self.base_months + self.step_months * steps).min(self.cap_months)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetirementRule {
    pub men: AgeSchedule,
    pub women: AgeSchedule,
}

impl Default for RetirementRule {
    /// Nghị định 135/2020/NĐ-CP, Phụ lục I.
    fn default() -> Self {
        RetirementRule {
            men: AgeSchedule {
                base_months: 60 * 12 + 3,
                base_year: 2021,
                step_months: 3,
                cap_months: 62 * 12,
                before_base_months: Some(60 * 12),
            },
            women: AgeSchedule {
                base_months: 55 * 12 + 4,
                base_year: 2021,
                step_months: 4,
                cap_months: 60 * 12,
                before_base_months: Some(55 * 12),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retirement {
    /// The month in which the person reaches retirement age.
    pub month: YearMonth,
    /// Age at retirement, in months.
    pub age_months: i64,
    /// Retirement moment: the last day of that month.
    pub date: NaiveDate,
    /// Pension from the first day of the next month.
    pub pension_start: NaiveDate,
}

impl RetirementRule {
    /// The retirement month for a birth date; a year-only birth counts from January (NĐ 135 Điều 3),
    /// a month/year birth from that month.
    pub fn retirement(&self, sex: Sex, birth: &PartialDate) -> Retirement {
        let sched = match sex {
            Sex::Male => &self.men,
            Sex::Female => &self.women,
        };
        let born = YearMonth::of(birth.earliest());
        let mut found = None;
        for year in born.year + 40..=born.year + 80 {
            let age = sched.age_in_year(year);
            let reached = born.plus(age);
            // The first year whose own age rule is reached within that year. The age grows by
            // at most a few months a year, so `reached.year - year` falls by 0 or 1 each step and
            // meets 0 exactly.
            if reached.year == year {
                found = Some((reached, age));
                break;
            }
        }
        let (month, age_months) =
            found.unwrap_or_else(|| (born.plus(sched.cap_months), sched.cap_months));
        Retirement {
            month,
            age_months,
            date: month.last_day(),
            pension_start: month.plus(1).first_day(),
        }
    }
}

/// Months left in service from the reference month: the plain difference (HD 45 §II.5.2:
/// reference 07/2030, retirement 06/2035 → 59), plus the reference month itself when `inclusive`
/// (the rule sets before HD 45).
pub fn months_left(retirement: YearMonth, reference: YearMonth, inclusive: bool) -> i64 {
    retirement.index() - reference.index() + i64::from(inclusive)
}

/// An age as a clerk writes it: "60 tuổi 3 tháng", "62 tuổi".
pub fn age_text(months: i64) -> String {
    match (months / 12, months % 12) {
        (y, 0) => format!("{y} tuổi"),
        (y, m) => format!("{y} tuổi {m} tháng"),
    }
}

/// An age as a clerk types it, in months: "60 tuổi 3 tháng", "60t3", "60 3", "62", "62 tuổi",
/// "60 tuổi, 3 tháng" (without diacritics too; spaces anywhere). A comma right after the years'
/// number ("60,5") is refused: it reads as a fraction of a year as well as months. None when it
/// does not read, or the months are 12 or more.
pub fn read_age(text: &str) -> Option<i64> {
    #[derive(PartialEq)]
    enum Tok {
        Num(i64),
        Word(String),
        Comma,
    }
    let folded = crate::text::fold(text);
    let mut toks = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut n = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                n.push(d);
                chars.next();
            }
            toks.push(Tok::Num(n.parse().ok()?));
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(&a) = chars.peek().filter(|a| a.is_alphabetic()) {
                w.push(a);
                chars.next();
            }
            toks.push(Tok::Word(w));
        } else if c == ',' {
            toks.push(Tok::Comma);
            chars.next();
        } else {
            return None;
        }
    }
    let mut it = toks.into_iter().peekable();
    let Some(Tok::Num(years)) = it.next() else {
        return None;
    };
    let word = |t: &Option<Tok>, words: &[&str]| matches!(t, Some(Tok::Word(w)) if words.contains(&w.as_str()));
    let mut next = it.next();
    if word(&next, &["tuoi", "t", "nam"]) {
        next = it.next();
        if next == Some(Tok::Comma) {
            next = it.next();
        }
    }
    let mut months = 0;
    if let Some(Tok::Num(m)) = next {
        months = m;
        next = it.next();
        if word(&next, &["thang", "th"]) {
            next = it.next();
        }
    }
    (next.is_none() && months < 12).then(|| years * 12 + months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ret(sex: Sex, birth: &str) -> Retirement {
        RetirementRule::default().retirement(sex, &PartialDate::parse(birth).unwrap())
    }

    #[test]
    fn reproduces_the_rows_quoted_from_phu_luc_i() {
        // Man born 01/1963: 60y9m, pension from 11/2023.
        let r = ret(Sex::Male, "01/1963");
        assert_eq!((r.age_months / 12, r.age_months % 12), (60, 9));
        assert_eq!(r.pension_start.to_string(), "2023-11-01");
        assert_eq!(r.date.to_string(), "2023-10-31");
        // Man born 04/1963: 61y, pension from 05/2024.
        let r = ret(Sex::Male, "04/1963");
        assert_eq!((r.age_months / 12, r.age_months % 12), (61, 0));
        assert_eq!(r.pension_start.to_string(), "2024-05-01");
        // Woman born 01/1968: 56y4m, pension from 06/2024.
        let r = ret(Sex::Female, "01/1968");
        assert_eq!((r.age_months / 12, r.age_months % 12), (56, 4));
        assert_eq!(r.pension_start.to_string(), "2024-06-01");
        // Woman born 09/1968: 56y8m, pension from 06/2025.
        let r = ret(Sex::Female, "09/1968");
        assert_eq!((r.age_months / 12, r.age_months % 12), (56, 8));
        assert_eq!(r.pension_start.to_string(), "2025-06-01");
    }

    #[test]
    fn caps_and_year_only_births() {
        // Men born from 1966 on retire at 62, women born from 1975 on at 60.
        let r = ret(Sex::Male, "15/07/1980");
        assert_eq!(r.age_months, 744);
        assert_eq!(r.month, YearMonth::new(2042, 7));
        let r = ret(Sex::Female, "1980");
        assert_eq!(r.age_months, 720);
        assert_eq!(
            r.month,
            YearMonth::new(2040, 1),
            "year-only counts from January"
        );
        // The day in the month does not matter: 1st and last day give the same month.
        assert_eq!(
            ret(Sex::Male, "01/03/1970").month,
            ret(Sex::Male, "31/03/1970").month
        );
    }

    #[test]
    fn before_2021_the_old_fixed_ages_apply() {
        // NĐ 135 applies from 2021: a woman born 12/1964 reached 55 in 12/2019 and retired then
        // (not 04/2020 at 55y4m).
        let r = ret(Sex::Female, "12/1964");
        assert_eq!(r.month, YearMonth::new(2019, 12));
        assert_eq!(r.age_months, 660);
        // The last women at 55: born 12/1965 → 12/2020; the first under NĐ 135: born 01/1966 →
        // 55y4m → 05/2021.
        assert_eq!(ret(Sex::Female, "12/1965").month, YearMonth::new(2020, 12));
        let r = ret(Sex::Female, "01/1966");
        assert_eq!((r.month, r.age_months), (YearMonth::new(2021, 5), 664));
        // Men: born 12/1960 → 60 in 12/2020; born 01/1961 → 60y3m → 04/2021.
        let r = ret(Sex::Male, "12/1960");
        assert_eq!((r.month, r.age_months), (YearMonth::new(2020, 12), 720));
        let r = ret(Sex::Male, "01/1961");
        assert_eq!((r.month, r.age_months), (YearMonth::new(2021, 4), 723));
        // A man born 09/1960 is 60 in 09/2020 (60y3m would be 12/2020).
        assert_eq!(ret(Sex::Male, "09/1960").month, YearMonth::new(2020, 9));
        // A rule set stored before this field reads the old ages from the base age's whole years.
        let mut old = RetirementRule::default();
        old.women.before_base_months = None;
        let born = PartialDate::parse("12/1964").unwrap();
        assert_eq!(
            old.retirement(Sex::Female, &born).month,
            YearMonth::new(2019, 12)
        );
    }

    #[test]
    fn ages_as_a_clerk_types_them() {
        for (t, m) in [
            ("60 tuổi 3 tháng", 723),
            ("60t3", 723),
            ("60 3", 723),
            ("62", 744),
            ("62 tuổi", 744),
            ("  60   tuổi ,  3 tháng ", 723),
            ("60 TUỔI 3 THÁNG", 723),
            ("60 tuoi 3 thang", 723),
            ("60t 3th", 723),
            ("55 tuổi 0 tháng", 660),
        ] {
            assert_eq!(read_age(t), Some(m), "{t}");
            assert_eq!(read_age(&age_text(m)), Some(m));
        }
        for t in [
            "",
            "6o tuổi",
            "6l tuổi",
            "60,5",
            "60 tuổi 12 tháng",
            "60 tuổi 3 ngày",
            "tuổi 60",
            "60-3",
        ] {
            assert_eq!(read_age(t), None, "{t}");
        }
        assert_eq!(age_text(723), "60 tuổi 3 tháng");
        assert_eq!(age_text(744), "62 tuổi");
    }

    #[test]
    fn months_left_inclusive() {
        let r = YearMonth::new(2030, 6);
        assert_eq!(months_left(r, YearMonth::new(2025, 7), true), 60);
        assert_eq!(months_left(r, YearMonth::new(2025, 7), false), 59);
    }
}
