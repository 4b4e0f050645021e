//! The four faces of Liberation Serif (Times New Roman metrics, every Vietnamese letter), embedded
//! in the binary, parsed once, and measured from their own advance widths.

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

const BYTES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

pub struct Fonts {
    pub faces: Vec<ParsedFont>,
    units_per_em: [f32; 4],
    /// Advance of each character, in ems, per face (filled as text is measured).
    widths: Mutex<HashMap<(usize, char), f32>>,
}

/// The shipped faces, parsed on first use. A broken font file is a build defect.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let faces: Vec<ParsedFont> = BYTES
            .iter()
            .map(|b| {
                ParsedFont::from_bytes(b, 0, &mut Vec::new()).expect("phông chữ có sẵn hợp lệ")
            })
            .collect();
        let upem = |i: usize| f32::from(faces[i].font_metrics.units_per_em.max(1));
        Fonts {
            units_per_em: [upem(0), upem(1), upem(2), upem(3)],
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
