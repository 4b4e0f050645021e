//! The documents a ward sends, in the Party's layout, each built from the database with its figures
//! computed and described as a `document::Document` (then printed by `pdf`): the Tờ trình of a term's plan with its annex, the yearly review report, the
//! structure and quality table, the list of people to train, and the 2C/TCTW-98 CV of one person.
//! The clerk sets the number, date, signer, recipients and the editable paragraphs; the app
//! remembers them and keeps the number register.

pub mod approval;
mod cv;
mod figures;
mod forecast;
pub mod frame;
mod lists;
mod narrative;
pub mod programme;
pub mod register;
pub mod settings;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use register::{Correction, DocIdentity, IssuedNumber, NumberState};
pub use settings::{DocLayout, DocSettings, DocText, Signer, TonePlacement};

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
        BaoCaoDuBao = "bao-cao-du-bao" => "Báo cáo dự báo nguồn cán bộ",
    }
);

/// A field of the request that only some kinds read (every kind reads the date, the signer, the
/// recipients, the paragraphs, the number and the format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The planning term (`term_code`).
    Term,
    /// The year of a review (`year`); also the year after the last rating shown.
    Year,
    /// The person of a CV (`person_id`).
    Person,
    /// The programme a report is of (`programme_id`).
    Programme,
    /// Only the posts this body approves (`approving_body`).
    ApprovingBody,
    /// "(Kèm theo Tờ trình số …)" under a list's title (`attached_to`).
    AttachedTo,
    /// The years a forecast looks ahead (`horizon`: 5, 10 or 20).
    Horizon,
}

/// What a kind cannot be made without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// A term's plan (the Documents screen's kinds).
    Term,
    /// A person (a CV).
    Person,
    /// A programme (its report).
    Programme,
}

impl Needs {
    /// The refusal of a request without it.
    fn missing(self, kind: DocKind) -> FieldError {
        match self {
            Needs::Term => FieldError::new(
                "term",
                "required",
                format!("{}: cần chọn nhiệm kỳ quy hoạch.", kind.label()),
            ),
            Needs::Person => {
                FieldError::new("person", "required", "Sơ yếu lý lịch: cần chọn một người.")
            }
            Needs::Programme => FieldError::new(
                "programme",
                "required",
                "Báo cáo đề án: cần chọn một đề án.",
            ),
        }
    }

    fn given(self, req: &DocRequest) -> bool {
        match self {
            Needs::Term => req.term_code.as_deref().is_some_and(|t| !t.is_empty()),
            Needs::Person => req.person_id.is_some(),
            Needs::Programme => req.programme_id.is_some(),
        }
    }
}

/// What, besides its kind and planning term, makes two saves of a numbered kind the same
/// document in the register (and what its line in the register names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The kind and the term alone.
    Term,
    /// The approving body a Tờ trình is addressed to.
    ApprovingBody,
    /// The year of a review report.
    Year,
    /// The programme a report is of.
    Programme,
}

type Builder = fn(&Store, &crate::model::Unit, &DocRequest, &Resolved) -> Result<Document>;

/// Everything a document kind is, described in one place (`DocKind::spec`).
pub struct KindSpec {
    /// The type code in the number ("TTr", "BC"); None: lists and forms have no number of their
    /// own.
    pub type_code: Option<&'static str>,
    /// The start of the file name the window suggests ("Tờ trình quy hoạch 20261203-0930.pdf").
    pub file_name: &'static str,
    /// The request's fields this kind reads (see `Field`).
    pub fields: &'static [Field],
    /// What it cannot be made without. A term or a person is refused with the request; a
    /// programme by its builder, once the request is otherwise good.
    pub needs: Needs,
    /// Signed for the committee: the signer is checked and remembered (a CV is not signed).
    pub signed: bool,
    /// It reports on a term's plan: the plan's violations are shown before it is issued.
    pub reports_on_plan: bool,
    /// What makes two saves the same document in the number register.
    pub scope: Scope,
    /// Builds it as a `Document` (both renderers print it unchanged).
    build: Builder,
}

