//! `kefu merchant key`: create an admin API key (printed once; only its hash is stored).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;

use crate::store::Store;

/// `kefu merchant` subcommands.
#[derive(Debug, Subcommand)]
pub enum MerchantCommand {
    /// Create an API key for the admin API (printed once; only its hash is stored).
    Key {
        /// The merchant.
        #[arg(long)]
        merchant: String,
        /// What the key is for.
        #[arg(long, default_value = "cli")]
        label: String,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
}

/// Runs a `kefu merchant` command.
pub fn run(command: MerchantCommand) -> Result<()> {
    let MerchantCommand::Key {
        merchant,
        label,
        data_dir,
    } = command;
    merchant_key(&merchant, &label, &data_dir)
}

fn merchant_key(merchant: &str, label: &str, data_dir: &Path) -> Result<()> {
    tokio::runtime::Runtime::new()?.block_on(async {
        let store = Store::open(data_dir)
            .await
            .with_context(|| format!("opening the store in {}", data_dir.display()))?;
        if !store.merchant_exists(merchant).await? {
            anyhow::bail!("no merchant `{merchant}` in {}", data_dir.display());
        }
        let key = store.create_api_key(merchant, label).await?;
        println!("{key}");
        eprintln!("This key is shown once; kefu only keeps its hash.");
        Ok(())
    })
}
