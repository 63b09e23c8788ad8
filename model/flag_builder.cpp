#include "model/flag_builder.h"

#include <utility>

namespace jixiao {

FlagBuilder::FlagBuilder(FlagCode code, Severity severity, std::string path) {
  flag_.code = code;
  flag_.severity = severity;
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
  jixiao::Evidence e = EvidenceAt(where, text);
  // Only readings that can be doubted (OCR) carry a confidence.
  if (confidence < 1.0) e.confidence = confidence;
  flag_.evidence.push_back(std::move(e));
  return *this;
}

}  // namespace jixiao
