use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A panic prints a short report (never user data to a raw terminal) and exits 1.
    let _ = color_eyre::install();
    // A file-size limit reached is a failed write said clearly, not a killed program.
    jinji::store::machine::files::watch_size_limit();
    let cli = jinji::cli::Cli::parse();
    jinji::cli::run(cli)
}
