//! The in-memory plan builder: a term's plan (people, entries, rule set, targets) over a fixed
//! catalogue, checked without a database. Shared by the tests of the rules at their boundaries.

use std::collections::HashMap;

use chrono::NaiveDate;
use quyhoach::model::plan::*;
use quyhoach::model::YearMonth;
use quyhoach::model::*;
use quyhoach::rules::check::CheckReport;
use quyhoach::rules::plan::PlanData;
use quyhoach::rules::ruleset::RuleSet;
use quyhoach::rules::targets::Target;

use super::d;

pub fn catalogue() -> Vec<Position> {
    let p = |id: i64,
             code: &str,
             name: &str,
             rank: i32,
             group: PositionGroup,
             kind: TermKind,
             key: bool,
             aliases: &[&str]| Position {
        id: Some(id),
        code: code.into(),
        name: name.into(),
        rank,
        group,
        level: "xa".into(),
        term_kind: kind,
        key,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        active: true,
        seats: 1,
        managing_body: String::new(),
        approving_body: String::new(),
    };
    use PositionGroup::*;
    use TermKind::*;
    vec![
        p(
            1,
            "BCH",
            "Ủy viên Ban Chấp hành Đảng bộ phường",
            10,
            CapUy,
            Party,
            false,
            &["Đảng ủy viên"],
        ),
        p(
            2,
            "BTV",
            "Ủy viên Ban Thường vụ Đảng ủy",
            20,
            CapUy,
            Party,
            false,
            &[],
        ),
        p(3, "BT", "Bí thư Đảng ủy", 50, ChuChot, Party, true, &[]),
        p(
            4,
            "PBT-TT",
            "Phó Bí thư Thường trực Đảng ủy",
            40,
            ChuChot,
            Party,
            true,
            &[],
        ),
        p(
            5,
            "CT-UBND",
            "Chủ tịch UBND",
            40,
            ChinhQuyen,
            Government,
            true,
            &[],
        ),
        p(
            6,
            "PCT-UBND",
            "Phó Chủ tịch UBND",
            30,
            ChinhQuyen,
            Government,
            true,
            &[],
        ),
        p(
            7,
            "PCT-HĐND",
            "Phó Chủ tịch HĐND",
            30,
            ChinhQuyen,
            Government,
            true,
            &[],
        ),
        p(
            8,
            "CN-UBKT",
            "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy",
            30,
            CoQuanDang,
            Party,
            false,
            &[],
        ),
        p(
            9,
            "TB-XDĐ",
            "Trưởng Ban Xây dựng Đảng",
            30,
            CoQuanDang,
            Party,
            false,
            &[],
        ),
    ]
}

pub fn term() -> Term {
    Term {
        id: Some(1),
        ..Term::new(TermKind::Party, 2030, 2035, YearMonth::new(2030, 7))
    }
}

/// The day the plans are checked: the tests' fixed "today".
pub fn as_of() -> NaiveDate {
    super::today()
}

/// A planned person who breaks no rule by default: young enough, good ratings, standards met.
pub fn good(id: i64, name: &str, sex: Sex, birth: &str) -> Person {
    let mut p = Person::new(name, sex, d(birth));
    p.id = Some(id);
    p.home_town = "xã Tịnh Sơn, tỉnh Quảng Ngãi".into();
    p.professional_level = Some(ProfessionalLevel::DaiHoc);
    p.political_theory = Some(PoliticalTheory::CaoCap);
    p.state_management = Some(StateManagement::ChuyenVien);
    p.ratings = super::htt_2023_2025();
    p
}

pub struct Plan {
    pub people: HashMap<i64, Person>,
    pub entries: Vec<PlanEntry>,
    pub rules: RuleSet,
    pub targets: Vec<Target>,
    pub term: Term,
}

impl Default for Plan {
    fn default() -> Self {
        Self::new()
    }
}

impl Plan {
    pub fn new() -> Plan {
        Plan {
            people: HashMap::new(),
            entries: vec![],
            rules: RuleSet::qd377(),
            targets: vec![],
            term: term(),
        }
    }
    pub fn person(&mut self, p: Person) -> i64 {
        let id = p.id.unwrap();
        self.people.insert(id, p);
        id
    }
    pub fn plan(&mut self, person: i64, position_code: &str) -> i64 {
        let pos = catalogue()
            .into_iter()
            .find(|p| p.code == position_code)
            .unwrap();
        let id = self.entries.len() as i64 + 1;
        self.entries.push(PlanEntry {
            id,
            person_id: person,
            position_id: pos.id.unwrap(),
            term_id: 1,
            events: vec![PlanEvent::new(PlanStep::Proposed, d("01/06/2026"))],
            terms: 1,
        });
        id
    }
    pub fn run(&self) -> CheckReport {
        let positions = catalogue();
        let data = PlanData {
            term: self.term.clone(),
            rules: self.rules.clone(),
            positions,
            people: self.people.clone(),
            entries: self.entries.clone(),
            targets: self.targets.clone(),
            place_name: "Phổ Hòa".into(),
            review_years: vec![],
        };
        quyhoach::rules::check::check(&data, as_of())
    }
}
