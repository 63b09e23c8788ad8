# Helpers that give every jixiao target the same flags.
#
# jixiao_library(NAME DIR DEPS...) builds the library from DIR/*.cpp (except
# *_test.cpp), and, when DIR has *_test.cpp files, a GoogleTest executable
# NAME_test registered with CTest. Tests stand beside the code they test.

set(JIXIAO_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)

function(jixiao_flags target)
  target_compile_options(${target} PRIVATE ${JIXIAO_WARNINGS})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  if(JIXIAO_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(jixiao_library name dir)
  file(GLOB sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  file(GLOB tests CONFIGURE_DEPENDS ${dir}/*_test.cpp)
  if(tests)
    list(REMOVE_ITEM sources ${tests})
  endif()
  if(NOT sources AND NOT JIXIAO_EXTRA_SOURCES)
    # Header-only so far.
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${ARGN})
  else()
    add_library(${name} STATIC ${sources} ${JIXIAO_EXTRA_SOURCES})
    jixiao_flags(${name})
    target_link_libraries(${name} PUBLIC ${ARGN})
  endif()
  if(tests)
    add_executable(${name}_test ${tests})
    jixiao_flags(${name}_test)
    target_link_libraries(${name}_test PRIVATE ${name} GTest::gtest GTest::gtest_main)
    target_compile_definitions(${name}_test PRIVATE
      JIXIAO_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      JIXIAO_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    include(GoogleTest)
    gtest_discover_tests(${name}_test DISCOVERY_TIMEOUT 60
      PROPERTIES ENVIRONMENT "JIXIAO_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  endif()
endfunction()
