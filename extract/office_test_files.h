// Small Word and Excel files built in memory for the tests (libzip writes
// the archive), so that the tests need no Office program and no fixtures.
#pragma once

#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A ZIP archive of `parts`; each encrypted with `password` when given.
inline std::string MakeZip(const Parts& parts, const char* password = nullptr) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(zip, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (password != nullptr) zip_file_set_encryption(zip, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, password);
  }
  zip_close(zip);
  std::string out;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  out.resize(static_cast<size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

inline std::string DocxWithBody(const std::string& body) {
  return MakeZip({{"[Content_Types].xml", "<Types/>"},
                  {"word/document.xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                   "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
                       body + "</w:body></w:document>"}});
}

inline std::string XlsxWith(const std::string& sheet_data, const std::string& merges, const std::string& shared,
                            const std::string& styles) {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return MakeZip({
      {"[Content_Types].xml", "<Types/>"},
      {"_rels/.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel +
                          "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<workbook " + ns +
                              "><sheets><sheet name=\"自评表\" sheetId=\"1\" r:id=\"rId2\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + rel + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"" + rel + "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"},
      {"xl/styles.xml", "<styleSheet " + ns + ">" + styles + "</styleSheet>"},
      {"xl/sharedStrings.xml", "<sst " + ns + ">" + shared + "</sst>"},
      {"xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + sheet_data + "</sheetData>" +
                                       (merges.empty() ? "" : "<mergeCells>" + merges + "</mergeCells>") +
                                       "</worksheet>"},
  });
}

}  // namespace jixiao::testing
