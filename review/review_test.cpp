#include "review/review.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "extract/extract.h"
#include "review/html.h"
#include "review/text_locate.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("jixiao_review_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

Value Figure(const std::string& raw, double number, int line = 0, int column = 0) {
  Value v;
  v.raw = raw;
  v.number = number;
  v.where.line = line;
  v.where.column = column;
  return v;
}

TEST(ReviewHtmlTest, EscapesMarkupQuotesAndBadUtf8) {
  EXPECT_EQ(review::Escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  EXPECT_EQ(review::Escape(std::string("a\xff" "b", 3)), "a\xEF\xBF\xBD" "b");
}

TEST(ReviewHtmlTest, ShowsNormalizedValues) {
  Value v = Figure("≥95%", 95);
  v.comparator = ">=";
  v.unit = "%";
  EXPECT_EQ(review::ShowValue(v), "≥95 %");
  Value price = Figure("61 元/人/年", 61);
  price.unit = "元";
  price.per = {"人", "年"};
  EXPECT_EQ(review::ShowValue(price), "61 元/人/年");
}

TEST(TextLocatorTest, UsesLineAndColumnThenSearchesWithNumberBoundaries) {
  review::TextLocator locator(U"2020年 总分 96\n预算数 2 万元\n总分 96\n");
  Location third_line;
  third_line.line = 3;
  third_line.column = 4;
  std::optional<review::TextSpan> at_line = locator.Locate("96", third_line, "");
  ASSERT_TRUE(at_line);
  EXPECT_TRUE(at_line->by_line);
  EXPECT_EQ(at_line->begin, locator.line_starts()[2] + 3);
  // "2" is not the 2 of 2020: it is the one standing alone.
  std::optional<review::TextSpan> two = locator.Locate("2", Location{}, "");
  ASSERT_TRUE(two);
  EXPECT_EQ(two->begin, locator.line_starts()[1] + 4);
  EXPECT_FALSE(two->by_line);
  // A column counted in bytes is understood too.
  review::TextLocator bytes(U"总分 96\n");
  Location byte_column;
  byte_column.line = 1;
  byte_column.column = 8;  // "总分 " is 7 bytes
  std::optional<review::TextSpan> by_bytes = bytes.Locate("96", byte_column, "");
  ASSERT_TRUE(by_bytes);
  EXPECT_EQ(by_bytes->begin, 3u);
  EXPECT_FALSE(bytes.Locate("97", Location{}, ""));
}

Document HostileDocument(const std::string& source) {
  Document d;
  d.source.path = source;
  Report r;
  r.project_name = "<script>alert('name')</script>";
  r.budget.planned = Figure("640\"><script>x</script>", 6400000, 2, 5);
  r.total.declared.declared = 96;
  r.total.declared.raw = "96";
  Indicator ind;
  ind.name = "<b onmouseover=\"alert(1)\">覆盖率</b>";
  ind.target = Figure("≥90%", 90);
  r.indicators.push_back(ind);
  Flag f;
  f.code = FlagCode::kTotalMismatch;
  f.severity = Severity::kError;
  f.path = "/total/declared";
  f.message = "总分 96 ' onclick='alert(2)";
  f.evidence.push_back(EvidenceAt(Location{}, "96"));
  r.flags.push_back(f);
  Flag w = f;
  w.severity = Severity::kWarning;
  w.code = FlagCode::kHeaderTotalMismatch;
  r.flags.insert(r.flags.begin(), w);
  d.reports.push_back(r);
  return d;
}

TEST(ReviewPageTest, TextInputHighlightsFiguresAndEscapesEverything) {
  const fs::path source = Scratch("hostile.txt");
  WriteText(source, "<script>alert('source')</script>\n预算数 640\"><script>x</script>\n总分 96\n"
                    "<b onmouseover=\"alert(1)\">覆盖率</b>\t≥90%\n");
  const std::string page = ReviewPage(HostileDocument(source.string()), source.string(), ReviewOptions{});
  EXPECT_EQ(Count(page, "<script"), 1u) << "only the page's own script";
  EXPECT_EQ(Count(page, "onmouseover=\""), 0u);
  EXPECT_EQ(Count(page, "onclick='"), 0u);
  EXPECT_NE(page.find("&lt;script&gt;alert(&#39;source&#39;)&lt;/script&gt;"), std::string::npos);
  // Four lines with numbers; the budget figure marked on line 2 by its column.
  EXPECT_NE(page.find("<tr id=\"L4\">"), std::string::npos);
  EXPECT_EQ(page.find("<tr id=\"L5\">"), std::string::npos);
  std::smatch m;
  const std::regex budget_mark("<tr id=\"L2\">.*<mark class=\"box fig c-hi\" id=\"f0\"");
  EXPECT_TRUE(std::regex_search(page, m, budget_mark));
  EXPECT_EQ(Count(page, "<mark class=\"box fig"), 3u);
  // One entry per flag, the error first, showing the total's mark.
  EXPECT_EQ(Count(page, "<li class=\"flag "), 2u);
  EXPECT_LT(page.find("sev-error"), page.find("sev-warning"));
  EXPECT_NE(page.find("data-code=\"TOTAL_MISMATCH\" data-boxes=\"f2\""), std::string::npos) << page;
}

TEST(ReviewPageTest, PdfPagesAreDrawnWithABoxPerLocatedFigure) {
  const std::string pdf = JIXIAO_SOURCE_DIR "/tests/data/pdf/merged.pdf";
  Result<std::vector<PagePicture>> pictures = DrawPages(pdf, 50, 40'000'000);
  ASSERT_TRUE(pictures.ok()) << pictures.status().message();
  ASSERT_GE(pictures.value().size(), 1u);
  const PagePicture& first = pictures.value()[0];
  EXPECT_EQ(first.page, 1);
  EXPECT_NEAR(first.width_px, first.width_pt * 50 / 72, 2);
  ASSERT_GE(first.jpeg.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(first.jpeg[0]), 0xFF);

  Document d = HostileDocument(pdf);
  Location at_640;
  at_640.page = 1;
  at_640.bbox = BBox{72, 144, 144, 160};
  Location elsewhere;
  elsewhere.page = 1;
  elsewhere.bbox = BBox{300, 300, 320, 310};
  d.reports[0].budget.planned->where = at_640;
  d.reports[0].flags[1].evidence = {EvidenceAt(at_640, "640"), EvidenceAt(elsewhere, "x")};
  ReviewOptions options;
  options.dpi = 50;
  const std::string page = ReviewPage(d, pdf, options);
  EXPECT_EQ(Count(page, "<a class=\"box fig"), 1u);
  EXPECT_EQ(Count(page, "<a class=\"box ev\""), 1u) << "the evidence at the figure's place is the figure's box";
  EXPECT_NE(page.find("data:image/jpeg;base64,/9j/"), std::string::npos);
  const std::string left = "left:" + std::to_string(72 / first.width_pt * 100).substr(0, 5);
  EXPECT_NE(page.find(left), std::string::npos) << left;
}

TEST(ReviewPageTest, MissingSourceStillListsFiguresAndFlags) {
  const std::string page = ReviewPage(HostileDocument("/nonexistent/a.pdf"), "/nonexistent/a.pdf", ReviewOptions{});
  EXPECT_NE(page.find("源文件无法读取"), std::string::npos);
  EXPECT_EQ(Count(page, "<li class=\"flag "), 2u);
  EXPECT_NE(page.find("class=\"unplaced\""), std::string::npos);
}

TEST(ReviewPageTest, WritesBesideTheOutputAndReportsBadJson) {
  EXPECT_EQ(ReviewPathFor("out/a.b.json", "pages"), (fs::path("pages") / "a.b.html").string());
  const fs::path bad = Scratch("bad.json");
  WriteText(bad, "{not json");
  Status s = WriteReviewPage(bad.string(), Scratch("bad.html").string(), ReviewOptions{});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.json"), std::string::npos);
  EXPECT_FALSE(fs::exists(Scratch("bad.html")));
}

}  // namespace
}  // namespace jixiao
