// Dispatch an input file to the reader for its kind.

#include "extract/extract.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/ocr_page.h"
#include "extract/office_input.h"
#include "extract/pdf_reader.h"
#include "extract/text_encoding.h"
#include "extract/text_input.h"

namespace jixiao {

namespace {

// Text inputs larger than this are not report conversions.
constexpr std::streamoff kMaxTextBytes = 64 << 20;
// Nor are Office files (compressed) larger than this.
constexpr std::streamoff kMaxOfficeBytes = 128 << 20;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// The file name's extension in lower case, with its dot.
std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

Result<std::string> ReadAll(std::ifstream& in) {
  in.seekg(0, std::ios::beg);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Result<std::string>::Error("cannot read file");
  return buffer.str();
}

// `name` as UTF-16LE, as OLE2 directory entries spell stream names.
bool HasStreamName(std::string_view bytes, std::string_view name) {
  std::string wide;
  for (char c : name) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

// The one-line refusal of a legacy binary Office file (OLE2), naming the
// conversion; an encrypted .docx/.xlsx is an OLE2 file too.
std::string LegacyOfficeMessage(const std::string& path, std::string_view bytes) {
  if (HasStreamName(bytes, "EncryptedPackage"))
    return "encrypted Office file (password-protected); open it and save it without a password";
  const std::string ext = LowerExtension(path);
  const bool sheet = ext == ".xls" || ext == ".et" ||
                     ((ext != ".doc" && ext != ".wps") && (HasStreamName(bytes, "Workbook") || HasStreamName(bytes, "Book")));
  const std::string what = sheet ? "Excel/WPS spreadsheet (.xls/.et)" : "Word/WPS document (.doc/.wps)";
  return "legacy binary " + what + " is not read; convert it first: soffice --headless --convert-to " +
         (sheet ? "xlsx" : "docx") + " FILE";
}

bool HasLegacyOfficeName(const std::string& path) {
  const std::string ext = LowerExtension(path);
  return ext == ".doc" || ext == ".xls" || ext == ".wps" || ext == ".et";
}

Result<LayoutDocument> ExtractTextFile(std::ifstream& in, std::streamoff size, const ExtractOptions& options) {
  if (size > kMaxTextBytes)
    return Result<LayoutDocument>::Error("text file too large (" + std::to_string(size >> 20) + " MiB)");
  Result<std::string> bytes = ReadAll(in);
  if (!bytes.ok()) return Result<LayoutDocument>(bytes.status());
  Result<DecodedText> decoded = DecodeText(bytes.value(), options.encoding);
  if (!decoded.ok()) return Result<LayoutDocument>(decoded.status());
  Result<LayoutDocument> layout = ExtractText(decoded.value().utf8);
  if (layout.ok()) layout.value().encoding = decoded.value().encoding;
  return layout;
}

}  // namespace

InputKind SniffInputKind(std::string_view head) {
  // PDF allows junk before the header within the first 1024 bytes.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputKind::kPdf;
  if (StartsWith(head, "\x89PNG\r\n\x1a\n")) return InputKind::kImage;
  if (StartsWith(head, "\xff\xd8\xff")) return InputKind::kImage;
  if (StartsWith(head, std::string_view("II*\0", 4)) || StartsWith(head, std::string_view("MM\0*", 4)))
    return InputKind::kImage;
  if (StartsWith(head, "PK\x03\x04")) return InputKind::kOffice;
  if (StartsWith(head, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) return InputKind::kLegacyOffice;
  // Only now, with every binary format above ruled out, may NUL bytes be
  // the high halves of UTF-16 code units.
  if (LooksLikeUtf16(head)) return InputKind::kText;
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
  if (kind != InputKind::kPdf && LowerExtension(path) == ".pdf")
    return Result<LayoutDocument>::Error("not a PDF file (no %PDF header)");
  switch (kind) {
    case InputKind::kPdf:
      return ExtractPdf(path, options);
    case InputKind::kImage:
      return ExtractImageFile(path, options);
    case InputKind::kOffice: {
      if (size > kMaxOfficeBytes)
        return Result<LayoutDocument>::Error("Office file too large (" + std::to_string(size >> 20) + " MiB)");
      Result<std::string> bytes = ReadAll(in);
      if (!bytes.ok()) return Result<LayoutDocument>(bytes.status());
      return ExtractOfficePackage(bytes.value());
    }
    case InputKind::kLegacyOffice: {
      if (size > kMaxOfficeBytes) return Result<LayoutDocument>::Error(LegacyOfficeMessage(path, head));
      Result<std::string> bytes = ReadAll(in);
      return Result<LayoutDocument>::Error(LegacyOfficeMessage(path, bytes.ok() ? bytes.value() : head));
    }
    case InputKind::kBinary:
      if (HasLegacyOfficeName(path)) return Result<LayoutDocument>::Error(LegacyOfficeMessage(path, head));
      // Told what the text is, the reader decodes it and fails if it is not.
      if (!options.encoding.empty()) return ExtractTextFile(in, size, options);
      return Result<LayoutDocument>::Error("not a PDF, image or text file (binary data)");
    case InputKind::kText:
      break;
  }
  return ExtractTextFile(in, size, options);
}

Result<int> CountPages(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<int>::Error("cannot open file: " + std::string(std::strerror(errno)));
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.empty()) return Result<int>::Error("empty file");
  const InputKind kind = SniffInputKind(head);
  if (kind != InputKind::kPdf && LowerExtension(path) == ".pdf")
    return Result<int>::Error("not a PDF file (no %PDF header)");
  switch (kind) {
    case InputKind::kPdf:
      return CountPdfPages(path);
    case InputKind::kImage:
      return CountImagePages(path);
    case InputKind::kOffice:
    case InputKind::kLegacyOffice:
    case InputKind::kBinary:
    case InputKind::kText:
      break;
  }
  return 1;
}

}  // namespace jixiao
