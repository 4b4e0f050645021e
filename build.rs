//! The four bundled font faces are stored compressed in both exes (issue 26 §2: 1.5 MB of
//! TrueType, 0.83 MB deflated; the window and the command line each carry them). Inflated once,
//! on the first document set in them (src/pdf/fonts.rs).

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for face in ["Regular", "Bold", "Italic", "BoldItalic"] {
        let src = format!("assets/fonts/LiberationSerif-{face}.ttf");
        println!("cargo:rerun-if-changed={src}");
        let bytes = std::fs::read(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 10);
        std::fs::write(
            out.join(format!("LiberationSerif-{face}.ttf.deflate")),
            packed,
        )
        .expect("OUT_DIR writable");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
