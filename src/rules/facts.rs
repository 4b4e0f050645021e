//! What the checks and statistics need to know about one person at a term's reference month,
//! computed once: age, retirement, months left, young or not, age bands, local or not.

use serde::Serialize;

use super::retirement::months_left;
use super::ruleset::RuleParams;
use crate::model::YearMonth;
use crate::model::{Person, Sex};
use crate::text::fold;

#[derive(Debug, Clone, Serialize)]
pub struct PersonFacts {
    pub age: i32,
    pub retirement_month: YearMonth,
    pub months_left: i64,
    pub young: bool,
    /// Index into the age bands (0 = youngest).
    pub band: usize,
    /// Index into the "3 độ tuổi" groups.
    pub group3: usize,
    pub local: bool,
    pub minority: bool,
}

fn band_of(age: i32, bounds: &[i32]) -> usize {
    bounds.iter().take_while(|b| age >= **b).count()
}

pub fn facts(
    p: &Person,
    reference: YearMonth,
    rules: &RuleParams,
    place_folded: &str,
) -> PersonFacts {
    // Age at the reference month: whole years reached by the last day of that month.
    let age = p.birth_date.age_at(reference.last_day());
    let retirement_month = retirement_month(p, rules);
    PersonFacts {
        age,
        retirement_month,
        months_left: months_left(retirement_month, reference, rules.months_left_inclusive),
        young: age < rules.young_under(),
        band: band_of(age, &rules.age_bands),
        group3: band_of(age, &rules.three_age_groups),
        local: !place_folded.is_empty() && fold(&p.home_town).contains(place_folded),
        minority: fold(&p.ethnicity) != "kinh",
    }
}

impl PersonFacts {
    /// The same person's facts at another month (a later year of a forecast): only what depends
    /// on the month changes; the retirement month, the origin and the ethnicity stay.
    pub fn at(&self, p: &Person, reference: YearMonth, rules: &RuleParams) -> PersonFacts {
        let age = p.birth_date.age_at(reference.last_day());
        PersonFacts {
            age,
            months_left: months_left(
                self.retirement_month,
                reference,
                rules.months_left_inclusive,
            ),
            young: age < rules.young_under(),
            band: band_of(age, &rules.age_bands),
            group3: band_of(age, &rules.three_age_groups),
            ..self.clone()
        }
    }
}

/// The month a person reaches retirement age: the record's expected month when the clerk set one
/// (early or later retirement), otherwise NĐ 135 from the birth date and sex.
pub fn retirement_month(p: &Person, rules: &RuleParams) -> YearMonth {
    match &p.retirement_override {
        Some(d) => YearMonth::of(d.earliest()),
        None => rules.retirement.retirement(p.sex, &p.birth_date).month,
    }
}

/// Labels of bands from their lower bounds: [35, 41] → ["Dưới 35", "35–40", "Từ 41"].
pub fn band_labels(bounds: &[i32]) -> Vec<String> {
    let mut out = Vec::with_capacity(bounds.len() + 1);
    if let Some(first) = bounds.first() {
        out.push(format!("Dưới {first}"));
    }
    for w in bounds.windows(2) {
        out.push(format!("{}–{}", w[0], w[1] - 1));
    }
    match bounds.last() {
        Some(last) => out.push(format!("Từ {last}")),
        None => out.push("Mọi tuổi".into()),
    }
    out
}

pub fn is_female(p: &Person) -> bool {
    p.sex == Sex::Female
}

/// "12,5%" — Vietnamese decimal comma.
pub fn percent(share: f64) -> String {
    let s = format!("{:.1}", share * 100.0).replace('.', ",");
    let s = s.strip_suffix(",0").unwrap_or(&s).to_string();
    format!("{s}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_percent() {
        assert_eq!(band_of(34, &[35, 41]), 0);
        assert_eq!(band_of(35, &[35, 41]), 1);
        assert_eq!(band_of(41, &[35, 41]), 2);
        assert_eq!(band_labels(&[40, 51]), vec!["Dưới 40", "40–50", "Từ 51"]);
        assert_eq!(percent(0.125), "12,5%");
        assert_eq!(percent(0.2), "20%");
    }
}
