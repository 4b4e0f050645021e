//! Who a plan's Tờ trình is addressed to (seed 004, DOMAIN §1.3): the body that approves the
//! posts it covers, as the catalogue names it (editable data). A plan can be sent per approving
//! body: only the entries of posts that body approves.

use super::frame;
use crate::error::{CoreError, Result};
use crate::model::Unit;
use crate::store::plan::PlanData;
use crate::text::fold;

/// The body's full name: a body named without its place ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ
/// Thành ủy", the catalogue's default) is the ward's superior's, named as the ward's settings
/// name it ("Ban Thường vụ Tỉnh ủy Quảng Nam", "Ban Thường vụ Thành ủy Đà Nẵng");
/// "Ban Thường vụ Đảng ủy" is the ward's own. A body named in full is kept as typed.
pub fn full_name(body: &str, unit: &Unit) -> String {
    let b = fold(body.trim());
    let superior = frame::superior_standing_committee(&unit.superior_body);
    if !b.is_empty() && fold(&superior).starts_with(&b) {
        return superior;
    }
    let unplaced = b.strip_prefix("ban thuong vu ").unwrap_or(&b);
    if matches!(unplaced, "tinh uy" | "thanh uy") {
        return superior;
    }
    let own = format!("Ban Thường vụ {}", unit.name);
    if !b.is_empty() && fold(&own).starts_with(&b) {
        return own;
    }
    body.trim().to_string()
}

/// Keeps only the entries of posts approved by `body` (when given) and returns the addressee:
/// that body, or the one body approving every post of the plan, or the superior's standing
/// committee when the posts have different approving bodies or none.
pub fn select(data: &mut PlanData, body: Option<&str>, unit: &Unit) -> Result<String> {
    let body_of = |data: &PlanData, position_id: i64| {
        data.position_by_id(position_id)
            .map(|p| p.approving_body.clone())
            .unwrap_or_default()
    };
    if let Some(b) = body.map(str::trim).filter(|b| !b.is_empty()) {
        let want = fold(b);
        let keep: Vec<bool> = data
            .entries
            .iter()
            .map(|e| fold(&body_of(data, e.position_id)) == want)
            .collect();
        let mut i = 0;
        data.entries.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        if !data.entries.iter().any(|e| e.is_active()) {
            return Err(CoreError::validation(
                "approving_body",
                "empty",
                format!(
                    "Cấp phê duyệt “{b}”: quy hoạch chưa có chức danh nào do cấp này phê duyệt."
                ),
            ));
        }
        return Ok(full_name(b, unit));
    }
    let mut bodies: Vec<String> = data
        .entries
        .iter()
        .filter(|e| e.is_active())
        .map(|e| body_of(data, e.position_id))
        .collect();
    bodies.sort();
    bodies.dedup();
    match bodies.as_slice() {
        [one] if !one.trim().is_empty() => Ok(full_name(one, unit)),
        _ => Ok(frame::superior_standing_committee(&unit.superior_body)),
    }
}
