//! A deterministic, realistic demo ward: the same people every time, so a newcomer sees a working
//! ward at once and benchmarks can grow it to any size. Every name and number is invented.

use crate::error::Result;
use crate::model::*;
use crate::store::Store;

/// Passphrase of the demo ward file, shown on the first-run screen (not a secret: the data is invented).
pub const DEMO_PASSPHRASE: &str = "phuongmau2026";
/// Number of people in the standard demo ward.
pub const DEMO_SIZE: usize = 60;
/// Ages in the demo are counted at this year, so the file is the same whenever it is made.
const REFERENCE_YEAR: i32 = 2026;

pub fn demo_unit() -> Unit {
    Unit {
        name: "Đảng ủy phường Hòa An".into(),
        superior_body: "Đảng bộ tỉnh Quảng Ngãi".into(),
        place_name: "Hòa An".into(),
        issuer_code: "ĐU".into(),
    }
}

/// xorshift64*: tiny, deterministic, good enough to spread invented data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
];
const MIDDLE_M: &[&str] = &[
    "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công", "Ngọc", "Xuân", "Văn",
];
const MIDDLE_F: &[&str] = &[
    "Thị",
    "Thị Thu",
    "Thị Ngọc",
    "Thu",
    "Ngọc",
    "Thị Kim",
    "Thị Hồng",
    "Phương",
    "Thị",
];
const GIVEN_M: &[&str] = &[
    "Hòa", "Hùng", "Dũng", "Đức", "Tuấn", "Nam", "Sơn", "Long", "Quang", "Thắng", "Phong", "Khánh",
    "Bảo", "Hiếu", "Trung", "Tâm", "An", "Vinh", "Lộc", "Phúc", "Hưởng", "Mạnh",
];
const GIVEN_F: &[&str] = &[
    "Lan", "Hương", "Hoa", "Mai", "Hạnh", "Thảo", "Nga", "Ánh", "Trang", "Yến", "Hằng", "Linh",
    "Dung", "Oanh", "Thủy", "Hoà", "Nguyệt", "Thắm",
];
const PLACES: &[&str] = &[
    "xã Phổ Thuận, tỉnh Quảng Ngãi",
    "phường Hòa An, tỉnh Quảng Ngãi",
    "xã Tịnh Sơn, tỉnh Quảng Ngãi",
    "xã Đức Phong, tỉnh Quảng Ngãi",
    "phường Trương Quang Trọng, tỉnh Quảng Ngãi",
    "xã Bình Sơn, tỉnh Quảng Ngãi",
    "phường Hải Châu, thành phố Đà Nẵng",
];
const FIELDS: &[&str] = &[
    "Luật",
    "Kinh tế",
    "Quản lý nhà nước",
    "Hành chính học",
    "Kế toán",
    "Xây dựng Đảng và chính quyền nhà nước",
    "Công nghệ thông tin",
    "Sư phạm Ngữ văn",
    "Quản trị kinh doanh",
];
/// Leadership posts of a ward, held by the first people of the demo.
const LEADERS: &[(&str, &str)] = &[
    ("Bí thư Đảng ủy", "Đảng ủy phường"),
    ("Phó Bí thư Thường trực Đảng ủy", "Đảng ủy phường"),
    ("Chủ tịch UBND", "UBND phường"),
    ("Phó Chủ tịch UBND", "UBND phường"),
    ("Phó Chủ tịch UBND", "UBND phường"),
    ("Phó Chủ tịch HĐND", "HĐND phường"),
    ("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Đảng ủy phường"),
    ("Trưởng Ban Xây dựng Đảng", "Đảng ủy phường"),
    ("Chánh Văn phòng Đảng ủy", "Đảng ủy phường"),
    ("Chủ tịch Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ phường"),
    (
        "Chỉ huy trưởng Ban Chỉ huy Quân sự",
        "Ban Chỉ huy Quân sự phường",
    ),
    ("Trưởng Công an phường", "Công an phường"),
    ("Bí thư Đoàn phường", "Đoàn TNCS Hồ Chí Minh phường"),
    ("Chủ tịch Hội Liên hiệp Phụ nữ", "Hội LHPN phường"),
    ("Chủ tịch Hội Cựu chiến binh", "Hội CCB phường"),
    ("Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Đảng ủy phường"),
    ("Phó Trưởng Ban Xây dựng Đảng", "Đảng ủy phường"),
    ("Phó Chủ tịch Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ phường"),
];
const STAFF: &[&str] = &[
    "Công chức Văn phòng – Thống kê",
    "Công chức Địa chính – Xây dựng",
    "Công chức Tư pháp – Hộ tịch",
    "Công chức Văn hóa – Xã hội",
    "Công chức Tài chính – Kế toán",
    "Chuyên viên Văn phòng Đảng ủy",
    "Chuyên viên Ban Xây dựng Đảng",
];

