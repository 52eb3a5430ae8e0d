//! The one fuzzy matcher for exercise names — the pickers in the app and `ironpulse recommend` —
//! type a few letters, see the likely lifts first, typos forgiven.
//!
//! A query is split on whitespace and every word must appear, in order and case-insensitively, as a
//! subsequence of the candidate (`"inc db"` finds "Incline Dumbbell Press"). A word of 4 letters or
//! more may carry one typo, and of 8 or more two: two letters swapped, a letter too many or a
//! wrong letter (`"benhc"`, `"bencch"`, `"bemch"` find "Bench Press"; a letter left out needs no
//! forgiving, as the word is still a subsequence). A typo costs points, so a match without
//! one wins where both are close. Among matches, runs of consecutive characters, matches at the
//! start of words, a match at the very start and shorter candidates score higher. The best
//! alignment of each word is found by dynamic programming over query × candidate characters, which
//! is cheap for exercise names; it runs on every keystroke.

use std::cmp::Ordering;

/// Points for each matched character.
const MATCH: i32 = 16;
/// Extra points when a character follows the previous match directly ("*lat p*").
const CONSECUTIVE: i32 = 18;
/// Extra points for matching the first letter of a word ("Lat *P*ulldown").
const WORD_START: i32 = 20;
/// Extra points for matching the first letter of the candidate.
const PREFIX: i32 = 12;
/// Points lost per candidate character skipped between two matched characters.
const GAP: i32 = 3;
/// Points lost per character before the first match, counting at most `MAX_LEADING` of them.
const LEADING: i32 = 1;
const MAX_LEADING: usize = 10;
/// Extra points when the candidate is the query, ignoring case and punctuation ("squat" = "Squat").
const EXACT: i32 = 100;
/// Points lost per candidate character, so shorter names win otherwise equal matches.
const LENGTH: i32 = 1;
/// Points lost when the match is on an alias rather than the name, so names win ties.
const ALIAS: i32 = 2;
/// Extra points for a recently used item: enough to win a near-tie, not to beat a clearly better match.
const RECENT: i32 = 24;
/// Points lost per typo forgiven: more than a recent item gains, so a clean match of the same
/// shape always ranks above a typo.
const TYPO: i32 = 30;
/// How far below the best match a match with a typo may score and still be listed: a typo'd
/// query lists the lifts it nearly spells (`benhc`: the bench presses), not every name that
/// happens to hold its letters once one is forgiven (Hammer Curl, Snatch). Measured on how the
/// letters align — neither recency nor the exact-name bonus, which only order the list, pushes
/// a match out. A match typed right is always listed.
const TYPO_TAIL: i32 = TYPO + TYPO / 2;
/// Offset that keeps ordinary scores positive when converted to `u32`.
const BASE: i32 = 1_000;
/// Stands for "cannot match here" in the alignment table.
const NEVER: i32 = i32::MIN / 4;

