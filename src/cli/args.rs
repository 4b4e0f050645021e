//! Command-line arguments of `quyhoach` (clap). Usage errors exit with code 2.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "quyhoach",
    version,
    about = "Quy hoạch cán bộ — hồ sơ cán bộ trong cơ sở dữ liệu mã hóa",
    long_about = "Quy hoạch cán bộ — hồ sơ cán bộ trong cơ sở dữ liệu mã hóa (SQLCipher 4).\n\
        Mật khẩu lấy từ --passphrase-file, hoặc biến môi trường QUYHOACH_PASSPHRASE, hoặc được hỏi khi chạy.\n\
        Mã thoát: 0 thành công, 1 lỗi dữ liệu hoặc thao tác (thông báo tiếng Việt trên stderr), 2 sai cú pháp lệnh."
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Tệp cơ sở dữ liệu (mặc định: tệp dữ liệu của ứng dụng)
    #[arg(long, global = true, value_name = "TỆP")]
    pub db: Option<PathBuf>,
    /// Tệp chứa mật khẩu (dòng đầu tiên)
    #[arg(long, global = true, value_name = "TỆP")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Tạo cơ sở dữ liệu mới cho đơn vị
    Init {
        /// Tên đơn vị, ví dụ "Đảng ủy phường Phổ Hòa"
        #[arg(long)]
        ward: String,
        /// Cấp trên trực tiếp, ví dụ "Đảng bộ tỉnh Quảng Ngãi"
        #[arg(long)]
        superior: String,
        /// Địa danh ghi ở dòng ngày tháng, ví dụ "Phổ Hòa"
        #[arg(long)]
        place: String,
        /// Ký hiệu cơ quan ban hành
        #[arg(long, default_value = "ĐU")]
        issuer_code: String,
    },
    /// Tạo cơ sở dữ liệu phường mẫu (dữ liệu bịa, cố định)
    Demo {
        /// Tệp sẽ tạo (mặc định: --db)
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
        /// Số người
        #[arg(long, default_value_t = quyhoach::demo::DEMO_SIZE)]
        size: usize,
    },
    /// Hồ sơ cán bộ
    #[command(subcommand)]
    Person(PersonCommand),
    /// Sao lưu sang một tệp mới (được kiểm tra trước khi báo xong)
    Backup {
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
    },
    /// Khôi phục từ bản sao lưu (tệp đang dùng được giữ lại bên cạnh)
    Restore {
        #[arg(long, value_name = "TỆP")]
        from: PathBuf,
    },
    /// Đổi mật khẩu
    Passwd {
        /// Tệp chứa mật khẩu mới (hoặc biến QUYHOACH_NEW_PASSPHRASE)
        #[arg(long, value_name = "TỆP")]
        new_passphrase_file: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PersonCommand {
    /// Thêm hồ sơ từ JSON (một đối tượng hoặc một mảng; đọc stdin nếu không có --file)
    Add {
        #[arg(long, value_name = "TỆP")]
        file: Option<PathBuf>,
    },
    /// Sửa hồ sơ: các trường trong JSON thay cho trường cũ, trường khác giữ nguyên
    Edit {
        id: i64,
        #[arg(long, value_name = "TỆP")]
        file: Option<PathBuf>,
    },
    /// Xem hồ sơ (JSON)
    Show { id: i64 },
    /// Danh sách theo thứ tự tên
    List {
        #[arg(long)]
        json: bool,
    },
    /// Tìm theo tên hoặc số CCCD, không phân biệt dấu và hoa thường
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Xóa hồ sơ (vẫn còn trong nhật ký thay đổi)
    Remove { id: i64 },
    /// Nhật ký thay đổi của một hồ sơ (JSON)
    History { id: i64 },
}