fn date(y: i32, m: u32, d: u32) -> PartialDate {
    PartialDate::ymd(y, m, d.min(28)).expect("ngày mẫu hợp lệ")
}

/// The `i`-th invented person of a ward of `n` (deterministic).
fn person(i: usize, n: usize, rng: &mut Rng) -> Person {
    let female = i % 5 == 1 || i % 5 == 3 || (i.is_multiple_of(7) && i > 0);
    let sex = if female { Sex::Female } else { Sex::Male };
    let (middle, given) = if female {
        (rng.pick(MIDDLE_F), rng.pick(GIVEN_F))
    } else {
        (rng.pick(MIDDLE_M), rng.pick(GIVEN_M))
    };
    let full_name = format!("{} {} {}", rng.pick(FAMILY), middle, given);
    let leader = i < LEADERS.len() && i < n;
    // Ages at the reference year: leaders 35–54; the others spread over 24–61, ends included.
    let age = if leader {
        35 + ((i * 7) % 20) as i32
    } else {
        let (j, others) = (
            i - LEADERS.len().min(n),
            n.saturating_sub(LEADERS.len()).max(2) - 1,
        );
        let spread = 24 + ((j * 37) / others) as i32;
        let jitter = if j == 0 || j == others {
            0
        } else {
            rng.below(3) as i32 - 1
        };
        (spread + jitter).clamp(24, 61)
    };
    let by = REFERENCE_YEAR - age;
    let (bm, bd) = (1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
    let birth = match i % 9 {
        4 => PartialDate::y(by).expect("năm hợp lệ"),
        7 => PartialDate::ym(by, bm).expect("tháng hợp lệ"),
        _ => date(by, bm, bd),
    };
    let mut p = Person::new(&full_name, sex, birth);
    if i % 23 == 5 {
        p.ethnicity = "Hrê".into();
    } else if i % 31 == 9 {
        p.ethnicity = "Cor".into();
    }
    if i % 17 == 3 {
        p.religion = "Phật giáo".into();
    }
    p.home_town = rng.pick(PLACES).into();
    p.birthplace = p.home_town.clone();
    p.residence = format!(
        "Tổ dân phố {}, phường Hòa An, tỉnh Quảng Ngãi",
        1 + rng.below(12)
    );
    let century_sex = match (by >= 2000, female) {
        (false, false) => 0,
        (false, true) => 1,
        (true, false) => 2,
        (true, true) => 3,
    };
    p.cccd = Some(format!(
        "051{}{:02}{:06}",
        century_sex,
        by % 100,
        (i as u64 * 7919 + 13) % 1_000_000
    ));
    if i % 13 == 6 {
        p.old_id = format!("21{:07}", 1_000_000 + i * 37);
    }

    // Party: every leader and most others.
    if leader || rng.chance(75) {
        let y = by + 22 + rng.below(6) as i32;
        let y = y.min(2024);
        let m = 1 + rng.below(12) as u32;
        p.party_admission_date = Some(date(y, m, 1 + rng.below(28) as u32));
        p.party_official_date = Some(date(y + 1, m, 1 + rng.below(28) as u32));
        p.party_card_no = format!("{:012}", 79_000_000_000u64 + i as u64 * 104_729);
    }

    p.general_education = if age > 55 && i.is_multiple_of(3) {
        "10/10".into()
    } else {
        "12/12".into()
    };
    p.professional_level = Some(match rng.below(10) {
        0 => ProfessionalLevel::TrungCap,
        1 => ProfessionalLevel::CaoDang,
        2 | 3 if leader => ProfessionalLevel::ThacSi,
        _ => ProfessionalLevel::DaiHoc,
    });
    p.professional_field = rng.pick(FIELDS).into();
    p.political_theory = if leader {
        Some(if i < 3 || rng.chance(30) {
            PoliticalTheory::CaoCap
        } else {
            PoliticalTheory::TrungCap
        })
    } else {
        match rng.below(4) {
            0 => None,
            1 => Some(PoliticalTheory::TrungCap),
            _ => Some(PoliticalTheory::SoCap),
        }
    };
    p.state_management = match (leader, rng.below(4)) {
        (true, 0) => Some(StateManagement::ChuyenVienChinh),
        (true, _) => Some(StateManagement::ChuyenVien),
        (false, 0) => None,
        (false, 1) => Some(StateManagement::CanSu),
        _ => Some(StateManagement::ChuyenVien),
    };
    p.foreign_language = match rng.below(4) {
        0 => Skill {
            level: "Bậc 3".into(),
            note: "Tiếng Anh".into(),
        },
        1 => Skill {
            level: "Bậc 2".into(),
            note: "Tiếng Anh".into(),
        },
        2 => Skill {
            level: String::new(),
            note: "Anh văn B".into(),
        },
        _ => Skill::default(),
    };
    p.it = if rng.chance(70) {
        Skill {
            level: "Ứng dụng CNTT cơ bản".into(),
            note: String::new(),
        }
    } else {
        Skill {
            level: String::new(),
            note: "Tin học văn phòng A".into(),
        }
    };

    // Positions: the earlier post, then the current one.
    let start_year = (by + 23 + rng.below(8) as i32).min(2023);
    let current_start = (start_year + 3 + rng.below(8) as i32).min(2025);
    let org = "phường Hòa An";
    let staff = rng.pick(STAFF);
    p.positions.push(PositionHeld {
        title: staff.into(),
        organisation: format!("UBND {org}"),
        start: Some(date(start_year, 1 + rng.below(12) as u32, 1)),
        end: Some(date(current_start, 6, 30)),
    });
    if leader {
        let (title, body) = LEADERS[i];
        p.positions.push(PositionHeld {
            title: title.into(),
            organisation: body.replace("phường", org),
            start: Some(date(current_start, 7, 1)),
            end: None,
        });
        if i == 0 {
            p.positions.push(PositionHeld {
                title: "Chủ tịch HĐND".into(),
                organisation: format!("HĐND {org}"),
                start: Some(date(2026, 3, 20)),
                end: None,
            });
        }
    } else {
        p.positions.push(PositionHeld {
            title: staff.into(),
            organisation: format!("UBND {org}"),
            start: Some(date(current_start, 7, 1)),
            end: None,
        });
    }

    // Three years of ratings (QĐ 366 scores from 2025 on).
    for year in [2023, 2024, 2025] {
        if year - by < 24 {
            continue;
        }
        let level = match rng.below(20) {
            0..=3 => RatingLevel::Htxs,
            4..=15 => RatingLevel::Htt,
            16..=18 => RatingLevel::Ht,
            _ if i % 11 == 8 => RatingLevel::Kht,
            _ => RatingLevel::Htt,
        };
        let score = (year >= 2025).then(|| match level {
            RatingLevel::Htxs => 90.0 + rng.below(8) as f64,
            RatingLevel::Htt => 70.0 + rng.below(20) as f64,
            RatingLevel::Ht => 50.0 + rng.below(20) as f64,
            RatingLevel::Kht => 30.0 + rng.below(20) as f64,
        });
        let basis = if year >= 2025 {
            "QĐ 366-QĐ/TW"
        } else {
            "QĐ 124-QĐ/TW"
        };
        p.ratings.push(Rating {
            year,
            level,
            score,
            basis: basis.into(),
        });
    }

    if i % 19 == 10 {
        p.discipline_rewards.push(DisciplineReward {
            kind: RecordKind::Discipline,
            form: "Khiển trách".into(),
            date: date(2024, 9, 12),
            decision_no: format!("{}-QĐ/UBKTĐU", 30 + i),
            until: Some(date(2025, 9, 12)),
            note: "Vi phạm quy định về thực hiện nhiệm vụ được giao".into(),
        });
    }
    if i.is_multiple_of(4) {
        p.discipline_rewards.push(DisciplineReward {
            kind: RecordKind::Reward,
            form: "Giấy khen của Đảng ủy phường".into(),
            date: date(2025, 1, 15),
            decision_no: format!("{}-QĐ/ĐU", 100 + i),
            until: None,
            note: "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2024".into(),
        });
    }
    if p.political_theory == Some(PoliticalTheory::TrungCap) && i.is_multiple_of(2) {
        p.trainings.push(Training {
            name: "Trung cấp lý luận chính trị – hành chính".into(),
            institution: "Trường Chính trị tỉnh Quảng Ngãi".into(),
            from: Some(PartialDate::ym(2021, 3).expect("tháng hợp lệ")),
            to: Some(PartialDate::ym(2022, 1).expect("tháng hợp lệ")),
            certificate: "Bằng tốt nghiệp".into(),
        });
    }

    // A few have left: transferred, retired.
    if !leader && i % 20 == 19 {
        p.status = Status::Transferred;
        p.status_date = Some(date(2025, 10, 1));
        p.status_reason = "Điều động về công tác tại Ủy ban MTTQ tỉnh".into();
        if let Some(last) = p.positions.last_mut() {
            last.end = Some(date(2025, 9, 30));
        }
    } else if !leader && age >= 59 && i % 2 == 1 {
        p.status = Status::Retired;
        p.status_date = Some(date(2025, 12, 1));
        p.status_reason = "Đủ tuổi nghỉ hưu theo Nghị định 135/2020/NĐ-CP".into();
        if let Some(last) = p.positions.last_mut() {
            last.end = Some(date(2025, 11, 30));
        }
    }
    p
}

/// `n` invented people; the same list every time for the same `n`.
pub fn demo_people(n: usize) -> Vec<Person> {
    demo_people_seeded(n, 0)
}

/// `n` invented people of generated ward number `seed` (0 is the demo ward's own list).
pub fn demo_people_seeded(n: usize, seed: u64) -> Vec<Person> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0xD1B5_4A32_D192_ED03));
    (0..n).map(|i| person(i, n, &mut rng)).collect()
}

