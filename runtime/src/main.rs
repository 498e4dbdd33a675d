//! The `kefu` binary: see [`kefu_runtime::cli`].

fn main() -> std::process::ExitCode {
    kefu_runtime::cli::main()
}
