//! Showing a secret once (an admin API key): on the operator's terminal, or in a file only
//! the operator can read, never in a log. A server's standard output is usually a log
//! (journald, `docker logs`, a CI console), so a secret is printed there only when it is a
//! terminal; otherwise it goes to a file with mode 0600 and only the file's path is logged.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Where a secret was shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// Printed on the terminal.
    Terminal,
    /// Written to this file (mode 0600).
    File(PathBuf),
}

/// Shows `text` (a sentence with the secret in it) once: printed when standard output is a
/// terminal, else written to `file`, readable by the operator alone.
pub fn show_once(text: &str, file: &Path) -> std::io::Result<Shown> {
    reveal(text, std::io::stdout().is_terminal(), file)
}

fn reveal(text: &str, terminal: bool, file: &Path) -> std::io::Result<Shown> {
    if terminal {
        println!("{text}");
        return Ok(Shown::Terminal);
    }
    write_private(file, text)?;
    Ok(Shown::File(file.to_path_buf()))
}

/// Writes `text` to `path`, created (or truncated) readable and writable by its owner only.
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(path)?;
    // An existing file keeps its mode on open: narrow it too.
    #[cfg(unix)]
    f.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    writeln!(f, "{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_keys_are_never_written_to_logs() {
        let dir = std::env::temp_dir().join(format!("kefu-reveal-{}", uuid::Uuid::new_v4()));
        let file = dir.join("demo-admin-key");
        // Standard output that is not a terminal (a log): the key goes to the file only.
        let shown = reveal("key: kefu_sk_secret", false, &file).unwrap();
        assert_eq!(shown, Shown::File(file.clone()));
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "key: kefu_sk_secret\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "readable by the operator alone");
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}
