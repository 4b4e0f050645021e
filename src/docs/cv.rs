//! Sơ yếu lý lịch in the layout of form 2C/TCTW-98: the bodies above, the form's code, the photo
//! box, numbered items filled from the record (dotted lines where the record holds nothing), the
//! training and career tables, and the two signature places.

use super::frame::date_words;
use super::{DocRequest, Resolved};
use crate::document::{
    Align, Block, Columns, Document, FramedBox, Orientation, Paragraph as Para, Run, Table, MM,
};
use crate::error::Result;
use crate::model::{Person, RecordKind, Unit};
use crate::report::people::positions_text;
use crate::report::table::{Cell, CellAlign, Column, Row};
use crate::report::ReportTable;
use crate::store::Store;

const SIZE: f32 = 13.0;
const DOTS: &str = "…………………………………";

fn item(label: &str, value: &str) -> Para {
    let value = if value.trim().is_empty() { DOTS } else { value };
    Para::new(
        vec![Run::plain(format!("{label} ")), Run::bold(value)],
        SIZE,
    )
    .align(Align::Left)
    .line_height(17.0)
    .after(2.0)
}

fn section(title: &str) -> Para {
    Para::new(vec![Run::bold(title)], SIZE)
        .align(Align::Center)
        .line_height(17.0)
        .before(6.0)
        .after(4.0)
}

fn date_or_empty(d: Option<&crate::model::PartialDate>) -> String {
    d.map(|d| d.to_display()).unwrap_or_default()
}

