//! Whether a message asks to be put through to someone in words that name no "human" or
//! "agent": someone to reach, a way of reaching them and the shape of a request, or someone in
//! charge demanded. Lower-case substring checks; [`super::replies::asks_for_human`] has the
//! explicit words, and `person_first.rs` decides with both.

/// Whether `text` asks to be put through to someone, in words that name no "human" or
/// "agent" ("is there anyone from customer service I can chat with?", "I'd rather have a
/// person sort this out", "帮我转接客服"): someone to reach, a way of reaching them, and the
/// shape of a request. [`super::replies::asks_for_human`] has the explicit words.
pub fn asks_for_a_person(text: &str) -> bool {
    // "is this chatgpt?" names a model, not a chat with someone.
    let lower = text.to_lowercase().replace("chatgpt", "gpt");
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let someone = has(&[
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "a person",
        "customer service",
        "customer support",
        "support team",
        "your team",
        "staff",
        "manager",
        "supervisor",
        // "is there like an actual team behind this shop I can talk to?".
        "actual team",
        "team behind",
        // "I want to speak to whoever is in charge about how 1004 was handled", "I'd like a
        // word with one of your colleagues, not the chat window".
        "whoever is in charge",
        "whoever's in charge",
        "whoever runs",
        "whoever handles",
        "whoever deals with",
        "whoever is responsible",
        "whoever's responsible",
        "of your colleagues",
        // "I'd like an actual employee to look at order 1004, not an automated thing".
        "an actual employee",
        "a real employee",
        "an employee to",
        // "ok. then pass me to whoever's behind you".
        "whoever's behind",
        "whoever is behind",
    ]);
    let reach = has(&[
        "talk",
        "chat",
        "speak",
        "contact",
        "reach",
        "call me",
        // "I'd like one of your colleagues to get back to me please".
        "get back to me",
        "sort this",
        "sort it",
        "deal with",
        "handle this",
        "look into",
        "look at this",
        "to look at order",
        "to look at my",
        "to look at this",
        // "is there anyone there with a pulse who can look at order 1002".
        "who can look at",
        // "no offence to you but I want someone with a pulse looking at order 1004" (not "I'm
        // looking at the navy cap").
        "someone looking at",
        "somebody looking at",
        "pulse looking at",
        "a person looking at",
        "a human looking at",
        "discuss",
        "explain",
        "a word with",
        // "probably easier to sort out with someone on your team, can you put me through?"
        "sort out",
        // "i'd rather sort the rest out with someone on your team, can you pass me over"
        "sort the rest",
        // "I'd honestly rather go through it with someone on your team than the chat thing".
        "go through it with",
        "go over it with",
        "pass me",
        "hand me over",
        "hand me to",
        "put through",
        "get someone",
        "get somebody",
        "transfer me",
        "connect me",
        // "can someone please help me": someone, asked for.
        "help me",
    ]);
    let request = has(&[
        "can i",
        "could i",
        "can you",
        "could you",
        "can someone",
        "can somebody",
        "could someone",
        "could somebody",
        "i want",
        "i'd like",
        "i would like",
        "i need",
        "let me",
        "is there",
        "get me",
        "put me",
        "connect",
        "rather have",
        "i'd rather",
        "i'd honestly rather",
        "would rather",
        "please",
        "pls",
        "transfer",
    ]);
    // Put directly, with no verb of reaching: "give me the staff", 转人工 typed in pinyin.
    let direct = has(&[
        "give me the staff",
        // "ok. then gimme the person".
        "gimme the person",
        "gimme a person",
        "gimme a human",
        "gimme someone",
        "gimme a real person",
        "gimme a real human",
        "gimme a real one",
        "give me a staff",
        "give me staff",
        "give me someone",
        "get me someone",
        // "fine, I'll wait. put me through".
        "put me through",
        "get me somebody",
        "get me a person",
        "get me a human",
        // "fine, then just pass me to a customer service rep".
        "pass me to a rep",
        "pass me to a customer",
        "pass me to your",
        // "can I just get a member of staff? It's about an order but it's complicated".
        "get a member of staff",
        "get a member of your team",
        "speak to a member of",
        "talk to a member of",
        "give me a person",
        "give me a real",
        "zhuan rengong",
        "zhuanrengong",
        "zhuan ren gong",
        "rengong kefu",
        "ren gong ke fu",
        "zhao kefu",
        "zhao ke fu",
        "zhen ren kefu",
        // "qing zhao ren lian xi wo": someone to get in touch, in pinyin.
        "zhao ren lian xi",
        "zhao ren lianxi",
        "zhaoren lianxi",
        "lian xi wo",
        "lianxi wo",
        // Someone offered, taken ("ok then put them on"); someone alive looked for ("three
        // emails to your support address, zero replies. is anyone actually alive over
        // there").
        "put them on",
        "put him on",
        "put her on",
        "put someone on",
        "put a person on",
        "put a human on",
        "anyone actually alive",
        "anybody actually alive",
        "anyone alive",
        "anybody alive",
        "anyone still alive",
        // Who to turn to, asked ("ok who can I actually talk to", "fine, how do i reach
        // someone then").
        "who can i talk to",
        "who can i actually talk to",
        "who can i speak to",
        "who can i speak with",
        "who do i talk to",
        "who do i speak to",
        "who should i talk to",
        "how do i reach someone",
        "how do i reach somebody",
        "how do i reach a person",
        "how can i reach someone",
        "how do i contact someone",
        "how do i get hold of someone",
        // Needed now ("please I need someone now. the parcel is going to my old flat").
        "need someone now",
        "need somebody now",
        "need a person now",
        "need someone asap",
        "need someone urgently",
        // "…can a person please help quickly", "ok. then pass me to whoever's behind you".
        "can a person please",
        "can a person help",
        "could a person please",
        "could a person help",
        "can a human please",
        "can a human help",
        "can a real person help",
        "pass me to whoever",
        "pass me to someone",
        "pass me to somebody",
        "pass me to a person",
        "pass me to a human",
        "pass me on to",
        "hand me to whoever",
        "put me through to whoever",
        "transfer me to whoever",
    ]);
    let zh = has(&[
        "转接",
        "转客服",
        "找客服",
        // "我要找你们客服", "找个客服跟我说".
        "找你们客服",
        "找你们的客服",
        "找个客服",
        "找一个客服",
        "联系客服",
        "叫客服",
        "接客服",
        "客服小姐姐",
        "客服小哥",
        "找个人",
        "找人处理",
        "找人来",
        // Called back ("能不能让你们客服打电话给我，打字太累了").
        "客服打电话",
        "客服给我打",
        "客服联系我",
        "客服回个电话",
        // Whether anyone reads at all ("does anyone even read these").
        "anyone even read",
        "does anyone read",
        "is anyone reading",
        "anybody even read",
        "有没有人看",
        "有人看吗",
        "让人联系我",
        "找人联系我",
        "请人联系我",
        "安排人联系",
        "人工帮我",
        // "不想跟机器聊，让你们的客服直接联系我".
        "客服直接联系我",
        "客服联系我",
        "不想跟机器",
        "不想和机器",
        "不要跟机器",
        "不跟机器人",
        // "我不想跟程序聊，有没有能说话的客服".
        "不想跟程序",
        "不想和程序",
        "不想跟自动",
        "不想和自动",
        "不想跟ai",
        "不想和ai",
        "能说话的客服",
        "有没有客服在",
        // A form to write it down for someone ("算了 给我个能填的表 我自己写清楚").
        "能填的表",
        "给客服留言",
        "留言给客服",
        "contact form",
    ]);
    // Someone the shopper finds to take the parcel in ("1002到的时候我不在家 我找个人来负责签
    // 收可以吗"): no person of the shop's asked for.
    let finds_someone_to_sign = has(&["我找个人", "找个人来负责签收", "找个人代收", "找个人签收"]);
    (someone && reach && request)
        || direct
        || (zh && !finds_someone_to_sign)
        || demands_someone_in_charge(&lower)
        || asks_for_someone_who_can(&lower)
        || asks_how_to_reach_the_shop(&lower)
}

