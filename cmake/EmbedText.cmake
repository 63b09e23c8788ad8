# cmake -DIN=file -DOUT=file.cpp -DNAME=Function -P EmbedText.cmake
# Writes a C++ file defining `std::string_view jixiao::NAME()` that returns
# the text of IN, so that a file of the tree ships inside the binary.
file(READ ${IN} text)
set(body "// Generated from ${IN} by cmake/EmbedText.cmake. Do not edit.\n")
string(APPEND body "#include <string_view>\nnamespace jixiao {\n")
string(APPEND body "std::string_view ${NAME}() {\n  return R\"JIXIAO_TEXT(${text})JIXIAO_TEXT\";\n}\n")
string(APPEND body "}  // namespace jixiao\n")
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
