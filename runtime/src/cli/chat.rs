//! `kefu chat`: the widget's protocol from a terminal (`chat_client`).

use anyhow::Result;
use clap::Args;

use crate::chat_client::ChatOptions;

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

/// Runs `kefu chat` until stdin ends.
pub fn run(args: ChatArgs) -> Result<()> {
    let options = ChatOptions {
        merchant: args.merchant,
        url: args.url,
        json: args.json,
        locale: args.locale,
    };
    tokio::runtime::Runtime::new()?.block_on(crate::chat_client::run(options))
}
