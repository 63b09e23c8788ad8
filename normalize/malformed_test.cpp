// Bad input never crashes, never yields a figure, and takes bounded time.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "normalize/normalize.h"

namespace jixiao {
namespace {

using Clock = std::chrono::steady_clock;

void ExpectNull(std::string_view text) {
  Normalized n = Normalize(text);
  EXPECT_FALSE(n.value.has_figure());
  EXPECT_FALSE(n.value.unit.has_value());
  EXPECT_FALSE(n.value.comparator.has_value());
  EXPECT_TRUE(n.value.per.empty());
  EXPECT_FALSE(ParsePoints(text).has_value());
}

TEST(Malformed, EmptyAndBlank) {
  ExpectNull("");
  ExpectNull("   ");
  ExpectNull("\u3000\t");
  EXPECT_FALSE(Normalize("").noisy);
}

TEST(Malformed, OnlyPunctuation) {
  for (std::string_view text : {"/", "-", "——", "……", "%", "（）", "≥", ".", ",", "///", "元"}) {
    SCOPED_TRACE(std::string(text));
    ExpectNull(text);
  }
}

TEST(Malformed, TenThousandDigitsIsNotAFigure) {
  const std::string digits(10000, '9');
  const auto start = Clock::now();
  Normalized n = Normalize(digits);
  EXPECT_FALSE(n.value.has_figure());
  EXPECT_TRUE(n.noisy);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
  // Short enough to be read, too long to be exact.
  Normalized twenty = Normalize(std::string(20, '1') + "元");
  EXPECT_FALSE(twenty.value.has_figure());
  EXPECT_TRUE(twenty.noisy);
}

TEST(Malformed, OneMegabyteOfTextInBoundedTime) {
  std::string text;
  while (text.size() < (1u << 20)) text += "预算执行率95%，1.6万人；";
  const auto start = Clock::now();
  Normalized n = Normalize(text);
  EXPECT_FALSE(n.value.has_figure());
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
}

TEST(Malformed, LongCellsJustUnderTheLimitInBoundedTime) {
  // Many candidate numbers, none a figure: each is examined once, and the
  // label before it is read only for an accepted figure.
  for (std::string_view unit : {"第1", "每人第1", "每人一站", "2022年", "1,", "9 ", "一、"}) {
    SCOPED_TRACE(std::string(unit));
    std::string text;
    while (text.size() + unit.size() < 4000 * 3 && text.size() < 4000) text += unit;
    const auto start = Clock::now();
    Normalized n = Normalize(text);
    (void)n;
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
  }
}

TEST(Malformed, InvalidUtf8IsNoisyNull) {
  for (std::string_view text : {std::string_view("95\xff%"), std::string_view("\xc0\xaf"),
                                std::string_view("\xe0\x80\xb1\xe0\x80\xb0"),
                                std::string_view("\xed\xa0\x80"),        // lone high surrogate
                                std::string_view("\xed\xb0\x80"),        // lone low surrogate
                                std::string_view("\xf8\x88\x80\x80\x80"),
                                std::string_view("1\xe4\xb8")}) {
    SCOPED_TRACE(std::string(text));
    Normalized n = Normalize(text);
    EXPECT_FALSE(n.value.has_figure());
    EXPECT_TRUE(n.noisy);
    ASSERT_TRUE(n.value.text.has_value());
    // What is kept is valid UTF-8 again.
    EXPECT_FALSE(Normalize(*n.value.text).value.raw.empty());
    EXPECT_FALSE(ParsePoints(text).has_value());
  }
}

TEST(Malformed, EmbeddedNulIsNull) {
  const std::string text("100\0%", 5);
  Normalized n = Normalize(text);
  EXPECT_FALSE(n.value.has_figure());
  EXPECT_TRUE(n.noisy);
  EXPECT_EQ(n.value.raw.find(std::string(1, '\0')), std::string::npos);  // kept text is printable
}

TEST(Malformed, HugeNumbersStayFinite) {
  Normalized n = Normalize("999999999999999亿亿元");
  if (n.value.number) {
    EXPECT_TRUE(std::isfinite(*n.value.number));
  }
  NormalizeContext context;
  context.column_unit = "亿亿";
  Normalized scaled = Normalize("999999999999999", context);
  ASSERT_TRUE(scaled.value.number.has_value());
  EXPECT_TRUE(std::isfinite(*scaled.value.number));
}

TEST(Malformed, InvalidColumnUnitIsIgnored) {
  NormalizeContext context;
  context.column_unit = std::string("\xff\xfe");
  Normalized n = Normalize("110", context);
  ASSERT_TRUE(n.value.number.has_value());
  EXPECT_EQ(*n.value.number, 110);
  EXPECT_FALSE(n.value.unit.has_value());
}

TEST(Concurrency, ManyThreadsGetTheSameReadings) {
  const std::vector<std::string> inputs = {"110 万元", "≥95%", "2023.6.21", "壹拾贰万叁仟元整",
                                           "每人每年320元", "全覆盖", "１．６万人"};
  std::vector<Normalized> expected;
  for (const auto& in : inputs) expected.push_back(Normalize(in));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          Normalized n = Normalize(inputs[i]);
          if (n.value.number != expected[i].value.number || n.value.date != expected[i].value.date ||
              n.value.unit != expected[i].value.unit || n.value.per != expected[i].value.per) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace jixiao
