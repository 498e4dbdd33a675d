//! Chooses the topic models' cut-offs on a held-out split, for one language: first so that
//! few ordinary messages reach a person, then so that as many topic messages as possible are
//! heard. Pure: scores in, cut-offs out.
//!
//! The rule, greedy and deterministic: every cut-off starts above every message; the move
//! that lowers one topic's cut-off to its next held-out topic message and costs the fewest
//! ordinary messages per message gained is taken, as long as the ordinary messages over any
//! cut-off of the group stay within the group's budget. The sensitive topics (a person takes
//! over at priority 2) share the strict budget; then every topic shares a looser one. A
//! cut-off stays at the last topic message it takes in: moving it further down, towards the
//! ordinary messages, would buy recall on unseen messages with false alarms, and false alarms
//! come first.

/// One held-out message: every topic's log-odds, its topic (an index into them) or `None`
/// for an ordinary message, and its weight among the ordinary messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Log-odds per topic.
    pub log_odds: Vec<f32>,
    /// The message's topic, or `None`.
    pub topic: Option<usize>,
    /// Its share of the ordinary messages' weight (ignored for topic messages).
    pub weight: f32,
}

/// The budgets: the weighted share of ordinary messages allowed over a cut-off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Over any sensitive topic's cut-off (sent to a person by policy).
    pub sensitive: f32,
    /// Over any topic's cut-off.
    pub any: f32,
}

/// A cut-off no message reaches.
const NEVER: f32 = f32::INFINITY;

/// The cut-offs (log-odds) of every topic; `sensitive[t]` says whether topic `t` is one a
/// person must handle.
pub fn cutoffs(rows: &[Scored], sensitive: &[bool], budget: Budget) -> Vec<f32> {
    let topics = sensitive.len();
    let mut cut = vec![NEVER; topics];
    let group = |s: bool| (0..topics).filter(move |&t| sensitive[t] == s);
    lower(
        rows,
        &mut cut,
        &group(true).collect::<Vec<_>>(),
        budget.sensitive,
        |t| sensitive[t],
    );
    lower(
        rows,
        &mut cut,
        &group(false).collect::<Vec<_>>(),
        budget.any,
        |_| true,
    );
    for (t, c) in cut.iter_mut().enumerate() {
        if *c == NEVER {
            // Nothing of this topic could be afforded: just over every ordinary message.
            let highest_ordinary = rows
                .iter()
                .filter(|r| r.topic.is_none())
                .map(|r| r.log_odds[t])
                .fold(0.0, f32::max);
            *c = highest_ordinary + 0.5;
        }
    }
    cut
}

/// The weighted share of ordinary messages over the cut-off of a topic `counted`.
fn ordinary_over(rows: &[Scored], cut: &[f32], counted: &impl Fn(usize) -> bool) -> f32 {
    let (mut over, mut all) = (0.0, 0.0);
    for r in rows.iter().filter(|r| r.topic.is_none()) {
        all += r.weight;
        if (0..cut.len()).any(|t| counted(t) && r.log_odds[t] >= cut[t]) {
            over += r.weight;
        }
    }
    if all > 0.0 { over / all } else { 0.0 }
}

