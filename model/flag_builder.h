// FlagBuilder: the one way a Flag is made, by form/ (a cell that cannot be
// read, a required cell left blank) and score/ (a contradiction) alike.
//
// A flag says what is wrong (a FlagCode), how much it matters (a Severity),
// where in the report (a JSON Pointer, "" for the whole document or report),
// why, in Chinese that an auditor can check by hand (the figures as printed,
// the rule, the result), which figures the document declares and the rules
// expect, and the printed figures the message rests on as evidence.
//
// Invariants of a built flag: code and severity are always set (the
// constructor takes them); evidence is kept in the order given, one item per
// figure; an item with neither text nor a place (page or line) says nothing
// and is not kept; an evidence item carries a confidence only when the
// reading can be doubted (below 1, i.e. OCR).
#pragma once

#include <optional>
#include <string>

#include "model/document.h"

namespace jixiao {

class FlagBuilder {
 public:
  FlagBuilder(FlagCode code, Severity severity, std::string path);

  FlagBuilder& Message(std::string message);
  FlagBuilder& Declared(double declared);
  FlagBuilder& Expected(double expected);
  FlagBuilder& DeclaredText(std::string declared);
  FlagBuilder& ExpectedText(std::string expected);
  // Evidence from a printed figure, at its place with its text and confidence.
  FlagBuilder& Evidence(const Value& value);
  FlagBuilder& Evidence(const std::optional<Value>& value);  // none when absent
  FlagBuilder& Evidence(const ScoredNumber& number);
  // `confidence` is the reading's (0..1).
  FlagBuilder& Evidence(const Location& where, const std::string& text, double confidence = 1.0);

  const Flag& flag() const { return flag_; }

 private:
  Flag flag_;
};

}  // namespace jixiao
