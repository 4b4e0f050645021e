//! The frame of a Party document (36-HD/VPTW, 05-HD/VPTW; DOMAIN §4): the two-column header, the
//! number and place-date lines, the type name and summary with its five hyphens, the signature
//! block beside "Nơi nhận:", and the heading of an annex.

use chrono::{Datelike, NaiveDate};

use super::settings::Signer;
use crate::model::Unit;
use crate::pdf::{Align, Doc, Para, Run, MM};

/// "Số 05-TTr/ĐU": a leading zero below 10.
pub fn number_text(number: u32, type_code: &str, issuer_code: &str) -> String {
    format!("Số {number:02}-{type_code}/{issuer_code}")
}

/// A draft's number line: the number left blank, to be written when the document is issued.
pub fn draft_number_text(type_code: &str, issuer_code: &str) -> String {
    format!("Số      -{type_code}/{issuer_code}")
}

/// "ngày 05 tháng 01 năm 2023" / "ngày 27 tháng 5 năm 2023": days below 10 and months 1–2 take a
/// leading zero.
pub fn date_words(d: NaiveDate) -> String {
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// "Phổ Hòa, ngày 05 tháng 01 năm 2023".
pub fn date_line(place: &str, d: NaiveDate) -> String {
    format!("{place}, {}", date_words(d))
}

/// "Ban Thường vụ Tỉnh ủy Quảng Ngãi" from "Đảng bộ tỉnh Quảng Ngãi" (the usual addressee).
pub fn superior_standing_committee(superior_body: &str) -> String {
    let s = superior_body.trim();
    for (from, to) in [
        ("Đảng bộ tỉnh ", "Tỉnh ủy "),
        ("Đảng bộ thành phố ", "Thành ủy "),
        ("Đảng bộ Thành phố ", "Thành ủy "),
    ] {
        if let Some(rest) = s.strip_prefix(from) {
            return format!("Ban Thường vụ {to}{rest}");
        }
    }
    format!("Ban Thường vụ {s}")
}

const BODY: f32 = 14.0;

fn line(text: &str, face_bold: bool, size: f32) -> Para {
    let run = if face_bold {
        Run::bold(text)
    } else {
        Run::plain(text)
    };
    Para::new(vec![run], size)
        .align(Align::Center)
        .line_height(size * 1.2)
}

/// The two-column header. `number` is None for lists and forms without a number.
pub fn header(doc: &mut Doc, unit: &Unit, number: Option<&str>, date: NaiveDate) {
    let left_w = doc.width() * 0.45;
    let right_w = doc.width() - left_w;
    let x_left = doc.left();
    let x_right = x_left + left_w;
    let top = doc.y;
    // Left: superior body, issuing body (bold), the asterisk, the number.
    let mut left = vec![
        line(&unit.superior_body.to_uppercase(), false, BODY),
        line(&unit.name.to_uppercase(), true, BODY),
        line("*", false, BODY),
    ];
    if let Some(n) = number {
        left.push(line(n, false, BODY));
    }
    for p in &left {
        doc.para_in(p, x_left, left_w);
    }
    let left_bottom = doc.y;
    // Right: the Party's name in bold with a rule under it as long as the name, then place and date.
    doc.y = top;
    let title = "ĐẢNG CỘNG SẢN VIỆT NAM";
    let size = 15.0;
    doc.para_in(&line(title, true, size), x_right, right_w);
    let tw = crate::pdf::fonts::fonts().width(crate::pdf::Face::BOLD, title, size);
    let mid = x_right + right_w / 2.0;
    let rule_y = doc.y + 1.0;
    doc.hline(mid - tw / 2.0, mid + tw / 2.0, rule_y, 0.6);
    doc.space(BODY * 0.9);
    doc.para_in(
        &Para::new(vec![Run::italic(date_line(&unit.place_name, date))], BODY)
            .align(Align::Center)
            .line_height(BODY * 1.2),
        x_right,
        right_w,
    );
    doc.y = doc.y.max(left_bottom) + 10.0;
}

/// Type name (bold capitals, 16), summary (bold, 14) and the line of five hyphens.
pub fn title(doc: &mut Doc, type_name: &str, summary: &str) {
    doc.para(&line(&type_name.to_uppercase(), true, 16.0));
    doc.para(&line(summary, true, BODY));
    doc.para(&line("-----", false, BODY).after(8.0));
}

/// A body paragraph: 14 pt, justified, first line indented 10 mm, 18 pt lines, 6 pt after.
pub fn body(text: &str) -> Para {
    Para::new(vec![Run::plain(text)], BODY)
        .align(Align::Justify)
        .indent(10.0 * MM)
        .line_height(18.0)
        .after(6.0)
}

/// A Party-style heading ("I- KẾT QUẢ …"): bold, indented like the body.
pub fn heading(text: &str) -> Para {
    Para::new(vec![Run::bold(text)], BODY)
        .align(Align::Justify)
        .indent(10.0 * MM)
        .line_height(18.0)
        .after(6.0)
}

/// The recipients as printed: each "- X," and the last "- Lưu Văn phòng Đảng ủy.".
pub fn recipient_lines(recipients: &[String], as_above: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if as_above {
        out.push("- Như trên,".into());
    }
    for r in recipients {
        let r = r
            .trim()
            .trim_start_matches('-')
            .trim()
            .trim_end_matches([',', ';', '.']);
        if !r.is_empty() {
            out.push(format!("- {r},"));
        }
    }
    out.push("- Lưu Văn phòng Đảng ủy.".into());
    out
}

fn signature_paras(s: &Signer) -> (Vec<Para>, f32) {
    let head = vec![
        line(&s.on_behalf.to_uppercase(), true, BODY),
        line(&s.title.to_uppercase(), false, BODY),
    ];
    (head, 25.0 * MM)
}

/// Height of the signature block beside the recipients.
pub fn signature_height(doc: &Doc, s: &Signer, recipients: &[String]) -> f32 {
    let (left_w, right_w) = (doc.width() * 0.5, doc.width() * 0.5);
    let (head, gap) = signature_paras(s);
    let right: f32 = head
        .iter()
        .map(|p| Doc::para_height(p, right_w))
        .sum::<f32>()
        + gap
        + Doc::para_height(&line(&s.name, true, BODY), right_w);
    let heading = if recipients.is_empty() {
        0.0
    } else {
        Doc::para_height(&line("Nơi nhận:", false, BODY), left_w)
    };
    let left: f32 = heading
        + recipients
            .iter()
            .map(|r| Doc::para_height(&recipient(r), left_w))
            .sum::<f32>();
    right.max(left) + 8.0
}

fn recipient(text: &str) -> Para {
    Para::new(vec![Run::plain(text)], 12.0).line_height(14.5)
}

/// The signature block (right) beside "Nơi nhận:" (left, underlined) and the recipients (none on
/// an annex).
/// The caller keeps it with the last lines of the body (see `Doc::para_keep`).
pub fn signature(doc: &mut Doc, s: &Signer, recipients: &[String]) {
    let h = signature_height(doc, s, recipients);
    doc.ensure(h);
    doc.space(8.0);
    let half = doc.width() * 0.5;
    let (x_left, x_right) = (doc.left(), doc.left() + half);
    let top = doc.y;
    let (head, gap) = signature_paras(s);
    for p in &head {
        doc.para_in(p, x_right, half);
    }
    doc.space(gap);
    doc.para_in(&line(&s.name, true, BODY), x_right, half);
    let right_bottom = doc.y;
    doc.y = top;
    if !recipients.is_empty() {
        doc.para_in(
            &Para::new(vec![Run::plain("Nơi nhận:").underlined()], BODY).line_height(BODY * 1.2),
            x_left,
            half,
        );
    }
    for r in recipients {
        doc.para_in(&recipient(r), x_left, half);
    }
    doc.y = doc.y.max(right_bottom);
}

/// The top of an annex: "Phụ lục" (bold), its title (bold capitals) and the italic line naming
/// the document it belongs to.
pub fn annex_heading(doc: &mut Doc, label: Option<&str>, title: &str, attached: Option<&str>) {
    if let Some(l) = label {
        doc.para(&line(l, true, BODY));
    }
    doc.para(&line(&title.to_uppercase(), true, BODY));
    if let Some(a) = attached {
        doc.para(
            &Para::new(vec![Run::italic(a)], 13.0)
                .align(Align::Center)
                .line_height(16.0),
        );
    }
    doc.space(8.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_follow_the_zero_rules() {
        assert_eq!(number_text(5, "TTr", "ĐU"), "Số 05-TTr/ĐU");
        assert_eq!(number_text(52, "KH", "ĐU"), "Số 52-KH/ĐU");
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_words(d(2023, 1, 5)), "ngày 05 tháng 01 năm 2023");
        assert_eq!(date_words(d(2023, 2, 27)), "ngày 27 tháng 02 năm 2023");
        assert_eq!(date_words(d(2023, 5, 27)), "ngày 27 tháng 5 năm 2023");
        assert_eq!(date_words(d(2026, 11, 2)), "ngày 02 tháng 11 năm 2026");
        assert_eq!(
            date_line("Phổ Hòa", d(2023, 1, 5)),
            "Phổ Hòa, ngày 05 tháng 01 năm 2023"
        );
        assert_eq!(
            superior_standing_committee("Đảng bộ tỉnh Quảng Ngãi"),
            "Ban Thường vụ Tỉnh ủy Quảng Ngãi"
        );
        assert_eq!(
            recipient_lines(&["Ban Tổ chức Tỉnh ủy;".into()], true),
            vec![
                "- Như trên,",
                "- Ban Tổ chức Tỉnh ủy,",
                "- Lưu Văn phòng Đảng ủy."
            ]
        );
    }
}
