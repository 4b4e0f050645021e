//! Detection and conversion of Vietnamese text typed in the legacy 8-bit encodings TCVN3 (ABC)
//! and VNI-Windows, as an Excel reader returns it (bytes read as Windows-1252), to NFC Unicode.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese encoding found in a spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the "ABC" fonts (`.VnTime`, `.VnTimeH`): one byte per letter.
    Tcvn3,
    /// VNI-Windows (VNI-Times): a base letter followed by a separate mark byte.
    Vni,
}

impl Legacy {
    /// The name shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Legacy::Vni => "VNI (VNI-Times)",
        }
    }
}

/// TCVN3 bytes 0xA1..=0xFE (read as Latin-1) to Unicode, '\0' where VN3 has no letter. Toned
/// capitals share the lower-case codes (the `.VnTimeH` fonts draw them upper case), so only
/// Ă Â Ê Ô Ơ Ư Đ are capitals. Source: `UniKey`'s vnconv `SingleByteTables` (fcitx/fcitx5-unikey
/// unikey/data.cpp); checked against cmpitg/bogoengine src/charset.hpp and glibc TCVN5712-1.
#[rustfmt::skip]
const TCVN3: [char; 94] = [
    'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', '\0', '\0', // A1..B0
    '\0', '\0', '\0', '\0', 'à', 'ả', 'ã', 'á', 'ạ', '\0', 'ằ', 'ẳ', 'ẵ', 'ắ', '\0', '\0', // B1..C0
    '\0', '\0', '\0', '\0', '\0', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', '\0', 'ẻ', 'ẽ', 'é', // C1..D0
    'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\0', '\0', '\0', 'ĩ', 'í', 'ị', 'ò', '\0', // D1..E0
    'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', '\0', // E1..F0
    'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', // F1..FE
];

/// TCVN3 letters that VNI never produces and Unicode Vietnamese never contains.
const TCVN3_ONLY: &str = "¡¢£¤¥¦§¨©ª«¬\u{ad}®µ¶·¸¹»¼½¾ÇÐ×Þßç÷þ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Tone,
    Hat,
    Breve,
}

/// VNI-Windows mark bytes (lower-case form, upper-case form), what they add to the base letter
/// and the combining marks for it. Source: `UniKey`'s `DoubleByteTables` (fcitx/fcitx5-unikey
/// unikey/data.cpp); checked against duydev/vietnamese-conversion src/charsets.ts and
/// khiemdoan/VBKey Modules/mdlCodeTable.bas.
#[rustfmt::skip]
const VNI_MARKS: [(char, char, Mark, &str); 17] = [
    ('ù', 'Ù', Mark::Tone, "\u{301}"), ('ø', 'Ø', Mark::Tone, "\u{300}"),
    ('û', 'Û', Mark::Tone, "\u{309}"), ('õ', 'Õ', Mark::Tone, "\u{303}"),
    ('ï', 'Ï', Mark::Tone, "\u{323}"),
    ('â', 'Â', Mark::Hat, "\u{302}"), ('á', 'Á', Mark::Hat, "\u{302}\u{301}"),
    ('à', 'À', Mark::Hat, "\u{302}\u{300}"), ('å', 'Å', Mark::Hat, "\u{302}\u{309}"),
    ('ã', 'Ã', Mark::Hat, "\u{302}\u{303}"), ('ä', 'Ä', Mark::Hat, "\u{302}\u{323}"),
    ('ê', 'Ê', Mark::Breve, "\u{306}"), ('é', 'É', Mark::Breve, "\u{306}\u{301}"),
    ('è', 'È', Mark::Breve, "\u{306}\u{300}"), ('ú', 'Ú', Mark::Breve, "\u{306}\u{309}"),
    ('ü', 'Ü', Mark::Breve, "\u{306}\u{303}"), ('ë', 'Ë', Mark::Breve, "\u{306}\u{323}"),
];