/// Whether `lower` asks only how to reach the shop, after giving up on the bot ("那算了 怎么
/// 联系你们", "forget it, how do I contact you"): not how to reach the courier, nor how to
/// arrange an exchange or an address change through the shop.
fn asks_how_to_reach_the_shop(lower: &str) -> bool {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    has(&[
        "怎么联系你们",
        "如何联系你们",
        "怎样联系你们",
        "how do i contact you",
        "how can i contact you",
        "how do i reach you",
        "how can i reach you",
    ]) && lower.chars().count() <= 40
        && !has(&[
            "courier",
            "快递",
            "if ",
            "如果",
            "下单后",
            "修改",
            "地址",
            "exchange",
            "return",
            "退",
            "换",
        ])
}

/// Whether `lower` asks, in Chinese, for someone who can sort it out in place of the bot
/// ("算了 找个能处理事情的来", "跟你说不明白 换个能解决问题的来", "找个懂的人来"), not for
/// goods that do something ("换个大号的来", "给我换个能用的").
fn asks_for_someone_who_can(lower: &str) -> bool {
    const ASKS: &[&str] = &["换个", "找个", "叫个", "换一个", "找一个"];
    // Someone the shopper finds to sign for a parcel, or the shop's pickup: no person asked.
    if ["我找个", "签收", "取件", "收货"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return false;
    }
    const CAN: &[&str] = &[
        "处理",
        "解决",
        "做主",
        "办事",
        "说了算",
        "管事",
        "负责",
        "懂的",
        "懂行",
    ];
    const WHO: &[&str] = &["的来", "的人", "人来", "的过来", "的出来"];
    ASKS.iter().any(|ask| {
        lower.match_indices(ask).any(|(at, _)| {
            let after: String = lower[at + ask.len()..].chars().take(10).collect();
            CAN.iter().any(|w| after.contains(w)) && WHO.iter().any(|w| after.contains(w))
        })
    })
}