/// A generated ward for the province's benchmarks and tests (issue 25): the demo ward's plan
/// and targets, named "Đảng ủy phường Mẫu {seed}", with `n` seeded people of whom every one
/// not already planned is proposed for the committee (BCH), so the whole ward is in the plan.
pub fn create_planned_ward(
    path: &std::path::Path,
    passphrase: &str,
    n: usize,
    seed: u64,
) -> Result<Store> {
    use crate::model::plan::{PlanEvent, PlanStep};
    crate::validate::validate_passphrase(passphrase)?;
    let mut unit = demo_unit();
    unit.name = format!("Đảng ủy phường Mẫu {seed}");
    let mut store = Store::create(path, passphrase, &unit)?;
    store.write(|store| {
        let ids = store.add_people(&demo_people_seeded(n, seed))?;
        if n >= LEADERS.len() {
            add_demo_plan(store, &ids)?;
        }
        let planned: std::collections::HashSet<i64> = store
            .plan_data("2030-2035")
            .map(|d| d.entries.iter().map(|e| e.person_id).collect())
            .unwrap_or_default();
        let proposed = PlanEvent::new(PlanStep::Proposed, date(2026, 9, 15));
        for id in ids.iter().filter(|id| !planned.contains(id)) {
            store.plan_person("2030-2035", "BCH", *id, &proposed)?;
        }
        Ok(())
    })?;
    Ok(store)
}

