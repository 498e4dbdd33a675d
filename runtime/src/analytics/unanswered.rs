//! The questions the bot could not answer, grouped by similarity: what to teach it next.
//!
//! Similarity is lexical, on purpose: each question becomes a set of tokens (lower-cased
//! words of two or more letters, and Chinese characters as overlapping pairs, since
//! Chinese is written without spaces), and a question joins the first group whose first
//! question shares at least half of their tokens (Jaccard ≥ 0.5). "do you ship to canada"
//! and "do you ship to Canada?" are one group; "do you ship to canada" and "do you sell
//! gift cards" are two. Meaning-level grouping (the intent model's embeddings) would join
//! paraphrases this misses; that is said in `docs/analytics.md`.

use std::collections::BTreeSet;

use serde::Serialize;

/// Similar questions, most asked first.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct QuestionGroup {
    /// The question as first asked (the group's representative).
    pub question: String,
    /// How many times questions of this group were asked.
    pub count: u64,
    /// The language they were asked in (of the conversations).
    pub lang: String,
    /// Up to five other wordings.
    pub variants: Vec<String>,
    /// The conversations they were asked in (up to 20).
    pub conversations: Vec<String>,
}

/// Tokens of a question for comparison.
fn tokens(text: &str) -> BTreeSet<String> {
    let lower = text.to_lowercase();
    let mut out = BTreeSet::new();
    let mut word = String::new();
    let mut han: Vec<char> = vec![];
    let flush_han = |han: &mut Vec<char>, out: &mut BTreeSet<String>| {
        if han.len() == 1 {
            out.insert(han[0].to_string());
        }
        for pair in han.windows(2) {
            out.insert(pair.iter().collect());
        }
        han.clear();
    };
    for ch in lower.chars() {
        if ('\u{4e00}'..='\u{9fff}').contains(&ch) {
            if word.chars().count() >= 2 {
                out.insert(std::mem::take(&mut word));
            }
            word.clear();
            han.push(ch);
        } else if ch.is_alphanumeric() {
            flush_han(&mut han, &mut out);
            word.push(ch);
        } else {
            flush_han(&mut han, &mut out);
            if word.chars().count() >= 2 {
                out.insert(std::mem::take(&mut word));
            }
            word.clear();
        }
    }
    flush_han(&mut han, &mut out);
    if word.chars().count() >= 2 {
        out.insert(word);
    }
    out
}

fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let all = a.union(b).count();
    all > 0 && shared * 2 >= all
}

/// Groups `questions` (language, text, conversation), in the order asked, and returns the
/// `limit` largest groups (ties: asked first first).
pub fn group_questions(questions: &[(String, String, String)], limit: usize) -> Vec<QuestionGroup> {
    let mut groups: Vec<(BTreeSet<String>, QuestionGroup)> = vec![];
    for (lang, text, conversation) in questions {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let t = tokens(text);
        match groups
            .iter_mut()
            .find(|(g, q)| q.lang == *lang && similar(g, &t))
        {
            Some((_, q)) => {
                q.count += 1;
                if q.question != text
                    && !q.variants.iter().any(|v| v == text)
                    && q.variants.len() < 5
                {
                    q.variants.push(text.to_string());
                }
                if q.conversations.len() < 20 && !q.conversations.contains(conversation) {
                    q.conversations.push(conversation.clone());
                }
            }
            None => groups.push((
                t,
                QuestionGroup {
                    question: text.to_string(),
                    count: 1,
                    lang: lang.clone(),
                    variants: vec![],
                    conversations: vec![conversation.clone()],
                },
            )),
        }
    }
    let mut out: Vec<QuestionGroup> = groups.into_iter().map(|(_, q)| q).collect();
    // Stable: equal counts keep the order they were first asked in.
    out.sort_by_key(|g| std::cmp::Reverse(g.count));
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(lang: &str, text: &str, c: &str) -> (String, String, String) {
        (lang.into(), text.into(), c.into())
    }

    #[test]
    fn rewordings_group_and_different_questions_do_not() {
        let groups = group_questions(
            &[
                q("en", "Do you ship to Canada?", "a"),
                q("en", "do you sell gift cards", "b"),
                q("en", "do you ship to canada", "c"),
                q("en", "can you ship to Canada", "d"),
                q("zh", "你们发货到加拿大吗", "e"),
                q("zh", "发货到加拿大吗？", "f"),
            ],
            10,
        );
        let summary: Vec<_> = groups
            .iter()
            .map(|g| (g.question.as_str(), g.count))
            .collect();
        assert_eq!(
            summary,
            [
                ("Do you ship to Canada?", 3),
                ("你们发货到加拿大吗", 2),
                ("do you sell gift cards", 1)
            ]
        );
        assert_eq!(groups[0].conversations, ["a", "c", "d"]);
        assert_eq!(
            groups[0].variants,
            ["do you ship to canada", "can you ship to Canada"]
        );
    }
}
