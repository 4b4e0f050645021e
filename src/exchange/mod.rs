//! "Gửi cấp trên" (issue 25): the package a ward sends up to the province — its plan of a term,
//! the people in it, its targets, its check and statistics — as a SQLite file made in memory,
//! signed with the ward's Ed25519 key (minisign format) and encrypted to the province's X25519
//! key (age format). No network: the file is carried. The format is documented in
//! docs/province-exchange.md; the use cases are `app::exchange` (the ward) and `app::province`.

pub mod keys;
pub mod package;
