//! Heart Rate Measurement (0x2A37) packets and raw-recording lines: any input must be either
//! parsed or rejected with a reason — never a panic.

#![no_main]

use ironpulse::core::heart::hrm::{parse, parse_recording_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(measurement) = parse(data) {
        // RR values are uint16 in 1/1024 s: never negative, never above 64 s.
        assert!(measurement.rr_ms.iter().all(|rr| (0.0..64_000.0).contains(rr)));
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for line in text.lines() {
            if let Ok(Some((_, bytes))) = parse_recording_line(line) {
                let _ = parse(&bytes);
            }
        }
    }
});
