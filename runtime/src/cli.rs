//! The `kefu` command line.
//!
//! - `kefu serve`: run the runtime (HTTP, chat, plugins, SQLite store);
//! - `kefu chat`: talk to a running runtime from a terminal (`--json` for scripts);
//! - `kefu intent classify`: classify one message per stdin line, one JSON object per line;
//! - `kefu agent add`: give a person a login to the agent console (password on stdin).
//! - `kefu plugin …`: scaffold, build, test and deploy plugins ([`crate::plugin_cli`]);
//! - `kefu merchant key`: create an admin API key.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use kefu_intent::Classifier;

// Re-exported: tests and tools built the app from here before `app` existed.
pub use crate::app::{ServeArgs, build_app};
use crate::app::router;
use crate::default_classifier;
use crate::store::{DemoData, Store};

/// kefu: AI customer service for online shops, with sandboxed merchant plugins.
#[derive(Debug, Parser)]
#[command(name = "kefu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the runtime: chat API, widget assets, demo storefront and plugins.
    Serve(ServeArgs),
    /// Work with the intent model.
    Intent {
        #[command(subcommand)]
        command: IntentCommand,
    },
    /// Chat with a running runtime from the terminal: one line in, the bot's replies out.
    Chat(ChatArgs),
    /// Manage agents: the people who answer in the console.
    Agent {
        #[command(subcommand)]
        command: AgentCommand,
    },
    /// Write, test and deploy plugins.
    Plugin {
        #[command(subcommand)]
        command: crate::plugin_cli::PluginCommand,
    },
    /// Manage merchants.
    Merchant {
        #[command(subcommand)]
        command: MerchantCommand,
    },
}

#[derive(Debug, Subcommand)]
enum AgentCommand {
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

#[derive(Debug, Subcommand)]
enum MerchantCommand {
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

/// Options of `kefu chat`.
#[derive(Debug, Args)]
pub struct ChatArgs {
    /// The shop to talk to.
    #[arg(long, default_value = "demo")]
    pub merchant: String,
    /// The runtime's URL.
    #[arg(long, env = "KEFU_URL", default_value = "http://127.0.0.1:8080")]
    pub url: String,
    /// Print one JSON object per reply: {"text", "state", "intent", "cards": [{"kind", …}]}.
    #[arg(long)]
    pub json: bool,
    /// The locale to announce (replies follow the language of each message).
    #[arg(long, default_value = "en")]
    pub locale: String,
}

#[derive(Debug, Subcommand)]
enum IntentCommand {
    /// Read one message per line on stdin; print one JSON object per line:
    /// {"text", "intent", "confidence", "top": [[intent, p], …]}.
    Classify {
        /// An ONNX model written by `cargo xtask train` (default: the built-in model).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

/// Runs the CLI; the binary's whole `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(args) => serve_blocking(args),
        Command::Intent {
            command: IntentCommand::Classify { model },
        } => classify(model),
        Command::Chat(args) => tokio::runtime::Runtime::new()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(crate::chat_client::run(args))),
        Command::Agent {
            command:
                AgentCommand::Add {
                    merchant,
                    email,
                    name,
                    data_dir,
                },
        } => tokio::runtime::Runtime::new()
            .map_err(anyhow::Error::from)
            .and_then(|rt| rt.block_on(add_agent(&data_dir, &merchant, &email, &name))),
        Command::Plugin { command } => return crate::plugin_cli::main(command),
        Command::Merchant {
            command:
                MerchantCommand::Key {
                    merchant,
                    label,
                    data_dir,
                },
        } => merchant_key(&merchant, &label, &data_dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kefu: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn classify(model: Option<PathBuf>) -> Result<()> {
    let classifier = match model {
        Some(path) => {
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            Arc::new(Classifier::load(&bytes)?)
        }
        None => default_classifier()?,
    };
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lines() {
        let text = line.context("reading stdin (is it UTF-8?)")?;
        // Serialised from the same f32 values the browser build serialises, so the two
        // print identical numbers.
        #[derive(serde::Serialize)]
        struct Line<'a> {
            text: &'a str,
            #[serde(flatten)]
            prediction: kefu_intent::Prediction,
        }
        let line = Line {
            text: &text,
            prediction: classifier.classify(&text),
        };
        writeln!(stdout, "{}", serde_json::to_string(&line)?)?;
    }
    Ok(())
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

fn merchant_key(merchant: &str, label: &str, data_dir: &std::path::Path) -> Result<()> {
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

fn serve_blocking(args: ServeArgs) -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=warn,sqlx=warn".into()),
        )
        .init();
    tokio::runtime::Runtime::new()?.block_on(serve(args))
}

/// Starts the runtime and serves until Ctrl-C.
pub async fn serve(args: ServeArgs) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {} (is another kefu running?)", args.listen))?;
    let local = listener.local_addr()?;
    let app = build_app(&args, local).await?;
    let url = app.config.public_url.clone();
    tracing::info!(%local, "kefu is listening");
    println!("\n  kefu is running. Open the demo storefront: {url}/");
    println!("  Agent console: {url}/console");
    for agent in DemoData::builtin()?.agents() {
        println!(
            "    demo login: {} / {}  (demo only; add real agents with `kefu agent add`)",
            agent.email, agent.password
        );
    }
    println!();
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
