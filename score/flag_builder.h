// FlagBuilder: one Flag with its message, figures and evidence.
//
// Every flag score/ raises goes through here so that each carries the same
// parts: a code from the output contract, a severity, a JSON Pointer into
// the report, a message in Chinese that an auditor can check by hand (the
// figures as printed, the rule, the result), the declared and expected
// figures, and one evidence item (page, box, printed text) per figure the
// message rests on. A flag with an empty severity is dropped by Collector.
// Internal to score/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace jixiao::score {

class FlagBuilder {
 public:
  FlagBuilder(std::string code, std::string severity, std::string path);

  FlagBuilder& Message(std::string message);
  FlagBuilder& Declared(double declared);
  FlagBuilder& Expected(double expected);
  FlagBuilder& DeclaredText(std::string declared);
  FlagBuilder& ExpectedText(std::string expected);
  // Evidence from a printed figure; figures without text are skipped.
  FlagBuilder& Evidence(const Value& value);
  FlagBuilder& Evidence(const std::optional<Value>& value);
  FlagBuilder& Evidence(const ScoredNumber& number);
  // `confidence` is the reading's (0..1); below 1 it is kept with the evidence.
  FlagBuilder& Evidence(const Location& where, const std::string& text, double confidence = 1.0);

  const Flag& flag() const { return flag_; }

 private:
  Flag flag_;
};

// Collects the flags of one report; drops those without a severity and
// exact duplicates (same code, path and severity).
class Collector {
 public:
  void Add(const FlagBuilder& builder);
  void Add(Flag flag);
  const std::vector<Flag>& flags() const { return flags_; }
  std::vector<Flag> Take() { return std::move(flags_); }
  bool Has(const std::string& code, const std::string& path) const;

 private:
  std::vector<Flag> flags_;
};

// "指标“预计参保人数”" — how messages name an indicator.
std::string IndicatorLabel(const Indicator& indicator, size_t index);

}  // namespace jixiao::score
