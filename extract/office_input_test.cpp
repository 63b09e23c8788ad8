#include "extract/office_input.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "extract/extract.h"
#include "extract/office_test_files.h"
#include "extract/office_zip.h"

namespace jixiao {
namespace {

using testing::DocxWithBody;
using testing::MakeZip;
using testing::XlsxWith;

std::string TextRun(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string Para(const std::string& text) { return "<w:p>" + TextRun(text) + "</w:p>"; }
std::string Tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + Para(text) + "</w:tc>";
}

const Cell* CellAt(const Table& t, int row, int col) {
  for (const Cell& c : t.cells)
    if (c.row == row && c.col == col) return &c;
  return nullptr;
}

TEST(DocxTest, ParagraphsAndTableWithGridSpanAndVMerge) {
  const std::string body =
      Para("项目支出绩效自评表") + "<w:p/>" + Para("（2022 年度）") +
      "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" + Tc("项目名称") + Tc("医疗救助资金", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
      "<w:tr>" + Tc("产出指标", "<w:vMerge w:val=\"restart\"/>") + Tc("指标1") + Tc("≥95%") + "</w:tr>"
      "<w:tr>" + Tc("", "<w:vMerge/>") + Tc("指标2") +
      "<w:tc><w:p>" + TextRun("第一行") + "<w:br/>" + TextRun("第二行") + "</w:p></w:tc></w:tr></w:tbl>" +
      Para("填报人：张三\t联系电话：123");
  Result<LayoutDocument> doc = ExtractOfficePackage(DocxWithBody(body));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const LayoutDocument& d = doc.value();
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(d.blocks[0].text, "项目支出绩效自评表");
  EXPECT_EQ(d.blocks[0].ref, "p1");
  EXPECT_EQ(d.blocks[1].ref, "p3");  // the empty paragraph still counts
  EXPECT_EQ(d.blocks[0].page, 0);
  ASSERT_EQ(d.blocks[2].kind, Block::Kind::kTable);
  const Table& t = d.blocks[2].table;
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  const Cell* name = CellAt(t, 0, 1);
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->col_span, 2);
  EXPECT_EQ(name->text, "医疗救助资金");
  const Cell* merged = CellAt(t, 1, 0);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->row_span, 2);
  EXPECT_EQ(merged->ref, "t1.r2.c1");
  EXPECT_EQ(CellAt(t, 2, 0), nullptr);  // covered by the vertical merge
  ASSERT_NE(CellAt(t, 2, 2), nullptr);
  EXPECT_EQ(CellAt(t, 2, 2)->text, "第一行\n第二行");
  EXPECT_EQ(d.blocks[3].text, "填报人：张三 联系电话：123");
  ASSERT_EQ(d.pages.size(), 1u);
  EXPECT_EQ(d.pages[0].method, "plain");
}

std::string SharedStrings(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += "<si><t xml:space=\"preserve\">" + s + "</t></si>";
  return out;
}

const char* kPercentStyles =
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00%\"/></numFmts>"
    "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>";

TEST(XlsxTest, ParagraphRowsTablesMergesAndNumberFormats) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"0\"/><c r=\"C1\"/></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"n\"><v>1174.79</v></c>"
      "<c r=\"C3\" s=\"1\"><v>0.9562</v></c></row>"
      "<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>≥95%</t></is></c><c r=\"C4\" s=\"1\"><v>1</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>4</v></c></row>";
  const std::string merges = "<mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B2:C2\"/><mergeCell ref=\"A3:A4\"/>"
                             "<mergeCell ref=\"A5:C5\"/>";
  const std::string shared = SharedStrings({"项目支出绩效自评表", "项目名称", "医疗救助资金", "年度资金", "填报人：张三"});
  Result<LayoutDocument> doc = ExtractOfficePackage(XlsxWith(rows, merges, shared, kPercentStyles));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const LayoutDocument& d = doc.value();
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].kind, Block::Kind::kParagraph);
  EXPECT_EQ(d.blocks[0].text, "项目支出绩效自评表");
  EXPECT_EQ(d.blocks[0].ref, "自评表!A1");
  ASSERT_EQ(d.blocks[1].kind, Block::Kind::kTable);
  EXPECT_EQ(d.blocks[1].ref, "自评表!A2:C4");
  const Table& t = d.blocks[1].table;
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  ASSERT_NE(CellAt(t, 0, 1), nullptr);
  EXPECT_EQ(CellAt(t, 0, 1)->col_span, 2);
  EXPECT_EQ(CellAt(t, 0, 1)->ref, "自评表!B2:C2");
  ASSERT_NE(CellAt(t, 1, 0), nullptr);
  EXPECT_EQ(CellAt(t, 1, 0)->row_span, 2);
  EXPECT_EQ(CellAt(t, 1, 1)->text, "1174.79");
  EXPECT_EQ(CellAt(t, 1, 2)->text, "95.62%");
  EXPECT_EQ(CellAt(t, 1, 2)->ref, "自评表!C3");
  EXPECT_EQ(CellAt(t, 2, 1)->text, "≥95%");
  EXPECT_EQ(CellAt(t, 2, 2)->text, "100.00%");
  EXPECT_EQ(d.blocks[2].text, "填报人：张三");
}

