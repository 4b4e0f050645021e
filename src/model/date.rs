//! Dates that may be known only to the month or the year (many birth dates are year-only).
//! Stored as ISO text whose length carries the precision: "1975", "1975-03", "1975-03-15".
//! Shown as dd/mm/yyyy, mm/yyyy or yyyy.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a date text was refused (the caller names the field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError(pub String);

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialDate {
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1000..=9999).contains(&year)).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }
    pub fn y(year: i32) -> Option<Self> {
        (1000..=9999).contains(&year).then_some(Self {
            year,
            month: None,
            day: None,
        })
    }
    pub fn from_date(d: NaiveDate) -> Self {
        Self {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> Option<u32> {
        self.month
    }
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date can mean (1975 → 01/01/1975). NĐ 135 also counts a year-only birth from 01/01.
    pub fn earliest(&self) -> NaiveDate {
        let m = self.month.unwrap_or(1);
        let d = self.day.unwrap_or(1);
        NaiveDate::from_ymd_opt(self.year, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The last day the date can mean (1975 → 31/12/1975, 02/1976 → 29/02/1976).
    pub fn latest(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(self.year, m, 1)
                .and_then(|f| f.checked_add_months(Months::new(1)))
                .and_then(|n| n.pred_opt()),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    pub fn to_iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// dd/mm/yyyy, mm/yyyy or yyyy.
    pub fn to_display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{:04}", self.year),
            (Some(m), None) => format!("{m:02}/{:04}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Accepts ISO ("1975-03-15", "1975-03", "1975") and Vietnamese forms ("15/03/1975", "15-3-1975", "3/1975").
    pub fn parse(text: &str) -> Result<Self, DateParseError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(DateParseError("ngày trống".into()));
        }
        let bad = || {
            DateParseError(format!(
                "\u{201c}{t}\u{201d} không phải ngày hợp lệ (dạng dd/mm/yyyy, mm/yyyy hoặc yyyy)"
            ))
        };
        let nums: Vec<&str> = t.split(['/', '-', '.']).collect();
        if nums
            .iter()
            .any(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
        let iso = nums[0].len() == 4;
        let (y, m, d) = match (nums.len(), iso) {
            (1, true) => (num(nums[0])?, None, None),
            (2, true) => (num(nums[0])?, Some(num(nums[1])?), None),
            (3, true) => (num(nums[0])?, Some(num(nums[1])?), Some(num(nums[2])?)),
            (2, false) if nums[1].len() == 4 => (num(nums[1])?, Some(num(nums[0])?), None),
            (3, false) if nums[2].len() == 4 => {
                (num(nums[2])?, Some(num(nums[1])?), Some(num(nums[0])?))
            }
            _ => return Err(bad()),
        };
        let y = y as i32;
        let out = match (m, d) {
            (Some(m), Some(d)) => Self::ymd(y, m, d),
            (Some(m), None) => Self::ym(y, m),
            _ => Self::y(y),
        };
        out.ok_or_else(|| {
            DateParseError(format!(
                "\u{201c}{t}\u{201d} không có trong lịch (ngày hoặc tháng sai)"
            ))
        })
    }

    /// Whole years between this date and `at`, counting from the earliest day the date can mean.
    pub fn age_at(&self, at: NaiveDate) -> i32 {
        let b = self.earliest();
        let mut age = at.year() - b.year();
        if (at.month(), at.day()) < (b.month(), b.day()) {
            age -= 1;
        }
        age
    }

    /// The day `years` after this date (earliest meaning); 29/02 moves to 28/02 when needed.
    pub fn plus_years_earliest(&self, years: u32) -> NaiveDate {
        self.earliest()
            .checked_add_months(Months::new(years * 12))
            .unwrap_or(NaiveDate::MAX)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_display())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A month as (year, month 1–12); JSON "2030-07" (also read as "07/2030").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Self {
        YearMonth { year, month }
    }
    pub fn of(d: NaiveDate) -> Self {
        YearMonth::new(d.year(), d.month())
    }
    /// Months since year 0, for differences.
    pub fn index(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }
    pub fn from_index(i: i64) -> Self {
        YearMonth::new(i.div_euclid(12) as i32, (i.rem_euclid(12) + 1) as u32)
    }
    pub fn plus(self, months: i64) -> Self {
        Self::from_index(self.index() + months)
    }
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }
    pub fn last_day(self) -> NaiveDate {
        self.first_day()
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }
    pub fn display(self) -> String {
        format!("{:02}/{:04}", self.month, self.year)
    }
    pub fn parse(text: &str) -> Option<Self> {
        let d = PartialDate::parse(text).ok()?;
        Some(YearMonth::new(d.year(), d.month()?))
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:04}-{:02}", self.year, self.month))
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        YearMonth::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("“{s}” không phải tháng hợp lệ (dạng mm/yyyy)"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_forms_and_keeps_precision() {
        let d = PartialDate::parse("15/03/1975").unwrap();
        assert_eq!(d.to_iso(), "1975-03-15");
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(PartialDate::parse("1975-03-15").unwrap(), d);
        assert_eq!(
            PartialDate::parse("5-3-1975").unwrap().to_display(),
            "05/03/1975"
        );
        assert_eq!(PartialDate::parse("3/1975").unwrap().to_iso(), "1975-03");
        assert_eq!(
            PartialDate::parse("1975").unwrap().precision(),
            Precision::Year
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!(PartialDate::parse("31/02/1980").is_err());
        assert!(PartialDate::parse("29/02/1981").is_err());
        assert!(PartialDate::parse("29/02/1980").is_ok());
        assert!(PartialDate::parse("13/1980").is_err());
        assert!(PartialDate::parse("abc").is_err());
        assert!(PartialDate::parse("12/5/80").is_err());
    }

    #[test]
    fn earliest_latest_and_age() {
        let y = PartialDate::parse("1976").unwrap();
        assert_eq!(y.earliest().to_string(), "1976-01-01");
        assert_eq!(y.latest().to_string(), "1976-12-31");
        assert_eq!(
            PartialDate::parse("02/1976").unwrap().latest().to_string(),
            "1976-02-29"
        );
        let b = PartialDate::parse("15/03/1980").unwrap();
        let at = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(b.age_at(at("2020-03-14")), 39);
        assert_eq!(b.age_at(at("2020-03-15")), 40);
    }
}
