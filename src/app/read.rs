//! Reading a record a form or a JSON file sent: every value that does not read is named by the
//! field's Vietnamese label, in the clerk's words. serde's own sentences ("missing field
//! `birth_date`", "invalid type: integer, expected a string") never reach a message: they are
//! recognised here and said again in Vietnamese; a value that cannot be recognised gets a plain
//! Vietnamese sentence rather than the library's English.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{CoreError, FieldError, Result};

/// How a record's fields are named and, to go on reading past a wrong value, what a required
/// field may hold meanwhile.
pub(crate) struct Fields<'a> {
    /// The label of a field path ("positions[0].start" → "Chức vụ 1, ngày bắt đầu"); "" is the
    /// whole record.
    pub label: &'a dyn Fn(&str) -> String,
    /// What the field needs, said as "một ngày (dd/mm/yyyy, mm/yyyy hoặc yyyy)", when known.
    pub wants: &'a dyn Fn(&str) -> Option<&'static str>,
    /// A value that reads for a required field, only to go on reading the rest.
    pub placeholder: &'a dyn Fn(&str) -> Option<Value>,
}

/// Reads `value` as a `T`, naming every value that does not read at once, each under its field.
pub(crate) fn read_record<T: DeserializeOwned>(mut value: Value, fields: &Fields) -> Result<T> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut tries: Vec<String> = Vec::new();
    for _ in 0..200 {
        match serde_path_to_error::deserialize::<_, T>(value.clone()) {
            Ok(t) if errors.is_empty() => return Ok(t),
            Ok(_) => break,
            Err(e) => {
                let path = path_text(e.path());
                let problem = problem(&path, &e.inner().to_string(), &value, fields);
                let field = problem.field.clone();
                let before = tries.iter().filter(|f| **f == field).count();
                tries.push(field.clone());
                let rule = problem.rule.clone();
                if !errors.iter().any(|x| x.field == field) {
                    errors.push(problem);
                }
                // Go on reading the rest: an unknown field is left out; a wrong value is
                // emptied, and a required one gets a placeholder that reads.
                let fixed = match (rule.as_str(), before) {
                    ("unknown_field", _) => remove_at(&mut value, &field),
                    ("required", 0) | (_, 1) => match (fields.placeholder)(&field) {
                        Some(v) => put_at(&mut value, &field, v),
                        None => false,
                    },
                    (_, 0) => put_at(&mut value, &field, Value::Null),
                    _ => false,
                };
                if !fixed {
                    break;
                }
            }
        }
    }
    if errors.is_empty() {
        errors.push(FieldError::new(
            "",
            "format",
            format!("{}: dữ liệu không đọc được.", (fields.label)("")),
        ));
    }
    Err(CoreError::Validation(errors))
}

/// serde_path_to_error's path ("." for the whole record) as a field key ("" for it).
fn path_text(p: &serde_path_to_error::Path) -> String {
    let s = p.to_string();
    if s == "." {
        String::new()
    } else {
        s
    }
}

/// The path of `name` inside `path`, unless serde already put it at the end.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() || path == name {
        name.to_string()
    } else if path.ends_with(&format!(".{name}")) {
        path.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// The text between `start` and the next backtick of `msg` ("missing field `x`" → "x").
fn quoted<'m>(msg: &'m str, start: &str) -> Option<&'m str> {
    msg.strip_prefix(start)?.split('`').next()
}

/// One failure of serde at `path`, said in Vietnamese.
fn problem(path: &str, msg: &str, value: &Value, fields: &Fields) -> FieldError {
    if let Some(name) = quoted(msg, "missing field `") {
        let field = join(path, name);
        let label = (fields.label)(&field);
        return FieldError::new(&field, "required", format!("{label}: bắt buộc phải nhập."));
    }
    if let Some(name) = quoted(msg, "unknown field `") {
        let field = join(path, name);
        let owner = (fields.label)(field.strip_suffix(name).unwrap_or("").trim_end_matches('.'));
        return FieldError::new(
            &field,
            "unknown_field",
            format!("{owner}: có mục “{name}” không thuộc mẫu này, hãy bỏ đi."),
        );
    }
    let label = (fields.label)(path);
    let here = get_at(value, path);
    if matches!(here, Some(Value::String(s)) if s.trim().is_empty()) {
        return FieldError::new(path, "required", format!("{label}: bắt buộc phải nhập."));
    }
    if let Some(v) = quoted(msg, "unknown variant `") {
        return FieldError::new(
            path,
            "unknown",
            format!("{label}: “{v}” không có trong danh sách để chọn."),
        );
    }
    let english = msg.is_ascii()
        || msg.contains('`')
        || [
            "invalid type",
            "invalid value",
            "invalid length",
            "expected",
        ]
        .iter()
        .any(|w| msg.contains(w));
    if !english {
        // One of the core's own messages (a date not in the calendar…), already Vietnamese.
        return FieldError::new(path, "format", format!("{label}: {msg}"));
    }
    let wants = (fields.wants)(path).or_else(|| wants_from(msg));
    let shown = here.map(shown_value).unwrap_or_default();
    let message = match (wants, shown.is_empty()) {
        (Some(w), false) => format!("{label}: “{shown}” không đọc được, cần {w}."),
        (Some(w), true) => format!("{label}: giá trị không đọc được, cần {w}."),
        (None, false) => format!("{label}: “{shown}” không đọc được."),
        (None, true) => format!("{label}: giá trị không đọc được."),
    };
    FieldError::new(path, "format", message)
}

