//! What a ward sets once and the app remembers for its documents (signer, recipients, editable
//! paragraphs, margins, the Party-committee term). The SQL is in `store::doc_settings`; the
//! rules of the number register are in `docs::register`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::document::Margins;
use crate::error::{CoreError, Result};
use crate::store::Store;
use crate::text::clean;

/// Who signs: "T/M ĐẢNG ỦY" or "T/M BAN THƯỜNG VỤ" (K/T only for the Office), the post, the name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    pub on_behalf: String,
    pub title: String,
    pub name: String,
}

impl Default for Signer {
    fn default() -> Self {
        Signer {
            on_behalf: "T/M BAN THƯỜNG VỤ".into(),
            title: "BÍ THƯ".into(),
            name: String::new(),
        }
    }
}

/// The paragraphs a clerk edits around the computed parts of a narrative document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocText {
    /// Before the figures ("Căn cứ …").
    #[serde(default)]
    pub opening: Vec<String>,
    /// After the figures ("Ban Thường vụ Đảng ủy kính trình …").
    #[serde(default)]
    pub closing: Vec<String>,
}

/// Where the tone mark of "uy" sits in printed headings: "ĐẢNG ỦY" (on the u, the app's usual
/// spelling) or "ĐẢNG UỶ" (on the y, as HD 05-HD/VPTW's own examples write it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TonePlacement {
    #[default]
    #[serde(rename = "ĐẢNG ỦY")]
    OnU,
    #[serde(rename = "ĐẢNG UỶ")]
    OnY,
}

impl TonePlacement {
    /// `text` with every final "uy" carrying its tone in this placement ("TỈNH ỦY" ↔ "TỈNH UỶ");
    /// "quý", "huyện", "tuyên" are left alone.
    pub fn apply(self, text: &str) -> String {
        // (tone on u, tone on y), upper and lower case.
        const PAIRS: [(&str, &str); 10] = [
            ("ỦY", "UỶ"),
            ("ÚY", "UÝ"),
            ("ÙY", "UỲ"),
            ("ŨY", "UỸ"),
            ("ỤY", "UỴ"),
            ("ủy", "uỷ"),
            ("úy", "uý"),
            ("ùy", "uỳ"),
            ("ũy", "uỹ"),
            ("ụy", "uỵ"),
        ];
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let pair: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            let word_end = chars.get(i + 2).is_none_or(|c| !c.is_alphabetic());
            let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
            let swap = PAIRS.iter().find_map(|(u, y)| match self {
                TonePlacement::OnY if pair == *u => Some(*y),
                TonePlacement::OnU if pair == *y && !after_q => Some(*u),
                _ => None,
            });
            match swap {
                Some(to) if word_end => {
                    out.push_str(to);
                    i += 2;
                }
                _ => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }
}

/// The layout values of HD 05-HD/VPTW a ward may set within the guidance's ranges.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DocLayout {
    /// Body line spacing, exactly, in points (18–22).
    pub line_spacing: f32,
    /// The type name ("TỜ TRÌNH"), bold (15–16).
    pub type_name_size: f32,
    /// The summary under it, bold (14–15).
    pub summary_size: f32,
    /// Page numbers (13–14), and their distance from the top edge in mm (5–15).
    pub page_number_size: f32,
    pub page_number_from_top: f32,
    pub tone: TonePlacement,
    /// Two-sided printing: even pages take the left and right margins swapped (15 / 30).
    pub mirrored: bool,
}

impl Default for DocLayout {
    fn default() -> Self {
        DocLayout {
            line_spacing: 18.0,
            type_name_size: 16.0,
            summary_size: 14.0,
            page_number_size: 14.0,
            page_number_from_top: 10.0,
            tone: TonePlacement::OnU,
            mirrored: false,
        }
    }
}

impl DocLayout {
    /// How sections of a document are numbered and whether their margins mirror.
    pub fn numbers(&self) -> crate::document::PageNumbers {
        crate::document::PageNumbers {
            restart: false,
            on_first_page: false,
            size: self.page_number_size,
            from_top: self.page_number_from_top,
        }
    }

    fn check(&self) -> Result<()> {
        for (v, lo, hi, field, what) in [
            (
                self.line_spacing,
                18.0,
                22.0,
                "layout.line_spacing",
                "Giãn dòng nội dung",
            ),
            (
                self.type_name_size,
                15.0,
                16.0,
                "layout.type_name_size",
                "Cỡ chữ tên loại văn bản",
            ),
            (
                self.summary_size,
                14.0,
                15.0,
                "layout.summary_size",
                "Cỡ chữ trích yếu",
            ),
            (
                self.page_number_size,
                13.0,
                14.0,
                "layout.page_number_size",
                "Cỡ chữ số trang",
            ),
            (
                self.page_number_from_top,
                5.0,
                15.0,
                "layout.page_number_from_top",
                "Khoảng cách số trang tới mép trên",
            ),
        ] {
            if !(lo..=hi).contains(&v) {
                return Err(CoreError::validation(
                    field,
                    "range",
                    format!("{what}: phải từ {lo} đến {hi} (Hướng dẫn 05-HD/VPTW)."),
                ));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSettings {
    #[serde(default)]
    pub margins: Margins,
    /// Line spacing, sizes, page numbers, the tone placement and two-sided printing.
    #[serde(default)]
    pub layout: DocLayout,
    /// The Party-committee term numbers restart in ("2025-2030"); by default the five-year term
    /// holding the document's date.
    #[serde(default)]
    pub committee_term: Option<String>,
    #[serde(default)]
    pub signer: Signer,
    /// Recipients per document kind (without the closing "Lưu Văn phòng Đảng ủy").
    #[serde(default)]
    pub recipients: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub texts: BTreeMap<String, DocText>,
}

impl DocSettings {
    /// The committee term of a date: the setting, or the five-year term from 2025 holding it.
    pub fn term_of(&self, date: NaiveDate) -> String {
        if let Some(t) = &self.committee_term {
            return t.clone();
        }
        let start = 2025 + 5 * (date.year() - 2025).div_euclid(5);
        format!("{start}-{}", start + 5)
    }
}

pub fn settings(store: &Store) -> Result<DocSettings> {
    match store.doc_settings_json()? {
        Some(v) => {
            serde_json::from_str(&v).map_err(|e| CoreError::Json(format!("thiết lập văn bản: {e}")))
        }
        None => Ok(DocSettings::default()),
    }
}

pub fn save_settings(store: &mut Store, s: &DocSettings) -> Result<()> {
    let mut s = s.clone();
    s.signer.on_behalf = clean(&s.signer.on_behalf).to_uppercase();
    s.signer.title = clean(&s.signer.title).to_uppercase();
    s.signer.name = clean(&s.signer.name);
    for list in s.recipients.values_mut() {
        *list = list
            .iter()
            .map(|r| clean(r))
            .filter(|r| !r.is_empty())
            .collect();
    }
    let m = s.margins;
    if [m.top, m.bottom, m.left, m.right]
        .iter()
        .any(|v| !(5.0..=60.0).contains(v))
    {
        return Err(CoreError::validation(
            "margins",
            "range",
            "Lề trang: mỗi lề phải từ 5 đến 60 mm.",
        ));
    }
    s.layout.check()?;
    let old = settings(store)?;
    if s == old {
        // Nothing changed: nothing written, no line in the audit log.
        return Ok(());
    }
    let json = serde_json::to_string(&s).map_err(|e| CoreError::Json(e.to_string()))?;
    store.write_doc_settings(&json, &old, &s)
}

pub use super::register::{cancel_number, IssuedNumber};
