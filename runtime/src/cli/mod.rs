//! The `kefu` command line, one file per command group:
//!
//! - `kefu serve` ([`serve`]): run the runtime (HTTP, chat, plugins, SQLite store);
//! - `kefu chat` ([`chat`]): talk to a running runtime from a terminal (`--json` for
//!   scripts);
//! - `kefu intent classify` ([`intent`]): classify one message per stdin line, one JSON
//!   object per line;
//! - `kefu agent add|list|reset-password|remove` ([`agent`]): the people who log in to the
//!   agent console (passwords on stdin);
//! - `kefu merchant add|rotate-identity-secret|key|key revoke` ([`merchant`]): create a
//!   shop, its identity secret and admin API keys;
//! - `kefu secrets-key new|rotate` ([`secrets_key`]): the operator's key that seals
//!   merchants' plugin secrets;
//! - `kefu plugin …` ([`plugin`]): scaffold, build, test and deploy plugins.
//!
//! Each file parses its own arguments and does its work with `anyhow`; this one only
//! dispatches and turns an error into a message and an exit code. The app itself is built
//! in [`crate::app`], which knows nothing of the command line beyond [`ServeArgs`].

pub mod agent;
pub mod chat;
pub mod intent;
pub mod merchant;
pub mod plugin;
mod plugin_deploy;
mod plugin_js;
mod plugin_py;
mod plugin_sdk;
pub mod reveal;
pub mod secrets_key;
pub mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Re-exported: tests and tools built the app from here before `app` existed.
pub use crate::app::{ServeArgs, build_app};
pub use chat::ChatArgs;
pub use serve::serve;

/// kefu: AI customer service for online shops, with sandboxed merchant plugins.
#[derive(Debug, Parser)]
#[command(name = "kefu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the runtime: chat API, widget assets, agent console and plugins (`--demo`: the
    /// demo shop).
    Serve(Box<ServeArgs>),
    /// Work with the intent model.
    Intent {
        #[command(subcommand)]
        command: intent::IntentCommand,
    },
    /// Chat with a running runtime from the terminal: one line in, the bot's replies out.
    Chat(ChatArgs),
    /// Manage agents: the people who answer in the console.
    Agent {
        #[command(subcommand)]
        command: agent::AgentCommand,
    },
    /// Write, test and deploy plugins.
    Plugin {
        #[command(subcommand)]
        command: plugin::PluginCommand,
    },
    /// Manage merchants.
    Merchant {
        #[command(subcommand)]
        command: merchant::MerchantCommand,
    },
    /// Make or rotate the key that seals merchants' plugin secrets.
    SecretsKey {
        #[command(subcommand)]
        command: secrets_key::SecretsKeyCommand,
    },
}

/// Runs the CLI; the binary's whole `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve::run(*args),
        Command::Intent { command } => intent::run(command),
        Command::Chat(args) => chat::run(args),
        Command::Agent { command } => agent::run(command),
        Command::Plugin { command } => return plugin::main(command),
        Command::Merchant { command } => merchant::run(command),
        Command::SecretsKey { command } => secrets_key::run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kefu: {e:#}");
            ExitCode::FAILURE
        }
    }
}
