//! `kefu secrets-key`: make the key that seals merchants' plugin secrets (`new`), and move
//! every stored secret from one key to another (`rotate`). The key never goes into the
//! database; the operator keeps it and gives it to `kefu serve --secrets-key-file`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;

use super::merchant::open;
use crate::secrets::{self, SecretsKey};

/// `kefu secrets-key` subcommands.
#[derive(Debug, Subcommand)]
pub enum SecretsKeyCommand {
    /// Make a new random key: 32 bytes from the operating system, as 64 hex digits.
    New {
        /// Write it to this file, readable by you only (refused if the file exists);
        /// without it the key is printed.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Re-seal every stored secret with a new key, all or none (stop the runtime first,
    /// then start it with the new key).
    Rotate {
        /// The key the secrets are sealed with now.
        #[arg(long)]
        from: PathBuf,
        /// The key to seal them with (`kefu secrets-key new --out …`).
        #[arg(long)]
        to: PathBuf,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
}

/// Runs a `kefu secrets-key` command.
pub fn run(command: SecretsKeyCommand) -> Result<()> {
    match command {
        SecretsKeyCommand::New { out: None } => {
            let key = SecretsKey::generate()?;
            println!("{}", key.as_str());
            eprintln!(
                "Keep this key safe: it opens every merchant's plugin secrets, and without it \
                 they cannot be read. Give it to `kefu serve` in a file only you can read \
                 (--secrets-key-file) or as KEFU_SECRETS_KEY."
            );
            Ok(())
        }
        SecretsKeyCommand::New { out: Some(path) } => write_new(&path),
        SecretsKeyCommand::Rotate { from, to, data_dir } => {
            tokio::runtime::Runtime::new()?.block_on(rotate(&from, &to, &data_dir))
        }
    }
}

fn write_new(path: &Path) -> Result<()> {
    let key = SecretsKey::generate()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path).with_context(|| {
        format!(
            "creating {} (an existing key is never overwritten)",
            path.display()
        )
    })?;
    writeln!(file, "{}", key.as_str()).with_context(|| format!("writing {}", path.display()))?;
    eprintln!(
        "wrote a new secrets key to {} (readable by you only); start the runtime with \
         `kefu serve --secrets-key-file {}` and keep a copy somewhere safe",
        path.display(),
        path.display()
    );
    Ok(())
}

async fn rotate(from: &Path, to: &Path, data_dir: &Path) -> Result<()> {
    let from = SecretsKey::read_file(from)?;
    let to = SecretsKey::read_file(to)?;
    let store = open(data_dir).await?;
    let count = secrets::rotate(&store, &from, &to).await?;
    println!(
        "re-sealed {count} secret(s) from key {} to key {}",
        from.id(),
        to.id()
    );
    eprintln!("Start the runtime with the new key; the old one no longer opens anything.");
    Ok(())
}
