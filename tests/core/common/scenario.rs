//! The plan of a ward like Phổ Hòa (seed 002) for the 2030–2035 term: 8 people, their plan
//! entries and the ward's targets. Shared by the plan scenario and the export tests.

use super::*;
use quyhoach::model::plan::*;
use quyhoach::model::YearMonth;
use quyhoach::rules::targets::{Indicator, Target};
use quyhoach::Store;

pub struct Who {
    pub name: &'static str,
    pub sex: Sex,
    pub birth: &'static str,
    pub home: &'static str,
    pub prof: ProfessionalLevel,
    pub llct: Option<PoliticalTheory>,
    pub qlnn: Option<StateManagement>,
    pub fl: &'static str,
    pub posts: &'static [(&'static str, &'static str)],
}

pub const PEOPLE: &[Who] = &[
    Who {
        name: "Nguyễn Văn An",
        sex: Sex::Male,
        birth: "12/03/1982",
        home: "xã Tịnh Sơn, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::CaoCap),
        qlnn: Some(StateManagement::ChuyenVien),
        fl: "Bậc 3",
        posts: &[
            ("Phó Bí thư Thường trực Đảng ủy", "10/2020"),
            ("Đảng ủy viên", "2020"),
        ],
    },
    Who {
        name: "Trần Thị Bình",
        sex: Sex::Female,
        birth: "05/09/1992",
        home: "phường Phổ Hòa, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::TrungCap),
        qlnn: Some(StateManagement::ChuyenVien),
        fl: "Bậc 2",
        posts: &[
            ("Trưởng Ban Xây dựng Đảng", "2025"),
            ("Đảng ủy viên", "2025"),
        ],
    },
    Who {
        name: "Lê Văn Cường",
        sex: Sex::Male,
        birth: "1971",
        home: "xã Phổ Thuận, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::CaoCap),
        qlnn: Some(StateManagement::ChuyenVienChinh),
        fl: "",
        posts: &[
            ("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "01/2017"),
            ("Đảng ủy viên", "2020"),
        ],
    },
    Who {
        name: "Phạm Thị Dung",
        sex: Sex::Female,
        birth: "20/11/1985",
        home: "xã Bình Sơn, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::SoCap),
        qlnn: None,
        fl: "",
        posts: &[("Chuyên viên Văn phòng Đảng ủy", "2019")],
    },
    Who {
        name: "Hoàng Văn Em",
        sex: Sex::Male,
        birth: "02/02/1990",
        home: "phường Phổ Hòa, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::CaoDang,
        llct: Some(PoliticalTheory::TrungCap),
        qlnn: Some(StateManagement::ChuyenVien),
        fl: "",
        posts: &[("Phó Trưởng Ban Xây dựng Đảng", "2022")],
    },
    Who {
        name: "Võ Văn Giang",
        sex: Sex::Male,
        birth: "15/06/1979",
        home: "xã Tịnh Sơn, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::CaoCap),
        qlnn: Some(StateManagement::ChuyenVien),
        fl: "",
        posts: &[("Phó Chủ tịch UBND", "2021")],
    },
    Who {
        name: "Đặng Thị Hạnh",
        sex: Sex::Female,
        birth: "08/08/1988",
        home: "xã Đức Phong, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::TrungCap),
        qlnn: Some(StateManagement::ChuyenVien),
        fl: "",
        posts: &[("Chủ tịch Hội Liên hiệp Phụ nữ", "2021")],
    },
    Who {
        name: "Bùi Văn Khoa",
        sex: Sex::Male,
        birth: "30/12/1995",
        home: "phường Phổ Hòa, tỉnh Quảng Ngãi",
        prof: ProfessionalLevel::DaiHoc,
        llct: Some(PoliticalTheory::SoCap),
        qlnn: None,
        fl: "",
        posts: &[("Bí thư Đoàn phường", "2022")],
    },
];

pub fn person(w: &Who, i: usize) -> Person {
    let mut p = Person::new(w.name, w.sex, d(w.birth));
    p.cccd = Some(format!("0510000000{:02}", i));
    p.home_town = w.home.into();
    p.professional_level = Some(w.prof);
    p.political_theory = w.llct;
    p.state_management = w.qlnn;
    p.foreign_language.level = w.fl.into();
    p.positions = w
        .posts
        .iter()
        .map(|(t, s)| PositionHeld {
            title: (*t).into(),
            organisation: "phường Phổ Hòa".into(),
            start: Some(d(s)),
            end: None,
        })
        .collect();
    p.ratings = super::htt_2023_2025();
    p
}

pub fn step(step: PlanStep, date: &str) -> PlanEvent {
    PlanEvent::new(step, d(date))
}

pub fn approved(agree: u32) -> PlanEvent {
    let mut e = step(PlanStep::Approved, "15/10/2026");
    e.decision_no = "125-QĐ/TU".into();
    e.decision_date = Some(d("15/10/2026"));
    e.votes = Some(VoteTally {
        summoned: 33,
        present: 32,
        issued: 32,
        returned: 32,
        valid: 32,
        agree,
    });
    e
}

pub fn build(w: &TempWard) -> Store {
    let mut s = new_store(w);
    let mut ids = Vec::new();
    for (i, who) in PEOPLE.iter().enumerate() {
        let mut p = person(who, i);
        match who.name {
            "Phạm Thị Dung" => p.ratings.retain(|r| r.year != 2024),
            "Võ Văn Giang" => p.ratings[1].level = RatingLevel::Ht,
            "Hoàng Văn Em" => p.discipline_rewards.push(DisciplineReward {
                kind: RecordKind::Discipline,
                form: "Khiển trách".into(),
                date: d("10/03/2026"),
                decision_no: "12-QĐ/UBKTĐU".into(),
                until: None,
                note: String::new(),
            }),
            _ => {}
        }
        ids.push(s.add_person(&p).unwrap());
    }
    s.add_term(&Term::new(
        TermKind::Party,
        2030,
        2035,
        YearMonth::new(2030, 7),
    ))
    .unwrap();
    let proposed = step(PlanStep::Proposed, "20/09/2026");
    let plans: &[(usize, &[&str])] = &[
        (0, &["BCH", "BTV", "BT"]),
        (1, &["BCH", "BTV", "PBT-TT"]),
        (2, &["BCH", "BT"]),
        (3, &["BCH", "PBT-TT"]),
        (4, &["BCH", "CN-UBKT"]),
        (5, &["BCH"]),
        (6, &["BCH", "BTV"]),
        (7, &["BCH"]),
    ];
    for (i, codes) in plans {
        for code in *codes {
            let entry = s
                .plan_person("2030-2035", code, ids[*i], &proposed)
                .unwrap();
            match (*i, *code) {
                (6, "BTV") => s.add_plan_step(entry, &approved(15)).unwrap(),
                (7, "BCH") => s.add_plan_step(entry, &approved(20)).unwrap(),
                _ => {}
            }
        }
    }
    let target = |body: &str, indicator, threshold, age_under, year| Target {
        id: None,
        body: body.into(),
        indicator,
        threshold,
        strict: false,
        age_under,
        year,
        source: "Kế hoạch 52-KH/ĐU".into(),
    };
    for t in [
        target("BCH", Indicator::Young, 0.10, Some(40), 2030),
        target("BCH", Indicator::Young, 0.15, Some(40), 2035),
        target("BCH", Indicator::Women, 0.20, None, 2030),
        target("BTV", Indicator::WomenCount, 1.0, None, 2030),
        target("CHU_CHOT", Indicator::Degree, 1.0, None, 2030),
        target("CHU_CHOT", Indicator::TheoryMid, 1.0, None, 2030),
        target(
            "CHU_CHOT",
            Indicator::YoungForeignLanguage,
            0.40,
            Some(40),
            2030,
        ),
    ] {
        s.add_target(&t).unwrap();
    }
    s
}