/// VNI single bytes that are letters of their own (Í í Ì ì are the same in Unicode).
#[rustfmt::skip]
const VNI_SINGLE: [(char, char); 14] = [
    ('Ñ', 'Đ'), ('ñ', 'đ'), ('Ô', 'Ơ'), ('ô', 'ơ'), ('Ö', 'Ư'), ('ö', 'ư'), ('Æ', 'Ỉ'),
    ('æ', 'ỉ'), ('Ó', 'Ĩ'), ('ó', 'ĩ'), ('Ò', 'Ị'), ('ò', 'ị'), ('Î', 'Ỵ'), ('î', 'ỵ'),
];

/// Windows-1252 for bytes 0x80..=0x9F: punctuation in both encodings. Some readers leave these
/// bytes as C1 control characters; they are given their Windows-1252 meaning back.
#[rustfmt::skip]
const CP1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Onsets, finals and vowel groups of Vietnamese syllables, written without diacritics.
const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];
/// Vowel groups that may take a final consonant (and may end a syllable too).
const CLOSED: [&str; 16] = [
    "a", "e", "i", "o", "u", "y", "ie", "ye", "uo", "ua", "oa", "oe", "ue", "uy", "uye", "oo",
];
/// Vowel groups that end a syllable.
const OPEN: [&str; 21] = [
    "ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oi", "ua", "ui", "uu", "oai", "oay", "oeo",
    "uoi", "uou", "uya", "uyu", "ieu", "yeu",
];

/// Evidence needed before a sheet is called legacy: at least this many characteristic
/// characters, and at least this percentage of all letters.
const MIN_EVIDENCE: usize = 2;
const MIN_PERCENT: usize = 1;

/// Guess the encoding of a set of text samples (all text cells of a sheet). None when the text
/// looks like Unicode Vietnamese or plain ASCII.
///
/// Evidence for TCVN3 is letters only TCVN3 uses (¨ © ª « ¬ ® µ ¸ …); for VNI, a vowel followed by
/// a VNI mark of the same case ("eã", "aø", "UÙ"), leaving out o + à/á/ã ("Hoàng", "Toán").
/// A word counts only if it converts to one Vietnamese syllable under that encoding and not
/// under the other, so "Raphaël", "naïve" or "Straße" are no evidence. The winner must have
/// twice the other's evidence and more than the Unicode-only letters (ă ơ ư đ, U+1EA0..U+1EF9).
pub fn detect<'a>(samples: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    let mut evidence = Evidence::default();
    let mut buf = String::new();
    for sample in samples {
        for word in sample.split(|c: char| !is_word(c)) {
            evidence.add_word(word, &mut buf);
        }
    }
    evidence.verdict()
}

/// Convert one string; output is NFC. TCVN3 toned letters come out lower case unless their
/// word (or, for words without cased letters of their own, the whole string) is upper case.
/// A string that already has letters only Unicode has (ă ơ ư đ, ạ ả ấ …) is only normalised.
pub fn convert(s: &str, enc: Legacy) -> String {
    if s.chars().any(is_unicode_vietnamese) {
        return s.nfc().collect();
    }
    let mut out = String::with_capacity(s.len() + 8);
    match enc {
        Legacy::Tcvn3 => push_tcvn3(s, &mut out),
        Legacy::Vni => push_vni(s, &mut out),
    }
    out.nfc().collect()
}

#[derive(Debug, Default)]
struct Evidence {
    letters: usize,
    unicode: usize,
    tcvn3: usize,
    vni: usize,
}

