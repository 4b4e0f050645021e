//! The keys of "Gửi cấp trên": the ward's Ed25519 signing key (minisign format) and the
//! province's X25519 key (age format). Each secret is made once and kept in its owner's encrypted
//! database; each public half travels as a small text file and is confirmed by a fingerprint
//! printed on paper.

use std::io::Cursor;

use sha2::{Digest, Sha256};

use crate::error::{CoreError, Result};

/// What a ward's public key file says in its first line, before the key id.
const WARD_KEY_COMMENT: &str = "untrusted comment: khóa ký gói dữ liệu quy hoạch cán bộ";
/// The first line of a province's public key file.
const PROVINCE_KEY_HEADER: &str = "# Khóa công khai của đơn vị cấp tỉnh (Quy hoạch cán bộ)";

fn refused(field: &str, rule: &str, msg: impl Into<String>) -> CoreError {
    CoreError::validation(field, rule, msg.into())
}

/// A ward's new signing key pair: (secret key box, public key base64, key id).
pub fn new_signing_key() -> Result<(String, String, String)> {
    let kp = minisign::KeyPair::generate_unencrypted_keypair()
        .map_err(|e| CoreError::Exchange(format!("không tạo được khóa ký: {e}")))?;
    let secret = kp
        .sk
        .to_box(None)
        .map_err(|e| CoreError::Exchange(format!("không lưu được khóa ký: {e}")))?
        .into_string();
    let public = kp.pk.to_base64();
    let id = key_id(&kp.pk);
    Ok((secret, public, id))
}

/// The key id minisign prints (16 hex digits), the fingerprint the cover Tờ trình prints.
pub fn key_id(pk: &minisign::PublicKey) -> String {
    let n = pk.keynum();
    let mut b = [0u8; 8];
    b.copy_from_slice(&n[..8]);
    format!("{:016X}", u64::from_le_bytes(b))
}

/// The key id of a signature (which key made it).
pub fn signature_key_id(sig: &minisign::SignatureBox) -> String {
    let n = sig.keynum();
    let mut b = [0u8; 8];
    b.copy_from_slice(&n[..8]);
    format!("{:016X}", u64::from_le_bytes(b))
}

