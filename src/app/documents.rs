//! The documents a ward issues: preview, save (draft or issued under a number), the number
//! register, and the remembered signer, recipients and paragraphs.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::parse_day;
use crate::docs::{
    DocFields, DocFormat, DocKind, DocOutput, DocPreview, DocRequest, DocSettings, DocText,
    IssuedNumber, Signer,
};
use crate::error::{CoreError, Result};
use crate::rules::check::Finding;
use crate::store::Store;

/// "Loại: to-trinh (Tờ trình …), …": the kinds the core describes, for the command's help.
fn kinds_help() -> String {
    let kinds: Vec<String> = DocKind::ALL
        .iter()
        .map(|k| format!("{} ({})", k.code(), k.label()))
        .collect();
    format!("Loại văn bản: {}", kinds.join("; "))
}

/// A document as the clerk asks for it (dates as typed, "dd/mm/yyyy"): the window sends it as
/// JSON, `quyhoach doc` reads it from its flags (clap), and `request` reads and checks it.
#[derive(Debug, Clone, Default, Deserialize, clap::Args)]
#[serde(default)]
pub struct DocInput {
    /// "to-trinh", "bao-cao-ra-soat", "bieu-co-cau", "dao-tao", "ly-lich" (or the label).
    #[arg(help = kinds_help())]
    pub kind: String,
    /// Where to save (ignored by a preview).
    #[arg(
        long,
        value_name = "TỆP",
        help = "Tệp sẽ lưu; đuôi .docx là văn bản Word, .pdf là PDF"
    )]
    pub out: PathBuf,
    /// "pdf" or "docx" (Word); none: the file's ending decides (a PDF otherwise).
    #[arg(
        long,
        value_name = "pdf|docx",
        help = "Định dạng: pdf hoặc docx (mặc định theo đuôi tệp)"
    )]
    pub format: Option<String>,
    /// The year of a review; none: the document's year.
    #[arg(
        long = "year",
        visible_alias = "nam",
        value_name = "NĂM",
        help = "Năm rà soát (mặc định năm của ngày văn bản)"
    )]
    pub year: Option<i32>,
    /// The document's date; none is today.
    #[arg(
        long = "date",
        visible_alias = "ngay",
        value_name = "NGÀY",
        help = "Ngày văn bản dd/mm/yyyy (mặc định hôm nay)"
    )]
    pub date: Option<String>,
    /// The fields the builders take as given (the term, the number, the signer…).
    #[serde(flatten)]
    #[command(flatten)]
    pub fields: DocFields,
}

/// The format a document is saved in: the one asked for, else the file's ending, else PDF. A
/// file whose ending names the other format is refused (a Word file named ".pdf" would open in
/// no program).
pub fn format_of(input: &DocInput) -> Result<DocFormat> {
    let by_name = DocFormat::of_path(&input.out);
    let asked = match input.format.as_deref().map(str::trim) {
        Some(f) if !f.is_empty() => Some(match crate::text::fold(f).as_str() {
            "pdf" => DocFormat::Pdf,
            "docx" | "word" => DocFormat::Docx,
            _ => {
                return Err(CoreError::validation(
                    "format",
                    "unknown",
                    format!("Định dạng văn bản: “{f}” không có; chọn PDF (pdf) hoặc Word (docx)."),
                ))
            }
        }),
        _ => None,
    };
    match (asked, by_name) {
        (Some(a), Some(n)) if a != n => Err(CoreError::validation(
            "out",
            "extension",
            format!(
                "Lưu vào tệp: tệp văn bản {} phải có đuôi .{} (tên đang có đuôi .{}).",
                if a == DocFormat::Docx { "Word" } else { "PDF" },
                a.extension(),
                n.extension()
            ),
        )),
        (Some(a), _) => Ok(a),
        (None, n) => Ok(n.unwrap_or_default()),
    }
}

/// The kind of document, by its code or its label.
pub fn kind_of(text: &str) -> Result<DocKind> {
    super::parse_code(
        "kind",
        "Loại văn bản",
        text,
        DocKind::ALL,
        DocKind::code,
        DocKind::label,
    )
}

