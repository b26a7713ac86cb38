//! The harm check against a corpus of sentences written as children write:
//! prints recall and the false-alarm rate, lists every miss and false alarm,
//! and fails below recall 0.95 or above a false-alarm rate of 0.05.
//! `cargo test -p shared --test harm_corpus -- --nocapture` shows the figures.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use shared::text_checks::find_harm;

const CORPUS: &str = include_str!("harm_corpus.txt");
const UNSEEN: &str = include_str!("harm_corpus_unseen.txt");

/// Recall and false-alarm rate of a corpus, printed with every miss and
/// false alarm: (should alert, should not, recall, false-alarm rate).
fn measure(name: &str, corpus: &str) -> (usize, usize, f64, f64) {
    let (mut should, mut alerted, mut ok, mut false_alarms) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    for (n, line) in corpus.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (want, text) = if let Some(t) = line.strip_prefix("alert:") {
            (true, t.trim())
        } else if let Some(t) = line.strip_prefix("ok:") {
            (false, t.trim())
        } else {
            panic!("line {}: starts with neither alert: nor ok:: {line}", n + 1);
        };
        let found = find_harm(text);
        if want {
            should += 1;
            if found.is_empty() {
                misses.push(text);
            } else {
                alerted += 1;
            }
        } else {
            ok += 1;
            if !found.is_empty() {
                false_alarms += 1;
                let words: Vec<&str> = found.iter().map(|m| m.phrase.as_str()).collect();
                wrong.push(format!("{text}  [{}]", words.join(" | ")));
            }
        }
    }
    let recall = alerted as f64 / should as f64;
    let false_rate = false_alarms as f64 / ok as f64;
    println!("{name}: {should} should alert, {ok} should not");
    println!("recall {alerted}/{should} = {recall:.3}; false alarms {false_alarms}/{ok} = {false_rate:.3}");
    for m in &misses {
        println!("  MISSED: {m}");
    }
    for w in &wrong {
        println!("  FALSE ALARM: {w}");
    }
    (should, ok, recall, false_rate)
}

#[test]
fn harm_corpus_recall_and_false_alarms() {
    let (should, ok, recall, false_rate) = measure("harm corpus (tuned on)", CORPUS);
    assert!(should >= 140 && ok >= 120, "the corpus is too small");
    assert!(recall >= 0.95, "recall {recall:.3} is below 0.95");
    assert!(
        false_rate <= 0.05,
        "false-alarm rate {false_rate:.3} is above 0.05"
    );
}

/// Sentences not written to tune the phrases: the fairer figure (see the
/// file's head for what it measured first, before any phrase changed).
#[test]
fn unseen_sentences_recall_and_false_alarms() {
    let (_, _, recall, false_rate) = measure("harm corpus (unseen)", UNSEEN);
    assert!(recall >= UNSEEN_RECALL_FLOOR, "recall {recall:.3}");
    assert!(
        false_rate <= UNSEEN_FALSE_ALARM_CEILING,
        "false alarms {false_rate:.3}"
    );
}
const UNSEEN_RECALL_FLOOR: f64 = 0.95;
const UNSEEN_FALSE_ALARM_CEILING: f64 = 0.05;
