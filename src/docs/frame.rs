//! The frame of a Party document (36-HD/VPTW, 05-HD/VPTW; DOMAIN §4): the two-column header, the
//! number and place-date lines, the type name and summary with its five hyphens, the signature
//! block beside "Nơi nhận:", and the heading of an annex.

use chrono::{Datelike, NaiveDate};

use super::settings::{DocLayout, DocSettings, Signer};
use crate::document::{
    Align, Block, Header, Orientation, Paragraph, Run, Section, Signature, Table, MM,
};
use crate::model::Unit;
use crate::report::ReportTable;
use crate::text::fold;

pub use crate::model::register::number_text;

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

/// "Ban Thường vụ Tỉnh ủy Quảng Ngãi" from "Đảng bộ tỉnh Quảng Ngãi" (the usual addressee);
/// "Ban Thường vụ Thành ủy Đà Nẵng" from "Đảng bộ thành phố Đà Nẵng" or "Thành ủy Đà Nẵng",
/// however the ward typed its superior (capitals, marks placed "ủy" or "uỷ").
pub fn superior_standing_committee(superior_body: &str) -> String {
    let s = superior_body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if fold(&s).starts_with("ban thuong vu ") {
        return s;
    }
    for (from, to) in [
        ("dang bo tinh ", "Tỉnh ủy "),
        ("dang bo thanh pho ", "Thành ủy "),
        ("tinh uy ", "Tỉnh ủy "),
        ("thanh uy ", "Thành ủy "),
    ] {
        if let Some(rest) = strip_folded_prefix(&s, from) {
            return format!("Ban Thường vụ {to}{rest}");
        }
    }
    format!("Ban Thường vụ {s}")
}

/// The rest of `s` after its first words when they fold to `prefix` (words and a final space).
fn strip_folded_prefix<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let words = prefix.split_whitespace().count();
    let mut it = s.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    if head.len() < words || fold(&head.join(" ")) != prefix.trim_end() {
        return None;
    }
    let last = *head.last()?;
    let at = last.as_ptr() as usize - s.as_ptr() as usize + last.len();
    let rest = s[at..].trim();
    (!rest.is_empty()).then_some(rest)
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

/// A section in the ward's margins, numbered from its second page (HD 05: size 14, centred,
/// 10 mm from the top edge), mirrored for two-sided printing if the ward prints so.
pub fn section(orientation: Orientation, settings: &DocSettings) -> Section {
    let mut s = Section::new(orientation, settings.margins);
    s.mirrored = settings.layout.mirrored;
    s.numbers = settings.layout.numbers();
    s
}

/// An annex's section: landscape, numbered on its own (its first page unnumbered, then 2, 3 …).
pub fn annex_section(settings: &DocSettings) -> Section {
    let mut s = section(Orientation::Landscape, settings);
    s.numbers.restart = true;
    s
}

/// The two-column header. `number` is None for lists and forms without a number.
pub fn header(unit: &Unit, number: Option<&str>, date: NaiveDate, layout: &DocLayout) -> Block {
    Block::Header(Header {
        superior: layout.tone.apply(&unit.superior_body.to_uppercase()),
        issuer: layout.tone.apply(&unit.name.to_uppercase()),
        number: number.map(str::to_string),
        party: "ĐẢNG CỘNG SẢN VIỆT NAM".into(),
        place_date: date_line(&unit.place_name, date),
        size: BODY,
        party_size: 15.0,
        left_share: 0.45,
        space_after: 10.0,
    })
}

/// Type name (bold capitals, 15–16), summary (bold, 14–15) and the line of five hyphens.
pub fn title(type_name: &str, summary: &str, layout: &DocLayout) -> Vec<Block> {
    vec![
        line(&type_name.to_uppercase(), true, layout.type_name_size).into(),
        line(summary, true, layout.summary_size).into(),
        line("-----", false, BODY).after(8.0).into(),
    ]
}

/// A body paragraph: 14 pt, justified, first line indented 10 mm, the ward's exact line spacing
/// (18–22 pt), 6 pt after.
pub fn body(text: &str, layout: &DocLayout) -> Paragraph {
    Paragraph::new(vec![Run::plain(text)], BODY)
        .align(Align::Justify)
        .indent(10.0 * MM)
        .line_height(layout.line_spacing)
        .after(6.0)
}

/// A Party-style heading ("I- KẾT QUẢ …"): bold, indented like the body.
pub fn heading(text: &str, layout: &DocLayout) -> Paragraph {
    Paragraph {
        runs: vec![Run::bold(text)],
        ..body("", layout)
    }
}

