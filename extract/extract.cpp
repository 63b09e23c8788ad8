// Dispatch an input file to the reader for its kind.

#include "extract/extract.h"

#include <unicode/ustring.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <sstream>

#include "extract/ocr_page.h"
#include "extract/pdf_reader.h"
#include "extract/text_input.h"

namespace jixiao {

namespace {

// Text inputs larger than this are not report conversions.
constexpr std::streamoff kMaxTextBytes = 64 << 20;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool IsValidUtf8(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  // Preflight only: reports U_INVALID_CHAR_FOUND for ill-formed sequences.
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  return status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING ||
         U_SUCCESS(status);
}

// Whether the file name promises a PDF (".pdf" in any case).
bool HasPdfName(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

}  // namespace

InputKind SniffInputKind(std::string_view head) {
  // PDF allows junk before the header within the first 1024 bytes.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputKind::kPdf;
  if (StartsWith(head, "\x89PNG\r\n\x1a\n")) return InputKind::kImage;
  if (StartsWith(head, "\xff\xd8\xff")) return InputKind::kImage;
  if (StartsWith(head, std::string_view("II*\0", 4)) || StartsWith(head, std::string_view("MM\0*", 4)))
    return InputKind::kImage;
  if (head.find('\0') != std::string_view::npos) return InputKind::kBinary;
  return InputKind::kText;
}

Result<LayoutDocument> Extract(const std::string& path, const ExtractOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<LayoutDocument>::Error("cannot open file: " + std::string(std::strerror(errno)));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) return Result<LayoutDocument>::Error("cannot read file");
  if (size == 0) return Result<LayoutDocument>::Error("empty file");

  std::string head(static_cast<size_t>(std::min<std::streamoff>(size, 4096)), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  const InputKind kind = SniffInputKind(head);
  // A .pdf that is something else (an HTML error page saved under the
  // download's name, an archive) is refused as what it claims to be, not
  // read as text that holds no report.
  if (kind != InputKind::kPdf && HasPdfName(path))
    return Result<LayoutDocument>::Error("not a PDF file (no %PDF header)");
  switch (kind) {
    case InputKind::kPdf:
      return ExtractPdf(path, options);
    case InputKind::kImage:
      return ExtractImageFile(path, options);
    case InputKind::kBinary:
      return Result<LayoutDocument>::Error("not a PDF, image or text file (binary data)");
    case InputKind::kText:
      break;
  }
  if (size > kMaxTextBytes)
    return Result<LayoutDocument>::Error("text file too large (" + std::to_string(size >> 20) + " MiB)");
  in.seekg(0, std::ios::beg);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.find('\0') != std::string::npos)
    return Result<LayoutDocument>::Error("not a PDF, image or text file (binary data)");
  if (!IsValidUtf8(text))
    return Result<LayoutDocument>::Error("text is not valid UTF-8 (convert it first, e.g. iconv -f GBK -t UTF-8)");
  return ExtractText(text);
}

Result<int> CountPages(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<int>::Error("cannot open file: " + std::string(std::strerror(errno)));
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.empty()) return Result<int>::Error("empty file");
  const InputKind kind = SniffInputKind(head);
  if (kind != InputKind::kPdf && HasPdfName(path)) return Result<int>::Error("not a PDF file (no %PDF header)");
  switch (kind) {
    case InputKind::kPdf:
      return CountPdfPages(path);
    case InputKind::kImage:
      return CountImagePages(path);
    case InputKind::kBinary:
    case InputKind::kText:
      break;
  }
  return 1;
}

}  // namespace jixiao