/// Whether `lower` demands someone in charge or on the staff in so many words, with no verb
/// of reaching ("get me a manager", "I want your supervisor", "我想找你们的工作人员聊一下",
/// "叫你们负责人出来").
fn demands_someone_in_charge(lower: &str) -> bool {
    const ASKS: &[&str] = &[
        "get me", "give me", "i want", "i need", "i demand", "fetch", "bring me", "send me",
    ];
    const WHOM: &[&str] = &[
        "manager",
        "supervisor",
        "someone in charge",
        "somebody in charge",
        "person in charge",
        "staff member",
        "member of staff",
        "someone senior",
    ];
    let en = ASKS.iter().any(|ask| {
        lower.match_indices(ask).any(|(at, _)| {
            let after: Vec<&str> = lower[at + ask.len()..].split_whitespace().take(3).collect();
            let after = after.join(" ");
            WHOM.iter().any(|w| after.contains(w))
        })
    });
    // 找/叫/联系 followed closely by the staff ("找你们的工作人员", "叫你们经理来").
    const ASKS_ZH: &[&str] = &["找", "叫", "联系", "让", "请", "跟", "和"];
    const WHOM_ZH: &[&str] = &["工作人员", "负责人", "经理", "主管", "领导", "店长"];
    let zh = ASKS_ZH.iter().any(|ask| {
        lower.match_indices(ask).any(|(at, _)| {
            let after: String = lower[at + ask.len()..].chars().take(8).collect();
            WHOM_ZH.iter().any(|w| after.contains(w))
        })
    });
    en || zh
}