/// How many typos a query word of `letters` characters may carry: none up to 3 (too short to
/// tell a typo from another word), one from 4, two from 8 — and none past 24, longer than any
/// word of an exercise name, so a pasted wall of text costs no more than a subsequence check.
pub fn typos_allowed(letters: usize) -> u32 {
    match letters {
        0..=3 | 25.. => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Score of `query` against `candidate`, higher is better; `None` if some word of the query is not
/// a subsequence of the candidate, even with the typos its length allows forgiven. An empty query
/// matches everything with score 0.
pub fn score(query: &str, candidate: &str) -> Option<u32> {
    let query = Query::new(query);
    if query.words.is_empty() {
        return Some(0);
    }
    Scorer::default()
        .score(&query, candidate)
        .map(|found| to_u32(found.points))
}

/// One item that matched a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Its index in the items ranked.
    pub index: usize,
    /// Typos forgiven to match it (over its name or the alias that matched best); 0 when every
    /// word of the query is a subsequence as typed.
    pub typos: u32,
}

/// Indices of `items` ranked for `query`: each item has a primary name and aliases; score is the
/// best over name and aliases; ties and empty query → items whose index is in `recent` first
/// (in `recent`'s order), then alphabetical by name. Items that do not match are left out, and
/// so is a match that needed a typo and scores far below the best match ([`TYPO_TAIL`]).
pub fn rank(query: &str, items: &[(&str, &[String])], recent: &[usize]) -> Vec<usize> {
    matches(query, items, recent)
        .into_iter()
        .map(|m| m.index)
        .collect()
}

/// [`rank`], with the typos each match needed: a command that acts on the best match alone
/// (`ironpulse recommend benhc`) can ask before trusting a typo.
pub fn matches(query: &str, items: &[(&str, &[String])], recent: &[usize]) -> Vec<Match> {
    let mut recency = vec![usize::MAX; items.len()];
    for (position, &index) in recent.iter().enumerate().rev() {
        if let Some(slot) = recency.get_mut(index) {
            *slot = position;
        }
    }
    let tie_break = |a: usize, b: usize| {
        recency[a]
            .cmp(&recency[b])
            .then_with(|| cmp_ignore_case(items[a].0, items[b].0))
            .then(a.cmp(&b))
    };

    let query = Query::new(query);
    if query.words.is_empty() {
        let mut all: Vec<usize> = (0..items.len()).collect();
        all.sort_by(|&a, &b| tie_break(a, b));
        return all
            .into_iter()
            .map(|index| Match { index, typos: 0 })
            .collect();
    }

    let mut scorer = Scorer::default();
    // Each match: how its letters align, whether it is typed right on its name or an alias
    // (then it is listed whatever it scores), its score with the recency bonus.
    let mut found: Vec<(i32, bool, i32, Match)> = items
        .iter()
        .enumerate()
        .filter_map(|(index, (name, aliases))| {
            let on_name = scorer.score(&query, name);
            let mut clean = on_name.is_some_and(|f| f.typos == 0);
            let on_alias = aliases
                .iter()
                .filter_map(|alias| scorer.score(&query, alias))
                .inspect(|found| clean |= found.typos == 0)
                .max_by_key(|found| found.points)
                .map(|found| Found {
                    points: found.points - ALIAS,
                    ..found
                });
            let best = match (on_name, on_alias) {
                (Some(a), Some(b)) if b.points > a.points => b,
                (Some(a), _) => a,
                (None, b) => b?,
            };
            let bonus = if recency[index] == usize::MAX {
                0
            } else {
                RECENT
            };
            Some((
                best.aligned(),
                clean,
                best.points + bonus,
                Match {
                    index,
                    typos: best.typos,
                },
            ))
        })
        .collect();
    let floor = found
        .iter()
        .map(|(aligned, ..)| *aligned)
        .max()
        .map_or(i32::MIN, |best| best.saturating_sub(TYPO_TAIL));
    found.retain(|(aligned, clean, ..)| *clean || *aligned >= floor);
    found.sort_by(|(.., sa, a), (.., sb, b)| sb.cmp(sa).then_with(|| tie_break(a.index, b.index)));
    found.into_iter().map(|(.., m)| m).collect()
}

/// A candidate's score and the typos forgiven to reach it.
#[derive(Debug, Clone, Copy)]
struct Found {
    points: i32,
    typos: u32,
    /// The candidate is the query ([`EXACT`] is in `points`).
    exact: bool,
}

impl Found {
    /// The score without the exact-name bonus: how well the letters align.
    fn aligned(self) -> i32 {
        if self.exact {
            self.points - EXACT
        } else {
            self.points
        }
    }
}

fn to_u32(score: i32) -> u32 {
    u32::try_from(score.saturating_add(BASE)).unwrap_or(0)
}

fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    let a = a.chars().flat_map(char::to_lowercase);
    a.cmp(b.chars().flat_map(char::to_lowercase))
}

/// A query split into lowercase words, prepared once per keystroke.
struct Query {
    words: Vec<Vec<char>>,
    /// The query's letters and digits, for the exact-match bonus.
    key: Vec<char>,
}

