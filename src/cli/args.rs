//! Command-line arguments of `quyhoach` (clap). Usage errors exit with code 2.
//!
//! clap's own texts are English; none reaches the clerk. Its help and version flags are ours
//! (`builtin_args`), its headings and usage line come from `TEMPLATE` and `vietnamese`, applied
//! to every subcommand, and the few fragments clap writes with no setting (`[OPTIONS]`,
//! `[default: …]`, `[aliases: …]`) are said again by `said_in_vietnamese`; usage errors are told
//! by `usage_error`. `parse` is the one entry (main.rs).

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Args, Parser, Subcommand};

/// The layout of every command's help: clap's own, with its headings in Vietnamese.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";
/// The headings of the help's sections.
const COMMANDS: &str = "Lệnh";
const OPTIONS: &str = "Tùy chọn";
const ARGUMENTS: &str = "Tham số";

#[derive(Parser, Debug)]
#[command(
    name = "quyhoach",
    // The name the help and usage lines say, on Windows too (not "quyhoach.exe"): what the clerk
    // types in a command prompt.
    bin_name = "quyhoach",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    args = builtin_args(),
    help_template = TEMPLATE,
    subcommand_help_heading = COMMANDS,
    subcommand_value_name = "LỆNH",
    mut_args = vietnamese_arg,
    mut_subcommands = vietnamese,
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
        /// Tệp sao lưu sẽ tạo
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
    },
    /// Khôi phục từ bản sao lưu (tệp đang dùng được giữ lại bên cạnh); đơn vị giữ mật khẩu hiện tại
    Restore {
        /// Tệp sao lưu cần khôi phục
        #[arg(long, value_name = "TỆP")]
        from: PathBuf,
        /// Tệp chứa mật khẩu lúc sao lưu, nếu khác mật khẩu hiện tại (bản sao lưu trước khi đổi mật khẩu)
        #[arg(long, value_name = "TỆP")]
        backup_passphrase_file: Option<PathBuf>,
    },
    /// Nhiệm kỳ quy hoạch
    #[command(subcommand)]
    Term(TermCommand),
    /// Danh mục chức danh quy hoạch
    #[command(subcommand)]
    Position(PositionCommand),
    /// Quy hoạch: đưa vào, phê duyệt, bổ sung, đưa ra
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Đợt rà soát, bổ sung hằng năm
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Bộ quy định (tham số kiểm tra), có phiên bản
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Chỉ tiêu của đơn vị
    #[command(subcommand)]
    Target(TargetCommand),
    /// Đề án tạo nguồn
    #[command(subcommand)]
    Programme(ProgrammeCommand),
    /// Cán bộ trẻ theo tiêu chí do đơn vị đặt
    #[command(subcommand)]
    Young(YoungCommand),
    /// Luân chuyển, điều động, tăng cường và danh sách cần luân chuyển
    #[command(subcommand)]
    Rotation(RotationCommand),
    /// Kiểm tra quy hoạch của nhiệm kỳ theo quy định và chỉ tiêu
    Check {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
        /// Ngày kiểm tra dd/mm/yyyy (mặc định hôm nay): xếp loại các năm trước đó, kỷ luật còn hiệu lực
        #[arg(long, value_name = "NGÀY")]
        as_of: Option<String>,
    },
    /// Thống kê cơ cấu của quy hoạch (toàn bộ, chủ chốt hoặc một chức danh)
    Stats {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// TAT_CA (toàn bộ), CHU_CHOT (chủ chốt) hoặc mã chức danh (BCH, BTV…)
        #[arg(long, default_value = "TAT_CA")]
        body: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Dự báo nguồn kế cận 5, 10 hoặc 20 năm tới: mỗi chức danh, mỗi năm còn ai kế cận; cơ cấu nếu không bổ sung
    Forecast {
        /// Nhiệm kỳ của quy hoạch được đọc (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// Năm bắt đầu dự báo (mặc định năm nay)
        #[arg(long, value_name = "NĂM")]
        from: Option<i32>,
        /// Số năm dự báo: 5, 10 hoặc 20 (mặc định 20)
        #[arg(long, value_name = "SỐ NĂM")]
        years: Option<u32>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Danh sách cán bộ cần đào tạo, bồi dưỡng theo chức danh quy hoạch
    Gaps {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Xuất Excel: can-bo (danh sách cán bộ), trich-ngang (danh sách trích ngang quy hoạch),
    /// co-cau (biểu cơ cấu, chất lượng), ra-soat (kết quả rà soát một năm), dao-tao (cần đào tạo)
    Export {
        /// Loại: can-bo, trich-ngang, co-cau, ra-soat, dao-tao
        kind: String,
        /// Tệp Excel sẽ lưu (.xlsx)
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
        /// Mẫu cột (JSON); mặc định mẫu có sẵn trong assets/templates
        #[arg(long, value_name = "TỆP")]
        template: Option<PathBuf>,
        /// Dòng "(Kèm theo Tờ trình số …)" dưới tiêu đề
        #[arg(long = "attached-to", visible_alias = "kem-theo", value_name = "DÒNG")]
        kem_theo: Option<String>,
        /// Nhiệm kỳ (mã), cho các loại về quy hoạch
        #[arg(long)]
        term: Option<String>,
        /// Năm rà soát (mặc định năm nay); xếp loại lấy 3 năm trước năm này
        #[arg(long = "year", visible_alias = "nam", value_name = "NĂM")]
        nam: Option<i32>,
    },
    /// Nhập danh sách cán bộ từ Excel (.xlsx, .xls, .ods) hoặc .csv: xem trước, rồi nhập tất cả hoặc không
    Import {
        /// Tệp danh sách: .xlsx, .xls, .ods hoặc .csv
        file: PathBuf,
        /// Trang cần đọc (mặc định trang đầu tiên có dòng tiêu đề nhận ra được)
        #[arg(long)]
        sheet: Option<String>,
        /// Gán cột: "Tên cột=Tên trường" hoặc "C=Tên trường", ví dụ "C=Ngày sinh (Nam)",
        /// "H=Bỏ qua cột này" (khóa như birth_male cũng được); lặp lại được
        #[arg(long, value_name = "CỘT=TRƯỜNG")]
        map: Vec<String>,
        /// Nhập các dòng hợp lệ, bỏ qua các dòng lỗi (lưu vào tệp --rejected, mặc định cạnh tệp nguồn)
        #[arg(long = "skip-invalid", visible_alias = "bo-dong-loi")]
        bo_dong_loi: bool,
        /// Chỉ xem trước, không ghi gì
        #[arg(long)]
        dry_run: bool,
        /// Lưu các dòng bị từ chối (kèm lý do) ra tệp Excel này
        #[arg(long, value_name = "TỆP")]
        rejected: Option<PathBuf>,
        /// In bản xem trước dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Văn bản theo thể thức của Đảng, PDF hoặc Word (.docx); các loại: xem quyhoach doc --help
    Doc {
        /// The request's fields, defined once in the core (flags with their help there).
        #[command(flatten)]
        input: Box<quyhoach::app::documents::DocInput>,
        /// "T/M ĐẢNG ỦY" hoặc "T/M BAN THƯỜNG VỤ" (nhớ cho lần sau)
        #[arg(
            long = "on-behalf",
            visible_alias = "thay-mat",
            value_name = "THẨM QUYỀN"
        )]
        thay_mat: Option<String>,
        /// Chức vụ người ký: BÍ THƯ, PHÓ BÍ THƯ… (nhớ cho lần sau)
        #[arg(
            long = "signer-title",
            visible_alias = "chuc-vu",
            value_name = "CHỨC VỤ"
        )]
        chuc_vu: Option<String>,
        /// Họ tên người ký (nhớ cho lần sau)
        #[arg(long = "signer", visible_alias = "nguoi-ky", value_name = "HỌ TÊN")]
        nguoi_ky: Option<String>,
        /// Các đoạn văn sửa được: tệp JSON {"opening": [...], "closing": [...]}
        #[arg(long = "text", visible_alias = "van-ban", value_name = "TỆP")]
        van_ban: Option<PathBuf>,
    },
    /// Sổ đăng ký số văn bản: xem (số đã cấp, đã hủy, bỏ qua; đính chính ngày), hủy một số (không bao giờ dùng lại)
    #[command(subcommand)]
    Register(RegisterCommand),
    /// Gửi cấp trên (phường, xã): khóa ký, khóa của tỉnh, xuất gói dữ liệu ký và mã hóa; kiểm tra gói (tỉnh)
    #[command(subcommand)]
    Package(PackageCommand),
    /// Đơn vị cấp tỉnh: tạo dữ liệu, khóa, đăng ký phường xã, nhận gói, tổng hợp, danh sách, báo cáo
    #[command(subcommand)]
    Province(ProvinceCommand),
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
        /// Tệp JSON (không có hoặc "-": đọc từ stdin)
        #[arg(long, value_name = "TỆP")]
        file: Option<PathBuf>,
        /// Vẫn thêm khi đã có người cùng họ tên và ngày sinh (xác nhận đây là người khác)
        #[arg(long)]
        confirm_duplicate: bool,
    },
    /// Sửa hồ sơ: các trường trong JSON thay cho trường cũ, trường khác giữ nguyên
    Edit {
        /// Mã số cán bộ
        id: i64,
        /// Tệp JSON (không có hoặc "-": đọc từ stdin)
        #[arg(long, value_name = "TỆP")]
        file: Option<PathBuf>,
    },
    /// Xem hồ sơ (JSON)
    Show {
        /// Mã số cán bộ
        id: i64,
    },
    /// Danh sách theo thứ tự tên
    List {
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Tìm theo tên hoặc số CCCD, không phân biệt dấu và hoa thường
    Search {
        /// Tên hoặc số CCCD cần tìm
        query: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Xóa hồ sơ (vẫn còn trong nhật ký thay đổi)
    Remove {
        /// Mã số cán bộ
        id: i64,
    },
    /// Nhật ký thay đổi của một hồ sơ (JSON)
    History {
        /// Mã số cán bộ
        id: i64,
    },
}

#[derive(Args, Debug, Clone)]
pub struct StepArgs {
    /// Bước: de_xuat, phe_duyet, bo_sung, tiep_tuc, da_bo_tri, dua_ra
    #[arg(long, default_value = "de_xuat")]
    pub step: String,
    /// Ngày của bước (dd/mm/yyyy; mặc định hôm nay)
    #[arg(long)]
    pub date: Option<String>,
    /// Số quyết định, ví dụ "125-QĐ/TU"
    #[arg(long, default_value = "")]
    pub decision: String,
    /// Ngày quyết định dd/mm/yyyy
    #[arg(long, value_name = "NGÀY")]
    pub decision_date: Option<String>,
    /// Năm của đợt rà soát, bổ sung
    #[arg(long)]
    pub review_year: Option<i32>,
    /// Lý do đưa ra: qua_tuoi, ky_luat, tieu_chuan_chinh_tri, tieu_chuan, khong_hoan_thanh, vi_pham, chuyen_cong_tac, suc_khoe, nguyen_vong, khac
    #[arg(long)]
    pub reason: Option<String>,
    /// Ghi chú
    #[arg(long, default_value = "")]
    pub note: String,
    /// Kết quả phiếu: triệu tập,có mặt,phát ra,thu về,hợp lệ,đồng ý (ví dụ 33,31,31,31,30,25)
    #[arg(long)]
    pub votes: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum TermCommand {
    /// Thêm nhiệm kỳ, ví dụ: term add 2030-2035 --kind dang --reference 07/2030
    Add {
        /// Mã nhiệm kỳ năm đầu-năm cuối, ví dụ 2030-2035
        code: String,
        /// dang (cấp ủy) hoặc chinh_quyen (HĐND, UBND)
        #[arg(long)]
        kind: String,
        /// Mốc tính tuổi mm/yyyy (mặc định theo quy định: cấp ủy 07/năm đầu, HĐND/UBND 03/năm sau)
        #[arg(long, value_name = "THÁNG")]
        reference: Option<String>,
    },
    /// Danh sách nhiệm kỳ
    List {
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PositionCommand {
    /// Danh mục chức danh
    List {
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Thêm hoặc sửa một chức danh từ JSON (cùng mã thì sửa)
    Save {
        /// Tệp JSON (không có hoặc "-": đọc từ stdin)
        #[arg(long, value_name = "TỆP")]
        file: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PlanCommand {
    /// Đưa một người vào quy hoạch một chức danh trong một nhiệm kỳ
    Add {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// Mã chức danh (BT, CT-UBND…; xem position list)
        #[arg(long)]
        position: String,
        /// Mã số cán bộ
        #[arg(long)]
        person: i64,
        /// Đối tượng quy hoạch: 1 (một nhiệm kỳ, cần 60 tháng) hoặc 2 (hai nhiệm kỳ, cần 120 tháng)
        #[arg(long, default_value_t = 1)]
        terms: u8,
        #[command(flatten)]
        step: StepArgs,
    },
    /// Đổi đối tượng quy hoạch của một mục: 1 (một nhiệm kỳ) hoặc 2 (hai nhiệm kỳ)
    Terms {
        /// Mã số mục quy hoạch
        entry: i64,
        /// 1 hoặc 2
        terms: u8,
    },
    /// Thêm một bước (phê duyệt, bổ sung, tiếp tục, đã bố trí, đưa ra) cho một mục quy hoạch
    Step {
        /// Mã số mục quy hoạch
        entry: i64,
        #[command(flatten)]
        step: StepArgs,
    },
    /// Danh sách quy hoạch của nhiệm kỳ theo chức danh
    List {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Người có thể quy hoạch vào một chức danh, theo kết luận của phần kiểm tra: đủ điều kiện,
    /// đủ nhưng cần lưu ý (kèm lưu ý), chưa đủ (kèm lý do) — đúng danh sách ứng dụng hiển thị
    Candidates {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// Mã chức danh (BT, CT-UBND…; xem position list)
        #[arg(long)]
        position: String,
        /// Đối tượng quy hoạch: 1 (một nhiệm kỳ) hoặc 2 (hai nhiệm kỳ)
        #[arg(long, default_value_t = 1)]
        terms: u8,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Gợi ý phương án quy hoạch của nhiệm kỳ: đúng mọi quy định, đạt chỉ tiêu nhiều nhất có thể,
    /// mỗi lựa chọn kèm lý do; chỉ ghi khi có --apply (các dòng "thêm" vào bước đề xuất, ghi chú
    /// "theo gợi ý")
    Suggest {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// Chỉ tiêu bắt buộc, theo mã chỉ tiêu cách nhau bởi dấu phẩy (nu, tre, dai_hoc…); các chỉ tiêu khác là mong muốn
        #[arg(long, value_delimiter = ',', value_name = "MÃ")]
        hard: Vec<String>,
        /// Mã số cán bộ không đưa vào gợi ý, cách nhau bởi dấu phẩy
        #[arg(long, value_delimiter = ',', value_name = "MÃ_SỐ")]
        exclude: Vec<i64>,
        /// Mục quy hoạch (mã số) được phép bỏ hoặc giữ theo gợi ý; mặc định các mục đủ điều kiện được giữ nguyên
        #[arg(long, value_delimiter = ',', value_name = "MÃ_SỐ")]
        unlock: Vec<i64>,
        /// Số người mỗi vị trí mong muốn (mặc định: tối đa theo bộ quy định)
        #[arg(long, value_name = "SỐ")]
        per_seat: Option<usize>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
        /// Ghi phương án vào quy hoạch (một lần, tất cả hoặc không): các dòng "thêm"; cả các dòng "bỏ" khi có số và ngày quyết định
        #[arg(long)]
        apply: bool,
        /// Số quyết định đưa ra khỏi quy hoạch (cho các dòng "bỏ" khi ghi)
        #[arg(long, default_value = "")]
        decision: String,
        /// Ngày quyết định đưa ra khỏi quy hoạch, dd/mm/yyyy
        #[arg(long, value_name = "NGÀY", default_value = "")]
        decision_date: String,
    },
    /// Lịch sử các bước của các mục quy hoạch (JSON)
    History {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    /// Mở đợt rà soát, bổ sung quy hoạch của một năm
    Add {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
        /// Năm rà soát
        #[arg(long)]
        year: i32,
        /// Tên đợt
        #[arg(long, default_value = "")]
        name: String,
        /// Số quyết định
        #[arg(long, default_value = "")]
        decision: String,
    },
    /// Các đợt rà soát của nhiệm kỳ
    List {
        /// Nhiệm kỳ (mã, ví dụ 2030-2035)
        #[arg(long)]
        term: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// Bộ quy định áp dụng cho nhiệm kỳ (hoặc mới nhất), dạng JSON
    Show {
        /// Nhiệm kỳ (mã; mặc định: phiên bản mới nhất)
        #[arg(long)]
        term: Option<String>,
    },
    /// Các phiên bản bộ quy định
    List,
    /// Tạo phiên bản mới: sửa tham số (--param khoa=gia_tri, giá trị JSON) và/hoặc từ tệp JSON
    Set {
        /// Nhiệm kỳ có bộ quy định cần sửa (mặc định: phiên bản mới nhất)
        #[arg(long)]
        term: Option<String>,
        /// Tham số khóa=giá trị, ví dụ min_months=60 hoặc min_women_share=30% (lặp lại được)
        #[arg(long = "param", value_name = "KHÓA=GIÁ_TRỊ")]
        params: Vec<String>,
        /// Tệp JSON các tham số
        #[arg(long, value_name = "TỆP")]
        file: Option<PathBuf>,
        /// Tên phiên bản mới
        #[arg(long)]
        name: Option<String>,
        /// Áp dụng từ ngày dd/mm/yyyy (mặc định như phiên bản đang dùng)
        #[arg(long, value_name = "NGÀY")]
        effective: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum TargetCommand {
    /// Thêm chỉ tiêu, ví dụ: target add --body BCH --indicator tre --min 0.15 --year 2030 --age-under 40
    Add {
        /// TAT_CA, CHU_CHOT hoặc mã chức danh (BCH, BTV…)
        #[arg(long)]
        body: String,
        /// nu, tre, dai_hoc, llct_trung_cap, ngoai_ngu_tre, so_nu
        #[arg(long)]
        indicator: String,
        /// Ngưỡng: tỷ lệ (0,15 hoặc 0.15 = 15%) hoặc số người
        #[arg(long, value_parser = decimal)]
        min: f64,
        /// "trên" thay vì "từ … trở lên"
        #[arg(long)]
        strict: bool,
        /// Tuổi dưới N (cho tre, ngoai_ngu_tre)
        #[arg(long)]
        age_under: Option<i32>,
        /// Năm của chỉ tiêu
        #[arg(long)]
        year: i32,
        /// Căn cứ: văn bản giao chỉ tiêu
        #[arg(long, default_value = "")]
        source: String,
    },
    /// Các chỉ tiêu
    List {
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Xóa một chỉ tiêu
    Remove {
        /// Mã số chỉ tiêu (xem target list)
        id: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProgrammeCommand {
    /// Thêm đề án tạo nguồn (chỉ tên, quyết định, giai đoạn)
    Add {
        /// Tên đề án
        #[arg(long)]
        name: String,
        /// Số quyết định ban hành đề án
        #[arg(long, default_value = "")]
        decision: String,
        /// Năm bắt đầu
        #[arg(long)]
        from: i32,
        /// Năm kết thúc
        #[arg(long)]
        to: i32,
    },
    /// Tạo đề án với cơ quan quyết định, chức danh tạo nguồn và tiêu chí tuyển chọn
    Create {
        #[command(flatten)]
        details: ProgrammeArgs,
    },
    /// Sửa thông tin đề án (cho đủ các mục như khi tạo); người tham gia và hồ sơ của họ giữ nguyên
    Edit {
        /// Mã số đề án (xem programme list)
        programme: i64,
        #[command(flatten)]
        details: ProgrammeArgs,
    },
    /// Xóa đề án tạo nhầm (chỉ khi chưa có người tham gia)
    Remove {
        /// Mã số đề án (xem programme list)
        programme: i64,
    },
    /// Các đề án
    List,
    /// Người có thể đề xuất: từng tiêu chí đạt hay chưa
    Candidates {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Ngày dd/mm/yyyy
        #[arg(long)]
        date: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Đề xuất một người vào danh sách (từ chối, nêu tiêu chí, nếu chưa đủ tiêu chuẩn)
    Propose {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Mã số cán bộ
        #[arg(long)]
        person: i64,
        /// Ngày dd/mm/yyyy
        #[arg(long)]
        date: String,
    },
    /// Đề xuất những người đạt tiêu chí cán bộ trẻ (bộ tiêu chí đã lưu) vào đề án
    ProposeYoung {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Ngày dd/mm/yyyy
        #[arg(long)]
        date: String,
        /// Tên bộ tiêu chí đã lưu
        #[arg(long)]
        set: String,
    },
    /// Ghi quyết định phê duyệt danh sách
    Approve {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Số quyết định phê duyệt
        #[arg(long)]
        decision: String,
        /// Ngày quyết định dd/mm/yyyy
        #[arg(long)]
        date: String,
    },
    /// Chọn một người vào đề án (đã phê duyệt)
    Enrol {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Mã số cán bộ
        #[arg(long)]
        person: i64,
        /// Ngày dd/mm/yyyy
        #[arg(long)]
        date: String,
    },
    /// Ghi đào tạo (dao_tao) hoặc đánh giá (danh_gia) của người trong đề án
    Record {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Mã số cán bộ
        #[arg(long)]
        person: i64,
        /// dao_tao (đào tạo) hoặc danh_gia (đánh giá)
        #[arg(long)]
        kind: String,
        /// Đào tạo: từ ngày dd/mm/yyyy; đánh giá: ngày hoặc năm
        #[arg(long)]
        date: String,
        /// Khóa học, hoặc nhận xét đánh giá
        #[arg(long)]
        content: String,
        /// Kết quả
        #[arg(long, default_value = "")]
        result: String,
        /// Cơ sở đào tạo
        #[arg(long, default_value = "")]
        institution: String,
        /// Đào tạo đến ngày dd/mm/yyyy
        #[arg(long, default_value = "")]
        to: String,
        /// Văn bằng, chứng chỉ
        #[arg(long, default_value = "")]
        certificate: String,
        /// Xếp loại đánh giá: HTXS, HTT, HT, KHT
        #[arg(long, default_value = "")]
        rating: String,
    },
    /// Kết quả: bổ nhiệm (bo_nhiem), bầu cử (bau_cu) hoặc ra khỏi đề án (ra_khoi)
    Outcome {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Mã số cán bộ
        #[arg(long)]
        person: i64,
        /// bo_nhiem, bau_cu hoặc ra_khoi
        #[arg(long)]
        kind: String,
        /// Chức vụ được bổ nhiệm, bầu
        #[arg(long, default_value = "")]
        post: String,
        /// Ngày dd/mm/yyyy
        #[arg(long)]
        date: String,
        /// Số quyết định
        #[arg(long)]
        decision: String,
        /// Lý do (khi ra khỏi đề án)
        #[arg(long, default_value = "")]
        reason: String,
        /// Chức vụ cũ thôi giữ từ ngày này (bỏ trống: vẫn giữ, kiêm nhiệm)
        #[arg(long, default_value = "")]
        ends_post: String,
    },
    /// Danh sách người tham gia ra Excel
    Export {
        /// Mã số đề án (xem programme list)
        programme: i64,
        /// Tệp Excel sẽ lưu (.xlsx)
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
    },
    /// Xem một đề án: thông tin, tiêu chí, người tham gia (JSON)
    Show {
        /// Mã số đề án (xem programme list)
        programme: i64,
    },
}

/// Tiêu chí tuyển chọn (đề án, cán bộ trẻ)
#[derive(Args, Debug, Clone, Default)]
pub struct CriteriaArgs {
    /// Tuổi dưới N
    #[arg(long)]
    pub age_under: Option<i32>,
    /// Tính tuổi tại ngày dd/mm/yyyy
    #[arg(long, default_value = "", value_name = "NGÀY")]
    pub age_at: String,
    /// Trình độ chuyên môn tối thiểu (dai_hoc…)
    #[arg(long, default_value = "")]
    pub professional: String,
    /// Xếp loại tốt nghiệp tối thiểu (kha, gioi…)
    #[arg(long, default_value = "")]
    pub graduation: String,
    /// Lý luận chính trị tối thiểu (trung_cap…)
    #[arg(long, default_value = "")]
    pub theory: String,
    /// Số năm liền gần nhất được đánh giá
    #[arg(long, default_value_t = 0)]
    pub rating_years: u32,
    /// Mức xếp loại tối thiểu (HTT…)
    #[arg(long, default_value = "")]
    pub rating_min: String,
    /// Có trong quy hoạch chức danh (mã, lặp lại)
    #[arg(long = "in-plan-for")]
    pub in_plan_for: Vec<String>,
    /// Đủ điều kiện quy hoạch một chức danh của đề án theo quy định đang áp dụng (cùng cách xét với bảng quy hoạch)
    #[arg(long)]
    pub plan_rules: bool,
}

#[derive(Subcommand, Debug)]
pub enum YoungCommand {
    /// Danh sách cán bộ trẻ theo tiêu chí (hoặc bộ tiêu chí đã lưu)
    List {
        /// Ngày xét dd/mm/yyyy
        #[arg(long, value_name = "NGÀY")]
        date: String,
        /// Tên bộ tiêu chí đã lưu
        #[arg(long)]
        set: Option<String>,
        #[command(flatten)]
        criteria: CriteriaArgs,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
        /// Xuất ra Excel
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
    /// Lưu bộ tiêu chí
    Save {
        /// Tên bộ tiêu chí
        #[arg(long)]
        name: String,
        #[command(flatten)]
        criteria: CriteriaArgs,
    },
    /// Các bộ tiêu chí đã lưu
    Sets,
}

#[derive(Subcommand, Debug)]
pub enum RotationCommand {
    /// Ghi luân chuyển (luan_chuyen), điều động (dieu_dong), tăng cường (tang_cuong)
    Move {
        /// Mã số cán bộ
        #[arg(long)]
        person: i64,
        /// luan_chuyen, dieu_dong hoặc tang_cuong
        #[arg(long)]
        kind: String,
        /// Chức vụ trước khi chuyển
        #[arg(long, default_value = "")]
        from_title: String,
        /// Cơ quan, đơn vị trước khi chuyển
        #[arg(long, default_value = "")]
        from_org: String,
        /// Chức vụ mới
        #[arg(long)]
        to_title: String,
        /// Cơ quan, đơn vị mới
        #[arg(long, default_value = "")]
        to_org: String,
        /// Ngày có hiệu lực dd/mm/yyyy
        #[arg(long)]
        date: String,
        /// Ngày kết thúc dd/mm/yyyy (nếu có thời hạn)
        #[arg(long, default_value = "")]
        end_date: String,
        /// Số quyết định
        #[arg(long)]
        decision: String,
        /// Ngày quyết định dd/mm/yyyy (không sau hôm nay; ngày có hiệu lực --date thì có thể sau)
        #[arg(long, default_value = "")]
        decision_date: String,
    },
    /// Danh sách cần luân chuyển tại một ngày
    List {
        /// Ngày dd/mm/yyyy
        #[arg(long)]
        date: String,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
        /// Xuất ra Excel
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
    /// Sửa số năm và các chức danh chủ chốt của danh sách
    Params {
        /// Số năm giữ một chức vụ thì cần luân chuyển
        #[arg(long)]
        years: u32,
        /// Mã chức danh chủ chốt (lặp lại)
        #[arg(long = "post")]
        posts: Vec<String>,
        /// Căn cứ: văn bản của tỉnh, thành (in sau mỗi quy định); "" để bỏ
        #[arg(long)]
        basis: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum PackageCommand {
    /// Tạo (lần đầu) và lưu tệp khóa công khai của phường, xã để gửi tỉnh; in dấu vân tay
    Key {
        /// Mã đơn vị hành chính của phường, xã (ví dụ 25301); nhớ cho lần sau
        #[arg(long = "code", value_name = "MÃ")]
        code: Option<String>,
        /// Tệp khóa công khai sẽ tạo
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
    /// Nhập tệp khóa công khai của đơn vị cấp tỉnh (đối chiếu dấu vân tay trong văn bản hướng dẫn)
    ProvinceKey {
        /// Tệp khóa của tỉnh
        #[arg(value_name = "TỆP")]
        file: PathBuf,
    },
    /// Xuất gói dữ liệu quy hoạch của một nhiệm kỳ (ký, mã hóa cho tỉnh) kèm các biểu Excel
    Export {
        /// Nhiệm kỳ quy hoạch, ví dụ 2030-2035
        #[arg(long = "term", value_name = "NHIỆM KỲ")]
        term: String,
        /// Mã đơn vị (nếu chưa nhớ)
        #[arg(long = "code", value_name = "MÃ")]
        code: Option<String>,
        /// Độ mật: Không mật, Mật, Tối mật, Tuyệt mật
        #[arg(long = "classification", value_name = "ĐỘ MẬT", default_value = "Mật")]
        classification: String,
        /// Thư mục lưu gói
        #[arg(long = "out-dir", value_name = "THƯ MỤC")]
        out_dir: PathBuf,
        /// Không kèm các biểu Excel
        #[arg(long)]
        no_workbooks: bool,
    },
    /// Kiểm tra một gói (giải mã, chữ ký, đơn vị, nhiệm kỳ) mà không nhận vào — trên dữ liệu của tỉnh
    Verify {
        /// Tệp gói (.qhcb)
        #[arg(value_name = "TỆP")]
        file: PathBuf,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProvinceCommand {
    /// Tạo dữ liệu của đơn vị cấp tỉnh (mật khẩu riêng, cặp khóa riêng)
    Init {
        /// Tên đơn vị, ví dụ "Ban Tổ chức Tỉnh ủy Quảng Ngãi"
        #[arg(long)]
        name: String,
        /// Cấp trên, ví dụ "Đảng bộ tỉnh Quảng Ngãi"
        #[arg(long)]
        superior: String,
        /// Địa danh ghi ở dòng ngày tháng
        #[arg(long)]
        place: String,
        /// Ký hiệu cơ quan ban hành
        #[arg(long, default_value = "BTCTU")]
        issuer_code: String,
    },
    /// Lưu tệp khóa công khai của tỉnh (gửi các phường, xã) và in dấu vân tay
    Key {
        /// Tệp khóa sẽ tạo
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
    },
    /// Đăng ký khóa công khai của một phường, xã (xác nhận bằng dấu vân tay in trên giấy)
    AddWard {
        /// Tệp khóa công khai của phường, xã
        #[arg(long, value_name = "TỆP")]
        key: PathBuf,
        /// Dấu vân tay in trên Tờ trình của phường, xã
        #[arg(long = "fingerprint", value_name = "VÂN TAY")]
        fingerprint: String,
    },
    /// Nhận các gói (tệp .qhcb hoặc cả thư mục), từng gói một
    Import {
        /// Các tệp gói (.qhcb) hoặc thư mục chứa gói
        #[arg(value_name = "TỆP/THƯ MỤC", required = true)]
        paths: Vec<PathBuf>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Bảng theo dõi: phường, xã đã gửi hay chưa, vi phạm, chỉ tiêu; thống kê toàn tỉnh
    Status {
        /// Nhiệm kỳ quy hoạch (mặc định: nhiệm kỳ mới nhất đã nhận)
        #[arg(long = "term", value_name = "NHIỆM KỲ")]
        term: Option<String>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Danh sách qua các phường, xã: theo chức danh, theo cấp ủy và tuổi, theo tên
    List {
        /// Nhiệm kỳ quy hoạch (mặc định: nhiệm kỳ mới nhất đã nhận)
        #[arg(long = "term", value_name = "NHIỆM KỲ")]
        term: Option<String>,
        /// Mã chức danh (BT: Bí thư)
        #[arg(long = "post", value_name = "MÃ")]
        post: Option<String>,
        /// BCH, BTV, CHU_CHOT
        #[arg(long = "body", value_name = "MÃ")]
        body: Option<String>,
        /// Dưới … tuổi
        #[arg(long = "under", value_name = "TUỔI")]
        under: Option<String>,
        /// Tên (không cần dấu)
        #[arg(long = "name", value_name = "TÊN")]
        name: Option<String>,
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Kiểm tra lại mọi gói theo bộ quy định hiện hành của tỉnh
    Recheck,
    /// Báo cáo tổng hợp của tỉnh (PDF hoặc Word theo đuôi tệp) hoặc bảng tính tổng hợp (.xlsx)
    Report {
        /// Nhiệm kỳ quy hoạch (mặc định: nhiệm kỳ mới nhất đã nhận)
        #[arg(long = "term", value_name = "NHIỆM KỲ")]
        term: Option<String>,
        /// Tệp sẽ tạo: .pdf, .docx hoặc .xlsx
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum RegisterCommand {
    /// Các số trong sổ (đã cấp, đã hủy, bỏ qua để trống), mới nhất trước
    List {
        /// In kết quả dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Hủy một số đã cấp, kèm lý do
    Cancel {
        /// Ký hiệu loại văn bản: TTr, BC
        #[arg(long = "type", visible_alias = "loai", value_name = "KÝ HIỆU")]
        type_code: String,
        /// Nhiệm kỳ cấp ủy của sổ (ví dụ 2025-2030)
        #[arg(long = "term", visible_alias = "nhiem-ky", value_name = "NHIỆM KỲ")]
        term: String,
        /// Số cần hủy
        #[arg(long = "number", visible_alias = "so", value_name = "SỐ")]
        so: u32,
        /// Lý do hủy
        #[arg(long = "reason", visible_alias = "ly-do", value_name = "LÝ DO")]
        reason: String,
    },
}

/// A programme's details, as `programme create` and `programme edit` take them.
#[derive(Args, Debug)]
pub struct ProgrammeArgs {
    /// Tên đề án
    #[arg(long)]
    pub name: String,
    /// Cơ quan quyết định, ví dụ "Ban Thường vụ Thành ủy Đà Nẵng"
    #[arg(long, default_value = "")]
    pub deciding_body: String,
    /// Số quyết định ban hành đề án
    #[arg(long, default_value = "")]
    pub decision: String,
    /// Ngày quyết định dd/mm/yyyy
    #[arg(long, default_value = "")]
    pub decision_date: String,
    /// Năm bắt đầu
    #[arg(long)]
    pub from: i32,
    /// Năm kết thúc
    #[arg(long)]
    pub to: i32,
    /// Mã chức danh tạo nguồn (lặp lại), ví dụ BT, CT-UBND
    #[arg(long = "post")]
    pub posts: Vec<String>,
    #[command(flatten)]
    pub criteria: CriteriaArgs,
}

/// A number as a Vietnamese clerk types it ("0,15") or with a point ("0.15").
fn decimal(text: &str) -> Result<f64, String> {
    text.trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("“{text}” không phải là số (ví dụ 0,15)"))
}

/// `--help`/`-h` (every command: the flag is global) and `--version`/`-V`, said in Vietnamese.
fn builtin_args() -> [Arg; 2] {
    [
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(true)
            .help("In trợ giúp của lệnh")
            .help_heading(OPTIONS),
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("In phiên bản")
            .help_heading(OPTIONS),
    ]
}

/// A subcommand (and, in turn, its own) with the Vietnamese layout and headings.
fn vietnamese(cmd: clap::Command) -> clap::Command {
    cmd.help_template(TEMPLATE)
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name("LỆNH")
        .mut_args(vietnamese_arg)
        .mut_subcommands(vietnamese)
}

/// An argument under its Vietnamese heading, its value named in Vietnamese.
fn vietnamese_arg(arg: Arg) -> Arg {
    let arg = match arg.get_help_heading() {
        Some(_) => arg,
        None if arg.is_positional() => arg.help_heading(ARGUMENTS),
        None => arg.help_heading(OPTIONS),
    };
    // The derive names a value by its field in capitals (`<TERM>`): that is English.
    let takes_value = matches!(arg.get_action(), ArgAction::Set | ArgAction::Append);
    let english = match arg.get_value_names() {
        None => true,
        Some(names) => names
            .iter()
            .all(|n| n.as_str() == arg.get_id().as_str().to_uppercase()),
    };
    if takes_value && english {
        let name = value_name(arg.get_id().as_str());
        arg.value_name(name)
    } else {
        arg
    }
}

/// The placeholder of a value (`--term <NHIỆM_KỲ>`) by what the argument is; clap's default
/// would be the field's English name.
fn value_name(id: &str) -> &'static str {
    let words: &[(&[&str], &str)] = &[
        (
            &[
                "out", "path", "from", "file", "template", "rejected", "text",
            ],
            "TỆP",
        ),
        (&["term"], "NHIỆM_KỲ"),
        (&["year", "from_year", "to_year", "start", "end"], "NĂM"),
        (
            &[
                "date",
                "as_of",
                "decision_date",
                "approved_on",
                "since",
                "until",
            ],
            "NGÀY",
        ),
        (&["person", "person_id", "people", "persons"], "MÃ_NGƯỜI"),
        (&["id", "programme"], "MÃ"),
        (
            &["number", "terms", "size", "limit", "seats", "rank", "keep"],
            "SỐ",
        ),
        (&["position", "posts", "post", "body"], "CHỨC_DANH"),
        (&["kind", "type_code"], "LOẠI"),
        (&["reason"], "LÝ_DO"),
        (&["name", "ward", "superior", "place", "signer"], "TÊN"),
    ];
    words
        .iter()
        .find(|(ids, _)| ids.contains(&id))
        .map(|(_, name)| *name)
        .unwrap_or("GIÁ_TRỊ")
}

/// The fragments of help and usage that clap writes in English with no setting to change them.
pub fn said_in_vietnamese(text: &str) -> String {
    [
        ("Usage:", "Cách dùng:"),
        ("[OPTIONS]", "[TÙY_CHỌN]"),
        ("[default: ", "[mặc định: "),
        ("[aliases: ", "[tên khác: "),
        ("[alias: ", "[tên khác: "),
        ("[possible values: ", "[giá trị: "),
        ("[env: ", "[biến môi trường: "),
    ]
    .iter()
    .fold(text.to_string(), |t, (en, vi)| t.replace(en, vi))
}

/// The command line of this process, read; `--help`, `--version` and usage errors are printed
/// here in Vietnamese and end the program (0 for help and version, 2 for an error).
pub fn parse() -> Cli {
    let mut argv: Vec<OsString> = std::env::args_os().collect();
    // `quyhoach help plan add` as before: the help of `plan add`.
    if argv.get(1).is_some_and(|a| a == "help") {
        argv.remove(1);
        argv.push("--help".into());
    }
    Cli::try_parse_from(argv).unwrap_or_else(|e| {
        let (text, code) = told(&e);
        if code == 0 {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
        std::process::exit(code)
    })
}

/// A parse that did not give a command: the text to print and the exit code.
pub fn told(e: &clap::Error) -> (String, i32) {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            (said_in_vietnamese(&e.render().to_string()), 0)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            (said_in_vietnamese(&e.render().to_string()), 2)
        }
        _ => (usage_error(e), 2),
    }
}

/// A usage error in Vietnamese: what is wrong, a suggestion when clap has one, the usage line.
fn usage_error(e: &clap::Error) -> String {
    let ctx = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let arg = ctx(ContextKind::InvalidArg);
    let mut msg = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!("không có lệnh “{}”.", ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::UnknownArgument => format!("không có tham số “{arg}”."),
        ErrorKind::InvalidValue if ctx(ContextKind::InvalidValue).is_empty() => {
            format!("thiếu giá trị của {arg}.")
        }
        ErrorKind::InvalidValue => format!(
            "giá trị “{}” của {arg} không hợp lệ.",
            ctx(ContextKind::InvalidValue)
        ),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .filter(|s| !s.is_ascii())
                .unwrap_or_else(|| "giá trị này không đọc được (ví dụ phải là số)".into());
            format!("{arg}: {why}.")
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}."),
        ErrorKind::MissingSubcommand => "thiếu lệnh.".into(),
        ErrorKind::ArgumentConflict => {
            format!("{arg} không dùng cùng {}.", ctx(ContextKind::PriorArg))
        }
        _ if !arg.is_empty() => format!("tham số {arg} dùng chưa đúng cách."),
        _ => "lệnh chưa đúng cú pháp.".into(),
    };
    for (kind, lead, end) in [
        (ContextKind::SuggestedSubcommand, "Có phải lệnh “", "”?"),
        (ContextKind::SuggestedArg, "Có phải “", "”?"),
        (ContextKind::ValidValue, "Được nhập: ", "."),
    ] {
        let s = ctx(kind);
        if !s.is_empty() {
            msg.push_str(&format!(" {lead}{s}{end}"));
        }
    }
    let usage = said_in_vietnamese(&ctx(ContextKind::Usage));
    let mut out = format!("Lỗi: {msg}\n");
    if !usage.is_empty() {
        out.push_str(&format!("\n{}\n", usage.trim_end()));
    }
    out.push_str("\nXem thêm: thêm --help vào cuối lệnh.\n");
    out
}
