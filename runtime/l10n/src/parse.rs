//! The Fluent subset kefu's message files are written in, parsed into compiled patterns:
//! text with placeholders written `{$name}`.

use crate::Error;

/// One message of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Its id (`greeting`, `ask_order_number`).
    pub id: String,
    /// The comment right above it, if any (without the `# `), one line per comment line.
    pub comment: String,
    /// The text, with each placeholder written `{$name}` and string literals spelled out.
    pub pattern: String,
    /// The line it starts on, from 1.
    pub line: usize,
}

impl Message {
    /// The names of its placeholders, sorted, each once.
    pub fn placeholders(&self) -> Vec<String> {
        let mut names = Vec::new();
        let mut rest = self.pattern.as_str();
        while let Some(start) = rest.find("{$") {
            let after = &rest[start + 2..];
            let end = after.find('}').unwrap_or(after.len());
            names.push(after[..end].to_string());
            rest = &after[end.min(after.len())..];
        }
        names.sort();
        names.dedup();
        names
    }
}

/// A parsed message file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resource {
    /// Its messages, in file order.
    pub messages: Vec<Message>,
}

impl Resource {
    /// The message `id`.
    pub fn get(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }
}

fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Parses the file `name` (for error messages) with contents `source`.
pub fn parse(name: &str, source: &str) -> Result<Resource, Error> {
    let err = |line: usize, why: String| Error::Syntax {
        file: name.to_string(),
        line,
        why,
    };
    let lines: Vec<&str> = source.lines().collect();
    let mut resource = Resource::default();
    let mut comment: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let number = i + 1;
        let line = lines[i].trim_end();
        i += 1;
        if line.is_empty() {
            comment.clear();
            continue;
        }
        if line.starts_with("##") {
            // Group and file comments document no message.
            comment.clear();
            continue;
        }
        if let Some(text) = line.strip_prefix('#') {
            comment.push(text.strip_prefix(' ').unwrap_or(text));
            continue;
        }
        if line.starts_with(' ') {
            return Err(err(number, "an indented line belongs to no message".into()));
        }
        if line.starts_with('-') {
            return Err(err(
                number,
                "terms (`-name = …`) are not supported: write the text in each message".into(),
            ));
        }
        let Some((id, first)) = line.split_once('=') else {
            return Err(err(
                number,
                "expected `id = text`, a `# comment` or a blank line".into(),
            ));
        };
        let id = id.trim();
        if !is_id(id) {
            return Err(err(
                number,
                format!("`{id}` is not a message id (a letter, then letters, digits, _ or -)"),
            ));
        }
        if resource.get(id).is_some() {
            return Err(err(number, format!("message `{id}` is defined twice")));
        }
        // The value: the rest of this line, then every indented line after it, with the
        // indentation they share removed (Fluent's multiline text).
        let mut parts: Vec<&str> = Vec::new();
        let first = first.trim();
        if !first.is_empty() {
            parts.push(first);
        }
        let block_start = i;
        while i < lines.len() && lines[i].starts_with(' ') && !lines[i].trim().is_empty() {
            i += 1;
        }
        let block = &lines[block_start..i];
        let indent = block
            .iter()
            .map(|l| l.len() - l.trim_start().len())
            .min()
            .unwrap_or(0);
        for (offset, l) in block.iter().enumerate() {
            let text = l[indent..].trim_end();
            if text.starts_with(['.', '[', '*']) {
                return Err(err(
                    block_start + offset + 1,
                    "attributes and variants are not supported (a line may not start with \
                     `.`, `[` or `*`): make each variant a message of its own"
                        .into(),
                ));
            }
            parts.push(text);
        }
        if parts.is_empty() {
            return Err(err(number, format!("message `{id}` has no text")));
        }
        let pattern = compile(&parts.join("\n")).map_err(|why| err(number, why))?;
        resource.messages.push(Message {
            id: id.to_string(),
            comment: comment.join("\n"),
            pattern,
            line: number,
        });
        comment.clear();
    }
    Ok(resource)
}

/// Turns Fluent text into a pattern: `{ $name }` becomes `{$name}`, `{ "x" }` becomes `x`.
fn compile(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut placeholders = 0;
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        if rest[open..].starts_with('}') {
            return Err("a `}` with no `{`: write a brace as { \"}\" }".into());
        }
        let after = &rest[open + 1..];
        let body = after.trim_start();
        if let Some(literal) = body.strip_prefix('"') {
            // A string literal: its text may hold a brace, so its closing quote comes first.
            let end = literal
                .find('"')
                .ok_or("a string literal `{ \"…` that is never closed")?;
            let tail = literal[end + 1..].trim_start();
            let tail = tail
                .strip_prefix('}')
                .ok_or("a string literal must be alone in its braces: `{ \"{\" }`")?;
            if literal[..end].contains('\\') {
                return Err("escapes in string literals are not supported".into());
            }
            out.push_str(&literal[..end]);
            rest = tail;
            continue;
        }
        let close = after
            .find('}')
            .ok_or("a `{` that is never closed: write a brace as { \"{\" }")?;
        let inner = after[..close].trim();
        if let Some(name) = inner.strip_prefix('$') {
            if !is_id(name) {
                return Err(format!("`{{ {inner} }}`: a placeholder is `{{ $name }}`"));
            }
            placeholders += 1;
            out.push_str("{$");
            out.push_str(name);
            out.push('}');
        } else {
            return Err(format!(
                "`{{ {inner} }}` is not supported: only `{{ $name }}` placeholders and \
                 `{{ \"text\" }}` literals (no selectors, functions or terms)"
            ));
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    if out.matches("{$").count() != placeholders {
        return Err("a literal `{` followed by `$` reads as a placeholder".into());
    }
    Ok(out)
}
