// The shared development cases (../shared/norm-dev.jsonl), scored the way
// tools/score_norm.py scores them. Skipped when the shared folder is absent.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "normalize/normalize.h"

namespace jixiao {
namespace {

bool SameOptionalString(const nlohmann::json& expected, const std::optional<std::string>& got) {
  if (expected.is_null()) return !got.has_value();
  return got.has_value() && expected.get<std::string>() == *got;
}

bool SameValue(const nlohmann::json& expected, const Value& got) {
  if (expected.is_null()) return !got.has_figure();
  if (expected.is_string()) return got.date && *got.date == expected.get<std::string>();
  if (!got.number) return false;
  const double e = expected.get<double>();
  if (e == 0) return *got.number == 0;
  return std::abs(*got.number - e) <= 1e-9 * std::abs(e);
}

bool SamePer(const nlohmann::json& expected, const std::vector<std::string>& got) {
  if (expected.is_null() || expected.empty()) return got.empty();
  return expected.get<std::vector<std::string>>() == got;
}

TEST(DevSet, AccuracyAtLeast98Percent) {
  const std::string path = std::string(JIXIAO_SHARED_DIR) + "/norm-dev.jsonl";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no " << path;
  int total = 0;
  int correct = 0;
  std::string wrong;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json c = nlohmann::json::parse(line);
    const nlohmann::json& e = c["expected"];
    const Value v = Normalize(c["input"].get<std::string>()).value;
    const bool ok = SameValue(e.value("value", nlohmann::json()), v) &&
                    SameOptionalString(e.value("unit", nlohmann::json()), v.unit) &&
                    SameOptionalString(e.value("comparator", nlohmann::json()), v.comparator) &&
                    SamePer(e.value("per", nlohmann::json()), v.per);
    ++total;
    if (ok) {
      ++correct;
    } else {
      wrong += "\n  " + c["input"].get<std::string>() + " expected " + e.dump();
    }
  }
  ASSERT_GT(total, 0);
  EXPECT_GE(static_cast<double>(correct) / total, 0.98) << correct << "/" << total << wrong;
  if (!wrong.empty()) std::cout << "wrong readings:" << wrong << "\n";
}

}  // namespace
}  // namespace jixiao