/// Writes the demo ward into a new encrypted file, with the 2030–2035 plan started and the
/// targets of a ward like seed 002.
pub fn create_demo(path: &std::path::Path, passphrase: &str, n: usize) -> Result<Store> {
    crate::validate::validate_passphrase(passphrase)?;
    let mut store = Store::create(path, passphrase, &demo_unit())?;
    store.write(|store| {
        let ids = store.add_people(&demo_people(n))?;
        if n >= LEADERS.len() {
            add_demo_plan(store, &ids)?;
        }
        if ids.len() > 45 {
            add_demo_programme(store, &ids)?;
        }
        Ok(())
    })?;
    Ok(store)
}

fn add_demo_plan(store: &mut Store, ids: &[i64]) -> Result<()> {
    use crate::model::plan::{PlanEvent, PlanStep, Term, TermKind};
    use crate::rules::targets::{Indicator, Target};
    // Deputies as a ward like this has them (HD 45: at most 3 per seat); committee sizes are the
    // rule set's (BCH 27, BTV 11, UBKT 5).
    for (code, seats) in [("PCT-UBND", 2), ("PTB-XDĐ", 2), ("PCT-MTTQ", 2)] {
        let mut p = store.position(code)?;
        p.seats = seats;
        store.save_position(&p)?;
    }
    let reference = crate::app::plan::default_reference_month(store, TermKind::Party, 2030)?;
    store.add_term(&Term::new(TermKind::Party, 2030, 2035, reference))?;
    let mut proposed = PlanEvent::new(PlanStep::Proposed, date(2026, 9, 15));
    proposed.note = "Hội nghị Ban Thường vụ giới thiệu nguồn".into();
    // (index of the person, position codes): leaders for higher posts, younger staff for the BCH.
    let plan: &[(usize, &[&str])] = &[
        (1, &["BCH", "BTV", "BT"]),
        (2, &["BCH", "BTV", "BT"]),
        (3, &["BCH", "BTV", "CT-UBND"]),
        (6, &["BCH", "BTV", "PBT-TT"]),
        (7, &["BCH", "PBT-TT"]),
        (8, &["BCH", "CN-UBKT"]),
        (9, &["BCH", "CT-MTTQ"]),
        (12, &["BCH"]),
        (13, &["BCH"]),
        (16, &["BCH", "TB-XDĐ"]),
        (20, &["BCH"]),
        (25, &["BCH"]),
        (30, &["BCH"]),
    ];
    for (i, codes) in plan {
        for code in codes.iter() {
            if let Some(id) = ids.get(*i) {
                store.plan_person("2030-2035", code, *id, &proposed)?;
            }
        }
    }
    let source = "Kế hoạch thực hiện Đề án xây dựng đội ngũ cán bộ (mẫu)";
    for (body, indicator, threshold, age_under, year) in [
        ("BCH", Indicator::Young, 0.10, Some(40), 2030),
        ("BCH", Indicator::Young, 0.15, Some(40), 2035),
        ("BCH", Indicator::Women, 0.20, None, 2030),
        ("BTV", Indicator::WomenCount, 1.0, None, 2030),
        ("CHU_CHOT", Indicator::Degree, 1.0, None, 2030),
        ("CHU_CHOT", Indicator::TheoryMid, 1.0, None, 2030),
        (
            "CHU_CHOT",
            Indicator::YoungForeignLanguage,
            0.40,
            Some(40),
            2030,
        ),
    ] {
        store.add_target(&Target {
            id: None,
            body: body.into(),
            indicator,
            threshold,
            strict: false,
            age_under,
            year,
            source: source.into(),
        })?;
    }
    Ok(())
}