impl DocKind {
    /// The one description of each kind: a new kind is a compile error here until described.
    pub fn spec(self) -> KindSpec {
        use Field::*;
        match self {
            DocKind::ToTrinh => KindSpec {
                type_code: Some("TTr"),
                file_name: "Tờ trình quy hoạch",
                fields: &[Term, Year, ApprovingBody],
                needs: Needs::Term,
                signed: true,
                reports_on_plan: true,
                scope: Scope::ApprovingBody,
                build: narrative::build_proposal,
            },
            DocKind::BaoCaoRaSoat => KindSpec {
                type_code: Some("BC"),
                file_name: "Báo cáo rà soát quy hoạch",
                fields: &[Term, Year, ApprovingBody],
                needs: Needs::Term,
                signed: true,
                reports_on_plan: true,
                scope: Scope::Year,
                build: narrative::build_review,
            },
            DocKind::BieuCoCau => KindSpec {
                type_code: None,
                file_name: "Biểu cơ cấu, chất lượng",
                fields: &[Term, ApprovingBody, AttachedTo],
                needs: Needs::Term,
                signed: true,
                reports_on_plan: false,
                scope: Scope::Term,
                build: lists::build_structure,
            },
            DocKind::DaoTao => KindSpec {
                type_code: None,
                file_name: "Danh sách cần đào tạo",
                fields: &[Term, Year, ApprovingBody, AttachedTo],
                needs: Needs::Term,
                signed: true,
                reports_on_plan: false,
                scope: Scope::Term,
                build: lists::build_training,
            },
            DocKind::LyLich => KindSpec {
                type_code: None,
                file_name: "Sơ yếu lý lịch",
                fields: &[Person],
                needs: Needs::Person,
                signed: false,
                reports_on_plan: false,
                scope: Scope::Term,
                build: cv::build,
            },
            DocKind::BaoCaoDeAn => KindSpec {
                type_code: Some("BC"),
                file_name: "Báo cáo đề án tạo nguồn",
                fields: &[Programme],
                needs: Needs::Programme,
                signed: true,
                reports_on_plan: false,
                scope: Scope::Programme,
                build: programme::build,
            },
            DocKind::BaoCaoDuBao => KindSpec {
                type_code: Some("BC"),
                file_name: "Báo cáo dự báo nguồn cán bộ",
                fields: &[Term, Year, Horizon],
                needs: Needs::Term,
                signed: true,
                reports_on_plan: false,
                scope: Scope::Year,
                build: forecast::build,
            },
        }
    }

    /// The type code in the number ("TTr", "BC"); lists and forms have no number of their own.
    pub fn type_code(self) -> Option<&'static str> {
        self.spec().type_code
    }

    /// Whether the document is of a term's plan (the Documents screen's kinds); a CV and a
    /// programme report are issued from their own screens.
    pub fn needs_term(self) -> bool {
        self.spec().needs == Needs::Term
    }

    /// The start of the file name the window suggests ("Tờ trình quy hoạch 20261203-0930.pdf").
    pub fn file_name(self) -> &'static str {
        self.spec().file_name
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

