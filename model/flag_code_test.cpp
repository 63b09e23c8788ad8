#include "model/flag_code.h"

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace jixiao {
namespace {

TEST(FlagCodeTest, EveryCodeRoundTripsThroughItsName) {
  std::set<std::string> names;
  for (FlagCode code : AllFlagCodes()) {
    const std::string& name = ToString(code);
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name << " names two codes";
    EXPECT_EQ(ParseFlagCode(name), code) << name;
  }
  EXPECT_EQ(names.size(), 21u);  // the contract's codes (schema/document.schema.json)
}

TEST(FlagCodeTest, AllCodesAreListedInDeclarationOrder) {
  const auto codes = AllFlagCodes();
  for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(static_cast<size_t>(codes[i]), i);
  EXPECT_EQ(codes.front(), FlagCode::kRateMismatch);
  EXPECT_EQ(codes.back(), FlagCode::kNoReport);
}

TEST(FlagCodeTest, NamesAreThoseOfTheContract) {
  EXPECT_EQ(ToString(FlagCode::kTotalMismatch), "TOTAL_MISMATCH");
  EXPECT_EQ(ToString(FlagCode::kTargetNotMetFullScore), "TARGET_NOT_MET_FULL_SCORE");
  EXPECT_EQ(ToString(FlagCode::kUnreadable), "UNREADABLE");
  EXPECT_EQ(ToString(FlagCode::kNoReport), "NO_REPORT");
}

TEST(FlagCodeTest, AnUnknownNameIsRefused) {
  EXPECT_EQ(ParseFlagCode("MANUAL_NOTE"), std::nullopt);
  EXPECT_EQ(ParseFlagCode(""), std::nullopt);
  EXPECT_EQ(ParseFlagCode("total_mismatch"), std::nullopt);   // names are exact
  EXPECT_EQ(ParseFlagCode(" TOTAL_MISMATCH"), std::nullopt);
  EXPECT_EQ(ParseFlagCode("TOTAL_MISMATCH "), std::nullopt);
  EXPECT_EQ(ParseFlagCode("TOTAL_MISMATCHES"), std::nullopt);
  EXPECT_EQ(ParseFlagCode(std::string_view("UNREADABLE\0X", 12)), std::nullopt);
  EXPECT_EQ(ParseFlagCode("error"), std::nullopt);  // a severity is not a code
}

TEST(SeverityTest, EverySeverityRoundTripsThroughItsName) {
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) EXPECT_EQ(ParseSeverity(ToString(s)), s);
  EXPECT_EQ(ToString(Severity::kError), "error");
  EXPECT_EQ(ToString(Severity::kWarning), "warning");
  EXPECT_EQ(ToString(Severity::kInfo), "info");
}

TEST(SeverityTest, AnUnknownNameIsRefused) {
  EXPECT_EQ(ParseSeverity("fatal"), std::nullopt);
  EXPECT_EQ(ParseSeverity("Error"), std::nullopt);
  EXPECT_EQ(ParseSeverity(""), std::nullopt);
  EXPECT_EQ(ParseSeverity("UNREADABLE"), std::nullopt);
}

TEST(SeverityTest, SeveritiesAreOrderedByWeight) {
  EXPECT_LT(Severity::kInfo, Severity::kWarning);
  EXPECT_LT(Severity::kWarning, Severity::kError);
  EXPECT_EQ(std::min(Severity::kError, Severity::kWarning), Severity::kWarning);
}

}  // namespace
}  // namespace jixiao