/// A source programme like Đà Nẵng's (seed 000) with participants at every stage, so a
/// newcomer sees one at once: approved with training and evaluations, appointed (the post in
/// their record), withdrawn, and one proposed after the list was approved. Outside the plan's
/// people, so the plan's checks are unchanged.
fn add_demo_programme(store: &mut Store, ids: &[i64]) -> Result<()> {
    use crate::app::programmes::{self as prog, OutcomeInput, RecordInput};
    use crate::model::programme::Criteria;
    use crate::model::programme::NewProgramme;
    use crate::model::{ProfessionalLevel, RatingLevel};
    let id = store.create_programme(&NewProgramme {
        name: "Đề án tạo nguồn cán bộ cho chức danh Bí thư Đảng ủy, Chủ tịch UBND phường giai đoạn 2025–2030 (mẫu)".into(),
        deciding_body: "Ban Thường vụ Tỉnh ủy".into(),
        decision_no: "102-QĐ/TU".into(),
        decision_date: Some(date(2025, 3, 26)),
        start_year: 2025,
        end_year: 2030,
        posts: vec!["BT".into(), "CT-UBND".into()],
        criteria: Criteria {
            age_under: Some(45),
            professional: Some(ProfessionalLevel::DaiHoc),
            rating_years: 2,
            rating_min: Some(RatingLevel::Htt),
            ..Default::default()
        },
    })?;
    let (a, b, c, d, e) = (ids[40], ids[41], ids[42], ids[43], ids[44]);
    for p in [a, b, c, d] {
        store.propose_member(id, p, &date(2025, 5, 10))?;
    }
    store.approve_programme_list(id, "215-QĐ/TU", &date(2025, 6, 15))?;
    let training = RecordInput {
        kind: "dao_tao".into(),
        date: "01/09/2025".into(),
        to: "30/11/2025".into(),
        content: "Bồi dưỡng kỹ năng lãnh đạo, quản lý cấp xã".into(),
        institution: "Trường Chính trị tỉnh".into(),
        result: "Hoàn thành".into(),
        certificate: "Giấy chứng nhận".into(),
        ..Default::default()
    };
    for p in [a, b, c] {
        prog::add_record(store, id, p, &training)?;
    }
    for (p, rating) in [(a, "HTXS"), (b, "HTT")] {
        prog::add_record(
            store,
            id,
            p,
            &RecordInput {
                kind: "danh_gia".into(),
                date: "2025".into(),
                content: "Có năng lực, triển vọng phát triển".into(),
                rating: rating.into(),
                ..Default::default()
            },
        )?;
    }
    prog::set_outcome(
        store,
        id,
        a,
        &OutcomeInput {
            kind: "bo_nhiem".into(),
            post: "PCT-UBND".into(),
            date: "01/10/2026".into(),
            decision_no: "301-QĐ/UBND".into(),
            ..Default::default()
        },
    )?;
    prog::set_outcome(
        store,
        id,
        d,
        &OutcomeInput {
            kind: "ra_khoi".into(),
            date: "01/08/2026".into(),
            decision_no: "288-QĐ/TU".into(),
            reason: "Chuyển công tác".into(),
            ..Default::default()
        },
    )?;
    store.propose_member(id, e, &date(2026, 10, 20))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_deterministic_and_valid() {
        let a = demo_people(DEMO_SIZE);
        let b = demo_people(DEMO_SIZE);
        assert_eq!(a, b);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for p in &a {
            crate::validate::validate_person(p, today)
                .unwrap_or_else(|e| panic!("{}: {e}", p.full_name));
        }
        let women = a.iter().filter(|p| p.sex == Sex::Female).count();
        assert!(women > 15 && women < 40, "{women} nữ");
        let ages: Vec<i32> = a
            .iter()
            .map(|p| REFERENCE_YEAR - p.birth_date.year())
            .collect();
        assert_eq!(*ages.iter().min().unwrap(), 24);
        assert_eq!(*ages.iter().max().unwrap(), 61);
        assert!(a
            .iter()
            .any(|p| p.birth_date.precision() == Precision::Year));
        assert!(a.iter().any(|p| p.status == Status::Transferred));
        assert!(a.iter().any(|p| p.status == Status::Retired));
        let mut cccd: Vec<_> = demo_people(10_000)
            .into_iter()
            .filter_map(|p| p.cccd)
            .collect();
        cccd.sort();
        cccd.dedup();
        assert_eq!(cccd.len(), 10_000, "CCCD của dữ liệu mẫu phải khác nhau");
    }
}
