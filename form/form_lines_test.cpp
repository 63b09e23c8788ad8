// Header lines of a form: the fill date after its label.
#include "form/form_lines.h"

#include <gtest/gtest.h>

namespace jixiao::form {
namespace {

Block Paragraph(const std::string& text) {
  Block b;
  b.text = text;
  return b;
}

TEST(FillDateTextIn, ReadsTheDateAfterTheLabel) {
  EXPECT_EQ(FillDateTextIn("填报日期：2022 年 6 月　　　　　　总分：97"), "2022 年 6 月");
  EXPECT_EQ(FillDateTextIn("填报日期: 2023. 6. 21"), "2023. 6. 21");
  EXPECT_EQ(FillDateTextIn("填报时间：2021年4月"), "2021年4月");
  EXPECT_EQ(FillDateTextIn("联系电话：5223531"), std::nullopt);
  EXPECT_EQ(FillDateTextIn("填报日期：　　总分：97"), std::nullopt);
}

TEST(FillDateTextIn, SkipsAColonMisreadAsSymbolsOrAsADigit) {
  EXPECT_EQ(FillDateTextIn("填报日期S\\2023年6月"), "2023年6月");
  EXPECT_EQ(FillDateTextIn("填报日期》 2023年6月"), "2023年6月");
  EXPECT_EQ(FillDateTextIn("填报日期82022年6月 总分: 100"), "2022年6月");
  // Four digits are the year itself, not a misread colon.
  EXPECT_EQ(FillDateTextIn("填报日期:2022年6月"), "2022年6月");
  // More than two stray symbols: not a date after the label.
  EXPECT_EQ(FillDateTextIn("填报日期abc2022年6月"), std::nullopt);
}

TEST(FillDateTextIn, AcceptsTheLabelWithItsFirstCharacterMisread) {
  EXPECT_EQ(FillDateTextIn("让报日期 : 2023年5月 总分 : 96"), "2023年5月");
  EXPECT_TRUE(IsFormHeaderLine(Paragraph("让报日期 : 2023年5月 总分 : 96")));
  EXPECT_EQ(FillDateTextIn("填报髓期: 2025年3月 总分: 97"), "2025年3月");
  EXPECT_TRUE(IsFormHeaderLine(Paragraph("填报髓期: 2025年3月 总分: 97")));
}

TEST(IsFormHeaderLine, AYearInParenthesesEvenAsOcrReadsThem) {
  EXPECT_TRUE(IsFormHeaderLine(Paragraph("（2022年度）")));
  EXPECT_TRUE(IsFormHeaderLine(Paragraph("《2023年度)")));
  EXPECT_TRUE(IsFormHeaderLine(Paragraph("〈2021 年度〉")));
  EXPECT_FALSE(IsFormHeaderLine(Paragraph("《关于2023年度工作的通知》的要求")));
}

}  // namespace
// OCR misreads, adds or loses one character of a title (告 as 生, 自 as 目);
// text from a text layer or a converter is taken as printed.
TEST(IsNarrativeTitle, OneCharacterOfTheTitleMayBeMisreadByOcr) {
  Block ocr = Paragraph("财政支出项目绩效自评报生");
  ocr.kind = Block::Kind::kParagraph;
  ocr.confidence = 0.73;
  EXPECT_TRUE(IsNarrativeTitle(ocr));
  ocr.text = "财政支出项目绩效目评报告";
  EXPECT_TRUE(IsNarrativeTitle(ocr));
  ocr.text = "2020年度绩效自上评报告";  // a stray stroke read as a character
  EXPECT_TRUE(IsNarrativeTitle(ocr));
  ocr.text = "2020年度绩效自评告";  // a character lost
  EXPECT_TRUE(IsNarrativeTitle(ocr));
  ocr.text = "项目绩效自评工作";  // two characters apart: another line
  EXPECT_FALSE(IsNarrativeTitle(ocr));
  Block text = Paragraph("财政支出项目绩效自评报生");
  text.kind = Block::Kind::kParagraph;
  EXPECT_FALSE(IsNarrativeTitle(text));
  text.text = "财政支出项目绩效自评报告";
  EXPECT_TRUE(IsNarrativeTitle(text));
}

}  // namespace jixiao::form