/// Lowers the cut-offs of `movable` while the ordinary messages over any cut-off `counted`
/// stay within `budget`.
fn lower(
    rows: &[Scored],
    cut: &mut [f32],
    movable: &[usize],
    budget: f32,
    counted: impl Fn(usize) -> bool,
) {
    let mut spent = ordinary_over(rows, cut, &counted);
    loop {
        // (cost per message gained, topic, new cut-off, new spend)
        let mut best: Option<(f32, usize, f32, f32)> = None;
        for &t in movable {
            let Some(next) = rows
                .iter()
                .filter(|r| r.topic == Some(t) && r.log_odds[t] < cut[t])
                .map(|r| r.log_odds[t])
                .reduce(f32::max)
            else {
                continue;
            };
            let gained = rows
                .iter()
                .filter(|r| r.topic == Some(t) && (next..cut[t]).contains(&r.log_odds[t]))
                .count();
            let mut tried = cut.to_vec();
            tried[t] = next;
            let spend = ordinary_over(rows, &tried, &counted);
            if spend > budget + 1e-6 {
                continue;
            }
            let cost = (spend - spent).max(0.0) / gained as f32;
            if best.is_none_or(|(c, ..)| cost < c) {
                best = Some((cost, t, next, spend));
            }
        }
        let Some((_, t, next, spend)) = best else {
            return;
        };
        cut[t] = next;
        spent = spend;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(log_odds: &[f32], topic: Option<usize>) -> Scored {
        Scored {
            log_odds: log_odds.to_vec(),
            topic,
            weight: 1.0,
        }
    }

    #[test]
    fn the_budget_comes_first_then_recall() {
        // Topic 0 (sensitive): positives at 3, 2, 1, -1; ordinary messages at 1.5 and -0.5, and
        // 98 far below. A 1% budget affords one ordinary message: the cut-off goes down to 1
        // (three heard), not to -1 (which would cost a second ordinary message).
        let mut rows = vec![
            row(&[3.0], Some(0)),
            row(&[2.0], Some(0)),
            row(&[1.0], Some(0)),
            row(&[-1.0], Some(0)),
            row(&[1.5], None),
            row(&[-0.5], None),
        ];
        rows.extend((0..98).map(|_| row(&[-9.0], None)));
        let budget = Budget {
            sensitive: 0.01,
            any: 0.05,
        };
        assert_eq!(cutoffs(&rows, &[true], budget), vec![1.0]);
        let none = Budget {
            sensitive: 0.0,
            any: 0.0,
        };
        // No ordinary message allowed: down to 2, over the ordinary message at 1.5.
        assert_eq!(cutoffs(&rows, &[true], none), vec![2.0]);
    }

    #[test]
    fn sensitive_topics_share_their_budget_and_the_others_a_looser_one() {
        // Two sensitive topics each want a different ordinary message; the budget affords one,
        // spent where it buys more recall. The third topic (not sensitive) may claim one more.
        let mut rows = vec![
            row(&[2.0, -9.0, -9.0], Some(0)),
            row(&[1.0, -9.0, -9.0], Some(0)),
            row(&[0.5, -9.0, -9.0], Some(0)),
            row(&[-9.0, 2.0, -9.0], Some(1)),
            row(&[-9.0, 1.0, -9.0], Some(1)),
            row(&[-9.0, -9.0, 2.0], Some(2)),
            row(&[-9.0, -9.0, 1.0], Some(2)),
            row(&[1.5, -9.0, -9.0], None),
            row(&[-9.0, 1.5, -9.0], None),
            row(&[-9.0, -9.0, 1.5], None),
        ];
        rows.extend((0..97).map(|_| row(&[-9.0, -9.0, -9.0], None)));
        let budget = Budget {
            sensitive: 0.01,
            any: 0.02,
        };
        let cut = cutoffs(&rows, &[true, true, false], budget);
        assert!(cut[0] <= 0.5, "{cut:?}");
        assert!(cut[1] > 1.5, "{cut:?}");
        assert!(cut[2] <= 1.0, "{cut:?}");
        let over = |t: usize| {
            rows.iter()
                .filter(|r| r.topic.is_none() && r.log_odds[t] >= cut[t])
                .count()
        };
        assert_eq!((over(0), over(1), over(2)), (1, 0, 1));
    }

    #[test]
    fn a_topic_with_nothing_affordable_is_never_heard_over_an_ordinary_message() {
        let rows = vec![row(&[1.0], Some(0)), row(&[2.0], None)];
        let none = Budget {
            sensitive: 0.0,
            any: 0.0,
        };
        assert_eq!(cutoffs(&rows, &[true], none), vec![2.5]);
    }
}