impl Query {
    fn new(text: &str) -> Self {
        let words = text
            .split_whitespace()
            .map(|word| word.chars().flat_map(char::to_lowercase).collect())
            .collect();
        let key = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Query { words, key }
    }
}

/// Reusable buffers, so ranking a list does not allocate per candidate.
#[derive(Default)]
struct Scorer {
    /// The candidate, lowercased.
    chars: Vec<char>,
    /// Bonus for matching each character of `chars` (word starts, first letter).
    bonus: Vec<i32>,
    previous: Vec<i32>,
    current: Vec<i32>,
    /// A query word with one typo undone, then with two, while looking for typos.
    one: Vec<char>,
    two: Vec<char>,
    /// One row of the longest-common-subsequence table.
    lcs: Vec<usize>,
}

/// One typo undone: a letter too many left out, a wrong letter taken as the right one, or two
/// neighbours swapped back.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Drop(usize),
    Replace(usize),
    Swap(usize),
}

impl Edit {
    /// `word` with this edit, into `out`.
    fn apply(self, word: &[char], out: &mut Vec<char>) {
        out.clear();
        out.extend_from_slice(word);
        match self {
            Edit::Drop(at) => {
                out.remove(at);
            }
            Edit::Replace(at) => out[at] = ANY,
            Edit::Swap(at) => out.swap(at, at + 1),
        }
    }
}

/// Every single edit of a word of `len` letters.
fn edits(len: usize) -> impl Iterator<Item = Edit> {
    (0..len)
        .map(Edit::Drop)
        .chain((0..len).map(Edit::Replace))
        .chain((0..len.saturating_sub(1)).map(Edit::Swap))
}

impl Scorer {
    fn score(&mut self, query: &Query, candidate: &str) -> Option<Found> {
        self.prepare(candidate);
        let mut total = 0;
        let mut typos = 0;
        for word in &query.words {
            let (points, forgiven) = self.forgiving(word)?;
            total += points;
            typos += forgiven;
        }
        let key = self.chars.iter().copied().filter(|c| c.is_alphanumeric());
        let exact = key.eq(query.key.iter().copied());
        if exact {
            total += EXACT;
        }
        let length = i32::try_from(self.chars.len()).unwrap_or(i32::MAX);
        Some(Found {
            points: total.saturating_sub(length.saturating_mul(LENGTH)),
            typos,
            exact,
        })
    }

    /// Best score of one query word and the typos forgiven for it: as typed when it is a
    /// subsequence; else, when leaving out `n` of its letters makes it one and its length allows
    /// `n` typos, the best over every way of undoing `n` typos, less [`TYPO`] for each. A typo is
    /// undone by leaving a letter too many out (`bencch`), by taking a wrong letter as the right
    /// one (`bemch`) or by swapping two neighbours back (`benhc`).
    fn forgiving(&mut self, word: &[char]) -> Option<(i32, u32)> {
        if let Some(points) = self.word(word) {
            return Some((points, 0));
        }
        let allowed = typos_allowed(word.len());
        // Every typo undone leaves the word a subsequence with at most one letter fewer, so a
        // word that needs more letters left out than it has typos cannot match: most candidates
        // are turned away here, by one small table, before any variant is tried.
        let missing = word.len() - self.common(word);
        if missing > allowed as usize {
            return None;
        }
        // One letter to leave out: one typo; two: two typos (one undone never suffices).
        let (mut one, mut two) = (std::mem::take(&mut self.one), std::mem::take(&mut self.two));
        let mut best = None;
        for first in edits(word.len()) {
            first.apply(word, &mut one);
            if missing == 1 {
                best = best.max(self.word(&one));
                continue;
            }
            for second in edits(one.len()) {
                second.apply(&one, &mut two);
                best = best.max(self.word(&two));
            }
        }
        let typos = u32::try_from(missing).unwrap_or(u32::MAX);
        let found = best.map(|points| (points - TYPO * typos as i32, typos));
        (self.one, self.two) = (one, two);
        found
    }

