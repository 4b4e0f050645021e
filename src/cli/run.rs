//! Runs one parsed command: opens the database, calls the use case in `quyhoach::app`, and
//! prints what comes back. No rule of its own.

use std::path::PathBuf;

use quyhoach::app::{people, safety};
use quyhoach::demo::create_demo;
use quyhoach::model::{PersonSummary, Unit};
use quyhoach::Store;

use super::args::{Cli, Command, PersonCommand};
use super::out::{print_json, read_json, Out, UserError};
use super::secret::{new_passphrase, passphrase};

fn db_path(cli: &Cli) -> PathBuf {
    cli.common
        .db
        .clone()
        .unwrap_or_else(quyhoach::paths::default_db_path)
}

fn open(cli: &Cli) -> Result<Store, UserError> {
    let pass = passphrase(cli.common.passphrase_file.as_deref(), false)?;
    Ok(Store::open(&db_path(cli), &pass)?)
}

fn print_list(people: &[PersonSummary], json: bool) -> Out {
    if json {
        return print_json(&people);
    }
    // One write for the whole list: a line at a time is a system call per person, and under
    // wine (or into a Windows console) 10,000 of them took 0.6 s of the 0.77 s.
    use std::fmt::Write as _;
    let mut text = String::with_capacity(people.len() * 100);
    for p in people {
        let _ = writeln!(
            text,
            "{:>6}  {:<28} {:<4} {:<10}  {:<12}  {}{}",
            p.id,
            p.full_name,
            p.sex.label(),
            p.birth_date.to_display(),
            p.cccd.as_deref().unwrap_or("—"),
            p.positions,
            if p.status == quyhoach::model::Status::Working {
                String::new()
            } else {
                format!(" ({})", p.status.label())
            }
        );
    }
    print!("{text}");
    eprintln!("Tổng số: {} người.", people.len());
    Ok(())
}

pub fn run(cli: Cli) -> Out {
    match &cli.command {
        Command::Init {
            ward,
            superior,
            place,
            issuer_code,
        } => {
            let pass = passphrase(cli.common.passphrase_file.as_deref(), true)?;
            let unit = Unit {
                name: ward.clone(),
                superior_body: superior.clone(),
                place_name: place.clone(),
                issuer_code: issuer_code.clone(),
            };
            let path = db_path(&cli);
            quyhoach::app::safety::create_ward(&path, &pass, &unit)?.close()?;
            eprintln!("Đã tạo cơ sở dữ liệu mã hóa: {}", path.display());
            Ok(())
        }
        Command::Demo { out, size } => {
            let path = out.clone().unwrap_or_else(|| db_path(&cli));
            let pass = passphrase(cli.common.passphrase_file.as_deref(), true)?;
            let store = create_demo(&path, &pass, *size)?;
            let n = store.count_people()?;
            store.close()?;
            eprintln!("Đã tạo phường mẫu ({n} người): {}", path.display());
            Ok(())
        }
        Command::Person(cmd) => person(&cli, cmd),
        Command::Term(_)
        | Command::Position(_)
        | Command::Plan(_)
        | Command::Review(_)
        | Command::Rules(_)
        | Command::Target(_)
        | Command::Programme(_)
        | Command::Young(_)
        | Command::Rotation(_)
        | Command::Check { .. }
        | Command::Stats { .. }
        | Command::Gaps { .. } => {
            let mut store = open(&cli)?;
            super::plan::run(&mut store, &cli.command)?;
            store.close()?;
            Ok(())
        }
        Command::Forecast {
            term,
            from,
            years,
            json,
        } => {
            let store = open(&cli)?;
            let input = quyhoach::app::forecast::ForecastInput {
                term: term.clone(),
                from: *from,
                years: *years,
            };
            super::forecast::run(&store, &input, *json)?;
            store.close()?;
            Ok(())
        }
        Command::Backup { out } => {
            let pass = passphrase(cli.common.passphrase_file.as_deref(), false)?;
            let store = Store::open(&db_path(&cli), &pass)?;
            let r = safety::backup(&store, out, &pass)?;
            store.close()?;
            eprintln!(
                "Đã sao lưu và kiểm tra: {} ({} người, {} byte).",
                r.path.display(),
                r.people,
                r.bytes
            );
            Ok(())
        }
        Command::Restore {
            from,
            backup_passphrase_file,
        } => {
            let pass = passphrase(cli.common.passphrase_file.as_deref(), false)?;
            let store = Store::open(&db_path(&cli), &pass)?;
            let backup_pass = match backup_passphrase_file {
                Some(f) => Some(super::secret::from_file(f)?),
                None => None,
            };
            let mut slot = Some(store);
            let r = safety::restore(&mut slot, from, &pass, backup_pass.as_deref())?;
            if let Some(store) = slot {
                store.close()?;
            }
            eprintln!(
                "Đã khôi phục từ {} ({} người){}. Tệp cũ được giữ tại: {}",
                r.restored_from.display(),
                r.people,
                if r.rekeyed {
                    "; bản sao lưu đã được chuyển sang mật khẩu hiện tại của đơn vị"
                } else {
                    ""
                },
                r.previous_kept_at.display()
            );
            Ok(())
        }
        Command::Export {
            kind,
            out,
            template,
            kem_theo,
            term,
            nam,
        } => {
            let store = open(&cli)?;
            let input = quyhoach::app::exports::ExportInput {
                kind: kind.clone(),
                term: term.clone(),
                out: out.clone(),
                attached_to: kem_theo.clone(),
                template: template.as_deref().map(super::out::read_text).transpose()?,
                year: *nam,
            };
            super::excel::export(&store, &input)?;
            store.close()?;
            Ok(())
        }
        Command::Import {
            file,
            sheet,
            map,
            bo_dong_loi,
            dry_run,
            rejected,
            json,
        } => {
            let mut store = open(&cli)?;
            let opts = quyhoach::import::ImportOptions {
                sheet: sheet.clone(),
                map: map.clone(),
            };
            super::excel::import(
                &mut store,
                file,
                &opts,
                &super::excel::ImportArgs {
                    dry_run: *dry_run,
                    valid_only: *bo_dong_loi,
                    rejected: rejected.as_deref(),
                    json: *json,
                },
            )?;
            store.close()?;
            Ok(())
        }
        Command::Doc { .. } => {
            let mut store = open(&cli)?;
            super::doc::run(&mut store, &cli.command)?;
            store.close()?;
            Ok(())
        }
        Command::Package(cmd) => {
            let mut store = open(&cli)?;
            super::exchange::package(&mut store, cmd)?;
            store.close()?;
            Ok(())
        }
        Command::Province(super::args::ProvinceCommand::Init {
            name,
            superior,
            place,
            issuer_code,
        }) => {
            let pass = passphrase(cli.common.passphrase_file.as_deref(), true)?;
            let unit = Unit {
                name: name.clone(),
                superior_body: superior.clone(),
                place_name: place.clone(),
                issuer_code: issuer_code.clone(),
            };
            let path = db_path(&cli);
            let store = quyhoach::app::province::create_province(&path, &pass, &unit)?;
            let key = quyhoach::app::province::own_key(&store)?;
            store.close()?;
            eprintln!("Đã tạo dữ liệu đơn vị cấp tỉnh: {}", path.display());
            println!("Dấu vân tay khóa của tỉnh: {}", key.fingerprint);
            Ok(())
        }
        Command::Province(cmd) => {
            let mut store = open(&cli)?;
            super::exchange::province(&mut store, cmd)?;
            store.close()?;
            Ok(())
        }
        Command::Register(cmd) => {
            let mut store = open(&cli)?;
            super::doc::register(&mut store, cmd)?;
            store.close()?;
            Ok(())
        }
        Command::Passwd {
            new_passphrase_file,
        } => {
            let mut store = open(&cli)?;
            let new = new_passphrase(new_passphrase_file.as_deref())?;
            safety::change_passphrase(&mut store, None, &new, &new)?;
            store.close()?;
            eprintln!("Đã đổi mật khẩu.");
            Ok(())
        }
    }
}