impl Evidence {
    fn add_word(&mut self, word: &str, buf: &mut String) {
        let (mut tcvn3_only, mut vni_pairs, mut len) = (0, 0, 0);
        let mut prev = None;
        for c in word.chars() {
            len += 1;
            self.letters += usize::from(c.is_alphabetic());
            self.unicode += usize::from(is_unicode_vietnamese(c));
            tcvn3_only += usize::from(TCVN3_ONLY.contains(c));
            vni_pairs += usize::from(prev.is_some_and(|p| vni_pair(p, c)));
            prev = Some(c);
        }
        if tcvn3_only == 0 && vni_pairs == 0 {
            return;
        }
        buf.clear();
        buf.extend(word.chars().map(|c| tcvn3(c).unwrap_or(c)));
        let as_tcvn3 = len >= 2 && is_syllable(buf);
        buf.clear();
        push_vni(word, buf);
        let as_vni = is_syllable(buf);
        if as_tcvn3 && !as_vni {
            self.tcvn3 += tcvn3_only;
        }
        if as_vni && !as_tcvn3 {
            self.vni += vni_pairs;
        }
    }

    fn verdict(&self) -> Option<Legacy> {
        let decisive = |score: usize, other: usize| {
            score >= MIN_EVIDENCE
                && score > 2 * other
                && score * 100 >= self.letters * MIN_PERCENT
                && score > self.unicode
        };
        [
            (Legacy::Tcvn3, self.tcvn3, self.vni),
            (Legacy::Vni, self.vni, self.tcvn3),
        ]
        .into_iter()
        .find_map(|(enc, score, other)| decisive(score, other).then_some(enc))
    }
}

fn tcvn3(c: char) -> Option<char> {
    match c {
        '\u{A1}'..='\u{FE}' => Some(TCVN3[c as usize - 0xA1]).filter(|&v| v != '\0'),
        _ => None,
    }
}

fn cp1252(c: char) -> char {
    match c {
        '\u{80}'..='\u{9F}' => CP1252_C1[c as usize - 0x80],
        _ => c,
    }
}

fn is_word(c: char) -> bool {
    c.is_alphabetic() || tcvn3(c).is_some()
}

fn is_unicode_vietnamese(c: char) -> bool {
    ('\u{1EA0}'..='\u{1EF9}').contains(&c) || "ăĂđĐơƠưƯĩĨũŨ".contains(c)
}

/// Upper-case letters of `s` and whether it has a lower-case one; ambiguous TCVN3 letters (all
/// but the capitals Ă Â Ê Ô Ơ Ư Đ) are not counted.
fn case_hint(s: &str) -> (usize, bool) {
    s.chars()
        .fold((0, false), |(upper, lower), c| match tcvn3(c) {
            Some(v) => (upper + usize::from(v.is_uppercase()), lower),
            None => (
                upper + usize::from(c.is_uppercase()),
                lower || c.is_lowercase(),
            ),
        })
}

fn push_tcvn3(s: &str, out: &mut String) {
    let (upper, lower) = case_hint(s);
    let all_caps = upper >= 2 && !lower;
    for piece in s.split_inclusive(|c: char| !is_word(c)) {
        let caps = match case_hint(piece) {
            (_, true) => false,
            (upper, false) if upper >= 2 => true,
            _ => all_caps,
        };
        for c in piece.chars() {
            match tcvn3(c) {
                Some(v) if caps => out.extend(v.to_uppercase()),
                Some(v) => out.push(v),
                None => out.push(cp1252(c)),
            }
        }
    }
}

/// A VNI mark: its kind, its combining marks, and whether it is the upper-case form.
fn vni_mark(c: char) -> Option<(Mark, &'static str, bool)> {
    VNI_MARKS.iter().find_map(|&(lower, upper, kind, marks)| {
        (c == lower || c == upper).then_some((kind, marks, c == upper))
    })
}

/// A VNI base letter: its plain letter, whether it has a horn (VNI's ô/ö are ơ/ư), and the
/// kinds of mark it takes.
fn vni_base(c: char) -> Option<(char, bool, &'static [Mark])> {
    const TONE: &[Mark] = &[Mark::Tone];
    const HAT: &[Mark] = &[Mark::Tone, Mark::Hat];
    const ALL: &[Mark] = &[Mark::Tone, Mark::Hat, Mark::Breve];
    Some(match c {
        'a' | 'A' => (c, false, ALL),
        'e' | 'E' | 'o' | 'O' => (c, false, HAT),
        'u' | 'U' | 'y' | 'Y' => (c, false, TONE),
        'ô' => ('o', true, TONE),
        'Ô' => ('O', true, TONE),
        'ö' => ('u', true, TONE),
        'Ö' => ('U', true, TONE),
        _ => return None,
    })
}

