// FlagCode and Severity: what a flag says is wrong, and how much it matters.
//
// Every flag jixiao raises carries one FlagCode and one Severity; the model
// and every stage work with these enums, never with their names. The names
// ("TOTAL_MISMATCH", "error") are those of the output contract
// (schema/document.schema.json, docs/flags.md) and live in one table
// (flag_code.cpp): emit/ writes them and reads them back, and a text view
// (summary, review page, warehouse row) asks ToString for them.
//
// Invariants: the table holds every enumerator exactly once, in declaration
// order, each with a distinct name; ParseFlagCode(ToString(c)) == c for
// every code, and an unknown name parses to nullopt. Severities are ordered
// kInfo < kWarning < kError, so the milder of two is std::min.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jixiao {

// The codes of the output contract. A new code goes into this list, into the
// table in flag_code.cpp, into the schema's flag.code enum and into
// docs/flags.md (tests/flag_codes_test.py checks all four agree).
enum class FlagCode {
  kRateMismatch,
  kBudgetScoreMismatch,
  kIndicatorScoreMismatch,
  kIndicatorRateMismatch,
  kScoreExceedsWeight,
  kTargetNotMetFullScore,
  kTotalMismatch,
  kHeaderTotalMismatch,
  kSelfScoreTextMismatch,
  kWeightSumMismatch,
  kRemainingMismatch,
  kComponentSumMismatch,
  kUnitPriceMismatch,
  kCrossReferenceMismatch,
  kDateInconsistent,
  kMissingField,
  kUnreadable,
  kImplausibleFigure,
  kProfileInvalid,
  kScoringIncomplete,
  kNoReport,
};

// How a flag grades the document (docs/flags.md, "How to read a flag"):
// a note, something suspicious, a contradiction. Ordered by weight.
enum class Severity { kInfo, kWarning, kError };

// Every code, in declaration order.
std::span<const FlagCode> AllFlagCodes();

// The contract's name of a code or a severity.
const std::string& ToString(FlagCode code);
const std::string& ToString(Severity severity);

// The code or severity a contract name stands for; nullopt for any other
// text (names are exact: no case folding, no trimming).
std::optional<FlagCode> ParseFlagCode(std::string_view name);
std::optional<Severity> ParseSeverity(std::string_view name);

}  // namespace jixiao
