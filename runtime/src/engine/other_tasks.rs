//! Tasks a shopper asks of the bot that no shop does (writing, translating, bookings, the
//! weather): out of scope, however soon they are needed. Pure word reading.

use super::language::mentions;

/// Whether `text` asks the bot for a task no shop does ("你能帮我写一下明天的工作周报吗",
/// "can you write my essay for tomorrow", "translate this for me", "能帮我订一张明天的高铁票吗",
/// "what's the weather tomorrow"): out of scope, however pressed for time the shopper is.
pub fn asks_for_an_unrelated_task(text: &str) -> bool {
    mentions(
        text,
        &[
            "帮我写",
            "写一下",
            "写一篇",
            "翻译",
            "作业",
            "周报",
            "报告",
            "write me",
            "write my",
            "help me write",
            "write an essay",
            "my essay",
            "homework",
            "translate",
            "my report",
            // Bookings and the weather: another business's, or nobody's.
            "订票",
            "机票",
            "高铁票",
            "火车票",
            "订酒店",
            "天气",
            "book me a",
            "book a flight",
            "book a train",
            "book a hotel",
            "the weather",
        ],
    )
}

/// Whether `text` chats about the weather ("你们那边下雪了没", "so cold today huh").
pub fn chats_about_the_weather(text: &str) -> bool {
    mentions(
        text,
        &[
            "下雪",
            "下雨",
            "天气",
            "好冷",
            "好热",
            "降温",
            "snowing",
            "raining",
            // "is it gonna rain in Chicago tomorrow?"
            "gonna rain",
            "going to rain",
            "will it rain",
            "gonna snow",
            "going to snow",
            "the weather",
            "so cold today",
            "so hot today",
        ],
    )
}

/// Whether `text` presses for a guess the bot declined ("come on, just a guess", "猜一下嘛"):
/// the same question, still out of scope, not a complaint.
pub fn presses_for_a_guess(text: &str) -> bool {
    mentions(
        text,
        &[
            "just a guess",
            "take a guess",
            "just guess",
            "humor me",
            "humour me",
            "your best guess",
            "猜一下",
            "猜猜",
            "随便猜",
            // A task the bot declined, pressed again ("come on it's only a few lines").
            "only a few lines",
            "just a few lines",
            // "come on just 4 lines, she loves your caps if that helps".
            "just 4 lines",
            "just four lines",
            "just 2 lines",
            "just two lines",
            "just 3 lines",
            "just three lines",
            "only 4 lines",
            "就几句话",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weather_is_small_talk() {
        assert!(chats_about_the_weather("你们那边下雪了没"));
        assert!(!chats_about_the_weather("帽子什么时候到"));
        assert!(presses_for_a_guess("come on, just a guess"));
        assert!(presses_for_a_guess("come on it's only a few lines"));
        assert!(!presses_for_a_guess("where is my order"));
    }
}