/// Whether `base` followed by `mark` is VNI as typed (same case); o + à/á/ã is left out because
/// Unicode Vietnamese has it too ("Hoàng", "Toán", "Doãn").
fn vni_pair(base: char, mark: char) -> bool {
    let (Some((_, _, takes)), Some((kind, _, upper))) = (vni_base(base), vni_mark(mark)) else {
        return false;
    };
    takes.contains(&kind)
        && base.is_uppercase() == upper
        && !(matches!(base, 'o' | 'O') && matches!(mark, 'à' | 'á' | 'ã' | 'À' | 'Á' | 'Ã'))
}

/// Appends VNI text as Unicode with combining marks (not yet NFC).
fn push_vni(s: &str, out: &mut String) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let joined = vni_base(c).and_then(|(base, horn, takes)| {
            let (kind, marks, _) = chars.peek().and_then(|&m| vni_mark(m))?;
            takes.contains(&kind).then_some((base, horn, marks))
        });
        match joined {
            Some((base, horn, marks)) => {
                out.push(base);
                if horn {
                    out.push('\u{31B}');
                }
                out.push_str(marks);
                chars.next();
            }
            None => out.push(vni_single(c)),
        }
    }
}

fn vni_single(c: char) -> char {
    VNI_SINGLE
        .iter()
        .find(|p| p.0 == c)
        .map_or_else(|| cp1252(c), |p| p.1)
}

/// Whether `word` (Unicode, composed or not) has the shape of one Vietnamese syllable.
fn is_syllable(word: &str) -> bool {
    let mut folded = [0u8; 8];
    let mut len = 0;
    let is_mark = |c: &char| ('\u{300}'..='\u{36F}').contains(c);
    for c in word.chars().filter(|c| !is_mark(c)) {
        let base = if matches!(c, 'đ' | 'Đ') {
            'd'
        } else {
            let mut first = None;
            decompose_canonical(c, |d| {
                first.get_or_insert(d);
            });
            first.unwrap_or(c)
        };
        match (u8::try_from(base.to_ascii_lowercase()), folded.get_mut(len)) {
            (Ok(b @ b'a'..=b'z'), Some(slot)) => *slot = b,
            _ => return false,
        }
        len += 1;
    }
    let folded = &folded[..len];
    ONSETS
        .iter()
        .filter_map(|o| folded.strip_prefix(o.as_bytes()))
        .any(|rest| {
            let vowels = rest.iter().take_while(|&&b| b"aeiouy".contains(&b)).count();
            let (group, last) = rest.split_at(vowels);
            if last.is_empty() {
                listed(&CLOSED, group) || listed(&OPEN, group)
            } else {
                listed(&FINALS, last) && listed(&CLOSED, group)
            }
        })
}

