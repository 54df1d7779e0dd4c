use std::process::ExitCode;

/// Rendering pages allocates many short-lived strings across threads: mimalloc does that with a
/// fraction of glibc malloc's cost (BENCHMARKS.md has the before and after).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    server::cli::run().await
}
