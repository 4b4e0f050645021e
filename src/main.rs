//! `quyhoach`: the command line over the core. Exit codes: 0 ok, 1 user error, 2 usage.

mod cli;

fn main() -> std::process::ExitCode {
    let args = cli::args::parse();
    match cli::run::run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(cli::out::UserError(msg)) => {
            eprintln!("Lỗi: {msg}");
            std::process::ExitCode::from(1)
        }
    }
}