fn levels(p: &Person) -> Vec<(String, String)> {
    let prof = [
        p.professional_level.map(|l| l.label()).unwrap_or(""),
        p.professional_field.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let skill = |s: &crate::model::Skill| {
        [s.note.as_str(), s.level.as_str()]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    vec![
        ("- Giáo dục phổ thông:".into(), p.general_education.clone()),
        ("- Chuyên môn, nghiệp vụ:".into(), prof),
        (
            "- Lý luận chính trị:".into(),
            p.political_theory
                .map(|l| l.label().to_string())
                .unwrap_or_default(),
        ),
        (
            "- Quản lý nhà nước:".into(),
            p.state_management
                .map(|l| l.label().to_string())
                .unwrap_or_default(),
        ),
        ("- Ngoại ngữ:".into(), skill(&p.foreign_language)),
        ("- Tin học:".into(), skill(&p.it)),
    ]
}

pub(super) fn build(
    store: &Store,
    unit: &Unit,
    req: &DocRequest,
    r: &Resolved,
) -> Result<Document> {
    let p = store.person(req.person_id.unwrap_or_default())?;
    let mut doc = super::frame::section(Orientation::Portrait, &r.settings);
    // The bodies (left) and the form's code (right).
    doc.push(Block::Columns(Columns {
        columns: vec![
            (
                0.62,
                [
                    format!("Cấp ủy cấp trên: {}", unit.superior_body),
                    format!("Đảng ủy cơ sở: {}", unit.name),
                ]
                .into_iter()
                .map(|t| Para::new(vec![Run::plain(t)], 12.0))
                .collect(),
            ),
            (
                0.38,
                vec![
                    Para::new(vec![Run::bold("Mẫu 2C/TCTW-98")], 12.0).align(Align::Right),
                    Para::new(vec![Run::plain("Số hiệu cán bộ: ……………")], 12.0).align(Align::Right),
                ],
            ),
        ],
        space_after: 6.0,
    }));
    // Photo box 3 × 4 cm, the title beside it.
    doc.push(Block::Box(FramedBox {
        width: 30.0 * MM,
        height: 40.0 * MM,
        label: Para::new(vec![Run::plain("Ảnh 3 × 4")], 11.0).align(Align::Center),
        beside: vec![
            Para::new(vec![Run::bold("SƠ YẾU LÝ LỊCH")], 16.0).align(Align::Center),
            Para::new(vec![Run::italic("(Dùng cho cán bộ, đảng viên)")], 12.0).align(Align::Center),
        ],
        space_after: 8.0,
    }));

    let birth = match (p.birth_date.month(), p.birth_date.precision()) {
        (Some(_), crate::model::Precision::Day) => date_words(p.birth_date.earliest()),
        _ => format!("năm {}", p.birth_date.to_display()),
    };
    let mut items: Vec<(String, String)> = vec![
        ("1) Họ và tên khai sinh:".into(), p.full_name.to_uppercase()),
        ("     Giới tính:".into(), p.sex.label().into()),
        ("2) Các tên gọi khác:".into(), p.other_name.clone()),
        ("3) Sinh".into(), birth),
        ("4) Nơi sinh:".into(), p.birthplace.clone()),
        ("5) Quê quán:".into(), p.home_town.clone()),
        ("6) Nơi ở hiện nay:".into(), p.residence.clone()),
        ("7) Dân tộc:".into(), p.ethnicity.clone()),
        ("8) Tôn giáo:".into(), p.religion.clone()),
        (
            "9) Số định danh cá nhân (CCCD):".into(),
            p.cccd.clone().unwrap_or_default(),
        ),
        (
            "10) Chức vụ, đơn vị công tác hiện nay:".into(),
            positions_text(&p),
        ),
        (
            "11) Ngày vào Đảng:".into(),
            date_or_empty(p.party_admission_date.as_ref()),
        ),
        (
            "     Ngày chính thức:".into(),
            date_or_empty(p.party_official_date.as_ref()),
        ),
        ("     Số thẻ đảng viên:".into(), p.party_card_no.clone()),
        ("12) Trình độ:".into(), " ".into()),
    ];
    items.extend(levels(&p));
    let records = |kind: RecordKind| {
        p.discipline_rewards
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| {
                let mut s = format!("{} ({}", d.form, d.date.to_display());
                if !d.decision_no.is_empty() {
                    s.push_str(&format!(", {}", d.decision_no));
                }
                if let Some(u) = &d.until {
                    s.push_str(&format!(", đến {}", u.to_display()));
                }
                s.push(')');
                s
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    items.push(("13) Khen thưởng:".into(), records(RecordKind::Reward)));
    items.push(("14) Kỷ luật:".into(), records(RecordKind::Discipline)));
    let mut ratings = p.ratings.clone();
    ratings.sort_by_key(|r| r.year);
    items.push((
        "15) Đánh giá, xếp loại chất lượng:".into(),
        ratings
            .iter()
            .map(|r| format!("năm {}: {}", r.year, r.level.label()))
            .collect::<Vec<_>>()
            .join("; "),
    ));
    items.push(("16) Tình trạng công tác:".into(), p.status.label().into()));
    for (label, value) in &items {
        if value == " " {
            // A heading of sub-items: no value, no dots.
            doc.push(
                Para::new(vec![Run::plain(label.as_str())], SIZE)
                    .line_height(17.0)
                    .after(2.0),
            );
        } else {
            doc.push(item(label, value));
        }
    }

    doc.push(section(
        "17) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC",
    ));
    let mut rows: Vec<Row> = p
        .trainings
        .iter()
        .map(|t| {
            Row::Data(vec![
                Cell::text(&t.institution),
                Cell::text(&t.name),
                Cell::Text(format!(
                    "{} – {}",
                    date_or_empty(t.from.as_ref()),
                    date_or_empty(t.to.as_ref())
                )),
                Cell::text(&t.certificate),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::Data(vec![Cell::empty(); 4]));
    }
    doc.push(form_table(
        vec![
            Column::new("Tên trường", 3.0, CellAlign::Left),
            Column::new("Ngành học hoặc tên lớp", 4.0, CellAlign::Left),
            Column::new("Thời gian", 2.4, CellAlign::Center),
            Column::new("Văn bằng, chứng chỉ", 2.6, CellAlign::Left),
        ],
        rows,
    ));

    doc.push(Block::KeepRoom(70.0));
    doc.push(section("18) TÓM TẮT QUÁ TRÌNH CÔNG TÁC"));
    let mut career: Vec<_> = p.positions.iter().collect();
    // Posts without a known start go last, in the order recorded.
    career.sort_by_key(|h| {
        h.start
            .as_ref()
            .map(|d| d.earliest())
            .unwrap_or(chrono::NaiveDate::MAX)
    });
    let rows: Vec<Row> = career
        .iter()
        .map(|h| {
            Row::Data(vec![
                Cell::Text(format!(
                    "{} – {}",
                    h.start
                        .as_ref()
                        .map(|d| d.to_display())
                        .unwrap_or_else(|| "chưa rõ".into()),
                    h.end
                        .as_ref()
                        .map(|e| e.to_display())
                        .unwrap_or_else(|| "nay".into())
                )),
                Cell::Text(
                    [h.title.as_str(), h.organisation.as_str()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ])
        })
        .collect();
    doc.push(form_table(
        vec![
            Column::new("Từ tháng, năm đến tháng, năm", 3.0, CellAlign::Center),
            Column::new("Chức danh, chức vụ, đơn vị công tác", 8.0, CellAlign::Left),
        ],
        if rows.is_empty() {
            vec![Row::Data(vec![Cell::empty(); 2])]
        } else {
            rows
        },
    ));
    for t in ["19) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", "20) QUAN HỆ GIA ĐÌNH"] {
        doc.push(section(t));
        for _ in 0..2 {
            doc.push(item("", ""));
        }
    }
    // Signatures: the office confirming (left), the person declaring (right).
    doc.push(Block::KeepRoom(26.0 * MM + 4.0 * 17.0));
    doc.push(Block::Space(8.0));
    doc.push(Block::Columns(Columns {
        columns: vec![
            (
                0.5,
                vec![Para::new(
                    vec![Run::bold("XÁC NHẬN CỦA CƠ QUAN\nQUẢN LÝ CÁN BỘ")],
                    SIZE,
                )
                .align(Align::Center)],
            ),
            (
                0.5,
                vec![
                    Para::new(
                        vec![Run::italic(format!(
                            "{}, {}",
                            unit.place_name,
                            date_words(req.date)
                        ))],
                        SIZE,
                    )
                    .align(Align::Center),
                    Para::new(vec![Run::bold("NGƯỜI KHAI")], SIZE).align(Align::Center),
                    Para::new(
                        vec![Run::italic(
                            "Tôi xin cam đoan những lời khai trên đây là đúng sự thật",
                        )],
                        11.0,
                    )
                    .align(Align::Center),
                    Para::new(vec![Run::bold(&p.full_name)], SIZE)
                        .align(Align::Center)
                        .before(20.0 * MM),
                ],
            ),
        ],
        space_after: 0.0,
    }));
    Ok(Document {
        title: format!("Sơ yếu lý lịch {}", p.full_name),
        sections: vec![doc],
    })
}

/// A table of the form: bordered, 12 pt, no column-number row.
fn form_table(columns: Vec<Column>, rows: Vec<Row>) -> Block {
    Block::Table(Table {
        table: ReportTable {
            title: String::new(),
            columns,
            rows,
        },
        size: 12.0,
        min_size: 12.0,
        number_row: false,
        keep_with_next: false,
    })
}
