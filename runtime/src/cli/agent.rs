//! `kefu agent`: give a person a login to the agent console (`add`), list a merchant's
//! agents (`list`), give one a new password (`reset-password`) or take the login away
//! (`remove`). Passwords are read from stdin so they never appear in the shell history.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;

use super::merchant::{open, require_merchant};
use crate::store::AgentRemoval;

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
    /// List a merchant's agents.
    List {
        /// The merchant.
        #[arg(long)]
        merchant: String,
        /// Where the SQLite database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
    /// Give an agent a new password (first line of stdin) and end their sessions.
    ResetPassword {
        /// The agent's login.
        #[arg(long)]
        email: String,
        /// Where the SQLite database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
    /// Take an agent's login away and end their sessions. An agent who wrote notes stays
    /// on record as their author, with login disabled.
    Remove {
        /// The agent's login.
        #[arg(long)]
        email: String,
        /// Where the SQLite database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
    },
}

/// Runs a `kefu agent` command.
pub fn run(command: AgentCommand) -> Result<()> {
    tokio::runtime::Runtime::new()?.block_on(async {
        match command {
            AgentCommand::Add {
                merchant,
                email,
                name,
                data_dir,
            } => {
                if !crate::engine::handoff::valid_email(&email.trim().to_lowercase()) {
                    anyhow::bail!("`{email}` is not an email address");
                }
                if name.trim().is_empty() {
                    anyhow::bail!("the agent needs a name shoppers will see");
                }
                let hash = password_hash_from_stdin().await?;
                let store = open(&data_dir).await?;
                require_merchant(&store, &merchant, &data_dir).await?;
                let agent = store
                    .add_agent(&merchant, &email, &name, &hash)
                    .await
                    .with_context(|| format!("adding {email} to merchant `{merchant}`"))?;
                println!(
                    "added agent {} <{}> to {}; they log in at /console",
                    agent.name, agent.email, agent.merchant_id
                );
            }
            AgentCommand::List { merchant, data_dir } => {
                let store = open(&data_dir).await?;
                require_merchant(&store, &merchant, &data_dir).await?;
                for (agent, can_log_in) in store.agents_of(&merchant).await? {
                    let note = if can_log_in { "" } else { "\t(login disabled)" };
                    println!("{}\t{}{note}", agent.email, agent.name);
                }
            }
            AgentCommand::ResetPassword { email, data_dir } => {
                let hash = password_hash_from_stdin().await?;
                let store = open(&data_dir).await?;
                if !store.set_agent_password(&email, &hash).await? {
                    anyhow::bail!("no agent `{email}` in {}", data_dir.display());
                }
                println!("new password set for {email}; their open sessions are ended");
            }
            AgentCommand::Remove { email, data_dir } => {
                let store = open(&data_dir).await?;
                match store.remove_agent(&email).await? {
                    AgentRemoval::NotFound => {
                        anyhow::bail!("no agent `{email}` in {}", data_dir.display())
                    }
                    AgentRemoval::Removed => println!("removed agent {email}"),
                    AgentRemoval::Disabled => println!(
                        "{email} wrote notes or labels that keep their name: the agent stays \
                         on record with login disabled"
                    ),
                }
            }
        }
        Ok(())
    })
}

/// Reads a password from the first line of stdin, checks its length and hashes it.
async fn password_hash_from_stdin() -> Result<String> {
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
    tokio::task::spawn_blocking(move || crate::auth::hash_password(&password))
        .await?
        .map_err(anyhow::Error::msg)
}