/// The recipients as printed (HD 05): each "- X;" and the last "- Lưu Văn phòng Đảng ủy.".
pub fn recipient_lines(recipients: &[String], as_above: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if as_above {
        out.push("- Như trên;".into());
    }
    for r in recipients {
        let r = r
            .trim()
            .trim_start_matches('-')
            .trim()
            .trim_end_matches([',', ';', '.']);
        if !r.is_empty() {
            out.push(format!("- {r};"));
        }
    }
    out.push("- Lưu Văn phòng Đảng ủy.".into());
    out
}

/// The signature block (right) beside "Nơi nhận:" (left, underlined) and the recipients (none on
/// an annex). The paragraph or table before it keeps it on its page.
/// The start of a document's first section (portrait): the Party header with its number line,
/// then the type's name and the summary as the title.
pub fn open_body(
    unit: &Unit,
    number_line: Option<&str>,
    date: NaiveDate,
    type_name: &str,
    summary: &str,
    settings: &DocSettings,
) -> Section {
    let mut main = section(Orientation::Portrait, settings);
    main.push(header(unit, number_line, date, &settings.layout));
    main.blocks
        .extend(title(type_name, summary, &settings.layout));
    main
}

/// The end of a document's first section: the body's paragraphs, the last kept on the page of
/// the signature, then the signature beside "Nơi nhận".
pub fn close_body(
    section: &mut Section,
    mut paras: Vec<Paragraph>,
    s: &Signer,
    recipients: &[String],
    layout: &DocLayout,
) {
    if let Some(last) = paras.pop() {
        paras.push(last.keep_with_next());
    }
    section.blocks.extend(paras.into_iter().map(Block::from));
    section.push(signature(s, recipients, layout));
}

pub fn signature(s: &Signer, recipients: &[String], layout: &DocLayout) -> Block {
    Block::Signature(Signature {
        on_behalf: layout.tone.apply(&s.on_behalf.to_uppercase()),
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

/// The legal bases (paragraphs starting "Căn cứ") as HD 05 closes them: the last ends with "."
/// where a clerk wrote ";" or ",".
pub fn close_legal_bases(paras: &mut [String]) {
    let is_basis = |t: &str| t.trim_start_matches(['-', ' ']).starts_with("Căn cứ");
    if let Some(last) = paras.iter_mut().rfind(|t| is_basis(t)) {
        let trimmed = last.trim_end();
        if let Some(stem) = trimmed.strip_suffix([';', ',']) {
            *last = format!("{stem}.");
        }
    }
}

/// "(Kèm theo Báo cáo số 05-BC/ĐU, ngày 03 tháng 12 năm 2026 của Ban Thường vụ Đảng ủy phường
/// …)": the line under an annex's title naming the document it belongs to (a draft's number is
/// left out).
pub fn attached_line(
    type_name: &str,
    number_line: Option<&str>,
    date: NaiveDate,
    unit: &crate::model::Unit,
) -> String {
    format!(
        "(Kèm theo {type_name} {}, {} của Ban Thường vụ {})",
        number_line
            .map(|n| n.replacen("Số", "số", 1))
            .unwrap_or_default(),
        date_words(date),
        unit.name
    )
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
    use super::super::settings::TonePlacement;
    use super::*;

    #[test]
    fn tone_placement_and_legal_bases() {
        let on_y = TonePlacement::OnY;
        assert_eq!(
            on_y.apply("ĐẢNG ỦY PHƯỜNG PHỔ HÒA"),
            "ĐẢNG UỶ PHƯỜNG PHỔ HÒA"
        );
        assert_eq!(
            on_y.apply("T/M BAN THƯỜNG VỤ TỈNH ỦY"),
            "T/M BAN THƯỜNG VỤ TỈNH UỶ"
        );
        assert_eq!(
            on_y.apply("ỦY BAN KIỂM TRA, HUYỆN, QUÝ"),
            "UỶ BAN KIỂM TRA, HUYỆN, QUÝ"
        );
        assert_eq!(
            TonePlacement::OnU.apply("TỈNH UỶ, QUÝ, thuỷ"),
            "TỈNH ỦY, QUÝ, thủy"
        );
        let mut p = vec![
            "Căn cứ Quy định số 377-QĐ/TW;".to_string(),
            "Căn cứ Hướng dẫn số 45-HD/BTCTW;".to_string(),
            "Ban Thường vụ báo cáo như sau:".to_string(),
        ];
        close_legal_bases(&mut p);
        assert_eq!(p[0], "Căn cứ Quy định số 377-QĐ/TW;");
        assert_eq!(p[1], "Căn cứ Hướng dẫn số 45-HD/BTCTW.");
        assert_eq!(p[2], "Ban Thường vụ báo cáo như sau:");
    }

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
                "- Như trên;",
                "- Ban Tổ chức Tỉnh ủy;",
                "- Lưu Văn phòng Đảng ủy."
            ]
        );
    }
}
