// Printing conventions and the verdict on a declared figure.
//
// Forms print computed figures rounded in one of a few ways: a score as the
// floor or the rounded integer or with one decimal, a rate with 0-3
// decimals, sometimes capped at 100%. A Convention names one such way
// ("floor_0", "round_1", "capped_round_0", "ceil_0"). Judge compares a
// declared figure with the exact one(s) the rules give:
//   kConsistent    a usual convention of the profile produces it;
//   kUnusual       only an unusual convention produces it (a warning);
//   kTolerated     no convention produces it but it is closer than the
//                  "consistent" tolerance (worth an info note at most);
//   kSuspicious    between the consistent and the discrepancy tolerance;
//   kContradiction at least the discrepancy tolerance away (an error).
// "round" accepts either tie (half up or half to even): both are in use.
// Internal to score/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/flag_code.h"
#include "model/status.h"

namespace jixiao::score {

enum class RoundMode { kFloor, kRound, kCeil };

struct Convention {
  RoundMode mode = RoundMode::kRound;
  int decimals = 0;      // 0..4
  bool capped = false;   // the exact figure is capped at `cap` first
  std::string name;      // as written in the profile
};

using ConventionSet = std::vector<Convention>;

// Parses "floor_0", "round_2", "ceil_1", "capped_round_0" (cap at 100).
Result<Convention> ParseConvention(const std::string& text);

// Whether printing `exact` by `convention` can give `declared`.
bool Produces(const Convention& convention, double exact, double declared, double cap = 100);

struct Tolerance {
  double consistent = 1.0;    // |declared - exact| below this is consistent
  double discrepancy = 2.0;   // at or above this is a contradiction
};

enum class Agreement { kConsistent, kUnusual, kTolerated, kSuspicious, kContradiction };

// `exacts` holds the exact figure first, then other figures the rules accept
// as a basis for printing (e.g. a score computed from the printed rate);
// distances are measured from exacts[0]. An empty list is kConsistent.
Agreement Judge(double declared, const std::vector<double>& exacts, const ConventionSet& usual,
                const ConventionSet& unusual, const Tolerance& tolerance, double cap = 100);

// The severity of the flag a verdict calls for; nullopt: no flag.
std::optional<Severity> SeverityOf(Agreement agreement);

}  // namespace jixiao::score
