//! `ironpulse hr decode <hex>...`: 0x2A37 packets by hand, for bug reports and curiosity.

use std::fmt::Write as _;

use ironpulse::core::heart::hrm::{self, Measurement};
use serde_json::{Value, json};

use super::format::{contact_json, round_to};
use super::{DecodeArgs, Failure, Stdout};

/// Decodes every packet, printing the valid ones; fails (exit 2) naming the first invalid one.
pub fn run(args: &DecodeArgs) -> Result<(), Failure> {
    let mut first_error = None;
    let mut out = Stdout::lock();
    for text in &packets(&args.packets) {
        match decode(text) {
            Ok(m) if args.json => out.line(to_json(&m))?,
            Ok(m) => out.line(format_args!("{}  {}", text.trim(), describe(&m)))?,
            Err(reason) => {
                first_error.get_or_insert(format!("{}: {reason}", text.trim()));
            }
        }
    }
    first_error.map_or(Ok(()), |reason| Err(Failure::Usage(reason)))
}

/// The packets the arguments spell. A single byte is never a whole packet (the shortest is flags
/// plus a heart rate), so a run of one-byte arguments — `16 3C 11 04` typed without quotes — is
/// read as one packet; longer arguments are a packet each.
fn packets(args: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut bytes: Vec<&str> = Vec::new();
    for arg in args {
        if parse_hex(arg).is_some_and(|b| b.len() == 1) {
            bytes.push(arg.trim());
            continue;
        }
        if !bytes.is_empty() {
            out.push(bytes.join(" "));
            bytes.clear();
        }
        out.push(arg.clone());
    }
    if !bytes.is_empty() {
        out.push(bytes.join(" "));
    }
    out
}

/// Hex text → bytes → measurement; the error says which step failed.
fn decode(text: &str) -> Result<Measurement, String> {
    let bytes = parse_hex(text).ok_or_else(|| {
        "not a packet in hex: expected pairs of hex digits like 163c1104".to_owned()
    })?;
    hrm::parse(&bytes).map_err(|err| err.to_string())
}

/// `163c1104`, `16 3c 11 04`, `16:3C:11:04` or `0x163c1104` → bytes.
fn parse_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let text = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let digits: Vec<u32> = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .map(|c| c.to_digit(16))
        .collect::<Option<_>>()?;
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }
    Some(
        digits
            .chunks_exact(2)
            .map(|pair| (pair[0] << 4 | pair[1]) as u8)
            .collect(),
    )
}

/// The packet's fields as sent: `bpm` is the raw heart-rate value, even outside the human range.
fn to_json(m: &Measurement) -> Value {
    let rr: Vec<f64> = m.rr_ms.iter().map(|&rr| round_to(rr, 1)).collect();
    json!({
        "bpm": m.heart_rate,
        "contact": contact_json(m.contact),
        "energy_kj": m.energy_kj,
        "rr_ms": rr,
    })
}

/// `60 bpm, skin contact, RR 1016.6 ms`.
fn describe(m: &Measurement) -> String {
    let mut out = format!("{} bpm", m.heart_rate);
    match contact_json(m.contact) {
        Some(true) => out.push_str(", skin contact"),
        Some(false) => out.push_str(", no skin contact"),
        None => {}
    }
    if let Some(kj) = m.energy_kj {
        let _ = write!(out, ", energy {kj} kJ");
    }
    if !m.rr_ms.is_empty() {
        let rr: Vec<String> = m.rr_ms.iter().map(|rr| format!("{rr:.1}")).collect();
        let _ = write!(out, ", RR {} ms", rr.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_in_the_usual_spellings() {
        let expected = Some(vec![0x16, 0x3C, 0x11, 0x04]);
        for text in ["163c1104", "16 3C 11 04", "16:3c:11:04", "0x163C1104"] {
            assert_eq!(parse_hex(text), expected, "{text}");
        }
        for bad in ["", "163", "16zz", "0x"] {
            assert_eq!(parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_science_md_packet_reads_as_a_lifter_would_say_it() {
        let m = decode("163c1104").unwrap();
        assert_eq!(describe(&m), "60 bpm, skin contact, RR 1016.6 ms");
        assert_eq!(
            to_json(&m).to_string(),
            r#"{"bpm":60,"contact":true,"energy_kj":null,"rr_ms":[1016.6]}"#
        );
        let m = decode("19 2c01 9001 0004").unwrap();
        assert_eq!(describe(&m), "300 bpm, energy 400 kJ, RR 1000.0 ms");
    }

    #[test]
    fn separate_bytes_are_one_packet_and_longer_arguments_one_each() {
        let args = |a: &[&str]| a.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(packets(&args(&["16", "3C", "11", "04"])), ["16 3C 11 04"]);
        assert_eq!(packets(&args(&["163c1104", "063C"])), ["163c1104", "063C"]);
        assert_eq!(
            packets(&args(&["063C", "16", "3c", "1104", "nothex", "0x06", "3c"])),
            ["063C", "16 3c", "1104", "nothex", "0x06 3c"]
        );
        assert_eq!(packets(&args(&["16"])), ["16"]);
    }

    #[test]
    fn invalid_packets_say_why() {
        assert_eq!(
            decode("16").unwrap_err(),
            "heart-rate packet is too short: its flags need 2 bytes, it has 1"
        );
        assert!(
            decode("xyz")
                .unwrap_err()
                .starts_with("not a packet in hex")
        );
    }
}
