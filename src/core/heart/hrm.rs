//! The Bluetooth Heart Rate Measurement characteristic (0x2A37) and the raw recording format.
//!
//! Packet layout (Bluetooth SIG, Heart Rate Service 1.0, and science.md): a flags byte, then the
//! heart rate (uint8, or uint16 when flag bit 0 is set), then energy expended in kJ (uint16, when
//! bit 3 is set), then RR intervals (uint16 each in 1/1024 s, when bit 4 is set, as many as
//! remain). Bits 1–2 are the sensor-contact status. All fields are little-endian.
//!
//! A packet too short for what its flags promise is rejected with a reason: the caller counts it
//! and moves on. The parser never panics and never invents a sample.

const HR_U16: u8 = 0b0000_0001;
const CONTACT_MASK: u8 = 0b0000_0110;
const ENERGY: u8 = 0b0000_1000;
const RR: u8 = 0b0001_0000;

/// Sensor-contact status from flag bits 1–2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Contact {
    /// Bits 0b00 or 0b01: the strap does not report skin contact.
    NotSupported,
    /// Bits 0b10: supported, but the strap is not touching skin (the value is unreliable).
    NotDetected,
    /// Bits 0b11: supported and in contact.
    Detected,
}

/// One decoded 0x2A37 notification.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// The heart rate exactly as sent. Straps send 0 (or junk) without skin contact, so this is
    /// not yet a validated [`Bpm`](crate::core::units::Bpm): see [`Measurement::bpm`].
    pub heart_rate: u16,
    /// Whether the strap reports skin contact.
    pub contact: Contact,
    /// Energy expended since the strap's last reset, in kilojoules, when the strap sends it.
    pub energy_kj: Option<u16>,
    /// RR intervals in milliseconds (raw · 1000 / 1024), oldest first. Often empty.
    pub rr_ms: Vec<f64>,
}

impl Measurement {
    /// The heart rate as a validated [`Bpm`](crate::core::units::Bpm), or `None` when it is out of the
    /// human range (a strap without contact often sends 0).
    pub fn bpm(&self) -> Option<crate::core::units::Bpm> {
        crate::core::units::Bpm::try_from(u32::from(self.heart_rate)).ok()
    }
}

/// Why a heart-rate packet was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PacketError {
    #[error("heart-rate packet is empty")]
    Empty,
    #[error("heart-rate packet is too short: its flags need {needed} bytes, it has {got}")]
    TooShort { needed: usize, got: usize },
    #[error("heart-rate packet says RR intervals follow but carries none")]
    MissingRr,
    #[error("heart-rate packet ends in half an RR interval ({rr_bytes} RR bytes, need pairs)")]
    OddRr { rr_bytes: usize },
}

/// Decodes one Heart Rate Measurement (0x2A37) value.
///
/// Source: Bluetooth SIG Heart Rate Service 1.0 / GATT Specification Supplement §3.113.
/// `06 3C` → 60 bpm with contact; `16 3C 11 04` → 60 bpm and one RR of 1041/1024 s = 1016.6 ms.
pub fn parse(bytes: &[u8]) -> Result<Measurement, PacketError> {
    let (&flags, body) = bytes.split_first().ok_or(PacketError::Empty)?;
    let hr_len = if flags & HR_U16 == 0 { 1 } else { 2 };
    let energy_len = if flags & ENERGY == 0 { 0 } else { 2 };
    let needed = 1 + hr_len + energy_len;
    let too_short = PacketError::TooShort {
        needed,
        got: bytes.len(),
    };
    let (hr_bytes, body) = body.split_at_checked(hr_len).ok_or(too_short.clone())?;
    let (energy_bytes, rr_bytes) = body.split_at_checked(energy_len).ok_or(too_short)?;
    let heart_rate = le_u16(hr_bytes);
    let energy_kj = (energy_len > 0).then(|| le_u16(energy_bytes));
    let rr_ms = if flags & RR == 0 {
        Vec::new()
    } else {
        decode_rr(rr_bytes)?
    };
    let contact = match (flags & CONTACT_MASK) >> 1 {
        2 => Contact::NotDetected,
        3 => Contact::Detected,
        _ => Contact::NotSupported,
    };
    Ok(Measurement {
        heart_rate,
        contact,
        energy_kj,
        rr_ms,
    })
}