/// A fingerprint as people read it aloud or compare on paper: groups of four.
pub fn grouped(id: &str) -> String {
    id.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A typed fingerprint, spaces, dashes and case ignored.
pub fn same_fingerprint(typed: &str, id: &str) -> bool {
    let t: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    t == id.replace(' ', "").to_ascii_uppercase()
}

/// The ward's public key file: the minisign public key format, so `minisign -V -p` reads it,
/// with the ward's code and name in the comment line (untrusted: the fingerprint on paper is
/// what the province confirms).
pub fn ward_public_key_file(public_b64: &str, ward_code: &str, ward_name: &str) -> Result<String> {
    let pk = public_key(public_b64)?;
    Ok(format!(
        "{WARD_KEY_COMMENT} {} — {ward_code} — {ward_name}\n{public_b64}\n",
        key_id(&pk)
    ))
}

/// A ward's public key file read: (public key base64, key id, ward code, ward name).
pub fn read_ward_public_key_file(text: &str) -> Result<(String, String, String, String)> {
    let bad = || {
        refused(
            "key_file",
            "key_file",
            "Tệp khóa: không phải tệp khóa công khai do chương trình của phường, xã xuất ra (thiếu dòng khóa).",
        )
    };
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let comment = lines.next().ok_or_else(bad)?;
    let b64 = lines.next().ok_or_else(bad)?;
    let pk = public_key(b64).map_err(|_| bad())?;
    let id = key_id(&pk);
    let mut parts = comment
        .strip_prefix(WARD_KEY_COMMENT)
        .unwrap_or("")
        .split(" — ")
        .map(str::trim);
    let _ = parts.next();
    let code = parts.next().unwrap_or("").to_string();
    let name = parts.next().unwrap_or("").to_string();
    Ok((b64.to_string(), id, code, name))
}

pub fn public_key(b64: &str) -> Result<minisign::PublicKey> {
    minisign::PublicKey::from_base64(b64.trim()).map_err(|_| {
        refused(
            "key_file",
            "key",
            "Khóa công khai không đọc được (không đúng định dạng khóa ký).",
        )
    })
}

/// Signs `data` with the ward's secret key; the trusted comment is signed with it.
pub fn sign(secret_box: &str, public_b64: &str, data: &[u8], trusted: &str) -> Result<String> {
    let sk = minisign::SecretKeyBox::from_string(secret_box)
        .and_then(|b| b.into_unencrypted_secret_key())
        .map_err(|e| CoreError::Exchange(format!("khóa ký của đơn vị không dùng được: {e}")))?;
    let pk = public_key(public_b64)?;
    let sig = minisign::sign(Some(&pk), &sk, Cursor::new(data), Some(trusted), None)
        .map_err(|e| CoreError::Exchange(format!("không ký được gói: {e}")))?;
    Ok(sig.into_string())
}

/// Whether `signature` (a minisign signature file's text) is `pk`'s over `data`; the trusted
/// comment it carries.
pub fn verify(pk: &minisign::PublicKey, signature: &str, data: &[u8]) -> Option<String> {
    let sig = minisign::SignatureBox::from_string(signature).ok()?;
    minisign::verify(pk, &sig, Cursor::new(data), true, false, false).ok()?;
    sig.trusted_comment().ok()
}

/// A province's new key pair: (secret identity "AGE-SECRET-KEY-1…", public recipient "age1…").
pub fn new_province_key() -> (String, String) {
    use age::secrecy::ExposeSecret;
    let id = age::x25519::Identity::generate();
    let public = id.to_public().to_string();
    (id.to_string().expose_secret().to_string(), public)
}

/// The fingerprint of a province's public key: the first 8 bytes of its SHA-256, in hex.
pub fn province_fingerprint(recipient: &str) -> String {
    let d = Sha256::digest(recipient.trim().as_bytes());
    d[..8].iter().map(|b| format!("{b:02X}")).collect()
}

/// The province's public key file, to hand to its wards with its guidance document.
pub fn province_public_key_file(recipient: &str, province_name: &str) -> String {
    format!(
        "{PROVINCE_KEY_HEADER}\n# Đơn vị: {province_name}\n# Dấu vân tay: {}\n{recipient}\n",
        grouped(&province_fingerprint(recipient))
    )
}

/// A province's public key file read: (recipient, province name, fingerprint).
pub fn read_province_public_key_file(text: &str) -> Result<(String, String, String)> {
    let mut name = String::new();
    let mut recipient = None;
    for line in text.lines().map(str::trim) {
        if let Some(n) = line.strip_prefix("# Đơn vị:") {
            name = n.trim().to_string();
        } else if line.starts_with("age1") {
            recipient = Some(line.to_string());
        }
    }
    let recipient = recipient
        .filter(|r| r.parse::<age::x25519::Recipient>().is_ok())
        .ok_or_else(|| {
            refused(
                "key_file",
                "key_file",
                "Tệp khóa: không phải tệp khóa công khai của đơn vị cấp tỉnh (thiếu dòng khóa “age1…”).",
            )
        })?;
    let fp = province_fingerprint(&recipient);
    Ok((recipient, name, fp))
}

/// Encrypts to the province's public key (the standard age format).
pub fn encrypt(recipient: &str, plain: &[u8]) -> Result<Vec<u8>> {
    let r: age::x25519::Recipient = recipient
        .parse()
        .map_err(|_| CoreError::Exchange("khóa công khai của tỉnh không đọc được".into()))?;
    age::encrypt(&r, plain).map_err(|e| CoreError::Exchange(format!("không mã hóa được gói: {e}")))
}

/// Why an age file did not open.
pub enum OpenError {
    /// Not an age file at all (another file, or a damaged header).
    NotAPackage,
    /// Encrypted to another key.
    OtherRecipient,
    /// The header opened but the content does not (a changed byte).
    Damaged,
}

/// Decrypts with the province's secret identity.
pub fn decrypt(identity: &str, data: &[u8]) -> std::result::Result<Vec<u8>, OpenError> {
    let id: age::x25519::Identity = identity.parse().map_err(|_| OpenError::Damaged)?;
    age::decrypt(&id, data).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => OpenError::OtherRecipient,
        age::DecryptError::InvalidHeader
        | age::DecryptError::UnknownFormat
        | age::DecryptError::ExcessiveWork { .. } => OpenError::NotAPackage,
        _ => OpenError::Damaged,
    })
}

/// SHA-256 of a file's bytes, in hex.
pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ward_key_signs_and_its_file_reads_back() {
        let (sk, pk, id) = new_signing_key().unwrap();
        let file = ward_public_key_file(&pk, "25301", "Đảng ủy phường Phổ Hòa").unwrap();
        let (b64, id2, code, name) = read_ward_public_key_file(&file).unwrap();
        assert_eq!((b64.as_str(), id2.as_str()), (pk.as_str(), id.as_str()));
        assert_eq!(
            (code.as_str(), name.as_str()),
            ("25301", "Đảng ủy phường Phổ Hòa")
        );
        let sig = sign(&sk, &pk, b"du lieu", "phường Phổ Hòa").unwrap();
        let key = public_key(&pk).unwrap();
        assert_eq!(
            verify(&key, &sig, b"du lieu").as_deref(),
            Some("phường Phổ Hòa")
        );
        assert!(verify(&key, &sig, b"du lieX").is_none());
        assert!(same_fingerprint(&grouped(&id).to_lowercase(), &id));
    }

    #[test]
    fn a_province_key_opens_only_its_own_packages() {
        let (secret, public) = new_province_key();
        let (_, other) = new_province_key();
        let file = province_public_key_file(&public, "Tỉnh ủy Quảng Ngãi");
        let (r, name, fp) = read_province_public_key_file(&file).unwrap();
        assert_eq!(
            (r.as_str(), name.as_str()),
            (public.as_str(), "Tỉnh ủy Quảng Ngãi")
        );
        assert_eq!(fp, province_fingerprint(&public));
        let sealed = encrypt(&public, "Nguyễn Văn Á".as_bytes()).unwrap();
        assert_eq!(
            decrypt(&secret, &sealed).ok().unwrap(),
            "Nguyễn Văn Á".as_bytes()
        );
        let elsewhere = encrypt(&other, b"x").unwrap();
        assert!(matches!(
            decrypt(&secret, &elsewhere),
            Err(OpenError::OtherRecipient)
        ));
    }
}
