#include "model/flag_code.h"

#include <array>
#include <cstddef>

namespace jixiao {

namespace {

struct FlagCodeName {
  FlagCode code;
  std::string_view name;
};

// The one table of code names (tests/flag_codes_test.py reads it).
constexpr FlagCodeName kFlagCodeNames[] = {
    {FlagCode::kRateMismatch, "RATE_MISMATCH"},
    {FlagCode::kBudgetScoreMismatch, "BUDGET_SCORE_MISMATCH"},
    {FlagCode::kIndicatorScoreMismatch, "INDICATOR_SCORE_MISMATCH"},
    {FlagCode::kIndicatorRateMismatch, "INDICATOR_RATE_MISMATCH"},
    {FlagCode::kScoreExceedsWeight, "SCORE_EXCEEDS_WEIGHT"},
    {FlagCode::kTargetNotMetFullScore, "TARGET_NOT_MET_FULL_SCORE"},
    {FlagCode::kTotalMismatch, "TOTAL_MISMATCH"},
    {FlagCode::kHeaderTotalMismatch, "HEADER_TOTAL_MISMATCH"},
    {FlagCode::kSelfScoreTextMismatch, "SELF_SCORE_TEXT_MISMATCH"},
    {FlagCode::kWeightSumMismatch, "WEIGHT_SUM_MISMATCH"},
    {FlagCode::kRemainingMismatch, "REMAINING_MISMATCH"},
    {FlagCode::kComponentSumMismatch, "COMPONENT_SUM_MISMATCH"},
    {FlagCode::kUnitPriceMismatch, "UNIT_PRICE_MISMATCH"},
    {FlagCode::kCrossReferenceMismatch, "CROSS_REFERENCE_MISMATCH"},
    {FlagCode::kDateInconsistent, "DATE_INCONSISTENT"},
    {FlagCode::kMissingField, "MISSING_FIELD"},
    {FlagCode::kUnreadable, "UNREADABLE"},
    {FlagCode::kImplausibleFigure, "IMPLAUSIBLE_FIGURE"},
    {FlagCode::kProfileInvalid, "PROFILE_INVALID"},
    {FlagCode::kScoringIncomplete, "SCORING_INCOMPLETE"},
    {FlagCode::kNoReport, "NO_REPORT"},
};

struct SeverityName {
  Severity severity;
  std::string_view name;
};

constexpr SeverityName kSeverityNames[] = {
    {Severity::kInfo, "info"},
    {Severity::kWarning, "warning"},
    {Severity::kError, "error"},
};

// Entry i names enumerator i, and the last enumerator has the last entry,
// so that ToString can index the tables.
template <typename Entry, size_t N, typename Enum>
constexpr bool InDeclarationOrder(const Entry (&table)[N], Enum Entry::*key, Enum last) {
  for (size_t i = 0; i < N; ++i)
    if (static_cast<size_t>(table[i].*key) != i) return false;
  return static_cast<size_t>(last) + 1 == N;
}

static_assert(InDeclarationOrder(kFlagCodeNames, &FlagCodeName::code, FlagCode::kNoReport),
              "kFlagCodeNames must list every FlagCode once, in declaration order");
static_assert(InDeclarationOrder(kSeverityNames, &SeverityName::severity, Severity::kError),
              "kSeverityNames must list every Severity once, in declaration order");

// The names as strings, built once, so that callers can concatenate them.
template <typename Entry, size_t N>
std::array<std::string, N> Names(const Entry (&table)[N]) {
  std::array<std::string, N> names;
  for (size_t i = 0; i < N; ++i) names[i] = std::string(table[i].name);
  return names;
}

const std::string& NameAt(const std::string* names, size_t count, size_t index) {
  static const std::string kNone;
  return index < count ? names[index] : kNone;  // only a cast from a bad integer gets here
}

}  // namespace

std::span<const FlagCode> AllFlagCodes() {
  static const std::array<FlagCode, std::size(kFlagCodeNames)> kCodes = [] {
    std::array<FlagCode, std::size(kFlagCodeNames)> codes{};
    for (size_t i = 0; i < codes.size(); ++i) codes[i] = kFlagCodeNames[i].code;
    return codes;
  }();
  return kCodes;
}

const std::string& ToString(FlagCode code) {
  static const auto kNames = Names(kFlagCodeNames);
  return NameAt(kNames.data(), kNames.size(), static_cast<size_t>(code));
}

const std::string& ToString(Severity severity) {
  static const auto kNames = Names(kSeverityNames);
  return NameAt(kNames.data(), kNames.size(), static_cast<size_t>(severity));
}

std::optional<FlagCode> ParseFlagCode(std::string_view name) {
  for (const FlagCodeName& entry : kFlagCodeNames)
    if (entry.name == name) return entry.code;
  return std::nullopt;
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (const SeverityName& entry : kSeverityNames)
    if (entry.name == name) return entry.severity;
  return std::nullopt;
}

}  // namespace jixiao
