//! Printing as a clerk's office suite does: LibreOffice headless turns workbooks and Word files
//! into PDF, poppler gives each word's box, and words printed over other words are counted.

/// Runs LibreOffice headless to print workbooks (or Word files) to PDF, as a clerk's office suite
/// would; returns the PDFs.
pub fn libreoffice_pdf(
    files: &[std::path::PathBuf],
    out: &std::path::Path,
) -> Vec<std::path::PathBuf> {
    let profile = tempfile::tempdir().unwrap();
    let o = std::process::Command::new("soffice")
        .arg("--headless")
        .arg("--norestore")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (libreoffice-calc-nogui) is needed: {e}"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    files
        .iter()
        .map(|f| out.join(f.with_extension("pdf").file_name().unwrap()))
        .inspect(|p| assert!(p.is_file(), "LibreOffice made no {}", p.display()))
        .collect()
}

/// A printed page: its size in points and its words with their boxes [x0, y0, x1, y1].
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub words: Vec<([f32; 4], String)>,
}

/// Word boxes per page from poppler (`pdftotext -bbox`).
pub fn word_boxes(pdf: &std::path::Path) -> Vec<Page> {
    let o = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8(o.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let k = format!("{name}=\"");
        let i = tag.find(&k).unwrap() + k.len();
        tag[i..tag[i..].find('"').unwrap() + i].parse().unwrap()
    };
    let mut pages = Vec::new();
    for page in html.split("<page ").skip(1) {
        let head = &page[..page.find('>').unwrap()];
        let mut words = Vec::new();
        for w in page.split("<word ").skip(1) {
            let end = w.find('>').unwrap();
            let tag = &w[..end];
            let text = &w[end + 1..w.find("</word>").unwrap()];
            words.push((
                [
                    attr(tag, "xMin"),
                    attr(tag, "yMin"),
                    attr(tag, "xMax"),
                    attr(tag, "yMax"),
                ],
                text.to_string(),
            ));
        }
        pages.push(Page {
            width: attr(head, "width"),
            height: attr(head, "height"),
            words,
        });
    }
    pages
}

/// Pairs of words printed over each other (boxes overlapping by more than a hair).
pub fn overprinted(pages: &[Page]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let words = &page.words;
        for (i, (a, ta)) in words.iter().enumerate() {
            for (b, tb) in &words[i + 1..] {
                let ix = a[2].min(b[2]) - a[0].max(b[0]);
                let iy = a[3].min(b[3]) - a[1].max(b[1]);
                if ix > 0.5 && iy > 2.0 {
                    out.push(format!("trang {}: “{ta}” đè “{tb}”", n + 1));
                }
            }
        }
    }
    out
}
