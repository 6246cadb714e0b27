use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A panic prints a short report (never user data to a raw terminal) and exits 1.
    let _ = color_eyre::install();
    let cli = jinji::cli::Cli::parse();
    jinji::cli::run(cli)
}