TEST(XlsxTest, AMillionEmptyRowsAreSkippedWithoutMaterializingThem) {
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目名称</t></is></c>"
                     "<c r=\"B1\" t=\"inlineStr\"><is><t>医疗救助资金</t></is></c></row>";
  rows.reserve(40'000'000);
  for (int r = 2; r < 1'000'000; ++r) rows += "<row r=\"" + std::to_string(r) + "\" spans=\"1:9\" ht=\"12.8\"/>";
  rows += "<row r=\"1000000\"><c r=\"A1000000\" t=\"inlineStr\"><is><t>总分</t></is></c>"
          "<c r=\"B1000000\"><v>96</v></c></row>";
  const std::string file = XlsxWith(rows, "", "", "");
  EXPECT_LT(file.size(), 8u << 20);  // a few MB on disk, 30 MB of XML inflated
  const auto start = std::chrono::steady_clock::now();
  Result<LayoutDocument> doc = ExtractOfficePackage(file);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc.value().blocks.size(), 2u);  // two tables: the empty rows part them
  EXPECT_EQ(doc.value().blocks[1].table.rows, 1);
  EXPECT_EQ(doc.value().blocks[1].table.cells[1].text, "96");
  EXPECT_EQ(doc.value().blocks[1].table.cells[1].ref, "自评表!B1000000");
  RecordProperty("seconds", std::to_string(seconds));
  EXPECT_LT(seconds, 60.0);  // about a second; sanitizer builds are slower
}

TEST(OfficeZipTest, DeclaredSizesOverTheLimitAreRefusedBeforeInflating) {
  const std::string zeros(2 << 20, '\0');
  const std::string bomb = MakeZip({{"word/document.xml", zeros}});
  ZipLimits limits;
  limits.max_part_bytes = 1 << 20;
  Result<std::unique_ptr<OfficeZip>> zip = OfficeZip::Open(bomb, limits);
  ASSERT_FALSE(zip.ok());
  EXPECT_NE(zip.status().message().find("ZIP bomb"), std::string::npos);
}

TEST(OfficeZipTest, TotalOverTheLimitIsRefused) {
  const std::string part(600 << 10, 'x');
  const std::string many = MakeZip({{"a.xml", part}, {"b.xml", part}});
  ZipLimits limits;
  limits.max_total_bytes = 1 << 20;
  EXPECT_FALSE(OfficeZip::Open(many, limits).ok());
  limits.max_entries = 1;
  limits.max_total_bytes = 1 << 30;
  EXPECT_FALSE(OfficeZip::Open(many, limits).ok());
}

