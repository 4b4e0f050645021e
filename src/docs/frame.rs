//! The frame of a Party document (36-HD/VPTW, 05-HD/VPTW; DOMAIN §4): the two-column header, the
//! number and place-date lines, the type name and summary with its five hyphens, the signature
//! block beside "Nơi nhận:", and the heading of an annex.

use chrono::{Datelike, NaiveDate};

use super::settings::Signer;
use crate::document::{Align, Block, Header, Paragraph, ReportTable, Run, Signature, Table, MM};
use crate::model::Unit;

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

fn line(text: &str, bold: bool, size: f32) -> Paragraph {
    let run = if bold {
        Run::bold(text)
    } else {
        Run::plain(text)
    };
    Paragraph::new(vec![run], size)
        .align(Align::Center)
        .line_height(size * 1.2)
}

/// The two-column header. `number` is None for lists and forms without a number.
pub fn header(unit: &Unit, number: Option<&str>, date: NaiveDate) -> Block {
    Block::Header(Header {
        superior: unit.superior_body.to_uppercase(),
        issuer: unit.name.to_uppercase(),
        number: number.map(str::to_string),
        party: "ĐẢNG CỘNG SẢN VIỆT NAM".into(),
        place_date: date_line(&unit.place_name, date),
        size: BODY,
        party_size: 15.0,
        left_share: 0.45,
        space_after: 10.0,
    })
}

/// Type name (bold capitals, 16), summary (bold, 14) and the line of five hyphens.
pub fn title(type_name: &str, summary: &str) -> Vec<Block> {
    vec![
        line(&type_name.to_uppercase(), true, 16.0).into(),
        line(summary, true, BODY).into(),
        line("-----", false, BODY).after(8.0).into(),
    ]
}

/// A body paragraph: 14 pt, justified, first line indented 10 mm, 18 pt lines, 6 pt after.
pub fn body(text: &str) -> Paragraph {
    Paragraph::new(vec![Run::plain(text)], BODY)
        .align(Align::Justify)
        .indent(10.0 * MM)
        .line_height(18.0)
        .after(6.0)
}

/// A Party-style heading ("I- KẾT QUẢ …"): bold, indented like the body.
pub fn heading(text: &str) -> Paragraph {
    Paragraph::new(vec![Run::bold(text)], BODY)
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

/// The signature block (right) beside "Nơi nhận:" (left, underlined) and the recipients (none on
/// an annex). The paragraph or table before it keeps it on its page.
pub fn signature(s: &Signer, recipients: &[String]) -> Block {
    Block::Signature(Signature {
        on_behalf: s.on_behalf.to_uppercase(),
        title: s.title.to_uppercase(),
        name: s.name.clone(),
        recipients: recipients.to_vec(),
        size: BODY,
        recipient_size: 12.0,
        recipient_line_height: 14.5,
        sign_space: 25.0 * MM,
        space_before: 8.0,
    })
}

/// The top of an annex: "Phụ lục" (bold), its title (bold capitals) and the italic line naming
/// the document it belongs to.
pub fn annex_heading(label: Option<&str>, title: &str, attached: Option<&str>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    if let Some(l) = label {
        out.push(line(l, true, BODY).into());
    }
    out.push(line(&title.to_uppercase(), true, BODY).into());
    if let Some(a) = attached {
        out.push(
            Paragraph::new(vec![Run::italic(a)], 13.0)
                .align(Align::Center)
                .line_height(16.0)
                .into(),
        );
    }
    out.push(Block::Space(8.0));
    out
}

/// An annex table: the report table in landscape at 11 pt (shrinking to 7 so that words do not
/// break), with its column-number row, kept with the signature after it.
pub fn annex_table(table: ReportTable) -> Block {
    Block::Table(Table {
        table,
        size: ANNEX_SIZE,
        min_size: 7.0,
        number_row: true,
        keep_with_next: true,
    })
}

/// Size of table text in landscape annexes (DOMAIN §4.8: Times New Roman 11–13).
pub const ANNEX_SIZE: f32 = 11.0;

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