fn listed(list: &[&str], part: &[u8]) -> bool {
    list.iter().any(|v| v.as_bytes() == part)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Legacy strings were made by encoding the Unicode with the tables above (python3); the pairs
    // marked "duydev" are quoted in duydev/vietnamese-conversion tests/helpers/test-data.ts.
    const LOWER: &str = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

    fn check(enc: Legacy, cases: &[(&str, &str)]) {
        for &(legacy, unicode) in cases {
            let out = convert(legacy, enc);
            assert_eq!(out, unicode, "{legacy}");
            assert!(unicode_normalization::is_nfc(&out));
        }
    }

    #[test]
    #[rustfmt::skip]
    fn converts_tcvn3() {
        check(Legacy::Tcvn3, &[
            ("µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u{ad}õøö÷ùúýûüþ", LOWER),
            ("¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ"),
            ("Xin chµo c¸c b¹n", "Xin chào các bạn"), // duydev
            ("T«i ®i häc", "Tôi đi học"), // duydev
            ("NguyÔn ThÞ Hoa", "Nguyễn Thị Hoa"),
            ("NguyÔn V¨n Hïng", "Nguyễn Văn Hùng"),
            ("§¶ng ñy", "Đảng ủy"),
            ("§Æng H÷u ThÓ", "Đặng Hữu Thể"),
            ("Tr\u{ad}¬ng Mü Dung", "Trương Mỹ Dung"),
            ("Phã BÝ th\u{ad} §¶ng ñy ph\u{ad}êng", "Phó Bí thư Đảng ủy phường"),
            ("Quª ë Thõa Thiªn HuÕ", "Quê ở Thừa Thiên Huế"),
            ("Uû viªn Ban Th\u{ad}êng vô", "Uỷ viên Ban Thường vụ"),
            ("§ç ThÞ Kim H¹nh", "Đỗ Thị Kim Hạnh"),
            // A toned capital cannot be told from lower case in mixed-case text.
            ("Lª ThÞ ¸nh TuyÕt", "Lê Thị ánh Tuyết"),
            // Upper-case words take upper case (.VnTimeH typed with capital ASCII letters).
            ("TR¦ëNG BAN Tæ CHøC", "TRƯỞNG BAN TỔ CHỨC"),
            ("NGUYÔN V¡N HïNG", "NGUYỄN VĂN HÙNG"),
            ("nguyÔn v¨n hïng", "nguyễn văn hùng"),
            ("Gi¸m ®èc \u{96} 2020", "Giám đốc – 2020"),
            ("Họ và tên: Nguyễn Văn Hùng", "Họ và tên: Nguyễn Văn Hùng"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn converts_vni() {
        let upper = "AØAÙAÛAÕAÏAÊAÈAÉAÚAÜAËAÂAÀAÁAÅAÃAÄÑEØEÙEÛEÕEÏEÂEÀEÁEÅEÃEÄÌÍÆÓÒOØOÙOÛOÕOÏOÂOÀOÁOÅOÃOÄÔÔØÔÙÔÛÔÕÔÏUØUÙUÛUÕUÏÖÖØÖÙÖÛÖÕÖÏYØYÙYÛYÕÎ";
        assert_eq!(convert(upper, Legacy::Vni), LOWER.to_uppercase());
        check(Legacy::Vni, &[
            ("aøaùaûaõaïaêaèaéaúaüaëaâaàaáaåaãaäñeøeùeûeõeïeâeàeáeåeãeäìíæóòoøoùoûoõoïoâoàoáoåoãoäôôøôùôûôõôïuøuùuûuõuïööøöùöûöõöïyøyùyûyõî", LOWER),
            ("Xin chaøo caùc baïn", "Xin chào các bạn"), // duydev
            ("Toâi ñi hoïc", "Tôi đi học"), // duydev
            ("Nguyeãn Vaên Huøng", "Nguyễn Văn Hùng"),
            ("Ñaûng uûy", "Đảng ủy"),
            ("Ñaëng Höõu Theå", "Đặng Hữu Thể"),
            ("Tröôûng ban Toå chöùc", "Trưởng ban Tổ chức"),
            ("TRÖÔÛNG BAN TOÅ CHÖÙC", "TRƯỞNG BAN TỔ CHỨC"),
            ("Queâ ôû Thöøa Thieân Hueá", "Quê ở Thừa Thiên Huế"),
            ("Leâ Thò AÙnh Tuyeát", "Lê Thị Ánh Tuyết"),
            ("Huyønh Ngoïc Só", "Huỳnh Ngọc Sĩ"),
            ("Tröông Myõ Dung", "Trương Mỹ Dung"),
            ("Uyû vieân \u{93}Ban Thöôøng vuï\u{94}", "Uỷ viên “Ban Thường vụ”"),
        ]);
    }

    #[rustfmt::skip]
    const TCVN3_SHEET: [&str; 12] = [
        "Hä vµ tªn", "NguyÔn ThÞ Hoa", "§Æng H÷u ThÓ", "Bïi Quèc ViÖt", "Hoµng V¨n L÷",
        "Ph¹m ThÞ Thuû", "Phã BÝ th\u{ad} §¶ng ñy", "Uû viªn Ban Th\u{ad}êng vô", "Nam", "N÷",
        "Kinh", "§¹i häc",
    ];
    #[rustfmt::skip]
    const VNI_SHEET: [&str; 12] = [
        "Hoï vaø teân", "Nguyeãn Thò Hoa", "Ñaëng Höõu Theå", "Buøi Quoác Vieät", "Hoaøng Vaên Löõ",
        "Phaïm Thò Thuyû", "Phoù Bí thö Ñaûng uûy", "Uyû vieân Ban Thöôøng vuï", "Nam", "Nöõ",
        "Kinh", "Ñaïi hoïc",
    ];
    #[rustfmt::skip]
    const UNICODE_SHEET: [&str; 12] = [
        "Họ và tên", "Nguyễn Thị Hoa", "Đặng Hữu Thể", "Bùi Quốc Việt", "Hoàng Văn Lữ",
        "Phạm Thị Thuỷ", "Phó Bí thư Đảng ủy", "Đoàn Thị Hoà, Doãn Văn Toán", "Nam", "Nữ",
        "Kinh", "Đại học",
    ];
    #[rustfmt::skip]
    const FOREIGN: [&str; 15] = [
        "Café Müller", "résumé", "naïve", "Raphaël Noël", "Israël", "Raúl", "Saúl", "Schröder",
        "Jürgen Groß", "Straße", "François", "Garçon", "Peña", "© 2020 Công ty", "½ ngày · § 3",
    ];

    #[test]
    fn detects_legacy_sheets() {
        assert_eq!(detect(TCVN3_SHEET), Some(Legacy::Tcvn3));
        assert_eq!(detect(VNI_SHEET), Some(Legacy::Vni));
        let tcvn3_caps = [
            "Hä Vµ T£N",
            "NGUYÔN THÞ HOA",
            "§ÆNG H÷U THÓ",
            "HOµNG V¡N L÷",
        ];
        assert_eq!(detect(tcvn3_caps), Some(Legacy::Tcvn3));
        let vni_caps = VNI_SHEET.map(str::to_uppercase);
        assert_eq!(
            detect(vni_caps.iter().map(String::as_str)),
            Some(Legacy::Vni)
        );
        let with_unicode_header = UNICODE_SHEET[..1].iter().copied().chain(TCVN3_SHEET);
        assert_eq!(detect(with_unicode_header), Some(Legacy::Tcvn3));
    }

    #[test]
    fn leaves_unicode_and_foreign_text_alone() {
        assert_eq!(detect(UNICODE_SHEET), None);
        let caps = UNICODE_SHEET.map(str::to_uppercase);
        assert_eq!(detect(caps.iter().map(String::as_str)), None);
        let nfd = UNICODE_SHEET.map(|s| s.nfd().collect::<String>());
        assert_eq!(detect(nfd.iter().map(String::as_str)), None);
        assert_eq!(
            detect(["STT", "Full name", "John Smith", "CB001", "2020-01-01", ""]),
            None
        );
        assert_eq!(detect(FOREIGN), None);
        assert_eq!(detect(std::iter::empty()), None);
    }

    #[test]
    fn recognises_syllables() {
        for w in [
            "nguyễn",
            "Trường",
            "khuya",
            "nghiêng",
            "gì",
            "quốc",
            "ươu",
            "Đại",
            "oái",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["Straòe", "nạve", "Raphặl", "vaờn", "hdnd", "", "xyz"] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
