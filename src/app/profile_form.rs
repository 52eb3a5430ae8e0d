//! The profile form shown on first run and in Settings, and its validation into a `Profile`.

use crate::core::profile::{Profile, Sex, default_bar, default_plates, tanaka_hr_max};
use crate::core::units::{Bpm, Unit, Weight, format_number};

use super::form::{Field, Form};

const UNITS: &str = "Units";
const BODY: &str = "Body weight";
const SEX: &str = "Sex";
const BORN: &str = "Birth year";
const HR_MAX: &str = "Max HR";
const HR_REST: &str = "Resting HR";
const LTHR: &str = "LTHR";
const BAR: &str = "Bar weight";
const PLATES: &str = "Plates";

/// The form filled from an existing profile, or with sensible blanks for a first run.
pub fn profile_form(title: &'static str, profile: Option<&Profile>) -> Form {
    let unit = profile.map_or(Unit::Kg, |p| p.unit);
    let w = |w: Weight| w.display(unit);
    let plates = profile.map_or_else(|| default_plates(unit), |p| p.plates.clone());
    Form::new(
        title,
        vec![
            Field::choice(UNITS, &["kg", "lb"], unit.label()),
            Field::text(
                BODY,
                profile.map_or(String::new(), |p| w(p.body_weight)),
                "in your units",
            ),
            Field::choice(
                SEX,
                &["male", "female"],
                profile.map_or("male", |p| match p.sex {
                    Sex::Male => "male",
                    Sex::Female => "female",
                }),
            ),
            Field::text(
                BORN,
                profile.map_or(String::new(), |p| p.birth_year.to_string()),
                "e.g. 1990",
            ),
            Field::text(
                HR_MAX,
                profile.map_or(String::new(), |p| p.hr_max.get().to_string()),
                "bpm; empty = Tanaka estimate 208 − 0.7 × age",
            ),
            Field::text(
                HR_REST,
                profile.map_or(String::new(), |p| p.hr_rest.get().to_string()),
                "bpm, on waking",
            ),
            Field::text(
                LTHR,
                profile
                    .and_then(|p| p.lthr)
                    .map_or(String::new(), |b| b.get().to_string()),
                "bpm, optional: lactate threshold",
            ),
            Field::text(
                BAR,
                w(profile.map_or_else(|| default_bar(unit), |p| p.bar)),
                "in your units",
            ),
            Field::text(
                PLATES,
                plates.iter().map(|p| w(*p)).collect::<Vec<_>>().join(", "),
                "plate sizes you own, in your units",
            ),
        ],
    )
}

