//! The profile form shown on first run and in Settings, and its validation into a `Profile`.

use crate::core::profile::ZoneKind;
use crate::core::profile::{Profile, Sex, default_bar, default_plates, tanaka_hr_max};
use crate::core::strength::e1rm::Formula;
use crate::core::units::{Bpm, Unit, Weight, format_number};

use super::form::{Field, FieldErrors, FieldId, Form};

/// The profile form's fields; `Formula` only in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    Units,
    Body,
    Sex,
    Born,
    HrMax,
    HrRest,
    Lthr,
    Zones,
    Bar,
    Plates,
    /// The e1RM formula pinned for every lift (Settings only).
    Formula,
}

use ProfileField::{
    Bar as BAR, Body as BODY, Born as BORN, Formula as FORMULA, HrMax as HR_MAX, HrRest as HR_REST,
    Lthr as LTHR, Plates as PLATES, Sex as SEX, Units as UNITS, Zones as ZONES,
};

impl FieldId for ProfileField {
    const ALL: &'static [Self] = &[
        UNITS, BODY, SEX, BORN, HR_MAX, HR_REST, LTHR, ZONES, BAR, PLATES, FORMULA,
    ];

    fn label(self) -> &'static str {
        match self {
            UNITS => "Units",
            BODY => "Body weight",
            SEX => "Sex",
            BORN => "Birth year",
            HR_MAX => "Max HR",
            HR_REST => "Resting HR",
            LTHR => "LTHR",
            ZONES => "Zones",
            BAR => "Bar weight",
            PLATES => "Plates",
            FORMULA => "e1RM formula",
        }
    }

    /// Max HR's hint names the estimate an empty field stands for once a birth year is typed.
    fn live_hint(form: &Form<Self>, field: Self, year: i32) -> Option<String> {
        (field == HR_MAX).then(|| hr_max_hint(form, year)).flatten()
    }
}

/// The profile in Settings, with the e1RM formula it pins: "auto" (science.md: Brzycki up to 10
/// reps, Epley 11–12; the RTS chart with an RPE) or one formula.
pub fn settings_form(profile: Option<&Profile>, pinned: Option<Formula>) -> Form<ProfileField> {
    const CHOICES: [&str; 8] = [
        "auto", "brzycki", "epley", "lombardi", "mayhew", "oconner", "wathan", "lander",
    ];
    let mut form = profile_form("Settings — profile", profile);
    form.fields.push(Field::choice(
        FORMULA,
        &CHOICES,
        pinned.map_or("auto", Formula::name),
    ));
    form
}

/// The formula Settings pins, `None` for "auto"; nothing when the form has no formula field
/// (the first run).
pub fn pinned_formula(form: &Form<ProfileField>) -> Option<Option<Formula>> {
    form.get(FORMULA)
        .map(|field| Formula::from_name(field.value()))
}

