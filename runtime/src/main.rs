//! The `kefu` binary: see [`kefu_runtime::cli`].

/// jemalloc, with its background thread returning pages freed for ~10 s to the OS: after a
/// burst of chats closes, the node's memory goes back down (glibc's malloc kept it).
#[cfg(unix)]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    kefu_runtime::cli::main()
}
