//! The words of a threat of the law, in every language kefu speaks, matched on the
//! lower-cased message: the law's own words, and a lawyer named only with a threat to bring
//! one. The decisions that use them are in [`super::policy`]; what merely sounds like the law
//! is [`super::legal_noise`].

/// Words of [`super::policy::PolicyTopic::Legal`].
///
/// A lawyer named is a threat only with one ([`LAWYER_THREATS`]): "my
/// attorney friend recommended your hoodies" is a shop question.
pub const LEGAL: &[&str] = &[
    // A design claimed as the shopper's own work ("Your hoodie graphic is a straight copy of
    // my registered artwork. Who do I send the notice to?").
    "my copyright",
    "copyright infringement",
    "registered artwork",
    "registered trademark",
    "infringing on my",
    "infringement of my",
    "my intellectual property",
    "cease and desist",
    "takedown notice",
    "侵犯了我的版权",
    "侵犯我的版权",
    "侵犯了我的商标",
    "盗用了我的设计",
    // A case in new words ("我会 sue 你们 if no refund by Friday", "keep ignoring me and see
    // how that works out in court", "我是代理律师,代表我的当事人向贵公司主张权利").
    "i'm suing",
    "im suing",
    "i am suing",
    // "不退钱我就打官司", not the tiredness of a case of their own ("打官司打累了").
    "就打官司",
    "我要打官司",
    "跟你们打官司",
    "和你们打官司",
    "sue 你们",
    "sue你们",
    "works out in court",
    "see you in court",
    "代理律师",
    "我的当事人",
    "主张权利",
    // A case being readied ("聊天记录我都截图了 到时候当证据用", "refund me or I sue").
    "当证据用",
    "留作证据",
    "thinking of suing",
    "or i sue",
    "法律文书",
    // Chats kept for a case ("I'm saving every one of these chats as evidence for my case").
    "evidence for my case",
    "as evidence for",
    "留作证据",
    "留证据",
    // A consumer body, a tribunal or damages ("I'll take this to 消费者协会", "他说这个完全可以告").
    "消费者协会",
    "消协",
    "tribunal",
    // Arbitration ("the file is ready for the arbitration board", "我就申请仲裁").
    "arbitration",
    // A contract said broken and its letter drafted ("he says how you've handled order 1001
    // is a breach of contract. he's drafting a letter tonight").
    "breach of contract",
    "drafting a letter",
    "letter before action",
    "formal demand letter",
    "arbitrator",
    "仲裁",
    "plus damages",
    "可以告",
    // "fine, I'll let a judge decide who's right here"
    "let a judge",
    "a judge decide",
    "让法官",
    "reporting you to the ftc",
    "report you to the ftc",
    "reporting you to trading standards",
    "going to sue",
    "against consumer law",
    "breaks consumer law",
    "breaking consumer law",
    "expect to be served",
    "you'll be served",
    "you will be served",
    "准备打官司",
    "要打官司",
    "打官司了",
    "跟你们打官司",
    "law firm representing",
    "representing one of your customers",
    "on behalf of our client",
    "suing you",
    // "a case against you", "she says I have a strong case against your shop"
    "case against you",
    "seeking damages",
    "seek damages",
    "through the courts",
    "sue for damages",
    "spoken to a solicitor",
    "spoken to a lawyer",
    "spoken to an attorney",
    "spoke to a solicitor",
    "spoke to a lawyer",
    "consulted a solicitor",
    "consulted a lawyer",
    "sue you",
    // "do you want to be sued? because this is exactly how you get sued".
    "want to be sued",
    "how you get sued",
    // "i'll be suing for the cost of the event I missed".
    "be suing",
    "suing for",
    "sue your",
    "lawsuit",
    "legal action",
    "take you to court",
    "see you in court",
    "see u in court",
    "court it is",
    "court costs",
    "legal costs",
    "法庭上见",
    "small claims",
    "trading standards",
    "律师函",
    "起诉",
    "法院",
    // "问过懂行的朋友了，这种情况完全可以立案", "等着收传票吧", "says you're in breach".
    "可以立案",
    "去立案",
    // "准备好应诉吧".
    "应诉",
    "传票",
    "you're in breach",
    "youre in breach",
    "you are in breach",
    // "钱不退的话 我只能走法律途径了", "Either you pay back the 98 or I'm suing".
    "or i'm suing",
    "or im suing",
    "法律途径",
    "法律手段",
    "legal route",
    "legal channels",
    "告你们",
    "消协",
    "12315",
    "工商局",
    "保留证据",
    "qisu",
    "qi su",
    "letter before action",
    "letter before claim",
    "gao nimen",
    "gao ni men",
    "class action",
    "pursuing damages",
    "pursue damages",
    "legal papers",
    "serve papers",
    // "either refund me or we settle this in court", "consider this formal notice: I intend to
    // sue".
    "settle this in court",
    "settle it in court",
    "formal notice",
    "intend to sue",
    // The courts' paperwork, threatened ("my brother-in-law, who does this for a living,
    // will be filing the paperwork").
    "filing the paperwork",
    "file the paperwork",
    "filing the papers",
    "legal proceedings",
    "start proceedings",
    // "I've already started proceedings, give me a registered address to serve the papers".
    "started proceedings",
    "serve the papers",
    "claim in court",
    "claim against you",
    "filing suit",
    "file suit",
    // "fine. a judge can decide who's right".
    "a judge can decide",
    "let a judge",
    "a judge will decide",
    "see you in front of a judge",
    "tell it to the judge",
];