/// The request's fields that the window (JSON), the command line (flags) and the builders share,
/// defined once: the window sends them by these names, `quyhoach doc` reads them from these
/// flags (`DocInput` flattens them), and a `DocRequest` carries them to the builders. Unset
/// values come from the remembered settings.
#[derive(Debug, Clone, Default, Deserialize, clap::Args)]
#[serde(default)]
pub struct DocFields {
    /// The planning term's code.
    #[serde(rename = "term")]
    #[arg(
        long = "term",
        value_name = "NHIỆM KỲ",
        help = "Nhiệm kỳ quy hoạch (mã), cho các văn bản về quy hoạch"
    )]
    pub term_code: Option<String>,
    /// The person of a CV.
    #[arg(
        long = "person",
        visible_alias = "nguoi",
        value_name = "MÃ_SỐ",
        help = "Mã số cán bộ, cho sơ yếu lý lịch"
    )]
    pub person_id: Option<i64>,
    /// Issue the document: it takes a number from the register (`number`, or the next free one
    /// when None). Without it the document is a draft and its number is left blank.
    #[arg(
        long,
        help = "Cấp số và ban hành: văn bản lấy số trong sổ (không có: bản nháp, để trống số)"
    )]
    pub issue: bool,
    /// An issued number to print again (a re-save keeps it), or one given by hand.
    #[arg(
        long = "number",
        visible_alias = "so",
        value_name = "SỐ",
        requires = "issue",
        help = "Số văn bản khi cấp số (mặc định: số tiếp theo trong sổ, hoặc số văn bản này đã được cấp); số đã cấp cho văn bản này thì in lại đúng số đó, số của văn bản khác bị từ chối"
    )]
    pub number: Option<u32>,
    /// The clerk's confirmation, with its reason, that a number typed ahead of the next free one
    /// leaves the numbers between blank ("bỏ qua" in the register).
    #[arg(
        long = "skip-numbers",
        visible_alias = "bo-qua-so",
        value_name = "LÝ DO",
        requires = "number",
        help = "Xác nhận số văn bản gõ vượt số tiếp theo: các số bị bỏ qua ghi vào sổ là \"bỏ qua (để trống)\" với lý do này, không bao giờ cấp nữa"
    )]
    pub gap_reason: Option<String>,
    /// The reason of a new issue date for a number this document already holds (a correction).
    #[arg(
        long = "correct-date",
        visible_alias = "dinh-chinh",
        value_name = "LÝ DO",
        requires = "number",
        help = "Đính chính ngày ban hành của số đã cấp cho văn bản này (ghi số đó và ngày mới), với lý do này; sổ giữ ngày cấp đầu tiên"
    )]
    pub correction_reason: Option<String>,
    /// The signer (the command line sets it from its parts and the remembered one).
    #[arg(skip)]
    pub signer: Option<Signer>,
    #[arg(
        long = "recipient",
        visible_alias = "noi-nhan",
        value_name = "NƠI NHẬN",
        help = "Nơi nhận (lặp lại; \"Lưu Văn phòng Đảng ủy\" tự thêm cuối)"
    )]
    pub recipients: Option<Vec<String>>,
    /// The editable opening and closing paragraphs (the command line reads them from a file).
    #[arg(skip)]
    pub text: Option<DocText>,
    /// "(Kèm theo Tờ trình số …)" for a list sent as an annex.
    #[arg(
        long = "attached-to",
        visible_alias = "kem-theo",
        value_name = "DÒNG",
        help = "Dòng \"(Kèm theo Tờ trình số …)\" cho danh sách, biểu"
    )]
    pub attached_to: Option<String>,
    /// The programme a "Báo cáo kết quả thực hiện Đề án" reports on.
    #[arg(
        long = "programme",
        visible_alias = "de-an",
        value_name = "MÃ_SỐ",
        help = "Mã số đề án, cho báo cáo kết quả thực hiện đề án (bao-cao-de-an)"
    )]
    pub programme_id: Option<i64>,
    /// Only the posts this body approves (the Tờ trình is then addressed to it).
    #[arg(
        long = "approving-body",
        visible_alias = "cap-phe-duyet",
        value_name = "CẤP",
        help = "Tờ trình chỉ gồm các chức danh do cấp này phê duyệt, và gửi cấp này"
    )]
    pub approving_body: Option<String>,
    /// The years a forecast report looks ahead from its year (5, 10 or 20; default 20).
    #[arg(
        long = "horizon",
        value_name = "SỐ NĂM",
        help = "Số năm dự báo (5, 10 hoặc 20; mặc định 20), cho báo cáo dự báo nguồn cán bộ, tính từ năm của báo cáo"
    )]
    pub horizon: Option<u32>,
}

/// What the builders take: the kind, the day and year as values, the format, and the shared
/// fields (`DocFields`, reached through the request: `req.term_code`).
#[derive(Debug, Clone)]
pub struct DocRequest {
    pub kind: DocKind,
    /// Year of the review (report) and of the ratings window's end + 1.
    pub year: i32,
    pub date: NaiveDate,
    /// PDF or Word; unset, `save_document` follows the file's ending (.pdf, .docx) and
    /// `make_document` makes a PDF.
    pub format: Option<DocFormat>,
    pub fields: DocFields,
}

impl std::ops::Deref for DocRequest {
    type Target = DocFields;
    fn deref(&self) -> &DocFields {
        &self.fields
    }
}

impl std::ops::DerefMut for DocRequest {
    fn deref_mut(&mut self) -> &mut DocFields {
        &mut self.fields
    }
}