    /// The longest common subsequence of `word` and the candidate, in letters.
    fn common(&mut self, word: &[char]) -> usize {
        let row = &mut self.lcs;
        row.clear();
        row.resize(self.chars.len() + 1, 0);
        for &q in word {
            let mut diagonal = 0;
            for (j, &c) in self.chars.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if q == c {
                    diagonal + 1
                } else {
                    above.max(row[j])
                };
                diagonal = above;
            }
        }
        row[self.chars.len()]
    }

    fn prepare(&mut self, candidate: &str) {
        self.chars.clear();
        self.bonus.clear();
        let mut before: Option<char> = None;
        for c in candidate.chars() {
            let bonus = match before {
                _ if !c.is_alphanumeric() => 0,
                None => WORD_START + PREFIX,
                Some(p) if !p.is_alphanumeric() || (p.is_lowercase() && c.is_uppercase()) => {
                    WORD_START
                }
                Some(_) => 0,
            };
            for (k, lower) in c.to_lowercase().enumerate() {
                self.chars.push(lower);
                self.bonus.push(if k == 0 { bonus } else { 0 });
            }
            before = Some(c);
        }
    }

    /// Best alignment score of one query word, or `None` if it is not a subsequence.
    fn word(&mut self, word: &[char]) -> Option<i32> {
        if !is_subsequence(word, &self.chars) {
            return None;
        }
        let n = self.chars.len();
        self.previous.clear();
        self.previous.resize(n, NEVER);
        self.current.clear();
        self.current.resize(n, NEVER);

        let (first, rest) = word.split_first()?;
        for (j, &c) in self.chars.iter().enumerate() {
            if same(*first, c) {
                let leading = i32::try_from(j.min(MAX_LEADING)).unwrap_or(0) * LEADING;
                self.previous[j] = MATCH + self.bonus[j] - leading;
            }
        }
        for &q in rest {
            // `gapped` is the best score of the previous word character matched at k <= j - 2,
            // less GAP for each of the j - k - 1 characters skipped to reach j.
            let mut gapped = NEVER;
            for j in 0..n {
                let adjacent = if j > 0 { self.previous[j - 1] } else { NEVER };
                self.current[j] = if same(q, self.chars[j]) {
                    let best = gapped.max(adjacent.saturating_add(CONSECUTIVE));
                    if best > NEVER / 2 {
                        best + MATCH + self.bonus[j]
                    } else {
                        NEVER
                    }
                } else {
                    NEVER
                };
                gapped = gapped.max(adjacent).saturating_sub(GAP).max(NEVER);
            }
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        self.previous
            .iter()
            .copied()
            .filter(|&s| s > NEVER / 2)
            .max()
    }
}

fn is_subsequence(needle: &[char], haystack: &[char]) -> bool {
    let mut rest = haystack.iter();
    needle.iter().all(|&q| rest.any(|&c| same(q, c)))
}

/// Stands for the right letter in place of a wrong one while undoing a typo: U+FFFF is a
/// Unicode noncharacter, reserved for uses like this one and never in text a lifter types.
const ANY: char = '\u{FFFF}';

