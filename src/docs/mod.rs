//! The documents a ward sends, in the Party's layout, each built from the database with its figures
//! computed and described as a `document::Document` (then printed by `pdf`): the Tờ trình of a term's plan with its annex, the yearly review report, the
//! structure and quality table, the list of people to train, and the 2C/TCTW-98 CV of one person.
//! The clerk sets the number, date, signer, recipients and the editable paragraphs; the app
//! remembers them and keeps the number register.

pub mod approval;
mod cv;
mod figures;
pub mod frame;
mod lists;
mod narrative;
pub mod programme;
pub mod settings;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use settings::{DocLayout, DocSettings, DocText, IssuedNumber, Signer, TonePlacement};

use crate::document::Document;
use crate::error::{CoreError, FieldError, Result};
use crate::store::Store;
use crate::text::clean;

crate::model::levels::codes!(
    /// The documents a ward issues.
    DocKind {
        ToTrinh = "to-trinh" => "Tờ trình đề nghị phê duyệt quy hoạch",
        BaoCaoRaSoat = "bao-cao-ra-soat" => "Báo cáo kết quả rà soát, bổ sung quy hoạch",
        BieuCoCau = "bieu-co-cau" => "Biểu tổng hợp cơ cấu, chất lượng",
        DaoTao = "dao-tao" => "Danh sách cán bộ cần đào tạo, bồi dưỡng",
        LyLich = "ly-lich" => "Sơ yếu lý lịch (mẫu 2C/TCTW-98)",
        BaoCaoDeAn = "bao-cao-de-an" => "Báo cáo kết quả thực hiện Đề án tạo nguồn",
    }
);

impl DocKind {
    /// The type code in the number ("TTr", "BC"); lists and forms have no number of their own.
    pub fn type_code(self) -> Option<&'static str> {
        match self {
            DocKind::ToTrinh => Some("TTr"),
            DocKind::BaoCaoRaSoat | DocKind::BaoCaoDeAn => Some("BC"),
            _ => None,
        }
    }

    fn needs_term(self) -> bool {
        !matches!(self, DocKind::LyLich | DocKind::BaoCaoDeAn)
    }
}

/// The file a document is saved as: a PDF to print, or a Word file to edit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    #[default]
    Pdf,
    Docx,
}

