//! `quyhoach package …` (the ward sends up) and `quyhoach province …` (the province gathers):
//! thin adapters over `app::exchange` and `app::province`.

use quyhoach::app::{exchange, province};
use quyhoach::Store;

use super::args::{PackageCommand, ProvinceCommand};
use super::out::{hinted, print_json, read_text, Out};

const HINTS: &[(&str, &str)] = &[
    ("ward_code", "--code"),
    ("term", "--term"),
    ("classification", "--classification"),
    ("out_dir", "--out-dir"),
    ("province_key", "quyhoach package province-key TỆP"),
    ("fingerprint", "--fingerprint"),
    ("key_file", "--key"),
    ("under", "--under"),
];

pub fn package(store: &mut Store, cmd: &PackageCommand) -> Out {
    let h = hinted(HINTS);
    match cmd {
        PackageCommand::Key { code, out } => {
            let code = match code {
                Some(c) => c.clone(),
                None => store.meta("ward_code")?.unwrap_or_default(),
            };
            let key = match out {
                Some(out) => {
                    let k = exchange::save_key(store, &code, out).map_err(&h)?;
                    eprintln!("Đã lưu tệp khóa công khai: {}", out.display());
                    k
                }
                None => exchange::make_key(store, &code).map_err(&h)?,
            };
            println!("Dấu vân tay khóa ký của đơn vị: {}", key.fingerprint);
            Ok(())
        }
        PackageCommand::ProvinceKey { file } => {
            let text = read_text(file)?;
            let k = exchange::import_province_key(store, &text).map_err(&h)?;
            println!(
                "Đã nhập khóa của {}; dấu vân tay {} — đối chiếu với văn bản hướng dẫn của tỉnh.",
                k.name, k.fingerprint
            );
            Ok(())
        }
        PackageCommand::Export {
            term,
            code,
            classification,
            out_dir,
            no_workbooks,
        } => {
            let r = exchange::export_package(
                store,
                &exchange::PackageInput {
                    term: term.clone(),
                    ward_code: code.clone().unwrap_or_default(),
                    classification: classification.clone(),
                    out_dir: out_dir.clone(),
                    workbooks: !no_workbooks,
                },
            )
            .map_err(&h)?;
            println!("{}", r.path.display());
            println!("{}", r.cover.display());
            for w in &r.workbooks {
                println!("{}", w.display());
            }
            eprintln!(
                "Đã xuất gói gửi {} ({} byte; độ mật: {}; dấu vân tay khóa ký {}).\n{}",
                r.manifest.province_name,
                r.bytes,
                r.classification_label,
                r.fingerprint,
                r.reminder
            );
            Ok(())
        }
        PackageCommand::Verify { file, json } => {
            let v = province::verify_package(store, file).map_err(&h)?;
            if *json {
                return print_json(&v);
            }
            println!(
                "Gói hợp lệ: {} ({}), nhiệm kỳ {}, lập lúc {}, độ mật {}; {} người, {} mục quy hoạch; khóa {}.",
                v.ward_name,
                v.ward_code,
                v.term,
                v.created_at,
                v.classification,
                v.people,
                v.entries,
                v.key_fingerprint
            );
            Ok(())
        }
    }
}

pub fn province(store: &mut Store, cmd: &ProvinceCommand) -> Out {
    let h = hinted(HINTS);
    match cmd {
        ProvinceCommand::Init { .. } => unreachable!("made by run.rs"),
        ProvinceCommand::Key { out } => {
            let k = match out {
                Some(o) => {
                    let k = province::save_own_key(store, o).map_err(&h)?;
                    eprintln!("Đã lưu tệp khóa công khai của tỉnh: {}", o.display());
                    k
                }
                None => province::own_key(store).map_err(&h)?,
            };
            println!("Dấu vân tay khóa của tỉnh: {}", k.fingerprint);
            Ok(())
        }
        ProvinceCommand::AddWard { key, fingerprint } => {
            let text = read_text(key)?;
            let w = province::register_ward(store, &text, fingerprint).map_err(&h)?;
            println!("Đã đăng ký khóa của {} ({}).", w.name, w.code);
            Ok(())
        }
        ProvinceCommand::Import { paths, json } => {
            let all = province::import_all(store, paths, |done, total, o| {
                eprintln!("[{done}/{total}] {}: {}", o.file, o.message);
            })
            .map_err(&h)?;
            if *json {
                return print_json(&all);
            }
            let refused = all.iter().filter(|o| o.status == "tu_choi").count();
            eprintln!("Xong: {} gói, {} gói bị từ chối.", all.len(), refused);
            if refused > 0 {
                return Err(format!("{refused} gói bị từ chối (xem từng dòng ở trên).").into());
            }
            Ok(())
        }
        ProvinceCommand::Status { term, json } => {
            let d = province::status(store, term.as_deref()).map_err(&h)?;
            if *json {
                return print_json(&d);
            }
            println!(
                "{} — nhiệm kỳ {}: đã nhận {}/{} phường, xã; {} người trong quy hoạch; {} vi phạm (theo {}).",
                d.province,
                d.term.as_deref().unwrap_or("—"),
                d.received,
                d.wards.len(),
                d.people,
                d.violations,
                if d.rule_set.is_empty() { "—" } else { &d.rule_set }
            );
            for w in &d.wards {
                println!(
                    "{:<8} {:<36} {:<32} {:>5} người  {:>3} vi phạm  chỉ tiêu đạt {}/{}",
                    w.code,
                    w.name,
                    w.status_label,
                    w.people,
                    w.violations,
                    w.targets_met,
                    w.targets_total
                );
            }
            Ok(())
        }
        ProvinceCommand::List {
            term,
            post,
            body,
            under,
            name,
            json,
        } => {
            let rows = province::list(
                store,
                &province::CrossFilter {
                    term: term.clone(),
                    position: post.clone(),
                    body: body.clone(),
                    under: under.clone(),
                    name: name.clone(),
                },
            )
            .map_err(&h)?;
            if *json {
                return print_json(&rows);
            }
            for r in &rows {
                println!(
                    "{:<32} {:<28} {:<10} {:>3} tuổi  {}",
                    r.ward_name, r.full_name, r.birth_date, r.age, r.position_name
                );
            }
            eprintln!("Tổng số: {} dòng.", rows.len());
            Ok(())
        }
        ProvinceCommand::Recheck => {
            let n = province::recheck(store).map_err(&h)?;
            eprintln!("Đã kiểm tra lại {n} gói theo bộ quy định của tỉnh.");
            Ok(())
        }
        ProvinceCommand::Report { term, out } => {
            let r = province::report(store, term.as_deref(), out).map_err(&h)?;
            println!("{}", r.display());
            Ok(())
        }
    }
}
