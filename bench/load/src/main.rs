//! `kefu-load`: parses the command line, runs the load, prints the report.

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = kefu_load::LoadArgs::parse();
    let json = args.json;
    let report = kefu_load::run(args).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    Ok(())
}
