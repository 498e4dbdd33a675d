//! `kefu merchant`: create a shop (`add`), give it a new identity secret
//! (`rotate-identity-secret`), create and revoke its admin API keys (`key`, `key revoke`).
//! Secrets and keys are printed once; only a key's hash is stored.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;

use crate::store::{Database, Store};

/// `kefu merchant` subcommands.
#[derive(Debug, Subcommand)]
pub enum MerchantCommand {
    /// Create a merchant (a shop) with a new identity secret, printed once.
    Add {
        /// The shop's id: 2 to 40 lower-case letters, digits and `-` (`my-shop`). The
        /// widget's snippet names it.
        id: String,
        /// The shop's name, as shoppers see it.
        #[arg(long)]
        name: String,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
    /// Give a merchant a new identity secret (printed once); the old one stops working.
    RotateIdentitySecret {
        /// The merchant.
        id: String,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
    /// Create an API key for the admin API (printed once; only its hash is stored);
    /// `kefu merchant key revoke` revokes them.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Key {
        /// `revoke`, or nothing to create a key.
        #[command(subcommand)]
        action: Option<KeyAction>,
        /// The merchant.
        #[arg(long)]
        merchant: Option<String>,
        /// What the key is for.
        #[arg(long, default_value = "cli")]
        label: String,
        /// Write the key to this file (created readable by you alone, mode 0600) instead of
        /// printing it: for scripts whose output is logged.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
}

/// `kefu merchant key` subcommands.
#[derive(Debug, Subcommand)]
pub enum KeyAction {
    /// Revoke every API key of a merchant (create a new one with `kefu merchant key`).
    Revoke {
        /// The merchant.
        #[arg(long)]
        merchant: String,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
}

/// Runs a `kefu merchant` command.
pub fn run(command: MerchantCommand) -> Result<()> {
    tokio::runtime::Runtime::new()?.block_on(async {
        match command {
            MerchantCommand::Add { id, name, data_dir } => add(&id, &name, &data_dir).await,
            MerchantCommand::RotateIdentitySecret { id, data_dir } => rotate(&id, &data_dir).await,
            MerchantCommand::Key {
                action: Some(KeyAction::Revoke { merchant, data_dir }),
                ..
            } => revoke_keys(&merchant, &data_dir).await,
            MerchantCommand::Key {
                action: None,
                merchant,
                label,
                out,
                data_dir,
            } => {
                let merchant = merchant.context("which merchant? add `--merchant <id>`")?;
                merchant_key(&merchant, &label, out.as_deref(), &data_dir).await
            }
        }
    })
}

/// The store `kefu serve` would use: `KEFU_DATABASE` if it is set (as `--database` reads
/// it), otherwise the SQLite file in `data_dir`.
pub(super) async fn open(data_dir: &Path) -> Result<Store> {
    let database = match std::env::var("KEFU_DATABASE") {
        Ok(url) if !url.is_empty() => url.parse::<Database>()?,
        _ => Database::in_data_dir(data_dir),
    };
    Store::connect(&database)
        .await
        .with_context(|| format!("opening the store {}", database.display()))
}

pub(super) async fn require_merchant(store: &Store, merchant: &str, data_dir: &Path) -> Result<()> {
    if !store.merchant_exists(merchant).await? {
        anyhow::bail!(
            "no merchant `{merchant}` in {} (create it with `kefu merchant add {merchant} --name …`)",
            data_dir.display()
        );
    }
    Ok(())
}

async fn add(id: &str, name: &str, data_dir: &Path) -> Result<()> {
    let store = open(data_dir).await?;
    let secret = store.create_merchant(id, name).await?;
    println!("created merchant {id} ({})", name.trim());
    println!("identity secret: {secret}");
    eprintln!(
        "The identity secret is shown only once: put it in your shop's backend, which signs \
         logged-in shoppers with it (`kefu merchant rotate-identity-secret {id}` makes a new one)."
    );
    eprintln!(
        "Next: `kefu agent add --merchant {id} --email … --name …` (password on stdin) and \
         `kefu merchant key --merchant {id}` for the admin API."
    );
    Ok(())
}

async fn rotate(id: &str, data_dir: &Path) -> Result<()> {
    let store = open(data_dir).await?;
    require_merchant(&store, id, data_dir).await?;
    let secret = store
        .rotate_identity_secret(id)
        .await?
        .with_context(|| format!("no merchant `{id}`"))?;
    println!("identity secret: {secret}");
    eprintln!(
        "The new identity secret is shown only once; identities signed with the old one no \
         longer verify."
    );
    Ok(())
}

async fn merchant_key(
    merchant: &str,
    label: &str,
    out: Option<&Path>,
    data_dir: &Path,
) -> Result<()> {
    let store = open(data_dir).await?;
    require_merchant(&store, merchant, data_dir).await?;
    let key = store.create_api_key(merchant, label).await?;
    match out {
        Some(path) => {
            super::reveal::write_private(path, &key)
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "The key is in {} (readable by you alone); kefu only keeps its hash.",
                path.display()
            );
        }
        None => {
            println!("{key}");
            eprintln!("This key is shown once; kefu only keeps its hash.");
        }
    }
    Ok(())
}

async fn revoke_keys(merchant: &str, data_dir: &Path) -> Result<()> {
    let store = open(data_dir).await?;
    require_merchant(&store, merchant, data_dir).await?;
    let revoked = store.revoke_api_keys(merchant).await?;
    println!("revoked {revoked} API key(s) of {merchant}");
    Ok(())
}
