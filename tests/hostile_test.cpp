// Hostile and broken inputs, end to end through the binary. Every bad input
// gets exactly one "jixiao: error: <path>: <reason>" line on stderr, the
// batch exits 3, the good inputs of the same batch are still written, and no
// run crashes (dies of a signal, or of a sanitizer report) or hangs: each run
// is bounded by `timeout`. Inputs are generated here (PDF syntax, PNG chunks,
// random text), except the PDFs that tests/data/pdf/make.sh already made.

#include <sys/resource.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "tests/cli_runner.h"
#include "tests/pdf_syntax.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kPdfData = JIXIAO_SOURCE_DIR "/tests/data/pdf";
const fs::path kGoodText = JIXIAO_SOURCE_DIR "/samples/tieshan-2022-goal-table.txt";
const fs::path kReportText = JIXIAO_SOURCE_DIR "/samples/mingguang-2021-weight-column.txt";

// Every run must end by itself well within these. The CPU time is what the
// run costs (the machine may be shared, so wall time says little); the wall
// limit only catches a run that hangs without working, and `timeout` ends it.
constexpr double kCpuLimitSeconds = 120;
constexpr int kWallLimitSeconds = 600;
constexpr int kTimedOutStatus = 124;  // timeout(1) when it had to stop the run

struct BoundedRun {
  CommandResult result;
  double seconds = 0;       // wall
  double cpu_seconds = 0;   // user + system of the run
};

double ChildrenCpuSeconds() {
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// `jixiao <args>` under timeout(1). A run killed by a signal (a crash, a
// sanitizer abort) exits with 128 + the signal, a hang with 124.
BoundedRun RunBounded(const std::string& args) {
  auto dir = ScratchDir("bounded");
  auto out = dir / "stdout", err = dir / "stderr";
  const std::string cmd = "timeout -k 5 " + std::to_string(kWallLimitSeconds) + " " + Quote(JIXIAO_BINARY) + " " +
                          args + " </dev/null >" + Quote(out.string()) + " 2>" + Quote(err.string());
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ChildrenCpuSeconds();
  const int status = std::system(cmd.c_str());
  BoundedRun run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.cpu_seconds = ChildrenCpuSeconds() - cpu_start;
  run.result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.result.out = ReadFile(out);
  run.result.err = ReadFile(err);
  fs::remove_all(dir);
  return run;
}

std::string Describe(const BoundedRun& run) {
  std::string what = "exit " + std::to_string(run.result.exit_code) + " after " + std::to_string(run.seconds) +
                     " s (" + std::to_string(run.cpu_seconds) + " s CPU)";
  if (run.result.exit_code == kTimedOutStatus) what += " (timed out: a hang)";
  if (run.result.exit_code > 128) what += " (killed by signal " + std::to_string(run.result.exit_code - 128) + ")";
  return what + "\nstderr:\n" + run.result.err;
}

// The stderr lines that report `path` as failed.
std::vector<std::string> ErrorLinesFor(const std::string& err, const fs::path& path) {
  const std::string prefix = "jixiao: error: " + path.string() + ": ";
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) lines.push_back(line.substr(prefix.size()));
  return lines;
}

void WriteBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// --- PDF syntax ------------------------------------------------------------

using testing::PdfStream;
using testing::SerializePdf;

std::string PageTree(const std::vector<int>& kids) {
  std::string s = "<< /Type /Pages /Kids [";
  for (int k : kids) s += std::to_string(k) + " 0 R ";
  return s + "] /Count " + std::to_string(kids.size()) + " >>";
}

// A well-formed PDF whose page tree holds no page.
std::string ZeroPagePdf() {
  return SerializePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
}

// `pages` A4 pages without any content stream.
std::string EmptyPagesPdf(int pages) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::vector<int> kids;
  for (int i = 0; i < pages; ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    kids.push_back(static_cast<int>(objects.size()));
  }
  objects[1] = PageTree(kids);
  return SerializePdf(objects);
}