/// RR intervals: uint16 in 1/1024 s → milliseconds (science.md: ms = raw · 1000 / 1024).
fn decode_rr(bytes: &[u8]) -> Result<Vec<f64>, PacketError> {
    if bytes.is_empty() {
        return Err(PacketError::MissingRr);
    }
    let pairs = bytes.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return Err(PacketError::OddRr {
            rr_bytes: bytes.len(),
        });
    }
    Ok(pairs
        .map(|pair| f64::from(le_u16(pair)) * 1000.0 / 1024.0)
        .collect())
}

/// A little-endian unsigned value from one or two bytes.
fn le_u16(bytes: &[u8]) -> u16 {
    bytes
        .iter()
        .rev()
        .fold(0, |acc, &byte| acc << 8 | u16::from(byte))
}

/// Why a line of a raw recording could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordingError {
    #[error("recording line {0:?} has a time but no packet bytes (expected `<ms> <hex>`)")]
    MissingBytes(String),
    #[error("recording line {0:?} does not start with a time in milliseconds")]
    BadTime(String),
    #[error("recording line {0:?} has packet bytes that are not hex pairs")]
    BadHex(String),
}

/// Reads one line of the raw recording format (ble.md): `<ms since start> <hex bytes>`, e.g.
/// `1012 163c1104`. Blank lines and lines starting with `#` are comments: `Ok(None)`. Spaces
/// inside the hex are allowed (`1012 16 3c 11 04`). The bytes are not parsed as a packet here.
pub fn parse_recording_line(line: &str) -> Result<Option<(u64, Vec<u8>)>, RecordingError> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (time, hex) = line
        .split_once(char::is_whitespace)
        .ok_or_else(|| RecordingError::MissingBytes(line.into()))?;
    let ms = time
        .parse::<u64>()
        .map_err(|_| RecordingError::BadTime(line.into()))?;
    let digits: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if digits.is_empty() {
        return Err(RecordingError::MissingBytes(line.into()));
    }
    if !digits.len().is_multiple_of(2) {
        return Err(RecordingError::BadHex(line.into()));
    }
    let bytes = digits
        .chunks_exact(2)
        .map(|pair| Some(hex_value(pair[0])? << 4 | hex_value(pair[1])?))
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| RecordingError::BadHex(line.into()))?;
    Ok(Some((ms, bytes)))
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    fn rr(raw: u16) -> f64 {
        f64::from(raw) * 1000.0 / 1024.0
    }

    #[test]
    fn science_md_vector_uint8_hr_with_contact() {
        let m = parse(&[0x06, 0x3C]).unwrap();
        assert_eq!(m.heart_rate, 60);
        assert_eq!(m.contact, Contact::Detected);
        assert_eq!(m.energy_kj, None);
        assert!(m.rr_ms.is_empty());
        assert_eq!(m.bpm().map(crate::core::units::Bpm::get), Some(60));
    }

    #[test]
    fn science_md_vector_one_rr_interval() {
        let m = parse(&[0x16, 0x3C, 0x11, 0x04]).unwrap();
        assert_eq!(m.heart_rate, 60);
        assert_eq!(m.contact, Contact::Detected);
        assert_eq!(m.rr_ms.len(), 1);
        assert!((m.rr_ms[0] - 1_016.601_562_5).abs() < 1e-9);
    }

    #[test]
    fn derived_vectors_from_the_gatt_layout() {
        // uint16 HR 0x0102 = 258, contact not supported (bits 00).
        let m = parse(&[0x01, 0x02, 0x01]).unwrap();
        assert_eq!(m.heart_rate, 258);
        assert_eq!(m.contact, Contact::NotSupported);
        assert_eq!(m.bpm(), None, "258 bpm is outside the human range");

        // Energy expended 0x0190 = 400 kJ, then one RR 0x0400 = 1024 → exactly 1000 ms.
        let m = parse(&[0x18, 0x48, 0x90, 0x01, 0x00, 0x04]).unwrap();
        assert_eq!(m.heart_rate, 72);
        assert_eq!(m.energy_kj, Some(400));
        assert_eq!(m.rr_ms, vec![1000.0]);

        // uint16 HR + energy + three RR values, contact detected (flags 0x1F).
        let m = parse(&[
            0x1F, 0x96, 0x00, 0x10, 0x27, 0x00, 0x02, 0x33, 0x03, 0x9A, 0x01,
        ])
        .unwrap();
        assert_eq!(m.heart_rate, 150);
        assert_eq!(m.contact, Contact::Detected);
        assert_eq!(m.energy_kj, Some(10_000));
        assert_eq!(m.rr_ms, vec![rr(512), rr(0x0333), rr(0x019A)]);
        assert!((m.rr_ms[0] - 500.0).abs() < 1e-9);
    }

    #[test]
    fn all_four_contact_states() {
        let contact = |flags: u8| parse(&[flags, 60]).unwrap().contact;
        assert_eq!(contact(0b000), Contact::NotSupported);
        assert_eq!(contact(0b010), Contact::NotSupported);
        assert_eq!(contact(0b100), Contact::NotDetected);
        assert_eq!(contact(0b110), Contact::Detected);
    }

    #[test]
    fn zero_heart_rate_without_contact_is_parsed_but_not_a_bpm() {
        let m = parse(&[0x04, 0x00]).unwrap();
        assert_eq!(m.heart_rate, 0);
        assert_eq!(m.contact, Contact::NotDetected);
        assert_eq!(m.bpm(), None);
    }

    #[test]
    fn invalid_packets_are_rejected_with_a_reason() {
        assert_eq!(parse(&[]), Err(PacketError::Empty));
        assert_eq!(
            parse(&[0x06]),
            Err(PacketError::TooShort { needed: 2, got: 1 })
        );
        assert_eq!(
            parse(&[0x01, 0x3C]),
            Err(PacketError::TooShort { needed: 3, got: 2 })
        );
        assert_eq!(
            parse(&[0x08, 0x3C, 0x01]),
            Err(PacketError::TooShort { needed: 4, got: 3 })
        );
        assert_eq!(parse(&[0x16, 0x3C]), Err(PacketError::MissingRr));
        assert_eq!(
            parse(&[0x16, 0x3C, 0x11, 0x04, 0x11]),
            Err(PacketError::OddRr { rr_bytes: 3 })
        );
        assert_eq!(
            PacketError::TooShort { needed: 3, got: 2 }.to_string(),
            "heart-rate packet is too short: its flags need 3 bytes, it has 2"
        );
    }

    #[test]
    fn rr_bytes_without_the_rr_flag_are_ignored() {
        let m = parse(&[0x06, 0x3C, 0x11, 0x04]).unwrap();
        assert!(m.rr_ms.is_empty());
    }

    #[test]
    fn recording_lines_from_ble_md() {
        assert_eq!(
            parse_recording_line("1012 163c1104"),
            Ok(Some((1012, vec![0x16, 0x3C, 0x11, 0x04])))
        );
        assert_eq!(
            parse_recording_line("  0 06 3C  "),
            Ok(Some((0, vec![0x06, 0x3C])))
        );
        assert_eq!(parse_recording_line("# Polar H10 2024-05-01"), Ok(None));
        assert_eq!(parse_recording_line("   "), Ok(None));
        assert_eq!(
            parse_recording_line("1012"),
            Err(RecordingError::MissingBytes("1012".into()))
        );
        assert_eq!(
            parse_recording_line("-5 063c"),
            Err(RecordingError::BadTime("-5 063c".into()))
        );
        assert_eq!(
            parse_recording_line("5 063"),
            Err(RecordingError::BadHex("5 063".into()))
        );
        assert_eq!(
            parse_recording_line("5 06zz"),
            Err(RecordingError::BadHex("5 06zz".into()))
        );
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            if let Ok(m) = parse(&bytes) {
                prop_assert!(m.rr_ms.iter().all(|rr| (0.0..64_000.0).contains(rr)));
            }
        }

        #[test]
        fn arbitrary_lines_never_panic(line in "\\PC{0,40}") {
            let _ = parse_recording_line(&line);
        }

        #[test]
        fn recording_round_trips(ms in any::<u64>(), bytes in proptest::collection::vec(any::<u8>(), 1..32)) {
            let hex = bytes.iter().fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            });
            prop_assert_eq!(parse_recording_line(&format!("{ms} {hex}")), Ok(Some((ms, bytes))));
        }
    }
}
