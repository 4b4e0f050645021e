//! The calendar of the yearly review (HD 45 §II.3–4): the plan is reviewed and supplemented each
//! year in Quarter I and reported to the level above by June. The check says where this year's
//! round stands; the months are data of the rule set.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::plan::PlanData;
use crate::model::levels::codes;
use crate::model::YearMonth;

codes!(
    /// Where the year's review round stands.
    ReviewStatus {
        NoPlan = "chua_co_quy_hoach" => "Chưa có quy hoạch",
        NotYet = "chua_den_ky" => "Chưa đến kỳ rà soát",
        Done = "da_ra_soat" => "Đã rà soát",
        Due = "den_han" => "Đến hạn rà soát",
        Late = "tre_han" => "Quá hạn quý I",
        Overdue = "qua_han" => "Quá hạn báo cáo",
        Ended = "het_nhiem_ky" => "Nhiệm kỳ đã kết thúc",
    }
);

/// This year's review round of a term's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewCalendar {
    /// The year of the round the message is about.
    pub year: i32,
    /// The review is done by this day (end of Quarter I)…
    pub due: NaiveDate,
    /// …and reported to the level above by this one (end of June).
    pub report_by: NaiveDate,
    pub status: ReviewStatus,
    /// One Vietnamese sentence for the clerk.
    pub message: String,
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Where the review round of `as_of`'s year stands for the plan.
pub fn review_calendar(data: &PlanData, as_of: NaiveDate) -> ReviewCalendar {
    let params = &data.rules.params;
    let code = &data.term.code;
    let first_year = data
        .entries
        .iter()
        .filter_map(|e| e.events.first())
        .map(|ev| ev.date.year())
        .min();
    let year = match first_year {
        Some(first) if as_of.year() <= first => first + 1,
        _ => as_of.year(),
    };
    let due = YearMonth::new(year, params.review_month.clamp(1, 12)).last_day();
    let report_by = YearMonth::new(year, params.review_report_month.clamp(1, 12)).last_day();
    let when = if params.review_month == 3 {
        format!("trong quý I (hạn {})", dmy(due))
    } else {
        format!("trước ngày {}", dmy(due))
    };
    let (status, message) = match first_year {
        None => (
            ReviewStatus::NoPlan,
            format!("Nhiệm kỳ {code} chưa có người trong quy hoạch: chưa đến kỳ rà soát, bổ sung."),
        ),
        Some(first) if as_of.year() <= first => (
            ReviewStatus::NotYet,
            format!(
                "Quy hoạch nhiệm kỳ {code} lập năm {first}; đợt rà soát, bổ sung đầu tiên làm {when}, báo cáo cấp trên trước ngày {}.",
                dmy(report_by)
            ),
        ),
        Some(_) if year > data.term.end_year => (
            ReviewStatus::Ended,
            format!("Nhiệm kỳ {code} đã kết thúc: không còn rà soát, bổ sung quy hoạch."),
        ),
        Some(_) if data.review_years.contains(&year) => (
            ReviewStatus::Done,
            format!("Đã rà soát, bổ sung quy hoạch nhiệm kỳ {code} năm {year}."),
        ),
        Some(_) if as_of <= due => (
            ReviewStatus::Due,
            format!(
                "Đợt rà soát, bổ sung quy hoạch năm {year} làm {when}, báo cáo cấp trên trước ngày {}.",
                dmy(report_by)
            ),
        ),
        Some(_) if as_of <= report_by => (
            ReviewStatus::Late,
            format!(
                "Đợt rà soát, bổ sung quy hoạch năm {year} đã quá hạn {} mà chưa ghi nhận; cần rà soát ngay để kịp báo cáo cấp trên trước ngày {}.",
                dmy(due),
                dmy(report_by)
            ),
        ),
        Some(_) => (
            ReviewStatus::Overdue,
            format!(
                "Đợt rà soát, bổ sung quy hoạch năm {year} chưa được ghi nhận, đã quá hạn báo cáo cấp trên ngày {}.",
                dmy(report_by)
            ),
        ),
    };
    ReviewCalendar {
        year,
        due,
        report_by,
        status,
        message,
    }
}