// One page a kilometre square with a filled box on it: no text layer, so
// it would be OCRed, but its image at any OCR resolution is far over the
// pixel limit.
std::string GiantPagePdf() {
  const std::string content = "0 g 1000 1000 50000 50000 re f";
  return SerializePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2834646 2834646] /Contents 4 0 R >>",
                       PdfStream(content)});
}

// UTF-8 -> code points (the samples are valid UTF-8).
std::vector<char32_t> CodePoints(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

// Page objects drawing `lines` as a text layer: a Type 0 font whose codes
// are the UTF-16 code units and whose ToUnicode map says so, so the text
// layer reads back exactly (the font itself is not embedded: only the text
// layer matters here). Appends the objects, returns the page numbers.
std::vector<int> AppendTextPages(const std::vector<std::string>& lines, std::vector<std::string>* objects) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
      "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
  std::vector<std::string> ranges;
  for (int high = 0; high < 256; ++high) {
    if (high >= 0xD8 && high <= 0xDF) continue;  // surrogates
    char r[40];
    std::snprintf(r, sizeof r, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
    ranges.push_back(r);
  }
  for (size_t i = 0; i < ranges.size(); i += 100) {
    const size_t n = std::min<size_t>(100, ranges.size() - i);
    cmap += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) cmap += ranges[k];
    cmap += "endbfrange\n";
  }
  cmap += "endcmap CMapName currentdict /CMap defineresource pop end end";
  const int font = static_cast<int>(objects->size()) + 1;
  objects->push_back("<< /Type /Font /Subtype /Type0 /BaseFont /JxSong /Encoding /Identity-H /DescendantFonts [" +
                     std::to_string(font + 1) + " 0 R] /ToUnicode " + std::to_string(font + 2) + " 0 R >>");
  objects->push_back(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /JxSong /CIDSystemInfo << /Registry (Adobe) /Ordering "
      "(Identity) /Supplement 0 >> /FontDescriptor " +
      std::to_string(font + 3) + " 0 R /DW 1000 /CIDToGIDMap /Identity >>");
  objects->push_back(PdfStream(cmap));
  objects->push_back(
      "<< /Type /FontDescriptor /FontName /JxSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
      "/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");

  // 46 characters of 10 pt per line, 56 lines per page.
  std::vector<std::vector<char32_t>> wrapped;
  for (const std::string& line : lines) {
    std::vector<char32_t> cps;
    for (char32_t c : CodePoints(line)) cps.push_back(c == '\t' ? U' ' : c);
    do {
      const size_t n = std::min<size_t>(46, cps.size());
      wrapped.emplace_back(cps.begin(), cps.begin() + static_cast<long>(n));
      cps.erase(cps.begin(), cps.begin() + static_cast<long>(n));
    } while (!cps.empty());
  }
  std::vector<int> pages;
  for (size_t first = 0; first < wrapped.size(); first += 56) {
    std::string content = "BT /F1 10 Tf 14 TL 50 800 Td\n";
    for (size_t i = first; i < std::min(wrapped.size(), first + 56); ++i) {
      content += "<";
      for (char32_t c : wrapped[i]) {
        if (c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) continue;
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
        content += hex;
      }
      content += "> Tj T*\n";
    }
    content += "ET";
    objects->push_back(PdfStream(content));
    objects->push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 " +
                       std::to_string(font) + " 0 R >> >> /Contents " + std::to_string(objects->size()) +
                       " 0 R >>");
    pages.push_back(static_cast<int>(objects->size()));
  }
  return pages;
}