impl DocFormat {
    /// The format a file name asks for (".pdf", ".docx", any case); None for another ending.
    pub fn of_path(path: &Path) -> Option<DocFormat> {
        let ext = path.extension()?.to_str()?.to_lowercase();
        match ext.as_str() {
            "pdf" => Some(DocFormat::Pdf),
            "docx" => Some(DocFormat::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DocFormat::Pdf => "pdf",
            DocFormat::Docx => "docx",
        }
    }
}

/// What the clerk asks for. Unset values come from the remembered settings.
#[derive(Debug, Clone)]
pub struct DocRequest {
    pub kind: DocKind,
    pub term_code: Option<String>,
    /// Year of the review (report) and of the ratings window's end + 1.
    pub year: i32,
    pub person_id: Option<i64>,
    /// Issue the document: it takes a number from the register (`number`, or the next free one
    /// when None). Without it the document is a draft and its number is left blank.
    pub issue: bool,
    /// An issued number to print again (a re-save keeps it), or one given by hand.
    pub number: Option<u32>,
    pub date: NaiveDate,
    pub signer: Option<Signer>,
    pub recipients: Option<Vec<String>>,
    pub text: Option<DocText>,
    /// "(Kèm theo Tờ trình số …)" for a list sent as an annex.
    pub attached_to: Option<String>,
    /// The programme a "Báo cáo kết quả thực hiện Đề án" reports on.
    pub programme_id: Option<i64>,
    /// Only the posts this body approves (the Tờ trình is then addressed to it).
    pub approving_body: Option<String>,
    /// PDF or Word; unset, `save_document` follows the file's ending (.pdf, .docx) and
    /// `make_document` makes a PDF.
    pub format: Option<DocFormat>,
}

impl DocRequest {
    pub fn new(kind: DocKind, date: NaiveDate) -> DocRequest {
        DocRequest {
            kind,
            term_code: None,
            year: chrono::Datelike::year(&date),
            person_id: None,
            issue: false,
            number: None,
            date,
            signer: None,
            recipients: None,
            text: None,
            attached_to: None,
            programme_id: None,
            approving_body: None,
            format: None,
        }
    }
}

/// A produced document.
#[derive(Debug, Clone, Serialize)]
pub struct DocOutput {
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// "Số 05-TTr/ĐU", for issued numbered documents.
    pub number: Option<String>,
    /// The number as a value, to save the same document again under it.
    pub number_value: Option<u32>,
    /// A numbered kind saved before issuing: its number is left blank.
    pub draft: bool,
    pub kind: &'static str,
    pub format: DocFormat,
}

/// A preview of a document: its first pages as drawn.
#[derive(Debug, Clone, Serialize)]
pub struct DocPreview {
    pub pages: usize,
    pub number: Option<String>,
    pub shown: Vec<crate::pdf::PagePreview>,
}

/// Everything resolved: settings merged with the request.
pub(crate) struct Resolved {
    /// The issued number and its text.
    pub number: Option<(u32, String)>,
    /// What the header prints: the issued number, or "Số     -TTr/ĐU" on a draft.
    pub number_line: Option<String>,
    pub signer: Signer,
    pub recipients: Vec<String>,
    pub text: DocText,
    pub settings: DocSettings,
}

fn check_signer(s: &Signer, issuer_is_office: bool) -> Vec<FieldError> {
    let mut e = Vec::new();
    if s.name.trim().is_empty() {
        e.push(FieldError::new(
            "signer.name",
            "required",
            "Người ký: chưa có họ tên (ví dụ “Nguyễn Văn An”).",
        ));
    }
    if s.title.trim().is_empty() {
        e.push(FieldError::new(
            "signer.title",
            "required",
            "Chức vụ người ký: bắt buộc (BÍ THƯ, PHÓ BÍ THƯ…).",
        ));
    }
    let ob = clean(&s.on_behalf).to_uppercase();
    if ob.starts_with("K/T") && !issuer_is_office {
        e.push(FieldError::new(
            "signer.on_behalf",
            "kt_only_office",
            "Thể thức ký: văn bản của cấp ủy ký “T/M ĐẢNG ỦY” hoặc “T/M BAN THƯỜNG VỤ”; “K/T” chỉ dùng cho Văn phòng (Hướng dẫn 36-HD/VPTW).",
        ));
    } else if !(ob.starts_with("T/M") || ob.starts_with("K/T") || ob.starts_with("T/L")) {
        e.push(FieldError::new(
            "signer.on_behalf",
            "format",
            format!("Thể thức ký “{ob}”: phải bắt đầu bằng T/M, K/T hoặc T/L."),
        ));
    }
    e
}

fn resolve(store: &Store, req: &DocRequest) -> Result<Resolved> {
    let settings = settings::settings(store)?;
    let unit = store.unit()?;
    let signer = req
        .signer
        .clone()
        .unwrap_or_else(|| settings.signer.clone());
    let is_office = crate::text::fold(&unit.name).contains("van phong");
    let mut errors = Vec::new();
    let signed = !matches!(req.kind, DocKind::LyLich);
    if signed {
        errors.extend(check_signer(&signer, is_office));
    }
    if req.kind.needs_term() && req.term_code.as_deref().is_none_or(str::is_empty) {
        errors.push(FieldError::new(
            "term",
            "required",
            format!("{}: cần chọn nhiệm kỳ quy hoạch.", req.kind.label()),
        ));
    }
    if req.kind == DocKind::LyLich && req.person_id.is_none() {
        errors.push(FieldError::new(
            "person",
            "required",
            "Sơ yếu lý lịch: cần chọn một người.",
        ));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let number = match req.kind.type_code() {
        Some(code) if req.issue => {
            let term = settings.term_of(req.date);
            let n = match req.number {
                Some(0) => {
                    return Err(CoreError::validation(
                        "number",
                        "range",
                        "Số văn bản: phải từ 1 trở lên.",
                    ))
                }
                Some(n) => n,
                None => store.next_doc_number(code, &term)?,
            };
            if let Some(old) = store.issued_number(code, &term, n)? {
                if old.cancelled_at.is_some() {
                    return Err(settings::cancelled_error(&old));
                }
            }
            Some((n, frame::number_text(n, code, &unit.issuer_code)))
        }
        _ => None,
    };
    let number_line = match (&number, req.kind.type_code()) {
        (Some((_, text)), _) => Some(text.clone()),
        (None, Some(code)) => Some(frame::draft_number_text(code, &unit.issuer_code)),
        (None, None) => None,
    };
    let recipients = req.recipients.clone().unwrap_or_else(|| {
        settings
            .recipients
            .get(req.kind.code())
            .cloned()
            .unwrap_or_else(|| vec![frame::superior_standing_committee(&unit.superior_body)])
    });
    let text = req
        .text
        .clone()
        .or_else(|| settings.texts.get(req.kind.code()).cloned())
        .unwrap_or_default();
    Ok(Resolved {
        number,
        number_line,
        signer,
        recipients,
        text,
        settings,
    })
}

/// The document as a model (sections of blocks), for any output format; writes nothing.
pub fn describe(store: &Store, req: &DocRequest) -> Result<Document> {
    Ok(build_document(store, req)?.0)
}

fn build_document(store: &Store, req: &DocRequest) -> Result<(Document, Resolved)> {
    let r = resolve(store, req)?;
    let unit = store.unit()?;
    let doc = match req.kind {
        DocKind::ToTrinh | DocKind::BaoCaoRaSoat => narrative::build(store, &unit, req, &r)?,
        DocKind::BieuCoCau | DocKind::DaoTao => lists::build(store, &unit, req, &r)?,
        DocKind::LyLich => cv::build(store, &unit, req, &r)?,
        DocKind::BaoCaoDeAn => programme::build(store, &unit, req, &r)?,
    };
    Ok((doc, r))
}

/// Makes the document's file in the requested format (a PDF unless asked for Word); writes
/// nothing. The page count is the PDF layout's (Word may lay it out a little differently).
pub fn make(store: &Store, req: &DocRequest) -> Result<DocOutput> {
    let (document, r) = build_document(store, req)?;
    let format = req.format.unwrap_or_default();
    let laid = crate::pdf::render(&document);
    let pages = laid.pages.len();
    let bytes = match format {
        DocFormat::Pdf => laid.finish(),
        DocFormat::Docx => crate::docx::write(&document)?,
    };
    Ok(DocOutput {
        bytes,
        pages,
        format,
        draft: r.number.is_none() && req.kind.type_code().is_some(),
        number_value: r.number.as_ref().map(|n| n.0),
        number: r.number.map(|n| n.1),
        kind: req.kind.code(),
    })
}

/// The first pages as the PDF will draw them, and how many pages there are; writes nothing.
pub fn preview(store: &Store, req: &DocRequest, max_pages: usize) -> Result<DocPreview> {
    let (doc, r) = build_document(store, req)?;
    let doc = crate::pdf::render(&doc);
    Ok(DocPreview {
        pages: doc.pages.len(),
        number: r.number.map(|n| n.1),
        shown: doc.preview(max_pages),
    })
}

/// Makes the document and saves it at `out` (never over an existing file), as a PDF or a
/// Word file: the request's format, else the file's ending (.docx for Word; anything else a
/// PDF). Issued, it records its number in the register; saving the same document again under
/// its number (a reprint, its Word copy) keeps that one number; a draft takes no number.
/// Remembers the signer, recipients and paragraphs for next time.
pub fn save(store: &mut Store, req: &DocRequest, out: &Path) -> Result<DocOutput> {
    if out.exists() {
        return Err(CoreError::FileExists(out.to_path_buf()));
    }
    let r = resolve(store, req)?;
    let format = req
        .format
        .or_else(|| DocFormat::of_path(out))
        .unwrap_or_default();
    let made = crate::docs::make(
        store,
        &DocRequest {
            number: r.number.as_ref().map(|n| n.0),
            format: Some(format),
            ..req.clone()
        },
    )?;
    let tmp = out.with_extension(format!("dang-ghi.{}", format.extension()));
    std::fs::write(&tmp, &made.bytes)?;
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    if let (Some(type_code), Some((n, _))) = (req.kind.type_code(), &r.number) {
        let plan_term = req.term_code.clone().unwrap_or_default();
        let mut summary = format!("{} nhiệm kỳ {plan_term}", req.kind.label());
        if req.kind == DocKind::BaoCaoDeAn {
            summary = req.kind.label().to_string();
        }
        if req.kind == DocKind::BaoCaoRaSoat {
            summary.push_str(&format!(", năm {}", req.year));
        }
        crate::docs::settings::register_number(
            store,
            &settings::NewNumber {
                type_code,
                term: r.settings.term_of(req.date),
                number: *n,
                date: req.date,
                summary,
                kind: req.kind.code(),
                plan_term,
            },
        )?;
    }
    let mut s = r.settings.clone();
    if !matches!(req.kind, DocKind::LyLich) {
        s.signer = r.signer.clone();
        s.recipients
            .insert(req.kind.code().to_string(), r.recipients.clone());
    }
    if let Some(t) = &req.text {
        s.texts.insert(req.kind.code().to_string(), t.clone());
    }
    if s != r.settings {
        crate::docs::settings::save_settings(store, &s)?;
    }
    Ok(made)
}
