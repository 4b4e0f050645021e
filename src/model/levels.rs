//! The closed lists of a cadre record (sex, status, education and theory levels, ratings),
//! each with a stable code for JSON and the database and a Vietnamese label for people.

use serde::{Deserialize, Serialize};

/// A closed list with a stable code (JSON, database) and a Vietnamese label.
macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal => $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use codes;

codes!(
    /// Giới tính.
    Sex {
        Male = "nam" => "Nam",
        Female = "nu" => "Nữ",
    }
);

codes!(
    /// Tình trạng công tác.
    Status {
        Working = "dang_cong_tac" => "Đang công tác",
        Transferred = "chuyen_cong_tac" => "Đã chuyển công tác",
        Retired = "nghi_huu" => "Đã nghỉ hưu",
        Deceased = "tu_tran" => "Đã từ trần",
    }
);

codes!(
    /// Trình độ chuyên môn (ordered from lowest).
    ProfessionalLevel {
        SoCap = "so_cap" => "Sơ cấp",
        TrungCap = "trung_cap" => "Trung cấp",
        CaoDang = "cao_dang" => "Cao đẳng",
        DaiHoc = "dai_hoc" => "Đại học",
        ThacSi = "thac_si" => "Thạc sĩ",
        TienSi = "tien_si" => "Tiến sĩ",
    }
);

codes!(
    /// Lý luận chính trị (ordered from lowest).
    PoliticalTheory {
        SoCap = "so_cap" => "Sơ cấp",
        TrungCap = "trung_cap" => "Trung cấp",
        CaoCap = "cao_cap" => "Cao cấp",
        CuNhan = "cu_nhan" => "Cử nhân",
    }
);

codes!(
    /// Quản lý nhà nước (ordered from lowest).
    StateManagement {
        CanSu = "can_su" => "Cán sự",
        ChuyenVien = "chuyen_vien" => "Chuyên viên",
        ChuyenVienChinh = "chuyen_vien_chinh" => "Chuyên viên chính",
        ChuyenVienCaoCap = "chuyen_vien_cao_cap" => "Chuyên viên cao cấp",
    }
);

codes!(
    /// Xếp loại chất lượng hằng năm (QĐ 366-QĐ/TW), ordered from best.
    RatingLevel {
        Htxs = "HTXS" => "Hoàn thành xuất sắc nhiệm vụ",
        Htt = "HTT" => "Hoàn thành tốt nhiệm vụ",
        Ht = "HT" => "Hoàn thành nhiệm vụ",
        Kht = "KHT" => "Không hoàn thành nhiệm vụ",
    }
);

codes!(
    /// Kỷ luật hay khen thưởng.
    RecordKind {
        Discipline = "ky_luat" => "Kỷ luật",
        Reward = "khen_thuong" => "Khen thưởng",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_levels_are_ordered() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(*s));
        }
        assert!(PoliticalTheory::CaoCap > PoliticalTheory::TrungCap);
        assert!(ProfessionalLevel::DaiHoc > ProfessionalLevel::CaoDang);
        assert_eq!(Sex::Female.label(), "Nữ");
        assert_eq!(serde_json::to_string(&RatingLevel::Htt).unwrap(), "\"HTT\"");
    }
}