// A page without text drawn full of small glyph-like blots: it must be
// OCRed, and Tesseract works long on it for nothing.
int AppendBlotPage(std::vector<std::string>* objects) {
  std::mt19937 random(7);
  std::string content = "0 g\n";
  for (int y = 780; y > 60; y -= 14)
    for (int x = 50; x < 540; x += 10)
      for (int stroke = 0; stroke < 3; ++stroke)
        content += std::to_string(x + random() % 7) + " " + std::to_string(y + random() % 7) + " " +
                   std::to_string(1 + random() % 6) + " " + std::to_string(1 + random() % 8) + " re\n";
  content += "f";
  objects->push_back(PdfStream(content));
  objects->push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " +
                     std::to_string(objects->size()) + " 0 R >>");
  return static_cast<int>(objects->size());
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The report of `text_path` as a text layer, then (optionally) a blot page.
std::string ReportPdf(const fs::path& text_path, bool with_blot_page) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::vector<int> kids = AppendTextPages(Lines(ReadFile(text_path)), &objects);
  if (with_blot_page) kids.push_back(AppendBlotPage(&objects));
  objects[1] = PageTree(kids);
  return SerializePdf(objects);
}

// --- PNG -------------------------------------------------------------------

uint32_t Crc32(const std::string& bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string BigEndian32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string PngChunk(const std::string& type, const std::string& data) {
  return BigEndian32(static_cast<uint32_t>(data.size())) + type + data + BigEndian32(Crc32(type + data));
}

// A PNG that claims width x height grey pixels but carries only an empty
// zlib stream: decoding it would allocate the full image first.
std::string ClaimingPng(uint32_t width, uint32_t height) {
  const std::string ihdr = BigEndian32(width) + BigEndian32(height) + std::string("\x08\x00\x00\x00\x00", 5);
  const std::string empty_zlib("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
  return std::string("\x89PNG\r\n\x1a\n", 8) + PngChunk("IHDR", ihdr) + PngChunk("IDAT", empty_zlib) +
         PngChunk("IEND", "");
}

// --- text ------------------------------------------------------------------

// Random bytes without NUL (so the file reaches the UTF-8 check), starting
// with a byte that can never begin UTF-8.
std::string RandomBytes(size_t n, uint32_t seed) {
  std::mt19937 random(seed);
  std::string s = "\xff";
  while (s.size() < n) s += static_cast<char>(1 + random() % 255);
  return s;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Valid UTF-8 noise: Han characters, digits, punctuation, symbols, emoji,
// combining marks, tabs and newlines, in long and short lines.
std::string RandomUtf8(size_t n, uint32_t seed) {
  std::mt19937 random(seed);
  std::string s;
  while (s.size() < n) {
    char32_t c = 0;
    switch (random() % 10) {
      case 0: c = U'0' + random() % 10; break;
      case 1: c = 0x21 + random() % 94; break;
      case 2: c = 0x3000 + random() % 0x40; break;  // CJK punctuation
      case 3: c = 0xFF01 + random() % 0x5E; break;  // full-width forms
      case 4: c = 0x0300 + random() % 0x70; break;  // combining marks
      case 5: c = 0x1F300 + random() % 0x300; break;  // emoji
      case 6: c = random() % 4 == 0 ? U'\n' : random() % 2 ? U'\t' : U' '; break;
      case 7: c = 0xE000 + random() % 0x1900; break;  // private use
      default: c = 0x4E00 + random() % 0x5200; break;  // Han
    }
    AppendUtf8(c, &s);
  }
  return s;
}

// The words and figures of the forms in random order: the reader and form
// detection get every cue with nothing consistent behind it.
std::string KeywordSoup(size_t n, uint32_t seed) {
  static const char* kWords[] = {"项目名称", "预算数", "执行数", "执行率", "得分", "分值", "年初目标值",
                                 "实际完成值", "绩效指标", "一级指标", "二级指标", "三级指标", "合计",
                                 "总分", "自评", "万元", "%", "≥", "≤", "（", "）", "100", "99.5",
                                 "1,234.56", "2023年6月21日", "\t", "\t\t", "\n", "|", "---", "：", "一、", "（一）"};
  std::mt19937 random(seed);
  std::string s;
  while (s.size() < n) s += kWords[random() % (sizeof kWords / sizeof kWords[0])];
  return s;
}

// --- the batch -------------------------------------------------------------

// One batch of every hostile input with two good ones among them. One run,
// one test: CTest runs each test in its own process, and the batch is the
// expensive part.
class HostileBatch {
 public:
  HostileBatch() : dir_(ScratchDir("hostile")) {
    const fs::path in = dir_ / "in";
    fs::create_directories(in);
    fs::copy_file(kPdfData / "truncated.pdf", in / "truncated.pdf");
    fs::copy_file(kPdfData / "encrypted_user.pdf", in / "encrypted_user.pdf");
    fs::copy_file(kPdfData / "encrypted_owner.pdf", in / "encrypted_owner.pdf");
    WriteBytes(in / "zero_pages.pdf", ZeroPagePdf());
    WriteBytes(in / "text_named.pdf", "<!DOCTYPE html><html><body>404 Not Found</body></html>\n");
    WriteBytes(in / "zip_named.pdf", std::string("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + RandomBytes(200, 3));
    WriteBytes(in / "huge.png", ClaimingPng(30000, 30000));
    WriteBytes(in / "empty_pages.pdf", EmptyPagesPdf(5000));
    WriteBytes(in / "giant_page.pdf", GiantPagePdf());
    WriteBytes(in / "random_bytes.txt", RandomBytes(64 << 10, 1));
    WriteBytes(in / "random_utf8.txt", RandomUtf8(256 << 10, 2));
    WriteBytes(in / "keyword_soup.txt", KeywordSoup(64 << 10, 4));
    WriteBytes(in / "empty.txt", "");
    WriteBytes(in / "empty.pdf", "");
    fs::create_directories(in / "no_inputs");
    WriteBytes(in / "no_inputs" / "notes.doc", "not an input type");
    fs::copy_file(kGoodText, in / "good.txt");
    WriteBytes(in / "good_report.pdf", ReportPdf(kReportText, /*with_blot_page=*/false));

    std::string args = "run -q -j 2 -o " + Quote((dir_ / "out").string());
    for (const char* name : {"truncated.pdf", "encrypted_user.pdf", "good.txt", "encrypted_owner.pdf",
                             "zero_pages.pdf", "text_named.pdf", "zip_named.pdf", "huge.png", "empty_pages.pdf",
                             "giant_page.pdf", "random_bytes.txt", "random_utf8.txt", "keyword_soup.txt", "empty.txt",
                             "empty.pdf", "no_inputs", "good_report.pdf"})
      args += " " + Quote((in / name).string());
    run_ = RunBounded(args);
  }
  ~HostileBatch() { fs::remove_all(dir_); }

  const BoundedRun& run() const { return run_; }
  fs::path Input(const std::string& name) const { return dir_ / "in" / name; }
  fs::path Output(const std::string& name) const {
    return dir_ / "out" / (fs::path(name).stem().string() + ".json");
  }
  fs::path OutputDir() const { return dir_ / "out"; }
  std::vector<std::string> ErrorLines(const std::string& name) const {
    return ErrorLinesFor(run_.result.err, Input(name));
  }

  // Exactly one error line for `name`, whose reason holds one of `reasons`,
  // and no output written for it.
  void ExpectOneErrorLine(const std::string& name, const std::vector<std::string>& reasons) const {
    SCOPED_TRACE(name);
    std::vector<std::string> lines = ErrorLines(name);
    ASSERT_EQ(lines.size(), 1u) << Describe(run_);
    bool explained = false;
    for (const std::string& reason : reasons) explained |= lines[0].find(reason) != std::string::npos;
    EXPECT_TRUE(explained) << "unclear reason: " << lines[0];
    EXPECT_FALSE(fs::exists(Output(name))) << "a failed input was written";
  }

 private:
  fs::path dir_;
  BoundedRun run_;
};

TEST(HostileTest, BatchOfBrokenInputsFailsEachCleanlyAndWritesTheGoodOnes) {
  const HostileBatch batch;
  const BoundedRun& run = batch.run();
  std::printf("hostile batch: %.1f s, %.1f s CPU\n", run.seconds, run.cpu_seconds);

  // The batch: ends by itself, exit 3, no crash or sanitizer abort.
  EXPECT_EQ(run.result.exit_code, 3) << Describe(run);
  EXPECT_LT(run.cpu_seconds, kCpuLimitSeconds) << Describe(run);

  // The good inputs are written, complete.
  for (const char* name : {"good.txt", "good_report.pdf"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(batch.ErrorLines(name).empty()) << run.result.err;
    ASSERT_TRUE(fs::exists(batch.Output(name))) << Describe(run);
    nlohmann::json doc = nlohmann::json::parse(ReadFile(batch.Output(name)), nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    EXPECT_GE(doc["reports"].size(), 1u);
  }
  for (auto& e : fs::directory_iterator(batch.OutputDir()))
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << "temporary left: " << e.path();

  batch.ExpectOneErrorLine("truncated.pdf", {"damaged or truncated"});
  // A user password is needed to open the file at all.
  batch.ExpectOneErrorLine("encrypted_user.pdf", {"encrypted", "password"});
  batch.ExpectOneErrorLine("zero_pages.pdf", {"no pages"});
  // An HTML error page and an archive saved under a .pdf name.
  batch.ExpectOneErrorLine("text_named.pdf", {"not a PDF"});
  batch.ExpectOneErrorLine("zip_named.pdf", {"not a PDF"});
  // 30000 x 30000 = 900 million pixels: refused from the header, before a
  // 900 MB buffer is allocated (the file has no pixel data to decode anyway).
  batch.ExpectOneErrorLine("huge.png", {"too large"});
  batch.ExpectOneErrorLine("giant_page.pdf", {"too large"});
  batch.ExpectOneErrorLine("random_bytes.txt", {"not valid UTF-8", "binary"});
  batch.ExpectOneErrorLine("random_utf8.txt", {"no performance report found"});
  batch.ExpectOneErrorLine("empty.txt", {"empty"});
  batch.ExpectOneErrorLine("empty.pdf", {"empty"});
  batch.ExpectOneErrorLine("no_inputs", {"no input files"});

  // 5000 pages without content: each is seen to be blank from a small
  // render, neither OCRed nor reported unreadable (the CPU bound above says
  // it was fast).
  batch.ExpectOneErrorLine("empty_pages.pdf", {"no performance report found"});
  for (const std::string& line : batch.ErrorLines("empty_pages.pdf")) {
    EXPECT_EQ(line.find("OCR"), std::string::npos) << line;
    EXPECT_EQ(line.find("page "), std::string::npos) << "a page problem: " << line;
  }

  // An owner password only restricts printing or copying: the file opens
  // and is read like any PDF, never refused as encrypted.
  {
    SCOPED_TRACE("encrypted_owner.pdf");
    std::vector<std::string> lines = batch.ErrorLines("encrypted_owner.pdf");
    ASSERT_LE(lines.size(), 1u) << run.result.err;
    if (lines.empty()) {
      nlohmann::json doc = nlohmann::json::parse(ReadFile(batch.Output("encrypted_owner.pdf")), nullptr, false);
      ASSERT_FALSE(doc.is_discarded());
      EXPECT_GE(doc["source"]["pages"].get<int>(), 1);
    } else {
      EXPECT_NE(lines[0].find("no performance report found"), std::string::npos) << lines[0];
    }
  }

  // Every cue word of the forms in random order: read or refused, cleanly.
  {
    SCOPED_TRACE("keyword_soup.txt");
    std::vector<std::string> lines = batch.ErrorLines("keyword_soup.txt");
    ASSERT_LE(lines.size(), 1u) << run.result.err;
    EXPECT_EQ(lines.empty(), fs::exists(batch.Output("keyword_soup.txt")));
    if (lines.empty()) {
      EXPECT_FALSE(nlohmann::json::parse(ReadFile(batch.Output("keyword_soup.txt")), nullptr, false).is_discarded());
    }
  }
}

TEST(HostileRunTest, OnlyAnEmptyFolderIsAFailedRun) {
  auto dir = ScratchDir("emptydir");
  BoundedRun run = RunBounded("run -q " + Quote(dir.string()));
  EXPECT_EQ(run.result.exit_code, 3) << Describe(run);
  EXPECT_EQ(ErrorLinesFor(run.result.err, dir).size(), 1u) << run.result.err;
  EXPECT_TRUE(run.result.out.empty());
  fs::remove_all(dir);
}

// --max-pixels refuses an image file from its header, and a PDF page that
// needs OCR before it is rendered; the text input beside them is unaffected.
TEST(HostileRunTest, MaxPixelsRefusesLargePagesOnly) {
  auto dir = ScratchDir("maxpixels");
  const fs::path png = JIXIAO_SOURCE_DIR "/tests/data/ocr/budget_table.png";
  const fs::path pua = kPdfData / "pua.pdf";  // text layer unusable: needs OCR
  BoundedRun run = RunBounded("run -q --max-pixels 10000 -o " + Quote((dir / "out").string()) + " " +
                              Quote(png.string()) + " " + Quote(pua.string()) + " " + Quote(kGoodText.string()));
  EXPECT_EQ(run.result.exit_code, 3) << Describe(run);
  EXPECT_LT(run.cpu_seconds, kCpuLimitSeconds) << Describe(run);
  std::vector<std::string> png_lines = ErrorLinesFor(run.result.err, png);
  ASSERT_EQ(png_lines.size(), 1u) << run.result.err;
  EXPECT_NE(png_lines[0].find("limit 10000"), std::string::npos) << png_lines[0];
  std::vector<std::string> pua_lines = ErrorLinesFor(run.result.err, pua);
  ASSERT_EQ(pua_lines.size(), 1u) << run.result.err;
  EXPECT_NE(pua_lines[0].find("too large"), std::string::npos) << pua_lines[0];
  EXPECT_TRUE(fs::exists(dir / "out" / (kGoodText.stem().string() + ".json")));
  fs::remove_all(dir);
}

// A page that OCR would work on far longer than --page-timeout is skipped
// with an UNREADABLE flag naming it; the document is still read from its
// other pages and written, and the run succeeds.
TEST(HostileRunTest, PageTimeoutSkipsTheSlowPageNotTheDocument) {
  auto dir = ScratchDir("pagetimeout");
  const fs::path pdf = dir / "report_and_blots.pdf";
  WriteBytes(pdf, ReportPdf(kReportText, /*with_blot_page=*/true));
  BoundedRun run = RunBounded("run -q --dpi 600 --page-timeout 10 -o " + Quote((dir / "out").string()) + " " +
                              Quote(pdf.string()));
  std::printf("page timeout run: %.1f s, %.1f s CPU\n", run.seconds, run.cpu_seconds);
  ASSERT_EQ(run.result.exit_code, 0) << Describe(run);
  EXPECT_LT(run.cpu_seconds, kCpuLimitSeconds) << Describe(run);
  nlohmann::json doc = nlohmann::json::parse(ReadFile(dir / "out" / "report_and_blots.json"), nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_GE(doc["reports"].size(), 1u);
  const int blot_page = doc["source"]["pages"].get<int>();
  bool flagged = false;
  for (const auto& f : doc["flags"])
    flagged |= f["code"] == "UNREADABLE" && f["message"].get<std::string>().find("page " + std::to_string(blot_page)) !=
                                                std::string::npos;
  EXPECT_TRUE(flagged) << doc["flags"].dump(2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::testing