/// Whether `text` asks someone to sort things out or call back and tells nothing of an
/// account, a sign-in, a detail changed or anyone else's doing ("I can't think about this
/// right now, can someone please just sort it out", "让客服给我回个电话"): a person asked
/// for, nothing taken over.
pub(super) fn asks_someone_and_names_nothing_else(text: &str) -> bool {
    let lower = text.to_lowercase();
    // The someone asked for is no one else named ("can someone please sort it out").
    let mut rest = lower.clone();
    for asked in [
        "can someone",
        "could someone",
        "can somebody",
        "could somebody",
        "get me someone",
        "get someone",
        "someone please",
        "somebody please",
        "someone from your team",
        "someone real",
    ] {
        rest = rest.replace(asked, " ");
    }
    (asks_for_a_person(&lower)
        || super::replies::asks_for_human(&lower)
        || super::language::mentions(&lower, &["回个电话", "回电话", "call me back"]))
        && !super::policy_cues::names_someone_else_or_disowns(&rest)
        && !super::language::mentions(
            &lower,
            &[
                "account",
                "log in",
                "login",
                "logged",
                "sign in",
                "signed",
                "password",
                "email",
                "e-mail",
                "phone number",
                "hack",
                "profile",
                "address",
                "my name",
                "有人",
                "被人",
                "账号",
                "账户",
                "密码",
                "登录",
                "登陆",
                "邮箱",
                "手机号",
                "验证码",
                "盗",
                "地址",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_for_someone_without_the_word_human_are_recognised() {
        for text in [
            "is there anyone from customer service I can chat with? someone actual",
            "tbh I'd rather have a person sort this out",
            "can somebody from your team call me",
            "I need to speak to a manager",
            "算了 还是帮我转接客服小姐姐吧",
            "帮我联系客服",
            "我不想跟程序聊，有没有能说话的客服",
            "I'd rather discuss this with a member of your team, thanks.",
            "please give me the staff, I cannot explain to machine",
            "zhuan rengong",
            "孩子住院了，我实在没精力处理订单，能不能直接让人联系我",
            "this is a bigger question, could you put me through to someone in sales?",
            // Someone in charge demanded, with no verb of reaching.
            "get me a manager. order 1004, this is the second time I'm writing about it",
            "I want your supervisor, now",
            "你好，我想找你们的工作人员聊一下团购合作的事情",
            "叫你们负责人出来",
            "你好 订单1004的事情我想直接跟你们的工作人员说 麻烦安排一下",
            // Needed now, or a call back asked for.
            "please I need someone now. the parcel for 1002 is going to my old flat",
            "能不能让你们客服打电话给我，打字太累了",
            // A member of staff, or someone rather than the chat.
            "Hi, quick one: before I answer any of your questions, can I just get a member of staff? It's about an order but it's complicated",
            "hi, order 1004 - I've got a question about the hoodies but I'd honestly rather go through it with someone on your team than the chat thing",
            // Who to turn to, asked.
            "it's already out with UPS? ugh. ok who can I actually talk to",
            "fine, how do i reach someone then",
            "no offence to you but I want someone with a pulse looking at order 1004",
            "ok. then gimme the person",
            "算了 给我个能填的表 我自己写清楚",
            "is there a contact form or something",
            "This is the third time I'm writing about the same order. I want to speak to whoever is in charge about how 1004 was handled",
            "I'd like a word with one of your colleagues, not the chat window",
            // Someone who can sort it out, or whoever is behind the bot.
            "算了 找个能处理事情的来",
            "跟你说不明白 换个能解决问题的来",
            "ok. then pass me to whoever's behind you",
            "那算了 怎么联系你们",
            "my order needs to go to my sister's place instead, can a person please help quickly",
            "I'd like one of your colleagues to get back to me please, it's about a bulk order of tees for my team of 40",
            "我要找你们客服",
            "找个客服跟我说",
        ] {
            assert!(asks_for_a_person(text), "{text}");
        }
        for text in [
            "someone used my card on your site",
            "can anyone tell me when it ships",
            "can you check on order 5567 for me",
            "the delivery guy keeps texting me",
            "客服电话是多少",
            "do staff get a discount",
            "please explain the return policy",
            "my manager loved the hoodie, do you do bulk orders?",
            "工作人员辛苦了",
            "is anyone looking at my complaint from last week?",
            "can someone tell me, I'm looking at the navy cap, is it adjustable?",
            "my manager is looking at ordering 30 tees, can you do bulk pricing?",
            "ugh just gimme a real tracking number for 1002",
            "whoever packed 1003 forgot the cap, can you look into it",
            "your colleague told me to contact you about the refund for 1003, can you check it please",
            "is there a return form i can fill in?",
            "能给我个表格吗，对比下几款卫衣尺码",
            "my colleague wants to talk about a bulk order, can I get a quote",
            "这件太小了 能不能给我换个大号的来",
            "给我换个能用的 盖子是坏的",
            "can a person my height wear the M hoodie?",
            "has anyone got back to me about 1003 yet?",
        ] {
            assert!(!asks_for_a_person(text), "{text}");
        }
    }

    #[test]
    fn asking_whether_it_is_chatgpt_asks_for_nobody() {
        assert!(!asks_for_a_person(
            "lol you reply super fast, is there actually someone typing or is this chatgpt"
        ));
        assert!(asks_for_a_person("can someone from your team chat with me"));
    }
}