// A bomb that lies about its size in both headers is stopped while it is
// inflated (or refused as corrupt by libzip's own checks): never read whole.
TEST(OfficeZipTest, LyingSizesAreCaughtWhileInflating) {
  const std::string zeros(4 << 20, '\0');
  std::string bomb = MakeZip({{"word/document.xml", zeros}});
  const uint32_t small = 100;
  for (const std::string& sig : {std::string("PK\x03\x04", 4), std::string("PK\x01\x02", 4)}) {
    const size_t at = bomb.find(sig);
    ASSERT_NE(at, std::string::npos);
    const size_t size_offset = at + (sig[2] == 3 ? 22 : 24);  // uncompressed size field
    for (int i = 0; i < 4; ++i) bomb[size_offset + i] = static_cast<char>((small >> (8 * i)) & 0xff);
  }
  ZipLimits limits;
  limits.max_part_bytes = 1 << 20;
  Result<std::unique_ptr<OfficeZip>> zip = OfficeZip::Open(bomb, limits);
  if (zip.ok()) {
    Result<std::string> part = zip.value()->Read("word/document.xml");
    ASSERT_FALSE(part.ok() && part.value().size() > (1u << 20));
  }
  Result<LayoutDocument> doc = ExtractOfficePackage(bomb);
  EXPECT_FALSE(doc.ok());
}

TEST(OfficeInputTest, CorruptEncryptedAndForeignArchivesAreOneLineErrors) {
  std::string docx = DocxWithBody(Para("项目名称"));
  Result<LayoutDocument> truncated = ExtractOfficePackage(docx.substr(0, docx.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("corrupt Office file"), std::string::npos);

  Result<LayoutDocument> bad_xml = ExtractOfficePackage(MakeZip({{"word/document.xml", "<w:document><w:body>"}}));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_NE(bad_xml.status().message().find("corrupt"), std::string::npos);

  Result<LayoutDocument> encrypted =
      ExtractOfficePackage(MakeZip({{"word/document.xml", "<w:document/>"}}, "secret"));
  ASSERT_FALSE(encrypted.ok());
  EXPECT_NE(encrypted.status().message().find("encrypted"), std::string::npos);

  Result<LayoutDocument> foreign = ExtractOfficePackage(MakeZip({{"readme.txt", "hello"}}));
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("neither a Word"), std::string::npos);
  for (const Result<LayoutDocument>* r : {&truncated, &bad_xml, &encrypted, &foreign})
    EXPECT_EQ(r->status().message().find('\n'), std::string::npos);
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / ("jixiao-office-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

TEST(OfficeInputTest, LegacyBinaryFilesNameTheConversion) {
  const std::string ole2 = std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) + std::string(600, '\0');
  const std::string doc = WriteTemp("report.doc", ole2);
  Result<LayoutDocument> r = Extract(doc, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("soffice --headless --convert-to docx"), std::string::npos);
  const std::string xls = WriteTemp("report.xls", ole2);
  r = Extract(xls, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("--convert-to xlsx"), std::string::npos);
  // An encrypted .docx is an OLE2 file holding an EncryptedPackage stream.
  std::string wide;
  for (char c : std::string("EncryptedPackage")) wide += std::string{c, '\0'};
  const std::string enc = WriteTemp("secret.docx", ole2 + wide);
  r = Extract(enc, ExtractOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("encrypted"), std::string::npos);
  for (const std::string& p : {doc, xls, enc}) std::filesystem::remove(p);
}

TEST(OfficeInputTest, SniffedByMagicNotByName) {
  EXPECT_EQ(SniffInputKind(std::string("PK\x03\x04", 4) + std::string(20, '\0')), InputKind::kOffice);
  EXPECT_EQ(SniffInputKind(std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8)), InputKind::kLegacyOffice);
}

}  // namespace
}  // namespace jixiao