/// Who a lawyer is, in the words of a threat to bring one.
pub const LAWYERS: &[&str] = &[
    "lawyer",
    // "my sister is a litigator and she's already drafting the letter".
    "litigator",
    "attorney",
    "solicitor",
    "barrister",
    "counsel",
    // "the guy who does my contracts says I'm owed a full refund plus shipping".
    "does my contracts",
    "handles my contracts",
    "legal advisor",
    "legal adviser",
    "律师",
];

/// Words that make a lawyer something that will happen to the shop ("I'll", "unless", 找律师).
pub const LAWYER_THREATS: &[&str] = &[
    // A lawyer known and the matter said not to be over ("我朋友是做律师的 这事没完").
    "这事没完",
    "追究",
    "站不住脚",
    "没完",
    "走着瞧",
    // "next stop is the consumer protection office, a chargeback and my lawyer. last chance".
    "next stop",
    "last chance",
    "this isn't over",
    // "Fine. My brother's a solicitor, he'll deal with you from here."
    "deal with you",
    "take it from here",
    "this is not over",
    "i'll",
    "i will",
    "ill get",
    "will be",
    "going to",
    "gonna",
    "talk to",
    "speak to",
    "call my",
    "get a",
    "get my",
    "hire",
    "consult",
    "contact",
    "hear from",
    "hearing from",
    // "see what my lawyer has to say about it"
    "has to say",
    "have to say",
    "you'll",
    "youll",
    "liable",
    "says you're",
    "says youre",
    "says you are",
    "says you owe",
    "says you'll",
    "says you have to",
    "says you must",
    "says i'm owed",
    "says im owed",
    "take this further",
    "take it further",
    "drafting",
    "advised",
    "建议",
    "involve",
    "in touch",
    "hand it to",
    "hand this to",
    "handing it",
    "handing this",
    "pass it to",
    "pass this to",
    "passing it",
    "passing this",
    "forward this to",
    "if ",
    "unless",
    "or else",
    "letter",
    "找律师",
    "请律师",
    "让律师",
    "律师会",
    "交给律师",
    "咨询律师",
    "联系律师",
    // "已经咨询过律师了 你们这是虚假宣传".
    "咨询过律师",
    "咨询了律师",
    "问过律师",
    "问了律师",
    "找过律师",
    "找了律师",
    // "我已经联系了律师 about the hoodie order".
    "联系了律师",
    "联系过律师",
    "drafting",
    "as we speak",
    "just so you know",
    "不然",
    "否则",
    "如果",
];

/// Whether `lower` says a suit in a word that is a sentence of its own, said twice or with
/// where it is going ("sue. that's where this is going. sue.", "lawsuit. that's where this is
/// heading"): not a name signed ("thanks! - sue").
pub fn sues_in_a_word(lower: &str) -> bool {
    let said = lower
        .split(['.', '!', '?', ',', ';', '\n'])
        .map(|s| s.trim().trim_start_matches('-').trim())
        .filter(|sentence| matches!(*sentence, "sue" | "suing" | "lawsuit" | "sue you"))
        .count();
    said >= 2
        || (said == 1
            && [
                "where this is going",
                "where this is heading",
                "see you in court",
                "your move",
            ]
            .iter()
            .any(|w| lower.contains(w)))
}

/// Whether `lower` threatens the law as an ultimatum ("this is my last message before I get
/// the law involved"; not "should I get the law involved about the parcel someone stole?").
pub fn the_law_as_an_ultimatum(lower: &str) -> bool {
    super::language::mentions(
        lower,
        &[
            "get the law involved",
            "getting the law involved",
            "involve the law",
        ],
    ) && super::language::mentions(
        lower,
        &[
            "before i",
            "or i'll",
            "or i will",
            "unless",
            "last message",
            "last chance",
        ],
    )
}
