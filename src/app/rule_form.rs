//! The form for an exercise's progression rule, and its validation into a `RuleConfig`.

use crate::core::strength::progression::{RepRange, Rule, RuleConfig};
use crate::core::units::{Rpe, Unit, Weight, format_number};

use super::form::{Field, FieldErrors, FieldId, Form};

/// The rule form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleField {
    Rule,
    RepMin,
    RepMax,
    Increment,
    Target,
    Sets,
}

use RuleField::{
    Increment as INCREMENT, RepMax as REP_MAX, RepMin as REP_MIN, Rule as RULE, Sets as SETS,
    Target as TARGET,
};

impl FieldId for RuleField {
    const ALL: &'static [Self] = &[RULE, REP_MIN, REP_MAX, INCREMENT, TARGET, SETS];

    fn label(self) -> &'static str {
        match self {
            RULE => "Rule",
            REP_MIN => "Reps from",
            REP_MAX => "Reps to",
            INCREMENT => "Increment",
            TARGET => "Target RPE",
            SETS => "Working sets",
        }
    }
}

/// The form for an exercise's rule, filled from `rule`.
pub fn rule_form(rule: &RuleConfig, unit: Unit) -> Form<RuleField> {
    Form::new(
        "Progression rule",
        vec![
            Field::named_choice(
                RULE,
                &Rule::ALL.map(|r| (r.code(), r.label())),
                rule.rule.code(),
            ),
            Field::text(
                REP_MIN,
                rule.rep_range.min().to_string(),
                "bottom of the rep range",
            ),
            Field::text(
                REP_MAX,
                rule.rep_range.max().to_string(),
                "top (same as bottom for e.g. 3 × 5)",
            ),
            Field::text(
                INCREMENT,
                rule.increment.display(unit),
                format!("{unit} added when the rule says so"),
            ),
            Field::text(
                TARGET,
                format_number(rule.target_rpe.value()),
                "for the RPE rules, 6–10",
            ),
            Field::text(SETS, rule.sets.to_string(), "per session"),
        ],
    )
}

/// Validates the form; every wrong field is reported at once.
pub fn read_rule(form: &Form<RuleField>, unit: Unit) -> Result<RuleConfig, FieldErrors<RuleField>> {
    let mut errors = FieldErrors::new();
    let number = |field: RuleField, errors: &mut FieldErrors<RuleField>| -> Option<u16> {
        form.value(field)
            .parse::<u16>()
            .map_err(|_| errors.push((field, "type a whole number".into())))
            .ok()
    };
    let rule = Rule::from_code(form.value(RULE)).unwrap_or(Rule::DoubleProgression);
    let (min, max, sets) = (
        number(REP_MIN, &mut errors),
        number(REP_MAX, &mut errors),
        number(SETS, &mut errors),
    );
    let range = match (min, max) {
        (Some(min), Some(max)) => RepRange::new(min, max)
            .map_err(|e| errors.push((REP_MAX, e.to_string())))
            .ok(),
        _ => None,
    };
    let increment = form
        .value(INCREMENT)
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .and_then(|v| Weight::from_unit(v, unit).ok())
        .filter(|w| w.kg() > 0.0);
    if increment.is_none() {
        errors.push((
            INCREMENT,
            format!("type a weight in {unit} above 0, e.g. 2.5"),
        ));
    }
    let target = form
        .value(TARGET)
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .and_then(|v| Rpe::try_from(v).ok())
        .filter(|r| r.value() >= 6.0);
    if target.is_none() {
        errors.push((
            TARGET,
            "type an RPE from 6 to 10 in half steps, e.g. 8".into(),
        ));
    }
    if sets == Some(0) {
        errors.push((SETS, "at least 1 working set".into()));
    }
    match (range, increment, target, sets) {
        (Some(rep_range), Some(increment), Some(target_rpe), Some(sets)) if errors.is_empty() => {
            Ok(RuleConfig {
                rule,
                rep_range,
                increment,
                target_rpe,
                sets,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_round_trips_and_bad_numbers_are_named() {
        let rule = RuleConfig {
            rule: Rule::Linear,
            rep_range: RepRange::new(5, 5).unwrap(),
            increment: Weight::from_kg(5.0).unwrap(),
            target_rpe: Rpe::try_from(8.0).unwrap(),
            sets: 3,
        };
        let form = rule_form(&rule, Unit::Kg);
        assert_eq!(form.missing(), vec![]);
        assert_eq!(read_rule(&form, Unit::Kg).unwrap(), rule);
        let mut form = rule_form(&rule, Unit::Kg);
        form.field_mut(REP_MAX).unwrap().input.set("3");
        form.field_mut(INCREMENT).unwrap().input.set("0");
        form.field_mut(TARGET).unwrap().input.set("11");
        let labels: Vec<_> = read_rule(&form, Unit::Kg)
            .unwrap_err()
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(labels, vec![REP_MAX, INCREMENT, TARGET]);
    }

    #[test]
    fn rules_read_as_words() {
        let rule = RuleConfig {
            rule: Rule::RpeAutoregulation,
            rep_range: RepRange::new(5, 8).unwrap(),
            increment: Weight::from_kg(2.5).unwrap(),
            target_rpe: Rpe::try_from(8.0).unwrap(),
            sets: 3,
        };
        let form = rule_form(&rule, Unit::Kg);
        assert_eq!(form.fields[0].shown(), "RPE autoregulation");
        assert_eq!(
            form.fields[0].hint,
            "←/→: double progression / linear / RPE autoregulation / RPE target"
        );
        assert_eq!(
            read_rule(&form, Unit::Kg).unwrap().rule,
            Rule::RpeAutoregulation
        );
    }
}
