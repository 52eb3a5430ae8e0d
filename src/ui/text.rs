//! Fitting text to a width, in terminal columns: wrapping at words, cutting with an ellipsis.

use ratatui::text::Span;

/// How many terminal columns `text` takes (a wide character takes two).
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// How many terminal columns `c` takes.
pub fn char_width(c: char) -> usize {
    let mut buf = [0; 4];
    width(c.encode_utf8(&mut buf))
}

/// Cuts `text` to `columns`, marking the cut with an ellipsis.
pub fn truncate(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > columns {
            break;
        }
        used += w;
        cut.push(c);
    }
    if columns > 0 {
        cut.push('…');
    }
    cut
}

/// Cuts `text` to `columns` at the end of a word, marking the cut with an ellipsis; a first word
/// longer than the room is cut inside it.
pub fn cut_at_word(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let mut cut = String::new();
    for word in text.split_whitespace() {
        let next = if cut.is_empty() {
            word.to_string()
        } else {
            format!("{cut} {word}")
        };
        if width(&next) + 1 > columns {
            break;
        }
        cut = next;
    }
    if cut.is_empty() {
        return truncate(text, columns);
    }
    cut.push('…');
    cut
}

/// Words of `text` in lines of at most `columns` (a longer word is cut into pieces).
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = width(&line) + usize::from(!line.is_empty()) + width(word);
        if !line.is_empty() && needed > columns {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if !line.is_empty() && width(&line) + char_width(c) > columns {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_the_width_and_long_words_are_cut_into_pieces() {
        assert_eq!(
            wrap("add a set to each of them this week", 12),
            vec!["add a set to", "each of them", "this week"]
        );
        assert_eq!(
            wrap("a verylongword b", 4),
            vec!["a", "very", "long", "word", "b"]
        );
        assert!(wrap("", 10).is_empty());
        assert_eq!(wrap("日本語のメモ", 5), vec!["日本", "語の", "メモ"]);
    }

    #[test]
    fn cuts_end_at_a_word_with_an_ellipsis() {
        let notes = "belt on the last two sets, knees out";
        assert_eq!(cut_at_word(notes, 20), "belt on the last…");
        assert_eq!(cut_at_word(notes, 100), notes);
        assert_eq!(cut_at_word("supercalifragilistic", 6), "super…");
        assert_eq!(truncate("Romanian Deadlift", 8), "Romania…");
        assert_eq!(truncate("日本語", 4), "日…");
    }
}