/// The form filled from an existing profile, or with sensible blanks for a first run.
pub fn profile_form(title: &'static str, profile: Option<&Profile>) -> Form<ProfileField> {
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
            Field::choice(
                ZONES,
                &[
                    ZoneKind::Karvonen.label(),
                    ZoneKind::FrielRun.label(),
                    ZoneKind::FrielBike.label(),
                ],
                profile.map_or(ZoneKind::Karvonen, |p| p.zones).label(),
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

/// The unit the form's weights are written in.
pub fn unit_of(form: &Form<ProfileField>) -> Unit {
    form.value(UNITS).parse().unwrap_or_default()
}

/// The Units choice moved away from `from`: rewrite body weight, bar and plates in the new unit so
/// the form still shows (and saves) the same quantities — 80 kg becomes 176.37 lb, never 80 lb. On
/// the first run a bar and plates still at `from`'s defaults become the new unit's defaults (a lifter
/// who picks lb has a 45 lb bar). A field that is not a number is left for its own error.
pub fn follow_unit(form: &mut Form<ProfileField>, from: Unit, first_run: bool) {
    let to = unit_of(form);
    if to == from {
        return;
    }
    let written = |ws: &[Weight], unit: Unit| {
        ws.iter()
            .map(|w| w.display(unit))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fields = [
        (BODY, None),
        (BAR, Some((vec![default_bar(from)], vec![default_bar(to)]))),
        (PLATES, Some((default_plates(from), default_plates(to)))),
    ];
    for (id, defaults) in fields {
        let Some(field) = form.field_mut(id) else {
            continue;
        };
        let text = field.value().to_string();
        let new = match defaults {
            Some((old, new)) if first_run && text == written(&old, from) => Some(written(&new, to)),
            // One weight or a list of them (plates), each converted.
            _ => match plates(&text, from) {
                Ok(weights) if !weights.is_empty() => Some(written(&weights, to)),
                _ => None,
            },
        };
        if let Some(new) = new {
            field.input.set(&new);
        }
        // An error said in the old unit ("type a number in kg") is said again in the new one.
        if field.error.is_some() {
            let value = field.value();
            field.error = if id == PLATES {
                plates(value, to).err()
            } else {
                weight(value, to).err()
            };
        }
    }
}

/// Validates the form; on failure returns every field's error at once. A weight that still reads
/// as `previous`'s value in the chosen unit keeps that exact value, so switching units back and
/// forth (or saving without a change) never moves a stored quantity by a rounding.
pub fn read_profile(
    form: &Form<ProfileField>,
    current_year: i32,
    previous: Option<&Profile>,
) -> Result<Profile, FieldErrors<ProfileField>> {
    let unit = unit_of(form);
    let mut errors = FieldErrors::new();
    let old = |pick: fn(&Profile) -> &[Weight]| previous.map(pick).unwrap_or_default();
    let body_weight = keep(&mut errors, BODY, weight(form.value(BODY), unit))
        .map(|w| exact(w, unit, old(|p| std::slice::from_ref(&p.body_weight))));
    let bar = keep(&mut errors, BAR, weight(form.value(BAR), unit))
        .map(|w| exact(w, unit, old(|p| std::slice::from_ref(&p.bar))));
    let plates = keep(&mut errors, PLATES, plates(form.value(PLATES), unit)).map(|ps| {
        ps.into_iter()
            .map(|w| exact(w, unit, old(|p| &p.plates)))
            .collect()
    });
    let birth_year = keep(
        &mut errors,
        BORN,
        birth_year(form.value(BORN), current_year),
    );
    let hr_max = match (form.value(HR_MAX), birth_year) {
        ("", Some(year)) => Bpm::try_from(tanaka_hr_max(current_year - year).round() as u32).ok(),
        ("", None) => None,
        (text, _) => keep(&mut errors, HR_MAX, bpm(text, 185)),
    };
    let hr_rest = keep(&mut errors, HR_REST, bpm(form.value(HR_REST), 60));
    let lthr = match form.value(LTHR) {
        "" => None,
        text => keep(&mut errors, LTHR, bpm(text, 165)),
    };
    let zones = keep(
        &mut errors,
        ZONES,
        zone_kind(form.value(ZONES), lthr.is_some()),
    );
    if let (Some(max), Some(rest)) = (hr_max, hr_rest)
        && rest >= max
    {
        keep(
            &mut errors,
            HR_REST,
            Err::<(), _>(format!("resting HR must be below max HR ({})", max.get())),
        );
    }
    if let (Some(max), Some(rest), Some(lt)) = (hr_max, hr_rest, lthr)
        && !(rest < lt && lt <= max)
    {
        keep(
            &mut errors,
            LTHR,
            Err::<(), _>(format!(
                "LTHR must lie between resting ({}) and max HR ({})",
                rest.get(),
                max.get()
            )),
        );
    }
    let sex = Sex::from_code(form.value(SEX)).unwrap_or(Sex::Male);
    match (body_weight, bar, plates, birth_year, hr_max, hr_rest, zones) {
        (
            Some(body_weight),
            Some(bar),
            Some(plates),
            Some(birth_year),
            Some(hr_max),
            Some(hr_rest),
            Some(zones),
        ) if errors.is_empty() => Ok(Profile {
            unit,
            body_weight,
            sex,
            birth_year,
            hr_max,
            hr_rest,
            lthr,
            bar,
            plates,
            zones,
        }),
        _ => Err(errors),
    }
}

/// `typed`, or the stored weight among `old` that reads the same in `unit` (its exact value).
fn exact(typed: Weight, unit: Unit, old: &[Weight]) -> Weight {
    old.iter()
        .copied()
        .find(|o| o.display(unit) == typed.display(unit))
        .unwrap_or(typed)
}

/// The value, or `None` with the field's error recorded.
fn keep<T>(
    errors: &mut FieldErrors<ProfileField>,
    field: ProfileField,
    result: Result<T, String>,
) -> Option<T> {
    result.map_err(|e| errors.push((field, e))).ok()
}

fn weight(text: &str, unit: Unit) -> Result<Weight, String> {
    let value = text
        .replace(',', ".")
        .parse::<f64>()
        .map_err(|_| format!("type a number in {unit}, e.g. 80"))?;
    Weight::from_unit(value, unit).map_err(|e| e.0)
}

/// Plate sizes, heaviest first, without duplicates.
fn plates(text: &str, unit: Unit) -> Result<Vec<Weight>, String> {
    let mut plates = Vec::new();
    for part in text
        .split([',', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match part.parse::<f64>().ok().map(|v| Weight::from_unit(v, unit)) {
            Some(Ok(p)) if p.kg() > 0.0 => plates.push(p),
            _ => {
                return Err(format!(
                    "\"{part}\" is not a plate size; list numbers, e.g. 25, 20, 10, 5, 2.5"
                ));
            }
        }
    }
    plates.sort_by(|a, b| b.kg().total_cmp(&a.kg()));
    plates.dedup();
    Ok(plates)
}

/// The zone model; Friel's tables are anchored on LTHR, so they need one.
fn zone_kind(text: &str, has_lthr: bool) -> Result<ZoneKind, String> {
    let kind = ZoneKind::parse_name(text)
        .ok_or_else(|| format!("choose karvonen, friel-run or friel-bike, not \"{text}\""))?;
    if kind != ZoneKind::Karvonen && !has_lthr {
        return Err(
            "Friel zones need a threshold heart rate (LTHR); set one or use karvonen".to_string(),
        );
    }
    Ok(kind)
}

fn birth_year(text: &str, current_year: i32) -> Result<i32, String> {
    let range = current_year - 100..=current_year - 10;
    text.parse::<i32>()
        .ok()
        .filter(|y| range.contains(y))
        .ok_or_else(|| format!("type a year between {} and {}", range.start(), range.end()))
}

/// A heart rate typed into a field whose usual value is about `example` bpm.
fn bpm(text: &str, example: u32) -> Result<Bpm, String> {
    let value = text
        .parse::<u32>()
        .map_err(|_| format!("type beats per minute, e.g. {example}"))?;
    Bpm::try_from(value).map_err(|e| e.0)
}

/// Hint for the Max HR field once a birth year is typed, e.g. "bpm; empty = 180 (Tanaka estimate at age 40)".
pub fn hr_max_hint(form: &Form<ProfileField>, current_year: i32) -> Option<String> {
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

    fn fill(form: &mut Form<ProfileField>, id: ProfileField, text: &str) {
        let field = form.field_mut(id).unwrap();
        field.input.set(text);
    }

    #[test]
    fn empty_max_hr_uses_tanaka() {
        let mut form = profile_form("Profile", None);
        fill(&mut form, BODY, "82.5");
        fill(&mut form, BORN, "1986");
        fill(&mut form, HR_REST, "55");
        let p = read_profile(&form, 2026, None).unwrap();
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
        let errors = read_profile(&form, 2026, None).unwrap_err();
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
        let p = read_profile(&form, 2026, None).unwrap();
        assert_eq!(p.unit, Unit::Lb);
        assert!((p.bar.kg() - 20.411_656_65).abs() < 1e-6);
        assert_eq!(p.plates[0].display(Unit::Lb), "45");
    }

    fn filled() -> Form<ProfileField> {
        let mut form = profile_form("Profile", None);
        fill(&mut form, BODY, "80");
        fill(&mut form, BORN, "1990");
        fill(&mut form, HR_REST, "50");
        form
    }

    #[test]
    fn zones_default_to_karvonen_and_accept_friel_spellings_with_an_lthr() {
        let form = filled();
        assert_eq!(form.value(ZONES), "karvonen");
        assert_eq!(
            read_profile(&form, 2026, None).unwrap().zones,
            ZoneKind::Karvonen
        );
        for (text, kind) in [
            ("friel-run", ZoneKind::FrielRun),
            ("Friel Run", ZoneKind::FrielRun),
            ("friel_bike", ZoneKind::FrielBike),
            ("cycling", ZoneKind::FrielBike),
        ] {
            let mut form = filled();
            fill(&mut form, LTHR, "165");
            fill(&mut form, ZONES, text);
            assert_eq!(
                read_profile(&form, 2026, None).unwrap().zones,
                kind,
                "{text}"
            );
        }
    }

    #[test]
    fn friel_without_an_lthr_is_an_error_on_the_zones_field() {
        let mut form = filled();
        fill(&mut form, ZONES, "friel-run");
        let errors = read_profile(&form, 2026, None).unwrap_err();
        assert_eq!(
            errors,
            vec![(
                ZONES,
                "Friel zones need a threshold heart rate (LTHR); set one or use karvonen"
                    .to_string()
            )]
        );
        fill(&mut form, ZONES, "edwards");
        let errors = read_profile(&form, 2026, None).unwrap_err();
        assert_eq!(errors[0].0, ZONES);
        assert!(
            errors[0].1.contains("karvonen, friel-run or friel-bike"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_saved_friel_profile_fills_the_zones_field() {
        let mut form = filled();
        fill(&mut form, LTHR, "165");
        fill(&mut form, ZONES, "friel-bike");
        let profile = read_profile(&form, 2026, None).unwrap();
        let again = profile_form("Settings", Some(&profile));
        assert_eq!(again.value(ZONES), "friel-bike");
        assert_eq!(read_profile(&again, 2026, Some(&profile)).unwrap(), profile);
    }

    #[test]
    fn switching_units_in_settings_converts_the_weights_shown_and_keeps_them_exact() {
        let saved = read_profile(&filled(), 2026, None).unwrap();
        let mut form = profile_form("Settings", Some(&saved));
        form.edit(TextEdit::Right); // kg → lb
        follow_unit(&mut form, Unit::Kg, false);
        assert_eq!(form.value(UNITS), "lb");
        assert_eq!(form.value(BODY), "176.37");
        assert_eq!(form.value(BAR), "44.09");
        assert_eq!(
            form.value(PLATES),
            "55.12, 44.09, 33.07, 22.05, 11.02, 5.51, 2.76"
        );
        let in_lb = read_profile(&form, 2026, Some(&saved)).unwrap();
        assert_eq!(in_lb.unit, Unit::Lb);
        assert_eq!(in_lb.body_weight, saved.body_weight, "80 kg stays 80 kg");
        assert_eq!(in_lb.bar, saved.bar);
        assert_eq!(in_lb.plates, saved.plates);
        // And back: the same numbers as before.
        form.edit(TextEdit::Left);
        follow_unit(&mut form, Unit::Lb, false);
        assert_eq!(form.value(BODY), "80");
        assert_eq!(form.value(BAR), "20");
        assert_eq!(read_profile(&form, 2026, Some(&saved)).unwrap(), saved);
    }

    #[test]
    fn a_weight_retyped_after_a_unit_switch_is_read_in_the_new_unit() {
        let saved = read_profile(&filled(), 2026, None).unwrap();
        let mut form = profile_form("Settings", Some(&saved));
        form.edit(TextEdit::Right);
        follow_unit(&mut form, Unit::Kg, false);
        fill(&mut form, BODY, "180");
        let p = read_profile(&form, 2026, Some(&saved)).unwrap();
        assert!((p.body_weight.kg() - 81.646_627).abs() < 1e-6);
        // A field that is not a number is left alone for its own error.
        let mut form = profile_form("Settings", Some(&saved));
        fill(&mut form, BODY, "heavy");
        form.edit(TextEdit::Right);
        follow_unit(&mut form, Unit::Kg, false);
        assert_eq!(form.value(BODY), "heavy");
    }

    #[test]
    fn on_the_first_run_untouched_defaults_become_the_new_units_defaults() {
        let mut form = profile_form("Welcome", None);
        fill(&mut form, BODY, "80");
        form.edit(TextEdit::Right); // kg → lb
        follow_unit(&mut form, Unit::Kg, true);
        assert_eq!(form.value(BODY), "176.37", "a typed body weight converts");
        assert_eq!(form.value(BAR), "45");
        assert_eq!(form.value(PLATES), "45, 35, 25, 10, 5, 2.5");
        // Plates the lifter typed are theirs: they convert.
        fill(&mut form, PLATES, "45, 45");
        form.edit(TextEdit::Left);
        follow_unit(&mut form, Unit::Lb, true);
        assert_eq!(form.value(PLATES), "20.41");
        assert_eq!(form.value(BAR), "20");
    }

    #[test]
    fn the_first_run_asks_for_every_field_but_the_formula_and_settings_for_all() {
        assert_eq!(profile_form("Welcome", None).missing(), vec![FORMULA]);
        let settings = settings_form(None, Some(Formula::Epley));
        assert_eq!(settings.missing(), vec![]);
        assert_eq!(pinned_formula(&settings), Some(Some(Formula::Epley)));
        assert_eq!(pinned_formula(&profile_form("Welcome", None)), None);
        let labels: Vec<_> = settings.fields.iter().map(Field::label).collect();
        assert_eq!(
            labels,
            [
                "Units",
                "Body weight",
                "Sex",
                "Birth year",
                "Max HR",
                "Resting HR",
                "LTHR",
                "Zones",
                "Bar weight",
                "Plates",
                "e1RM formula"
            ]
        );
    }

    #[test]
    fn max_hr_hints_at_the_estimate_once_a_birth_year_is_typed() {
        let mut form = profile_form("Welcome", None);
        let hr_max = form.fields[4].clone();
        assert_eq!(
            form.hint(&hr_max, 2026),
            "bpm; empty = Tanaka estimate 208 − 0.7 × age"
        );
        fill(&mut form, BORN, "1986");
        assert_eq!(
            form.hint(&hr_max, 2026),
            "bpm; empty = 180 (Tanaka estimate at age 40)"
        );
        let born = form.fields[3].clone();
        assert_eq!(form.hint(&born, 2026), "e.g. 1990");
    }
}
