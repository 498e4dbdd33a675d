//! Compiling plugins a merchant uploads. wasmtime's guarantees about untrusted code cover
//! *running* it, not compiling it, so an upload is validated and compiled in a child
//! process (`kefu plugin compile-isolated`) with an address-space cap, a CPU-time cap and a
//! wall-clock timeout; the runtime only ever loads the child's output. Compiled artifacts
//! are cached on disk by (engine compatibility: wasmtime version and configuration;
//! SHA-256 of the component), so a restart or a rollback does not compile again.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use wasmtime::{Config, Engine};

/// Largest component accepted for upload: a Python plugin carries its interpreter (~18 MiB),
/// a JavaScript one its engine (~12 MiB).
pub const MAX_COMPONENT_BYTES: usize = 32 << 20;
/// Address space the compiling child may use.
const CHILD_ADDRESS_SPACE: u64 = 3 << 30;
/// CPU seconds the compiling child may use.
const CHILD_CPU_SECONDS: u64 = 60;
/// Wall-clock time the runtime waits for the child.
const CHILD_TIMEOUT: Duration = Duration::from_secs(90);

/// Why compiling an upload failed.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// Larger than [`MAX_COMPONENT_BYTES`].
    #[error("the component is {0} bytes; the most accepted is {MAX_COMPONENT_BYTES}")]
    TooLarge(usize),
    /// Not a valid component (the child said why).
    #[error("not a valid WebAssembly component: {0}")]
    Invalid(String),
    /// The child ran out of time or memory, or crashed.
    #[error("compiling the component was stopped: {0}")]
    Aborted(String),
    /// Starting the child or using the cache failed.
    #[error("compiling the component: {0}")]
    Io(#[from] std::io::Error),
}

/// The engine settings that decide what compiled code looks like; the running host adds
/// its instance allocator on top, which does not change the code.
pub fn compiler_config() -> Config {
    let mut config = Config::new();
    config.wasm_component_model(true).epoch_interruption(true);
    config
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The cache of compiled artifacts for one engine.
#[derive(Debug, Clone)]
pub struct ArtifactCache {
    dir: PathBuf,
    engine_key: String,
}

impl ArtifactCache {
    /// A cache in `dir` for artifacts `engine` can load.
    pub fn new(dir: PathBuf, engine: &Engine) -> Self {
        let mut hasher = DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        Self {
            dir,
            engine_key: format!("{:016x}", hasher.finish()),
        }
    }

    fn path(&self, sha256: &str) -> PathBuf {
        self.dir.join(format!("{sha256}-{}.cwasm", self.engine_key))
    }

    /// The compiled artifact of `component`: from the cache, or compiled by `exe` in a
    /// child process and cached. Returns (artifact, whether it came from the cache).
    pub fn artifact(&self, exe: &Path, component: &[u8]) -> Result<(Vec<u8>, bool), CompileError> {
        if component.len() > MAX_COMPONENT_BYTES {
            return Err(CompileError::TooLarge(component.len()));
        }
        let path = self.path(&sha256_hex(component));
        if let Ok(bytes) = std::fs::read(&path) {
            return Ok((bytes, true));
        }
        let artifact = compile_in_child(exe, component)?;
        std::fs::create_dir_all(&self.dir)?;
        // Write-then-rename: a crash never leaves half an artifact under the final name.
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, &artifact)?;
        std::fs::rename(&tmp, &path)?;
        Ok((artifact, false))
    }
}

/// Runs `exe plugin compile-isolated`, feeding it `component` and reading the artifact.
pub fn compile_in_child(exe: &Path, component: &[u8]) -> Result<Vec<u8>, CompileError> {
    let mut child = Command::new(exe)
        .args(["plugin", "compile-isolated"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("RUST_LOG")
        .spawn()?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = component.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let mut stderr = child.stderr.take().expect("piped");
    let err_reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stderr.read_to_string(&mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > CHILD_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(CompileError::Aborted(format!(
                "it took longer than {} s",
                CHILD_TIMEOUT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    let out = reader.join().expect("reader thread").unwrap_or_default();
    let err = err_reader.join().expect("stderr thread");
    match status.code() {
        Some(0) => Ok(out),
        Some(2) => Err(CompileError::Invalid(err.trim().to_string())),
        _ => Err(CompileError::Aborted(format!(
            "the compiler exited with {status} (out of memory or CPU time?) {}",
            err.trim()
        ))),
    }
}

/// The child's side: cap this process, read a component on stdin, write the compiled
/// artifact to stdout. Exit code 2 means the input is not a valid component.
pub fn child_main() -> std::process::ExitCode {
    use rlimit::Resource;
    use std::process::ExitCode;
    let limits = Resource::AS
        .set(CHILD_ADDRESS_SPACE, CHILD_ADDRESS_SPACE)
        .and_then(|()| Resource::CPU.set(CHILD_CPU_SECONDS, CHILD_CPU_SECONDS));
    if let Err(e) = limits {
        eprintln!("cannot limit the compiler's resources: {e}");
        return ExitCode::from(1);
    }
    let mut input = Vec::new();
    let read = std::io::stdin()
        .take(MAX_COMPONENT_BYTES as u64 + 1)
        .read_to_end(&mut input);
    if read.is_err() || input.len() > MAX_COMPONENT_BYTES {
        eprintln!("the component is missing or larger than {MAX_COMPONENT_BYTES} bytes");
        return ExitCode::from(2);
    }
    let engine = match Engine::new(&compiler_config()) {
        Ok(engine) => engine,
        Err(e) => {
            eprintln!("{e:#}");
            return ExitCode::from(1);
        }
    };
    match engine.precompile_component(&input) {
        Ok(artifact) => match std::io::stdout().write_all(&artifact) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        },
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::from(2)
        }
    }
}
