//! Paragraphs (the document model's, see `document`): runs of text in one of the four faces
//! (optionally underlined), broken into lines from the real glyph widths, aligned left, centre,
//! right or justified, with a first-line indent.

use super::fonts::{fonts, Face};

pub use crate::document::{Align, Paragraph as Para, Run};

/// The face a run is set in.
pub fn face(r: &Run) -> Face {
    Face {
        bold: r.bold,
        italic: r.italic,
    }
}

/// A piece of a word in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Seg {
    pub text: String,
    pub face: Face,
    pub underline: bool,
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Word {
    segs: Vec<Seg>,
    width: f32,
    /// Width of the space after it, in the face of its last piece.
    space: f32,
    /// A line break follows ("\n" in the text).
    hard_break: bool,
}

/// A laid-out line: pieces with their x offsets from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub pieces: Vec<(f32, Seg)>,
    pub width: f32,
}

fn words(runs: &[Run], size: f32) -> Vec<Word> {
    let f = fonts();
    let mut out = Vec::new();
    let mut cur = Word::default();
    let push_char = |cur: &mut Word, c: char, run: &Run| match cur.segs.last_mut() {
        Some(s) if s.face == face(run) && s.underline == run.underline => s.text.push(c),
        _ => cur.segs.push(Seg {
            text: c.to_string(),
            face: face(run),
            underline: run.underline,
            width: 0.0,
        }),
    };
    for run in runs {
        for c in run.text.chars() {
            match c {
                ' ' | '\t' | '\n' => {
                    if !cur.segs.is_empty() {
                        cur.space = f.width(face(run), " ", size);
                        out.push(std::mem::take(&mut cur));
                    }
                    if c == '\n' {
                        match out.last_mut() {
                            Some(w) => w.hard_break = true,
                            None => out.push(Word {
                                hard_break: true,
                                ..Word::default()
                            }),
                        }
                    }
                }
                c => push_char(&mut cur, c, run),
            }
        }
    }
    if !cur.segs.is_empty() {
        cur.space = f.width(cur.segs[0].face, " ", size);
        out.push(cur);
    }
    for w in &mut out {
        for s in &mut w.segs {
            s.width = f.width(s.face, &s.text, size);
        }
        w.width = w.segs.iter().map(|s| s.width).sum();
    }
    out
}

/// Splits a word wider than a line into pieces that fit (long names in narrow columns).
fn split_word(w: Word, avail: f32, size: f32) -> Vec<Word> {
    let f = fonts();
    let mut out = Vec::new();
    let mut cur = Word::default();
    for seg in w.segs {
        for c in seg.text.chars() {
            let cw = f.width(seg.face, c.encode_utf8(&mut [0; 4]), size);
            if cur.width + cw > avail && !cur.segs.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            match cur.segs.last_mut() {
                Some(s) if s.face == seg.face && s.underline == seg.underline => {
                    s.text.push(c);
                    s.width += cw;
                }
                _ => cur.segs.push(Seg {
                    text: c.to_string(),
                    face: seg.face,
                    underline: seg.underline,
                    width: cw,
                }),
            }
            cur.width += cw;
        }
    }
    cur.space = w.space;
    cur.hard_break = w.hard_break;
    out.push(cur);
    out
}

/// Breaks a paragraph into lines no wider than `width` and places the pieces.
pub fn lay_out(p: &Para, width: f32) -> Vec<Line> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let mut cur_w = 0.0f32;
    let avail = |first: bool| (width - if first { p.first_indent } else { 0.0 }).max(1.0);
    let mut queue: std::collections::VecDeque<Word> = words(&p.runs, p.size).into();
    while let Some(w) = queue.pop_front() {
        let room = avail(lines.is_empty());
        if w.width > room && !w.segs.is_empty() {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0.0;
            }
            let room = avail(lines.is_empty());
            if w.width > room {
                for piece in split_word(w, room, p.size).into_iter().rev() {
                    queue.push_front(piece);
                }
                // The first piece fills a line of its own; the rest go round again.
                cur.push(queue.pop_front().unwrap_or_default());
                lines.push(std::mem::take(&mut cur));
                continue;
            }
        }
        let gap = cur.last().map(|l: &Word| l.space).unwrap_or(0.0);
        if !cur.is_empty() && cur_w + gap + w.width > room {
            lines.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
        let gap = cur.last().map(|l: &Word| l.space).unwrap_or(0.0);
        cur_w += if cur.is_empty() { 0.0 } else { gap } + w.width;
        let hard = w.hard_break;
        cur.push(w);
        if hard {
            lines.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, ws)| {
            let first = i == 0;
            let last = i + 1 == n || ws.last().is_some_and(|w| w.hard_break);
            place(
                p,
                ws,
                avail(first),
                if first { p.first_indent } else { 0.0 },
                last,
            )
        })
        .collect()
}