fn person(cli: &Cli, cmd: &PersonCommand) -> Out {
    let mut store = open(cli)?;
    match cmd {
        PersonCommand::Add {
            file,
            confirm_duplicate,
        } => match read_json(file.as_deref())? {
            serde_json::Value::Array(items) => {
                let ids = people::add_many_json_checked(&mut store, items, *confirm_duplicate)
                    .map_err(same_person_hint)?;
                for id in &ids {
                    println!("{id}");
                }
                eprintln!("Đã thêm {} hồ sơ.", ids.len());
            }
            v => {
                let id = people::add_json_checked(&mut store, v, *confirm_duplicate)
                    .map_err(same_person_hint)?;
                println!("{id}");
                eprintln!("Đã thêm hồ sơ mã số {id}.");
            }
        },
        PersonCommand::Edit { id, file } => {
            people::edit_json(&mut store, *id, read_json(file.as_deref())?)?;
            eprintln!("Đã sửa hồ sơ mã số {id}.");
        }
        PersonCommand::Show { id } => print_json(&store.person(*id)?)?,
        PersonCommand::List { json } => print_list(&store.list_people()?, *json)?,
        PersonCommand::Search { query, json } => print_list(&store.search_people(query)?, *json)?,
        PersonCommand::Remove { id } => {
            let name = people::remove(&mut store, *id)?;
            eprintln!("Đã xóa hồ sơ {name} (mã số {id}); bản cũ còn trong nhật ký thay đổi.");
        }
        PersonCommand::History { id } => print_json(&people::history(&store, *id)?)?,
    }
    store.close()?;
    Ok(())
}

/// The core's refusal of a repeated name and birth date, with the flag that confirms it.
fn same_person_hint(e: quyhoach::CoreError) -> UserError {
    let hint = if matches!(e, quyhoach::CoreError::SamePerson(_)) {
        "\n  (Nếu đúng là người khác: chạy lại với --confirm-duplicate.)"
    } else {
        ""
    };
    UserError(format!("{}{hint}", super::out::message(&e, &[])))
}
