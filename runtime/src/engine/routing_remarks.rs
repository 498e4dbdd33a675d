//! Remarks the models take for a complaint or for nothing the shop does: praise said only to
//! say it, a chat about the weather, an order's arrival asked among other words. Each is
//! routed as what it is, before an upset-sounding message is taken in as a complaint
//! (`routing.rs`). Pure; the words are read in `arrival_words.rs`, `remark_words.rs` and
//! `other_tasks.rs`.

use kefu_intent::OUT_OF_SCOPE;

use super::arrival_words;
use super::claim_words;
use super::complaint_words;
use super::cues;
use super::late_words::says_late;
use super::other_tasks;
use super::range_words;
use super::remark_words;
use super::understand::Understanding;

/// The intent `u` is, if it is one of these remarks; `named` whether an order is named in
/// the message.
pub fn reroute(u: &Understanding, named: bool) -> Option<&'static str> {
    let text = u.text.as_str();
    let intent = u.prediction.intent.as_str();
    // The shop's site run down, read as buying ("your website kept logging me out during
    // checkout, took me 4 tries to buy one cap. fix it"): a complaint to take in.
    if intent == "place_order" && remark_words::runs_down_the_shop(text) {
        return Some("complaint");
    }
    if !matches!(intent, "complaint" | OUT_OF_SCOPE) {
        return None;
    }
    // "oh wait totally unrelated, did 1004 ever make it to me?", "oh also while I'm here,
    // has 1003 arrived?": where the order is.
    if named
        && arrival_words::asks_if_it_came(text)
        && claim_words::asks_telling_nothing_wrong(text)
    {
        return Some("track_order");
    }
    if named || says_late(text) {
        return None;
    }
    // A detail of the goods offered in case it helps ("it was the two grey hoodies if that
    // helps"), nothing wrong told: a value supplied, what to do with it asked (not a detail of
    // a complaint: "safari on an iphone if that helps").
    let lower = text.to_lowercase();
    if super::language::mentions(
        &lower,
        &[
            "if that helps",
            "if it helps",
            "in case that helps",
            "in case it helps",
            "如果有用",
        ],
    ) && (super::language::says_word(
        &lower,
        &[
            "hoodie", "hoodies", "tee", "tees", "t-shirt", "cap", "caps", "bottle",
        ],
    ) || super::language::mentions(&lower, &["卫衣", "t恤", "帽", "杯"]))
        && !super::refund_words::asks_for_money_back(text)
        && !cues::asks_in_any_clause(text)
        && !claim_words::goods_gone_wrong(text, None)
        && !claim_words::describes_a_missing_parcel(text)
        && !complaint_words::complains_without_a_claim(text)
    {
        return Some(super::routing_heard::SUPPLIED);
    }
    // "对了 你们的T恤偏大还是偏小", however it sounds: how the product fits, asked.
    if intent == "complaint" && cues::asks_about_fit(text) {
        return Some("product_info");
    }
    // "also do you guys sell socks", "那你们有啥适合当生日礼物的": the shop's range, which the
    // catalogue answers (and says so when the shop has none), not "outside what I can do".
    // ("哈哈开玩笑的 你们卖不卖袜子", heard as a complaint: a joke taken back, then the range.)
    if (intent == OUT_OF_SCOPE
        || (intent == "complaint"
            && !complaint_words::complains_without_a_claim(text)
            && (!u.upset || super::policy_cues::jokes(text))))
        && range_words::asks_what_the_shop_sells(text)
    {
        return Some("product_info");
    }
    // "没事 就是想说你们家帽子好好看 哈哈", heard as upset: thanks, not a complaint.
    // ("lol ok fine, a bot's fine. how long does express take" asks after it.)
    if remark_words::says_something_nice_only(text) && !cues::asks_in_any_clause(text) {
        return Some("thanks");
    }
    // "哈喽～第一次逛你们店，随便看看": only looking around, a greeting. So is nothing the
    // matter said ("哈哈没事 就是看看你们今天忙不忙").
    if intent == "complaint"
        && (remark_words::only_browsing(text) || remark_words::says_nothing_is_the_matter(text))
        && !claim_words::goods_gone_wrong(text, None)
        && !complaint_words::complains_without_a_claim(text)
    {
        return Some("greeting");
    }
    // "your checkout page is a nightmare, took me 4 tries to get through": the shop run
    // down, a complaint taken in (with a person), not "outside what I can help with".
    if intent == OUT_OF_SCOPE
        && (remark_words::runs_down_the_shop(text) || remark_words::asks_what_will_be_done(text))
    {
        return Some("complaint");
    }
    // "come on, just a guess" after a question the bot declined: the same question.
    if other_tasks::presses_for_a_guess(text) {
        return Some(OUT_OF_SCOPE);
    }
    // "你们那边下雪了没": small talk about the weather, which the bot does not do.
    if intent == "complaint"
        && other_tasks::chats_about_the_weather(text)
        && !cues::asks_about_a_product_at_all(text)
    {
        return Some(OUT_OF_SCOPE);
    }
    None
}