/// The request the document builders take: every value read and checked.
pub fn request(store: &Store, input: &DocInput) -> Result<DocRequest> {
    let kind = kind_of(&input.kind)?;
    let date = match input.date.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => parse_day("date", "Ngày văn bản", t)?,
        _ => store.today(),
    };
    let mut req = DocRequest::new(kind, date);
    if let Some(y) = input.year {
        req.year = y;
    }
    let typed = |t: &Option<String>| {
        t.as_deref()
            .map(crate::text::clean)
            .filter(|a| !a.is_empty())
    };
    req.fields = DocFields {
        term_code: input
            .fields
            .term_code
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string),
        attached_to: typed(&input.fields.attached_to),
        approving_body: typed(&input.fields.approving_body),
        ..input.fields.clone()
    };
    req.format = Some(format_of(input)?);
    Ok(req)
}

/// The first pages of a document as they will print; writes nothing.
pub fn preview(store: &Store, input: &DocInput, max_pages: usize) -> Result<DocPreview> {
    crate::docs::preview(store, &request(store, input)?, max_pages)
}

/// Saves a document (never over an existing file; its folder is made if needed, once nothing
/// refuses the document).
pub fn save(store: &mut Store, input: &DocInput) -> Result<DocOutput> {
    store.write(|store| {
        let req = request(store, input)?;
        if input.out.as_os_str().is_empty() {
            return Err(CoreError::validation(
                "out",
                "required",
                "Lưu văn bản: chưa chọn nơi lưu tệp.",
            ));
        }
        crate::docs::save(store, &req, &input.out)
    })
}

/// The violations of the plan a document reports on (a Tờ trình, a review report), shown to
/// the clerk before the document is issued; empty for other kinds.
pub fn violations(store: &Store, input: &DocInput) -> Result<Vec<Finding>> {
    let req = request(store, input)?;
    match req.term_code.as_deref() {
        Some(term) if req.kind.spec().reports_on_plan => super::plan::violations(store, term),
        _ => Ok(Vec::new()),
    }
}

/// The editable paragraphs as a JSON text (a file the clerk wrote).
pub fn read_text(json: &str) -> Result<DocText> {
    serde_json::from_str(json).map_err(|e| {
        CoreError::validation(
            "text",
            "format",
            format!("Các đoạn văn (mở đầu, kết thúc): không đọc được: {e}"),
        )
    })
}

/// The remembered opening and closing paragraphs of a document kind (empty if none yet).
pub fn text(store: &Store, kind: &str) -> Result<DocText> {
    let kind = kind_of(kind)?;
    Ok(crate::docs::settings::settings(store)?
        .texts
        .get(kind.code())
        .cloned()
        .unwrap_or_default())
}

pub fn settings(store: &Store) -> Result<DocSettings> {
    crate::docs::settings::settings(store)
}

/// The default signer and recipients of each document kind, as Settings edits them.
pub fn save_settings(store: &mut Store, settings: &DocSettings) -> Result<DocSettings> {
    store.write(|store| {
        crate::docs::settings::save_settings(store, settings)?;
        crate::docs::settings::settings(store)
    })
}

/// The remembered signer with some of its parts replaced.
pub fn signer_with(
    store: &Store,
    on_behalf: Option<&str>,
    title: Option<&str>,
    name: Option<&str>,
) -> Result<Signer> {
    let mut s = crate::docs::settings::settings(store)?.signer;
    if let Some(v) = on_behalf {
        s.on_behalf = v.to_string();
    }
    if let Some(v) = title {
        s.title = v.to_string();
    }
    if let Some(v) = name {
        s.name = v.to_string();
    }
    Ok(s)
}

/// The number register: issued, cancelled and skipped numbers, newest first.
pub fn register(store: &Store) -> Result<Vec<IssuedNumber>> {
    store.doc_register()
}

/// Cancels an issued number with a reason (it is never given again).
pub fn cancel_number(
    store: &mut Store,
    type_code: &str,
    term: &str,
    number: u32,
    reason: &str,
) -> Result<IssuedNumber> {
    store
        .write(|store| crate::docs::register::cancel_number(store, type_code, term, number, reason))
}

/// Opens a saved document or workbook in the system's viewer (to print or edit it there).
pub fn open_in_viewer(path: &Path) -> Result<()> {
    let ok = path.is_file()
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["pdf", "xlsx", "docx"].contains(&e.to_ascii_lowercase().as_str()));
    if !ok {
        return Err(CoreError::validation(
            "path",
            "not_a_document",
            format!("Không có văn bản “{}” để mở.", path.display()),
        ));
    }
    opener::open(path).map_err(|e| {
        CoreError::Io(std::io::Error::other(format!(
            "không mở được “{}” bằng chương trình của máy: {e}",
            path.display()
        )))
    })
}
