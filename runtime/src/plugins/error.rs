//! Why a plugin could not be loaded ([`LoadError`]) or a call produced no reply
//! ([`CallError`]): the two errors of the plugin host's boundary.

use super::manifest;

/// Why a plugin could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The manifest is invalid.
    #[error(transparent)]
    Manifest(#[from] manifest::ManifestError),
    /// The component is malformed or does not fit the `kefu:plugin` world.
    #[error("plugin `{name}` is not a valid kefu plugin component: {reason}")]
    Component {
        /// The plugin's name.
        name: String,
        /// What wasmtime said.
        reason: String,
    },
    /// The plugin's `describe()` failed, or what it says it serves does not match its
    /// manifest (its intents, or the slots `[needs]` names).
    #[error("plugin `{name}`: {reason}")]
    Description {
        /// The plugin's name.
        name: String,
        /// What went wrong, naming both sides of a mismatch.
        reason: String,
    },
    /// Reading the plugin's files failed.
    #[error("reading plugin files in {path}: {source}")]
    Io {
        /// Where.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
}

/// Why a plugin call did not produce a reply. The variants a plugin chose itself come first.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CallError {
    /// The plugin says the thing asked for does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The plugin needs a slot the engine did not fill.
    #[error("missing slot `{0}`")]
    MissingSlot(String),
    /// The plugin's backend is down.
    #[error("plugin backend unavailable: {0}")]
    Unavailable(String),
    /// The plugin reported an internal failure.
    #[error("plugin failed: {0}")]
    Failed(String),
    /// The merchant's policy, as the plugin applies it, does not allow this; the text is
    /// for the shopper.
    #[error("not allowed: {0}")]
    NotAllowed(String),
    /// The plugin was built against a contract version without this export.
    #[error("the plugin's contract version has no `{0}`")]
    Unsupported(&'static str),
    /// The plugin failed too often in a row; it is not called until it cools down.
    #[error("the plugin failed {0} times in a row and is paused")]
    CircuitOpen(u32),
    /// The plugin ran past its deadline and was stopped.
    #[error("plugin exceeded its {0} ms deadline")]
    Timeout(u64),
    /// The plugin tried to use more memory than its cap.
    #[error("plugin exceeded its memory cap of {0} bytes")]
    MemoryLimit(u64),
    /// The plugin's reply was larger than its output cap.
    #[error("plugin reply exceeded its output cap of {0} bytes")]
    OutputTooLarge(u64),
    /// The plugin crashed (trap or panic).
    #[error("plugin crashed: {0}")]
    Trapped(String),
}

impl CallError {
    /// The error's stable snake_case name (`not_found`, `timeout`, …), as the audit log and
    /// metrics record it; never changes with the message.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound(_) => "not_found",
            Self::MissingSlot(_) => "missing_slot",
            Self::Unavailable(_) => "unavailable",
            Self::Failed(_) => "failed",
            Self::NotAllowed(_) => "not_allowed",
            Self::Unsupported(_) => "unsupported",
            Self::Timeout(_) => "timeout",
            Self::MemoryLimit(_) => "memory_limit",
            Self::OutputTooLarge(_) => "output_too_large",
            Self::Trapped(_) => "trapped",
            Self::CircuitOpen(_) => "circuit_open",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_error_has_its_own_snake_case_code() {
        let all = [
            CallError::NotFound(String::new()),
            CallError::MissingSlot(String::new()),
            CallError::Unavailable(String::new()),
            CallError::Failed(String::new()),
            CallError::NotAllowed(String::new()),
            CallError::Unsupported("commit"),
            CallError::CircuitOpen(5),
            CallError::Timeout(50),
            CallError::MemoryLimit(1),
            CallError::OutputTooLarge(1),
            CallError::Trapped(String::new()),
        ];
        let codes: std::collections::BTreeSet<_> = all.iter().map(CallError::code).collect();
        assert_eq!(codes.len(), all.len());
        assert!(
            codes
                .iter()
                .all(|c| c.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        assert_eq!(CallError::Timeout(50).code(), "timeout");
    }
}
