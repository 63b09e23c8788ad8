#include "score/flag_builder.h"

#include <utility>

namespace jixiao::score {

FlagBuilder::FlagBuilder(std::string code, std::string severity, std::string path) {
  flag_.code = std::move(code);
  flag_.severity = std::move(severity);
  flag_.path = std::move(path);
}

FlagBuilder& FlagBuilder::Message(std::string message) {
  flag_.message = std::move(message);
  return *this;
}

FlagBuilder& FlagBuilder::Declared(double declared) {
  flag_.declared = declared;
  return *this;
}

FlagBuilder& FlagBuilder::Expected(double expected) {
  flag_.expected = expected;
  return *this;
}

FlagBuilder& FlagBuilder::DeclaredText(std::string declared) {
  flag_.declared_text = std::move(declared);
  return *this;
}

FlagBuilder& FlagBuilder::ExpectedText(std::string expected) {
  flag_.expected_text = std::move(expected);
  return *this;
}

FlagBuilder& FlagBuilder::Evidence(const Value& value) {
  return Evidence(value.where, value.raw, value.confidence);
}

FlagBuilder& FlagBuilder::Evidence(const std::optional<Value>& value) {
  if (value) Evidence(*value);
  return *this;
}

FlagBuilder& FlagBuilder::Evidence(const ScoredNumber& number) {
  return Evidence(number.where, number.raw, number.confidence);
}

FlagBuilder& FlagBuilder::Evidence(const Location& where, const std::string& text, double confidence) {
  if (text.empty() && where.page == 0 && where.line == 0) return *this;
  jixiao::Evidence e;
  e.page = where.page;
  e.bbox = where.bbox;
  e.text = text;
  e.ref = where.ref;
  // Only readings that can be doubted (OCR) carry a confidence.
  if (confidence < 1.0) e.confidence = confidence;
  e.line = where.line;
  e.column = where.column;
  flag_.evidence.push_back(std::move(e));
  return *this;
}

void Collector::Add(const FlagBuilder& builder) { Add(builder.flag()); }

void Collector::Add(Flag flag) {
  if (flag.severity.empty()) return;
  for (const Flag& f : flags_)
    if (f.code == flag.code && f.path == flag.path && f.severity == flag.severity) return;
  flags_.push_back(std::move(flag));
}

bool Collector::Has(const std::string& code, const std::string& path) const {
  for (const Flag& f : flags_)
    if (f.code == code && (path.empty() || f.path == path)) return true;
  return false;
}

std::string IndicatorLabel(const Indicator& indicator, size_t index) {
  if (!indicator.name.empty()) return "指标“" + indicator.name + "”";
  return "第" + std::to_string(index + 1) + "个指标";
}

}  // namespace jixiao::score
