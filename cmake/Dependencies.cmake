# Every third-party dependency is found here, once, so that each target can
# link to it by an imported target name.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(Boost 1.74 REQUIRED COMPONENTS locale)
set(CABLE_DEPENDENCIES_REQUIRED ON)
include(${CMAKE_CURRENT_LIST_DIR}/CableDependencies.cmake)  # Cable::Xapian, Gumbo, XXHash, Zstd
find_package(nlohmann_json 3 REQUIRED)
find_package(fmt REQUIRED)

# The word list that backs the hyphenation rule (Debian's wamerican).
set(CABLE_WORDLIST /usr/share/dict/american-english CACHE FILEPATH
    "English word list used to decide line-end hyphenation")
if(NOT EXISTS "${CABLE_WORDLIST}")
  message(FATAL_ERROR "Word list ${CABLE_WORDLIST} not found: install Debian's wamerican "
                      "(scripts/deps does) or set CABLE_WORDLIST")
endif()

if(CABLE_BUILD_TOOLS OR CABLE_BUILD_TESTS)
  find_package(CLI11 REQUIRED)
endif()
# `cable serve`'s HTTP server: Debian's cpp-httplib, a compiled library whose
# pkg-config flags (its TLS and compression options) its header must see.
if(CABLE_BUILD_TOOLS)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  find_package(Threads REQUIRED)
endif()
# The cable tool allocates with jemalloc: Xapian's indexing is a storm of
# small allocations from two shard threads, and jemalloc's per-thread arenas
# make `cable index` about 7 % faster than glibc's malloc
# (docs/benchmarks.md). The library itself leaves the allocator to the
# program that links it. Not with the sanitizers, which bring their own.
if(CABLE_BUILD_TOOLS AND NOT CABLE_SANITIZE)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
endif()
if(CABLE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(CABLE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
