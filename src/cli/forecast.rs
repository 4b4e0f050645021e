//! `quyhoach forecast`: the succession forecast as JSON (for scripts) or as a table to read.
//! Every figure is the core's (`app::forecast`); this file only lays it out.

use quyhoach::app::forecast::{forecast, ForecastInput};
use quyhoach::rules::facts::percent;
use quyhoach::rules::forecast::{CellStatus, Forecast, StructureIndicator, STRUCTURE_BODIES};
use quyhoach::rules::targets::body_label;
use quyhoach::Store;

use super::out::{hinted, print_json, Out};

/// The flag that sets each field the forecast reads.
const HINTS: &[(&str, &str)] = &[("term", "--term"), ("from", "--from"), ("years", "--years")];

pub fn run(store: &Store, input: &ForecastInput, json: bool) -> Out {
    let f = forecast(store, input).map_err(hinted(HINTS))?;
    if json {
        return print_json(&f);
    }
    print_table(&f);
    Ok(())
}

/// A cell as the table prints it: the number of successors, the status's letter, and "*" in
/// the year a holder leaves.
fn mark(status: CellStatus) -> &'static str {
    match status {
        CellStatus::Do => "Đ",
        CellStatus::Vang => "V",
        CellStatus::Xanh => "X",
    }
}

fn names(list: &[String]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        format!(" ({})", list.join(", "))
    }
}

fn print_table(f: &Forecast) {
    println!(
        "DỰ BÁO NGUỒN KẾ CẬN {}–{} (quy hoạch nhiệm kỳ {}; người kế cận phải còn ít nhất {} tháng công tác tính từ tháng 01 của năm)",
        f.from_year, f.to_year, f.term, f.min_months
    );
    let c = &f.counters;
    println!(
        "Chức danh chưa có ai trong quy hoạch: {}{}",
        c.posts_without_successor.len(),
        names(&c.posts_without_successor)
    );
    println!(
        "Chức danh có người đang giữ nghỉ trong kỳ dự báo mà năm đó không còn ai kế cận: {}{}",
        c.holders_leaving_uncovered.len(),
        names(&c.holders_leaving_uncovered)
    );
    println!(
        "Người trong quy hoạch đến tuổi nghỉ hưu trước mốc tính tuổi của nhiệm kỳ ({}): {}",
        f.reference_month.display(),
        c.aged_out_before_term.len()
    );
    println!();
    let width = f
        .posts
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(10)
        .max(10);
    let years: String = (f.from_year..=f.to_year)
        .map(|y| format!(" {y:>5}"))
        .collect();
    println!("{:<width$} {:>3}{years}", "Chức danh", "Ghế");
    for p in &f.posts {
        let cells: String = p
            .years
            .iter()
            .map(|c| {
                let leaves = if p.holder_leaves_in(c.year) { "*" } else { "" };
                format!(
                    " {:>5}",
                    format!("{}{}{leaves}", c.successors.len(), mark(c.status))
                )
            })
            .collect();
        println!("{:<width$} {:>3}{cells}", p.name, p.seats);
    }
    println!(
        "Ký hiệu: số người kế cận; Đ = {}, V = {}, X = {}; * = năm người đang giữ chức danh nghỉ.",
        CellStatus::Do.label().to_lowercase(),
        CellStatus::Vang.label().to_lowercase(),
        CellStatus::Xanh.label().to_lowercase()
    );
    println!("\nNgười đang giữ chức danh:");
    for p in f.posts.iter().filter(|p| !p.holders.is_empty()) {
        let list: Vec<String> = p
            .holders
            .iter()
            .map(|h| {
                format!(
                    "{} nghỉ {} ({})",
                    h.full_name,
                    h.leaves.display(),
                    if h.recorded_end {
                        "kết thúc đã ghi"
                    } else {
                        "đến tuổi nghỉ hưu"
                    }
                )
            })
            .collect();
        println!("  {}: {}", p.name, list.join("; "));
    }
    println!("\nCơ cấu nếu không bổ sung ai (người trong quy hoạch đến tuổi nghỉ hưu thì ra):");
    for body in STRUCTURE_BODIES {
        println!("  {}", body_label(body));
        let mut lines: Vec<StructureIndicator> = Vec::new();
        for r in f.structure.iter().filter(|r| r.body == body) {
            if !lines.contains(&r.indicator) {
                lines.push(r.indicator);
            }
        }
        for line in lines {
            let cells: String = f
                .structure
                .iter()
                .filter(|r| r.body == body && r.indicator == line)
                .map(|r| {
                    let v = if line == StructureIndicator::WomenCount {
                        r.count.to_string()
                    } else {
                        percent(r.value)
                    };
                    let miss = if r.met == Some(false) { "!" } else { "" };
                    format!(" {:>6}", format!("{v}{miss}"))
                })
                .collect();
            println!("    {:<48}{cells}", line.label());
        }
    }
    println!("  (! = không đạt chỉ tiêu của đơn vị năm đó)");
    if c.targets_missed.is_empty() {
        println!("\nKhông có chỉ tiêu nào bị hụt trong kỳ dự báo.");
    } else {
        println!("\nChỉ tiêu không đạt, năm đầu tiên:");
        for m in &c.targets_missed {
            let target = if m.indicator == StructureIndicator::WomenCount {
                format!("{}", m.target)
            } else {
                percent(m.target)
            };
            println!(
                "  {} – {} (chỉ tiêu {target} từ năm {}): không đạt từ năm {}",
                body_label(&m.body),
                m.indicator.label().to_lowercase(),
                m.since,
                m.year
            );
        }
    }
}