impl DocRequest {
    pub fn new(kind: DocKind, date: NaiveDate) -> DocRequest {
        DocRequest {
            kind,
            year: chrono::Datelike::year(&date),
            date,
            format: None,
            fields: DocFields::default(),
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
    /// What the register did besides issuing a new number: kept the number this document
    /// already holds, recorded a corrected issue date, or left numbers blank.
    pub register_note: Option<String>,
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
    /// What issuing does in the register (of the type and committee term), when issued.
    pub issue: Option<(&'static str, String, register::Issue)>,
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

/// The request merged with the settings and the register. `saving`: the register's questions
/// (a gap, a changed date) are refused until confirmed; a preview shows the number it would print.
fn resolve(store: &Store, req: &DocRequest, saving: bool) -> Result<Resolved> {
    let settings = settings::settings(store)?;
    let unit = store.unit()?;
    let signer = req
        .signer
        .clone()
        .unwrap_or_else(|| settings.signer.clone());
    let is_office = crate::text::fold(&unit.name).contains("van phong");
    let spec = req.kind.spec();
    let mut errors = Vec::new();
    if spec.signed {
        errors.extend(check_signer(&signer, is_office));
    }
    let missing = Some(spec.needs).filter(|n| !n.given(req));
    if missing == Some(Needs::Term) {
        errors.push(Needs::Term.missing(req.kind));
    }
    if spec.type_code.is_none() && (req.issue || req.number.is_some()) {
        errors.push(FieldError::new(
            "number",
            "no_number",
            format!(
                "Số văn bản: {} không có số văn bản riêng (gửi kèm Tờ trình, Báo cáo hoặc hồ sơ), không cấp số; hãy lưu văn bản mà không cấp số.",
                req.kind.label()
            ),
        ));
    }
    // A programme is asked for by its builder, once the rest of the request is good.
    if missing == Some(Needs::Person) {
        errors.push(Needs::Person.missing(req.kind));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let issue = match req.kind.type_code() {
        Some(code) if req.issue => {
            let term = settings.term_of(req.date);
            let rows = store.doc_numbers(code, &term)?;
            let asked = register::Asked {
                type_code: code,
                issuer: &unit.issuer_code,
                identity: register::DocIdentity::of(req),
                date: req.date,
                typed: req.number,
                gap_reason: req.gap_reason.clone(),
                correction_reason: req.correction_reason.clone(),
                saving,
            };
            Some((code, term, register::decide(&rows, &asked)?))
        }
        _ => None,
    };
    let number = issue.as_ref().map(|(code, _, i)| {
        (
            i.number(),
            frame::number_text(i.number(), code, &unit.issuer_code),
        )
    });
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
        issue,
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
    let r = resolve(store, req, false)?;
    Ok((build_resolved(store, req, &r)?, r))
}

fn build_resolved(store: &Store, req: &DocRequest, r: &Resolved) -> Result<Document> {
    let unit = store.unit()?;
    (req.kind.spec().build)(store, &unit, req, r)
}

/// The file of a resolved document in `format`.
fn output(store: &Store, req: &DocRequest, r: &Resolved, format: DocFormat) -> Result<DocOutput> {
    let document = build_resolved(store, req, r)?;
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
        number: r.number.as_ref().map(|n| n.1.clone()),
        register_note: r
            .issue
            .as_ref()
            .and_then(|(_, _, i)| register::note(i, req.date)),
        kind: req.kind.code(),
    })
}

/// Makes the document's file in the requested format (a PDF unless asked for Word); writes
/// nothing. The page count is the PDF layout's (Word may lay it out a little differently).
pub fn make(store: &Store, req: &DocRequest) -> Result<DocOutput> {
    let r = resolve(store, req, false)?;
    output(store, req, &r, req.format.unwrap_or_default())
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
/// PDF). Issued, it takes its number by the rules of the register (`register::decide`): the
/// next free one, the one this document already holds (a reprint, its Word copy: one number
/// whichever formats are saved), or one typed ahead with the gap confirmed; a draft takes no
/// number. Anything refused is refused before a file or a row is written. Remembers the signer,
/// recipients and paragraphs for next time.
pub fn save(store: &mut Store, req: &DocRequest, out: &Path) -> Result<DocOutput> {
    if out.exists() {
        return Err(CoreError::FileExists(out.to_path_buf()));
    }
    let r = resolve(store, req, true)?;
    let format = req
        .format
        .or_else(|| DocFormat::of_path(out))
        .unwrap_or_default();
    let made = output(store, req, &r, format)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = out.with_extension(format!("dang-ghi.{}", format.extension()));
    std::fs::write(&tmp, &made.bytes)?;
    if let Err(e) = std::fs::rename(&tmp, out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    if let Some((type_code, term, issue)) = &r.issue {
        let issuer = store.unit()?.issuer_code;
        if let Err(e) = register::record(store, req, type_code, term, &issuer, issue) {
            // The number was not recorded: the file that prints it goes too.
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
    }
    let mut s = r.settings.clone();
    if req.kind.spec().signed {
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
