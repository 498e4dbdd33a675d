//! Where agent-taught training examples go: one `label<TAB>text` line each, the format of
//! the trainer's `train_*.tsv` files (`cargo xtask train --extra PATH`).
//!
//! One file per merchant, so one shop's shoppers' words never train another shop's model
//! unless its operator chooses to, and with the shopper's emails and phone numbers masked
//! (`[email]`, `[phone]`): the model learns what a message is about, and a training file
//! copied around holds nobody's contact details.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::plugins::record::redact_text;
use crate::store::valid_merchant_id;

/// Agent-taught examples, appended to one file per merchant.
#[derive(Debug)]
pub struct TrainingFile {
    path: PathBuf,
    lock: tokio::sync::Mutex<()>,
}

impl TrainingFile {
    /// Appends beside `path`: merchant `demo`'s examples go to `train_agent_labels.demo.tsv`
    /// for `path` `train_agent_labels.tsv` (created with its directory on first use).
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            lock: tokio::sync::Mutex::new(()),
        }
    }

    /// The file given at start; merchants' files are named after it ([`Self::path_for`]).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Merchant `merchant`'s file.
    pub fn path_for(&self, merchant: &str) -> PathBuf {
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "train_agent_labels".into(), |s| s.to_string_lossy());
        let ext = self
            .path
            .extension()
            .map_or_else(|| "tsv".into(), |e| e.to_string_lossy());
        self.path.with_file_name(format!("{stem}.{merchant}.{ext}"))
    }

    /// Appends `text` labelled `label` to `merchant`'s file, emails and phone numbers
    /// masked.
    pub async fn append(&self, merchant: &str, label: &str, text: &str) -> std::io::Result<()> {
        // Merchant ids are checked when made; a file name is no place to trust one anyway.
        if !valid_merchant_id(merchant) {
            return Err(std::io::Error::other(format!(
                "`{merchant}` is not a merchant id"
            )));
        }
        // One example per line: tabs and line breaks inside the text become spaces.
        let text: String = redact_text(text)
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let line = format!("{label}\t{}\n", text.trim());
        let _guard = self.lock.lock().await;
        let path = self.path_for(merchant);
        tokio::task::spawn_blocking(move || {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)?
                .write_all(line.as_bytes())
        })
        .await
        .map_err(std::io::Error::other)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn training_file_masks_emails_and_phones_per_merchant() {
        let dir = std::env::temp_dir().join(format!("kefu-training-{}", uuid::Uuid::new_v4()));
        let file = TrainingFile::new(dir.join("train_agent_labels.tsv"));
        file.append(
            "demo",
            "get_refund",
            "refund 1003 please, I'm carlos@example.com, call +1 415 555 0100",
        )
        .await
        .unwrap();
        file.append("other-shop", "greeting", "hi\tthere")
            .await
            .unwrap();
        let demo = std::fs::read_to_string(dir.join("train_agent_labels.demo.tsv")).unwrap();
        assert_eq!(
            demo,
            "get_refund\trefund 1003 please, I'm [email], call [phone]\n"
        );
        let other = std::fs::read_to_string(dir.join("train_agent_labels.other-shop.tsv")).unwrap();
        assert_eq!(other, "greeting\thi there\n");
        assert!(
            file.append("../etc", "greeting", "hi").await.is_err(),
            "a merchant id is never a path"
        );
        assert!(!dir.join("train_agent_labels.tsv").exists());
        let _ = std::fs::remove_dir_all(dir);
    }
}
