#include "score/rounding.h"

#include <algorithm>
#include <cmath>

namespace jixiao::score {

namespace {

// Slack for binary floating point: 8.1 is stored as 8.0999999..., and
// floor(8.1 * 10) must still be 81.
constexpr double kEpsilon = 1e-7;

}  // namespace

Result<Convention> ParseConvention(const std::string& text) {
  Convention c;
  c.name = text;
  std::string rest = text;
  const std::string capped = "capped_";
  if (rest.rfind(capped, 0) == 0) {
    c.capped = true;
    rest = rest.substr(capped.size());
  }
  size_t underscore = rest.find('_');
  if (underscore == std::string::npos || underscore + 2 != rest.size())
    return Result<Convention>::Error("convention \"" + text + "\" is not <floor|round|ceil>_<0-4>");
  std::string mode = rest.substr(0, underscore);
  char digit = rest[underscore + 1];
  if (digit < '0' || digit > '4')
    return Result<Convention>::Error("convention \"" + text + "\" has decimals outside 0-4");
  c.decimals = digit - '0';
  if (mode == "floor") {
    c.mode = RoundMode::kFloor;
  } else if (mode == "round") {
    c.mode = RoundMode::kRound;
  } else if (mode == "ceil") {
    c.mode = RoundMode::kCeil;
  } else {
    return Result<Convention>::Error("convention \"" + text + "\" has unknown mode \"" + mode + "\"");
  }
  return c;
}

bool Produces(const Convention& convention, double exact, double declared, double cap) {
  if (!std::isfinite(exact) || !std::isfinite(declared)) return false;
  double x = convention.capped && exact > cap ? cap : exact;
  double scale = std::pow(10.0, convention.decimals);
  double xs = x * scale;
  double ds = declared * scale;
  // The declared figure must itself be printable with this many decimals.
  if (std::fabs(ds - std::round(ds)) > 1e-6 * std::max(1.0, std::fabs(ds))) return false;
  double printed = std::round(ds);
  switch (convention.mode) {
    case RoundMode::kFloor:
      return printed == std::floor(xs + kEpsilon * std::max(1.0, std::fabs(xs)));
    case RoundMode::kCeil:
      return printed == std::ceil(xs - kEpsilon * std::max(1.0, std::fabs(xs)));
    case RoundMode::kRound:
      // Either tie-breaking rule: within half a unit of the last digit.
      return std::fabs(printed - xs) <= 0.5 + kEpsilon * std::max(1.0, std::fabs(xs));
  }
  return false;
}

Agreement Judge(double declared, const std::vector<double>& exacts, const ConventionSet& usual,
                const ConventionSet& unusual, const Tolerance& tolerance, double cap) {
  if (exacts.empty()) return Agreement::kConsistent;
  for (double exact : exacts) {
    if (std::fabs(declared - exact) <= kEpsilon * std::max(1.0, std::fabs(exact)))
      return Agreement::kConsistent;
    for (const Convention& c : usual)
      if (Produces(c, exact, declared, cap)) return Agreement::kConsistent;
  }
  for (double exact : exacts)
    for (const Convention& c : unusual)
      if (Produces(c, exact, declared, cap)) return Agreement::kUnusual;
  double distance = std::fabs(declared - exacts.front());
  if (distance < tolerance.consistent) return Agreement::kTolerated;
  if (distance < tolerance.discrepancy) return Agreement::kSuspicious;
  return Agreement::kContradiction;
}

std::optional<Severity> SeverityOf(Agreement agreement) {
  switch (agreement) {
    case Agreement::kConsistent: return std::nullopt;
    case Agreement::kTolerated: return Severity::kInfo;
    case Agreement::kUnusual: return Severity::kWarning;
    case Agreement::kSuspicious: return Severity::kWarning;
    case Agreement::kContradiction: return Severity::kError;
  }
  return std::nullopt;
}

}  // namespace jixiao::score
