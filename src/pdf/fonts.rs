//! The four faces documents are set in: Times New Roman where it is installed (Windows: the
//! layout rules name it), otherwise Liberation Serif (Times New Roman's metrics, every Vietnamese
//! letter, SIL OFL) embedded in the binary. Parsed once and measured from their own advance
//! widths; the PDF embeds whichever was used.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use printpdf::ParsedFont;

/// Bold and italic, as the four shipped faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Face {
    pub bold: bool,
    pub italic: bool,
}

impl Face {
    pub const REGULAR: Face = Face {
        bold: false,
        italic: false,
    };
    pub const BOLD: Face = Face {
        bold: true,
        italic: false,
    };
    pub const ITALIC: Face = Face {
        bold: false,
        italic: true,
    };

    pub fn index(self) -> usize {
        usize::from(self.bold) + 2 * usize::from(self.italic)
    }
}

/// assets/fonts/LiberationSerif-*.ttf, deflated by build.rs (0.83 MB instead of 1.5 MB in each exe).
const PACKED: [&[u8]; 4] = [
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/LiberationSerif-Regular.ttf.deflate"
    )),
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/LiberationSerif-Bold.ttf.deflate"
    )),
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/LiberationSerif-Italic.ttf.deflate"
    )),
    include_bytes!(concat!(
        env!("OUT_DIR"),
        "/LiberationSerif-BoldItalic.ttf.deflate"
    )),
];

/// A bundled face as the TrueType file it was.
fn bundled(packed: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec(packed).expect("phông chữ có sẵn hợp lệ")
}

pub struct Fonts {
    pub faces: Vec<ParsedFont>,
    pub family: &'static str,
    units_per_em: [f32; 4],
    /// Advance of each character, in ems, per face (filled as text is measured).
    widths: Mutex<HashMap<(usize, char), f32>>,
}

/// Where installed fonts are looked for: `QUYHOACH_FONTS_DIR`, else `%WINDIR%\Fonts` on Windows.
fn system_fonts_dir() -> Option<std::path::PathBuf> {
    if let Some(d) = std::env::var_os("QUYHOACH_FONTS_DIR").filter(|d| !d.is_empty()) {
        return Some(d.into());
    }
    if cfg!(windows) {
        let win = std::env::var_os("WINDIR").unwrap_or_else(|| "C:\\Windows".into());
        return Some(std::path::PathBuf::from(win).join("Fonts"));
    }
    None
}

/// Times New Roman's four files, when all are installed, read and cover Vietnamese.
fn times_new_roman() -> Option<Vec<ParsedFont>> {
    let dir = system_fonts_dir()?;
    let mut faces = Vec::with_capacity(4);
    for name in ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"] {
        let bytes = std::fs::read(dir.join(name)).ok()?;
        let font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())?;
        // Every letter of Vietnamese the documents use must be there, or the bundled font is used.
        if "ĐđƯưƠơẠạẶặỆệỮữỸỹ"
            .chars()
            .any(|c| font.lookup_glyph_index(c as u32).is_none())
        {
            return None;
        }
        faces.push(font);
    }
    Some(faces)
}

/// The font family documents are set in (for the closing line of a test or a log).
pub fn family() -> &'static str {
    fonts().family
}

/// The faces, chosen and parsed on first use. A broken bundled font file is a build defect.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let (faces, family) = match times_new_roman() {
            Some(f) => (f, "Times New Roman"),
            None => (
                PACKED
                    .iter()
                    .map(|b| {
                        ParsedFont::from_bytes(&bundled(b), 0, &mut Vec::new())
                            .expect("phông chữ có sẵn hợp lệ")
                    })
                    .collect(),
                "Liberation Serif",
            ),
        };
        let upem = |i: usize| f32::from(faces[i].font_metrics.units_per_em.max(1));
        Fonts {
            units_per_em: [upem(0), upem(1), upem(2), upem(3)],
            family,
            faces,
            widths: Mutex::new(HashMap::new()),
        }
    })
}

impl Fonts {
    /// Width of `text` in points at `size`.
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let i = face.index();
        let mut cache = self.widths.lock().unwrap_or_else(|e| e.into_inner());
        let mut em = 0.0;
        for c in text.chars() {
            em += *cache.entry((i, c)).or_insert_with(|| {
                let font = &self.faces[i];
                let gid = font.lookup_glyph_index(c as u32).unwrap_or(0);
                f32::from(font.get_horizontal_advance(gid)) / self.units_per_em[i]
            });
        }
        em * size
    }

    /// Height above the baseline of the face's line box, in ems (hhea ascender).
    pub fn ascent(&self, face: Face) -> f32 {
        let i = face.index();
        self.faces[i].font_metrics.ascent / self.units_per_em[i]
    }

    /// Whether every character has a glyph in the face (else it would print as a box).
    pub fn covers(&self, face: Face, text: &str) -> bool {
        let font = &self.faces[face.index()];
        text.chars()
            .all(|c| c.is_whitespace() || font.lookup_glyph_index(c as u32).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What build.rs stores inflates to the asset files, byte for byte.
    #[test]
    fn the_bundled_faces_are_the_asset_files() {
        let files: [&[u8]; 4] = [
            include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
            include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
            include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
            include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
        ];
        for (packed, file) in PACKED.iter().zip(files) {
            assert!(packed.len() < file.len() * 2 / 3, "nén được");
            assert_eq!(bundled(packed), file);
        }
    }

    #[test]
    fn faces_cover_vietnamese_and_have_times_metrics() {
        let f = fonts();
        for face in [
            Face::REGULAR,
            Face::BOLD,
            Face::ITALIC,
            Face {
                bold: true,
                italic: true,
            },
        ] {
            assert!(f.covers(face, "Đảng ủy phường Phổ Hòa: ể ặ Ở ữ ỹ Ỵ ự ằ"));
        }
        // Times New Roman: "M" is 0.889 em, a space 0.25 em.
        assert!((f.width(Face::REGULAR, "M", 10.0) - 8.89).abs() < 0.01);
        assert!((f.width(Face::REGULAR, " ", 14.0) - 3.5).abs() < 0.01);
        assert!(f.width(Face::BOLD, "Đảng", 14.0) > f.width(Face::REGULAR, "Đảng", 14.0));
    }
}