fn place(p: &Para, ws: Vec<Word>, room: f32, indent: f32, last: bool) -> Line {
    let natural: f32 = ws.iter().map(|w| w.width).sum::<f32>()
        + ws.iter().rev().skip(1).map(|w| w.space).sum::<f32>();
    let gaps = ws.len().saturating_sub(1) as f32;
    let (start, extra) = match p.align {
        Align::Left => (0.0, 0.0),
        Align::Center => ((room - natural) / 2.0, 0.0),
        Align::Right => (room - natural, 0.0),
        Align::Justify if !last && gaps > 0.0 => (0.0, (room - natural).max(0.0) / gaps),
        Align::Justify => (0.0, 0.0),
    };
    let mut x = indent + start.max(0.0);
    let mut pieces: Vec<(f32, Seg)> = Vec::new();
    let n = ws.len();
    // Words of one face on a line that is not stretched become one piece, spaces included, so
    // the PDF draws them with one operator.
    let mut glue = false;
    for (i, w) in ws.into_iter().enumerate() {
        let space = w.space;
        for s in w.segs {
            let wd = s.width;
            match pieces.last_mut() {
                Some((_, last))
                    if glue
                        && extra == 0.0
                        && last.face == s.face
                        && last.underline == s.underline =>
                {
                    last.text.push(' ');
                    last.text.push_str(&s.text);
                    last.width += space + wd;
                }
                _ => pieces.push((x, s)),
            }
            glue = false;
            x += wd;
        }
        if i + 1 < n {
            x += space + extra;
            glue = true;
        }
    }
    Line {
        width: if extra > 0.0 { room } else { natural },
        pieces,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_justifies_and_splits_long_words() {
        let text = "Căn cứ Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ, Ban Thường vụ Đảng ủy phường kính trình.";
        let p = Para::new(vec![Run::plain(text)], 14.0)
            .align(Align::Justify)
            .indent(28.35);
        let lines = lay_out(&p, 300.0);
        assert!(lines.len() >= 3);
        for (i, l) in lines.iter().enumerate() {
            let end = l.pieces.last().map(|(x, s)| x + s.width).unwrap();
            assert!(end <= 300.0 + 0.01, "line {i} ends at {end}");
            if i + 1 < lines.len() {
                assert!(
                    (end - 300.0).abs() < 0.01,
                    "justified line {i} ends at {end}"
                );
            }
        }
        assert!(
            (lines[0].pieces[0].0 - 28.35).abs() < 0.01,
            "first-line indent"
        );
        // Text is kept whole: the words, in order, give back the paragraph.
        let back: Vec<String> = lines
            .iter()
            .flat_map(|l| l.pieces.iter().map(|(_, s)| s.text.clone()))
            .collect();
        assert_eq!(back.join(" "), text);
        // A word wider than the column is split by characters.
        let long = Para::new(
            vec![Run::bold("Nguyễn-Trần-Phạm-Hoàng-Thị-Ngọc-Ánh-Dương")],
            12.0,
        );
        let lines = lay_out(&long, 60.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 60.0 + 0.01));
    }

    #[test]
    fn runs_keep_their_faces_and_hard_breaks() {
        let p = Para::new(vec![Run::plain("T/M "), Run::bold("ĐẢNG ỦY\nBÍ THƯ")], 14.0)
            .align(Align::Center);
        let lines = lay_out(&p, 400.0);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].pieces[0].1.face, Face::REGULAR);
        assert_eq!(lines[0].pieces[1].1.face, Face::BOLD);
        // Words of one face on an unstretched line are drawn as one piece.
        assert_eq!(lines[1].pieces[0].1.text, "BÍ THƯ");
    }
}
