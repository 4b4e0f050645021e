//! The ward itself (đơn vị): what its documents print in the header and date line.

use serde::{Deserialize, Serialize};

fn default_issuer_code() -> String {
    "ĐU".into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// "Đảng ủy phường Phổ Hòa"
    pub name: String,
    /// The direct superior body: "Đảng bộ tỉnh Quảng Ngãi"
    pub superior_body: String,
    /// The place name of the date line: "Phổ Hòa"
    pub place_name: String,
    /// Issuer code in document numbers: "ĐU"
    #[serde(default = "default_issuer_code")]
    pub issuer_code: String,
}
