//! A small mixed-integer model, kept apart from the solver: the plan assistant builds it, the
//! solver (`microlp`) solves it, and the tests hand the same model (as JSON) to an independent
//! solver to compare the optimum.

use std::time::Duration;

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, SolveOptions, Status};
use serde::{Deserialize, Serialize};

/// One variable: its name (for reading the model), its objective coefficient (maximised), its
/// bounds and whether it must be whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Var {
    pub name: String,
    pub obj: f64,
    pub lb: f64,
    pub ub: f64,
    pub integer: bool,
}

/// One constraint: `lo ≤ Σ coef·var ≤ hi`, either bound absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub name: String,
    pub terms: Vec<(usize, f64)>,
    pub lo: Option<f64>,
    pub hi: Option<f64>,
}

/// A model to maximise.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub vars: Vec<Var>,
    pub rows: Vec<Row>,
}

/// The values the solver found.
#[derive(Debug, Clone)]
pub struct Solved {
    pub values: Vec<f64>,
    pub objective: f64,
    /// Proven optimal (false: the best found within the time allowed).
    pub optimal: bool,
}

/// Why there is no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Unsolved {
    /// No point meets every constraint.
    Infeasible,
    /// The solver stopped without an answer (time, or an internal fault), in its own words.
    Failed(String),
}

impl Model {
    pub fn var(&mut self, name: String, obj: f64, lb: f64, ub: f64, integer: bool) -> usize {
        self.vars.push(Var {
            name,
            obj,
            lb,
            ub,
            integer,
        });
        self.vars.len() - 1
    }

    pub fn binary(&mut self, name: String, obj: f64) -> usize {
        self.var(name, obj, 0.0, 1.0, true)
    }

    pub fn row(
        &mut self,
        name: String,
        terms: Vec<(usize, f64)>,
        lo: Option<f64>,
        hi: Option<f64>,
    ) {
        self.rows.push(Row {
            name,
            terms,
            lo,
            hi,
        });
    }

    /// The objective at `values`.
    pub fn objective_at(&self, values: &[f64]) -> f64 {
        self.vars.iter().zip(values).map(|(v, x)| v.obj * x).sum()
    }

    /// Solves it with microlp, within `limit`.
    pub fn solve(&self, limit: Duration) -> Result<Solved, Unsolved> {
        let mut p = Problem::new(OptimizationDirection::Maximize);
        let vars: Vec<_> = self
            .vars
            .iter()
            .map(|v| {
                if v.integer && v.lb == 0.0 && v.ub == 1.0 {
                    p.add_binary_var(v.obj)
                } else if v.integer {
                    p.add_integer_var(v.obj, (v.lb as i32, v.ub as i32))
                } else {
                    p.add_var(v.obj, (v.lb, v.ub))
                }
            })
            .collect();
        for r in &self.rows {
            let expr = || {
                let mut e = LinearExpr::empty();
                for &(i, c) in &r.terms {
                    e.add(vars[i], c);
                }
                e
            };
            match (r.lo, r.hi) {
                (Some(lo), Some(hi)) if lo == hi => p.add_constraint(expr(), ComparisonOp::Eq, lo),
                (lo, hi) => {
                    if let Some(lo) = lo {
                        p.add_constraint(expr(), ComparisonOp::Ge, lo);
                    }
                    if let Some(hi) = hi {
                        p.add_constraint(expr(), ComparisonOp::Le, hi);
                    }
                }
            }
        }
        let mut options = SolveOptions::default();
        options.time_limit = Some(limit);
        match p.solve_with(options) {
            Ok(s) => {
                let optimal = s.status() == Status::Optimal;
                if !optimal && s.status() != Status::Feasible {
                    return Err(Unsolved::Failed(format!("{:?}", s.status())));
                }
                let values: Vec<f64> = vars
                    .iter()
                    .zip(&self.vars)
                    .map(|(x, v)| {
                        let x = s.var_value(*x);
                        if v.integer {
                            x.round()
                        } else {
                            x
                        }
                    })
                    .collect();
                Ok(Solved {
                    objective: self.objective_at(&values),
                    values,
                    optimal,
                })
            }
            Err(microlp::Error::Infeasible) => Err(Unsolved::Infeasible),
            Err(e) => Err(Unsolved::Failed(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three people, two posts of one seat, nobody in both: 5 + 3 or 4 + 4, never 5 + 4 (one
    /// person cannot take both posts).
    #[test]
    fn a_small_assignment_is_solved_to_its_optimum() {
        let mut m = Model::default();
        let s = [[5.0, 4.0], [4.0, 1.0], [1.0, 3.0]];
        let mut x = vec![];
        for (i, row) in s.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                x.push((i, j, m.binary(format!("x{i}{j}"), *v)));
            }
        }
        for j in 0..2 {
            let t = x.iter().filter(|k| k.1 == j).map(|k| (k.2, 1.0)).collect();
            m.row(format!("post{j}"), t, None, Some(1.0));
        }
        for i in 0..3 {
            let t = x.iter().filter(|k| k.0 == i).map(|k| (k.2, 1.0)).collect();
            m.row(format!("person{i}"), t, None, Some(1.0));
        }
        let r = m.solve(Duration::from_secs(5)).unwrap();
        assert!(r.optimal);
        assert!((r.objective - 8.0).abs() < 1e-9, "{}", r.objective);
        m.row("impossible".into(), vec![(0, 1.0)], Some(2.0), None);
        assert_eq!(
            m.solve(Duration::from_secs(5)).unwrap_err(),
            Unsolved::Infeasible
        );
    }
}