/// What serde expected, in Vietnamese ("expected i32" → "một số nguyên").
fn wants_from(msg: &str) -> Option<&'static str> {
    let e = msg.rsplit("expected ").next().unwrap_or("");
    Some(
        if [
            "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize",
        ]
        .iter()
        .any(|t| e.starts_with(t))
        {
            "một số nguyên"
        } else if e.starts_with("f32") || e.starts_with("f64") {
            "một số"
        } else if e.starts_with("a boolean") {
            "có hoặc không"
        } else if e.starts_with("a sequence") {
            "một danh sách"
        } else if e.starts_with("struct") || e.starts_with("a map") {
            "một nhóm thông tin"
        } else if e.contains("variant") || e.starts_with("one of") {
            "một mục trong danh sách để chọn"
        } else if e.starts_with("a string") {
            "chữ"
        } else {
            return None;
        },
    )
}

/// A value as the clerk would recognise it: text as typed, numbers as numbers; lists and groups
/// are not repeated.
fn shown_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string().replace('.', ","),
        Value::Bool(true) => "có".into(),
        Value::Bool(false) => "không".into(),
        _ => String::new(),
    }
}

/// The parts of a path: "positions[0].start" → [Key(positions), Index(0), Key(start)].
enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

fn parts(path: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let mut rest = seg;
        if let Some(i) = rest.find('[') {
            if i > 0 {
                out.push(Part::Key(&rest[..i]));
            }
            rest = &rest[i..];
            while let Some(r) = rest.strip_prefix('[') {
                let (n, after) = r.split_once(']').unwrap_or((r, ""));
                match n.parse() {
                    Ok(n) => out.push(Part::Index(n)),
                    Err(_) => out.push(Part::Key(n)),
                }
                rest = after;
            }
        } else {
            out.push(Part::Key(rest));
        }
    }
    out
}

fn get_at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let mut cur = value;
    for p in parts(path) {
        cur = match p {
            Part::Key(k) => cur.get(k)?,
            Part::Index(i) => cur.get(i)?,
        };
    }
    Some(cur)
}

/// Sets the value at a path, adding the last key to its object if missing; false when the
/// path does not lead anywhere.
fn put_at(value: &mut Value, path: &str, new: Value) -> bool {
    let ps = parts(path);
    let Some((last, init)) = ps.split_last() else {
        return false;
    };
    let mut cur = value;
    for p in init {
        cur = match p {
            Part::Key(k) => match cur.get_mut(*k) {
                Some(v) => v,
                None => return false,
            },
            Part::Index(i) => match cur.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
        };
    }
    match (last, cur) {
        (Part::Key(k), Value::Object(m)) => {
            m.insert((*k).to_string(), new);
            true
        }
        (Part::Index(i), Value::Array(a)) if *i < a.len() => {
            a[*i] = new;
            true
        }
        _ => false,
    }
}

fn remove_at(value: &mut Value, path: &str) -> bool {
    let ps = parts(path);
    let Some((Part::Key(last), init)) = ps.split_last() else {
        return false;
    };
    let mut cur = value;
    for p in init {
        cur = match p {
            Part::Key(k) => match cur.get_mut(*k) {
                Some(v) => v,
                None => return false,
            },
            Part::Index(i) => match cur.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
        };
    }
    cur.as_object_mut()
        .is_some_and(|m| m.remove(*last).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_walked_and_filled() {
        let mut v = serde_json::json!({"positions": [{"title": "Bí thư"}], "full_name": "A"});
        assert!(put_at(&mut v, "positions[0].start", "2000".into()));
        assert_eq!(v["positions"][0]["start"], "2000");
        assert_eq!(
            get_at(&v, "positions[0].title"),
            Some(&Value::from("Bí thư"))
        );
        assert!(remove_at(&mut v, "full_name"));
        assert!(v.get("full_name").is_none());
        assert!(!put_at(&mut v, "ratings[0].year", 1.into()));
    }

    #[test]
    fn serde_english_becomes_vietnamese() {
        let label = |p: &str| {
            if p.is_empty() {
                "Hồ sơ".to_string()
            } else {
                format!("Ô {p}")
            }
        };
        let f = Fields {
            label: &label,
            wants: &|_| None,
            placeholder: &|_| None,
        };
        let v = serde_json::json!({"year": "hai nghìn"});
        let e = problem(
            "year",
            "invalid type: string \"hai nghìn\", expected i32",
            &v,
            &f,
        );
        assert_eq!(
            e.message,
            "Ô year: “hai nghìn” không đọc được, cần một số nguyên."
        );
        let e = problem("", "missing field `birth_date`", &v, &f);
        assert_eq!(
            (e.field.as_str(), e.message.as_str()),
            ("birth_date", "Ô birth_date: bắt buộc phải nhập.")
        );
    }
}
