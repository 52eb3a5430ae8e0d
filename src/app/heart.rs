//! What the app knows about the heart-rate link and the live figures, as plain data.

use std::time::Duration;

use crate::core::heart::live::LiveHr;

/// The state of the link to the strap (or simulator, or replay).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Link {
    /// No heart-rate source; `hint` says how to get one.
    #[default]
    Off,
    Connecting(String),
    Connected(String),
    /// Connected but silent for this long.
    Stale(Duration),
    /// Not streaming. `reason` says why, in words; `was_connected` when this source had a link
    /// before (only then is it "lost"); `retry` is when the source tries again, if it does.
    Down {
        reason: String,
        was_connected: bool,
        retry: Option<Retry>,
    },
}

/// The source's next try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    pub attempt: u32,
    pub delay: Duration,
}

impl Link {
    /// Whether this source has streamed, now or before its link went down.
    pub fn has_connected(&self) -> bool {
        matches!(
            self,
            Link::Connected(_)
                | Link::Stale(_)
                | Link::Down {
                    was_connected: true,
                    ..
                }
        )
    }
}

/// Live heart rate: the link as the header and the straps screen show it, and the figures.
#[derive(Debug, Clone, Default)]
pub struct Heart {
    pub link: Link,
    /// Why there is no heart rate and what to do, when `link` is `Off`.
    pub hint: Option<String>,
    pub battery: Option<u8>,
    /// Where the strap is worn (`chest`, `wrist` …), when it says.
    pub location: Option<&'static str>,
    pub invalid_packets: u32,
    /// The reading, the session's figures, the chart and the session's heart rate on its way
    /// to the store.
    pub live: LiveHr,
}

impl Heart {
    /// Whether a heart-rate source is attached at all.
    pub fn is_on(&self) -> bool {
        self.link != Link::Off
    }
}
