//! Column bars: one column per value (a day's load, a week's volume), each a stack of segments
//! drawn solid (`█`, with eighth blocks on top) or shaded (`▒`) — so an estimated part reads as
//! such without colour. When there are more values than columns, each column shows the largest
//! of the values it covers (the chart's title should say so, see [`Bars::per_column`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// How a segment is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// `█` and eighth blocks.
    Solid,
    /// `▒` (`░` when less than half a cell).
    Shaded,
}

/// One part of a bar, bottom first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub value: f64,
    pub fill: Fill,
    pub style: Style,
}

impl Segment {
    /// A segment of `value` drawn with `fill` in `style`.
    pub fn new(value: f64, fill: Fill, style: Style) -> Segment {
        Segment { value, fill, style }
    }
}

/// Bars over an area, left to right, scaled so the largest fills the height.
#[derive(Debug, Clone)]
pub struct Bars<'a> {
    stacks: &'a [Vec<Segment>],
}

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

fn total(stack: &[Segment]) -> f64 {
    stack
        .iter()
        .map(|s| {
            if s.value.is_finite() {
                s.value.max(0.0)
            } else {
                0.0
            }
        })
        .sum()
}

impl<'a> Bars<'a> {
    /// Bars of `stacks`, oldest first.
    pub fn new(stacks: &'a [Vec<Segment>]) -> Bars<'a> {
        Bars { stacks }
    }

    /// How many values share one column at `width` (1 when each has its own).
    pub fn per_column(count: usize, width: u16) -> usize {
        let width = usize::from(width).max(1);
        count.div_ceil(width).max(1)
    }

    /// The stacks drawn, one per column: each group's largest.
    fn columns(&self, width: u16) -> Vec<&'a [Segment]> {
        let group = Bars::per_column(self.stacks.len(), width);
        self.stacks
            .chunks(group)
            .filter_map(|chunk| {
                chunk
                    .iter()
                    .reduce(|a, b| if total(b) >= total(a) { b } else { a })
                    .map(Vec::as_slice)
            })
            .collect()
    }
}

impl Widget for Bars<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let columns = self.columns(area.width);
        let max = columns.iter().map(|s| total(s)).fold(0.0, f64::max);
        if max <= 0.0 || columns.is_empty() {
            return;
        }
        // Each bar gets an equal slice of the width (so bars line up with a chart of the same
        // span above or below), with a gap when the slice has room; at most 6 cells wide.
        let n = columns.len();
        let slice = |i: usize| area.x + (i * usize::from(area.width) / n) as u16;
        let height_eighths = f64::from(area.height) * 8.0;
        for (i, stack) in columns.iter().enumerate() {
            let x0 = slice(i);
            let room = slice(i + 1).saturating_sub(x0);
            let width = if room >= 2 { room - 1 } else { room }.clamp(1, 6);
            let sum = total(stack);
            let mut top = (sum / max * height_eighths).round() as u16;
            if sum > 0.0 {
                top = top.max(1);
            }
            // Segment boundaries in eighths of a cell, from the bottom.
            let mut bounds = Vec::with_capacity(stack.len());
            let mut cumulative = 0.0;
            for segment in *stack {
                cumulative += if segment.value.is_finite() {
                    segment.value.max(0.0)
                } else {
                    0.0
                };
                bounds.push((cumulative / sum * f64::from(top)).round() as u16);
            }
            for row in 0..area.height {
                let bottom = row * 8;
                if bottom >= top {
                    break;
                }
                let filled = (top - bottom).min(8);
                let middle = bottom + filled / 2;
                let owner = bounds
                    .iter()
                    .position(|&b| middle < b)
                    .and_then(|i| stack.get(i))
                    .or_else(|| stack.last());
                let Some(owner) = owner else {
                    continue;
                };
                let symbol = match owner.fill {
                    Fill::Solid => EIGHTHS[usize::from(filled)],
                    Fill::Shaded if filled >= 4 => "▒",
                    Fill::Shaded => "░",
                };
                let y = area.bottom() - 1 - row;
                for x in x0..(x0 + width).min(area.right()) {
                    buf[(x, y)].set_symbol(symbol).set_style(owner.style);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(stacks: &[Vec<Segment>], width: u16, height: u16) -> Vec<String> {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        Bars::new(stacks).render(area, &mut buf);
        (0..height)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    fn solid(v: f64) -> Vec<Segment> {
        vec![Segment::new(v, Fill::Solid, Style::new())]
    }

    #[test]
    fn heights_scale_to_the_largest_with_eighths_on_top() {
        // 4, 2, 1 and 0 on 2 rows (16 eighths): 16, 8, 4 and nothing; two cells each, one a gap.
        let rows = draw(&[solid(4.0), solid(2.0), solid(1.0), solid(0.0)], 8, 2);
        assert_eq!(rows, ["█       ", "█ █ ▄   "]);
        // Wide slices: bars at most 6 cells, each at the start of its slice.
        let rows = draw(&[solid(1.0), solid(1.0)], 20, 1);
        assert_eq!(rows, ["██████    ██████    "]);
    }

    #[test]
    fn an_estimated_part_is_shaded_on_top_of_the_measured_part() {
        let stack = vec![
            Segment::new(2.0, Fill::Solid, Style::new()),
            Segment::new(2.0, Fill::Shaded, Style::new()),
        ];
        let rows = draw(&[stack, solid(1.0)], 3, 4);
        assert_eq!(rows, ["▒  ", "▒  ", "█  ", "██ "]);
    }

    #[test]
    fn more_values_than_columns_show_each_groups_largest() {
        assert_eq!(Bars::per_column(10, 4), 3);
        assert_eq!(Bars::per_column(4, 4), 1);
        // Groups (1, 8, 2), (1, 1, 1), (4, 0, 0), (1): columns 8, 1, 4, 1 on one row of 8ths.
        let values = [1.0, 8.0, 2.0, 1.0, 1.0, 1.0, 4.0, 0.0, 0.0, 1.0];
        let stacks: Vec<Vec<Segment>> = values.iter().map(|&v| solid(v)).collect();
        assert_eq!(draw(&stacks, 4, 1), ["█▁▄▁"]);
    }

    #[test]
    fn a_small_non_zero_value_still_shows() {
        assert_eq!(draw(&[solid(1000.0), solid(1.0)], 4, 1), ["█ ▁ "]);
    }
}
