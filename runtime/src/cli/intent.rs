//! `kefu intent classify`: the intent model from the shell, one JSON object per stdin line.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Subcommand;
use kefu_intent::Classifier;

use crate::default_classifier;

/// `kefu intent` subcommands.
#[derive(Debug, Subcommand)]
pub enum IntentCommand {
    /// Read one message per line on stdin; print one JSON object per line:
    /// {"text", "intent", "confidence", "top": [[intent, p], …]}.
    Classify {
        /// An ONNX model written by `cargo xtask train` (default: the built-in model).
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

/// Runs a `kefu intent` command.
pub fn run(command: IntentCommand) -> Result<()> {
    let IntentCommand::Classify { model } = command;
    classify(model)
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