/// Whether query letter `q` matches candidate letter `c`: the same, or [`ANY`] on a letter or
/// digit.
fn same(q: char, c: char) -> bool {
    q == c || (q == ANY && c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::catalogue::{CatalogueEntry, builtin};
    use proptest::prelude::*;

    fn catalogue() -> Vec<CatalogueEntry> {
        builtin().expect("the built-in catalogue parses")
    }

    fn items(entries: &[CatalogueEntry]) -> Vec<(&str, &[String])> {
        entries
            .iter()
            .map(|e| (e.name.as_str(), e.aliases.as_slice()))
            .collect()
    }

    fn index_of(entries: &[CatalogueEntry], name: &str) -> usize {
        entries
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} is not in the catalogue"))
    }

    fn ranked_names<'a>(
        entries: &'a [CatalogueEntry],
        query: &str,
        recent: &[usize],
    ) -> Vec<&'a str> {
        rank(query, &items(entries), recent)
            .into_iter()
            .map(|i| entries[i].name.as_str())
            .collect()
    }

    #[test]
    fn bp_puts_bench_press_near_the_top() {
        let entries = catalogue();
        let names = ranked_names(&entries, "bp", &[]);
        let at = names.iter().position(|&n| n == "Bench Press");
        assert!(
            matches!(at, Some(0..=2)),
            "Bench Press at {at:?} in {:?}",
            &names[..5]
        );
    }

    #[test]
    fn squat_puts_back_squat_first() {
        let entries = catalogue();
        assert_eq!(ranked_names(&entries, "squat", &[])[0], "Back Squat");
    }

    #[test]
    fn lat_pull_puts_lat_pulldown_first() {
        let entries = catalogue();
        let names = ranked_names(&entries, "lat pull", &[]);
        assert_eq!(names[0], "Lat Pulldown");
        // The pulldown variants come before looser subsequence matches.
        assert!(
            names[..5].iter().all(|n| n.contains("Pulldown")),
            "{names:?}"
        );
    }

    #[test]
    fn rdl_finds_romanian_deadlift_through_its_alias() {
        let entries = catalogue();
        assert_eq!(ranked_names(&entries, "rdl", &[])[0], "Romanian Deadlift");
        assert_eq!(ranked_names(&entries, "RDL", &[])[0], "Romanian Deadlift");
    }

    #[test]
    fn words_match_separately() {
        let entries = catalogue();
        assert_eq!(
            ranked_names(&entries, "inc db", &[])[0],
            "Incline Dumbbell Press"
        );
        assert_eq!(ranked_names(&entries, "leg curl", &[])[0], "Lying Leg Curl");
    }

    #[test]
    fn typos_still_put_the_lift_first() {
        // The case, then a letter too many, a wrong letter, and a missing one.
        let entries = catalogue();
        for (query, expected) in [
            ("benhc", "Bench Press"),
            ("bencch", "Bench Press"),
            ("bemch", "Bench Press"),
            ("bech", "Bench Press"),
            ("sqaut", "Back Squat"),
            ("squta", "Back Squat"),
            ("deadlfit", "Deadlift"),
            ("romanain deadlift", "Romanian Deadlift"),
            ("lat pulldwon", "Lat Pulldown"),
            ("inclien db", "Incline Dumbbell Press"),
            ("overhaed press", "Overhead Press"),
            ("pul up", "Pull-Up"),
        ] {
            let names = ranked_names(&entries, query, &[]);
            assert_eq!(
                names.first(),
                Some(&expected),
                "{query:?}: {:?}",
                &names[..names.len().min(5)]
            );
        }
    }

    #[test]
    fn a_typo_lists_the_lifts_it_nearly_spells_not_every_stray_of_its_letters() {
        let entries = catalogue();
        let names = ranked_names(&entries, "benhc", &[]);
        assert_eq!(names.first(), Some(&"Bench Press"));
        for stray in [
            "Hammer Curl",
            "Snatch",
            "Bicycle Crunch",
            "Bodyweight Calf Raise",
        ] {
            assert!(!names.contains(&stray), "{stray} in {names:?}");
        }
        for kept in [
            "Incline Bench Press",
            "Close-Grip Bench Press",
            "Dumbbell Bench Press",
        ] {
            assert!(names.contains(&kept), "{kept} missing from {names:?}");
        }
        // A lift recently trained does not push the others out of the list.
        let hammer = index_of(&entries, "Hammer Curl");
        assert_eq!(ranked_names(&entries, "benhc", &[hammer]), names);
        // Two typos in a long word: the deadlifts, not the calf raises.
        let names = ranked_names(&entries, "deadlfit", &[]);
        assert!(names.iter().all(|n| n.contains("Deadlift")), "{names:?}");
        // A match typed right is listed however low it scores.
        let names = ranked_names(&entries, "bemch", &[]);
        assert!(names.contains(&"Belt Squat"), "{names:?}");
        assert!(!names.contains(&"Machine Glute Kickback"), "{names:?}");
    }

    #[test]
    fn a_clean_match_outranks_a_typo_and_says_which_needed_one() {
        let empty: Vec<String> = Vec::new();
        let items: Vec<(&str, &[String])> =
            vec![("Bnech", empty.as_slice()), ("Bench", empty.as_slice())];
        // "bnech" is typed right for the first and swapped for the second…
        let found = matches("bnech", &items, &[]);
        assert_eq!(
            found,
            [Match { index: 0, typos: 0 }, Match { index: 1, typos: 1 }]
        );
        // …and recency does not lift a typo over a clean match.
        assert_eq!(rank("bnech", &items, &[1]), [0, 1]);
        assert_eq!(rank("bench", &items, &[0]), [1, 0]);
    }

    #[test]
    fn a_query_that_matches_nothing_gives_nothing() {
        let entries = catalogue();
        assert!(ranked_names(&entries, "zzzqx", &[]).is_empty());
        assert!(ranked_names(&entries, "bench zzz", &[]).is_empty());
    }

    #[test]
    fn empty_query_lists_recent_first_then_alphabetical() {
        let names = ["squat", "Bench", "deadlift", "Curl"];
        let no_aliases: Vec<String> = Vec::new();
        let items: Vec<(&str, &[String])> =
            names.iter().map(|n| (*n, no_aliases.as_slice())).collect();
        assert_eq!(rank("", &items, &[]), vec![1, 3, 2, 0]);
        assert_eq!(rank("   ", &items, &[2, 0]), vec![2, 0, 1, 3]);
        // Out-of-range and repeated recent indices are harmless.
        assert_eq!(rank("", &items, &[9, 3, 3]), vec![3, 1, 2, 0]);
    }

    #[test]
    fn recent_items_win_ties_in_recent_order() {
        let empty: Vec<String> = Vec::new();
        let items: Vec<(&str, &[String])> = vec![
            ("Row A", empty.as_slice()),
            ("Row B", empty.as_slice()),
            ("Row C", empty.as_slice()),
        ];
        assert_eq!(rank("row", &items, &[]), vec![0, 1, 2]);
        assert_eq!(rank("row", &items, &[2, 1]), vec![2, 1, 0]);
    }

    #[test]
    fn recency_is_a_bonus_not_a_trump_card() {
        let entries = catalogue();
        let curl = index_of(&entries, "Seated Leg Curl");
        let names = ranked_names(&entries, "lat pulldown", &[curl]);
        assert_eq!(names[0], "Lat Pulldown");
        assert!(
            !names.contains(&"Seated Leg Curl"),
            "a recent item that does not match stays out"
        );

        // A clearly better match still wins over a recent one, which moves up behind it.
        let close = index_of(&entries, "Close-Grip Lat Pulldown");
        let names = ranked_names(&entries, "lat pulldown", &[close]);
        assert_eq!(names[..2], ["Lat Pulldown", "Close-Grip Lat Pulldown"]);
        assert_ne!(
            ranked_names(&entries, "lat pulldown", &[])[1],
            "Close-Grip Lat Pulldown"
        );

        // Between two close matches, the recent one comes first.
        assert_eq!(
            ranked_names(&entries, "dumbbell", &[])[..2],
            ["Dumbbell Fly", "Dumbbell Row"]
        );
        let row = index_of(&entries, "Dumbbell Row");
        assert_eq!(
            ranked_names(&entries, "dumbbell", &[row])[0],
            "Dumbbell Row"
        );
    }

    #[test]
    fn score_rewards_the_things_it_promises() {
        let s = |q, c| score(q, c).expect("matches");
        // Consecutive beats scattered.
        assert!(s("pull", "Pulldown") > s("pull", "Pauxlxl"));
        // Word starts beat the middle of words.
        assert!(s("lp", "Lat Pulldown") > s("lp", "Alpine"));
        // A prefix beats the same letters later on.
        assert!(s("row", "Rowing") > s("row", "Barrow"));
        // Shorter wins when the match is otherwise the same.
        assert!(s("curl", "Curl") > s("curl", "Curl Variation"));
        // Case does not matter.
        assert_eq!(score("BENCH", "bench press"), score("bench", "Bench Press"));
    }

    #[test]
    fn score_needs_every_word_as_a_subsequence() {
        assert_eq!(score("bx", "Bench Press"), None);
        assert!(score("press bench", "Bench Press").is_some());
        assert_eq!(score("pb", "Bench"), None);
        assert_eq!(score("", "anything"), Some(0));
        assert_eq!(score("a", ""), None);
    }

    /// Whether `word` is a subsequence of `text` once at most `typos` of its letters are left
    /// out, by trying every choice: the definition the matcher must agree with.
    fn within_typos(word: &[char], text: &[char], typos: u32) -> bool {
        if is_subsequence(word, text) {
            return true;
        }
        typos > 0
            && (0..word.len()).any(|skip| {
                let rest: Vec<char> = word
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, c)| *c)
                    .collect();
                within_typos(&rest, text, typos - 1)
            })
    }

    #[test]
    fn typos_are_forgiven_by_word_length() {
        assert_eq!(typos_allowed(3), 0);
        assert_eq!(typos_allowed(4), 1);
        assert_eq!(typos_allowed(7), 1);
        assert_eq!(typos_allowed(8), 2);
        assert_eq!(typos_allowed(24), 2);
        assert_eq!(typos_allowed(25), 0);
        // Short words must be typed right: "bnch" has a typo budget, "bx" does not.
        assert!(score("bnhc", "Bench").is_some());
        assert_eq!(score("bhc", "Bench"), None);
        // Two typos only from 8 letters.
        assert!(score("deadlfit", "Deadlift").is_some());
        assert!(score("daedlfit", "Deadlift").is_some());
        assert_eq!(score("pershs", "Press"), None);
    }

    proptest! {
        #[test]
        fn score_never_panics(query in any::<String>(), candidate in any::<String>()) {
            let _ = score(&query, &candidate);
        }

        #[test]
        fn a_match_means_each_word_is_a_subsequence_once_its_typos_are_left_out(
            query in "[a-c ]{0,10}",
            candidate in "[a-cA-C ]{0,12}",
        ) {
            let lower: Vec<char> = candidate.to_lowercase().chars().collect();
            let expected = query.split_whitespace().all(|w| {
                let word: Vec<char> = w.chars().collect();
                within_typos(&word, &lower, typos_allowed(word.len()))
            });
            prop_assert_eq!(score(&query, &candidate).is_some(), expected);
        }

        #[test]
        fn text_always_matches_itself(text in any::<String>()) {
            prop_assert!(score(&text, &text).is_some());
        }

        #[test]
        fn rank_returns_each_matching_item_once(query in "[a-z ]{0,5}", recent in prop::collection::vec(0usize..12, 0..4)) {
            let entries = catalogue();
            let items: Vec<(&str, &[String])> = items(&entries).into_iter().take(10).collect();
            let ranked = rank(&query, &items, &recent);
            let mut sorted = ranked.clone();
            sorted.sort_unstable();
            sorted.dedup();
            prop_assert_eq!(sorted.len(), ranked.len());
            // Every item listed matches, and every match typed right is listed.
            let texts = |i: usize| std::iter::once(items[i].0).chain(items[i].1.iter().map(String::as_str));
            for &i in &ranked {
                prop_assert!(texts(i).any(|t| score(&query, t).is_some()));
            }
            let typed = Query::new(&query);
            let mut scorer = Scorer::default();
            for (i, (name, _)) in items.iter().enumerate() {
                if texts(i).any(|t| scorer.score(&typed, t).is_some_and(|f| f.typos == 0)) {
                    prop_assert!(ranked.contains(&i), "{} typed right but left out", name);
                }
            }
        }
    }
}
