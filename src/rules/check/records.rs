//! The record itself: ratings missing for the years the check reads, leadership posts held
//! without a start date, and long tenure in one leadership post (a rotation candidate).

use serde_json::json;

use super::{Findings, Index, RuleCode, Severity};
use crate::model::plan::post;
use crate::model::Person;
use crate::text::fold;

pub(crate) fn run(ix: &Index, p: &Person, out: &mut Findings) {
    for year in &ix.rating_years {
        if !p.ratings.iter().any(|r| r.year == *year) {
            out.push(
                Severity::Warning,
                RuleCode::RatingMissing,
                Some(p),
                None,
                json!({ "year": year }),
                format!(
                    "{}: chưa có kết quả xếp loại chất lượng năm {}.",
                    p.full_name, year
                ),
            );
        }
    }

    for h in p.positions_on(ix.as_of) {
        // Only a leadership post of the catalogue calls for rotation, not a specialist's: its
        // tenure is counted, and a missing start date asked for, for no other post.
        // (Matched on the names the check folded once, not folded again per person: the same
        // answer as `rotation::leadership_post`, which cost the check three times its time.)
        let title = fold(&h.title);
        if title.is_empty()
            || !ix
                .names
                .named(&title)
                .any(|pos| !post::COMMITTEES.contains(&pos.code.as_str()))
        {
            continue;
        }
        let Some(start) = &h.start else {
            // Tenure cannot be counted from an invented date: the clerk is asked for it.
            out.push(
                Severity::Warning,
                RuleCode::PositionStartMissing,
                Some(p),
                None,
                json!({ "title": h.title }),
                format!(
                    "{}: chức vụ {} chưa rõ ngày bắt đầu, nên chưa tính được thời gian giữ chức vụ (xem xét luân chuyển); hãy bổ sung ngày trong hồ sơ.",
                    p.full_name, h.title
                ),
            );
            continue;
        };
        let years = start.age_at(ix.as_of);
        if years >= ix.params.rotation_after_years {
            out.push(
                Severity::Info,
                RuleCode::Rotation,
                Some(p),
                None,
                json!({ "title": h.title, "years": years }),
                format!(
                    "{}: giữ chức vụ {} đã {} năm (từ {}), thuộc diện xem xét luân chuyển.",
                    p.full_name, h.title, years, start
                ),
            );
        }
    }
}
