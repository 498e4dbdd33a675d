//! `kefu agent add`: give a person a login to the agent console. The password is read
//! from stdin so it never appears in the shell history.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;

use crate::store::{DemoData, Store};

/// `kefu agent` subcommands.
#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Add an agent to a merchant. The password is read from the first line of stdin
    /// (at least 8 characters), so it never appears in the shell history.
    Add {
        /// The merchant whose conversations the agent answers.
        #[arg(long)]
        merchant: String,
        /// The agent's login.
        #[arg(long)]
        email: String,
        /// The name shoppers see ("Ada").
        #[arg(long)]
        name: String,
        /// Where the SQLite database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
}

/// Runs a `kefu agent` command.
pub fn run(command: AgentCommand) -> Result<()> {
    let AgentCommand::Add {
        merchant,
        email,
        name,
        data_dir,
    } = command;
    tokio::runtime::Runtime::new()?.block_on(add_agent(&data_dir, &merchant, &email, &name))
}

async fn add_agent(data_dir: &Path, merchant: &str, email: &str, name: &str) -> Result<()> {
    if !crate::engine::handoff::valid_email(&email.trim().to_lowercase()) {
        anyhow::bail!("`{email}` is not an email address");
    }
    if name.trim().is_empty() {
        anyhow::bail!("the agent needs a name shoppers will see");
    }
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .context("reading the password from stdin")?;
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    if password.chars().count() < crate::auth::MIN_PASSWORD_CHARS {
        anyhow::bail!(
            "the password must have at least {} characters",
            crate::auth::MIN_PASSWORD_CHARS
        );
    }
    let store = Store::open(data_dir)
        .await
        .with_context(|| format!("opening the store in {}", data_dir.display()))?;
    // A fresh data directory has the demo merchant only once the runtime started once.
    store.load_demo(&DemoData::builtin()?).await?;
    let hash = tokio::task::spawn_blocking(move || crate::auth::hash_password(&password))
        .await?
        .map_err(anyhow::Error::msg)?;
    let agent = store
        .add_agent(merchant, email, name, &hash)
        .await
        .with_context(|| format!("adding {email} to merchant `{merchant}`"))?;
    println!(
        "added agent {} <{}> to {}; they log in at /console",
        agent.name, agent.email, agent.merchant_id
    );
    Ok(())
}
