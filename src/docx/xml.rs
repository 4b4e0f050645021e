//! A small writer of WordprocessingML on quick-xml: elements with attributes, text escaped by
//! quick-xml. Writing into memory cannot fail; the first error, if any, is kept and reported
//! when the part is finished.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

pub struct Xml {
    w: Writer<Vec<u8>>,
    err: Option<std::io::Error>,
}

impl Xml {
    /// A part starting with its XML declaration.
    pub fn new() -> Xml {
        let mut x = Xml {
            w: Writer::new(Vec::with_capacity(64 * 1024)),
            err: None,
        };
        x.ev(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        x
    }

    fn ev(&mut self, e: Event) {
        if let Err(e) = self.w.write_event(e) {
            self.err.get_or_insert(e);
        }
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.ev(Event::Start(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ));
    }

    pub fn close(&mut self, name: &str) {
        self.ev(Event::End(BytesEnd::new(name)));
    }

    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.ev(Event::Empty(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ));
    }

    /// `<name w:val="…"/>`.
    pub fn val(&mut self, name: &str, value: &str) {
        self.empty(name, &[("w:val", value)]);
    }

    /// An element holding text (escaped), spaces kept.
    pub fn text(&mut self, name: &str, text: &str) {
        self.open(name, &[("xml:space", "preserve")]);
        self.ev(Event::Text(BytesText::new(text)));
        self.close(name);
    }

    /// An element holding text, no attributes.
    pub fn plain(&mut self, name: &str, text: &str) {
        self.open(name, &[]);
        self.ev(Event::Text(BytesText::new(text)));
        self.close(name);
    }

    pub fn finish(self) -> std::io::Result<Vec<u8>> {
        match self.err {
            Some(e) => Err(e),
            None => Ok(self.w.into_inner()),
        }
    }
}

/// Points to twentieths of a point (Word's "twips").
pub fn twips(pt: f32) -> String {
    ((pt * 20.0).round() as i64).to_string()
}

/// Points to half-points (Word's font sizes).
pub fn half_points(pt: f32) -> String {
    ((pt * 2.0).round() as i64).to_string()
}