/// Validates the form; on failure returns every field's error at once.
pub fn read_profile(
    form: &Form,
    current_year: i32,
) -> Result<Profile, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let unit: Unit = form.value(UNITS).parse().unwrap_or_default();
    let mut weight = |label: &'static str, required: bool| -> Option<Weight> {
        let text = form.value(label).replace(',', ".");
        if text.is_empty() && !required {
            return None;
        }
        match text.parse::<f64>() {
            Ok(v) => Weight::from_unit(v, unit)
                .map_err(|e| errors.push((label, e.0)))
                .ok(),
            Err(_) => {
                errors.push((label, format!("type a number in {unit}, e.g. 80")));
                None
            }
        }
    };
    let body_weight = weight(BODY, true);
    let bar = weight(BAR, true);
    let mut plates = Vec::new();
    for part in form
        .value(PLATES)
        .split([',', ' '])
        .filter(|p| !p.trim().is_empty())
    {
        match part
            .trim()
            .parse::<f64>()
            .ok()
            .map(|v| Weight::from_unit(v, unit))
        {
            Some(Ok(p)) if p.kg() > 0.0 => plates.push(p),
            _ => {
                errors.push((
                    PLATES,
                    format!(
                        "\"{part}\" is not a plate size; list numbers, e.g. 25, 20, 10, 5, 2.5"
                    ),
                ));
                break;
            }
        }
    }
    plates.sort_by(|a, b| b.kg().total_cmp(&a.kg()));
    plates.dedup();

    let birth_year = match form.value(BORN).parse::<i32>() {
        Ok(y) if (current_year - 100..=current_year - 10).contains(&y) => Some(y),
        _ => {
            errors.push((
                BORN,
                format!(
                    "type a year between {} and {}",
                    current_year - 100,
                    current_year - 10
                ),
            ));
            None
        }
    };
    let mut bpm = |label: &'static str, text: &str| -> Option<Bpm> {
        match text.parse::<u32>().map(Bpm::try_from) {
            Ok(Ok(b)) => Some(b),
            Ok(Err(e)) => {
                errors.push((label, e.0));
                None
            }
            Err(_) => {
                errors.push((label, "type beats per minute, e.g. 60".into()));
                None
            }
        }
    };
    let hr_max = match (form.value(HR_MAX), birth_year) {
        ("", Some(year)) => Bpm::try_from(tanaka_hr_max(current_year - year).round() as u32).ok(),
        ("", None) => None,
        (text, _) => bpm(HR_MAX, text),
    };
    let hr_rest = bpm(HR_REST, form.value(HR_REST));
    let lthr = match form.value(LTHR) {
        "" => None,
        text => bpm(LTHR, text),
    };
    if let (Some(max), Some(rest)) = (hr_max, hr_rest)
        && rest >= max
    {
        errors.push((
            HR_REST,
            format!("resting HR must be below max HR ({})", max.get()),
        ));
    }
    if let (Some(max), Some(rest), Some(lt)) = (hr_max, hr_rest, lthr)
        && !(rest < lt && lt <= max)
    {
        errors.push((
            LTHR,
            format!(
                "LTHR must lie between resting ({}) and max HR ({})",
                rest.get(),
                max.get()
            ),
        ));
    }
    let sex = Sex::from_code(form.value(SEX)).unwrap_or(Sex::Male);
    match (
        body_weight,
        bar,
        birth_year,
        hr_max,
        hr_rest,
        errors.is_empty(),
    ) {
        (Some(body_weight), Some(bar), Some(birth_year), Some(hr_max), Some(hr_rest), true) => {
            Ok(Profile {
                unit,
                body_weight,
                sex,
                birth_year,
                hr_max,
                hr_rest,
                lthr,
                bar,
                plates,
            })
        }
        _ => Err(errors),
    }
}

/// Hint for the Max HR field once a birth year is typed, e.g. "bpm; empty = 180 (Tanaka estimate at age 40)".
pub fn hr_max_hint(form: &Form, current_year: i32) -> Option<String> {
    let year = form.value(BORN).parse::<i32>().ok()?;
    let age = current_year - year;
    (10..=100).contains(&age).then(|| {
        format!(
            "bpm; empty = {} (Tanaka estimate at age {age})",
            format_number(tanaka_hr_max(age).round())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::text_input::TextEdit;

    fn fill(form: &mut Form, label: &str, text: &str) {
        let field = form.field_mut(label).unwrap();
        field.input.set(text);
    }

    #[test]
    fn empty_max_hr_uses_tanaka() {
        let mut form = profile_form("Profile", None);
        fill(&mut form, BODY, "82.5");
        fill(&mut form, BORN, "1986");
        fill(&mut form, HR_REST, "55");
        let p = read_profile(&form, 2026).unwrap();
        assert_eq!(p.hr_max.get(), 180); // 208 − 0.7 × 40
        assert!((p.body_weight.kg() - 82.5).abs() < 1e-9);
        assert_eq!(p.plates.len(), 7);
        assert!((p.bar.kg() - 20.0).abs() < 1e-9);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut form = profile_form("Profile", None);
        fill(&mut form, BODY, "heavy");
        fill(&mut form, BORN, "3000");
        fill(&mut form, HR_REST, "300");
        fill(&mut form, PLATES, "20, ten");
        let errors = read_profile(&form, 2026).unwrap_err();
        let labels: Vec<_> = errors.iter().map(|(l, _)| *l).collect();
        assert_eq!(labels, vec![BODY, PLATES, BORN, HR_REST]);
        assert_eq!(errors[3].1, "heart rate must be 20–250 bpm, got 300");
    }

    #[test]
    fn pounds_are_stored_as_kilograms() {
        let mut form = profile_form("Profile", None);
        form.edit(TextEdit::Right); // kg → lb
        fill(&mut form, BODY, "180");
        fill(&mut form, BORN, "1990");
        fill(&mut form, HR_REST, "60");
        fill(&mut form, BAR, "45");
        fill(&mut form, PLATES, "45, 25, 10, 5, 2.5");
        let p = read_profile(&form, 2026).unwrap();
        assert_eq!(p.unit, Unit::Lb);
        assert!((p.bar.kg() - 20.411_656_65).abs() < 1e-6);
        assert_eq!(p.plates[0].display(Unit::Lb), "45");
    }
}
